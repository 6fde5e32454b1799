"""Fewer full runs of Python's cycle collector while a build extracts and merges.

Why: a build keeps what it has counted (the merged corpus's tallies, the reports' heads, the segmenter's tables)
for its whole run, a few hundred thousand objects that live as long as the build, and CPython's collector walks
all of them on every full collection: with its default thresholds, ~23 full runs in a one-job build of 1,000
reports, ~0.1-0.2 s each and growing with the heap, ~2.7 s of ~30 s of CPU — and they found no garbage (reports
are plain records: the cycles the build makes die young, in the collections of the younger generations, which
keep running as before). So while a build extracts and merges, a full collection runs once per
:data:`FULL_EVERY` collections of the middle generation instead of once per 10. Nothing else changes: which
objects exist, and so every byte written, is the same.

In the main process they are deferred while the sources are listed and scanned too, and while the outputs are
written when the graph's sample is validated in spare worker processes and no page is drawn (a rebuild of 10,000
reports ran two full collections, 0.1-0.3 s each, between writing the graph and renaming it). Otherwise the
thresholds come back once the shared blocks are merged: validation in this process (pyshacl's rdflib graphs are
full of cycles that outlive the young generations: deferring there saved ~0.1 s and cost ~15 MB of peak memory)
and drawing the page run as they did. A worker process keeps them for its life; the sample it may validate for the
build is bounded (10 reports: ~4 MB more at its peak).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

FULL_EVERY = 1000
"""Collections of the middle generation per full collection while a build runs (CPython's default: 10). A one-job
build of 1,000 reports makes ~320 of them: no full run; 10,000 reports: a few."""


def defer_full_collections() -> None:
    """For the rest of this process (a worker that extracts): full collections once per :data:`FULL_EVERY`."""
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle, max(full, FULL_EVERY))


@contextmanager
def full_collections_deferred() -> Iterator[None]:
    """:func:`defer_full_collections` for the time of a ``with`` block (a build in this process: the caller's
    thresholds come back after it, whatever it raised)."""
    thresholds = gc.get_threshold()
    defer_full_collections()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
