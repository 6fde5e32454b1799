"""Writing the graph: the Turtle of every report's part, in report-id order, then the shared resources.

The order of ``graph.ttl`` is canonical: the prefixes; then each report's resources (the report, its source
files, figures and mentions: every subject whose triples come from that report), reports in order of their IRI,
subjects within a report sorted by IRI; then the shared resources, sorted by IRI. Each subject's block lists
``rdf:type`` first, then predicates by prefixed name, objects sorted (:class:`kg.rdf.turtle.TurtleWriter`). So the
same inputs give the same bytes whatever the file order, the job count or the executor. The bytes of the reports'
blocks and of the chunks of the shared part are copied from the cache by the operating system
(:func:`kg.fsutil.copy_range`), never decoded or even read by Python: a 10,000-report graph is written in bounded
memory, and in the time the kernel takes to copy it.

While it writes, the writer fills, when asked, a table of the triples the HTML view reads;
:func:`sample_turtle` gives the Turtle of what the build validates (the very bytes written): the whole graph up to
:data:`VALIDATE_ALL_REPORTS` reports; above that, of a build that made every report, a sample of that many; of a
rebuild, the reports it made (up to as many) and :data:`VALIDATE_REUSED` reused from the cache, and the shared
resources whose blocks it changed (up to :data:`VALIDATE_CHANGED`); each with every shared resource it refers to.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from kg.build.merge import Merged
from kg.build.parts import ReportPart
from kg.build.splice import LastGraph, Placed, copy_parts
from kg.rdf.turtle import TurtleWriter, referenced_blocks

if TYPE_CHECKING:
    from kg.rdf.viewrows import RowTable

# What the build validates (module docstring): the whole graph up to this many reports, else a sample of this many
VALIDATE_ALL_REPORTS = 10
VALIDATE_REUSED = 2  # reports reused from the cache that a rebuild validates besides the ones it made
VALIDATE_CHANGED = 200  # shared resources changed by a rebuild that it validates at most


@dataclass
class Sample:
    """What the build validates, as Turtle: the whole graph, or a sample of it (the very bytes written), in
    ``shards`` that can be validated apart (:func:`sample_turtle`)."""

    shards: list[bytes]
    sampled: int | None = None  # reports in the sample when it is one (the whole graph: None)
    changed: int = 0  # shared resources in the sample because this build changed them


def sample_ids(report_ids: list[str], size: int, fresh: set[str] | None = None) -> set[str]:
    """What the build validates: every report when there are at most ``size``; else, when every report was made
    in this build (``fresh``), ``size`` of them evenly spaced in id order; else (a rebuild) the ones made in this
    build (up to ``size``) and :data:`VALIDATE_REUSED` of those reused from the cache — their blocks are written
    into ``graph.ttl`` too, so some are validated too, never all skipped because an earlier build checked them."""
    if len(report_ids) <= size:
        return set(report_ids)
    made = sorted(r for r in report_ids if r in (fresh or ()))
    reused = sorted(r for r in report_ids if r not in (fresh or ()))
    return _spaced(made, size) | (_spaced(reused, VALIDATE_REUSED) if reused else set())


def _spaced(pool: list[str], size: int) -> set[str]:
    """``size`` ids of ``pool`` evenly spaced (all when there are not more)."""
    if len(pool) <= size or size <= 0:
        return set(pool) if size > 0 else set()
    step = len(pool) / size
    return {pool[int(i * step)] for i in range(size)}


def write_graph(
    out: IO[bytes],
    parts: list[ReportPart],
    merged: Merged,
    *,
    view: RowTable | None = None,
    last: LastGraph | None = None,
) -> list[Placed]:
    """Write the whole graph to ``out`` (binary); see the module docstring. With ``view``, fill that table with the
    triples the HTML view reads while writing (:class:`kg.rdf.viewrows.RowTable`): each report's (the N-Triples
    of its fragment's HTML line), then the shared part chunk by chunk, so memory stays bounded whatever the corpus.
    With ``last``, the graph the last build wrote, unchanged runs of reports are copied from it
    (:mod:`kg.build.splice`). Returns where each report's part stands in what was written."""
    import pyoxigraph  # noqa: PLC0415

    header = TurtleWriter().header().encode("utf-8")
    out.write(header)
    if view is not None:
        for part in parts:
            view.add(_json_string(part.html_line()).encode("utf-8"), pyoxigraph.RdfFormat.N_TRIPLES)
    placed = copy_parts(out, parts, len(header), last)
    merged.copy(out)
    if view is not None:
        for piece in merged.pieces():
            view.add(header + piece, pyoxigraph.RdfFormat.TURTLE)
        view.finish()
    return placed


def sample_turtle(parts: list[ReportPart], merged: Merged, sample: set[str], shards: int = 1) -> Sample:
    """The Turtle the build validates (module docstring): the reports of ``sample`` (:func:`sample_ids`), the
    shared blocks the build changed (up to :data:`VALIDATE_CHANGED`) and every shared block they refer to; the
    whole graph when ``sample`` holds every report.

    A sample comes in up to ``shards`` parts, each with its share of the reports and changed blocks and every
    shared block those refer to, so that the parts can be validated in separate processes with the results of the
    whole: the shapes are local (a node's constraints concern its own triples and the types of the nodes they point
    to), a report's nodes point only to its own nodes and to shared ones, and a shared block never points to a
    report's. A shared block that several parts refer to is in each of them."""
    writer = TurtleWriter()
    header = writer.header().encode("utf-8")
    reports = [p.body() for p in parts if p.report_id in sample]
    if len(sample) == len(parts):
        return Sample([header + b"".join(reports) + merged.text()])
    changed = [merged.block(s) for s in sorted(_spaced(merged.changed, VALIDATE_CHANGED))]
    blocks = [b.encode("utf-8") for b in changed if b is not None]
    named = _Blocks(merged, writer.prefixes["kgr"])
    out, count = [], max(1, min(shards, len(reports)))
    for n in range(count):
        own, extra = reports[n::count], blocks[n::count]
        referred = referenced_blocks(own + extra, named)
        out.append(header + b"".join(own + sorted(set(extra) | set(referred))))
    return Sample(out, len(sample), len(blocks))


class _Blocks:
    """Prefixed name (``kgr:…``, bytes) → Turtle block (bytes) of the shared resources, looked up on demand."""

    def __init__(self, merged: Merged, kgr: str) -> None:
        self.merged, self.kgr, self.seen = merged, kgr, {}

    def get(self, name: bytes) -> bytes | None:
        if name not in self.seen:
            text = self.merged.block(self.kgr + name.decode("ascii")[4:])
            self.seen[name] = text.encode("utf-8") if text is not None else None
        return self.seen[name]

    def __contains__(self, name: bytes) -> bool:
        return self.get(name) is not None

    def __getitem__(self, name: bytes) -> bytes:
        return self.get(name)


def _json_string(line: bytes) -> str:
    return json.loads(line) if line.strip() else ""


def turtle_bytes(parts: list[ReportPart], merged: Merged) -> bytes:
    """The whole graph as Turtle bytes (in memory: for a notebook's graph, not a 10,000-report corpus)."""
    buf = io.BytesIO()
    write_graph(buf, parts, merged)
    return buf.getvalue()
