"""Which nodes and edges are drawn: the aggregated district–regulation (and optionally –measure, –organisation)
graph, in sorted order so that the seeded layout and the page do not depend on query or insertion order, and
its most connected part when the whole would be too large to draw."""

from __future__ import annotations

import networkx as nx
import pyoxigraph

from kg.analyse import MEASURE, ORGANISATION, ReportRow, all_reports, citation_graph, mention_graph


def view_graph(
    store: pyoxigraph.Store,
    with_measures: bool = False,
    with_organisations: bool = False,
    *,
    reports: list[ReportRow] | None = None,
) -> nx.Graph:
    """The aggregated graph drawn on the page: the district–regulation citation graph, plus (optionally) the
    district–measure and district–organisation mention graphs. Edges carry ``role`` (cites | issues |
    mentions); a district that both cited and issued a regulation (in different reports) gets ``issues``."""
    reports = all_reports(store) if reports is None else reports
    g = citation_graph(store, reports=reports)
    for _, _, e in g.edges(data=True):
        e["role"] = "issues" if e["issues"] else "cites"
    for kind, wanted in ((MEASURE, with_measures), (ORGANISATION, with_organisations)):
        if wanted:
            m = mention_graph(store, kind, reports=reports)
            for _, _, e in m.edges(data=True):
                e["role"] = "mentions"
            g = nx.compose(g, m)
    # compose keeps insertion order of g then m; re-sort so that the seeded layout does not depend on it
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
