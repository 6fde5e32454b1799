"""The centre of the API: :class:`KnowledgeGraph`, a built graph held in memory (or read back from Turtle).

It is what :func:`kg.build_graph` returns and :func:`kg.load` reads. Queries, the citation graph and the report
list read the RDF (through pyoxigraph), never the extractors' objects, so a notebook sees exactly what a SPARQL
user of ``graph.ttl`` sees. :meth:`KnowledgeGraph.write` is what ``kg build`` does after building.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.build.options import BuildFacts, BuildResult, FileRecord, Summary

if TYPE_CHECKING:
    import networkx as nx
    import pyoxigraph

    from kg.analyse import ReportRow
    from kg.build.merge import Merged
    from kg.build.parts import ReportPart


@dataclass
class _Parts:
    """A graph built in this process: each report's part and the merged shared resources."""

    parts: list[ReportPart]
    merged: Merged
    fresh: set[str]  # reports made in this build (not taken whole from a cache)
    # the cache's index saved and unused entries removed (kg.build.build_graph): by the writer, while it waits
    tidy: Callable[[], None] = lambda: None


@dataclass
class KnowledgeGraph:
    """A knowledge graph of reports: ``store`` (pyoxigraph), ``query()``, ``reports``, ``citation_graph()``,
    ``to_turtle()`` and ``write()``.

    >>> import kg
    >>> text = "盐池县2023年法治政府建设工作报告\\n2023年，我县认真贯彻落实《中华人民共和国行政处罚法》。"
    >>> g = kg.build_graph([("a.txt", text)])
    >>> [row["title"] for row in g.query("SELECT ?title WHERE { ?r kg:cites ?x . ?x rdfs:label ?title }")]
    ['中华人民共和国行政处罚法']
    """

    records: list[FileRecord] = field(default_factory=list)  # what each input became
    summary: Summary = field(default_factory=Summary)
    facts: BuildFacts = field(default_factory=BuildFacts)
    _built: _Parts | None = None
    _path: Path | None = None  # a graph read back from Turtle
    _store: Any = None

    # --- reading --------------------------------------------------------------------------------------------

    @property
    def store(self) -> pyoxigraph.Store:
        """The whole graph in a pyoxigraph store (made on first use)."""
        if self._store is None:
            import pyoxigraph  # noqa: PLC0415

            from kg.rdf.store import load_store  # noqa: PLC0415

            if self._path is not None:
                self._store = load_store(self._path)
            else:
                self._store = pyoxigraph.Store()
                self._store.load(self.to_turtle().encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
        return self._store

    def query(self, sparql: str) -> list[dict[str, str | None]]:
        """Rows of a SPARQL SELECT as plain strings, None where a variable is unbound (the ``kg:``, ``kgr:``,
        ``rdfs:``, ``skos:``, ``xsd:``, ``prov:`` … prefixes are predeclared; the query's own win). A query that
        cannot run raises :class:`kg.query.QueryError` (a :class:`kg.GraphError`) with the user's line and
        column; the graph is read-only, so updates and SERVICE are refused."""
        from kg.query import execute  # noqa: PLC0415

        result = execute(self.store, sparql)
        return [
            {name: (term.value if term is not None else None) for name, term in zip(result.variables, row, strict=True)}
            for row in result.rows
        ]

    @property
    def reports(self) -> list[ReportRow]:
        """Every report with its year and the district (and province) it speaks for."""
        from kg.analyse import all_reports  # noqa: PLC0415

        return all_reports(self.store)

    def citation_graph(self, year: str | int | None = None, province: str | None = None) -> nx.Graph:
        """The bipartite district–regulation graph (networkx), cited and issued edges kept apart."""
        from kg.analyse import citation_graph  # noqa: PLC0415

        return citation_graph(self.store, year, province)

    def to_turtle(self) -> str:
        """The graph as canonical Turtle (the bytes ``graph.ttl`` holds)."""
        if self._built is None:
            assert self._path is not None
            return self._path.read_text(encoding="utf-8")
        from kg.build.writer import turtle_bytes  # noqa: PLC0415

        return turtle_bytes(self._built.parts, self._built.merged).decode("utf-8")

    def text(self, report_id: str) -> str | None:
        """The decoded text of a report (what mention offsets index), when this graph was built here."""
        if self._built is None:
            path = self._path.parent / "texts" / f"{report_id}.txt" if self._path else None
            return path.read_text(encoding="utf-8") if path and path.is_file() else None
        part = next((p for p in self._built.parts if p.report_id == report_id), None)
        return part.text() if part else None

    # --- writing --------------------------------------------------------------------------------------------

    def write(self, outdir: str | os.PathLike, *, html: bool = True, validate: bool = True) -> BuildResult:
        """Write ``graph.ttl`` (validated against ``ontology/shapes.ttl`` unless ``validate=False``),
        ``graph.html``, ``build-report.json`` and ``texts/`` into ``outdir``, each atomically."""
        from kg.build.output import write_outputs  # noqa: PLC0415

        return write_outputs(self, Path(outdir), html=html, validate=validate)


def load(path: str | os.PathLike) -> KnowledgeGraph:
    """A graph written by ``kg build`` (or :meth:`KnowledgeGraph.write`): its ``graph.ttl``, or the folder."""
    path = Path(path)
    if path.is_dir():
        path = path / "graph.ttl"
    g = KnowledgeGraph(_path=path)
    g.store  # noqa: B018 - load now, so a missing or broken file fails here with a GraphError
    return g
