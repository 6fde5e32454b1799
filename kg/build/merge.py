"""Merging the reports' parts: the corpus of shared nodes (regulations, bodies, areas, measures, works,
indicators) and the Turtle blocks of those shared resources, kept between builds so that a rebuild costs what
changed.

Each report was resolved alone in its worker; merging the parts equals resolving all reports at once
(:func:`kg.resolve.merge_corpus`, tested on the seeds). The merged corpus is kept as counts
(:mod:`kg.build.tally`, equal to :func:`~kg.resolve.merge_corpus`: ``tests/build/test_tally.py``) in a database
(:mod:`kg.build.state`): a rebuild counts out the share of each report that is gone or changed (read back from its
fragment, still in the cache) and counts in the share of each new one, then makes again the nodes they touch,
re-renders the blocks of those whose merged node changed, and rewrites the chunks of the shared part that hold
them (:mod:`kg.build.chunks`). A build without a trusted database (the first, ``--no-cache``, a damaged one)
counts every share the same way, from empty.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import IO, Any

import orjson

from kg.build.cache import Cache
from kg.build.chunks import Chunks
from kg.build.fragment import corpus_from_json
from kg.build.parts import Entry, ReportPart
from kg.build.state import State
from kg.build.tallies import TABLE_OF, Change, Tallies, count_in, count_out, settle
from kg.build.tally import TABLES
from kg.errors import BuildError
from kg.rdf.triples import entity_statements
from kg.rdf.turtle import TurtleWriter


@dataclass
class Merged:
    """What writing the graph needs of the shared resources: the chunks of their part of ``graph.ttl``, in
    order; their counts; the subjects whose blocks this build changed (``changed``; empty when it merged every
    share: ``full``) and a look-up of any block (for the validation sample). ``forget`` makes the next build merge
    every share again: called when the graph violates the shapes, whose cause may be in what was merged."""

    state: State
    chunks: Chunks
    names: list[tuple[str, int]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    changed: list[str] = field(default_factory=list)
    full: bool = True
    forget: Callable[[], None] = lambda: None

    def copy(self, out: IO[bytes]) -> None:
        self.chunks.copy(self.names, out)

    def text(self) -> bytes:
        return self.chunks.read(self.names)

    def pieces(self) -> Iterator[bytes]:
        """The shared part chunk by chunk (each whole blocks: Turtle that parses alone under the prefixes)."""
        return self.chunks.pieces(self.names)

    def block(self, subject: str) -> str | None:
        return self.state.block_text(subject)


class Merger:
    """Counts reports' shares into the merged corpus (:meth:`add`: each new report as its worker returns it, so
    that counting overlaps extraction; the others when the build merges, :meth:`count`), then brings the shared
    blocks up to the build's reports (:func:`merge_parts`). It decides first whether the last build's database
    is trusted (else ``full``: every share is counted from empty), and opens it on the first share (a build that
    reads nothing makes no cache)."""

    def __init__(self, cache: Cache | None) -> None:
        self.cache = cache
        self.trusted = cache is not None and cache.state_trusted()  # (before the database is opened)
        self.opened: State | None = None
        self.known: dict[str, tuple[str, str, str]] = {}  # report id → (content key, name, share digest)
        self.full = True
        self.counted: dict[str, tuple[str, str, str]] = {}  # counted in by this build, as ``known``
        self.taken: set[str] = set()  # counted out by this build
        self.failed = False  # a share to take out could not be read as it was counted in

    @property
    def state(self) -> State:
        if self.opened is None:
            self.opened = State(self.cache.state_path() if self.cache else None)
            self._start(self.opened.reports() if self.trusted else {})
        return self.opened

    def _start(self, known: dict[str, tuple[str, str, str]]) -> None:
        self.known, self.full, self.failed, self.counted = known, not known, False, {}
        if self.full:
            self.state.reset()
        self.tallies = Tallies(self.state, empty=self.full)

    def close(self) -> None:
        """Let go of the database without committing (a build that failed: the last build's state stays)."""
        if self.opened is not None:
            self.opened.db.rollback()
            self.opened.db.close()

    def add(self, entry: Entry, line: bytes | None = None) -> None:
        """Count in the share of ``entry``'s report (``line``, when the caller holds it), unless it is counted
        already; a report of the last build made from other bytes is counted out first."""
        state, report = self.state, entry.report_id
        old = self.known.get(report)
        if report in self.counted or self.failed or (old is not None and old[0] == entry.key):
            return
        if old is not None and not self._take_out(report, old):
            return
        line = line if line is not None else ReportPart(report, [entry], self.cache).share_line()
        count_in(self.tallies, report, orjson.loads(line))  # (orjson wrote it: Fragment.serialise)
        self.counted[report] = (entry.key, entry.name, _digest(line))
        state.put_report(report, *self.counted[report])

    def _take_out(self, report: str, old: tuple[str, str, str]) -> bool:
        assert self.cache is not None  # (a build without a cache knows no earlier report)
        key, name, digest = old
        line = _old_share(self.cache, key, name)
        if line is None or _digest(line) != digest:
            self.cache.note(name, f"the share of report {report} is not in the cache as it was counted", "merged again")
            self.failed = True
            return False
        count_out(self.tallies, report, orjson.loads(line))
        self.state.drop_report(report)
        self.taken.add(report)
        return True

    def count(self, parts: list[ReportPart]) -> None:
        """Count out the reports of the last build that are gone, and in every report not counted yet; when a
        share to take out cannot be read, count every report's share again, from empty."""
        state, current = self.state, {p.report_id for p in parts}  # (the state first: it knows the last build)
        for report, old in self.known.items():
            if report not in current and report not in self.taken and not self.failed:
                self._take_out(report, old)
        for part in parts:
            self.add(part.first)
        if self.failed:
            self._start({})
            for part in parts:
                self.add(part.first)
        for part in parts:  # a renamed report's share is read back from the fragment of its new name
            key, name, digest = self.known.get(part.report_id) or self.counted[part.report_id]
            if part.report_id not in self.counted and name not in {c.name for c in part.copies}:
                state.put_report(part.report_id, key, part.first.name, digest)


def merge_parts(
    parts: list[ReportPart], cache: Cache | None, merger: Merger | None = None, spare: Executor | None = None
) -> Merged:
    """Bring the merged corpus and the shared blocks up to ``parts`` (see the module docstring), with what
    ``merger`` counted while the reports were extracted; ``spare``: idle worker processes that render the blocks."""
    merger = merger or Merger(cache)
    merger.count(parts)
    state, full = merger.state, merger.full
    note = (lambda path, why: cache.note(path, why, "made again")) if cache else (lambda path, why: None)
    merged = Merged(state, Chunks(state, cache.chunk_folder() if cache else None, note), full=full)
    counts = json.loads(state.meta("counts") or "{}")
    merged.changed = _render(state, settle(state, merger.tallies.rows(everything=full), counts), counts, full, spare)
    if full:
        merged.chunks.rechunk()
    else:
        merged.chunks.update(merged.changed)
    merged.chunks.check()
    state.set_meta("counts", json.dumps(counts))
    state.commit()
    merged.names, merged.counts = merged.chunks.names(), counts
    if cache is not None:
        cache.save_state_stamp()
        merged.forget = cache.forget_state
        cache.used.update(merged.chunks.path(name) for name, _ in merged.names)
    return merged


def _digest(line: bytes) -> str:
    return hashlib.sha256(line).hexdigest()[:32]


def _old_share(cache: Cache, key: str, name: str) -> bytes | None:
    """The corpus share line of a fragment of the last build (checked against its seal first)."""
    if not cache.has(key, name):
        return None
    layout = cache.layout(key, name)
    with open(cache.fragment_path(key, name), "rb") as f:
        f.seek(layout[0])
        return f.read(layout[1] - layout[0])


def render_batch(corpus: dict[str, dict], indicators: set[str]) -> list[tuple[str, str, int]]:
    """The Turtle blocks (subject, text, triples) of a batch of merged nodes, in the JSON form of
    :func:`kg.build.fragment.corpus_to_json`: a pure function, run in an idle worker process when the build has one."""
    return TurtleWriter().subject_blocks(entity_statements(corpus_from_json(corpus), indicators))


_AHEAD = 4  # batches handed to spare workers before the first one's blocks are taken back


def _render(
    state: State, batches: Iterable[list[Change]], counts: dict, full: bool, spare: Executor | None = None
) -> list[str]:
    """Render the blocks of the nodes that changed (batch by batch: in the ``spare`` worker processes, while this
    one settles the next batches, when there are some) and drop those of the nodes gone or moved; returns the
    subjects whose block changed (new, different or gone), in order. A ``full`` build (an empty database) has no
    block to compare with or drop: it inserts each batch's blocks and returns no subject (every block is new)."""
    changed: list[str] = []
    queue: deque[tuple[Any, set[str]]] = deque()
    for batch in batches:
        corpus: dict[str, dict] = {table: {} for table in TABLES}
        gone = set()
        for kind, key, node, subject, old_subject in batch:
            if node is not None:
                corpus[TABLE_OF[kind]][key] = node
            if old_subject and old_subject != subject:
                gone.add(old_subject)
        indicators = set(corpus.pop("indicators"))
        job = spare.submit(render_batch, corpus, indicators) if spare else render_batch(corpus, indicators)
        queue.append((job, gone))
        while len(queue) > (_AHEAD if spare else 0):
            changed += _store_blocks(state, *queue.popleft(), counts, full)
    while queue:
        changed += _store_blocks(state, *queue.popleft(), counts, full)
    return sorted(changed)


def _store_blocks(state: State, job: Any, gone: set[str], counts: dict, full: bool) -> list[str]:
    """Write one batch's blocks (``job``: rendered, or their future); the subjects whose block changed."""
    try:
        rendered = job.result() if isinstance(job, Future) else job
    except BrokenProcessPool as exc:
        raise BuildError(f"a worker process died while rendering shared resources ({exc or 'killed'})") from None
    # every block rendered is written: one under a subject no node has (none is made today) stays until a build
    # merges every share again
    if full:
        state.put_blocks((s, n, t) for s, t, n in rendered)
        counts["triples"] = counts.get("triples", 0) + sum(n for _, _, n in rendered)
        return []
    return _store_changes(state, {s: (t, n) for s, t, n in rendered}, gone, counts)


def _store_changes(state: State, blocks: dict[str, tuple[str, int]], gone: set[str], counts: dict) -> list[str]:
    """Write the blocks of one batch that differ from the database's, drop those ``gone``; the subjects changed."""
    present = sorted(gone | blocks.keys())
    old = state.blocks(present)
    changed = []
    for subject in present:
        new = blocks.get(subject)
        if new == old.get(subject):
            continue
        before = old[subject][1] if subject in old else 0
        counts["triples"] = counts.get("triples", 0) + (new[1] if new else 0) - before
        if new is None:
            state.drop_block(subject)
        else:
            state.put_block(subject, *new)
        changed.append(subject)
    return changed
