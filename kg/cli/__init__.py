"""The ``kg`` command line: the click group :func:`main` and one module per command family.

Each command parses its arguments, calls a function of the package, and prints; errors are one line
(:class:`click.ClickException`), never a traceback. The modules: :mod:`kg.cli.build`, :mod:`kg.cli.stats`,
:mod:`kg.cli.view`, :mod:`kg.cli.query` (query, compare), :mod:`kg.cli.eval` and :mod:`kg.cli.linked_data`
(validate, export, serve); what they share (default graph, loading, tables) is :mod:`kg.cli.common`. A new command
is a click command in one of them, added to the group below."""

from __future__ import annotations

import click

from kg.cli import build, eval, linked_data, query, stats, view  # noqa: A004 - the module of `kg eval`
from kg.cli.common import DEFAULT_GRAPH

__all__ = ["DEFAULT_GRAPH", "main"]


@click.group()
@click.version_option(package_name="fazhi-kg")
def main() -> None:
    """fazhi-kg: a knowledge graph of China's local 法治政府建设 annual reports."""


for _command in (
    build.build,
    stats.stats,
    view.view,
    query.query,
    query.compare,
    eval.eval_,
    linked_data.validate,
    linked_data.export_,
    linked_data.serve,
):
    main.add_command(_command)
