"""The vis-network data of the page: one dict per node and edge, with short ids, the seeded positions, the
tooltips and the values the page's filters read (type, level, provinces, years, role). Everything is in sorted
order, so that the same graph gives byte-identical HTML."""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

from kg.analyse import DISTRICT, REGULATION
from kg.view.graph import most_connected
from kg.view.options import ViewOptions, ViewSummary
from kg.view.positions import layout
from kg.view.style import EDGE_STYLE, LEVEL_COLOURS, TYPE_STYLE
from kg.view.tooltips import tooltip


def vis_data(
    full: nx.Graph, options: ViewOptions, examples: dict[str, list[tuple[str, str]]] | None = None
) -> tuple[list[dict], list[dict], ViewSummary]:
    """vis-network node and edge dicts for the graph (trimmed to ``options.max_nodes``), in sorted order.

    Node ids are short (``n0``, ``n1`` … in sorted IRI order) with the IRI in ``iri``; nodes carry ``group``
    (type), ``level``, ``provinces`` and ``years`` for the page's filters, edges ``role`` and ``years`` (an
    edge's province is its district's, so the node filter already decides it). Shape and colour by type
    (regulations coloured by issuer level), size by number of neighbours.
    """
    examples = examples or {}
    g = most_connected(full, options.max_nodes)
    pos = layout(g, options.seed)
    reach = _reach(full)
    ids = {n: f"n{i}" for i, n in enumerate(g.nodes)}  # short ids: an IRI per edge end would double the page
    nodes = [
        _vis_node(
            g.nodes[n],
            n,
            ids[n],
            xy=pos[n],
            degree=full.degree(n),
            title=tooltip(full, n, examples),
            filters=_filters(g.nodes[n], n, reach),
        )
        for n in g.nodes
    ]
    edges = [_vis_edge(g, u, v, ids, i) for i, (u, v) in enumerate(g.edges, 1)]
    counts = {t: sum(1 for _, k in g.nodes(data="type") if k == t) for t in TYPE_STYLE}
    return nodes, edges, ViewSummary(len(nodes), len(edges), full.number_of_nodes(), counts)


def _reach(full: nx.Graph) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The years and provinces of the districts linked to each regulation, measure and organisation (in the full
    graph), so that the page's year and province filters can keep or hide them."""
    edge_years: dict[str, set[str]] = defaultdict(set)
    edge_provinces: dict[str, set[str]] = defaultdict(set)
    for u, v, e in full.edges(data=True):
        d, x = (u, v) if full.nodes[u]["type"] == DISTRICT else (v, u)
        edge_years[x].update(e.get("years", []))
        if full.nodes[d].get("province"):
            edge_provinces[x].add(full.nodes[d]["province"])
    return edge_years, edge_provinces


def _filters(a: dict, node: str, reach: tuple[dict[str, set[str]], dict[str, set[str]]]) -> tuple[list[str], list[str]]:
    """The provinces and years a node is filtered by: a district's own, any other node's from its districts."""
    if a["type"] == DISTRICT:
        return ([a["province"]] if a.get("province") else []), list(a.get("years", []))
    edge_years, edge_provinces = reach
    return sorted(edge_provinces[node]), sorted(edge_years[node])


def _vis_node(
    a: dict,
    iri: str,
    ident: str,
    *,
    xy: tuple[float, float],
    degree: int,
    title: str,
    filters: tuple[list[str], list[str]],
) -> dict:
    """One vis node: shape and colour by type (regulations by issuer level), size by number of neighbours."""
    kind = a["type"]
    shape, colour, _, _ = TYPE_STYLE[kind]
    level = a.get("level", "unknown") if kind == REGULATION else None
    node = {
        "id": ident,
        "iri": iri,
        "label": _short(a["label"]),
        "name": a["label"],
        "title": title,
        "group": kind,
        "shape": shape,
        "color": colour or LEVEL_COLOURS.get(level, LEVEL_COLOURS["unknown"]),
        "size": round(min(50.0, 7 + 4 * math.sqrt(degree)), 1),
        "provinces": filters[0],
        "years": filters[1],
        "x": xy[0],
        "y": xy[1],
    }
    if level:
        node["level"] = level
    if kind == DISTRICT:  # district names stay readable when the whole graph is in view
        node["font"] = {"size": 20, "color": "#1a365d"}
    return node


def _vis_edge(g: nx.Graph, u: str, v: str, ids: dict[str, str], i: int) -> dict:
    """One vis edge, from the district to the other end, styled by role; width grows with the number of reports."""
    e = g.edges[u, v]
    d, x = (u, v) if g.nodes[u]["type"] == DISTRICT else (v, u)
    role = e.get("role", "issues" if e.get("issues") else "cites")
    colour, dashes, _ = EDGE_STYLE[role]
    return {
        "id": f"e{i}",
        "from": ids[d],
        "to": ids[x],
        "role": role,
        "title": _edge_title(e, role),
        "width": round(min(6.0, 1 + math.log2(e["weight"])), 2) if e.get("weight") else 1,
        "dashes": dashes,
        "color": {"color": colour},
        "years": list(e.get("years", [])),
    }


def _edge_title(e: dict, role: str) -> str:
    """An edge's tooltip: how many reports mention, or cite and issue, the other end.

    >>> _edge_title({"cites": 2, "issues": 1}, "issues")
    '引用 cites ×2, 印发 issues ×1'
    """
    if role == "mentions":
        return f"提及 mentioned in {e['weight']} reports"
    return ", ".join(
        p
        for p in (
            f"引用 cites ×{e['cites']}" if e.get("cites") else "",
            f"印发 issues ×{e['issues']}" if e.get("issues") else "",
        )
        if p
    )


def _short(label: str, n: int = 22) -> str:
    """A label short enough to draw under its node (the full name is in the tooltip and the search)."""
    return label if len(label) <= n else label[: n - 1] + "…"
