"""Which nodes and edges are drawn: the aggregated district–regulation (and optionally –measure, –organisation)
graph, in sorted order so that the layout and the page do not depend on query or insertion order; its most
connected part when the whole would be too large; the provinces the districts are grouped into; and the ranking
of the items (regulations, measures, organisations) by the districts referring to them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx
import pyoxigraph

from kg.analyse import (
    DISTRICT,
    MEASURE,
    ORGANISATION,
    Citation,
    CompactGraph,
    ReportRow,
    all_reports,
    graph_from_citations,
    iter_citations,
    mention_graph,
    regulation_details,
)
from kg.view.style import ITEM_KINDS
from kg.view.whole import Whole

#: The province of districts whose reports name no province.
NO_PROVINCE = "省份未知 province unknown"


@dataclass
class Province:
    """A province of the page: its label, area IRI (empty when unknown), division code and drawn districts."""

    label: str
    iri: str = ""
    code: str = ""
    districts: list[str] = field(default_factory=list)


def view_graph(
    store: pyoxigraph.Store,
    with_measures: bool = False,
    with_organisations: bool = False,
    *,
    reports: list[ReportRow] | None = None,
    cites: Iterable[Citation] | None = None,
    details: dict[str, dict[str, str]] | None = None,
) -> nx.Graph:
    """The aggregated graph drawn on the page: the district–regulation citation graph, plus (optionally) the
    district–measure and district–organisation mention graphs. Edges carry ``role`` (cites | issues |
    mentions); a district that both cited and issued a regulation (in different reports) gets ``issues``.
    ``cites`` and ``details``: the reports' citations and the regulations' details when the caller has them
    (see :func:`kg.analyse.citations`)."""
    reports = all_reports(store) if reports is None else reports
    details = regulation_details(store) if details is None else details
    if cites is None:
        cites = iter_citations(store, reports, details)
    g = graph_from_citations(cites, reports, details)  # built in sorted order
    for _, _, e in g.edges(data=True):
        e["role"] = "issues" if e["issues"] else "cites"
    if not (with_measures or with_organisations):
        return g
    for kind, wanted in ((MEASURE, with_measures), (ORGANISATION, with_organisations)):
        if wanted:
            m = mention_graph(store, kind, reports=reports)
            for _, _, e in m.edges(data=True):
                e["role"] = "mentions"
            g = nx.compose(g, m)
    # compose keeps insertion order of g then m; re-sort so that the layout does not depend on it
    return _resorted(g)


def _resorted(g: nx.Graph) -> nx.Graph:
    h = nx.Graph(**g.graph)
    h.add_nodes_from((n, g.nodes[n]) for n in sorted(g.nodes))
    h.add_edges_from((u, v, g.edges[u, v]) for u, v in sorted((min(a, b), max(a, b)) for a, b in g.edges))
    return h


def most_connected(g: nx.Graph, max_nodes: int | None) -> nx.Graph:
    """The subgraph of the ``max_nodes`` nodes with most neighbours (ties by label, then IRI); ``g`` itself
    when it is small enough or ``max_nodes`` is None/0.

    >>> g = nx.star_graph(4)
    >>> nx.set_node_attributes(g, {n: str(n) for n in g}, "label")
    >>> sorted(most_connected(g, 2).nodes)
    [0, 1]
    """
    if not max_nodes or g.number_of_nodes() <= max_nodes:
        return g
    keep = sorted(g.nodes, key=lambda n: (-g.degree(n), str(g.nodes[n].get("label", "")), str(n)))[:max_nodes]
    return _resorted(g.subgraph(keep))


def provinces(g: nx.Graph | CompactGraph, reports: list[ReportRow]) -> list[Province]:
    """The provinces of ``g``'s districts, by division code (so that neighbours on the page's ring are mostly
    neighbours on the map), the unknown province last; each with its districts in label order.

    >>> g = nx.Graph()
    >>> g.add_nodes_from([("d:乙", {"type": "district", "label": "乙区", "province": "河南省"}),
    ...                   ("d:甲", {"type": "district", "label": "甲区", "province": None})])
    >>> [(p.label, p.districts) for p in provinces(g, [])]
    [('河南省', ['d:乙']), ('省份未知 province unknown', ['d:甲'])]
    """
    known = {r.province_label: (r.province or "", r.province_code or "") for r in reports if r.province_label}
    out: dict[str, Province] = {}
    for n, a in g.nodes(data=True):
        if a["type"] == DISTRICT:
            label = a.get("province") or NO_PROVINCE
            iri, code = known.get(label, ("", ""))
            out.setdefault(label, Province(label, iri, code)).districts.append(n)
    for p in out.values():
        p.districts.sort(key=lambda n: (g.nodes[n]["label"], n))
    return sorted(out.values(), key=lambda p: (p.label == NO_PROVINCE, p.code or "~", p.label))


def districts_of(full: nx.Graph | Whole, node: str) -> int:
    """How many districts ``node`` stands for: 1 for a district, else the districts linked to it (all its
    neighbours: the graph is bipartite)."""
    return 1 if full.nodes[node]["type"] == DISTRICT else full.degree(node)


def ranked_items(g: nx.Graph | CompactGraph, full: nx.Graph | Whole) -> list[str]:
    """``g``'s regulations, measures and organisations, most districts (in ``full``) first; ties by label, IRI.

    >>> from kg.analyse import example_graph
    >>> g = example_graph()
    >>> [g.nodes[n]["label"] for n in ranked_items(g, g)][:2]
    ['纲要', '处罚法']
    """
    items = [n for n, t in g.nodes(data="type") if t in ITEM_KINDS]
    return sorted(items, key=lambda n: (-districts_of(full, n), g.nodes[n]["label"], n))
