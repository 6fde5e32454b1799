"""pyoxigraph terms as rdflib terms, for the two tools that need rdflib graphs: pyshacl (validation) and rdflib's
JSON-LD serialiser (export). Import it only there: rdflib takes ~0.3 s to import."""

from __future__ import annotations

import json
import re

import pyoxigraph
import rdflib
from rdflib.plugins.serializers.jsonld import Converter
from rdflib.plugins.shared.jsonld.context import Context

from kg.rdf.namespaces import XSD


def to_rdflib(
    term: pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal, *, lexical: bool = False
) -> rdflib.term.Node:
    """The same term in rdflib. An ``xsd:string`` literal becomes a simple literal, as rdflib's own parsers give
    it (pyshacl's ``sh:in`` compares terms; JSON-LD writes it as a plain string).

    rdflib rewrites a typed literal's lexical form to its canonical one (``"01"^^xsd:integer`` → ``"1"``) unless
    ``lexical=True``, which keeps the form as written (exports). rdflib has no RDF 1.2 terms: a triple term or a
    literal with a base direction is a ``ValueError``."""
    if isinstance(term, pyoxigraph.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return rdflib.BNode(term.value)
    if not isinstance(term, pyoxigraph.Literal) or getattr(term, "direction", None):
        raise ValueError(f"rdflib has no RDF 1.2 terms such as {term}")
    normalize = False if lexical else None
    if term.language:
        return rdflib.Literal(term.value, lang=term.language, normalize=normalize)
    if term.datatype.value == XSD + "string":
        return rdflib.Literal(term.value, normalize=normalize)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value), normalize=normalize)


def _native_is_exact(lit: rdflib.Literal) -> bool:
    """Whether JSON-LD's native number or boolean for a literal reads back to the same lexical form."""
    datatype = str(lit.datatype or "")
    if datatype == XSD + "integer":
        return re.fullmatch(r"0|-?[1-9][0-9]*", str(lit)) is not None
    if datatype == XSD + "boolean":
        return str(lit) in ("true", "false")
    return datatype != XSD + "double"  # a JSON number reads back as "1.0E0", or as an xsd:integer


class _LexicalConverter(Converter):
    """rdflib's JSON-LD converter writes every xsd:integer, xsd:double and xsd:boolean as a JSON number or boolean,
    which reads back in canonical form ("01" → 1 → "1"): this one does so only when the form survives."""

    def to_raw_value(self, graph, s, o, nodemap):
        native = self.use_native_types
        self.use_native_types = native and not (isinstance(o, rdflib.Literal) and not _native_is_exact(o))
        try:
            return super().to_raw_value(graph, s, o, nodemap)
        finally:
            self.use_native_types = native


def jsonld_nodes(graph: rdflib.Graph, context: dict) -> list[dict]:
    """The node objects of ``graph`` compacted with ``context`` (plain JSON values), lexical forms kept."""
    doc = _LexicalConverter(Context(context), False, False).convert(graph)
    doc = json.loads(json.dumps(doc, ensure_ascii=False))
    return doc.get("@graph", [doc] if doc else []) if isinstance(doc, dict) else doc
