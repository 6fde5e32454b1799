"""The ``kg`` command line. Only click commands live here: each parses its arguments, calls a function of the
package, and prints. Errors are one line (click.ClickException), never a traceback."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import click

from kg.rdf.store import GraphError

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
    from kg.rdf.store import load_store  # noqa: PLC0415

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
@click.option("--no-validate", is_flag=True, help="Skip the SHACL validation of graph.ttl (ontology/shapes.ttl).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def build(inputs: tuple[Path, ...], outdir: Path, segmenter: str, pkuseg_model: Path | None, jobs: int | None,
          executor: str, scheduler: str | None, no_cache: bool, max_bytes: int | None, strict: bool, no_html: bool,
          no_validate: bool, quiet: bool) -> None:
    """Build graph.ttl and graph.html from report files or folders (default: seeds/).

    Reads .txt (UTF-8, UTF-16, GB18030), .html/.htm, .pdf and .docx. Exit status 0 when every input built, 1
    otherwise (bad inputs are listed, one line each, and skipped; the rest is built)."""
    from rich.progress import Progress  # noqa: PLC0415

    from kg.build import BuildOptions, build as run_build, default_jobs  # noqa: PLC0415
    from kg.errors import GraphInvalid, KgError  # noqa: PLC0415
    from kg.read import MAX_BYTES_DEFAULT  # noqa: PLC0415

    if scheduler and executor != "dask":
        raise click.BadParameter("--scheduler needs --executor dask", param_hint="--scheduler")
    if segmenter == "pkuseg" and not pkuseg_model:
        raise click.BadParameter("the pkuseg segmenter needs --pkuseg-model DIR", param_hint="--pkuseg-model")
    options = BuildOptions(segmenter=segmenter, pkuseg_model=str(pkuseg_model) if pkuseg_model else None,
                           html=not no_html, jobs=jobs or default_jobs(), cache=not no_cache,
                           max_bytes=max_bytes or MAX_BYTES_DEFAULT, strict=strict, executor=executor,
                           scheduler=scheduler, validate=not no_validate)
    paths = list(inputs) or [Path("seeds")]
    console = _console()
    with Progress(console=console, transient=True, disable=quiet) as bar:
        task = bar.add_task("building", total=None)
        try:
            result = run_build(paths, outdir, options,
                               progress=lambda done, total: bar.update(task, completed=done, total=total))
        except GraphInvalid as exc:
            for line in exc.report.results[:20]:
                click.echo(line.line(), err=True)
            raise click.ClickException(str(exc)) from None
        except KgError as exc:
            raise click.ClickException(str(exc)) from None
    for record in result.records:
        if record.status not in ("built",):
            click.echo(record.line(), err=True)
    s = result.summary
    click.echo(f"{s.reports} reports, {s.regulations} regulations, {s.figures} figures, "
               f"{s.organisations} organisations, {s.measures} measures, {s.triples} triples "
               f"→ {result.graph_path}" + (f", {result.html_path}" if result.html_path else "")
               + (_validity(result.validation) if result.validation else ""))
    if not result.ok:
        sys.exit(1)


class _StatsGroup(click.Group):
    """``kg stats [GRAPH] [--top N] [--json]`` keeps working: arguments that do not start with a sub-command
    name go to ``kg stats overview``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["overview", *args]
        return super().parse_args(ctx, args)


def _graph_path(graph: Path | None, graph_opt: Path | None) -> Path:
    if graph and graph_opt and graph != graph_opt:
        raise click.ClickException(f"two graphs given ({graph} and --graph {graph_opt}); give one")
    return graph_opt or graph or DEFAULT_GRAPH


def _filter_options(f: Callable) -> Callable:
    f = click.option("--province", help="Only reports from this province: full name, leading part (河南), "
                                        "six-digit code or IRI.")(f)
    f = click.option("--year", help="Only reports on this year.")(f)
    f = click.option("--top", type=int, default=10, show_default=True, help="Rows to show (0 = all).")(f)
    f = click.option("--graph", "graph_opt", type=click.Path(path_type=Path),
                     help=f"Graph file, as GRAPH (default {DEFAULT_GRAPH}).")(f)
    return click.argument("graph", required=False, type=click.Path(path_type=Path))(f)


def _stats_options(f: Callable) -> Callable:
    f = click.option("--csv", "as_csv", is_flag=True, help="Print CSV instead of a table.")(f)
    f = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(f)
    return _filter_options(f)


def _analysis_errors() -> tuple[type[Exception], ...]:
    from kg.analyse import FilterError  # noqa: PLC0415

    return (FilterError, KeyError, ValueError)


def _citations(graph: Path | None, graph_opt: Path | None, year: str | None, province: str | None):
    from kg.analyse import citation_graph  # noqa: PLC0415

    store = _load(_graph_path(graph, graph_opt))
    try:
        return store, citation_graph(store, year, province)
    except _analysis_errors() as exc:
        raise click.ClickException(str(exc.args[0]) if exc.args else str(exc)) from None


def _cell(value: object, limit: int | None = None) -> str:
    if isinstance(value, list):
        shown = value if limit is None or len(value) <= limit else value[:limit]
        more = f" … +{len(value) - len(shown)}" if len(shown) < len(value) else ""
        return "、".join(str(v) for v in shown) + more
    return "" if value is None else str(value)


def _emit(title: str, columns: list[tuple[str, str]], rows: list[dict], as_json: bool, as_csv: bool,
          empty: str = "") -> None:
    """One table in one of three forms: a rich table of ``columns`` ((key, header) pairs; long lists cut),
    or CSV / JSON with every key of the rows (lists joined with 、 in CSV). ``empty``: said when no rows."""
    if as_json and as_csv:
        raise click.ClickException("--json and --csv exclude each other")
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif as_csv:
        import csv  # noqa: PLC0415
        import io  # noqa: PLC0415

        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        keys = list(rows[0]) if rows else [k for k, _ in columns]
        writer.writerow(keys)
        writer.writerows([[_cell(r.get(k)) for k in keys] for r in rows])
        click.echo(buf.getvalue(), nl=False)
    else:
        from rich.table import Table  # noqa: PLC0415

        table = Table(title=title)
        for key, header in columns:  # numbers never wrap; names fold rather than end in "…"
            numeric = bool(rows) and all(isinstance(r.get(key), (int, float)) for r in rows)
            name = key in ("regulation", "district", "label", "a", "b", "indicator", "districts", "regulations") \
                and not numeric
            table.add_column(header, no_wrap=not name, justify="right" if numeric else "left", overflow="fold",
                             min_width=16 if name else None, ratio=1 if name else None)
        for r in rows:
            table.add_row(*[_cell(r.get(k), limit=8) for k, _ in columns])
        _console().print(table)
        if not rows and empty:
            click.echo(empty)


def _where(year: str | None, province: str | None) -> str:
    return "".join(f" — {x}" for x in (province, year) if x)


@main.group(cls=_StatsGroup)
def stats() -> None:
    """Statistics of the built graph: `kg stats [GRAPH]` for the overview, or a sub-command."""


@stats.command()
@_filter_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
def overview(graph: Path | None, graph_opt: Path | None, top: int, year: str | None, province: str | None,
             as_json: bool) -> None:
    """Counts per class, most-cited regulations and districts by regulations cited."""
    from kg.analyse import overview as compute  # noqa: PLC0415

    path = _graph_path(graph, graph_opt)
    store = _load(path)
    try:
        data = compute(store, top or None, year, province)
    except _analysis_errors() as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    _table(f"{path} — {data['triples']} triples", ["class", "count"], list(data["classes"].items()))
    _table("Most-cited regulations" + _where(year, province), ["regulation", "districts", "reports", "share"],
           [[r["regulation"], r["districts"], r["reports"], r["share"]] for r in data["regulations"]])
    _table("Districts by regulations" + _where(year, province), ["district", "regulations", "cited", "issued"],
           [[d["district"], d["regulations"], d["cited"], d["issued"]] for d in data["districts"]])


@stats.command()
@_stats_options
def regulations(graph: Path | None, graph_opt: Path | None, top: int, year: str | None,
                province: str | None, as_json: bool, as_csv: bool) -> None:
    """Regulations by districts referring to them: citing, issuing, reports, share of districts."""
    from kg.analyse import regulation_ranking  # noqa: PLC0415

    _, g = _citations(graph, graph_opt, year, province)
    _emit(f"Regulations by districts ({g.graph['districts']} districts){_where(year, province)}",
          [("rank", "#"), ("regulation", "regulation"), ("level", "level"), ("districts", "dist"),
           ("citing", "cite"), ("issuing", "issue"), ("reports", "rep"), ("share", "share")],
          regulation_ranking(g, top or None), as_json, as_csv)


@stats.command()
@_stats_options
def districts(graph: Path | None, graph_opt: Path | None, top: int, year: str | None,
              province: str | None, as_json: bool, as_csv: bool) -> None:
    """Districts by regulations referred to, split into cited and issued."""
    from kg.analyse import district_ranking  # noqa: PLC0415

    _, g = _citations(graph, graph_opt, year, province)
    _emit("Districts by regulations" + _where(year, province),
          [("rank", "#"), ("district", "district"), ("province", "province"), ("reports", "reports"),
           ("regulations", "regulations"), ("cited", "cited"), ("issued", "issued")],
          district_ranking(g, top or None), as_json, as_csv)


@stats.command()
@_stats_options
@click.option("--among", type=int, default=500, show_default=True,
              help="Pairs among this many most-referred regulations (0 = all).")
def cocitation(graph: Path | None, graph_opt: Path | None, top: int, year: str | None,
               province: str | None, as_json: bool, as_csv: bool, among: int) -> None:
    """Pairs of regulations referred to by the same districts (shared districts, Jaccard)."""
    from kg.analyse import cocitation as compute  # noqa: PLC0415

    _, g = _citations(graph, graph_opt, year, province)
    _emit("Co-cited regulations" + _where(year, province),
          [("a", "regulation"), ("b", "regulation"), ("shared", "districts"), ("jaccard", "Jaccard")],
          compute(g, top or None, among or None), as_json, as_csv)


@stats.command()
@_stats_options
@click.option("--district", help="Districts most similar to this one (label or IRI) instead of the top pairs.")
@click.option("--among", type=int, default=500, show_default=True,
              help="Pairs among this many best-connected districts (0 = all).")
def similarity(graph: Path | None, graph_opt: Path | None, top: int, year: str | None,
               province: str | None, as_json: bool, as_csv: bool, district: str | None, among: int) -> None:
    """District similarity: Jaccard of the sets of regulations they refer to."""
    from kg.analyse import similar_districts  # noqa: PLC0415

    _, g = _citations(graph, graph_opt, year, province)
    try:
        rows = similar_districts(g, district, top or None, among or None)
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0])) from None
    _emit(f"Districts similar to {district}" if district else "Most similar districts",
          [("a", "district"), ("b", "district"), ("shared", "regulations"), ("jaccard", "Jaccard")], rows, as_json,
          as_csv)


@stats.command()
@_stats_options
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--resolution", type=float, default=1.0, show_default=True, help="Louvain resolution (>1: smaller).")
def communities(graph: Path | None, graph_opt: Path | None, top: int, year: str | None,
                province: str | None, as_json: bool, as_csv: bool, seed: int, resolution: float) -> None:
    """Louvain communities of districts and regulations (seeded: the same graph gives the same result)."""
    from kg.analyse import communities as compute  # noqa: PLC0415

    _, g = _citations(graph, graph_opt, year, province)
    rows = compute(g, seed, resolution)
    _emit(f"{len(rows)} communities" + _where(year, province),
          [("community", "#"), ("size", "size"), ("districts", "districts"), ("regulations", "regulations")],
          rows[:top] if top else rows, as_json, as_csv)


@stats.command()
@_stats_options
@click.option("--by", type=click.Choice(["degree", "eigenvector", "betweenness"]), default="degree",
              show_default=True)
def centrality(graph: Path | None, graph_opt: Path | None, top: int, year: str | None,
               province: str | None, as_json: bool, as_csv: bool, by: str) -> None:
    """Degree, eigenvector and betweenness centrality (JSON: {"methods", "nodes"})."""
    from kg.analyse import centrality as compute  # noqa: PLC0415

    _, g = _citations(graph, graph_opt, year, province)
    data = compute(g, by, top or None)
    if as_json and not as_csv:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    m = data["methods"]
    _emit(f"Centrality by {by} (eigenvector: {m['eigenvector']}; betweenness: {m['betweenness']})",
          [("rank", "#"), ("label", "node"), ("type", "type"), ("degree", "degree"),
           ("eigenvector", "eigenvector"), ("betweenness", "betweenness")], data["nodes"], as_json, as_csv)


def _mentioned(kind: str, graph: Path | None, graph_opt: Path | None, top: int, year: str | None,
               province: str | None, as_json: bool, as_csv: bool) -> None:
    from kg.analyse import item_ranking, mention_graph  # noqa: PLC0415

    store = _load(_graph_path(graph, graph_opt))
    try:
        g = mention_graph(store, kind, year, province)
    except _analysis_errors() as exc:
        raise click.ClickException(str(exc)) from None
    _emit(f"{kind.capitalize()}s by districts mentioning them ({g.graph['districts']} districts)"
          + _where(year, province), [("rank", "#"), ("label", kind), ("districts", "districts"),
                                     ("reports", "reports"), ("share", "share")],
          item_ranking(g, kind, top or None), as_json, as_csv)


@stats.command()
@_stats_options
def measures(graph: Path | None, graph_opt: Path | None, top: int, year: str | None,
             province: str | None, as_json: bool, as_csv: bool) -> None:
    """Policy measures by districts whose reports mention them."""
    _mentioned("measure", graph, graph_opt, top, year, province, as_json, as_csv)


@stats.command()
@_stats_options
def organisations(graph: Path | None, graph_opt: Path | None, top: int, year: str | None,
                  province: str | None, as_json: bool, as_csv: bool) -> None:
    """Organisations (other than the issuing governments) by districts whose reports mention them."""
    _mentioned("organisation", graph, graph_opt, top, year, province, as_json, as_csv)


@stats.command()
@_stats_options
def indicators(graph: Path | None, graph_opt: Path | None, top: int, year: str | None,
               province: str | None, as_json: bool, as_csv: bool) -> None:
    """Figures per indicator per district and year (empty until figures carry kg:indicator)."""
    from kg.analyse import indicator_figures  # noqa: PLC0415

    store = _load(_graph_path(graph, graph_opt))
    try:
        rows = indicator_figures(store, year, province)
    except _analysis_errors() as exc:
        raise click.ClickException(str(exc)) from None
    _emit("Figures per indicator per district" + _where(year, province),
          [("indicator", "indicator"), ("unit", "unit"), ("district", "district"), ("province", "province"),
           ("year", "year"), ("figures", "figures"), ("values", "values")],
          rows[:top] if top else rows, as_json, as_csv,
          empty="No figure carries kg:indicator in this graph (yet).")


@main.command()
@click.argument("graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="HTML file (default: graph.html beside GRAPH).")
@click.option("--max-nodes", type=int, default=3000, show_default=True,
              help="Draw only the most connected nodes, and say so on the page (0 = all).")
@click.option("--with-measures", is_flag=True, help="Also draw the measures the reports mention.")
@click.option("--with-organisations", is_flag=True, help="Also draw the organisations the reports mention.")
def view(graph: Path, output: Path | None, max_nodes: int, with_measures: bool, with_organisations: bool) -> None:
    """Draw the graph as one offline HTML page (the graph.html of `kg build`)."""
    from kg.view import ViewOptions, render_graph_file  # noqa: PLC0415

    output = output or graph.parent / "graph.html"
    options = ViewOptions(max_nodes=max_nodes or None, with_measures=with_measures,
                          with_organisations=with_organisations)
    try:
        summary = render_graph_file(graph, output, options)
    except GraphError as exc:
        raise click.ClickException(str(exc)) from None
    note = f" (the {summary.nodes} most connected of {summary.total_nodes})" if summary.trimmed else ""
    click.echo(f"{summary.nodes} nodes{note}, {summary.edges} edges → {output}")


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
    from kg.analyse.compare import UnknownIndicator, as_dicts, compare as run_compare, find_indicator  # noqa: PLC0415
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
    from kg.errors import KgError  # noqa: PLC0415

    try:
        result = evaluate(gold_dir, docs_dir, segmenter=segmenter,
                          model=str(pkuseg_model) if pkuseg_model else None)
    except (EvalError, KgError) as exc:
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


# ---------------------------------------------------------------------------------------------------------------
# Linked data: validate, export, serve (issue 8). Thin wrappers over kg.rdf.shacl, kg.export and kg.serve.


def _validity(report) -> str:
    warnings = len(report.warnings)
    return "; valid (ontology/shapes.ttl)" + (f", {warnings} warning{'s' * (warnings != 1)}" if warnings else "")


@main.command()
@click.argument("graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH)
@click.option("--chunk-size", type=click.IntRange(min=1), default=None,
              help="Focus nodes per pyshacl run (default 1000).")
def validate(graph: Path, chunk_size: int | None) -> None:
    """Check GRAPH against the SHACL shapes of ontology/shapes.ttl; one line per result, exit 1 on a violation."""
    from kg.rdf.shacl import CHUNK_SIZE, validate_file  # noqa: PLC0415

    try:
        report = validate_file(graph, chunk_size or CHUNK_SIZE)
    except GraphError as exc:
        raise click.ClickException(str(exc)) from None
    for result in report.results:
        click.echo(result.line())
    n, w = len(report.violations), len(report.warnings)
    summary = (f"{graph}: {report.focus_nodes} nodes checked, {n} violation{'s' * (n != 1)}, "
               f"{w} warning{'s' * (w != 1)}")
    if not report.conforms:
        raise click.ClickException(summary)
    click.echo(summary + " — conforms")


@main.command(name="export")
@click.argument("graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH)
@click.option("--format", "fmt", type=click.Choice(["turtle", "ntriples", "jsonld", "graphml", "gexf", "csv"]),
              required=True, help="Output format.")
@click.option("-o", "--output", "out", type=click.Path(path_type=Path), required=True,
              help="Output file; for csv, a folder that receives nodes.csv and edges.csv.")
@click.option("--mentions", is_flag=True, help="graphml/gexf/csv: keep the kg:Mention provenance nodes.")
def export_(graph: Path, fmt: str, out: Path, mentions: bool) -> None:
    """Write GRAPH as Turtle, N-Triples, JSON-LD, GraphML, GEXF or CSV (nodes and edges)."""
    from kg.export import NETWORK_FORMATS, ExportError, export  # noqa: PLC0415

    store = _load(graph)
    try:
        result = export(store, fmt, out, mentions=mentions)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    what = (f"{result.nodes} nodes, {result.edges} edges" if fmt in NETWORK_FORMATS
            else f"{result.triples} triples" + (f", {result.nodes} node objects" if fmt == "jsonld" else ""))
    click.echo(f"{what} → {', '.join(str(p) for p in result.paths)}")


@main.command()
@click.argument("graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH)
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind (127.0.0.1: this machine only).")
@click.option("--oxigraph", "binary", type=click.Path(path_type=Path),
              help="The oxigraph server binary (default: the one installed by `pip install oxigraph`).")
def serve(graph: Path, port: int, host: str, binary: Path | None) -> None:
    """Serve GRAPH as a read-only SPARQL 1.1 endpoint (Oxigraph server) until Ctrl-C."""
    from kg.serve import ServeError, serve_until_interrupted, start  # noqa: PLC0415

    try:
        server = start(graph, host, port, binary)
    except ServeError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"SPARQL endpoint: {server.endpoint}  (read-only, {graph})\n"
               f"Query page:      {server.url}/\nCtrl-C to stop.")
    sys.stdout.flush()
    status = serve_until_interrupted(server)
    if status is not None:
        raise click.ClickException(f"the Oxigraph server stopped by itself (exit status {status})")
    click.echo("stopped")
