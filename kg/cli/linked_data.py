"""Linked data: ``kg validate`` (SHACL, kg.rdf.shacl), ``kg export`` (other formats, kg.export) and ``kg serve``
(a read-only SPARQL endpoint, kg.serve)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg import serve as serving
from kg.cli.common import DEFAULT_GRAPH
from kg.rdf.store import GraphError


@click.command()
@click.argument("graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH)
@click.option(
    "--chunk-size", type=click.IntRange(min=1), default=None, help="Focus nodes per pyshacl run (default 1000)."
)
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
    summary = f"{graph}: {report.focus_nodes} nodes checked, {n} violation{'s' * (n != 1)}, {w} warning{'s' * (w != 1)}"
    if not report.conforms:
        raise click.ClickException(summary)
    click.echo(summary + " — conforms")


@click.command(name="export")
@click.argument("graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "ntriples", "jsonld", "graphml", "gexf", "csv"]),
    required=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(path_type=Path),
    required=True,
    help="Output file; for csv, a folder that receives nodes.csv and edges.csv.",
)
@click.option("--mentions", is_flag=True, help="graphml/gexf/csv: keep the kg:Mention provenance nodes.")
def export_(graph: Path, fmt: str, out: Path, mentions: bool) -> None:
    """Write GRAPH as Turtle, N-Triples, JSON-LD, GraphML, GEXF or CSV (nodes and edges)."""
    from kg.export import NETWORK_FORMATS, ExportError, export  # noqa: PLC0415

    try:  # from the file itself: every term as written, not as a store would rewrite it
        result = export(graph, fmt, out, mentions=mentions)
    except (ExportError, GraphError) as exc:
        raise click.ClickException(str(exc)) from None
    what = (
        f"{result.nodes} nodes, {result.edges} edges"
        if fmt in NETWORK_FORMATS
        else f"{result.triples} triples" + (f", {result.nodes} node objects" if fmt == "jsonld" else "")
    )
    click.echo(f"{what} → {', '.join(str(p) for p in result.paths)}")


@click.command()
@click.argument("graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH)
@click.option("--port", type=click.IntRange(1, 65535), default=serving.DEFAULT_PORT, show_default=True)
@click.option(
    "--host", default=serving.DEFAULT_HOST, show_default=True, help="Interface to bind (127.0.0.1: this machine only)."
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=serving.DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds a query may run before it is stopped (0 = no limit).",
)
@click.option(
    "--max-memory",
    type=click.IntRange(min=0),
    default=serving.DEFAULT_MAX_MEMORY,
    show_default=True,
    help="MiB of memory the Oxigraph server may use; a query that needs more is stopped (0 = no limit; Linux).",
)
@click.option(
    "--allow-service", is_flag=True, help="Let SERVICE (federated queries) send requests to the endpoints named."
)
@click.option(
    "--oxigraph",
    "binary",
    type=click.Path(path_type=Path),
    help="The oxigraph server binary (default: the one installed by `pip install oxigraph`).",
)
def serve(graph: Path, port: int, host: str, binary: Path | None, **limits) -> None:
    """Serve GRAPH as a read-only SPARQL 1.1 endpoint (Oxigraph server) until Ctrl-C, with the prefixes of kg query
    predeclared, SERVICE refused and each query bounded in time and memory."""
    if not serving.is_loopback(host):
        click.echo(
            f"Warning: {host} is not a loopback address: anyone who can reach this machine on port {port} can query "
            "the graph (and load it with costly queries).",
            err=True,
        )
    try:
        server = serving.start(graph, host, port, binary, **limits)
    except serving.ServeError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(
        f"SPARQL endpoint: {server.endpoint}  (read-only, {graph})\nQuery page:      {server.url}/\nCtrl-C to stop."
    )
    sys.stdout.flush()
    failure = serving.serve_until_interrupted(server)
    if failure is not None:
        raise click.ClickException(f"the Oxigraph server stopped and could not be restarted: {failure}")
    click.echo("stopped")
