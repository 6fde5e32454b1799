"""Building a graph: read → segment → extract → resolve → merge, for a set of sources.

:func:`build_graph` is a page of phase calls:

1. **Collect** the sources (:mod:`kg.build.sources`): paths, folders, Documents or ``(name, text)`` pairs.
2. **Scan** them against the cache (:mod:`kg.build.scan`): an input whose content, name and code are unchanged
   costs a stat (or a hash) and one line of JSON.
3. **Extract** the others (:mod:`kg.build.tasks`), each on its own, on an executor (:mod:`kg.build.executors`:
   local processes or a Dask cluster); each result is the same bytes on any executor.
4. **Group and merge** (:mod:`kg.build.parts`, :mod:`kg.build.merge`): one report per text; the shares of the
   reports that are new or gone since the last build counted into or out of the shared nodes (kept with their
   contributors in the cache), and the blocks of the nodes that changed rendered again.

The result is a :class:`kg.graph.KnowledgeGraph`; :meth:`~kg.graph.KnowledgeGraph.write` then writes
``graph.ttl`` (validated), ``graph.html``, ``build-report.json`` and ``texts/`` (:mod:`kg.build.output`).
Nothing is written by a build without ``cache_dir``: a notebook's graph of three texts touches no file (but the
segmenter's dictionary, saved once in the user's cache folder: :mod:`kg.segment`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kg.build.cache import CACHE_DIR, Cache, fingerprint
from kg.build.executors import Executor, close_executor, make_executor, spare_pool
from kg.build.heap import full_collections_deferred
from kg.build.merge import Merged, Merger, merge_parts
from kg.build.options import BuildOptions, BuildResult, FileRecord, Summary, default_jobs
from kg.build.parts import ReportPart, group_reports
from kg.build.scan import Scan, extract_misses, scan_sources
from kg.build.sources import SourceLike, collect_sources
from kg.build.writer import VALIDATE_ALL_REPORTS
from kg.errors import BuildError, ConfigError
from kg.extract import EXTRACTOR_VERSION
from kg.read import MAX_BYTES_DEFAULT

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

Progress = Callable[[int, int], None]
"""``progress(done, total)``: called as inputs are done."""

__all__ = ["BuildOptions", "BuildResult", "FileRecord", "build", "build_graph", "default_jobs"]


def build_graph(
    sources: Iterable[SourceLike],
    *,
    segmenter: str | None = None,
    model: str | None = None,
    jobs: int = 1,
    executor: str | Executor | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
    cache_dir: str | os.PathLike | None = None,
    use_cache: bool = True,
    max_bytes: int = MAX_BYTES_DEFAULT,
    strict: bool = False,
    follow_symlinks: bool = False,
    spare_for_sample: bool = False,
    tidy_later: bool = False,
) -> KnowledgeGraph:
    """Build the knowledge graph of ``sources`` (paths, folders, :class:`kg.Document` objects or
    ``(name, text)`` pairs) in memory.

    ``segmenter`` is ``"jieba"`` (default) or ``"pkuseg"`` with ``model`` its directory; ``jobs`` extraction
    processes (or an ``executor``: ``"local"``, ``"dask"`` with ``scheduler``, or an :class:`Executor`);
    ``cache_dir`` keeps extraction results so that a rebuild redoes only what changed; ``follow_symlinks`` follows
    symbolic links out of an input folder (:mod:`kg.build.sources`). Raises :class:`kg.errors.BuildError` when no
    source could be read (or, with ``strict``, when any was skipped or a file of an input folder ignored).
    ``spare_for_sample``: the graph's sample will be validated (:func:`build`): keep a process ready for it;
    ``tidy_later``: the cache's index is saved and its unused entries removed when the graph is written
    (:func:`build`: while the spare workers validate), not before this returns."""
    from kg.graph import KnowledgeGraph, _Parts  # noqa: PLC0415 - kg.graph imports kg.build.options

    segmenter = segmenter or "jieba"
    if segmenter == "pkuseg" and not model:
        raise ConfigError("the pkuseg segmenter needs a model directory")
    owned = isinstance(executor, (str, type(None)))  # (an executor given is the caller's to close)
    runner = make_executor(executor or "local", jobs, scheduler, segmenter, model) if owned else executor
    fp = fingerprint(EXTRACTOR_VERSION, segmenter, model)
    cache = Cache(Path(cache_dir), fp, use_cache) if cache_dir is not None else None
    try:
        with full_collections_deferred():  # (kg.build.heap: a rebuild lists and scans 10,000 files' objects)
            scan, records, tick = _scan(runner, sources, cache, max_bytes, follow_symlinks, progress, spare_for_sample)
    except BaseException:
        if owned:
            close_executor(runner)
        raise
    merger = Merger(cache)
    try:
        with full_collections_deferred():  # (kg.build.heap: the same objects, less CPU)
            facts = extract_misses(scan, runner, cache, segmenter, model, max_bytes, records, tick, merger.add)
            parts, merged = _merge(scan, cache, merger, runner, records, strict)
    except BaseException:
        merger.close()
        raise
    finally:
        if owned:
            close_executor(runner)
    built = _Parts(parts, merged, scan.fresh, _tidy(cache, scan.index))
    if not tidy_later:
        built.tidy()
    return KnowledgeGraph(records, _summary(parts, merged.counts), facts, built)


def _tidy(cache: Cache | None, index: dict[str, str]) -> Callable[[], None]:
    """Save the cache's index and remove the entries this build did not use: once, whoever calls first."""
    done = [cache is None]

    def tidy() -> None:
        if not done[0]:
            done[0] = True
            cache.save_index(index)
            cache.prune()

    return tidy


def _merge(
    scan: Scan, cache: Cache | None, merger: Merger, runner: Executor, records: list[FileRecord], strict: bool
) -> tuple[list[ReportPart], Merged]:
    """Group the extracted files into reports (their records added to ``records``) and merge their shares."""
    parts = group_reports(scan.entries, cache)
    records += _report_records(parts)
    records.sort(key=lambda r: r.file)
    _check_outcome(parts, records, strict)
    spare = spare_pool(runner)
    return parts, merge_parts(parts, cache, merger, spare.pool if spare else None)


def _scan(
    runner: Executor,
    sources: Iterable[SourceLike],
    cache: Cache | None,
    max_bytes: int,
    follow_symlinks: bool,
    progress: Progress | None,
    validate: bool,
) -> tuple[Scan, list[FileRecord], Callable[[], None]]:
    """Collect the sources and scan them against the cache, the executor's worker processes started meanwhile
    (:meth:`kg.build.executors.LocalExecutor.prestart`: they load the segmenter while this process lists and
    scans): for a rebuild of a corpus whose sample is validated, the spare process, before the sources are
    listed; for a first build, its workers once they are."""
    prestart = getattr(runner, "prestart", None)
    previous = cache.load_index() if cache else {}
    rebuild = len(previous) > VALIDATE_ALL_REPORTS
    if prestart is not None and rebuild and validate:
        prestart(0, spare=True)
    inputs, records = collect_sources(sources, follow_symlinks)
    if prestart is not None and not previous:
        prestart(len(inputs))
    tick = _ticker(progress, len(inputs))
    scan = scan_sources(inputs, cache, max_bytes, records, tick, previous)
    _warm_spare(runner, scan, validate)
    return scan, records, tick


def _warm_spare(runner: Executor, scan, wanted: bool) -> None:
    """When ``wanted`` and a sample of the graph will be validated (more reports than :data:`VALIDATE_ALL_REPORTS`),
    an executor that would extract in this process keeps a process ready for it
    (:meth:`kg.build.executors.LocalExecutor.warm_spare`)."""
    warm = getattr(runner, "warm_spare", None)
    if wanted and warm is not None and len(scan.entries) + len(scan.misses) > VALIDATE_ALL_REPORTS:
        warm(len(scan.misses))


def build(
    inputs: Iterable[SourceLike],
    outdir: str | os.PathLike,
    options: BuildOptions | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """``kg build``: the output folder checked and locked first, before any extraction
    (:func:`kg.build.output.output_lock`: a path that cannot be a writable folder, or a folder another build is
    writing, is a :class:`BuildError`); then :func:`build_graph` with the cache under ``outdir/.cache``, written
    into ``outdir`` (:func:`kg.build.output.write_outputs`). An :class:`OSError` (a full disk) is a
    :class:`BuildError` naming the file."""
    from kg.build.output import output_lock, recording_cache_notes, write_outputs  # noqa: PLC0415

    options = options or BuildOptions()
    outdir = Path(outdir)
    notes: list[str] = []
    with output_lock(outdir):
        # this function owns the executor, so its workers, idle once the extraction is done, validate the graph too
        runner = make_executor(
            options.executor, options.jobs, options.scheduler, options.segmenter or "jieba", options.pkuseg_model
        )
        try:
            try:
                with recording_cache_notes(notes):
                    graph = build_graph(
                        inputs,
                        segmenter=options.segmenter,
                        model=options.pkuseg_model,
                        executor=runner,
                        progress=progress,
                        cache_dir=outdir / CACHE_DIR,
                        use_cache=options.cache,
                        max_bytes=options.max_bytes,
                        strict=options.strict,
                        follow_symlinks=options.follow_symlinks,
                        spare_for_sample=options.validate,
                        tidy_later=True,
                    )
            except OSError as exc:
                raise BuildError(f"{exc.filename or outdir / CACHE_DIR}: {exc.strerror or exc}") from None
            spare = spare_pool(runner)
            return write_outputs(graph, outdir, html=options.html, validate=options.validate, notes=notes, spare=spare)
        finally:
            close_executor(runner)


def _summary(parts: list[ReportPart], counts: dict[str, int]) -> Summary:
    """The counts of the graph: per report from its head, shared resources from the merged corpus."""
    return Summary(
        len(parts),
        counts.get("reg", 0),
        sum(p.first.figures for p in parts),
        counts.get("org", 0),
        counts.get("measure", 0),
        sum(p.first.triples for p in parts) + counts.get("triples", 0),
    )


def _ticker(progress: Progress | None, total: int) -> Callable[[], None]:
    done = [0]

    def tick() -> None:
        done[0] += 1
        if progress is not None:
            progress(done[0], total)

    if progress is not None:
        progress(0, total)
    return tick


def _report_records(parts: list[ReportPart]) -> list[FileRecord]:
    records = []
    for part in parts:
        first = part.first
        records.append(
            FileRecord(
                first.name,
                "partial" if first.problems else "built",
                "; ".join(first.problems),
                part.report_id,
                first.file.encoding,
                first.file.fmt,
            )
        )
        records += [
            FileRecord(c.name, "duplicate", f"same text as {first.name}", part.report_id, c.file.encoding, c.file.fmt)
            for c in part.copies[1:]
        ]
    return records


def _check_outcome(parts: list[ReportPart], records: list[FileRecord], strict: bool) -> None:
    skipped = [r for r in records if r.status in ("skipped", "ignored")]
    if not parts:
        reasons = "; ".join(r.line() for r in records) or "no input"
        raise BuildError(f"no report could be read: {reasons}")
    if strict and skipped:
        fates = " or ".join(sorted({r.status for r in skipped}, reverse=True))  # skipped, ignored, or both
        raise BuildError(
            f"{len(skipped)} input{'s' * (len(skipped) != 1)} {fates} in a strict build, no graph "
            "written: " + "; ".join(r.line() for r in skipped[:5]) + (" …" if len(skipped) > 5 else "")
        )
