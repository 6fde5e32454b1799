"""The rows the HTML view and the analyses read of a graph, from one interface (:class:`ViewRows`) with two
sources: a pyoxigraph store, by SPARQL (:class:`StoreRows`: ``kg view graph.ttl``, ``kg stats``, a notebook's
graph), and a table the build fills while it writes ``graph.ttl`` (:class:`RowTable`, an SQLite file of the
triples the view reads). The page is drawn by the same code from either.

Why a table for the build: an on-disk Oxigraph store of the view's triples held, after its first scan, RocksDB
memory that grew with the store (~10 MB per 1,000 reports, which pyoxigraph 0.5 offers no setting to bound) and
was 2.3 GB on disk at 10,000 reports. SQLite reads through a page cache of fixed size (:data:`CACHE_KIB`), and
the table keeps only the predicates the view reads (:data:`PREDICATES`; ``rdf:type`` only for :data:`CLASSES`).

Each query is named (:data:`QUERIES` holds its SPARQL); a row is a dict of plain strings (the values pyoxigraph
gives: an IRI's, a literal's lexical form), None where an OPTIONAL part finds nothing. The SQL of
:class:`RowTable` joins as the SPARQL does, OPTIONAL as LEFT JOIN (a subject with two labels gives two rows in
both), over the same set of triples (a triple added twice is kept once, as in a store); rows may come in another
order, which the readers do not depend on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph

from kg.rdf.namespaces import KG, KGR, RDF, RDFS, SKOS
from kg.rdf.store import iter_select

Row = dict[str, str | None]

QUERIES: dict[str, str] = {
    "reports": """
SELECT ?report ?label ?file ?year ?gov WHERE {
  ?report a kg:Report .
  OPTIONAL { ?report rdfs:label ?label } OPTIONAL { ?report kg:sourceFile ?file } OPTIONAL { ?report kg:year ?year }
  OPTIONAL { ?report kg:issuedBy ?gov }
}
""",
    "governments": (
        "SELECT ?gov ?label ?area WHERE { ?x kg:issuedBy ?gov . OPTIONAL { ?gov rdfs:label ?label } "
        "OPTIONAL { ?gov kg:jurisdiction ?area } }"
    ),
    "areas": """
SELECT ?area ?label ?level ?parent ?code WHERE {
  ?area kg:adminLevel ?level .
  OPTIONAL { ?area rdfs:label ?label } OPTIONAL { ?area kg:within ?parent } OPTIONAL { ?area kg:divisionCode ?code }
}
""",
    # The role is bound to a plain name in the query, so that no IRI is taken apart by the readers.
    "refers": """
SELECT ?report ?role ?reg WHERE {
  ?report a kg:Report ; ?how ?reg . VALUES (?how ?role) { (kg:cites "cites") (kg:issues "issues") }
}
""",
    "regulations": """
SELECT ?reg ?label ?kind ?level WHERE {
  ?reg a kg:Regulation .
  OPTIONAL { ?reg rdfs:label ?label } OPTIONAL { ?reg kg:kind ?kind } OPTIONAL { ?reg kg:issuerLevel ?level }
}
""",
    # Other written forms of a node: its altLabels, and for a district (an area) the names of its governments.
    "forms": """
SELECT ?x ?form WHERE {
  { ?x skos:altLabel ?form } UNION { ?gov kg:jurisdiction ?x ; rdfs:label ?form }
}
""",
    # The mentions of regulations, for the sentence of each citation.
    "mentions": """
SELECT ?reg ?report ?start ?end ?text WHERE {
  ?m a kg:Mention ; kg:denotes ?reg ; kg:inReport ?report . ?reg a kg:Regulation .
  OPTIONAL { ?m kg:start ?start } OPTIONAL { ?m kg:end ?end } OPTIONAL { ?m kg:text ?text }
}
""",
}

BATCH = 500  # IRIs asked for in one query by ``rows(name, iris)``


class ViewRows:
    """What the view reads: :meth:`rows` of a named query of :data:`QUERIES`, for the subjects ``iris`` only when
    given (``regulations``: the few the page draws, not every one of a 100,000-report graph), asked :data:`BATCH`
    at a time. A source gives :meth:`_all` rows of a query and those of :meth:`_some` subjects."""

    def rows(self, name: str, iris: Iterable[str] | None = None) -> Iterator[Row]:
        if iris is None:
            yield from self._all(name)
            return
        wanted = sorted(set(iris))
        for i in range(0, len(wanted), BATCH):
            yield from self._some(name, wanted[i : i + BATCH])

    def _all(self, name: str) -> Iterator[Row]:
        raise NotImplementedError

    def _some(self, name: str, iris: list[str]) -> Iterator[Row]:
        raise NotImplementedError


class StoreRows(ViewRows):
    """The rows of a pyoxigraph store, by the SPARQL of :data:`QUERIES`."""

    def __init__(self, store: pyoxigraph.Store) -> None:
        self.store = store

    def _all(self, name: str) -> Iterator[Row]:
        return iter_select(self.store, QUERIES[name])

    def _some(self, name: str, iris: list[str]) -> Iterator[Row]:
        query = QUERIES[name]
        values = " ".join(f"<{iri}>" for iri in iris)
        variable = _names(query)[0]  # the subject
        return iter_select(self.store, query.replace("WHERE {", f"WHERE {{ VALUES ?{variable} {{ {values} }}", 1))


def view_rows(source: pyoxigraph.Store | ViewRows) -> ViewRows:
    """``source`` as :class:`ViewRows`: a store is read by SPARQL."""
    return source if isinstance(source, ViewRows) else StoreRows(source)


# --- the build's table ------------------------------------------------------------------------------------------

#: The predicates the view reads, by the short name the table keeps them under (the role names of ``refers``).
PREDICATES = {
    RDFS + "label": "label",
    SKOS + "altLabel": "altLabel",
    KG + "sourceFile": "sourceFile",
    KG + "year": "year",
    KG + "issuedBy": "issuedBy",
    KG + "jurisdiction": "jurisdiction",
    KG + "adminLevel": "adminLevel",
    KG + "within": "within",
    KG + "divisionCode": "divisionCode",
    KG + "cites": "cites",
    KG + "issues": "issues",
    KG + "kind": "kind",
    KG + "issuerLevel": "issuerLevel",
    KG + "denotes": "denotes",
    KG + "inReport": "inReport",
    KG + "start": "start",
    KG + "end": "end",
    KG + "text": "text",
}
#: The classes the view asks about (``?x a kg:Report``): ``rdf:type`` triples of others are not kept.
CLASSES = {KG + "Report": "a:Report", KG + "Regulation": "a:Regulation", KG + "Mention": "a:Mention"}
_TYPE = RDF + "type"
CACHE_KIB = 8192  # SQLite's page cache (KiB): the table's memory, whatever its size
INSERT_BATCH = 20_000  # triples inserted at once


def _opt(alias: str, predicate: str, subject: str) -> str:
    return f"LEFT JOIN t {alias} ON {alias}.p = '{predicate}' AND {alias}.s = {subject}"


_SQL = {
    "reports": "SELECT r.s, l.o, f.o, y.o, g.o FROM t r "
    + " ".join((_opt("l", "label", "r.s"), _opt("f", "sourceFile", "r.s"), _opt("y", "year", "r.s")))
    + " "
    + _opt("g", "issuedBy", "r.s")
    + " WHERE r.p = 'a:Report'",
    "governments": "SELECT x.o, l.o, j.o FROM t x "
    + _opt("l", "label", "x.o")
    + " "
    + _opt("j", "jurisdiction", "x.o")
    + " WHERE x.p = 'issuedBy'",
    "areas": "SELECT a.s, l.o, a.o, w.o, c.o FROM t a "
    + " ".join((_opt("l", "label", "a.s"), _opt("w", "within", "a.s"), _opt("c", "divisionCode", "a.s")))
    + " WHERE a.p = 'adminLevel'",
    "refers": "SELECT x.s, '=' || x.p, x.o FROM t x JOIN t r ON r.p = 'a:Report' AND r.s = x.s AND r.o = '' "
    "WHERE x.p IN ('cites', 'issues')",
    "regulations": "SELECT r.s, l.o, k.o, v.o FROM t r "
    + " ".join((_opt("l", "label", "r.s"), _opt("k", "kind", "r.s"), _opt("v", "issuerLevel", "r.s")))
    + " WHERE r.p = 'a:Regulation'",
    "forms": "SELECT s, o FROM t WHERE p = 'altLabel' UNION ALL "
    "SELECT j.o, l.o FROM t j JOIN t l ON l.p = 'label' AND l.s = j.s WHERE j.p = 'jurisdiction'",
    "mentions": "SELECT d.o, i.o, b.o, e.o, x.o FROM t d "
    "JOIN t m ON m.p = 'a:Mention' AND m.s = d.s AND m.o = '' "
    "JOIN t i ON i.p = 'inReport' AND i.s = d.s "
    "JOIN t g ON g.p = 'a:Regulation' AND g.s = d.o AND g.o = '' "
    + " ".join((_opt("b", "start", "d.s"), _opt("e", "end", "d.s"), _opt("x", "text", "d.s")))
    + " WHERE d.p = 'denotes'",
}


def _packed(value: str) -> str:
    """A value as the table keeps it: a resource IRI (``kgr:``) as "~" and the rest of it, any other value after
    "=". One to one, so that joins on packed values join the values; resource IRIs are most of the table's bytes
    (a mention's IRI is the key of six rows), and their namespace was a third of them.

    >>> _packed(KGR + "reg-1"), _packed("纲要"), _unpacked(_packed(KGR + "reg-1")), _unpacked(_packed("~"))
    ('~reg-1', '=纲要', 'https://w3id.org/fazhi-kg/id/reg-1', '~')
    """
    return "~" + value[len(KGR) :] if value.startswith(KGR) else "=" + value


def _unpacked(value: str | None) -> str | None:
    """The value :func:`_packed` packed (None stays None: an OPTIONAL part that found nothing)."""
    if value is None:
        return None
    return KGR + value[1:] if value[0] == "~" else value[1:]


def _names(query: str) -> list[str]:
    """The variables a SPARQL SELECT of :data:`QUERIES` selects, in order."""
    head = query.split("WHERE", 1)[0]
    return [word[1:] for word in head.split() if word.startswith("?")]


class RowTable(ViewRows):
    """The view's triples in an SQLite file at ``path`` (made empty), filled by :meth:`add` while the build writes
    the graph, then read by :meth:`rows`. One table ``t(p, s, o)``: ``p`` the short name of a predicate of
    :data:`PREDICATES` or ``a:<Class>`` for a type of :data:`CLASSES` (``o`` empty), ``s`` and ``o`` the values
    (:func:`_packed`); its key (p, s, o) keeps a triple once and is the index every join looks up."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.unlink(missing_ok=True)
        self.db = sqlite3.connect(self.path)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", f"cache_size = -{CACHE_KIB}", "temp_store = FILE"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.execute("CREATE TABLE t (p TEXT, s TEXT, o TEXT, PRIMARY KEY (p, s, o)) WITHOUT ROWID")
        self.pending: list[tuple[str, str, str]] = []

    def add(self, data: bytes, fmt: pyoxigraph.RdfFormat) -> None:
        """Add the triples of ``data`` (N-Triples or Turtle) that the view reads."""
        for t in pyoxigraph.parse(data, format=fmt):
            key = t.predicate.value
            if key == _TYPE:
                kind = CLASSES.get(t.object.value)
                if kind is not None:
                    self.pending.append((kind, _packed(t.subject.value), ""))
            elif key in PREDICATES:
                self.pending.append((PREDICATES[key], _packed(t.subject.value), _packed(t.object.value)))
        if len(self.pending) >= INSERT_BATCH:
            self._flush()

    def _flush(self) -> None:
        self.db.executemany("INSERT OR IGNORE INTO t VALUES (?, ?, ?)", self.pending)
        self.pending = []

    def finish(self) -> None:
        """Write what is pending: the table is complete."""
        self._flush()
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    def _all(self, name: str) -> Iterator[Row]:
        return self._select(name, _SQL[name], ())

    def _some(self, name: str, iris: list[str]) -> Iterator[Row]:
        sql = _SQL[name]
        subject = sql.split("SELECT ", 1)[1].split(",", 1)[0]
        return self._select(name, f"{sql} AND {subject} IN ({', '.join('?' * len(iris))})", [_packed(i) for i in iris])

    def _select(self, name: str, sql: str, args: Sequence[Any]) -> Iterator[Row]:
        names = _names(QUERIES[name])
        for values in self.db.execute(sql, args):
            yield dict(zip(names, map(_unpacked, values), strict=True))
