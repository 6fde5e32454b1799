"""``kg query`` (SPARQL over the built graph, kg.query) and ``kg compare`` (one indicator's figures for every
district and year, kg.analyse.compare)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli.common import DEFAULT_GRAPH, load, table
from kg.rdf.schemes import concept_iri
from kg.rdf.store import GraphError


@click.command()
@click.argument("sparql")
@click.option("--graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query(sparql: str, graph: Path, fmt: str) -> None:
    """Run a SPARQL query (text, or a .rq/.sparql file) over the built graph."""
    from kg.query import format_rows, read_query, run_query  # noqa: PLC0415

    store = load(graph)
    try:
        names, rows = run_query(store, read_query(sparql))
    except GraphError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "table":
        table(f"{len(rows)} rows", names, rows)
    else:
        click.echo(format_rows(names, rows, fmt), nl=False)


@click.command()
@click.argument("indicator")
@click.option("--graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def compare(indicator: str, graph: Path, fmt: str) -> None:
    """One indicator's figures for every district and year (e.g. kg compare 出庭应诉率)."""
    from kg.analyse.compare import UnknownIndicator, as_dicts, find_indicator  # noqa: PLC0415
    from kg.analyse.compare import compare as run_compare  # noqa: PLC0415
    from kg.query import format_rows  # noqa: PLC0415

    try:
        concept = find_indicator(indicator)
    except UnknownIndicator as exc:
        raise click.ClickException(str(exc)) from None
    rows = as_dicts(run_compare(load(graph), concept))
    columns = ["district", "year", "value", "unit", "approximate", "qualifier", "surface", "report", "offset"]
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "indicator": concept.pref_label,
                    "iri": concept_iri(concept.id).value,
                    "unit": concept.unit,
                    "rows": rows,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    elif fmt == "csv":
        click.echo(format_rows(columns, [[_cell(r[c]) for c in columns] for r in rows], "csv"), nl=False)
    else:
        table(
            f"{concept.pref_label} ({concept.unit}) — {len(rows)} figures",
            columns[:-1],
            [[_cell(r[c]) for c in columns[:-1]] for r in rows],
        )


def _cell(value: object) -> object:
    """A compare field as printed: nothing for None, true/false (as in JSON) for a flag, else the value."""
    return "" if value is None else str(value).lower() if isinstance(value, bool) else value
