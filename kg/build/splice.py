"""Writing ``graph.ttl`` again from the one the last build wrote: a rebuild copies the unchanged runs of report
parts out of the old file in a few large kernel copies, instead of one copy per report from its cache file.

Why: after one changed file of 10,000, writing the graph was half the rebuild — 10,000 opens and copies of the
reports' cached Turtle (1.2 GB of cache files read for 700 MB of graph), cold in the page cache more often than
not. The graph the last build wrote holds the same bytes in order, warm; a run of unchanged reports is one
contiguous range of it. The bytes written are the same either way: the parts are taken from the old file only
where the report's part is the same cached part (the same fragment file and the same body range in it, the
fragment being content-addressed), and only when ``graph.ttl`` is the very file that build left (its stamp,
:func:`kg.fsutil.file_stamp`, is the one recorded after its rename). Anything else — no record, another
fingerprint's cache, a graph edited or replaced since — and each part is copied from the cache as before.

The record is ``graph.json`` in the cache's root (:class:`kg.build.cache.Cache`, sealed like ``index.json``):
the graph's stamp and, per report, its part's source, offset and length in that graph.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

import orjson

from kg.build.parts import ReportPart
from kg.fsutil import copy_range, file_stamp

if TYPE_CHECKING:
    from kg.build.cache import Cache

LAYOUT = "graph.json"

Placed = tuple[str, str, int, int]
"""Where a report's part stands in a graph: report id, its source (fragment path and body range), offset, length."""


@dataclass(frozen=True)
class LastGraph:
    """The graph the last build wrote, where it still stands as it was left: report id → (source, offset)."""

    path: str
    parts: dict[str, tuple[str, int]]


def source_of(part: ReportPart) -> tuple[str, int] | None:
    """The identity of a part's bytes and their length: its cached fragment's path and body range (None for a part
    held in memory: a build without a cache)."""
    found = part.body_range()
    if found is None:
        return None
    path, start, end = found
    return f"{path}#{start}-{end}", end - start


def _cache_of(parts: list[ReportPart]) -> Cache | None:
    """The build's cache (every part of a build has the same one), where the record is kept."""
    return parts[0].cache if parts else None


def last_graph(parts: list[ReportPart], graph: Path) -> LastGraph | None:
    """The last graph of this output folder, when its record is in this build's cache and ``graph`` is the very
    file it describes."""
    cache = _cache_of(parts)
    if cache is None:
        return None
    record = cache.load_sealed(LAYOUT)
    if not record or record.get("stamp") != file_stamp(graph):
        return None
    return LastGraph(os.fspath(graph), {rid: (src, off) for rid, src, off, _ in record.get("parts", [])})


def copy_parts(out: IO[bytes], parts: Iterable[ReportPart], at: int, last: LastGraph | None) -> list[Placed]:
    """Append every part's body to ``out`` (at offset ``at``): runs of parts that stand one after the other in the
    last graph as one kernel copy of it, the others from their cache files. Returns where each part now stands —
    nothing when a part is held in memory (its length unknown without reading it: no record then)."""
    placed: list[Placed] = []
    complete = True
    run: list[int] = []  # [start, end] in the last graph of the run being gathered

    def flush() -> None:
        if run:
            copy_range(last.path, out, run[0], run[1] - run[0])
            run.clear()

    for part in parts:
        found = source_of(part)
        if found is None:
            flush()
            part.copy_body(out)
            complete = False
            continue
        source, length = found
        before = last.parts.get(part.report_id) if last else None
        if before is not None and before[0] == source:
            if run and run[1] == before[1]:
                run[1] += length
            else:
                flush()
                run.extend((before[1], before[1] + length))
        else:
            flush()
            part.copy_body(out)
        placed.append((part.report_id, source, at, length))
        at += length
    flush()
    return placed if complete else []


def save_layout(parts: list[ReportPart], placed: list[Placed], graph: Path) -> Callable[[], None]:
    """The function that records ``placed`` for the next build, once ``graph`` is in place (its stamp is taken
    after the rename: a rename changes the file's change time)."""
    cache = _cache_of(parts)

    def save() -> None:
        if cache is None or not placed:
            return
        cache.save_sealed(LAYOUT, orjson.dumps({"stamp": file_stamp(graph), "parts": placed}))

    return save
