"""Exports of a graph for other tools: RDF (Turtle, N-Triples, JSON-LD) for triple stores and linked-data users,
and a network view (GraphML, GEXF, CSV nodes/edges) for Gephi, Cytoscape, spreadsheets and pandas.

The graph is a Turtle file (read term for term: ``pyoxigraph.parse`` keeps every lexical form as written, where a
``pyoxigraph.Store`` would rewrite ``"1.0"^^xsd:decimal`` to ``"1"`` and ``xsd:byte`` to ``xsd:integer``), a
``pyoxigraph.Store`` or any iterable of triples. Blank nodes are relabelled canonically (RDFC-1.0; its cost can grow
exponentially on pathological, highly symmetric blank-node graphs), so the same graph gives the same labels.

Every export is deterministic (same graph → same bytes: subjects, predicates, values, nodes and edges are
sorted; GEXF's write date is dropped) and written atomically (:mod:`kg.fsutil`).

* ``turtle``: the canonical Turtle of :mod:`kg.rdf.turtle`, in the order ``kg build`` writes (so for a built graph,
  byte-identical to it).
* ``ntriples``: one triple per line, lines sorted — easy to diff, ``sort -m``, ``grep`` and stream.
* ``jsonld``: compacted JSON-LD with the context of ``ontology/context.jsonld`` embedded (self-contained: nothing
  to fetch), one node object per line of ``@graph``, sorted by ``id``. rdflib compacts the nodes in chunks of
  subjects (a subject's triples are always in one chunk), so its memory stays bounded by the chunk. A number or
  boolean is written as a JSON number or boolean only when that reads back to the same lexical form (``"01"``
  stays a string). RDF 1.2 triple terms and directional literals cannot be written (rdflib has none).
* ``graphml`` / ``gexf``: a directed multigraph — one node per resource, one edge per triple whose object is a
  resource (attribute ``predicate``, e.g. ``kg:cites``; edge ids ``e0``, ``e1`` … in sorted order). Node attributes:
  ``label`` (rdfs:label, else skos:prefLabel, else kg:text, else the short IRI), ``type`` (the most specific kg:
  class), ``types`` (every class), ``iri`` (``_:label`` for a blank node), and every literal property under its
  prefixed name (``kg:year``, ``kg:value`` …; several values joined by `` | ``). ``kg:Mention`` nodes (provenance,
  one per fact) are left out unless ``mentions=True``. A node's id is its short IRI (``kgr:report-…``; ``_:label``
  for a blank node) and an attribute's name its prefixed name; GraphML wants XML name tokens there, so in GraphML
  each character a name cannot hold becomes ``_`` (and a clash gets ``-2``, ``-3`` …). Characters XML 1.0 cannot
  hold at all — the C0 controls other than tab, LF and CR (NUL, ESC …), U+FFFE and U+FFFF — are dropped from the
  values of both.
* ``csv``: the same network as two files in the output *folder*: ``nodes.csv`` (id, label, type, types, iri,
  then one column per literal property) and ``edges.csv`` (source, target, predicate). A cell that a spreadsheet
  would run as a formula — starting with ``=``, ``+``, ``-``, ``@``, tab or CR, and not a plain number such as
  ``-5`` — gets a leading ``'`` (OWASP's advice against CSV injection; strip it when reading with pandas); a cell
  holding a comma, quote, CR or LF is quoted.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO

import networkx as nx
import pyoxigraph

from kg.errors import GraphError, KgError
from kg.fsutil import atomic_write, atomic_write_bytes
from kg.rdf.namespaces import KG, PREFIXES, RDF, RDFS, SKOS
from kg.rdf.turtle import TurtleWriter, subject_key
from kg.resources import ontology_path

FORMATS = ("turtle", "ntriples", "jsonld", "graphml", "gexf", "csv")
NETWORK_FORMATS = ("graphml", "gexf", "csv")
JSONLD_CHUNK = 2000  # subjects per rdflib compaction

_TYPE = RDF + "type"
_LABELS = (RDFS + "label", SKOS + "prefLabel", KG + "text")
_MENTION = KG + "Mention"
_MAY_HOLD_BLANK = (pyoxigraph.BlankNode, pyoxigraph.Triple)

Source = pyoxigraph.Store | str | os.PathLike | Iterable[pyoxigraph.Triple]


class ExportError(KgError):
    """An export that cannot be written; the message names the file and the problem."""


@dataclass
class ExportResult:
    paths: list[Path] = field(default_factory=list)
    triples: int = 0
    nodes: int = 0
    edges: int = 0


class _Triples(list):
    """Triples already read, blank nodes relabelled: what every writer below works on."""


def read_triples(path: str | os.PathLike) -> list[pyoxigraph.Triple]:
    """The triples of a Turtle file term for term (lexical forms, datatypes as written)."""
    path = Path(path)
    if not path.is_file():
        raise GraphError(f"{path}: no such graph file")
    try:
        return [quad.triple for quad in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)]
    except (SyntaxError, ValueError, OSError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise GraphError(f"{path}: not a readable Turtle graph ({first})") from None


def _triples(source: Source) -> _Triples:
    if isinstance(source, _Triples):
        return source
    if isinstance(source, pyoxigraph.Store):
        triples = [q.triple for q in source.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())]
    elif isinstance(source, (str, os.PathLike)):
        triples = read_triples(source)
    else:
        triples = list(source)
    if any(type(t.subject) is not pyoxigraph.NamedNode or type(t.object) in _MAY_HOLD_BLANK for t in triples):
        dataset = pyoxigraph.Dataset(pyoxigraph.Quad(*t, pyoxigraph.DefaultGraph()) for t in triples)
        dataset.canonicalize(pyoxigraph.CanonicalizationAlgorithm.RDFC_1_0)
        triples = [quad.triple for quad in dataset]
    return _Triples(triples)


def short(iri: str) -> str:
    """Prefixed name of an IRI when one of our prefixes covers it (``kgr:report-…``), else the IRI itself."""
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


# --------------------------------------------------------------------------------------------- RDF formats


def write_turtle(source: Source, out: IO[str]) -> int:
    return TurtleWriter().write_graph(_triples(source), out)


def ntriples_bytes(source: Source) -> tuple[bytes, int]:
    """Sorted N-Triples (pyoxigraph's canonical N-Triples lines, sorted bytewise = by code point)."""
    data = pyoxigraph.serialize(_triples(source), format=pyoxigraph.RdfFormat.N_TRIPLES)
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


def _jsonld_nodes(source: Source, chunk: int = JSONLD_CHUNK) -> Iterator[dict]:
    import rdflib  # noqa: PLC0415 - ~0.3 s to import: only for JSON-LD

    from kg.rdf.rdflib_terms import jsonld_nodes, to_rdflib  # noqa: PLC0415

    by_subject: dict[tuple[bool, str], list[pyoxigraph.Triple]] = defaultdict(list)
    for t in _triples(source):
        by_subject[(type(t.subject) is pyoxigraph.BlankNode, t.subject.value)].append(t)
    subjects = sorted(by_subject)
    for i in range(0, len(subjects), chunk):
        g = rdflib.Graph()
        for key in subjects[i : i + chunk]:
            for t in by_subject[key]:
                g.add(tuple(to_rdflib(term, lexical=True) for term in t))
        nodes = jsonld_nodes(g, jsonld_context())
        yield from sorted((_canonical(n) for n in nodes), key=lambda n: str(n.get("id", n.get("@id", ""))))


def write_jsonld(source: Source, out: IO[str]) -> int:
    """Compacted JSON-LD, context embedded, one node per line; returns the number of node objects."""
    out.write('{\n"@context": ' + json.dumps(jsonld_context(), ensure_ascii=False, sort_keys=True) + ',\n"@graph": [')
    count = 0
    for node in _jsonld_nodes(source):
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


# XML 1.0 (fifth edition) NameChar: what an NMTOKEN (GraphML ids, attribute names) may hold.
_NAME_START = ":A-Z_a-z\xc0-\xd6\xd8-\xf6\xf8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d\u2070-\u218f\u2c00-\u2fef"
_NAME_START += "\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
_NOT_NAME_CHAR = re.compile(f"[^{_NAME_START}\\-.0-9\xb7\u0300-\u036f\u203f\u2040]")
_NOT_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_names(wanted: dict[str, str]) -> dict[str, str]:
    """key → a distinct XML name token for each wanted name: the name itself when it is one and no other key wants
    it, else the name with every character a name cannot hold made ``_`` and, on a clash, ``-2``, ``-3`` … added
    (keys in sorted order, so the same keys give the same names)."""
    counts = Counter(wanted.values())
    out = {k: name for k, name in wanted.items() if counts[name] == 1 and name and not _NOT_NAME_CHAR.search(name)}
    taken = set(out.values())
    for key in sorted(wanted.keys() - out.keys()):
        base = _NOT_NAME_CHAR.sub("_", wanted[key]) or "_"
        name, n = base, 2
        while name in taken:
            name, n = f"{base}-{n}", n + 1
        out[key] = name
        taken.add(name)
    return out


def _collect(triples: Iterable[pyoxigraph.Triple]):
    """(types, literal properties, resource-valued links, resources) of the triples, resources by subject key."""
    types: dict[str, set[str]] = defaultdict(set)
    literals: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    links: set[tuple[str, str, str]] = set()
    resources: set[str] = set()
    for t in triples:
        s, p, o = subject_key(t.subject), t.predicate.value, t.object
        resources.add(s)
        if isinstance(o, pyoxigraph.Literal):
            (types[s].add if p == _TYPE else literals[s][p].add)(o.value)
        elif p == _TYPE:
            types[s].add(subject_key(o))
        else:
            links.add((s, p, subject_key(o)))
            resources.add(subject_key(o))
    return types, literals, links, resources


def to_networkx(source: Source, mentions: bool = False) -> nx.MultiDiGraph:
    """The resources as nodes and resource-valued triples as edges (see the module docstring); nodes and edges
    are inserted in sorted order, so writers that keep insertion order are deterministic.

    >>> to_networkx(Path("output/graph.ttl")).nodes["kgr:area-640000"]["label"]  # doctest: +SKIP
    '宁夏回族自治区'
    """
    types, literals, links, resources = _collect(_triples(source))
    dropped = set() if mentions else {r for r in resources if _MENTION in types.get(r, ())}
    g = nx.MultiDiGraph()
    for key in sorted(resources - dropped):
        props = literals.get(key, {})
        label = next((sorted(props[p])[0] for p in _LABELS if props.get(p)), short(key))
        attrs = {
            "label": label.replace("\n", " "),
            "type": _main_type(types.get(key, ())),
            "types": " ".join(sorted(short(t) for t in types.get(key, ()))),
            "iri": key,
        }
        for p in sorted(props):
            if p != RDFS + "label":
                attrs[short(p)] = " | ".join(sorted(props[p]))
        g.add_node(short(key), **attrs)
    edges = [(s, p, o) for s, p, o in sorted(links) if s not in dropped and o not in dropped]
    for i, (s, p, o) in enumerate(edges):
        name = short(p)
        g.add_edge(short(s), short(o), key=f"e{i}", predicate=name, label=name.split(":", 1)[-1])
    return g


def _xml_safe(g: nx.MultiDiGraph, names: bool) -> nx.MultiDiGraph:
    """A copy of the network without the characters XML 1.0 cannot hold, and with ``names``, node ids and attribute
    names made XML name tokens (see the module docstring)."""
    ids = xml_names({n: n for n in g}) if names else {n: n for n in g}
    keys = {k for _, d in g.nodes(data=True) for k in d}
    key_names = xml_names({k: k for k in keys}) if names else {k: k for k in keys}

    def clean(data: dict) -> dict:
        return {key_names.get(k, k): _NOT_XML_CHAR.sub("", v) if isinstance(v, str) else v for k, v in data.items()}

    h = nx.MultiDiGraph()
    h.add_nodes_from((ids[n], clean(d)) for n, d in g.nodes(data=True))
    h.add_edges_from((ids[s], ids[o], k, clean(d)) for s, o, k, d in g.edges(keys=True, data=True))
    return h


def graphml_bytes(g: nx.MultiDiGraph) -> bytes:
    """GraphML in UTF-8 (networkx's pure-Python writer, the same whether lxml is installed or not)."""
    import io  # noqa: PLC0415

    buf = io.BytesIO()
    nx.write_graphml_xml(_xml_safe(g, names=True), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def gexf_bytes(g: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 in UTF-8, without networkx's write date (it would make the bytes differ from day to day) and the
    graph ``name`` attribute that the GEXF 1.2 schema does not allow."""
    import io  # noqa: PLC0415

    from networkx.readwrite.gexf import GEXFWriter  # noqa: PLC0415

    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    meta = writer.xml.find("meta")
    meta.attrib.pop("lastmodifieddate", None)
    meta.find("creator").text = "fazhi-kg"
    writer.add_graph(_xml_safe(g, names=False))
    for graph in writer.xml.iter("graph"):
        graph.attrib.pop("name", None)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")


def csv_cell(value: str) -> str:
    """One CSV cell: a would-be formula gets a leading ``'``, a cell with ``,`` ``"`` CR or LF is quoted."""
    if value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        value = "'" + value
    if any(c in value for c in ',"\r\n'):
        value = '"' + value.replace('"', '""') + '"'
    return value


def _csv_text(rows: Iterable[list[str]]) -> str:
    return "".join(",".join(csv_cell(str(v)) for v in row) + "\n" for row in rows)


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


def export(source: Source, fmt: str, out: Path, mentions: bool = False) -> ExportResult:
    """Write the graph (a Turtle file, read term for term; a store; triples) in ``fmt`` to ``out`` (for ``csv``:
    the folder that receives nodes.csv and edges.csv). A graph file that cannot be read is a
    :class:`~kg.errors.GraphError`, an output that cannot be written an :class:`ExportError`."""
    out = Path(out)
    result = ExportResult()
    triples = _triples(source) if fmt in FORMATS else _Triples()
    try:
        if fmt == "turtle":
            atomic_write(out, lambda f: setattr(result, "triples", write_turtle(triples, f)))
        elif fmt == "ntriples":
            data, result.triples = ntriples_bytes(triples)
            atomic_write_bytes(out, data)
        elif fmt == "jsonld":
            try:
                atomic_write(out, lambda f: setattr(result, "nodes", write_jsonld(triples, f)))
            except ValueError as exc:
                raise ExportError(f"{out}: cannot write JSON-LD ({exc})") from None
            result.triples = len(triples)
        elif fmt in NETWORK_FORMATS:
            g = to_networkx(triples, mentions)
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
