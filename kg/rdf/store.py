"""Loading a built graph for reading: statistics, queries, evaluation and the HTML all read the Turtle
through pyoxigraph (SPARQL 1.1, ~0.2 s to parse 100 k triples), never the extractors' internal objects."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph

from kg.errors import GraphError
from kg.rdf.namespaces import PREFIXES


def load_store(path: Path) -> pyoxigraph.Store:
    path = Path(path)
    if not path.is_file():
        raise GraphError(f"{path}: no such graph file (build the graph first)")
    store = pyoxigraph.Store()
    try:
        store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    except (SyntaxError, ValueError, OSError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise GraphError(f"{path}: not a readable Turtle graph ({first})") from None
    return store


def select(store: pyoxigraph.Store, query: str) -> list[dict[str, str | None]]:
    """Run a SELECT (our prefixes are declared for it) and return rows of plain strings."""
    return list(iter_select(store, query))


def iter_select(store: pyoxigraph.Store, query: str) -> Iterator[dict[str, str | None]]:
    """The rows of :func:`select` one at a time, for a caller that keeps few of them: a query over every mention
    of a 100,000-report graph has millions of rows, which as a list of dicts would be gigabytes."""
    results = store.query(query, prefixes=PREFIXES)
    names = [v.value for v in results.variables]
    for solution in results:
        yield {n: (solution[n].value if solution[n] is not None else None) for n in names}
