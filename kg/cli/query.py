"""``kg query`` (SPARQL over the built graph, kg.query) and ``kg compare`` (one indicator's figures for every
district and year, kg.analyse.compare)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli.common import DEFAULT_GRAPH, load, plural, table
from kg.rdf.schemes import concept_iri


@click.command()
@click.argument("sparql")
@click.option("--graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH, show_default=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="json: the W3C SPARQL 1.1 Query Results JSON Format.",
)
@click.option(
    "--allow-service",
    is_flag=True,
    help="Let SERVICE (a federated query) send requests to the endpoints the query names.",
)
def query(sparql: str, graph: Path, fmt: str, allow_service: bool) -> None:
    """Run a SPARQL query over the built graph: SPARQL is the query text, or the path of an existing file that
    holds it (UTF-8). The kg:, kgr:, rdfs:, skos:, xsd:, prov: … prefixes are predeclared; the graph is read-only."""
    from kg.query import QueryError, execute, format_result, read_query  # noqa: PLC0415

    try:
        text = read_query(sparql)
        result = execute(load(graph), text, allow_service)
    except QueryError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "table":
        names, rows = result.lexical()
        table(plural(len(rows), "row"), names, rows)
    else:
        click.echo(format_result(result, fmt), nl=False)


@click.command()
@click.argument("indicator")
@click.option("--graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def compare(indicator: str, graph: Path, fmt: str) -> None:
    """One indicator's figures for every district and year (e.g. kg compare 出庭应诉率). INDICATOR is a label,
    altLabel, short name or IRI of ontology/indicators.ttl; JSON gives each value as a number (null when a double
    cannot hold it exactly) and as its exact decimal text (value_lexical)."""
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
        document = {"indicator": concept.pref_label, "iri": concept_iri(concept.id).value, "unit": concept.unit}
        click.echo(json.dumps({**document, "rows": rows}, ensure_ascii=False, indent=2))
        return
    cells = [[_cell(r["value_lexical" if c == "value" else c]) for c in columns] for r in rows]
    if fmt == "csv":
        click.echo(format_rows(columns, cells, "csv"), nl=False)
    else:
        title = f"{concept.pref_label} ({concept.unit}) — {plural(len(rows), 'figure')}"
        table(title, columns[:-1], [c[:-1] for c in cells])


def _cell(value: object) -> object:
    """A compare field as printed: nothing for None, true/false (as in JSON) for a flag, else the value."""
    return "" if value is None else str(value).lower() if isinstance(value, bool) else value
