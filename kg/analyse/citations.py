"""The bipartite graphs every analysis runs on: district–regulation (:func:`citation_graph`) and district–measure
or district–organisation (:func:`mention_graph`), built from the rows of :mod:`kg.analyse.rows`.

One node per district and one per item; an edge when a district's reports refer to the item, ``weight`` = number
of reports referring. Graphs are built in sorted order (:func:`sorted_graph`), because seeded algorithms (Louvain,
sampled betweenness, spring layout) iterate in insertion order: that is what makes their results reproducible.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import groupby

import networkx as nx
import pyoxigraph

from kg.analyse.names import Named, resolve_name
from kg.analyse.rows import Citation, ReportRow, citations, regulation_details, select_reports, smallest
from kg.rdf.store import select

#: The values of the ``type`` node attribute.
DISTRICT, REGULATION, MEASURE, ORGANISATION = "district", "regulation", "measure", "organisation"

_MENTIONED = {
    MEASURE: "?x a kg:Measure .",
    ORGANISATION: "?x a kg:Organisation . FILTER NOT EXISTS { ?x a kg:Government }",
}


def sorted_graph(nodes: dict[str, dict], edges: dict[tuple[str, str], dict], **graph_attrs) -> nx.Graph:
    """A graph whose node and edge insertion order is sorted: seeded algorithms (Louvain, sampled betweenness,
    spring layout) iterate in insertion order, so this is what makes their results reproducible."""
    g = nx.Graph(**graph_attrs)
    g.add_nodes_from((n, nodes[n]) for n in sorted(nodes))
    g.add_edges_from((u, v, edges[u, v]) for u, v in sorted(edges))
    return g


def nodes_of_kind(g: nx.Graph, kind: str) -> list[str]:
    """The nodes of ``g`` whose ``type`` is ``kind``, in the graph's order."""
    return [n for n, t in g.nodes(data="type") if t == kind]


def find_node(g: nx.Graph, name: str, kind: str | None = None) -> str:
    """The node (of ``kind`` if given) a user means by ``name``: its IRI, its label, or a short form of it
    (盐池县 for 吴忠市盐池县), as :func:`kg.analyse.names.resolve_name` matches names. Raises
    :class:`~kg.analyse.names.NameNotFound` (a KeyError with a one-line message) when no node fits, listing close
    names, and :class:`~kg.analyse.names.AmbiguousName` listing the candidates when several do.

    >>> from kg.analyse import example_graph
    >>> find_node(example_graph(), "丙县", "district"), find_node(example_graph(), "甲", "district")
    ('d:丙县', 'd:甲区')
    """
    if name in g and (kind is None or g.nodes[name].get("type") == kind):
        return name
    candidates = [
        Named(n, a.get("label") or n, ids=(n,)) for n, a in g.nodes(data=True) if kind is None or a["type"] == kind
    ]
    return resolve_name(name, candidates, kind or "node")


def _district_nodes(reports: Iterable[ReportRow]) -> dict[str, dict]:
    nodes: dict[str, dict] = {}
    for r in reports:
        d = nodes.setdefault(
            r.district,
            {
                "type": DISTRICT,
                "bipartite": 0,
                "label": r.district_label,
                "province": r.province_label,
                "years": set(),
                "reports": 0,
            },
        )
        d["reports"] += 1
        if r.year:
            d["years"].add(r.year)
    for d in nodes.values():
        d["years"] = sorted(d["years"])
    return nodes


def _regulation_node(label: str, info: dict[str, str]) -> dict:
    return {
        "type": REGULATION,
        "bipartite": 1,
        "label": label,
        "kind": info.get("kind", "other"),
        "level": info.get("level", "unknown"),
    }


def _add_nodes(nodes: dict[str, dict], c: Citation, details: dict[str, dict[str, str]]) -> None:
    """Add the district and the regulation of ``c`` to the nodes being built (a district no report row gave is
    made from the citation, its years from its citations)."""
    d = nodes.get(c.district)
    if d is None:
        d = nodes[c.district] = {
            "type": DISTRICT,
            "bipartite": 0,
            "label": c.district_label,
            "province": c.province_label,
            "years": [],
            "reports": 0,
        }
    if c.year and c.year not in d["years"]:
        d["years"] = sorted([*d["years"], c.year])
    if c.regulation not in nodes:
        nodes[c.regulation] = _regulation_node(c.regulation_label, details.get(c.regulation, {}))


def _add_citation(
    nodes: dict[str, dict], edges: dict[tuple[str, str], dict], c: Citation, details: dict[str, dict[str, str]]
) -> None:
    """Count one citation into the nodes and edges being built (a report counts once per pair in ``weight``,
    even when it both cites and issues the regulation; ``_reports`` remembers which did)."""
    _add_nodes(nodes, c, details)
    key = (min(c.district, c.regulation), max(c.district, c.regulation))
    e = edges.get(key)
    if e is None:
        e = edges[key] = {"weight": 0, "cites": 0, "issues": 0, "years": set(), "_reports": set()}
    if c.report not in e["_reports"]:
        e["_reports"].add(c.report)
        e["weight"] += 1
    e[c.role] += 1
    if c.year:
        e["years"].add(c.year)


def ordered_runs(
    cites: Iterable[Citation], nodes: dict[str, dict], seen_reports: set[str], details: dict[str, dict[str, str]]
) -> Iterator[tuple[str, str, int, int, int, tuple[str, ...]]]:
    """Each district–regulation pair of ``cites`` (in :func:`~kg.analyse.rows.citations`' order) once, from its
    run of citations: (district, regulation, reports referring, citing, issuing, sorted years); the nodes and
    reports met are added to ``nodes`` and ``seen_reports``. A report is counted when it differs from the
    previous citation's, so no set of reports per pair is made."""
    for (district, regulation), run in groupby(cites, key=lambda c: (c.district, c.regulation)):
        counts = {"weight": 0, "cites": 0, "issues": 0}
        years, last = set(), None
        for c in run:
            _add_nodes(nodes, c, details)
            seen_reports.add(c.report)
            counts["weight"] += c.report != last
            counts[c.role] += 1
            if c.year:
                years.add(c.year)
            last = c.report
        yield district, regulation, counts["weight"], counts["cites"], counts["issues"], tuple(sorted(years))


def add_regulations(nodes: dict[str, dict], details: dict[str, dict[str, str]], regulations: Iterable[str]) -> None:
    """Add the ``regulations`` not among ``nodes`` yet (the HTML view draws a regulation whose citing districts
    are not drawn), with their label, kind and level from ``details``."""
    for reg in regulations:
        info = details.get(reg, {})
        nodes.setdefault(reg, _regulation_node(info.get("label", reg), info))


def graph_from_citations(
    cites: Iterable[Citation],
    reports: Iterable[ReportRow] = (),
    details: dict[str, dict[str, str]] | None = None,
    regulations: Iterable[str] = (),
) -> nx.Graph:
    """The bipartite district–regulation graph of ``cites``; ``reports`` adds the districts whose reports cite
    nothing (they count in shares); ``details`` gives regulations their kind and level; ``regulations`` adds
    regulations none of ``cites`` refers to (the HTML view draws a regulation whose citing districts are not
    drawn).

    Node attributes: ``type`` (district | regulation), ``bipartite`` (0 | 1), ``label``; districts also
    ``province`` (label), ``years``, ``reports``; regulations ``kind`` and ``level``. Edge attributes: ``weight``
    (reports referring), ``cites``, ``issues`` (reports in each role), ``years``. Graph attributes:
    ``districts`` (number of districts), ``reports`` (number of reports).

    >>> from kg.analyse import Citation, ReportRow
    >>> g = graph_from_citations([Citation("rep:1", "d:甲区", "甲区", "r:纲要", "纲要", "cites", "2022")],
    ...                          [ReportRow("rep:2", "乙区报告", "2022", "d:乙区", "乙区")])
    >>> g.edges["d:甲区", "r:纲要"], g.graph
    ({'weight': 1, 'cites': 1, 'issues': 0, 'years': ['2022']}, {'districts': 2, 'reports': 2})
    """
    details = details or {}
    reports = list(reports)
    nodes = _district_nodes(reports)
    edges: dict[tuple[str, str], dict] = {}
    seen_reports = {r.report for r in reports}
    for c in cites:
        seen_reports.add(c.report)
        _add_citation(nodes, edges, c, details)
    for e in edges.values():
        e["years"] = sorted(e["years"])
        del e["_reports"]
    add_regulations(nodes, details, regulations)
    districts = sum(1 for a in nodes.values() if a["type"] == DISTRICT)
    return sorted_graph(nodes, edges, districts=districts, reports=len(seen_reports))


def citation_graph(
    store: pyoxigraph.Store,
    year: str | int | None = None,
    province: str | None = None,
    *,
    reports: list[ReportRow] | None = None,
) -> nx.Graph:
    """The bipartite district–regulation citation graph of the selected reports, read from the RDF
    (``reports``: the already-selected reports, instead of selecting with ``year`` and ``province``).

    See :func:`graph_from_citations` for its attributes; every district with a selected report is a node, even
    one whose reports cite nothing, so that shares are out of all districts.
    """
    if reports is None:
        reports = select_reports(store, year, province)
    details = regulation_details(store)
    return graph_from_citations(citations(store, reports=reports, details=details), reports, details)


def mention_graph(
    store: pyoxigraph.Store,
    kind: str,
    year: str | int | None = None,
    province: str | None = None,
    *,
    reports: list[ReportRow] | None = None,
) -> nx.Graph:
    """The bipartite district–measure (``kind="measure"``) or district–organisation graph: an edge when a
    district's reports mention the item (``kg:mentions``), ``weight`` = reports mentioning, ``years``.
    Governments are left out of organisations: the issuing ones are the districts themselves."""
    if kind not in _MENTIONED:
        raise ValueError(f"kind must be one of {', '.join(_MENTIONED)}")
    if reports is None:
        reports = select_reports(store, year, province)
    by_id = {r.report: r for r in reports}
    labels: dict[str, list[str]] = defaultdict(list)
    pairs = []
    for row in select(
        store,
        "SELECT ?report ?x ?label WHERE { ?report a kg:Report ; kg:mentions ?x . "
        + _MENTIONED[kind]
        + " OPTIONAL { ?x rdfs:label ?label } }",
    ):
        if row["report"] in by_id:
            pairs.append((by_id[row["report"]], row["x"]))
            if row["label"]:
                labels[row["x"]].append(row["label"])
    nodes = _district_nodes(by_id.values())
    edges: dict[tuple[str, str], dict] = {}
    for info, x in sorted(set(pairs), key=lambda p: (p[0].report, p[1])):
        nodes.setdefault(x, {"type": kind, "bipartite": 1, "label": smallest(labels[x]) or x})
        e = edges.setdefault((min(info.district, x), max(info.district, x)), {"weight": 0, "years": set()})
        e["weight"] += 1
        if info.year:
            e["years"].add(info.year)
    for e in edges.values():
        e["years"] = sorted(e["years"])
    return sorted_graph(
        nodes, edges, districts=sum(1 for a in nodes.values() if a["type"] == DISTRICT), reports=len(by_id)
    )
