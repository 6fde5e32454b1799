"""``kg stats``: the analyses of kg.analyse over the built graph, each printed as a table, JSON or CSV.

``kg stats [GRAPH]`` (no sub-command) is the overview; every sub-command takes GRAPH or --graph, --top, --year and
--province, and prints with :func:`kg.cli.common.emit`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click

from kg.cli.common import DEFAULT_GRAPH, emit, graph_path, load, table


class _StatsGroup(click.Group):
    """``kg stats [GRAPH] [--top N] [--json]`` keeps working: arguments that do not start with a sub-command
    name go to ``kg stats overview``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["overview", *args]
        return super().parse_args(ctx, args)


def _filter_options(f: Callable) -> Callable:
    """GRAPH / --graph, --top, --year and --province: what every stats command takes."""
    f = click.option(
        "--province", help="Only reports from this province: full name, leading part (河南), six-digit code or IRI."
    )(f)
    f = click.option("--year", help="Only reports on this year.")(f)
    f = click.option("--top", type=int, default=10, show_default=True, help="Rows to show (0 = all).")(f)
    f = click.option(
        "--graph", "graph_opt", type=click.Path(path_type=Path), help=f"Graph file, as GRAPH (default {DEFAULT_GRAPH})."
    )(f)
    return click.argument("graph", required=False, type=click.Path(path_type=Path))(f)


def _stats_options(f: Callable) -> Callable:
    """The filter options and --json / --csv: a sub-command that prints one table."""
    f = click.option("--csv", "as_csv", is_flag=True, help="Print CSV instead of a table.")(f)
    f = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(f)
    return _filter_options(f)


def _analysis_errors() -> tuple[type[Exception], ...]:
    """What kg.analyse raises about the user's filters (an unknown province, a bad year): one-line errors."""
    from kg.analyse import FilterError  # noqa: PLC0415

    return (FilterError, KeyError, ValueError)


def _citations(graph: Path | None, graph_opt: Path | None, year: str | None, province: str | None):
    """The store and its district–regulation citation graph, filtered by year and province."""
    from kg.analyse import citation_graph  # noqa: PLC0415

    store = load(graph_path(graph, graph_opt))
    try:
        return store, citation_graph(store, year, province)
    except _analysis_errors() as exc:
        raise click.ClickException(str(exc.args[0]) if exc.args else str(exc)) from None


def _where(year: str | None, province: str | None) -> str:
    """The filters, appended to a table's title."""
    return "".join(f" — {x}" for x in (province, year) if x)


@click.group(cls=_StatsGroup)
def stats() -> None:
    """Statistics of the built graph: `kg stats [GRAPH]` for the overview, or a sub-command."""


@stats.command()
@_filter_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
def overview(
    graph: Path | None, graph_opt: Path | None, top: int, year: str | None, province: str | None, as_json: bool
) -> None:
    """Counts per class, most-cited regulations and districts by regulations cited."""
    from kg.analyse import overview as compute  # noqa: PLC0415

    path = graph_path(graph, graph_opt)
    store = load(path)
    try:
        data = compute(store, top or None, year, province)
    except _analysis_errors() as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    table(f"{path} — {data['triples']} triples", ["class", "count"], list(data["classes"].items()))
    table(
        "Most-cited regulations" + _where(year, province),
        ["regulation", "districts", "reports", "share"],
        [[r["regulation"], r["districts"], r["reports"], r["share"]] for r in data["regulations"]],
    )
    table(
        "Districts by regulations" + _where(year, province),
        ["district", "regulations", "cited", "issued"],
        [[d["district"], d["regulations"], d["cited"], d["issued"]] for d in data["districts"]],
    )


@stats.command()
@_stats_options
def regulations(
    graph: Path | None,
    graph_opt: Path | None,
    top: int,
    year: str | None,
    province: str | None,
    as_json: bool,
    as_csv: bool,
) -> None:
    """Regulations by districts referring to them: citing, issuing, reports, share of districts."""
    from kg.analyse import regulation_ranking  # noqa: PLC0415

    _, g = _citations(graph, graph_opt, year, province)
    emit(
        f"Regulations by districts ({g.graph['districts']} districts){_where(year, province)}",
        [
            ("rank", "#"),
            ("regulation", "regulation"),
            ("level", "level"),
            ("districts", "dist"),
            ("citing", "cite"),
            ("issuing", "issue"),
            ("reports", "rep"),
            ("share", "share"),
        ],
        regulation_ranking(g, top or None),
        as_json,
        as_csv,
    )


@stats.command()
@_stats_options
def districts(
    graph: Path | None,
    graph_opt: Path | None,
    top: int,
    year: str | None,
    province: str | None,
    as_json: bool,
    as_csv: bool,
) -> None:
    """Districts by regulations referred to, split into cited and issued."""
    from kg.analyse import district_ranking  # noqa: PLC0415

    _, g = _citations(graph, graph_opt, year, province)
    emit(
        "Districts by regulations" + _where(year, province),
        [
            ("rank", "#"),
            ("district", "district"),
            ("province", "province"),
            ("reports", "reports"),
            ("regulations", "regulations"),
            ("cited", "cited"),
            ("issued", "issued"),
        ],
        district_ranking(g, top or None),
        as_json,
        as_csv,
    )


@stats.command()
@_stats_options
@click.option(
    "--among",
    type=int,
    default=500,
    show_default=True,
    help="Pairs among this many most-referred regulations (0 = all).",
)
def cocitation(
    graph: Path | None,
    graph_opt: Path | None,
    top: int,
    year: str | None,
    province: str | None,
    as_json: bool,
    as_csv: bool,
    among: int,
) -> None:
    """Pairs of regulations referred to by the same districts (shared districts, Jaccard)."""
    from kg.analyse import cocitation as compute  # noqa: PLC0415

    _, g = _citations(graph, graph_opt, year, province)
    emit(
        "Co-cited regulations" + _where(year, province),
        [("a", "regulation"), ("b", "regulation"), ("shared", "districts"), ("jaccard", "Jaccard")],
        compute(g, top or None, among or None),
        as_json,
        as_csv,
    )


@stats.command()
@_stats_options
@click.option("--district", help="Districts most similar to this one (label or IRI) instead of the top pairs.")
@click.option(
    "--among",
    type=int,
    default=500,
    show_default=True,
    help="Pairs among this many best-connected districts (0 = all).",
)
def similarity(
    graph: Path | None,
    graph_opt: Path | None,
    top: int,
    year: str | None,
    province: str | None,
    as_json: bool,
    as_csv: bool,
    district: str | None,
    among: int,
) -> None:
    """District similarity: Jaccard of the sets of regulations they refer to."""
    from kg.analyse import similar_districts  # noqa: PLC0415

    _, g = _citations(graph, graph_opt, year, province)
    try:
        rows = similar_districts(g, district, top or None, among or None)
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0])) from None
    emit(
        f"Districts similar to {district}" if district else "Most similar districts",
        [("a", "district"), ("b", "district"), ("shared", "regulations"), ("jaccard", "Jaccard")],
        rows,
        as_json,
        as_csv,
    )


@stats.command()
@_stats_options
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--resolution", type=float, default=1.0, show_default=True, help="Louvain resolution (>1: smaller).")
def communities(
    graph: Path | None,
    graph_opt: Path | None,
    top: int,
    year: str | None,
    province: str | None,
    as_json: bool,
    as_csv: bool,
    seed: int,
    resolution: float,
) -> None:
    """Louvain communities of districts and regulations (seeded: the same graph gives the same result)."""
    from kg.analyse import communities as compute  # noqa: PLC0415

    _, g = _citations(graph, graph_opt, year, province)
    rows = compute(g, seed, resolution)
    emit(
        f"{len(rows)} communities" + _where(year, province),
        [("community", "#"), ("size", "size"), ("districts", "districts"), ("regulations", "regulations")],
        rows[:top] if top else rows,
        as_json,
        as_csv,
    )


@stats.command()
@_stats_options
@click.option("--by", type=click.Choice(["degree", "eigenvector", "betweenness"]), default="degree", show_default=True)
def centrality(
    graph: Path | None,
    graph_opt: Path | None,
    top: int,
    year: str | None,
    province: str | None,
    as_json: bool,
    as_csv: bool,
    by: str,
) -> None:
    """Degree, eigenvector and betweenness centrality (JSON: {"methods", "nodes"})."""
    from kg.analyse import centrality as compute  # noqa: PLC0415

    _, g = _citations(graph, graph_opt, year, province)
    data = compute(g, by, top or None)
    if as_json and not as_csv:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    m = data["methods"]
    emit(
        f"Centrality by {by} (eigenvector: {m['eigenvector']}; betweenness: {m['betweenness']})",
        [
            ("rank", "#"),
            ("label", "node"),
            ("type", "type"),
            ("degree", "degree"),
            ("eigenvector", "eigenvector"),
            ("betweenness", "betweenness"),
        ],
        data["nodes"],
        as_json,
        as_csv,
    )


def _mentioned(
    kind: str,
    graph: Path | None,
    graph_opt: Path | None,
    top: int,
    year: str | None,
    province: str | None,
    as_json: bool,
    as_csv: bool,
) -> None:
    from kg.analyse import item_ranking, mention_graph  # noqa: PLC0415

    store = load(graph_path(graph, graph_opt))
    try:
        g = mention_graph(store, kind, year, province)
    except _analysis_errors() as exc:
        raise click.ClickException(str(exc)) from None
    emit(
        f"{kind.capitalize()}s by districts mentioning them ({g.graph['districts']} districts)"
        + _where(year, province),
        [("rank", "#"), ("label", kind), ("districts", "districts"), ("reports", "reports"), ("share", "share")],
        item_ranking(g, kind, top or None),
        as_json,
        as_csv,
    )


@stats.command()
@_stats_options
def measures(
    graph: Path | None,
    graph_opt: Path | None,
    top: int,
    year: str | None,
    province: str | None,
    as_json: bool,
    as_csv: bool,
) -> None:
    """Policy measures by districts whose reports mention them."""
    _mentioned("measure", graph, graph_opt, top, year, province, as_json, as_csv)


@stats.command()
@_stats_options
def organisations(
    graph: Path | None,
    graph_opt: Path | None,
    top: int,
    year: str | None,
    province: str | None,
    as_json: bool,
    as_csv: bool,
) -> None:
    """Organisations (other than the issuing governments) by districts whose reports mention them."""
    _mentioned("organisation", graph, graph_opt, top, year, province, as_json, as_csv)


@stats.command()
@_stats_options
def indicators(
    graph: Path | None,
    graph_opt: Path | None,
    top: int,
    year: str | None,
    province: str | None,
    as_json: bool,
    as_csv: bool,
) -> None:
    """Figures per indicator per district and year (empty until figures carry kg:indicator)."""
    from kg.analyse import indicator_figures  # noqa: PLC0415

    store = load(graph_path(graph, graph_opt))
    try:
        rows = indicator_figures(store, year, province)
    except _analysis_errors() as exc:
        raise click.ClickException(str(exc)) from None
    emit(
        "Figures per indicator per district" + _where(year, province),
        [
            ("indicator", "indicator"),
            ("unit", "unit"),
            ("district", "district"),
            ("province", "province"),
            ("year", "year"),
            ("figures", "figures"),
            ("values", "values"),
        ],
        rows[:top] if top else rows,
        as_json,
        as_csv,
        empty="No figure carries kg:indicator in this graph (yet).",
    )
