"""What the commands share: where the graph is by default, loading it with a one-line error, and printing tables.

Errors reach the user as one line (:class:`click.ClickException`), never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from kg.rdf.store import GraphError

DEFAULT_GRAPH = Path("output/graph.ttl")
_UNBOUNDED = 100_000  # columns to measure a table's natural width in


def console(renderable: object = None):
    """A rich console that prints text as given (no colouring of numbers) and never wraps long lines itself.

    On a terminal it is as wide as the terminal. Piped into another program or a file, it is as wide as
    ``renderable`` (a table) needs, so that no cell is cut (吴忠市同…) or folded: the reader is a program, not a
    screen. ``COLUMNS`` in the environment still sets the width when given."""
    from rich.console import Console  # noqa: PLC0415
    from rich.measure import Measurement  # noqa: PLC0415

    shown = Console(highlight=False, soft_wrap=True)
    if renderable is None or shown.is_terminal or os.environ.get("COLUMNS", "").isdigit():
        return shown
    natural = Measurement.get(shown, shown.options.update_width(_UNBOUNDED), renderable).maximum
    return Console(highlight=False, soft_wrap=True, width=max(shown.width, natural))


def plural(n: int, word: str, words: str | None = None) -> str:
    """``n`` and the word in the number it takes: "1 row", "2 rows", "1 community", "3 communities".

    >>> plural(1, "row"), plural(0, "row"), plural(2, "community", "communities")
    ('1 row', '0 rows', '2 communities')
    """
    return f"{n} {word if n == 1 else (words or word + 's')}"


def table(title: str, columns: list[str], rows: list[list]) -> None:
    """Print ``rows`` as a rich table under ``title``."""
    from rich.table import Table  # noqa: PLC0415

    shown = Table(title=title)
    for c in columns:
        shown.add_column(c)
    for r in rows:
        shown.add_row(*[str(x) for x in r])
    console(shown).print(shown)


def load(graph: Path):
    """The graph file in a pyoxigraph store; a file that cannot be loaded is a one-line error."""
    from kg.rdf.store import load_store  # noqa: PLC0415

    try:
        return load_store(graph)
    except GraphError as exc:
        raise click.ClickException(str(exc)) from None


def graph_path(graph: Path | None, graph_opt: Path | None) -> Path:
    """The graph of a command that takes it as GRAPH or --graph: one of them, or the default."""
    if graph and graph_opt and graph != graph_opt:
        raise click.ClickException(f"two graphs given ({graph} and --graph {graph_opt}); give one")
    return graph_opt or graph or DEFAULT_GRAPH


def cell(value: object, limit: int | None = None) -> str:
    """A value as table text: a list joined with 、 (cut after ``limit`` items, saying how many more)."""
    if isinstance(value, list):
        shown = value if limit is None or len(value) <= limit else value[:limit]
        more = f" … +{len(value) - len(shown)}" if len(shown) < len(value) else ""
        return "、".join(str(v) for v in shown) + more
    return "" if value is None else str(value)


def emit(
    title: str, columns: list[tuple[str, str]], rows: list[dict], as_json: bool, as_csv: bool, empty: str = ""
) -> None:
    """One table in one of three forms: a rich table of ``columns`` ((key, header) pairs; long lists cut),
    or CSV / JSON with every key of the rows (lists joined with 、 in CSV). ``empty``: said when no rows."""
    if as_json and as_csv:
        raise click.ClickException("--json and --csv exclude each other")
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif as_csv:
        emit_csv(columns, rows)
    else:
        _emit_table(title, columns, rows)
        if not rows and empty:
            click.echo(empty)


def emit_csv(columns: list[tuple[str, str]], rows: list[dict]) -> None:
    """``rows`` as CSV with every key of the first row (the keys of ``columns`` when there is none)."""
    import csv  # noqa: PLC0415
    import io  # noqa: PLC0415

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    keys = list(rows[0]) if rows else [k for k, _ in columns]
    writer.writerow(keys)
    writer.writerows([[cell(r.get(k)) for k in keys] for r in rows])
    click.echo(buf.getvalue(), nl=False)


def _emit_table(title: str, columns: list[tuple[str, str]], rows: list[dict]) -> None:
    from rich.table import Table  # noqa: PLC0415

    shown = Table(title=title)
    for key, header in columns:  # numbers never wrap; names fold rather than end in "…"
        numeric = bool(rows) and all(isinstance(r.get(key), (int, float)) for r in rows)
        name = (
            key in ("regulation", "district", "label", "a", "b", "indicator", "districts", "regulations")
            and not numeric
        )
        shown.add_column(
            header,
            no_wrap=not name,
            justify="right" if numeric else "left",
            overflow="fold",
            min_width=16 if name else None,
            ratio=1 if name else None,
        )
    for r in rows:
        shown.add_row(*[cell(r.get(k), limit=8) for k, _ in columns])
    console(shown).print(shown)
