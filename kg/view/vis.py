"""The vis-network nodes of the page: one dict per province, district, regulation, measure and organisation, with
short ids, the precomputed positions and what the page's script reads (kind, rank, neighbours, level, province,
years, other written forms; the page writes the tooltips from these and the pairs). Edges are not vis dicts: the
page draws them from the compact pairs of :mod:`kg.view.data`, only for what is shown. Everything is in sorted
order, so that the same graph gives byte-identical HTML."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from kg.analyse import DISTRICT, REGULATION, CompactGraph
from kg.view.graph import Province, districts_of, ranked_items
from kg.view.options import ViewOptions
from kg.view.positions import layout
from kg.view.style import LEVEL_COLOURS, PROVINCE, TYPE_STYLE, node_size
from kg.view.whole import Whole


def node_ids(g: nx.Graph | CompactGraph) -> dict[str, str]:
    """Short ids (``n0``, ``n1`` … in the graph's sorted order): an IRI per edge end would double the page."""
    return {n: f"n{i}" for i, n in enumerate(g.nodes)}


def kind_ranks(g: nx.Graph | CompactGraph, full: nx.Graph | Whole) -> dict[str, int]:
    """Each node's rank among the nodes of its kind: items by the districts referring to them, districts by the
    items they refer to (ties by label, IRI). The page labels and shows the best-ranked first.

    >>> from kg.analyse import example_graph
    >>> g = example_graph()
    >>> r = kind_ranks(g, g)
    >>> r["r:纲要"], r["r:规划"], r["d:甲区"]
    (0, 3, 0)
    """
    seen: Counter[str] = Counter()
    out = {}
    districts = sorted(
        (n for n, t in g.nodes(data="type") if t == DISTRICT), key=lambda n: (-full.degree(n), g.nodes[n]["label"], n)
    )
    for n in [*ranked_items(g, full), *districts]:
        kind = g.nodes[n]["type"]
        out[n], seen[kind] = seen[kind], seen[kind] + 1
    return out


def vis_nodes(
    full: nx.Graph | Whole,
    g: nx.Graph | CompactGraph,
    provs: list[Province],
    options: ViewOptions,
    forms: dict[str, list[str]],
) -> list[dict]:
    """The vis node dicts: the provinces (``p0`` …) then ``g``'s nodes (``n0`` …); ``full`` gives the counts,
    ``forms`` each node's other written forms (for the search)."""
    rank = kind_ranks(g, full)
    ranked = ranked_items(g, full)
    overview = [n for n in ranked if rank[n] < options.overview]
    xy, province_xy = layout(g, full, provs, overview, [n for n in ranked if rank[n] >= options.overview])
    ids = node_ids(g)
    province_id = {d: f"p{i}" for i, p in enumerate(provs) for d in p.districts}
    out = [_province(p, f"p{i}", province_xy[i], i) for i, p in enumerate(provs)]
    for n in g.nodes:
        node = _node(full, n, ids[n], xy[n], rank[n])
        if g.nodes[n]["type"] == DISTRICT:
            node["prov"] = province_id[n]
        if forms.get(n):
            node["alt"] = forms[n]
        out.append(node)
    return out


def _province(p: Province, ident: str, xy: tuple[int, int], rank: int) -> dict:
    shape, colour, _, _ = TYPE_STYLE[PROVINCE]
    return {
        "id": ident,
        "iri": p.iri,
        "name": p.label,
        "group": PROVINCE,
        "shape": shape,
        "color": colour,
        "size": node_size(len(p.districts)),
        "n": len(p.districts),
        "rank": rank,
        "x": xy[0],
        "y": xy[1],
    }


def _node(full: nx.Graph | Whole, iri: str, ident: str, xy: tuple[int, int], rank: int) -> dict:
    """One vis node: shape and colour by kind (regulations by issuer level), size by the districts it stands for."""
    a = full.nodes[iri]
    kind = a["type"]
    shape, colour, _, _ = TYPE_STYLE[kind]
    level = a.get("level", "unknown") if kind == REGULATION else None
    count = districts_of(full, iri)
    node = {
        "id": ident,
        "iri": iri,
        "name": a["label"],
        "group": kind,
        "shape": shape,
        "color": colour or LEVEL_COLOURS.get(level, LEVEL_COLOURS["unknown"]),
        "size": node_size(count),
        "n": full.degree(iri),
        "rank": rank,
        "x": xy[0],
        "y": xy[1],
    }
    if level:
        node["level"] = level
        node["kind"] = a.get("kind", "other")
    if kind == DISTRICT:
        node["years"] = list(a.get("years", []))
    return node
