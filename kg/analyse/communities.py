"""Louvain communities of a citation graph, seeded, so that the same graph gives the same communities."""

from __future__ import annotations

import networkx as nx

from kg.analyse.citations import DISTRICT, REGULATION


def communities(g: nx.Graph, seed: int = 7, resolution: float = 1.0) -> list[dict]:
    """Louvain communities of the (weighted) graph, seeded; largest first, members by degree then label.
    Keys: community (1-based), size, districts, regulations (labels; other node types under their own key).

    Louvain shuffles the nodes with ``seed`` in insertion order; our graphs are built in sorted order, so the
    same graph gives the same communities on every run and machine.

    >>> from kg.analyse import example_graph
    >>> [(c["districts"], c["regulations"]) for c in communities(example_graph())]
    [(['甲区'], ['处罚法', '甲区办法']), (['乙区'], ['纲要']), (['丙县'], ['规划'])]
    """
    if g.number_of_nodes() == 0:
        return []
    parts = nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=seed)

    def member_key(n: str) -> tuple:
        return (-g.degree(n), g.nodes[n]["label"], n)

    ordered = [sorted(p, key=member_key) for p in parts]
    ordered.sort(key=lambda p: (-len(p), member_key(p[0])))
    out = []
    for i, members in enumerate(ordered, 1):
        row: dict = {"community": i, "size": len(members), DISTRICT + "s": [], REGULATION + "s": []}
        for n in members:
            row.setdefault(g.nodes[n]["type"] + "s", []).append(g.nodes[n]["label"])
        out.append(row)
    return out
