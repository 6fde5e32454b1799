"""The ``kg`` command line. Only click commands live here: each parses its arguments, calls a function of the
package, and prints. Errors are one line (click.ClickException), never a traceback."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.store import GraphError

DEFAULT_GRAPH = Path("output/graph.ttl")


def _console():
    from rich.console import Console  # noqa: PLC0415

    return Console(highlight=False, soft_wrap=True)


def _table(title: str, columns: list[str], rows: list[list]) -> None:
    from rich.table import Table  # noqa: PLC0415

    table = Table(title=title)
    for c in columns:
        table.add_column(c)
    for r in rows:
        table.add_row(*[str(x) for x in r])
    _console().print(table)


def _load(graph: Path):
    from kg.store import load_store  # noqa: PLC0415

    try:
        return load_store(graph)
    except GraphError as exc:
        raise click.ClickException(str(exc)) from None


@click.group()
@click.version_option(package_name="fazhi-kg")
def main() -> None:
    """fazhi-kg: a knowledge graph of China's local 法治政府建设 annual reports."""


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "outdir", type=click.Path(path_type=Path), default=Path("output"),
              show_default=True, help="Output folder.")
@click.option("--segmenter", type=click.Choice(["jieba", "pkuseg"]), default="jieba", show_default=True)
@click.option("--pkuseg-model", type=click.Path(path_type=Path), help="spacy-pkuseg model directory.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: every core; 1 = in this process).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where extraction runs: local processes, or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address (tcp://host:8786); without it "
              "--executor dask starts a local cluster of --jobs workers.")
@click.option("--no-cache", is_flag=True, help="Extract every file again instead of reusing OUTDIR/.cache.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Skip files larger than this many bytes (default 20 MiB).")
@click.option("--strict", is_flag=True, help="Any skipped input is an error: write no graph.")
@click.option("--no-html", is_flag=True, help="Skip graph.html.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def build(inputs: tuple[Path, ...], outdir: Path, segmenter: str, pkuseg_model: Path | None, jobs: int | None,
          executor: str, scheduler: str | None, no_cache: bool, max_bytes: int | None, strict: bool, no_html: bool,
          quiet: bool) -> None:
    """Build graph.ttl and graph.html from report files or folders (default: seeds/).

    Reads .txt (UTF-8, UTF-16, GB18030), .html/.htm, .pdf and .docx. Exit status 0 when every input built, 1
    otherwise (bad inputs are listed, one line each, and skipped; the rest is built)."""
    from rich.progress import Progress  # noqa: PLC0415

    from kg.pipeline import BuildError, BuildOptions, build as run_build, default_jobs  # noqa: PLC0415
    from kg.read import MAX_BYTES_DEFAULT  # noqa: PLC0415

    if scheduler and executor != "dask":
        raise click.BadParameter("--scheduler needs --executor dask", param_hint="--scheduler")
    options = BuildOptions(segmenter=segmenter, pkuseg_model=str(pkuseg_model) if pkuseg_model else None,
                           html=not no_html, jobs=jobs or default_jobs(), cache=not no_cache,
                           max_bytes=max_bytes or MAX_BYTES_DEFAULT, strict=strict, executor=executor,
                           scheduler=scheduler)
    paths = list(inputs) or [Path("seeds")]
    console = _console()
    with Progress(console=console, transient=True, disable=quiet) as bar:
        task = bar.add_task("building", total=None)
        try:
            result = run_build(paths, outdir, options, progress=lambda n: bar.advance(task, n),
                               on_total=lambda t: bar.update(task, total=t))
        except BuildError as exc:
            raise click.ClickException(str(exc)) from None
        except ValueError as exc:  # bad segmenter configuration
            raise click.ClickException(str(exc)) from None
    for record in result.records:
        if record.status not in ("built",):
            click.echo(record.line(), err=True)
    s = result.summary
    click.echo(f"{s['reports']} reports, {s['regulations']} regulations, {s['figures']} figures, "
               f"{s['organisations']} organisations, {s['measures']} measures, {s['triples']} triples "
               f"→ {result.graph_path}" + (f", {result.html_path}" if result.html_path else ""))
    if not result.ok:
        sys.exit(1)


@main.command()
@click.argument("graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH)
@click.option("--top", "top", type=int, default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
def stats(graph: Path, top: int, as_json: bool) -> None:
    """Counts per class, most-cited regulations and districts by regulations cited."""
    from kg.analyse import class_counts, top_districts, top_regulations, triple_count  # noqa: PLC0415

    store = _load(graph)
    data = {"triples": triple_count(store), "classes": class_counts(store),
            "regulations": top_regulations(store, top), "districts": top_districts(store, top)}
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    _table(f"{graph} — {data['triples']} triples", ["class", "count"], list(data["classes"].items()))
    _table("Most-cited regulations", ["regulation", "districts", "reports", "share"],
           [[r["regulation"], r["districts"], r["reports"], r["share"]] for r in data["regulations"]])
    _table("Districts by regulations", ["district", "regulations", "cited", "issued"],
           [[d["district"], d["regulations"], d["cited"], d["issued"]] for d in data["districts"]])


@main.command()
@click.argument("sparql")
@click.option("--graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query(sparql: str, graph: Path, fmt: str) -> None:
    """Run a SPARQL query (text, or a .rq/.sparql file) over the built graph."""
    from kg.query import format_rows, read_query, run_query  # noqa: PLC0415

    store = _load(graph)
    try:
        names, rows = run_query(store, read_query(sparql))
    except GraphError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "table":
        _table(f"{len(rows)} rows", names, rows)
    else:
        click.echo(format_rows(names, rows, fmt), nl=False)


@main.command()
@click.argument("indicator")
@click.option("--graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def compare(indicator: str, graph: Path, fmt: str) -> None:
    """One indicator's figures for every district and year (e.g. kg compare 出庭应诉率)."""
    from kg.compare import UnknownIndicator, as_dicts, compare as run_compare, find_indicator  # noqa: PLC0415
    from kg.query import format_rows  # noqa: PLC0415

    try:
        concept = find_indicator(indicator)
    except UnknownIndicator as exc:
        raise click.ClickException(str(exc)) from None
    rows = as_dicts(run_compare(_load(graph), concept))
    cell = lambda v: "" if v is None else str(v).lower() if isinstance(v, bool) else v  # noqa: E731
    columns = ["district", "year", "value", "unit", "approximate", "qualifier", "surface", "report", "offset"]
    if fmt == "json":
        click.echo(json.dumps({"indicator": concept.pref_label, "iri": concept.iri, "unit": concept.unit,
                               "rows": rows}, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(format_rows(columns, [[cell(r[c]) for c in columns] for r in rows], "csv"), nl=False)
    else:
        _table(f"{concept.pref_label} ({concept.unit}) — {len(rows)} figures", columns[:-1],
               [[cell(r[c]) for c in columns[:-1]] for r in rows])


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option("--docs", "docs_dir", type=click.Path(path_type=Path), required=True,
              help="Folder of the documents the gold annotates.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", "show_errors", is_flag=True, help="List every false positive and false negative.")
@click.option("--per-report/--no-per-report", default=True, show_default=True)
@click.option("--segmenter", type=click.Choice(["jieba", "pkuseg"]), default="jieba", show_default=True)
@click.option("--pkuseg-model", type=click.Path(path_type=Path))
def eval_(gold_dir: Path, docs_dir: Path, as_json: bool, show_errors: bool, per_report: bool, segmenter: str,
          pkuseg_model: Path | None) -> None:
    """Score the graph built from DOCS against the gold annotations in GOLD_DIR."""
    from kg.evaluate import CATEGORIES, EvalError, evaluate  # noqa: PLC0415
    from kg.pipeline import BuildError, BuildOptions  # noqa: PLC0415

    options = BuildOptions(segmenter=segmenter, pkuseg_model=str(pkuseg_model) if pkuseg_model else None)
    try:
        result = evaluate(gold_dir, docs_dir, options)
    except (EvalError, BuildError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    data = result.as_dict()
    if as_json:
        if not show_errors:
            data.pop("errors")
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    s = data["summary"]
    _table(f"{gold_dir}: {s['reports']} reports (micro)", ["", "precision", "recall", "F1", "tp", "fp", "fn"],
           [[c, f"{s[c]['precision']:.3f}", f"{s[c]['recall']:.3f}", f"{s[c]['f1']:.3f}", s[c]["tp"], s[c]["fp"],
             s[c]["fn"]] for c in CATEGORIES])
    click.echo(f"role accuracy {s['role_accuracy']:.3f}   issuer accuracy {s['issuer_accuracy']:.3f}   "
               f"issuer name accuracy {s['issuer_name_accuracy']:.3f}   year accuracy {s['year_accuracy']:.3f}")
    if per_report:
        _table("Per report (F1)", ["report", *CATEGORIES, "roles", "issuer", "year"],
               [[r["report"], *(f"{r[c]['f1']:.2f}" for c in CATEGORIES), r["roles"],
                 "✓" if r["issuer"] else "✗", "✓" if r["year"] else "✗"] for r in data["per_report"]])
    if show_errors:
        for e in data["errors"]:
            click.echo(f"{e['report']}\t{e['category']}\t{e['kind']}\t{e['item']}\t{e['context']}")
