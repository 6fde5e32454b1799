"""Writing a built graph into a folder: ``texts/``, ``graph.ttl`` (validated first), ``graph.html`` and
``build-report.json``, replaced together or not at all.

The folder is checked and locked first (:func:`output_lock`, before ``kg build`` extracts anything): a path that
cannot be a writable folder, or a folder another build is writing, is a one-line :class:`kg.errors.BuildError`.
The lock is an exclusive, non-blocking ``flock`` on the folder itself (no lock file is left in it), held by the
build until its last rename; a second build into the same folder stops at once instead of mixing two corpora.

Every output is written under a hidden temporary name (``.graph.ttl.new.tmp`` …); the graph is validated
(:mod:`kg.build.report`), the page drawn and the build report written; only then are the three renamed into
place, one after the other, in one short step. A build that fails before (a full disk, Ctrl-C, a bug) leaves the
previous set whole, and its temporaries are removed (or, after a kill, by the next build). New texts are added to
``texts/`` before the renames (and removed again if the build fails) and the texts of reports no longer in the
graph removed after them, so the texts of whichever graph is in place are there. An :class:`OSError` while
writing is a one-line ``BuildError`` naming the output it was writing.

Up to :data:`kg.build.writer.VALIDATE_ALL_REPORTS` reports the whole graph is validated; above that, pyshacl
(~0.2 s per report) would take longer than the build, so a deterministic sample is validated with every shared
resource it refers to (:func:`kg.build.writer.sample_ids`): that many reports of a first build; the reports a
rebuild made, a few it reused from the cache and the shared resources it changed — what changed, and a fixed
sample of the rest. The reports are made by the same code, so a systematic fault shows in any sample, and a reused
part is checked against its hash before it is first used (:mod:`kg.build.cache`); ``kg validate`` checks a whole
graph.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.build import splice, writer
from kg.build.heap import full_collections_deferred
from kg.build.options import BuildResult
from kg.build.report import fail_on_violations, start_validation, validation_summary, write_build_report
from kg.build.texts import remove_old_texts, write_texts
from kg.errors import BuildError, GraphInvalid
from kg.fsutil import (
    atomic_write,
    atomic_write_text,
    flush_to_disk,
    remove_stale_temporaries,
    replace_deferring_release,
)

if TYPE_CHECKING:
    from kg.build.executors import Spare
    from kg.graph import KnowledgeGraph, _Parts
    from kg.rdf.viewrows import RowTable

log = logging.getLogger(__name__)

OUTPUTS = ("graph.ttl", "graph.html", "build-report.json")  # the set a build replaces together
_held = threading.local()  # the folders this thread has locked: kg.build.build() locks, then writes


def _pending(outdir: Path) -> dict[str, Path]:
    """The temporary name of each output (hidden, and removed as a stale temporary if a build is killed)."""
    return {name: outdir / f".{name}.new.tmp" for name in OUTPUTS}


# --- the folder: checked, then locked ---------------------------------------------------------------------------


def check_folder(outdir: Path) -> None:
    """Make the output folder if missing and check that files can be written in it; else a one-line
    :class:`BuildError` naming it (an existing file, a path under a file or under ``/proc``, a read-only or
    immutable folder)."""
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise BuildError(f"{outdir}: exists and is not a folder") from None
    except OSError as exc:
        raise BuildError(f"{outdir}: cannot make the output folder ({exc.strerror or exc})") from None
    try:
        fd, probe = tempfile.mkstemp(prefix=".write-check.", suffix=".tmp", dir=outdir)
        os.close(fd)
        Path(probe).unlink(missing_ok=True)
    except OSError as exc:
        raise BuildError(f"{outdir}: cannot write in the output folder ({exc.strerror or exc})") from None


def _lock(outdir: Path) -> int | None:
    """An exclusive lock on the folder (its open descriptor: closing it releases the lock), or None where the
    system or the file system has no locks."""
    try:
        import fcntl  # noqa: PLC0415 - POSIX only
    except ImportError:
        return None
    fd = os.open(outdir, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise BuildError(f"{outdir}: another build is writing this folder") from None
    except OSError as exc:
        os.close(fd)
        log.warning(
            "%s: cannot lock the output folder (%s); a build into it at the same time is not detected",
            outdir,
            exc.strerror,
        )
        return None
    return fd


@contextmanager
def output_lock(outdir: Path) -> Iterator[None]:
    """Hold ``outdir`` for one build: checked (:func:`check_folder`), then locked until the block ends; a
    folder another build (another process, or another thread) holds is a :class:`BuildError`. Re-entrant in
    one thread. A folder made here and left empty by a failed build is removed."""
    outdir = Path(outdir)
    held = _held.__dict__.setdefault("folders", set())
    made = not outdir.exists()
    check_folder(outdir)
    key = os.path.realpath(outdir)
    if key in held:
        yield
        return
    fd = _lock(outdir)
    held.add(key)
    try:
        yield
    except BaseException:
        if made:
            with suppress(OSError):
                outdir.rmdir()  # only when empty
        raise
    finally:
        held.discard(key)
        if fd is not None:
            os.close(fd)


@contextmanager
def recording_cache_notes(notes: list[str]) -> Iterator[None]:
    """Append to ``notes`` the one-line notes :mod:`kg.build.cache` logs while the block runs (they still
    reach the log: the console when nothing else is configured)."""

    def keep(record: logging.LogRecord) -> bool:
        notes.append(record.getMessage())
        return True

    logger = logging.getLogger("kg.build.cache")
    logger.addFilter(keep)
    try:
        yield
    finally:
        logger.removeFilter(keep)


# --- writing --------------------------------------------------------------------------------------------------


def _prepare(outdir: Path) -> Path:
    """``texts/`` of the output folder, without the temporaries a killed build left."""
    texts = outdir / "texts"
    for folder in (outdir, texts):
        remove_stale_temporaries(folder)
    return texts


def _commit(outdir: Path, pending: dict[str, Path], html: bool) -> None:
    """Rename the new set into place (every output is ready: nothing is left to fail but a rename). A build
    without a page removes the old one: it drew another graph. The old graph's blocks are released after the
    renames (:func:`kg.fsutil.replace_deferring_release`)."""
    replace_deferring_release(pending["graph.ttl"], outdir / "graph.ttl")
    if html:
        os.replace(pending["graph.html"], outdir / "graph.html")
    else:
        (outdir / "graph.html").unlink(missing_ok=True)
    os.replace(pending["build-report.json"], outdir / "build-report.json")
    for stale in (outdir / "graph.invalid.ttl", outdir / "validation.txt"):
        stale.unlink(missing_ok=True)


def write_outputs(
    graph: KnowledgeGraph,
    outdir: Path,
    *,
    html: bool,
    validate: bool,
    notes: list[str] | None = None,
    spare: Spare | None = None,
) -> BuildResult:
    """See the module docstring; ``notes`` go into ``build-report.json``; ``spare``: idle worker processes of the
    build, which validate the sample (in shards) while this process writes the texts and the graph, and are let go
    before the page is drawn."""
    outdir = Path(outdir)
    deferred = spare is not None and not html  # (kg.build.heap: no rdflib graph and no page in this process)
    with output_lock(outdir), full_collections_deferred() if deferred else nullcontext():
        try:
            return _write(graph, outdir, html, validate, notes or [], spare)
        except OSError as exc:
            raise BuildError(f"{_output_name(exc.filename, outdir)}: cannot write ({exc.strerror or exc})") from None


def _output_name(filename: str | None, outdir: Path) -> str:
    """The output a failed write was for (not its temporary name)."""
    if filename is None:
        return str(outdir)
    for name, tmp in _pending(outdir).items():
        if os.fspath(filename) == str(tmp):
            return str(outdir / name)
    return os.fspath(filename)


def _write(
    graph: KnowledgeGraph, outdir: Path, html: bool, validate: bool, notes: list[str], spare: Spare | None
) -> BuildResult:
    texts = _prepare(outdir)
    built = graph._built
    if built is None:  # a graph read back from Turtle: its file, as it is
        atomic_write_text(outdir / "graph.ttl", graph.to_turtle())
        return BuildResult(graph_path=outdir / "graph.ttl")
    pending, added, tidied, synced, record = _pending(outdir), [], built.tidy, _nothing, _nothing
    try:
        checked = _start_validation(built, pending["graph.ttl"], spare) if validate else None
        tidied = _in_background(built.tidy, "kg-tidy")  # (the cache's index and clean-up, while this thread copies)
        wanted = write_texts(texts, built.parts, added)
        with _view_rows(outdir, html) as rows:
            record = _write_graph(built, pending["graph.ttl"], rows, outdir / "graph.ttl")
            synced = _in_background(lambda: flush_to_disk(pending["graph.ttl"]), "kg-flush")  # (before the swap)
            tidied()
            report, validation = (
                _validate(graph, built, checked, outdir) if checked else (None, validation_summary(None))
            )
            if rows is not None:  # (validated first: an invalid graph is not drawn)
                _release(spare)
                _draw(rows, pending["graph.html"], texts)
        write_build_report(pending["build-report.json"], graph.summary, graph.records, graph.facts, validation, notes)
        synced()
    except BaseException as exc:
        with suppress(Exception):  # (the cache as a build that wrote nothing leaves it; the build's error is raised)
            tidied()
        with suppress(Exception):
            synced()
        if isinstance(exc, GraphInvalid):
            built.merged.forget()
        else:  # (graph.invalid.ttl is kept, with the texts its mentions index)
            for path in added:  # the folder as the previous build left it
                path.unlink(missing_ok=True)
        for path in pending.values():
            path.unlink(missing_ok=True)
        raise
    _commit(outdir, pending, html)
    record()  # (after the rename: the graph's stamp as it now stands)
    remove_old_texts(texts, wanted)
    return BuildResult(
        graph.records,
        graph.summary,
        outdir / "graph.ttl",
        outdir / "graph.html" if html else None,
        extracted=graph.facts.extracted,
        workers=graph.facts.workers,
        validation=report,
    )


def _nothing() -> None:
    """What waiting for work that never started does."""


def _in_background(work: Callable[[], None], name: str) -> Callable[[], None]:
    """Start ``work`` in a thread named ``name``; the function returned waits for it and raises what it raised. Why:
    the cache's clean-up (its index saved, its unused entries found by walking 30,000 files in a 10,000-report
    rebuild) runs while this thread copies the graph, in the kernel (``copy_file_range`` lets go of the GIL), and the
    graph's flush to disk while the sample is validated."""
    failed: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 - raised again by the waiting thread
            failed.append(exc)

    thread = threading.Thread(target=run, name=name)
    thread.start()

    def wait() -> None:
        thread.join()
        if failed:
            raise failed.pop()

    return wait


@dataclass
class _Check:
    """A validation under way: what was sampled, the pending graph it is of, and the function that waits for it."""

    sample: writer.Sample
    chosen: set[str]
    pending: Path
    wait: Callable[[], Any]


def _start_validation(built: _Parts, pending: Path, spare: Spare | None) -> _Check:
    """Choose what to validate (:func:`kg.build.writer.sample_ids`) and start validating it: in the spare workers,
    one shard each, when there are some."""
    ids = [p.report_id for p in built.parts]
    # a build that merged every share again validates like a first build: its shared blocks are all new
    fresh = set(ids) if built.merged.full else built.fresh
    chosen = writer.sample_ids(ids, writer.VALIDATE_ALL_REPORTS, fresh)
    sample = writer.sample_turtle(built.parts, built.merged, chosen, spare.workers if spare else 1)
    return _Check(sample, chosen, pending, start_validation(sample.shards, pending, spare.pool if spare else None))


def _validate(graph: KnowledgeGraph, built: _Parts, check: _Check, outdir: Path) -> tuple[Any, dict[str, Any]]:
    """Wait for the validation of what was written (:func:`_start_validation`); the report and the ``validation``
    member of ``build-report.json``; on a violation the files are set as :func:`kg.build.report.fail_on_violations`
    says and :class:`kg.errors.GraphInvalid` is raised."""
    report = check.wait()
    fail_on_violations(report, check.pending, outdir, graph.summary, graph.records, graph.facts)
    if check.sample.sampled is None:
        return report, validation_summary(report)
    made = None if built.merged.full else len(check.chosen & built.fresh)
    return report, validation_summary(report, check.sample.sampled, len(built.parts), made, check.sample.changed)


def _release(spare: Spare | None) -> None:
    """Let the spare workers go before the page is drawn: each holds its segmenter's dictionaries and models
    (~240 MB), idle while this process draws, and the page is the peak of this process's memory (a 10,000-report
    build: 2 × 250 MB of the process tree's peak)."""
    if spare is not None:
        spare.pool.shutdown()


def _draw(rows: RowTable, pending: Path, texts: Path) -> None:
    from kg.view import render_html  # noqa: PLC0415 - pyvis/jinja only when drawing

    render_html(rows, pending, texts_dir=texts)


def _write_graph(built: _Parts, pending: Path, rows: RowTable | None, graph: Path) -> Callable[[], None]:
    """Write the graph to ``pending``, filling ``rows`` (when drawing) with what the HTML view reads, from the last
    ``graph`` where it can (:mod:`kg.build.splice`); returns what records where its parts stand, once in place."""
    last, placed = splice.last_graph(built.parts, graph), []

    def write(out) -> None:
        placed.extend(writer.write_graph(out, built.parts, built.merged, view=rows, last=last))

    atomic_write(pending, write, binary=True)
    return splice.save_layout(built.parts, placed, graph)


@contextmanager
def _view_rows(outdir: Path, html: bool) -> Iterator[RowTable | None]:
    """The table the HTML view is drawn from (:class:`kg.rdf.viewrows.RowTable`), in a temporary folder of the
    output (removed afterwards), or None without a page. On disk, read through a page cache of fixed size: the
    page of a 100,000-report build is drawn in memory that does not grow with the graph's triples."""
    if not html:
        yield None
        return
    from kg.rdf.viewrows import RowTable  # noqa: PLC0415 - only when drawing

    with tempfile.TemporaryDirectory(prefix=".view-rows-", dir=outdir) as folder:
        rows = RowTable(Path(folder) / "rows.sqlite")
        try:
            yield rows
        finally:
            rows.close()
