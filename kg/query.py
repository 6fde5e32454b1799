"""SPARQL over a built graph (pyoxigraph, SPARQL 1.1) and the three output formats of ``kg query``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph

from kg.rdf.store import GraphError, sparql_prefixes


def read_query(query_or_file: str) -> str:
    """The query text: the argument itself, or the contents of the file it names."""
    path = Path(query_or_file)
    if len(query_or_file) < 4096 and "\n" not in query_or_file and path.suffix in (".rq", ".sparql", ".txt"):
        if not path.is_file():
            raise GraphError(f"{path}: no such query file")
        return path.read_text(encoding="utf-8")
    return query_or_file


def run_query(store: pyoxigraph.Store, query: str) -> tuple[list[str], list[list[str]]]:
    """Run SELECT/ASK/CONSTRUCT; returns (column names, rows of lexical values). Our prefixes are predeclared
    unless the query declares its own."""
    text = query if "PREFIX" in query.upper() else sparql_prefixes() + query
    try:
        result = store.query(text)
    except SyntaxError as exc:
        raise GraphError(f"SPARQL syntax error: {str(exc).splitlines()[0]}") from None
    if isinstance(result, pyoxigraph.QueryBoolean):
        return ["ask"], [[str(bool(result)).lower()]]
    if isinstance(result, pyoxigraph.QueryTriples):
        return ["subject", "predicate", "object"], [
            [t.subject.value, t.predicate.value, t.object.value] for t in result
        ]
    names = [v.value for v in result.variables]
    rows = [[(s[n].value if s[n] is not None else "") for n in names] for s in result]
    return names, rows


def format_rows(names: list[str], rows: list[list[str]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(names, r, strict=True)) for r in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buf.getvalue()
    raise ValueError(f"unknown format {fmt!r}")
