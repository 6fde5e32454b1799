"""fazhi-kg: knowledge graphs of Chinese local governments' 法治政府建设 annual reports.

The library is the centre; ``kg`` the command is a thin shell over it::

    import kg
    g = kg.build_graph(["reports/"])            # paths, folders, kg.Document objects or (name, text) pairs
    g.query("SELECT ?t WHERE { ?r kg:cites ?x . ?x rdfs:label ?t }")
    g.citation_graph()                            # networkx: districts and the regulations they cite or issue
    g.write("output/")                            # graph.ttl, graph.html, build-report.json, texts/
    kg.load("output/graph.ttl")                   # a built graph, read back
    kg.extract_text("…")                          # one text's facts, without RDF

The stages, one package each, in the order data flows: :mod:`kg.read` → :mod:`kg.segment` → :mod:`kg.extract`
→ :mod:`kg.resolve` → :mod:`kg.rdf` (with :mod:`kg.build` running them over many inputs) → :mod:`kg.analyse`,
:mod:`kg.view`, :mod:`kg.export`, :mod:`kg.query`, :mod:`kg.serve`; :mod:`kg.lang` holds the Chinese-language
data they share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.errors import BuildError, ConfigError, GraphError, GraphInvalid, KgError, ReadError

if TYPE_CHECKING:
    from kg.build import build_graph
    from kg.extract import extract_text
    from kg.graph import KnowledgeGraph, load
    from kg.model import Extraction
    from kg.read import Document

__all__ = [
    "BuildError",
    "ConfigError",
    "Document",
    "Extraction",
    "GraphError",
    "GraphInvalid",
    "KgError",
    "KnowledgeGraph",
    "ReadError",
    "build_graph",
    "extract_text",
    "load",
]

_LAZY = {
    "build_graph": "kg.build",
    "extract_text": "kg.extract",
    "KnowledgeGraph": "kg.graph",
    "load": "kg.graph",
    "Extraction": "kg.model",
    "Document": "kg.read",
}


def __getattr__(name: str) -> Any:
    """The API, imported on first use: ``import kg`` stays cheap for the command line and worker processes."""
    if name in _LAZY:
        import importlib  # noqa: PLC0415

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
