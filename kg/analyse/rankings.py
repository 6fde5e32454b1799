"""Rankings of a bipartite graph's nodes by how many districts they are linked to: regulations, measures and
organisations by districts referring to them; regulations by districts citing them; districts by regulations they
refer to.

Each returns rows (dicts) in a total, deterministic order with a 1-based ``rank`` and at most ``top`` of them:
ordering and cutting are the point of a ranking, so they are done here rather than by every caller.
"""

from __future__ import annotations

import networkx as nx

from kg.analyse.citations import DISTRICT, REGULATION, nodes_of_kind


def item_ranking(g: nx.Graph, kind: str, top: int | None = None) -> list[dict]:
    """Non-district nodes of ``kind`` by the number of districts linked to them (their in-degree), then reports
    (summed edge weights), then label. ``share`` = districts / all districts of the graph, rounded to 4 places.

    >>> from kg.analyse import example_graph
    >>> [(r["label"], r["districts"], r["reports"], r["share"]) for r in item_ranking(example_graph(), "regulation", 2)]
    [('纲要', 3, 4, 1.0), ('处罚法', 2, 2, 0.6667)]
    """
    total = g.graph.get("districts") or len(nodes_of_kind(g, DISTRICT))
    rows = []
    for n in nodes_of_kind(g, kind):
        districts = g.degree(n)
        rows.append(
            {
                "label": g.nodes[n]["label"],
                "iri": n,
                "districts": districts,
                "reports": int(g.degree(n, weight="weight")),
                "share": round(districts / total, 4) if total else 0.0,
            }
        )
    rows.sort(key=lambda r: (-r["districts"], -r["reports"], r["label"], r["iri"]))
    rows = rows[:top] if top is not None else rows
    for i, r in enumerate(rows, 1):
        r["rank"] = i
    return rows


def regulation_ranking(g: nx.Graph, top: int | None = None) -> list[dict]:
    """Regulations by districts referring to them, with how many cite it and how many issued it, reports, the
    share of districts referring, kind and level. Keys: rank, regulation, iri, kind, level, districts, citing,
    issuing, reports, share.

    >>> from kg.analyse import example_graph
    >>> [(r["regulation"], r["districts"], r["citing"], r["issuing"]) for r in regulation_ranking(example_graph())]
    [('纲要', 3, 3, 0), ('处罚法', 2, 2, 0), ('甲区办法', 1, 0, 1), ('规划', 1, 1, 0)]
    """
    rows = []
    for r in item_ranking(g, REGULATION, top):
        n = r["iri"]
        edges = [g.edges[n, d] for d in g.neighbors(n)]
        rows.append(
            {
                "rank": r["rank"],
                "regulation": r["label"],
                "iri": n,
                "kind": g.nodes[n].get("kind", "other"),
                "level": g.nodes[n].get("level", "unknown"),
                "districts": r["districts"],
                "citing": sum(1 for e in edges if e.get("cites")),
                "issuing": sum(1 for e in edges if e.get("issues")),
                "reports": r["reports"],
                "share": r["share"],
            }
        )
    return rows


def district_ranking(g: nx.Graph, top: int | None = None) -> list[dict]:
    """Districts by the number of distinct regulations their reports refer to, then label; ``cited`` and
    ``issued`` count regulations in each role (one cited in one year and issued in another counts in both).

    >>> from kg.analyse import example_graph
    >>> [(r["district"], r["regulations"], r["cited"], r["issued"]) for r in district_ranking(example_graph())]
    [('甲区', 3, 2, 1), ('丙县', 2, 2, 0), ('乙区', 2, 2, 0)]
    """
    rows = []
    for d in nodes_of_kind(g, DISTRICT):
        edges = [g.edges[d, n] for n in g.neighbors(d)]
        a = g.nodes[d]
        rows.append(
            {
                "district": a["label"],
                "iri": d,
                "province": a.get("province"),
                "reports": a.get("reports", 0),
                "regulations": len(edges),
                "cited": sum(1 for e in edges if e.get("cites")),
                "issued": sum(1 for e in edges if e.get("issues")),
            }
        )
    rows.sort(key=lambda r: (-r["regulations"], -r["cited"], r["district"], r["iri"]))
    rows = rows[:top] if top is not None else rows
    return [{"rank": i, **r} for i, r in enumerate(rows, 1)]


def cited_ranking(g: nx.Graph, top: int | None = None) -> list[dict]:
    """Regulations by the districts *citing* them (``kg:cites``; a regulation a district only issued does not
    count, so a district's own plan is not "most cited"), then reports citing, then label. Regulations nobody
    cites are left out. Keys: rank, regulation, iri, kind, level, districts (citing), reports (citing), share
    (citing districts / all districts, 4 places).

    >>> from kg.analyse import example_graph
    >>> [(r["regulation"], r["districts"], r["reports"], r["share"]) for r in cited_ranking(example_graph())]
    [('纲要', 3, 4, 1.0), ('处罚法', 2, 2, 0.6667), ('规划', 1, 1, 0.3333)]
    """
    total = g.graph.get("districts") or len(nodes_of_kind(g, DISTRICT))
    rows = []
    for n in nodes_of_kind(g, REGULATION):
        citing = [g.edges[n, d]["cites"] for d in g.neighbors(n) if g.edges[n, d].get("cites")]
        if citing:
            rows.append(
                {
                    "regulation": g.nodes[n]["label"],
                    "iri": n,
                    "kind": g.nodes[n].get("kind", "other"),
                    "level": g.nodes[n].get("level", "unknown"),
                    "districts": len(citing),
                    "reports": sum(citing),
                    "share": round(len(citing) / total, 4) if total else 0.0,
                }
            )
    rows.sort(key=lambda r: (-r["districts"], -r["reports"], r["regulation"], r["iri"]))
    rows = rows[:top] if top is not None else rows
    return [{"rank": i, **r} for i, r in enumerate(rows, 1)]
