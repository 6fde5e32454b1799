"""What the main process keeps of each input until the graph is written, and each report's part of the graph.

A report's part is its fragment (:class:`kg.build.fragment.Fragment`, serialised): a head line, its share of the
corpus, the triples the HTML view needs, then its Turtle blocks. It lives in the cache folder when the build has
one, else in memory, and is read the same way from both (each part from where it begins: the cache keeps the
offsets), so one code path serves a notebook build of three texts and a 10,000-report build into a folder; from a
cache file the Turtle blocks are copied into the graph by the operating system.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import IO

from kg.build.cache import Cache, fragment_layout
from kg.build.fragment import FragmentHead
from kg.build.tasks import report_fragment
from kg.fsutil import copy_range
from kg.model import extraction_from_json
from kg.read import SourceFile


@dataclass(slots=True)  # (one per input of a 100,000-file build: no __dict__ each)
class Entry:
    """One readable input: its name, content key and the few facts the build report needs."""

    name: str
    key: str
    report_id: str
    file: SourceFile
    problems: list[str]
    figures: int
    triples: int
    fragment_text: str | None = None  # in memory (a build without a cache)
    extraction_json: str | None = None  # in memory
    text: str | None = None  # in memory


def entry_from_head(name: str, key: str, head: FragmentHead, **memory: str | None) -> Entry:
    file = dataclasses.replace(head.file, source_name=name)
    return Entry(name, key, head.report_id, file, head.problems, head.figures, head.triples, **memory)


def entry_from_json(name: str, key: str, head: dict) -> Entry:
    """:func:`entry_from_head` of a head as :meth:`FragmentHead.to_json` wrote it (the index keeps it so)."""
    file = SourceFile(**{**head["file"], "source_name": name})
    return Entry(name, key, head["report_id"], file, list(head["problems"]), head["figures"], head["triples"])


@dataclass(slots=True)
class ReportPart:
    """One report (one text, possibly under several names: ``copies``, in name order)."""

    report_id: str
    copies: list[Entry]
    cache: Cache | None
    fragment_text: str | None = None  # set for a duplicated text, whose fragment names all its files

    @property
    def first(self) -> Entry:
        return self.copies[0]

    def _where(self) -> tuple[str | bytes, list[int]]:
        """The fragment (a cache path, or its bytes in memory), where its share, HTML line and body begin and where
        it ends."""
        text = self.fragment_text or self.first.fragment_text
        if text is None:
            assert self.cache is not None
            return self.cache.fragment_path(self.first.key, self.first.name), self.cache.layout(
                self.first.key, self.first.name
            )
        data = text.encode("utf-8")
        return data, fragment_layout(data, 0)

    def _read(self, part: int) -> bytes:
        """Part 0 (the corpus share line), 1 (the HTML line) or 2 (the body) of the fragment."""
        where, layout = self._where()
        if isinstance(where, bytes):
            return where[layout[part] : layout[part + 1]]
        with open(where, "rb") as f:
            f.seek(layout[part])
            return f.read(layout[part + 1] - layout[part])

    def share_line(self) -> bytes:
        """The report's share of the corpus (a JSON line: ``corpus`` and ``indicators``)."""
        return self._read(0)

    def html_line(self) -> bytes:
        """The triples the HTML view needs (a JSON string of N-Triples, or an empty line)."""
        return self._read(1)

    def body(self) -> bytes:
        """The report's own Turtle blocks."""
        return self._read(2)

    def copy_body(self, out: IO[bytes]) -> None:
        """Append the report's Turtle blocks to ``out``: from a cache file by the operating system."""
        where, layout = self._where()
        if isinstance(where, bytes):
            out.write(where[layout[2] :])
        else:
            copy_range(where, out, layout[2], layout[3] - layout[2])

    def body_range(self) -> tuple[str, int, int] | None:
        """The cache file and the byte range in it of the report's Turtle blocks (None: held in memory)."""
        where, layout = self._where()
        return None if isinstance(where, bytes) else (where, layout[2], layout[3])

    def text(self) -> str:
        """The report's decoded text."""
        if self.first.text is not None:
            return self.first.text
        assert self.cache is not None
        with open(self.cache.text_path(self.first.key), encoding="utf-8", newline="") as f:
            return f.read()

    def text_source(self) -> str | None:
        """The path of the cached text, when there is one (copied without decoding)."""
        return self.cache.text_path(self.first.key) if self.first.text is None and self.cache else None


def group_reports(entries: list[Entry], cache: Cache | None) -> list[ReportPart]:
    """The reports of a build, in report-id order: inputs with the same text become one report."""
    by_report: dict[str, list[Entry]] = {}
    for e in sorted(entries, key=lambda e: e.name):
        by_report.setdefault(e.report_id, []).append(e)
    parts = []
    for report_id in sorted(by_report):
        part = ReportPart(report_id, by_report[report_id], cache)
        if len(part.copies) > 1:  # the same text under several names (rare: made here, not cached)
            part.fragment_text = _duplicated_fragment(part)
        parts.append(part)
    return parts


def _duplicated_fragment(part: ReportPart) -> str:
    first = part.first
    if first.extraction_json is not None:
        data = json.loads(first.extraction_json)
    else:
        assert part.cache is not None
        with open(part.cache.extraction_path(first.key), "rb") as f:
            data = json.loads(f.read())
    fragment = report_fragment(extraction_from_json(data), [c.file for c in part.copies])
    return fragment.serialise(first.name)
