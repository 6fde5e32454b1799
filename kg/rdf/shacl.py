"""SHACL validation of a built graph against ``ontology/shapes.ttl`` (pyshacl), in bounded chunks.

Why chunks: pyshacl is pure Python. Given one rdflib graph it needs rdflib's memory store for the whole graph
(measured: ~2 KB per triple, 0.9 GB for 420 k triples; a 10,000-report graph of ~10 M triples would need ~20 GB)
and checks ~9 k triples per second. The shapes are *local* (see the header of ``shapes.ttl``): a node's
constraints concern its own triples and the ``rdf:type`` of the nodes they point to. So the graph is loaded into
pyoxigraph (~0.4 KB per triple), its focus nodes — instances of the shapes' target classes — are streamed and
grouped by the set of shapes that target them, and each group is validated in chunks of ``chunk_size`` nodes:
the chunk graph holds the chunk's triples plus the types of their objects, and pyshacl applies exactly that
group's shapes to exactly the chunk's nodes (``use_shapes`` + ``focus_nodes``, which skips pyshacl's quadratic
target filter). Shapes with other targets (the SHACL-AF SPARQL target of the mention span check) run once per
chunk over the chunk graph; their target queries select nodes by their own triples, so nodes brought in only for
their types are never selected. rdflib/pyshacl memory is bounded by the chunk, time is linear (~10 k triples per
second per core: ~17 min for 10 M triples; ``scripts/bench_validate.py``), and chunks are independent, so a
sharded build can validate each shard's store with :func:`validate_store`, or run chunks in parallel.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph
import rdflib
from rdflib.namespace import RDF as RDF_NS
from rdflib.namespace import SH

from kg.rdf.namespaces import KG, PREFIXES, RDFS, SKOS
from kg.rdf.rdflib_terms import to_rdflib
from kg.rdf.store import load_store
from kg.resources import ontology_path

CHUNK_SIZE = 1000
"""Focus nodes per pyshacl run: large enough to amortise pyshacl's per-run setup (~25 ms), small enough that a
chunk graph stays a few MB."""

_TYPE = pyoxigraph.NamedNode(RDF_NS.type)
_LABELS = (RDFS + "label", SKOS + "prefLabel", KG + "text")
_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True, order=True)
class Result:
    """One SHACL validation result, in plain strings (prefixed names where a prefix is known)."""

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"
    label: str = ""

    def line(self) -> str:
        """One readable line: severity, focus node (label and name), path, message, offending value."""
        who = f"{self.label} ({self.focus})" if self.label else self.focus
        value = f" [value: {self.value}]" if self.value and self.value != self.focus else ""
        return f"{self.severity}: {who} {self.path or '-'}: {self.message}{value}"


@dataclass
class ValidationReport:
    results: list[Result] = field(default_factory=list)
    focus_nodes: int = 0
    chunks: int = 0

    @property
    def violations(self) -> list[Result]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[Result]:
        return [r for r in self.results if r.severity != "Violation"]

    @property
    def conforms(self) -> bool:
        """True when there is no sh:Violation (warnings and infos do not break the contract)."""
        return not self.violations


@lru_cache(maxsize=1)
def _shapes_text() -> str:
    return ontology_path("shapes.ttl").read_text(encoding="utf-8")


def load_shapes() -> rdflib.Graph:
    """The shapes graph of ``ontology/shapes.ttl`` (parsed afresh: pyshacl may annotate the graph it is given)."""
    return rdflib.Graph().parse(data=_shapes_text(), format="turtle")


def _short(term: rdflib.term.Node | None, graph: rdflib.Graph | None = None) -> str:
    """A term as a short readable string: prefixed IRI, literal lexical form, or a SHACL path."""
    if term is None:
        return ""
    if isinstance(term, rdflib.URIRef):
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if str(term).startswith(ns) and len(str(term)) > len(ns):
                return f"{prefix}:{str(term)[len(ns) :]}"
        return f"<{term}>"
    if isinstance(term, rdflib.Literal):
        return f'"{term}"' + (f"@{term.language}" if term.language else "")
    if isinstance(term, rdflib.BNode) and graph is not None:  # a complex path: show sh:alternativePath as a|b
        alternatives = graph.value(term, SH.alternativePath)
        if alternatives is not None:
            return "|".join(_short(t) for t in rdflib.collection.Collection(graph, alternatives))
        inverse = graph.value(term, SH.inversePath)
        if inverse is not None:
            return "^" + _short(inverse)
    return "_:" + str(term)


def _targets(shapes: rdflib.Graph) -> tuple[dict[str, set[rdflib.term.Node]], list[rdflib.term.Node]]:
    """Shapes by target class, and the shapes with any other kind of target."""
    by_class: dict[str, set[rdflib.term.Node]] = defaultdict(set)
    for shape, cls in shapes.subject_objects(SH.targetClass):
        by_class[str(cls)].add(shape)
    other = sorted(
        {
            s
            for p in (SH.target, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
            for s in shapes.subjects(p, None)
        },
        key=str,
    )
    return by_class, other


def _chunk_graph(store: pyoxigraph.Store, nodes: list) -> rdflib.Graph:
    """The chunk's own triples plus the rdf:type triples of every node they point to."""
    g = rdflib.Graph()
    typed: set = set()
    made: dict = {}  # pyoxigraph term → its rdflib term: predicates, classes and the nodes a chunk points to recur

    def term(t: pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal) -> rdflib.term.Node:
        found = made.get(t)
        if found is None:
            found = made[t] = to_rdflib(t)  # (rdflib checks every character of an IRI it is given)
        return found

    for node in nodes:
        s = term(node)
        for quad in store.quads_for_pattern(node, None, None, pyoxigraph.DefaultGraph()):
            obj = quad.object
            g.add((s, term(quad.predicate), term(obj)))
            if not isinstance(obj, pyoxigraph.Literal) and obj not in typed:
                typed.add(obj)
                for tq in store.quads_for_pattern(obj, _TYPE, None, pyoxigraph.DefaultGraph()):
                    g.add((term(obj), RDF_NS.type, term(tq.object)))
    return g


def _results(report_graph: rdflib.Graph, shapes: rdflib.Graph, data: rdflib.Graph) -> Iterator[Result]:
    for r in report_graph.subjects(RDF_NS.type, SH.ValidationResult):
        focus = report_graph.value(r, SH.focusNode)
        messages = sorted(str(m) for m in report_graph.objects(r, SH.resultMessage))
        path = report_graph.value(r, SH.resultPath)
        label = next((str(v) for p in _LABELS for v in sorted(data.objects(focus, rdflib.URIRef(p)))), "")
        yield Result(
            focus=_short(focus),
            path=_short(path, shapes),
            message=messages[0] if messages else _short(report_graph.value(r, SH.sourceConstraintComponent)),
            value=_short(report_graph.value(r, SH.value)),
            severity=_SEVERITY.get(report_graph.value(r, SH.resultSeverity), "Violation"),
            label=label.replace("\n", " "),
        )


def _run(data: rdflib.Graph, shapes: rdflib.Graph, **options) -> rdflib.Graph:
    import pyshacl  # noqa: PLC0415 - 0.2 s to import; only when validating

    _, report_graph, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True, inplace=True, **options
    )
    return report_graph


def _focus_chunks(store: pyoxigraph.Store, by_class: dict[str, set], chunk_size: int) -> Iterator[tuple[list, list]]:
    """Stream (shapes, nodes) chunks: every instance of a target class once, grouped with the nodes that the same
    shapes target. Memory holds one partial chunk per group, never the list of all focus nodes."""
    buffers: dict[tuple, list] = defaultdict(list)
    for cls in sorted(by_class):
        for quad in store.quads_for_pattern(None, _TYPE, pyoxigraph.NamedNode(cls), pyoxigraph.DefaultGraph()):
            node = quad.subject
            classes = sorted(
                {t.object.value for t in store.quads_for_pattern(node, _TYPE, None, pyoxigraph.DefaultGraph())}
                & by_class.keys()
            )
            if classes[0] != cls:  # a node of several target classes is taken with the first of them
                continue
            key = tuple(sorted({s for c in classes for s in by_class[c]}, key=str))
            buffers[key].append(node)
            if len(buffers[key]) >= chunk_size:
                yield list(key), buffers.pop(key)
    for key in sorted(buffers, key=lambda k: [str(s) for s in k]):
        yield list(key), buffers[key]


# What a SELECT may be built of for its answers over a part of a graph to be answers over the whole (monotone): basic
# graph patterns, joins and filters, projected; a filter's expressions, but for those that look at the graph again or
# answer differently each time (an allow-list over rdflib's algebra, REVIEW31 B5: a deny-list of words misses RAND)
_MONOTONE_OPERATORS = frozenset({"SelectQuery", "Project", "Distinct", "Reduced", "Filter", "BGP", "Join"})
_PURE_EXPRESSIONS = frozenset(
    {
        "RelationalExpression",
        "AdditiveExpression",
        "MultiplicativeExpression",
        "ConditionalAndExpression",
        "ConditionalOrExpression",
        "UnaryNot",
        "UnaryMinus",
        "UnaryPlus",
    }
)
_IMPURE_BUILTINS = frozenset(
    {
        "Builtin_EXISTS",
        "Builtin_NOTEXISTS",
        "Builtin_RAND",
        "Builtin_NOW",
        "Builtin_UUID",
        "Builtin_STRUUID",
        "Builtin_BNODE",
    }
)


def _monotone(query: str) -> bool:
    """Whether a SPARQL SELECT is built only of what :data:`_MONOTONE_OPERATORS` and a pure filter allow; False for
    anything else, or a query rdflib cannot read."""
    from rdflib.plugins.sparql import prepareQuery  # noqa: PLC0415 - only when a shape targets by SPARQL
    from rdflib.plugins.sparql.parserutils import CompValue  # noqa: PLC0415

    try:
        algebra = prepareQuery(query).algebra
    except Exception:  # noqa: BLE001 - unreadable here: validated chunk by chunk, as before
        return False
    names: set[str] = set()
    stack: list = [algebra]
    while stack:
        value = stack.pop()
        if isinstance(value, CompValue):
            names.add(value.name)
            stack.extend(value.values())
        elif isinstance(value, (list, tuple)):
            stack.extend(value)
    builtins = {n for n in names if n.startswith("Builtin_")}
    return not builtins & _IMPURE_BUILTINS and names - builtins <= _MONOTONE_OPERATORS | _PURE_EXPRESSIONS


def _nothing_selected(store: pyoxigraph.Store, shapes: rdflib.Graph, other: list[rdflib.term.Node]) -> bool:
    """Whether every shape of ``other`` targets only by SPARQL ``sh:select`` queries of basic graph patterns and
    filters, none of which selects a node of the whole store (asked of pyoxigraph): then no chunk graph (a part of
    the store) has a node they target, and pyshacl need not run them. Why: pyshacl evaluates the mention-span
    target with rdflib's SPARQL engine once per chunk, half the time of a validated sample (0.6 s of 1.2 s for a
    rebuild's three reports); a graph where it selects something is validated as before, chunk by chunk."""
    for shape in other:
        if any((shape, p, None) in shapes for p in (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)):
            return False
        for target in shapes.objects(shape, SH.target):
            query = shapes.value(target, SH.select)
            if (target, RDF_NS.type, SH.SPARQLTarget) not in shapes or query is None:
                return False
            declared = shapes.objects(shapes.value(target, SH.prefixes), SH.declare)
            head = "".join(
                f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n" for d in declared
            )
            if not _monotone(head + str(query)):
                return False
            try:
                if any(True for _ in store.query(head + str(query))):
                    return False
            except Exception:  # noqa: BLE001 - any failure: validated chunk by chunk, as before
                return False
    return True


def validate_store(store: pyoxigraph.Store, chunk_size: int = CHUNK_SIZE) -> ValidationReport:
    """Validate a loaded graph (its default graph) against the shapes, chunk by chunk; results sorted, so the
    report does not depend on the store's iteration order.

    >>> validate_store(load_store(Path("output/graph.ttl"))).conforms  # doctest: +SKIP
    True
    """
    shapes = load_shapes()
    by_class, other = _targets(shapes)
    report = ValidationReport()
    results: set[Result] = set()
    if other and _nothing_selected(store, shapes, other):
        other = []
    for chunk_shapes, chunk in _focus_chunks(store, by_class, chunk_size):
        data = _chunk_graph(store, chunk)
        report.chunks += 1
        report.focus_nodes += len(chunk)
        found = _run(data, shapes, use_shapes=chunk_shapes, focus_nodes=[to_rdflib(n) for n in chunk])
        results.update(_results(found, shapes, data))
        if other:
            results.update(_results(_run(data, shapes, use_shapes=other), shapes, data))
    report.results = sorted(results, key=lambda r: (r.severity != "Violation", r.focus, r.path, r.message, r.value))
    return report


def validate_file(path: Path, chunk_size: int = CHUNK_SIZE) -> ValidationReport:
    """Validate a Turtle graph file; raises :class:`~kg.rdf.store.GraphError` (one line) for a missing or unreadable
    file."""
    return validate_store(load_store(Path(path)), chunk_size)
