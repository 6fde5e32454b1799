"""pyoxigraph terms as rdflib terms, for the two tools that need rdflib graphs: pyshacl (validation) and rdflib's
JSON-LD serialiser (export). Import it only there: rdflib takes ~0.3 s to import."""

from __future__ import annotations

import pyoxigraph
import rdflib

from kg.rdf.namespaces import XSD


def to_rdflib(term: pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal) -> rdflib.term.Node:
    """The same term in rdflib. An ``xsd:string`` literal becomes a simple literal, as rdflib's own parsers give
    it (pyshacl's ``sh:in`` compares terms; JSON-LD writes it as a plain string)."""
    if isinstance(term, pyoxigraph.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == XSD + "string":
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
