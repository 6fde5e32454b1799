"""``kg stats``: the analyses of kg.analyse over the built graph, each printed as a table, JSON or CSV.

``kg stats [GRAPH]`` (no sub-command) is the overview; every command, the overview included, takes GRAPH or
--graph, --top, --year, --province, --json and --csv, and prints with :func:`kg.cli.common.emit` (the overview: three
tables, or one CSV whose column ``table`` says which)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from kg.cli.common import DEFAULT_GRAPH, emit, emit_csv, graph_path, load, plural, table


class _StatsGroup(click.Group):
    """``kg stats [GRAPH] [--top N] [--json|--csv]`` keeps working: arguments that do not start with a sub-command
    name go to ``kg stats overview``, and ``kg stats --help`` shows the overview's options too."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["overview", *args]
        return super().parse_args(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, "[GRAPH] [OVERVIEW OPTIONS]")
        formatter.write_usage(ctx.command_path, "COMMAND [GRAPH] [OPTIONS]", prefix=" " * len("Usage: "))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        command = self.commands["overview"]
        sub = click.Context(command, info_name="overview", parent=ctx)
        records = [r for p in command.get_params(sub) if p.name != "help" and (r := p.get_help_record(sub))]
        with formatter.section("Overview options (kg stats [GRAPH] …, the same as kg stats overview)"):
            formatter.write_dl(records)
        super().format_options(ctx, formatter)


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
    """What kg.analyse raises about the user's filters and names (an unknown province, a bad year, a district that
    fits no name or several): one-line errors."""
    from kg.analyse import FilterError  # noqa: PLC0415

    return (FilterError, KeyError, ValueError)


@dataclass(frozen=True)
class _Options:
    """What every stats command takes (GRAPH or --graph, --top, --year, --province, --json, --csv)."""

    graph: Path | None
    graph_opt: Path | None
    top: int
    year: str | None
    province: str | None
    as_json: bool = False
    as_csv: bool = False

    @property
    def path(self) -> Path:
        return graph_path(self.graph, self.graph_opt)

    @property
    def limit(self) -> int | None:
        """--top as the analyses take it: None for all rows."""
        return self.top or None

    @property
    def where(self) -> str:
        """The filters, appended to a table's title."""
        return "".join(f" — {x}" for x in (self.province, self.year) if x)

    def run(self, compute: Callable, *args: Any) -> Any:
        """``compute(*args)``, its errors about the filters or a name as one-line errors."""
        try:
            return compute(*args)
        except _analysis_errors() as exc:
            raise click.ClickException(str(exc.args[0]) if exc.args else str(exc)) from None

    def emit(self, title: str, columns: list[tuple[str, str]], rows: list[dict], empty: str = "") -> None:
        emit(title + self.where, columns, rows, self.as_json, self.as_csv, empty)


def _citations(o: _Options):
    """The district–regulation citation graph, filtered by year and province."""
    from kg.analyse import citation_graph  # noqa: PLC0415

    return o.run(citation_graph, load(o.path), o.year, o.province)


@click.group(cls=_StatsGroup)
def stats() -> None:
    """Statistics of the built graph: `kg stats [GRAPH]` for the overview, or a sub-command."""


@stats.command()
@_filter_options
@click.option("--csv", "as_csv", is_flag=True, help="Print the three tables as one CSV (column `table` says which).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
def overview(**opts: Any) -> None:
    """Counts per class, the most-cited regulations (by districts citing them) and districts by regulations."""
    from kg.analyse import overview as compute  # noqa: PLC0415

    o = _Options(**opts)
    if o.as_json and o.as_csv:
        raise click.ClickException("--json and --csv exclude each other")
    data = o.run(compute, load(o.path), o.limit, o.year, o.province)
    if o.as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif o.as_csv:
        emit_csv([(k, k) for k in _OVERVIEW_CSV], _overview_rows(data))
    else:
        _overview_tables(o.path, data, o.where)


#: The columns of ``kg stats --csv``: which table a row belongs to, then the union of the tables' fields.
_OVERVIEW_CSV = (
    "table",
    "rank",
    "name",
    "iri",
    "count",
    "districts",
    "reports",
    "share",
    "regulations",
    "cited",
    "issued",
)


def _overview_rows(data: dict) -> list[dict]:
    """The overview's three tables (and the triple count) as rows of one CSV with the columns above."""
    rows = [{"table": "graph", "name": "triples", "count": data["triples"]}]
    rows += [{"table": "classes", "name": c, "count": n} for c, n in data["classes"].items()]
    for table_name, key in (("regulations", "regulation"), ("districts", "district")):
        rows += [
            {"table": table_name, "rank": i, "name": r[key], **{k: v for k, v in r.items() if k != key}}
            for i, r in enumerate(data[table_name], 1)
        ]
    return [{k: r.get(k) for k in _OVERVIEW_CSV} for r in rows]


def _overview_tables(path: Path, data: dict, where: str) -> None:
    table(f"{path} — {plural(data['triples'], 'triple')}", ["class", "count"], list(data["classes"].items()))
    table(
        "Most-cited regulations" + where,
        ["regulation", "districts citing", "reports citing", "share"],
        [[r["regulation"], r["districts"], r["reports"], r["share"]] for r in data["regulations"]],
    )
    table(
        "Districts by regulations" + where,
        ["district", "regulations", "cited", "issued"],
        [[d["district"], d["regulations"], d["cited"], d["issued"]] for d in data["districts"]],
    )


@stats.command()
@_stats_options
def regulations(**opts: Any) -> None:
    """Regulations by districts referring to them: citing, issuing, reports, share of districts."""
    from kg.analyse import regulation_ranking  # noqa: PLC0415

    o = _Options(**opts)
    g = _citations(o)
    o.emit(
        f"Regulations by districts ({plural(g.graph['districts'], 'district')})",
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
        regulation_ranking(g, o.limit),
    )


@stats.command()
@_stats_options
def districts(**opts: Any) -> None:
    """Districts by regulations referred to, split into cited and issued."""
    from kg.analyse import district_ranking  # noqa: PLC0415

    o = _Options(**opts)
    o.emit(
        "Districts by regulations",
        [
            ("rank", "#"),
            ("district", "district"),
            ("province", "province"),
            ("reports", "reports"),
            ("regulations", "regulations"),
            ("cited", "cited"),
            ("issued", "issued"),
        ],
        district_ranking(_citations(o), o.limit),
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
def cocitation(among: int, **opts: Any) -> None:
    """Pairs of regulations referred to by the same districts (shared districts, Jaccard)."""
    from kg.analyse import cocitation as compute  # noqa: PLC0415

    o = _Options(**opts)
    o.emit(
        "Co-cited regulations",
        [("a", "regulation"), ("b", "regulation"), ("shared", "districts"), ("jaccard", "Jaccard")],
        compute(_citations(o), o.limit, among or None),
    )


@stats.command()
@_stats_options
@click.option(
    "--district",
    help="Districts most similar to this one instead of the top pairs: its name (某某市某某县, or 某某县) or IRI.",
)
@click.option(
    "--among",
    type=int,
    default=500,
    show_default=True,
    help="Pairs among this many best-connected districts (0 = all).",
)
def similarity(district: str | None, among: int, **opts: Any) -> None:
    """District similarity: Jaccard of the sets of regulations they refer to."""
    from kg.analyse import find_node, similar_districts  # noqa: PLC0415

    o = _Options(**opts)
    g = _citations(o)
    label = g.nodes[o.run(find_node, g, district, "district")]["label"] if district else None
    o.emit(
        f"Districts similar to {label}" if label else "Most similar districts",
        [("a", "district"), ("b", "district"), ("shared", "regulations"), ("jaccard", "Jaccard")],
        o.run(similar_districts, g, district, o.limit, among or None),
    )


@stats.command()
@_stats_options
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--resolution", type=float, default=1.0, show_default=True, help="Louvain resolution (>1: smaller).")
def communities(seed: int, resolution: float, **opts: Any) -> None:
    """Louvain communities of districts and regulations (seeded: the same graph gives the same result)."""
    from kg.analyse import communities as compute  # noqa: PLC0415

    o = _Options(**opts)
    rows = compute(_citations(o), seed, resolution)
    o.emit(
        plural(len(rows), "community", "communities"),
        [("community", "#"), ("size", "size"), ("districts", "districts"), ("regulations", "regulations")],
        rows[: o.limit],
    )


@stats.command()
@_stats_options
@click.option("--by", type=click.Choice(["degree", "eigenvector", "betweenness"]), default="degree", show_default=True)
def centrality(by: str, **opts: Any) -> None:
    """Degree, eigenvector and betweenness centrality (JSON: {"methods", "nodes"})."""
    from kg.analyse import centrality as compute  # noqa: PLC0415

    o = _Options(**opts)
    data = compute(_citations(o), by, o.limit)
    if o.as_json and not o.as_csv:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    m = data["methods"]
    o.emit(
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
    )


def _mentioned(kind: str, o: _Options) -> None:
    from kg.analyse import item_ranking, mention_graph  # noqa: PLC0415

    g = o.run(mention_graph, load(o.path), kind, o.year, o.province)
    o.emit(
        f"{kind.capitalize()}s by districts mentioning them ({plural(g.graph['districts'], 'district')})",
        [("rank", "#"), ("label", kind), ("districts", "districts"), ("reports", "reports"), ("share", "share")],
        item_ranking(g, kind, o.limit),
    )


@stats.command()
@_stats_options
def measures(**opts: Any) -> None:
    """Policy measures by districts whose reports mention them."""
    _mentioned("measure", _Options(**opts))


@stats.command()
@_stats_options
def organisations(**opts: Any) -> None:
    """Organisations (other than the issuing governments) by districts whose reports mention them."""
    _mentioned("organisation", _Options(**opts))


@stats.command()
@_stats_options
def indicators(**opts: Any) -> None:
    """Figures per indicator per district and year: how many figures linked to each indicator of
    ontology/indicators.ttl (kg:indicator) each district's reports state, and their values."""
    from kg.analyse import indicator_figures  # noqa: PLC0415

    o = _Options(**opts)
    rows = o.run(indicator_figures, load(o.path), o.year, o.province)
    o.emit(
        "Figures per indicator per district",
        [
            ("indicator", "indicator"),
            ("unit", "unit"),
            ("district", "district"),
            ("province", "province"),
            ("year", "year"),
            ("figures", "figures"),
            ("values", "values"),
        ],
        rows[: o.limit],
        empty="No figure carries kg:indicator in this graph.",
    )
