"""A canonical Turtle writer: same triples in, same bytes out, whatever order they came in.

rdflib's Turtle serialiser is far too slow for large graphs (126 s per 100 k triples here) and pyoxigraph's
writes prefixes in hash order and escapes ``/`` in local names, so the graph is written by this small writer:
one block per subject, ``rdf:type`` first then predicates by prefixed name, objects sorted. :meth:`TurtleWriter.write`
sorts the subjects of the triples it is given by IRI; :meth:`TurtleWriter.blocks` formats one group of triples
(one report's, in ``kg build``) the same way without the prefixes, so that groups can be written one after the
other and the whole graph never has to be held in memory (see :mod:`kg.build.pipeline` for the order of groups).
It takes pyoxigraph triples or the light statements of :mod:`kg.rdf.terms` (how the graph stage states a report:
no pyoxigraph object per triple), alike. The graph stage makes only IRIs and literals, but any RDF is written
correctly (``kg export`` of a user's file):
blank nodes as ``_:label`` (a label that is not a plain ASCII Turtle label is written ``_:x-<hex of its UTF-8>``),
``rdf:type`` as ``a`` only in predicate position, an ``xsd:integer`` or ``xsd:boolean`` bare only when its lexical
form is canonical (ASCII digits without a plus or leading zeros; ``true``/``false``: every parser reads those back
unchanged), any other lexical form quoted with its datatype, and RDF 1.2 terms (triple terms
``<<( s p o )>>``, directional language tags ``"x"@ar--rtl``) in Turtle 1.2 syntax, which pyoxigraph reads and
rdflib 7 does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import IO

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from kg.rdf.namespaces import KG, PREFIXES, PROV, RDF, XSD
from kg.rdf.terms import Lit, Statement, SubjectRows, Term

_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?\Z")
_BLANK = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?")  # labels every Turtle parser reads as such
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_ESCAPE_TABLE = str.maketrans(_ESCAPES)
# Bare integers: only canonical ones (fullmatch): "12\n" or "１２" are no Turtle INTEGER, and rdflib reads a bare
# +0012 as "12".
_INTEGER = re.compile(r"0|-?[1-9][0-9]*")
RDF_TYPE = RDF + "type"
_REPORT_CLASS = NamedNode(KG + "Report")
_OWNED_BY = {KG + "inReport", KG + "reportedIn"}
_DERIVED_FROM = PROV + "wasDerivedFrom"
_CACHE_MAX = 100_000
_OBJECTS_MAX = 20_000  # objects whose Turtle is remembered (a few MB; the recurring ones return soon after a clear)
_XSD_STRING, _XSD_INTEGER, _XSD_BOOLEAN = XSD + "string", XSD + "integer", XSD + "boolean"
_first = itemgetter(0)


class TurtleWriter:
    """Formats terms with a fixed prefix table (longest namespace wins)."""

    def __init__(self, prefixes: dict[str, str] | None = None):
        self.prefixes = dict(sorted((prefixes or PREFIXES).items()))
        self._by_length = sorted(self.prefixes.items(), key=lambda kv: -len(kv[1]))
        # A local name never holds '/' or '#', so when every namespace ends in one of them, the namespace of an
        # IRI can only be the IRI up to its last '/' or '#': one dictionary look-up instead of a scan.
        self._by_ns = {ns: prefix for prefix, ns in self.prefixes.items()}
        self._fast = all(ns.endswith(("/", "#")) for ns in self.prefixes.values()) and len(self._by_ns) == len(
            self.prefixes
        )
        self._cache: dict[str, str] = {}  # predicates, classes and datatypes recur: format them once
        # predicate IRI → its sort key: "0a" for rdf:type (first), else "1" and its prefixed name (which no other
        # IRI shares), so that one string comparison orders lines as (not rdf:type, prefixed name) would
        self._predicate_keys: dict[str, str] = {}
        # object (IRI or Lit) → its Turtle: offsets, units, labels and the nodes a report names recur across
        # subjects and reports (~3 of 4 objects of a build are found here)
        self._objects: dict[str | Lit, str] = {}

    def iri(self, iri: str) -> str:
        """An IRI as a prefixed name when a prefix covers it, else ``<iri>`` (``rdf:type`` too: ``a`` is written only
        by the predicate position, see :meth:`predicate`)."""
        if self._fast:
            cut = max(iri.rfind("/"), iri.rfind("#")) + 1
            prefix = self._by_ns.get(iri[:cut])
            if prefix is not None and _LOCAL.match(iri[cut:]):
                return f"{prefix}:{iri[cut:]}"
            return f"<{iri}>"  # pyoxigraph has validated the IRI: nothing to escape
        for prefix, ns in self._by_length:
            if iri.startswith(ns) and _LOCAL.match(iri[len(ns) :]):
                return f"{prefix}:{iri[len(ns) :]}"
        return f"<{iri}>"

    def predicate(self, iri: str) -> str:
        return "a" if iri == RDF_TYPE else self._cached_iri(iri)

    def _cached_iri(self, iri: str) -> str:
        text = self._cache.get(iri)
        if text is None:
            if len(self._cache) > _CACHE_MAX:  # object IRIs of figures are unique: keep the cache bounded
                self._cache.clear()
            text = self._cache[iri] = self.iri(iri)
        return text

    def literal(self, lit: Literal | Lit) -> str:
        """A pyoxigraph literal or a light :class:`~kg.rdf.terms.Lit` in Turtle."""
        if type(lit) is Lit:
            value, dt, language = lit
            if language:
                return f'"{value.translate(_ESCAPE_TABLE)}"@{language}'
        else:
            value, language = lit.value, lit.language
            if language:
                direction = getattr(lit, "direction", None)  # RDF 1.2 (pyoxigraph >= 0.5)
                return f'"{value.translate(_ESCAPE_TABLE)}"@{language}' + (f"--{direction}" if direction else "")
            dt = lit.datatype.value
        if dt == _XSD_STRING:
            return f'"{value.translate(_ESCAPE_TABLE)}"'
        if dt == _XSD_INTEGER and _INTEGER.fullmatch(value):
            return value
        if dt == _XSD_BOOLEAN and value in ("true", "false"):
            return value
        return f'"{value.translate(_ESCAPE_TABLE)}"^^{self._cached_iri(dt)}'

    def term(self, term: NamedNode | BlankNode | Literal | Triple | Term) -> str:
        """Any RDF term in Turtle (an RDF 1.2 triple term as ``<<( s p o )>>``; a ``str`` is an IRI)."""
        if type(term) is str:
            return self.iri(term)
        if isinstance(term, NamedNode):
            return self.iri(term.value)
        if isinstance(term, (Literal, Lit)):
            return self.literal(term)
        if isinstance(term, BlankNode):
            return blank_label(term.value)
        if isinstance(term, Triple):
            return f"<<( {self.term(term.subject)} {self.iri(term.predicate.value)} {self.term(term.object)} )>>"
        raise TypeError(f"not an RDF term: {term!r}")

    def header(self) -> str:
        return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in self.prefixes.items())

    def subject_blocks(
        self, triples: Iterable[Triple | Statement], tables: Iterable[SubjectRows] = ()
    ) -> list[tuple[str, str, int]]:
        """One (subject key, Turtle block, triple count) per subject of ``triples`` (pyoxigraph triples or light
        :mod:`kg.rdf.terms` statements; duplicates dropped) and of ``tables`` (subjects stated as rows), sorted by
        key — the subject's IRI, or ``_:`` and the label of a blank node (see :func:`subject_key`); a block starts
        with a newline and ends with `` .\\n``. The same blocks as the rows' statements given in ``triples``."""
        keys, objects = self._predicate_keys, self._objects
        by_subject: dict[str, set[tuple[str, str]]] = {}  # subject → its lines: (predicate's sort key, object)
        for s, p, o in triples:  # one call into pyoxigraph per triple instead of three attribute look-ups
            if type(s) is not str:
                s, p = s.value if type(s) is NamedNode else subject_key(s), p.value
                if type(o) is NamedNode:
                    o = o.value
            line = (keys.get(p) or self._predicate_key(p), objects.get(o) or self._object(o))
            lines = by_subject.get(s)
            if lines is None:
                by_subject[s] = {line}
            else:
                lines.add(line)
        rows = self._rows(tables, by_subject)
        blocks = [self._block(subject, by_subject[subject]) for subject in by_subject]
        blocks += [self._row_block(*row[:3]) for row in rows.values()]
        blocks.sort(key=_first)
        return blocks

    def _rows(self, tables: Iterable[SubjectRows], by_subject: dict[str, set[tuple[str, str]]]) -> dict[str, tuple]:
        """The rows of ``tables`` to write as blocks of their own: subject → (order of its predicates, their texts
        in that order with the separators around them, the row, the predicates' sort keys). A subject that also
        has statements, or two different rows, goes to ``by_subject`` as lines (a repeated row is one)."""
        rows: dict[str, tuple] = {}
        keys = self._predicate_keys
        for table in tables:
            sort_keys = [keys.get(p) or self._predicate_key(p) for p in table.predicates]
            order = sorted(range(len(sort_keys)), key=sort_keys.__getitem__)
            # each predicate's text with what goes before and after it in a block: one string per table, not four
            # pieces per row
            heads = [(" ;\n    " if n else " ") + sort_keys[i][1:] + " " for n, i in enumerate(order)]
            for row in table.rows:
                s = row[0]
                kept = rows.get(s)
                if kept is None and s not in by_subject:
                    rows[s] = (order, heads, row, sort_keys)
                    continue
                if kept is not None and kept[2] == row and kept[3] == sort_keys:  # the same row again
                    continue
                lines = by_subject.setdefault(s, set())
                if kept is not None:  # two different rows of one subject: the lines of one block
                    del rows[s]
                    lines.update(self._lines(kept[3], kept[2]))
                lines.update(self._lines(sort_keys, row))
        return rows

    def _lines(self, sort_keys: list[str], row: tuple) -> Iterator[tuple[str, str]]:
        objects = self._objects
        return ((k, objects.get(o) or self._object(o)) for k, o in zip(sort_keys, row[1:], strict=True))

    def _row_block(self, order: list[int], heads: list[str], row: tuple) -> tuple[str, str, int]:
        """A row's block, as :meth:`_block` writes its statements (one object per predicate)."""
        objects = self._objects
        subject, values = row[0], row[1:]
        parts = ["\n", self.iri(subject)]
        for head, i in zip(heads, order, strict=True):
            o = values[i]
            parts += (head, objects.get(o) or self._object(o))
        parts.append(" .\n")
        return subject, "".join(parts), len(order)

    def _block(self, subject: str, lines: set[tuple[str, str]]) -> tuple[str, str, int]:
        """One subject's block from its lines: ``rdf:type`` first, then predicates by prefixed name, objects
        sorted by their Turtle."""
        parts = ["\n", blank_label(subject[2:]) if subject.startswith("_:") else self.iri(subject)]
        last = None
        for key, text in sorted(lines):
            if key == last:
                parts.append(" , ")
            else:
                parts += (" ;\n    " if last else " ", key[1:], " ")
                last = key
            parts.append(text)
        parts.append(" .\n")
        return subject, "".join(parts), len(lines)

    def _predicate_key(self, iri: str) -> str:
        """The sort key of a predicate (see ``_predicate_keys``); its text as written is the key without its
        first character."""
        key = self._predicate_keys[iri] = "0a" if iri == RDF_TYPE else "1" + self._cached_iri(iri)
        return key

    def _object(self, o: object) -> str:
        """An object's Turtle (a ``str`` is an IRI), remembered for the next subjects (up to
        ``_OBJECTS_MAX`` objects)."""
        text = self.literal(o) if type(o) is Lit else self.term(o)
        if len(self._objects) > _OBJECTS_MAX:  # (figures and mentions are unique: keep it bounded)
            self._objects.clear()
        self._objects[o] = text
        return text

    def blocks(self, triples: Iterable[Triple | Statement], tables: Iterable[SubjectRows] = ()) -> tuple[str, int]:
        """The subject blocks of ``triples`` and ``tables`` (duplicates dropped, subjects sorted by IRI), without
        the prefix lines; returns the text and the number of triples in it."""
        parts = self.subject_blocks(triples, tables)
        return "".join(text for _, text, _ in parts), sum(count for _, _, count in parts)

    def write(self, triples: Iterable[Triple], out: IO[str]) -> int:
        """Write the triples (duplicates dropped) in canonical order; returns how many were written."""
        text, count = self.blocks(triples)
        out.write(self.header())
        out.write(text)
        return count

    def write_graph(self, triples: Iterable[Triple], out: IO[str]) -> int:
        """Write a fazhi-kg graph in the order ``kg build`` writes it (see :mod:`kg.build.pipeline`): each report's own
        resources — the report, its source files, and everything ``kg:inReport``/``kg:reportedIn`` it — reports
        in IRI order, then every other subject; subjects sorted within each group. So a graph read back and
        written again is the same bytes as the built file."""
        triples = list(triples)
        owner: dict[str, str] = {}
        for s, p, o in triples:
            if p.value == RDF_TYPE and o == _REPORT_CLASS:
                owner[subject_key(s)] = subject_key(s)
            elif p.value in _OWNED_BY:
                owner[subject_key(s)] = subject_key(o)
            elif p.value == _DERIVED_FROM:
                owner.setdefault(subject_key(o), subject_key(s))
        groups: dict[str, list[Triple]] = {}
        for tr in triples:
            groups.setdefault(owner.get(subject_key(tr.subject), "\uffff"), []).append(tr)  # shared resources last
        out.write(self.header())
        count = 0
        for key in sorted(groups):
            text, n = self.blocks(groups[key])
            out.write(text)
            count += n
        return count


def subject_key(term: NamedNode | BlankNode | Literal | Triple) -> str:
    """A string that tells terms apart: an IRI itself, ``_:`` and the label of a blank node (never an IRI: a
    scheme starts with a letter), else the term's N-Triples form."""
    if type(term) is NamedNode:
        return term.value
    return f"_:{term.value}" if type(term) is BlankNode else str(term)


def blank_label(label: str) -> str:
    """``_:label``, or ``_:x-`` and the hex of the label's UTF-8 when the label is not a plain ASCII Turtle label
    (pyoxigraph accepts ``a:b`` or ``é``; not every parser does) or starts with ``x-`` itself (so no two labels
    meet)."""
    if _BLANK.fullmatch(label) and not label.startswith("x-"):
        return f"_:{label}"
    return f"_:x-{label.encode('utf-8').hex()}"


_KGR_NAME = re.compile(rb"kgr:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-]")


def referenced_blocks(blocks: list[bytes], named: dict[bytes, bytes]) -> list[bytes]:
    """The blocks of ``named`` (prefixed name → Turtle block, as this writer writes them) that ``blocks`` refer
    to, and the ones those refer to in turn, sorted."""
    seen: set[bytes] = set()
    todo = [name for b in blocks for name in _KGR_NAME.findall(b)]
    out = []
    while todo:
        name = todo.pop()
        if name in seen or name not in named:
            continue
        seen.add(name)
        out.append(named[name])
        todo += _KGR_NAME.findall(named[name])
    return sorted(out)
