"""Exports of a built graph for other tools: RDF (Turtle, N-Triples, JSON-LD) for triple stores and linked-data
users, and a network view (GraphML, GEXF, CSV nodes/edges) for Gephi, Cytoscape, spreadsheets and pandas.

Every export is deterministic (same graph → same bytes: subjects, predicates, values, nodes and edges are
sorted; GEXF's write date is dropped) and written atomically (:mod:`kg.fsutil`).

* ``turtle``: the canonical Turtle of :mod:`kg.rdf.turtle`, in the order ``kg build`` writes (so for a built graph,
  byte-identical to it).
* ``ntriples``: one triple per line, lines sorted — easy to diff, ``sort -m``, ``grep`` and stream.
* ``jsonld``: compacted JSON-LD with the context of ``ontology/context.jsonld`` embedded (self-contained: nothing
  to fetch), one node object per line of ``@graph``, sorted by ``id``. rdflib compacts the nodes in chunks of
  subjects (a subject's triples are always in one chunk), so its memory stays bounded by the chunk.
* ``graphml`` / ``gexf``: a directed multigraph — one node per resource, one edge per triple whose object is a
  resource (attribute ``predicate``, e.g. ``kg:cites``). Node attributes: ``label`` (rdfs:label, else
  skos:prefLabel, else kg:text, else the short IRI), ``type`` (the most specific kg: class), ``types`` (every
  class), ``iri``, and every literal property under its prefixed name (``kg:year``, ``kg:value`` …; several values
  joined by `` | ``). ``kg:Mention`` nodes (provenance, one per fact) are left out unless ``mentions=True``.
* ``csv``: the same network as two files in the output *folder*: ``nodes.csv`` (id, label, type, types, iri,
  then one column per literal property) and ``edges.csv`` (source, target, predicate).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO

import networkx as nx
import pyoxigraph

from kg.fsutil import atomic_write, atomic_write_bytes
from kg.rdf.namespaces import KG, PREFIXES, RDF, RDFS, SKOS
from kg.rdf.turtle import TurtleWriter
from kg.resources import ontology_path

FORMATS = ("turtle", "ntriples", "jsonld", "graphml", "gexf", "csv")
NETWORK_FORMATS = ("graphml", "gexf", "csv")
JSONLD_CHUNK = 2000  # subjects per rdflib compaction

_TYPE = RDF + "type"
_LABELS = (RDFS + "label", SKOS + "prefLabel", KG + "text")
_MENTION = KG + "Mention"


class ExportError(Exception):
    """An export that cannot be written; the message names the file and the problem."""


@dataclass
class ExportResult:
    paths: list[Path] = field(default_factory=list)
    triples: int = 0
    nodes: int = 0
    edges: int = 0


def _default_triples(store: pyoxigraph.Store) -> Iterator[pyoxigraph.Triple]:
    for quad in store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph()):
        yield quad.triple


def short(iri: str) -> str:
    """Prefixed name of an IRI when one of our prefixes covers it (``kgr:report-…``), else the IRI itself."""
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


# --------------------------------------------------------------------------------------------- RDF formats


def write_turtle(store: pyoxigraph.Store, out: IO[str]) -> int:
    return TurtleWriter().write_graph(_default_triples(store), out)


def ntriples_bytes(store: pyoxigraph.Store) -> tuple[bytes, int]:
    """Sorted N-Triples (pyoxigraph's canonical N-Triples lines, sorted bytewise = by code point)."""
    data = pyoxigraph.serialize(_default_triples(store), format=pyoxigraph.RdfFormat.N_TRIPLES)
    lines = sorted(set(data.splitlines()))
    return b"".join(line + b"\n" for line in lines), len(lines)


@lru_cache(maxsize=1)
def jsonld_context() -> dict:
    """The JSON-LD context shipped as ``ontology/context.jsonld`` (its ``@context`` object)."""
    return json.loads(ontology_path("context.jsonld").read_text(encoding="utf-8"))["@context"]


def _canonical(value):
    """A JSON value with every array sorted (our context declares no @list: arrays are sets)."""
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def _jsonld_nodes(store: pyoxigraph.Store, chunk: int = JSONLD_CHUNK) -> Iterator[dict]:
    import rdflib  # noqa: PLC0415 - ~0.3 s to import: only for JSON-LD

    from kg.rdf.rdflib_terms import to_rdflib  # noqa: PLC0415

    context = jsonld_context()
    subjects = sorted(
        {q.subject for q in store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())},
        key=lambda t: (isinstance(t, pyoxigraph.BlankNode), t.value),
    )
    for i in range(0, len(subjects), chunk):
        g = rdflib.Graph()
        for s in subjects[i : i + chunk]:
            for quad in store.quads_for_pattern(s, None, None, pyoxigraph.DefaultGraph()):
                g.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
        doc = json.loads(g.serialize(format="json-ld", context=context, auto_compact=True))
        doc.pop("@context", None)
        nodes = doc.get("@graph", [doc] if doc else [])
        yield from sorted((_canonical(n) for n in nodes), key=lambda n: str(n.get("id", n.get("@id", ""))))


def write_jsonld(store: pyoxigraph.Store, out: IO[str]) -> int:
    """Compacted JSON-LD, context embedded, one node per line; returns the number of node objects."""
    out.write('{\n"@context": ' + json.dumps(jsonld_context(), ensure_ascii=False, sort_keys=True) + ',\n"@graph": [')
    count = 0
    for node in _jsonld_nodes(store):
        out.write(("\n" if count == 0 else ",\n") + json.dumps(node, ensure_ascii=False, sort_keys=True))
        count += 1
    out.write("\n]\n}\n")
    return count


# --------------------------------------------------------------------------------------------- network formats


@lru_cache(maxsize=1)
def _superclasses() -> dict[str, set[str]]:
    """Every kg: class's super-classes (transitively), from ``ontology/kg.ttl``."""
    store = pyoxigraph.Store()
    store.load(path=str(ontology_path("kg.ttl")), format=pyoxigraph.RdfFormat.TURTLE)
    rows = store.query(f"SELECT ?c ?super WHERE {{ ?c <{RDFS}subClassOf>+ ?super FILTER(isIRI(?super)) }}")
    supers: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        supers[row["c"].value].add(row["super"].value)
    return supers


def _main_type(types: Iterable[str]) -> str:
    """The most specific kg: class among a node's types (kg:Government over kg:Organisation), as a local name."""
    ours = sorted(t for t in types if t.startswith(KG))
    if not ours:
        return ""
    supers = _superclasses()
    specific = [t for t in ours if not any(t in supers.get(other, ()) for other in ours if other != t)]
    return (specific or ours)[0][len(KG) :]


def to_networkx(store: pyoxigraph.Store, mentions: bool = False) -> nx.MultiDiGraph:
    """The resources as nodes and resource-valued triples as edges (see the module docstring); nodes and edges
    are inserted in sorted order, so writers that keep insertion order are deterministic.

    >>> to_networkx(load_store(Path("output/graph.ttl"))).nodes["kgr:area-640000"]["label"]  # doctest: +SKIP
    '宁夏回族自治区'
    """
    types: dict[str, set[str]] = defaultdict(set)
    literals: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    links: set[tuple[str, str, str]] = set()
    resources: set[str] = set()
    for t in _default_triples(store):
        s, p, o = t.subject, t.predicate.value, t.object
        resources.add(s.value)
        if p == _TYPE:
            types[s.value].add(o.value)
        elif isinstance(o, pyoxigraph.Literal):
            literals[s.value][p].add(o.value)
        else:
            links.add((s.value, p, o.value))
            resources.add(o.value)
    dropped = set() if mentions else {r for r in resources if _MENTION in types.get(r, ())}
    g = nx.MultiDiGraph()
    for iri in sorted(resources - dropped):
        props = literals.get(iri, {})
        label = next((sorted(props[p])[0] for p in _LABELS if props.get(p)), short(iri))
        attrs = {
            "label": label.replace("\n", " "),
            "type": _main_type(types.get(iri, ())),
            "types": " ".join(sorted(short(t) for t in types.get(iri, ()))),
            "iri": iri,
        }
        for p in sorted(props):
            if p != RDFS + "label":
                attrs[short(p)] = " | ".join(sorted(props[p]))
        g.add_node(short(iri), **attrs)
    for s, p, o in sorted(links):
        if s in dropped or o in dropped:
            continue
        name = short(p)
        g.add_edge(short(s), short(o), key=name, predicate=name, label=name.split(":", 1)[-1])
    return g


def graphml_bytes(g: nx.MultiDiGraph) -> bytes:
    """GraphML in UTF-8 (networkx's pure-Python writer, the same whether lxml is installed or not)."""
    import io  # noqa: PLC0415

    buf = io.BytesIO()
    nx.write_graphml_xml(g, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def gexf_bytes(g: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 in UTF-8, without networkx's write date (it would make the bytes differ from day to day)."""
    import io  # noqa: PLC0415

    from networkx.readwrite.gexf import GEXFWriter  # noqa: PLC0415

    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    meta = writer.xml.find("meta")
    meta.attrib.pop("lastmodifieddate", None)
    meta.find("creator").text = "fazhi-kg"
    writer.add_graph(g)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _csv_text(rows: Iterable[list[str]]) -> str:
    import io  # noqa: PLC0415

    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def network_csv(g: nx.MultiDiGraph) -> tuple[str, str]:
    """(nodes.csv, edges.csv) texts of the network."""
    fixed = ["label", "type", "types", "iri"]
    extra = sorted({k for _, data in g.nodes(data=True) for k in data} - set(fixed))
    nodes = [["id", *fixed, *extra]]
    nodes += [[n, *(data.get(k, "") for k in fixed + extra)] for n, data in g.nodes(data=True)]
    edges = [["source", "target", "predicate"]]
    edges += [[s, o, data["predicate"]] for s, o, data in g.edges(data=True)]
    return _csv_text(nodes), _csv_text(edges)


# --------------------------------------------------------------------------------------------- entry point


def export(store: pyoxigraph.Store, fmt: str, out: Path, mentions: bool = False) -> ExportResult:
    """Write the graph in ``fmt`` to ``out`` (for ``csv``: the folder that receives nodes.csv and edges.csv)."""
    out = Path(out)
    result = ExportResult()
    try:
        if fmt == "turtle":
            atomic_write(out, lambda f: setattr(result, "triples", write_turtle(store, f)))
        elif fmt == "ntriples":
            data, result.triples = ntriples_bytes(store)
            atomic_write_bytes(out, data)
        elif fmt == "jsonld":
            atomic_write(out, lambda f: setattr(result, "nodes", write_jsonld(store, f)))
            result.triples = len(store)
        elif fmt in NETWORK_FORMATS:
            g = to_networkx(store, mentions)
            result.nodes, result.edges = g.number_of_nodes(), g.number_of_edges()
            if fmt == "csv":
                if out.exists() and not out.is_dir():
                    raise ExportError(f"{out}: csv export writes a folder (nodes.csv, edges.csv), not a file")
                nodes, edges = network_csv(g)
                atomic_write(out / "nodes.csv", lambda f: f.write(nodes))
                atomic_write(out / "edges.csv", lambda f: f.write(edges))
                result.paths = [out / "nodes.csv", out / "edges.csv"]
                return result
            atomic_write_bytes(out, graphml_bytes(g) if fmt == "graphml" else gexf_bytes(g))
        else:
            raise ExportError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    except OSError as exc:
        raise ExportError(f"{exc.filename or out}: cannot write ({exc.strerror or exc})") from None
    result.paths = [out]
    return result
