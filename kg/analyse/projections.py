"""Weighted projections of a bipartite graph onto one side, with Jaccard: regulations referred to by the same
districts (:func:`cocitation`) and districts referring to the same regulations (:func:`similar_districts`).

Counted from neighbour lists and restricted to the ``among`` best-connected nodes (or one district's two-hop
neighbourhood), because a full projection of 3,000 districts × 5,000 regulations has ~1 M edges.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import combinations

import networkx as nx

from kg.analyse.citations import DISTRICT, REGULATION, find_node, nodes_of_kind, sorted_graph

#: Projections are counted among this many best-connected nodes by default (None = all).
PROJECTION_AMONG = 500


def _best_connected(g: nx.Graph, kind: str, among: int | None) -> list[str]:
    nodes = sorted(nodes_of_kind(g, kind), key=lambda n: (-g.degree(n), g.nodes[n]["label"], n))
    return nodes if among is None else nodes[:among]


def _jaccard(shared: int, degree_a: int, degree_b: int) -> float:
    """Shared neighbours / union of the two neighbourhoods, rounded to 4 places (the precision tables show)."""
    return round(shared / (degree_a + degree_b - shared), 4)


def project(g: nx.Graph, kind: str, among: int | None = PROJECTION_AMONG) -> nx.Graph:
    """Weighted projection of the bipartite ``g`` onto its nodes of ``kind`` (the ``among`` best-connected
    ones; None = all): two nodes are linked when they share neighbours, with ``weight`` = number shared and
    ``jaccard`` = shared / union of their neighbourhoods.

    Counted from each other-side node's neighbour list (sum of squared degrees), not pair by pair as
    ``networkx.bipartite.generic_weighted_projected_graph`` does, and restricted to ``among`` nodes, so it
    stays small at 3,000 districts × 5,000 regulations.

    >>> from kg.analyse import example_graph
    >>> p = project(example_graph(), "regulation")
    >>> p.edges["r:处罚法", "r:纲要"]
    {'weight': 2, 'jaccard': 0.6667}
    """
    keep = _best_connected(g, kind, among)
    index = set(keep)
    shared: Counter[tuple[str, str]] = Counter()
    others = sorted({o for n in keep for o in g.neighbors(n)})
    for o in others:
        members = sorted(n for n in g.neighbors(o) if n in index)
        for a, b in combinations(members, 2):
            shared[a, b] += 1
    nodes = {n: dict(g.nodes[n]) for n in keep}
    edges = {(a, b): {"weight": w, "jaccard": _jaccard(w, g.degree(a), g.degree(b))} for (a, b), w in shared.items()}
    return sorted_graph(nodes, edges)


def _pairs(p: nx.Graph, key: Callable[[dict], tuple]) -> list[dict]:
    rows = [
        {
            "a": p.nodes[a]["label"],
            "b": p.nodes[b]["label"],
            "a_iri": a,
            "b_iri": b,
            "shared": e["weight"],
            "jaccard": e["jaccard"],
        }
        for a, b, e in p.edges(data=True)
    ]
    for r in rows:  # order each pair by label so that the row does not depend on IRIs
        if (r["b"], r["b_iri"]) < (r["a"], r["a_iri"]):
            r["a"], r["b"], r["a_iri"], r["b_iri"] = r["b"], r["a"], r["b_iri"], r["a_iri"]
    rows.sort(key=key)
    return rows


def cocitation(g: nx.Graph, top: int | None = 10, among: int | None = PROJECTION_AMONG) -> list[dict]:
    """Pairs of regulations referred to by the same districts, most shared first (then Jaccard, labels).
    Keys: a, b (labels, in label order), a_iri, b_iri, shared (districts), jaccard.

    >>> from kg.analyse import example_graph
    >>> [(r["a"], r["b"], r["shared"], r["jaccard"]) for r in cocitation(example_graph(), top=2)]
    [('处罚法', '纲要', 2, 0.6667), ('处罚法', '甲区办法', 1, 0.5)]
    """
    rows = _pairs(project(g, REGULATION, among), key=lambda r: (-r["shared"], -r["jaccard"], r["a"], r["b"]))
    return rows[:top] if top is not None else rows


def similar_districts(
    g: nx.Graph, district: str | None = None, top: int | None = 10, among: int | None = PROJECTION_AMONG
) -> list[dict]:
    """District similarity: Jaccard of the sets of regulations two districts refer to (then shared count).

    With ``district`` (IRI, label or short name: :func:`~kg.analyse.citations.find_node`), the districts most
    similar to that one, computed from its two-hop neighbourhood only; without, the most similar pairs among the
    ``among`` best-connected districts.
    Keys as for :func:`cocitation` (``shared`` = regulations both refer to).

    >>> from kg.analyse import example_graph
    >>> [(r["a"], r["b"], r["jaccard"]) for r in similar_districts(example_graph(), top=1)]
    [('乙区', '甲区', 0.6667)]
    >>> [(r["b"], r["shared"]) for r in similar_districts(example_graph(), "丙县")]
    [('乙区', 1), ('甲区', 1)]
    """
    if district is None:
        rows = _pairs(project(g, DISTRICT, among), key=lambda r: (-r["jaccard"], -r["shared"], r["a"], r["b"]))
        return rows[:top] if top is not None else rows
    d = find_node(g, district, DISTRICT)
    mine = set(g.neighbors(d))
    shared: Counter[str] = Counter(o for reg in mine for o in g.neighbors(reg) if o != d)
    rows = [
        {
            "a": g.nodes[d]["label"],
            "b": g.nodes[o]["label"],
            "a_iri": d,
            "b_iri": o,
            "shared": w,
            "jaccard": _jaccard(w, len(mine), g.degree(o)),
        }
        for o, w in shared.items()
    ]
    rows.sort(key=lambda r: (-r["jaccard"], -r["shared"], r["b"], r["b_iri"]))
    return rows[:top] if top is not None else rows
