"""The build's record of itself: ``build-report.json`` (every input with its status and reason, the counts, how
the build went, and the validation), and the validation step that decides whether ``graph.ttl`` may be written.

On a violation the build fails loudly (:class:`kg.errors.GraphInvalid`) and leaves nothing that looks valid: the
graph is kept as ``graph.invalid.ttl`` for inspection, every result goes to ``validation.txt``, any ``graph.ttl``
and ``graph.html`` of an earlier build are removed, no HTML is drawn, and ``build-report.json`` records the
failure. A valid build removes the ``graph.invalid.ttl`` and ``validation.txt`` of an earlier failed one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from kg.build.options import BuildFacts, FileRecord, Summary
from kg.errors import BuildError, GraphInvalid
from kg.extract import EXTRACTOR_VERSION
from kg.fsutil import atomic_write_text


def validation_summary(
    report: Any, sampled: int = 0, reports: int = 0, made: int | None = None, changed: int = 0
) -> dict[str, Any]:
    """The ``validation`` member of ``build-report.json``; a sample is described by the number of reports in it
    out of ``reports``, and for a rebuild (``made`` of them made in this build) the shared resources it changed."""
    if report is None:
        return {"validated": False}
    out = {
        "validated": True,
        "conforms": report.conforms,
        "violations": len(report.violations),
        "warnings": len(report.warnings),
    }
    if sampled or made is not None:
        rebuilt = f" ({made} made in this build), {changed} changed shared resources," if made is not None else ""
        out["sample"] = f"{sampled} of {reports} reports{rebuilt} and the resources they refer to"
    return out


def write_build_report(
    path: Path,
    summary: Summary,
    records: list[FileRecord],
    facts: BuildFacts,
    validation: dict[str, Any],
    notes: list[str] | tuple[str, ...] = (),
) -> None:
    """Write ``build-report.json`` (to ``path``: the build writes it under a temporary name first). ``notes``
    are the build's one-line notes (damaged cache entries made again), listed only when there are any."""
    report = {
        "extractor_version": EXTRACTOR_VERSION,
        "summary": summary.as_dict(),
        "build": facts.as_dict(),
        **({"notes": list(notes)} if notes else {}),
        "validation": validation,
        "files": [],
    }
    atomic_write_text(path, report_text(report, [r.__dict__ for r in sorted(records, key=lambda r: r.file)]))


def report_text(report: dict[str, Any], files: list[dict[str, str | None]]) -> str:
    """``json.dumps(report, ensure_ascii=False, indent=2)`` with ``files`` as the last member ``files`` (whose value
    in ``report`` is an empty list), and a newline. Why: with an indent, :mod:`json` encodes in pure Python
    (0.3 s for the 10,000 records of a 10,000-file build, on the critical path of a rebuild); each record is a flat
    object of strings and nulls, written here line by line as that encoder would (the C encoder for each value)."""
    text = json.dumps(report, ensure_ascii=False, indent=2)
    if not files:
        return text + "\n"
    assert text.endswith('"files": []\n}')
    value = _ENCODE.encode
    objects = (
        "    {\n" + ",\n".join(f"      {value(k)}: {value(v)}" for k, v in row.items()) + "\n    }" if row else "    {}"
        for row in files
    )
    return text[: -len("[]\n}")] + "[\n" + ",\n".join(objects) + "\n  ]\n}\n"


_ENCODE = json.JSONEncoder(ensure_ascii=False)  # (no indent: the C encoder)


def validate_turtle(turtle: bytes, pending: str) -> Any:
    """Validate Turtle bytes (the graph of ``pending``, or a part of its sample) against the shapes; a
    :class:`kg.rdf.shacl.ValidationReport`. Run in this process or in a spare worker."""
    import pyoxigraph  # noqa: PLC0415

    from kg.rdf.shacl import validate_store  # noqa: PLC0415 - pyshacl/rdflib only when validating

    store = pyoxigraph.Store()
    try:
        store.load(turtle, format=pyoxigraph.RdfFormat.TURTLE)
    except (SyntaxError, ValueError) as exc:  # the writer produced unreadable Turtle: a bug, still one line
        raise BuildError(f"{pending}: not a readable Turtle graph ({str(exc).splitlines()[0]})") from None
    return validate_store(store)


def start_validation(shards: list[bytes], pending: Path, spare: Executor | None = None) -> Callable[[], Any]:
    """Start validating the graph (or its sample: the Turtle bytes of ``pending`` in shards,
    :func:`kg.build.writer.sample_turtle`) against the shapes: each shard is handed at once to a ``spare`` worker
    process when there are some, which validate while this process writes; else nothing is done before the call.
    The returned function waits and gives one report of every shard, the one a run over the whole would give
    (violations are the caller's to act on, :func:`fail_on_violations`)."""
    if spare is None:
        return lambda: _combined([validate_turtle(shard, str(pending)) for shard in shards])
    jobs = [spare.submit(validate_turtle, shard, str(pending)) for shard in shards]
    return lambda: _combined([_outcome(job) for job in jobs])


def _outcome(job: Future) -> Any:
    try:
        return job.result()
    except BrokenProcessPool as exc:
        raise BuildError(f"a worker process died while validating the graph ({exc or 'killed'})") from None


def _combined(reports: list[Any]) -> Any:
    """One report of the shards' reports."""
    if len(reports) == 1:
        return reports[0]
    whole = reports[0]
    results = {r for report in reports for r in report.results}  # (a shared node in several shards: once)
    # the order of kg.rdf.shacl.validate_store: violations first, then by focus node, path, message and value
    whole.results = sorted(results, key=lambda r: (r.severity != "Violation", r.focus, r.path, r.message, r.value))
    whole.focus_nodes, whole.chunks = sum(r.focus_nodes for r in reports), sum(r.chunks for r in reports)
    return whole


def fail_on_violations(
    report: Any, pending: Path, outdir: Path, summary: Summary, records: list[FileRecord], facts: BuildFacts
) -> None:
    """On a violation, set the files as the module docstring says and raise :class:`GraphInvalid`."""
    if report.conforms:
        return
    invalid = outdir / "graph.invalid.ttl"
    os.replace(pending, invalid)
    for stale in (outdir / "graph.ttl", outdir / "graph.html"):
        stale.unlink(missing_ok=True)
    details = outdir / "validation.txt"
    atomic_write_text(details, "".join(r.line() + "\n" for r in report.results))
    write_build_report(outdir / "build-report.json", summary, records, facts, validation_summary(report))
    n = len(report.violations)
    raise GraphInvalid(
        f"{invalid}: the built graph violates ontology/shapes.ttl ({n} violation{'s' * (n != 1)}; "
        f"first: {report.violations[0].line()}); graph.ttl not written, every result in {details}",
        report,
    )
