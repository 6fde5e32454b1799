"""``kg build``: read → segment → extract → resolve → graph → analyse → render, for a set of input paths.

Inputs are files or folders (read recursively). Each input file ends with a status in ``build-report.json``:
``built``, ``partial`` (built, but issuer or year not found), ``duplicate`` (same text as another file: one
report), or ``skipped`` with a one-line reason. Outputs are written atomically; if no report could be built,
nothing is written and :class:`BuildError` is raised.

The graph validates itself (``ontology/shapes.ttl``, :mod:`kg.validate`) before it becomes ``graph.ttl``: it is
written under a hidden temporary name, validated, then renamed. On a violation the build fails loudly
(:class:`GraphInvalid`) and leaves nothing that looks valid: the graph is kept as ``graph.invalid.ttl`` for
inspection, every result goes to ``validation.txt``, any ``graph.ttl`` and ``graph.html`` of an earlier build are
removed (a stale graph beside a failed build would be mistaken for its output), no HTML is drawn, and
``build-report.json`` records the failure. A valid build removes the ``graph.invalid.ttl`` and ``validation.txt``
of an earlier failed one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract import EXTRACTOR_VERSION, extract
from kg.fsutil import atomic_write, atomic_write_text
from kg.graph import corpus_triples
from kg.model import Extraction
from kg.read import MAX_BYTES_DEFAULT, Document, ReadError, read_path
from kg.resolve import resolve
from kg.segment import get_segmenter
from kg.turtle import TurtleWriter

SUFFIXES = (".txt",)


class BuildError(Exception):
    """The build cannot go on at all (nothing readable); the message says why."""


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

    def line(self) -> str:
        return f"{self.file}: {self.status}" + (f" ({self.reason})" if self.reason else "")


@dataclass
class BuildOptions:
    segmenter: str = "jieba"
    pkuseg_model: str | None = None
    max_bytes: int = MAX_BYTES_DEFAULT
    html: bool = True
    validate: bool = True  # SHACL-validate graph.ttl before it replaces the previous one


@dataclass
class BuildResult:
    records: list[FileRecord] = field(default_factory=list)
    summary: dict[str, int] = field(default_factory=dict)
    graph_path: Path | None = None
    html_path: Path | None = None
    validation: object | None = None  # kg.validate.ValidationReport, when validated

    @property
    def ok(self) -> bool:
        return all(r.status in ("built", "duplicate") for r in self.records)


def collect_inputs(inputs: Iterable[Path]) -> tuple[list[tuple[Path, str]], list[FileRecord]]:
    """Expand inputs into (path, source name) pairs, in a stable order, and records for bad inputs.

    A file inside a given folder is named by its path relative to that folder; a file given directly, by its
    name. So the same folder gives the same names whatever the working directory.
    """
    files: dict[str, Path] = {}
    problems: list[FileRecord] = []
    for inp in inputs:
        inp = Path(inp)
        if inp.is_dir():
            found = sorted(p for p in inp.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
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


def read_all(pairs: list[tuple[Path, str]], options: BuildOptions) -> tuple[list[Document], list[FileRecord]]:
    docs, records = [], []
    for path, name in pairs:
        try:
            doc = read_path(path, name, options.max_bytes)
        except ReadError as exc:
            records.append(FileRecord(name, "skipped", str(exc)))
            continue
        docs.append(doc)
    return docs, records


def extract_all(docs: list[Document], options: BuildOptions,
                progress: Callable[[int], None] | None = None) -> list[Extraction]:
    segmenter = get_segmenter(options.segmenter, options.pkuseg_model)
    out = []
    for doc in docs:
        out.append(extract(doc, segmenter))
        if progress:
            progress(1)
    return out


def build(inputs: list[Path], outdir: Path, options: BuildOptions | None = None,
          progress: Callable[[int], None] | None = None, on_total: Callable[[int], None] | None = None) -> BuildResult:
    options = options or BuildOptions()
    outdir = Path(outdir)
    pairs, records = collect_inputs(inputs)
    docs, read_records = read_all(pairs, options)
    records += read_records
    if not docs:
        reasons = "; ".join(r.line() for r in records) or "no input"
        raise BuildError(f"no report could be read: {reasons}")
    if on_total:
        on_total(len(docs))
    extractions = extract_all(docs, options, progress)

    seen: dict[str, str] = {}
    docs_by_report: dict[str, list[Document]] = {}
    for doc, ex in sorted(zip(docs, extractions), key=lambda de: de[0].source_name):
        docs_by_report.setdefault(doc.id, []).append(doc)
        if doc.id in seen:
            records.append(FileRecord(doc.source_name, "duplicate", f"same text as {seen[doc.id]}", doc.id,
                                      doc.encoding))
            continue
        seen[doc.id] = doc.source_name
        status = "partial" if ex.info.problems else "built"
        records.append(FileRecord(doc.source_name, status, "; ".join(ex.info.problems), doc.id, doc.encoding))

    corpus = resolve(extractions)
    graph_path = outdir / "graph.ttl"
    writer = TurtleWriter()
    triple_count = 0

    def write_graph(out):
        nonlocal triple_count
        triple_count = writer.write(corpus_triples(corpus, docs_by_report), out)

    for report_id, ds in docs_by_report.items():
        text_path = outdir / "texts" / f"{report_id}.txt"
        if not text_path.exists() or text_path.read_text(encoding="utf-8") != ds[0].text:
            atomic_write_text(text_path, ds[0].text)
    pending = outdir / ".graph.ttl.unvalidated"  # hidden: never taken for the graph, nor read as an input
    atomic_write(pending, write_graph)
    summary = {
        "reports": len(corpus.reports),
        "regulations": len(corpus.regulations),
        "figures": sum(len(r.extraction.figures) for r in corpus.reports.values()),
        "organisations": len(corpus.organisations),
        "measures": len(corpus.measures),
        "triples": triple_count,
    }
    try:
        validation = _validate_or_fail(pending, outdir, summary, records) if options.validate else None
        os.replace(pending, graph_path)
    finally:
        pending.unlink(missing_ok=True)  # already renamed unless validation stopped half-way (Ctrl-C, a bug)
    for stale in (outdir / "graph.invalid.ttl", outdir / "validation.txt"):
        stale.unlink(missing_ok=True)
    result = BuildResult(sorted(records, key=lambda r: r.file), summary, graph_path, validation=validation)
    if options.html:
        from kg.render import render_graph_file  # noqa: PLC0415 - pyvis/jinja only when drawing

        result.html_path = outdir / "graph.html"
        render_graph_file(graph_path, result.html_path)  # the same function as `kg view`
    _write_build_report(outdir, summary, result.records, _validation_summary(validation))
    return result


def _validation_summary(report) -> dict:
    if report is None:
        return {"validated": False}
    return {"validated": True, "conforms": report.conforms, "violations": len(report.violations),
            "warnings": len(report.warnings)}


def _write_build_report(outdir: Path, summary: dict, records: list[FileRecord], validation: dict) -> None:
    report = {
        "extractor_version": EXTRACTOR_VERSION,
        "summary": summary,
        "validation": validation,
        "files": [r.__dict__ for r in sorted(records, key=lambda r: r.file)],
    }
    atomic_write_text(outdir / "build-report.json", json.dumps(report, ensure_ascii=False, indent=2) + "\n")


def _validate_or_fail(pending: Path, outdir: Path, summary: dict, records: list[FileRecord]):
    """Validate the freshly written graph; on a violation, set the files as the module docstring says and raise
    :class:`GraphInvalid`."""
    from kg.validate import validate_file  # noqa: PLC0415 - pyshacl/rdflib only when validating

    from kg.store import GraphError  # noqa: PLC0415

    try:
        report = validate_file(pending)
    except GraphError as exc:  # the writer produced unreadable Turtle: a bug, but still a one-line failure
        raise BuildError(str(exc)) from None
    if report.conforms:
        return report
    invalid = outdir / "graph.invalid.ttl"
    os.replace(pending, invalid)
    for stale in (outdir / "graph.ttl", outdir / "graph.html"):
        stale.unlink(missing_ok=True)
    details = outdir / "validation.txt"
    atomic_write_text(details, "".join(r.line() + "\n" for r in report.results))
    _write_build_report(outdir, summary, records, _validation_summary(report))
    n = len(report.violations)
    raise GraphInvalid(f"{invalid}: the built graph violates ontology/shapes.ttl ({n} violation{'s' * (n != 1)}; "
                       f"first: {report.violations[0].line()}); graph.ttl not written, every result in {details}",
                       report)
