"""Writing a built graph into a folder: ``texts/``, ``graph.ttl`` (validated first), ``graph.html`` and
``build-report.json``, each atomically (:mod:`kg.fsutil`), so a failed build leaves every output as the previous
build left it.

The graph is written under a hidden temporary name, validated (:mod:`kg.build.report`), then renamed. Up to
:data:`kg.build.writer.VALIDATE_ALL_REPORTS` reports the whole graph is validated; above that, pyshacl (~0.2 s per
report) would take longer than the build, so a deterministic sample of that many reports is validated with every
shared resource they refer to — the reports are made by the same code, so a systematic fault shows in any sample;
``kg validate`` checks a whole graph.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from kg.build import writer
from kg.build.options import BuildResult
from kg.build.report import validate_or_fail, validation_summary, write_build_report
from kg.errors import BuildError
from kg.fsutil import atomic_write, atomic_write_text, remove_stale_temporaries

if TYPE_CHECKING:
    from kg.build.parts import ReportPart
    from kg.graph import KnowledgeGraph


def _prepare(outdir: Path) -> Path:
    """The output folder, made if missing; a path that cannot be one is an error before any work."""
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise BuildError(f"{outdir}: exists and is not a folder") from None
    except OSError as exc:
        raise BuildError(f"{outdir}: cannot make the output folder ({exc.strerror or exc})") from None
    texts = outdir / "texts"
    for folder in (outdir, texts):
        remove_stale_temporaries(folder)  # left by a build that was killed
    return texts


def _write_texts(texts: Path, parts: list[ReportPart]) -> None:
    """``texts/<report>.txt`` for every report (rewritten only when its size differs); texts of reports no
    longer in the graph are removed."""
    texts.mkdir(parents=True, exist_ok=True)
    wanted = set()
    for part in parts:
        path = texts / f"{part.report_id}.txt"
        wanted.add(path.name)
        source = part.text_source()
        size = os.stat(source).st_size if source else len(part.text().encode("utf-8"))
        try:
            if path.stat().st_size == size:
                continue
        except OSError:
            pass
        if source:
            atomic_write(path, lambda out, s=source: _copy(s, out), binary=True)
        else:
            atomic_write_text(path, part.text())
    for old in texts.glob("*.txt"):
        if old.name not in wanted:
            old.unlink(missing_ok=True)


def _copy(source: str, out) -> None:
    with open(source, "rb") as f:
        shutil.copyfileobj(f, out, 1 << 20)


def write_outputs(graph: KnowledgeGraph, outdir: Path, *, html: bool, validate: bool) -> BuildResult:
    """See the module docstring."""
    texts = _prepare(outdir)
    built = graph._built
    if built is None:  # a graph read back from Turtle: its file, as it is
        atomic_write_text(outdir / "graph.ttl", graph.to_turtle())
        return BuildResult(graph_path=outdir / "graph.ttl")
    _write_texts(texts, built.parts)
    ids = [p.report_id for p in built.parts]
    sample = writer.sample_ids(ids, writer.VALIDATE_ALL_REPORTS, built.fresh) if validate else set()
    graph_path = outdir / "graph.ttl"
    pending = outdir / ".graph.ttl.unvalidated"  # hidden: never taken for the graph, nor read as an input
    written: list[writer.Written] = []
    atomic_write(
        pending,
        lambda out: written.append(writer.write_graph(out, built.parts, built.merged, sample=sample, view=html)),
        binary=True,
    )
    done = written[0]
    try:
        report = (
            validate_or_fail(done.sample, pending, outdir, graph.summary, graph.records, graph.facts)
            if validate
            else None
        )
        os.replace(pending, graph_path)
    finally:
        pending.unlink(missing_ok=True)  # already renamed unless validation stopped half-way (Ctrl-C, a bug)
    for stale in (outdir / "graph.invalid.ttl", outdir / "validation.txt"):
        stale.unlink(missing_ok=True)
    result = BuildResult(
        graph.records,
        graph.summary,
        graph_path,
        extracted=graph.facts.extracted,
        workers=graph.facts.workers,
        validation=report,
    )
    if html:
        from kg.view import render_html  # noqa: PLC0415 - pyvis/jinja only when drawing

        result.html_path = outdir / "graph.html"
        render_html(done.view_store, result.html_path, texts_dir=texts)
    write_build_report(
        outdir,
        graph.summary,
        graph.records,
        graph.facts,
        validation_summary(report, done.sampled, graph.summary.reports),
    )
    return result
