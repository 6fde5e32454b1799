"""Loading a built graph for reading: statistics, queries, evaluation and the HTML all read the Turtle
through pyoxigraph (SPARQL 1.1, ~0.2 s to parse 100 k triples), never the extractors' internal objects."""

from __future__ import annotations

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
    results = store.query(query, prefixes=PREFIXES)
    names = [v.value for v in results.variables]
    rows = []
    for solution in results:
        rows.append({n: (solution[n].value if solution[n] is not None else None) for n in names})
    return rows
