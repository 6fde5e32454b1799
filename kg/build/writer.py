"""Writing the graph: the Turtle of every report's part, in report-id order, then the shared resources.

The order of ``graph.ttl`` is canonical: the prefixes; then each report's resources (the report, its source
files, figures and mentions: every subject whose triples come from that report), reports in order of their IRI,
subjects within a report sorted by IRI; then the shared resources, sorted by IRI. Each subject's block lists
``rdf:type`` first, then predicates by prefixed name, objects sorted (:class:`kg.rdf.turtle.TurtleWriter`). So the
same inputs give the same bytes whatever the file order, the job count or the executor. Reports' blocks are copied
as bytes, never decoded: a 10,000-report graph is written in bounded memory.

While it writes, the writer keeps what the later steps need: the Turtle of the validation sample (the whole graph
up to :data:`VALIDATE_ALL_REPORTS` reports, else a sample of that many reports, reused ones among them, with every
shared resource they refer to: the very bytes written) and, when asked, a small store of the triples the HTML view
reads.
"""

from __future__ import annotations

import io
import json
import shutil
from dataclasses import dataclass
from typing import IO, Any

from kg.build.merge import Merged
from kg.build.parts import ReportPart
from kg.rdf.turtle import TurtleWriter, referenced_blocks

# The build validates the whole graph up to this many reports, else a sample of this many (module docstring).
VALIDATE_ALL_REPORTS = 10


@dataclass
class Written:
    """What writing the graph left for validation and the view."""

    sample: bytes = b""  # Turtle of what the build validates: the whole graph or a sample
    sampled: int = 0  # reports in the sample when it is one, else 0
    view_store: Any = None  # pyoxigraph.Store of what the HTML view reads


def sample_ids(report_ids: list[str], size: int, fresh: set[str] | None = None) -> set[str]:
    """What the build validates: every report when there are at most ``size``; else ``size`` reports, evenly
    spaced in id order within each kind: those made in this build (``fresh``: a rebuild after one change checks
    the changed report) take up to half, those reused from the cache the rest — their blocks are written into
    ``graph.ttl`` too, so they are validated too, never skipped because an earlier build checked them."""
    if len(report_ids) <= size:
        return set(report_ids)
    made = sorted(r for r in report_ids if r in (fresh or ()))
    reused = sorted(r for r in report_ids if r not in (fresh or ()))
    take = min(len(made), max(size - len(reused), (size + 1) // 2))
    return _spaced(made, take) | _spaced(reused, size - take)


def _spaced(pool: list[str], size: int) -> set[str]:
    """``size`` ids of ``pool`` evenly spaced (all when there are not more)."""
    if len(pool) <= size or size <= 0:
        return set(pool) if size > 0 else set()
    step = len(pool) / size
    return {pool[int(i * step)] for i in range(size)}


def write_graph(out: IO[bytes], parts: list[ReportPart], merged: Merged, *, sample: set[str], view: bool) -> Written:
    """Write the whole graph to ``out`` (binary); see the module docstring."""
    import pyoxigraph  # noqa: PLC0415

    writer = TurtleWriter()
    written = Written(view_store=pyoxigraph.Store() if view else None)
    sampled: list[bytes] = []
    out.write(writer.header().encode("utf-8"))
    for part in parts:
        with part.open() as f:
            f.readline()  # the corpus share: merged already
            html_line = f.readline()
            if view:
                nt = _json_string(html_line)
                if nt:
                    written.view_store.load(nt.encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
            if part.report_id in sample:
                body = f.read()
                sampled.append(body)
                out.write(body)
            else:
                shutil.copyfileobj(f, out, 1 << 20)
    shared = "".join(b.text for b in merged.shared)
    out.write(shared.encode("utf-8"))
    if view:
        written.view_store.load((writer.header() + shared).encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    if sample:
        whole = len(sample) == len(parts)
        if whole:
            sampled.append(shared.encode("utf-8"))
        else:
            named = {writer.iri(b.subject).encode("utf-8"): b.text.encode("utf-8") for b in merged.shared}
            sampled.extend(referenced_blocks(sampled, named))
            written.sampled = len(sample)
        written.sample = writer.header().encode("utf-8") + b"".join(sampled)
    return written


def _json_string(line: bytes) -> str:
    return json.loads(line) if line.strip() else ""


def turtle_bytes(parts: list[ReportPart], merged: Merged) -> bytes:
    """The whole graph as Turtle bytes (in memory: for a notebook's graph, not a 10,000-report corpus)."""
    buf = io.BytesIO()
    write_graph(buf, parts, merged, sample=set(), view=False)
    return buf.getvalue()
