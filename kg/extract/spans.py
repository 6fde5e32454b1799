"""A set of character spans that answers "does any span contain / overlap / cover this?" in O(log n).

Why: extractors skip mentions inside titles, quotes or other mentions. Asking every span in turn costs the number
of spans for each mention, so a report that repeats one title thousands of times (a province's compilation) took
time growing with the square of its length (issue 19). Spans are kept sorted by start with the running maximum of
their ends, so each question is one binary search.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class SpanSet:
    """Spans (start, end), end exclusive; they may nest or overlap."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end: list[int] = []
        reach = -1
        for _, e in ordered:
            reach = max(reach, e)
            self._max_end.append(reach)

    def _reach_before(self, index: int) -> int:
        """The largest end among the first ``index`` spans (-1 when there are none)."""
        return self._max_end[index - 1] if index > 0 else -1

    def contains(self, start: int, end: int) -> bool:
        """Some span holds all of ``[start, end)``."""
        return self._reach_before(bisect_right(self._starts, start)) >= end

    def overlaps(self, start: int, end: int) -> bool:
        """Some span shares a character with ``[start, end)``."""
        return self._reach_before(bisect_left(self._starts, end)) > start

    def covers(self, pos: int) -> bool:
        """Some span holds the character at ``pos``."""
        return self._reach_before(bisect_right(self._starts, pos)) > pos

    def strictly_contains(self, start: int, end: int) -> bool:
        """Some span begins before ``start`` and ends after ``end``."""
        return self._reach_before(bisect_left(self._starts, start)) > end
