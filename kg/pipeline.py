"""``kg build``: read → segment → extract → resolve → graph → analyse → render, for a set of input paths.

Inputs are files or folders (read recursively for every format of :data:`kg.read.FORMATS`). Each input ends with
a status in ``build-report.json``: ``built``, ``partial`` (built, but issuer or year not found), ``duplicate``
(same text as another file: one report), or ``skipped`` with a one-line reason (a path that does not exist, a
folder with no reports, an empty, binary, truncated, undecodable, too large or corrupt file).

How a build scales (issue 10):

1. **Scan** every input: read its bytes, hash them, and look the file up in the cache (:mod:`kg.cache`). A file
   whose content, name and code are unchanged costs a hash and one line of JSON.
2. **Extract** the other files, each on its own (:func:`process_task`): read (decode the format), extract, resolve
   the report alone, and make its Turtle blocks. This runs in ``jobs`` worker processes (each loads the segmenter
   once, in the pool's initializer) or on a Dask cluster (``executor="dask"``); the results are the same bytes
   whatever the executor, because each task is a pure function of its file. The main process writes each result
   to the cache and the decoded text to ``texts/`` as results arrive, and keeps only a few facts per file.
3. **Merge and write**: reports are taken in report-id order; each one's share of the corpus is merged
   (:func:`kg.resolve.merge_corpus`, equal to resolving all reports at once) and its Turtle blocks are copied into
   ``graph.ttl``; the shared resources (regulations, bodies, areas, indicators) are written last. Memory holds the
   merged shared nodes, never every triple: a 10,000-report graph is written in bounded memory.

The order of ``graph.ttl`` is canonical: the prefixes; then each report's resources (the report, its source
files, figures and mentions: every subject whose triples come from that report), reports in order of their IRI,
subjects within a report sorted by IRI; then the shared resources, sorted by IRI. Each subject's block lists
``rdf:type`` first, then predicates by prefixed name, objects sorted (:class:`kg.turtle.TurtleWriter`). So the same
inputs give the same bytes whatever the file order, the job count or the executor.

Outputs are written atomically (:mod:`kg.fsutil`): a failed build leaves every output as the previous build left
it, never half-written. If no report could be read — or, with ``strict``, if any input was skipped — nothing but
the cache and the texts is written and :class:`BuildError` is raised.

The graph validates itself (``ontology/shapes.ttl``, :mod:`kg.validate`) before it becomes ``graph.ttl``: it is
written under a hidden temporary name, validated, then renamed. Up to :data:`VALIDATE_ALL_REPORTS` reports the
whole graph is validated; above that, pyshacl (~0.2 s per report) would take longer than the build, so a
deterministic sample of that many reports (evenly spaced in report-id order, among the reports made in this build
when a rebuild re-extracted some) is validated together with every shared resource they refer to — the reports
are made by the same code, so a systematic fault shows in any sample; ``kg validate`` checks a whole graph. On a violation the build fails loudly (:class:`GraphInvalid`) and leaves
nothing that looks valid: the graph is kept as ``graph.invalid.ttl`` for inspection, every result goes to
``validation.txt``, any ``graph.ttl`` and ``graph.html`` of an earlier build are removed, no HTML is drawn, and
``build-report.json`` records the failure. A valid build removes the ``graph.invalid.ttl`` and ``validation.txt``
of an earlier failed one.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import shutil
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.cache import (Cache, Fragment, content_key, corpus_from_json, corpus_to_json, extraction_text,
                      fingerprint)
from kg.extract import EXTRACTOR_VERSION, extract
from kg.fsutil import atomic_write, atomic_write_text, remove_stale_temporaries
from kg.graph import (area_iri, entity_triples, government_iri, measure_iri, organisation_iri, regulation_iri,
                      report_iri, report_triples, work_iri)
from kg.model import Extraction, extraction_from_json, to_json
from kg.read import (FORMATS, MAX_BYTES_DEFAULT, ReadError, SourceFile, format_of, read_bytes, read_file_bytes,
                     stat_file)
from kg.resolve import Corpus, merge_corpus, resolve
from kg.segment import get_segmenter
from kg.turtle import TurtleWriter
from kg.vocab import kg, rdf, rdfs

SUFFIXES = tuple(FORMATS)
EXECUTORS = ("local", "dask")
# Worker processes are started only with at least this many files to extract per worker: a worker loads its own
# segmenter (1-3 s), which a handful of files does not repay; fewer files run in this process.
MIN_FILES_PER_WORKER = 4
# The build validates the whole graph up to this many reports, else a sample of this many (module docstring).
VALIDATE_ALL_REPORTS = 10
# The report triples the HTML view reads (kg.render, kg.analyse.citations); the HTML is drawn from these and the
# shared resources only, never from a store of every mention and figure (tests/test_scale.py checks it is the
# same page as one drawn from the whole graph).
HTML_PREDICATES = frozenset(p.value for p in (rdf.type, rdfs.label, kg.sourceFile, kg.year, kg.issuedBy, kg.cites,
                                              kg.issues, kg.refersTo))
# …and, for the example sentences of its tooltips, the mentions of regulations (kgr:mention-…-reg)
HTML_MENTION_PREDICATES = frozenset(p.value for p in (rdf.type, kg.inReport, kg.denotes, kg.start, kg.end, kg.text))


class BuildError(Exception):
    """The build cannot go on at all (nothing readable, or a skip under --strict); the message says why."""


class GraphInvalid(BuildError):
    """The built graph violates the shapes; ``report`` holds every result (the message is one line)."""

    def __init__(self, message: str, report):
        super().__init__(message)
        self.report = report


@dataclass
class FileRecord:
    file: str
    status: str  # built | partial | duplicate | skipped
    reason: str = ""
    report: str | None = None
    encoding: str | None = None
    format: str | None = None

    def line(self) -> str:
        return f"{self.file}: {self.status}" + (f" ({self.reason})" if self.reason else "")


@dataclass
class BuildOptions:
    segmenter: str = "jieba"
    pkuseg_model: str | None = None
    max_bytes: int = MAX_BYTES_DEFAULT
    html: bool = True
    jobs: int = 1  # extraction processes; 1 runs in this process (the CLI defaults to every core)
    cache: bool = True  # read OUTDIR/.cache; False re-extracts everything (fresh entries are still stored)
    strict: bool = False  # any skipped input is an error: no graph is written
    executor: str = "local"  # "local" (processes) or "dask"
    scheduler: str | None = None  # Dask scheduler address; None starts a local Dask cluster of `jobs` workers
    validate: bool = True  # check the graph against ontology/shapes.ttl before it becomes graph.ttl


@dataclass
class BuildResult:
    records: list[FileRecord] = field(default_factory=list)
    summary: dict[str, int] = field(default_factory=dict)
    graph_path: Path | None = None
    html_path: Path | None = None
    extracted: int = 0  # documents extracted in this build (the others came from the cache)
    workers: int = 1  # processes (or Dask threads) that extracted; 1 = this process
    validation: object | None = None  # kg.validate.ValidationReport, when validated

    @property
    def ok(self) -> bool:
        return all(r.status in ("built", "duplicate") for r in self.records)


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def collect_inputs(inputs: Iterable[Path]) -> tuple[list[tuple[Path, str]], list[FileRecord]]:
    """Expand inputs into (path, source name) pairs, in a stable order, and records for bad inputs.

    A file inside a given folder is named by its path relative to that folder; a file given directly, by its
    name. So the same folder gives the same names whatever the working directory. Hidden files and folders (such
    as an output folder's ``.cache``) are not inputs.
    """
    files: dict[str, Path] = {}
    problems: list[FileRecord] = []
    for inp in inputs:
        inp = Path(inp)
        if inp.is_dir():
            found = sorted(p for p in inp.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(inp).parts))
            if not found:
                problems.append(FileRecord(str(inp), "skipped", "folder holds no reports (" +
                                           ", ".join(SUFFIXES) + ")"))
            for p in found:
                files.setdefault(p.relative_to(inp).as_posix(), p)
        elif inp.exists():
            files.setdefault(inp.name, inp)
        else:
            problems.append(FileRecord(str(inp), "skipped", "no such file or folder"))
    return sorted(((p, name) for name, p in files.items()), key=lambda x: x[1]), problems


# --- one file: the unit of work of a worker process or a Dask task ---------------------------------------------

@dataclass
class Task:
    """Everything a worker needs to process one file (bytes, not a path: a Dask worker may not see our disk)."""

    name: str
    fmt: str
    data: bytes
    max_bytes: int
    segmenter: str
    model: str | None
    extraction: dict | None = None  # a cached extraction of the same content (renamed file, lost text)


@dataclass
class Outcome:
    name: str
    fmt: str
    key: str
    error: str | None = None
    text: str = ""
    head: dict | None = None  # Fragment.head
    extraction_json: str = ""  # serialised here, in the worker: the main process only writes files
    fragment_text: str = ""
    extracted: bool = False


def _segmenter(name: str, model: str | None):
    return get_segmenter(name, model)  # once per process (lru_cache)


def init_worker(segmenter: str, model: str | None) -> None:
    """ProcessPoolExecutor initializer: load the segmenter once per worker, before its first task."""
    _segmenter(segmenter, model)


def report_fragment(ex: Extraction, files: list[SourceFile]) -> Fragment:
    """One report's share of the build: its corpus part (resolved alone), its Turtle blocks, and the triples of
    it the HTML view needs (always: a fragment cached by a --no-html build serves a later build with HTML).
    ``files`` are every file with this text (duplicates), in name order."""
    files = sorted(files, key=lambda f: f.source_name)
    ex.source_name = files[0].source_name
    corpus = resolve([ex])
    node = corpus.reports[ex.report_id]
    node.source_names = [f.source_name for f in files]
    triples = report_triples(node, files)
    body, count = TurtleWriter().blocks(triples)
    import pyoxigraph  # noqa: PLC0415

    subject = report_iri(ex.report_id)
    subset = [t for t in triples if (t.subject == subject and t.predicate.value in HTML_PREDICATES)
              or (t.subject.value.endswith("-reg") and t.predicate.value in HTML_MENTION_PREDICATES)]
    html_nt = pyoxigraph.serialize(subset, format=pyoxigraph.RdfFormat.N_TRIPLES).decode("utf-8")
    head = {"report_id": ex.report_id, "file": files[0].__dict__, "problems": list(ex.info.problems),
            "figures": len(ex.figures), "triples": count}
    part = {"corpus": corpus_to_json(corpus),
            "indicators": sorted({f.indicator for f in ex.figures if f.indicator}), "html": html_nt}
    return Fragment(head, part, body)


def process_task(task: Task) -> Outcome:
    """Read, extract and render one file. Never raises: a file that fails becomes an outcome with an error, so
    one bad file (or an extractor bug it triggers) costs that file, not the build."""
    key = content_key(hashlib.sha256(task.data).hexdigest(), task.fmt)
    out = Outcome(task.name, task.fmt, key)
    try:
        doc = read_bytes(task.data, task.name, task.fmt, task.max_bytes)
    except ReadError as exc:
        out.error = str(exc)
        return out
    try:
        if task.extraction is not None:
            ex = extraction_from_json(task.extraction)
        else:
            ex = extract(doc, _segmenter(task.segmenter, task.model))
            out.extracted = True
        ex.source_name = task.name
        out.extraction_json = extraction_text(to_json(ex))  # before resolving: resolve() annotates the mentions
        fragment = report_fragment(ex, [doc.source_file()])
        fragment.head["text_bytes"] = len(doc.text.encode("utf-8"))
        out.head = fragment.head
        out.fragment_text = fragment.serialise(task.name)
    except Exception as exc:  # noqa: BLE001 - an extractor bug must cost one file, with its reason, not the build
        from kg.read import _one_line  # noqa: PLC0415

        out.error = f"extraction failed ({_one_line(exc)})"
        return out
    out.text = doc.text
    return out


# --- executors ------------------------------------------------------------------------------------------------

def _window(jobs: int) -> int:
    return 4 * max(1, jobs)  # tasks in flight: enough to keep workers busy, few enough to bound memory


def _local_outcomes(tasks: Iterator[Task], jobs: int, segmenter: str, model: str | None) -> Iterator[Outcome]:
    if jobs <= 1:
        for task in tasks:
            yield process_task(task)
        return
    methods = multiprocessing.get_all_start_methods()
    # forkserver (or spawn): workers never inherit a lock held by another thread of this process
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=init_worker,
                                 initargs=(segmenter, model)) as pool:
            pending: set = set()
            for task in tasks:
                pending.add(pool.submit(process_task, task))
                if len(pending) >= _window(jobs):
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for f in done:
                        yield f.result()
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    yield f.result()
    except BrokenProcessPool as exc:
        raise BuildError(f"a worker process died ({exc or 'killed'}); run with --jobs 1 to find the file") from None


def _dask_outcomes(tasks: Iterator[Task], jobs: int, scheduler: str | None, workers: list[int]) -> Iterator[Outcome]:
    try:
        from distributed import Client, as_completed  # noqa: PLC0415
    except ImportError:
        raise BuildError("the dask executor needs dask[distributed]: pip install 'fazhi-kg[dask]'") from None
    try:
        client = (Client(scheduler) if scheduler  # connect timeout: dask config distributed.comm.timeouts.connect
                  else Client(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None))
    except (OSError, TimeoutError, ValueError) as exc:
        raise BuildError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        workers[0] = sum(client.nthreads().values()) or jobs
        window = _window(workers[0])
        running = as_completed()
        for task in tasks:
            running.add(client.submit(process_task, task, pure=False))
            if running.count() >= window:
                break
        for future in running:
            outcome = future.result()
            future.release()
            yield outcome
            task = next(tasks, None)
            if task is not None:
                running.add(client.submit(process_task, task, pure=False))


# --- the build ------------------------------------------------------------------------------------------------

@dataclass
class _Entry:
    """What the main process keeps of a readable file until the graph is written."""

    name: str
    key: str
    report_id: str
    file: SourceFile
    problems: list[str]
    figures: int
    triples: int


def _entry(name: str, key: str, head: dict[str, Any]) -> _Entry:
    return _Entry(name, key, head["report_id"], SourceFile(**{**head["file"], "source_name": name}),
                  head["problems"], head["figures"], head["triples"])


def _text_kept(texts: Path, head: dict[str, Any]) -> bool:
    try:
        return (texts / f"{head['report_id']}.txt").stat().st_size == head["text_bytes"]
    except (OSError, KeyError):
        return False


def _keep_text(texts: Path, report_id: str, text: str) -> None:
    path = texts / f"{report_id}.txt"
    data = text.encode("utf-8")
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return
    except OSError:
        pass
    atomic_write_text(path, text)


def build(inputs: list[Path], outdir: Path, options: BuildOptions | None = None,
          progress: Callable[[int], None] | None = None, on_total: Callable[[int], None] | None = None) -> BuildResult:
    """Build ``outdir``'s graph.ttl (and graph.html, build-report.json, texts/) from ``inputs``; see the module
    docstring. ``progress(n)`` is called as files are done, after ``on_total(count)``."""
    options = options or BuildOptions()
    if options.executor not in EXECUTORS:
        raise BuildError(f"unknown executor {options.executor!r} ({' or '.join(EXECUTORS)})")
    if options.segmenter == "pkuseg" and not options.pkuseg_model:
        raise ValueError("the pkuseg segmenter needs a model directory (--pkuseg-model DIR)")
    outdir = Path(outdir)
    texts = outdir / "texts"
    for folder in (outdir, texts):
        remove_stale_temporaries(folder)  # left by a build that was killed
    done = progress or (lambda n: None)
    pairs, records = collect_inputs(inputs)
    if on_total:
        on_total(len(pairs))
    cache = Cache(outdir, fingerprint(EXTRACTOR_VERSION, options.segmenter, options.pkuseg_model), options.cache)

    def skip(name: str, fmt: str, exc: ReadError) -> None:
        records.append(FileRecord(name, "skipped", str(exc), format=fmt))
        done(1)

    # 1. scan: a file unchanged since the last build (size and mtime, as make and git judge) costs a stat; one
    #    whose content is cached costs a hash; the others are extracted
    entries: list[_Entry] = []
    misses: list[tuple[Path, str, str]] = []
    index = cache.load_index()
    new_index: dict[str, dict] = {}
    stats: dict[str, list[int]] = {}
    for path, name in pairs:
        fmt = format_of(path) or "txt"
        try:
            st = stat_file(path, options.max_bytes)
        except ReadError as exc:
            skip(name, fmt, exc)
            continue
        stats[name] = [st.st_size, st.st_mtime_ns]
        known = index.get(name)
        if (known and [known.get("size"), known.get("mtime_ns")] == stats[name] and known["key"].endswith(fmt)
                and cache.has(known["key"], name) and _text_kept(texts, known["head"])):
            cache.use(known["key"], name)
            entries.append(_entry(name, known["key"], known["head"]))
            new_index[name] = known
            done(1)
            continue
        try:
            data = read_file_bytes(path, options.max_bytes)
        except ReadError as exc:
            skip(name, fmt, exc)
            continue
        key = content_key(hashlib.sha256(data).hexdigest(), fmt)
        head = cache.head(key, name)
        if head is not None and _text_kept(texts, head):
            entries.append(_entry(name, key, head))
            new_index[name] = {"key": key, "size": st.st_size, "mtime_ns": st.st_mtime_ns, "head": head}
            done(1)
        else:
            misses.append((path, name, fmt))

    # 2. extract the rest, in parallel
    def tasks() -> Iterator[Task]:
        for path, name, fmt in misses:
            try:
                data = read_file_bytes(path, options.max_bytes)
            except ReadError as exc:  # changed since the scan
                skip(name, fmt, exc)
                continue
            key = content_key(hashlib.sha256(data).hexdigest(), fmt)
            yield Task(name, fmt, data, options.max_bytes, options.segmenter, options.pkuseg_model,
                       cache.load_extraction(key))

    extracted = 0
    fresh: set[str] = set()  # reports made in this build (not taken whole from the cache)
    workers = [1]
    if options.executor == "dask":
        outcomes = _dask_outcomes(tasks(), options.jobs, options.scheduler, workers)
    else:
        workers[0] = max(1, min(options.jobs, len(misses) // MIN_FILES_PER_WORKER))
        outcomes = _local_outcomes(tasks(), workers[0], options.segmenter, options.pkuseg_model)
    for outcome in outcomes:
        done(1)
        if outcome.error is not None:
            records.append(FileRecord(outcome.name, "skipped", outcome.error, format=outcome.fmt))
            continue
        extracted += outcome.extracted
        fresh.add(outcome.head["report_id"])
        _keep_text(texts, outcome.head["report_id"], outcome.text)
        cache.store(outcome.key, outcome.name, outcome.extraction_json, outcome.fragment_text)
        entries.append(_entry(outcome.name, outcome.key, outcome.head))
        size, mtime_ns = stats[outcome.name]  # as stat'ed before reading: a later change is seen next time
        new_index[outcome.name] = {"key": outcome.key, "size": size, "mtime_ns": mtime_ns, "head": outcome.head}

    # 3. merge and write
    by_report: dict[str, list[_Entry]] = {}
    for e in sorted(entries, key=lambda e: e.name):
        by_report.setdefault(e.report_id, []).append(e)
    for report_id, copies in by_report.items():
        first = copies[0]
        records.append(FileRecord(first.name, "partial" if first.problems else "built", "; ".join(first.problems),
                                  report_id, first.file.encoding, first.file.fmt))
        records += [FileRecord(c.name, "duplicate", f"same text as {first.name}", report_id, c.file.encoding,
                               c.file.fmt) for c in copies[1:]]
    records.sort(key=lambda r: r.file)
    skipped = [r for r in records if r.status == "skipped"]
    if not by_report:
        reasons = "; ".join(r.line() for r in records) or "no input"
        raise BuildError(f"no report could be read: {reasons}")
    if options.strict and skipped:
        raise BuildError(f"{len(skipped)} input{'s' * (len(skipped) != 1)} skipped (--strict), no graph written: "
                         + "; ".join(r.line() for r in skipped[:5]) + (" …" if len(skipped) > 5 else ""))

    graph_path = outdir / "graph.ttl"
    pending = outdir / ".graph.ttl.unvalidated"  # hidden: never taken for the graph, nor read as an input
    merged = _write_graph(pending, by_report, cache, options.html, options.validate, fresh)
    cache.save_index(new_index)
    cache.prune()
    summary = merged.summary
    build_facts = {"extracted": extracted, "from_cache": len(entries) - extracted, "workers": workers[0]}
    try:
        validation = (_validate_or_fail(merged.sample, pending, outdir, summary, records, build_facts)
                      if options.validate else None)
        os.replace(pending, graph_path)
    finally:
        pending.unlink(missing_ok=True)  # already renamed unless validation stopped half-way (Ctrl-C, a bug)
    for stale in (outdir / "graph.invalid.ttl", outdir / "validation.txt"):
        stale.unlink(missing_ok=True)
    result = BuildResult(records, summary, graph_path, extracted=extracted, workers=workers[0],
                         validation=validation)
    if options.html:
        from kg.render import render_html  # noqa: PLC0415 - pyvis/jinja only when drawing

        result.html_path = outdir / "graph.html"
        render_html(merged.store, result.html_path, texts_dir=texts)  # what `kg view` draws, from a small store
    _write_build_report(outdir, summary, result.records, build_facts, _validation_summary(validation, merged))
    return result


def _validation_summary(report, merged: "_Merged | None" = None) -> dict:
    if report is None:
        return {"validated": False}
    out = {"validated": True, "conforms": report.conforms, "violations": len(report.violations),
           "warnings": len(report.warnings)}
    if merged is not None and merged.sampled:
        out["sample"] = f"{merged.sampled} of {merged.summary['reports']} reports and the resources they refer to"
    return out


def _write_build_report(outdir: Path, summary: dict, records: list[FileRecord], build_facts: dict,
                        validation: dict) -> None:
    report = {
        "extractor_version": EXTRACTOR_VERSION,
        "summary": summary,
        "build": build_facts,
        "validation": validation,
        "files": [r.__dict__ for r in sorted(records, key=lambda r: r.file)],
    }
    atomic_write_text(outdir / "build-report.json", json.dumps(report, ensure_ascii=False, indent=2) + "\n")


def _validate_or_fail(sample: bytes, pending: Path, outdir: Path, summary: dict, records: list[FileRecord],
                      build_facts: dict):
    """Validate the graph (or its sample, Turtle bytes); on a violation, set the files as the module docstring
    says and raise :class:`GraphInvalid`."""
    import pyoxigraph  # noqa: PLC0415

    from kg.validate import validate_store  # noqa: PLC0415 - pyshacl/rdflib only when validating

    store = pyoxigraph.Store()
    try:
        store.load(sample, format=pyoxigraph.RdfFormat.TURTLE)
    except (SyntaxError, ValueError) as exc:  # the writer produced unreadable Turtle: a bug, still one line
        raise BuildError(f"{pending}: not a readable Turtle graph ({str(exc).splitlines()[0]})") from None
    report = validate_store(store)
    if report.conforms:
        return report
    invalid = outdir / "graph.invalid.ttl"
    os.replace(pending, invalid)
    for stale in (outdir / "graph.ttl", outdir / "graph.html"):
        stale.unlink(missing_ok=True)
    details = outdir / "validation.txt"
    atomic_write_text(details, "".join(r.line() + "\n" for r in report.results))
    _write_build_report(outdir, summary, records, build_facts, _validation_summary(report))
    n = len(report.violations)
    raise GraphInvalid(f"{invalid}: the built graph violates ontology/shapes.ttl ({n} violation{'s' * (n != 1)}; "
                       f"first: {report.violations[0].line()}); graph.ttl not written, every result in {details}",
                       report)


@dataclass
class _Merged:
    corpus: Corpus
    summary: dict[str, int]
    store: Any = None  # pyoxigraph.Store of what the HTML view reads
    sample: bytes = b""  # Turtle of what the build validates: the whole graph, or a sample (module docstring)
    sampled: int = 0  # reports in the sample when it is one, else 0


def _sample_ids(report_ids: list[str], size: int, fresh: set[str] | None = None) -> set[str]:
    """What the build validates: every report when there are at most ``size``; else ``size`` reports evenly
    spaced in id order — among those made in this build when there are any (a rebuild after one change checks
    the changed report, not ten unchanged ones it checked before), else among all (one, when all came from the
    cache: the shared resources may still have changed)."""
    if len(report_ids) <= size:
        return set(report_ids)
    pool = sorted(r for r in report_ids if r in (fresh or ()))
    if not pool:
        pool, size = report_ids, (size if fresh is None else 1)
    if len(pool) <= size:
        return set(pool)
    step = len(pool) / size
    return {pool[int(i * step)] for i in range(size)}


_KGR_NAME = re.compile(rb"kgr:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-]")


def _referenced(blocks: list[bytes], shared: dict[bytes, bytes]) -> list[bytes]:
    """The shared blocks the given Turtle blocks refer to, and the ones those refer to in turn."""
    seen: set[bytes] = set()
    todo = [name for b in blocks for name in _KGR_NAME.findall(b)]
    out = []
    while todo:
        name = todo.pop()
        if name in seen or name not in shared:
            continue
        seen.add(name)
        out.append(shared[name])
        todo += _KGR_NAME.findall(shared[name])
    return sorted(out)


def _write_graph(graph_path: Path, by_report: dict[str, list[_Entry]], cache: Cache, html: bool,
                 validate: bool = False, fresh: set[str] | None = None) -> _Merged:
    """Write graph.ttl (atomically) from the reports' cached fragments and the merged shared resources."""
    import pyoxigraph  # noqa: PLC0415

    writer = TurtleWriter()
    corpus = Corpus()
    store = pyoxigraph.Store() if html else None
    indicators: set[str] = set()
    counts = {"figures": 0, "triples": 0}
    sample_ids = _sample_ids(sorted(by_report), VALIDATE_ALL_REPORTS, fresh) if validate else set()
    sampled: list[bytes] = []
    whole = len(sample_ids) == len(by_report)

    def copy_report(out, report_id: str) -> None:
        """Copy one report's Turtle into ``out``, merge its corpus part, load its HTML triples when drawing."""
        copies = by_report[report_id]
        if len(copies) == 1:
            e = copies[0]
            with cache.open_fragment(e.key, e.name) as f:
                part = json.loads(f.readline())
                html_line = f.readline()
                html_nt = json.loads(html_line) if store is not None else ""  # skipped undecoded without HTML
                if report_id in sample_ids:
                    body = f.read()
                    sampled.append(body)
                    out.write(body)
                else:
                    shutil.copyfileobj(f, out, 1 << 20)
            counts["triples"] += e.triples
        else:  # the same text under several names: one report whose files are all of them (rare: not cached)
            with open(cache.extraction_path(copies[0].key), "rb") as f:
                ex = extraction_from_json(json.loads(f.read()))
            frag = report_fragment(ex, [c.file for c in copies])
            part = frag.part
            out.write(frag.body.encode("utf-8"))
            if report_id in sample_ids:
                sampled.append(frag.body.encode("utf-8"))
            counts["triples"] += frag.head["triples"]
            html_nt = part["html"] if store is not None else ""
        if html_nt:
            store.load(html_nt.encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
        counts["figures"] += copies[0].figures
        merge_corpus(corpus, corpus_from_json(part["corpus"]))
        indicators.update(part["indicators"])

    def write(out) -> None:  # binary: cached blocks are copied as bytes, never decoded
        out.write(writer.header().encode("utf-8"))
        for report_id in sorted(by_report):
            copy_report(out, report_id)
        blocks = _shared_blocks(corpus, indicators, cache, writer, counts)
        shared = "".join(text for _, text, _ in blocks)
        out.write(shared.encode("utf-8"))
        if store is not None:
            store.load((writer.header() + shared).encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
        if sample_ids:
            if whole:
                sampled.append(shared.encode("utf-8"))
            else:
                by_name = {writer.iri(s).encode("utf-8"): text.encode("utf-8") for s, text, _ in blocks}
                sampled.extend(_referenced(sampled, by_name))

    atomic_write(graph_path, write, binary=True)
    summary = {
        "reports": len(by_report),
        "regulations": len(corpus.regulations),
        "figures": counts["figures"],
        "organisations": len(corpus.organisations),
        "measures": len(corpus.measures),
        "triples": counts["triples"],
    }
    sample = writer.header().encode("utf-8") + b"".join(sampled) if sample_ids else b""
    return _Merged(corpus, summary, store, sample, 0 if whole else len(sample_ids))


def _node_state(node: Any) -> str:
    """A hash of every field of a resolved node (sets sorted, so the same node hashes alike in every process)."""
    fields = tuple(sorted(v) if isinstance(v, set) else v for v in vars(node).values())
    return hashlib.blake2b(repr(fields).encode("utf-8"), digest_size=12).hexdigest()


def _shared_blocks(corpus: Corpus, indicators: set[str], cache: Cache, writer: TurtleWriter,
                   counts: dict[str, int]) -> list[tuple[str, str, int]]:
    """The Turtle blocks of the shared resources, sorted by subject IRI. A resource whose merged node is the same
    as in the last build (same JSON state) reuses its block from ``.cache/…/entities.json``: a rebuild after one
    change re-renders a handful of the ~100,000 shared resources of a 10,000-report corpus, not all. (A block
    depends on its node only: ``kg.graph.entity_triples`` makes each resource's triples from its own node.)"""
    previous = cache.load_entities()
    kept: dict[str, list] = {}
    pending: dict[str, tuple[str, str]] = {}  # subject IRI → (id, state) of a resource to render
    todo = Corpus()
    tables = (("area", corpus.areas, todo.areas, area_iri), ("gov", corpus.governments, todo.governments, government_iri),
              ("org", corpus.organisations, todo.organisations, organisation_iri),
              ("measure", corpus.measures, todo.measures, lambda k: measure_iri(k, corpus.measures[k].concept)),
              ("reg", corpus.regulations, todo.regulations, regulation_iri),
              ("work", corpus.works, todo.works, work_iri))
    for kind, table, todo_table, iri_of in tables:
        for key, node in table.items():
            state = _node_state(node)
            rid = f"{kind}|{key}"
            subject = iri_of(key).value
            old = previous.get(rid)
            if old is not None and old[0] == state and old[1] == subject:
                kept[rid] = old
            else:
                todo_table[key] = node
                pending[subject] = (rid, state)
    blocks: list[tuple[str, str, int]] = []
    for subject, text, count in writer.subject_blocks(entity_triples(todo, indicators)):
        if subject in pending:
            rid, state = pending.pop(subject)
            kept[rid] = [state, subject, text, count]
        else:  # the indicators, or anything not keyed by a node: rendered every time
            blocks.append((subject, text, count))
    cache.save_entities(kept)
    blocks += [(subject, text, count) for _, subject, text, count in kept.values()]
    blocks.sort()
    counts["triples"] += sum(count for _, _, count in blocks)
    return blocks
