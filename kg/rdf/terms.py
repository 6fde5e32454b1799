"""Light RDF statements: an IRI is a plain ``str``, a literal a :class:`Lit` tuple, a statement a ``(subject,
predicate, object)`` tuple.

Why: a report has a few thousand triples, and making a pyoxigraph ``Triple`` of each (three objects built in
Rust, read back attribute by attribute by the Turtle writer) cost more than formatting them. The graph stage
(:mod:`kg.rdf.triples`) states a report in these tuples and :class:`kg.rdf.turtle.TurtleWriter` formats them
directly; :func:`to_triples` makes pyoxigraph triples of them where a caller wants real RDF terms (the shared
resources, tests that check the writers against pyoxigraph's parser); :func:`ntriples` writes N-Triples of them
as pyoxigraph does (the HTML view's share of a report).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from pyoxigraph import Literal, NamedNode, Triple

from kg.rdf.namespaces import XSD

XSD_STRING = XSD + "string"


class Lit(NamedTuple):
    """A literal: its lexical form, its datatype IRI (``xsd:string`` by default) and its language tag (``""``
    for none; a language-tagged literal's datatype is not read). A tag is written as given: give it in lower
    case, as pyoxigraph keeps one (``zh``)."""

    value: str
    datatype: str = XSD_STRING
    language: str = ""


Term = str | Lit
Statement = tuple[str, str, Term]


class SubjectRows(NamedTuple):
    """Many like subjects in one tuple each: every row is ``(subject, object of predicates[0], object of
    predicates[1], …)``, a subject with exactly one object per predicate. Why: a report has ~200 mentions of six
    triples each; stated as rows they cost one tuple each, and the Turtle writer formats each as its block in one
    pass (:meth:`kg.rdf.turtle.TurtleWriter.subject_blocks`) instead of sorting six statements."""

    predicates: tuple[str, ...]
    rows: list[tuple[Term, ...]]

    def statements(self) -> Iterator[Statement]:
        for row in self.rows:
            s = row[0]
            yield from ((s, p, o) for p, o in zip(self.predicates, row[1:], strict=True))


@dataclass
class Statements:
    """Light statements, and subjects stated as rows (:class:`SubjectRows`); iterating gives every statement."""

    triples: list[Statement] = field(default_factory=list)
    tables: list[SubjectRows] = field(default_factory=list)

    def __iter__(self) -> Iterator[Statement]:
        yield from self.triples
        for table in self.tables:
            yield from table.statements()


def to_term(term: Term) -> NamedNode | Literal:
    """The pyoxigraph term of an IRI string or a :class:`Lit`."""
    if type(term) is str:
        return NamedNode(term)
    if term.language:
        return Literal(term.value, language=term.language)
    return Literal(term.value, datatype=NamedNode(term.datatype))


def to_triples(statements: Iterable[Statement]) -> list[Triple]:
    """pyoxigraph triples of light statements (which also checks every IRI and language tag)."""
    return [Triple(NamedNode(s), NamedNode(p), to_term(o)) for s, p, o in statements]


# pyoxigraph's N-Triples escapes: the five named ones, \uXXXX for the other C0 controls, DEL and the two
# noncharacters U+FFFE/U+FFFF (tests/rdf/test_terms.py checks every code point against pyoxigraph).
_NAMED = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}
_NT_ESCAPES = str.maketrans({**{chr(c): f"\\u{c:04X}" for c in (*range(0x20), 0x7F, 0xFFFE, 0xFFFF)}, **_NAMED})


def ntriples(statements: Iterable[Statement]) -> str:
    """N-Triples of light statements, one line each in the order given, byte for byte as
    ``pyoxigraph.serialize(to_triples(statements), format=RdfFormat.N_TRIPLES)`` writes them, without making a
    pyoxigraph term of each. IRIs are written as they are: the graph stage makes only valid ones."""
    lines = []
    for s, p, o in statements:
        if type(o) is str:
            obj = f"<{o}>"
        else:
            text = o.value.translate(_NT_ESCAPES)
            obj = (
                f'"{text}"@{o.language}'
                if o.language
                else f'"{text}"'
                if o.datatype == XSD_STRING
                else f'"{text}"^^<{o.datatype}>'
            )
        lines.append(f"<{s}> <{p}> {obj} .\n")
    return "".join(lines)
