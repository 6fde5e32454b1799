"""``kg view``: draw a built graph as one offline HTML page (kg.view), the graph.html of ``kg build``."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.common import DEFAULT_GRAPH
from kg.rdf.store import GraphError
from kg.view.options import DEFAULT_MAX_NODES


@click.command()
@click.argument("graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="HTML file (default: graph.html beside GRAPH).")
@click.option(
    "--max-nodes",
    type=int,
    default=DEFAULT_MAX_NODES,
    show_default=True,
    help="Draw only the most connected nodes, and say so on the page (0 = all).",
)
@click.option("--with-measures", is_flag=True, help="Also draw the measures the reports mention.")
@click.option("--with-organisations", is_flag=True, help="Also draw the organisations the reports mention.")
def view(graph: Path, output: Path | None, max_nodes: int, with_measures: bool, with_organisations: bool) -> None:
    """Draw the graph as one offline HTML page (the graph.html of `kg build`)."""
    from kg.view import ViewOptions, render_graph_file  # noqa: PLC0415

    output = output or graph.parent / "graph.html"
    options = ViewOptions(
        max_nodes=max_nodes or None, with_measures=with_measures, with_organisations=with_organisations
    )
    try:
        summary = render_graph_file(graph, output, options)
    except GraphError as exc:
        raise click.ClickException(str(exc)) from None
    note = f" (the {summary.nodes} most connected of {summary.total_nodes})" if summary.trimmed else ""
    click.echo(f"{summary.nodes} nodes{note}, {summary.edges} edges → {output}")
