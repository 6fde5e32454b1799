"""The HTML view: which regulations which districts cite, drawn with pyvis (vis-network), fully offline.

pyvis is used for its data model and ``generate_html()``, with our own template (``kg/data/graph.html.j2``):
pyvis 0.3.2's templates load bootstrap (and in ``local`` mode vis-network) from CDNs, so ours inlines
vis-network from pyvis's own package and adds a small search/filter panel over the vis DataSet instead of
pyvis's bootstrap menus. The network is filled from the aggregated networkx graph directly (pyvis's
``add_node``/``add_edge`` are quadratic), the layout is computed once in networkx (seeded) and physics is off,
so the page is stable at once even with thousands of nodes. Tooltips are plain text with line breaks (vis
shows ``title`` strings as text, so a title containing ``<script>`` is shown, never run).
"""

from __future__ import annotations

import html
from pathlib import Path

import networkx as nx
import pyoxigraph
from jinja2 import Environment, FileSystemLoader
from pyvis.network import Network

from kg.analyse import citation_graph
from kg.fsutil import atomic_write_text
from kg.store import select

LEVEL_COLOURS = {"national": "#c53030", "provincial": "#dd6b20", "municipal": "#d69e2e", "local": "#38a169",
                 "unknown": "#718096"}
DISTRICT_COLOUR = "#2b6cb0"
TEMPLATE = "graph.html.j2"

_REGULATION_DETAILS = """
SELECT ?reg ?kind ?level WHERE { ?reg a kg:Regulation ; kg:kind ?kind ; kg:issuerLevel ?level }
"""
_DISTRICT_DETAILS = """
SELECT DISTINCT ?district ?province ?year WHERE {
  ?report a kg:Report ; kg:issuedBy ?gov .
  ?gov kg:jurisdiction ?district .
  OPTIONAL { ?report kg:year ?year }
  OPTIONAL { ?district kg:within* ?p . ?p kg:adminLevel "province" ; rdfs:label ?province }
}
"""


def _layout(g: nx.Graph, seed: int = 7) -> dict[str, tuple[float, float]]:
    if g.number_of_nodes() == 0:
        return {}
    # sorted insertion so that the seeded layout does not depend on the order nodes were met
    h = nx.Graph()
    h.add_nodes_from(sorted(g.nodes))
    h.add_edges_from(sorted((min(u, v), max(u, v)) for u, v in g.edges))
    k = 1.5 / max(1, h.number_of_nodes()) ** 0.5
    pos = nx.spring_layout(h, seed=seed, k=k, iterations=60)
    scale = 120 * max(1, h.number_of_nodes()) ** 0.5
    return {n: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for n, (x, y) in pos.items()}


def build_network(store: pyoxigraph.Store, heading: str) -> Network:
    g = citation_graph(store)
    regs = {r["reg"]: r for r in select(store, _REGULATION_DETAILS)}
    provinces: dict[str, set[str]] = {}
    years: dict[str, set[str]] = {}
    for r in select(store, _DISTRICT_DETAILS):
        if r["province"]:
            provinces.setdefault(r["district"], set()).add(r["province"])
        if r["year"]:
            years.setdefault(r["district"], set()).add(r["year"])
    pos = _layout(g)
    net = Network(height="820px", width="100%", cdn_resources="in_line", heading=html.escape(heading))
    net.templateEnv = Environment(loader=FileSystemLoader([str(Path(__file__).parent / "data"),
                                                           str(Path(net.template_dir))]))
    net.path = TEMPLATE
    nodes = []
    for node in sorted(g.nodes):
        data = g.nodes[node]
        neighbours = sorted(g.neighbors(node), key=lambda n: g.nodes[n]["label"])
        degree = len(neighbours)
        label = data["label"]
        if data["type"] == "regulation":
            info = regs.get(node, {})
            level = info.get("level") or "unknown"
            citing_provinces = sorted({p for d in neighbours for p in provinces.get(d, ())})
            citing_years = sorted({y for d in neighbours for y in years.get(d, ())})
            title = "\n".join([label, f"类型 kind: {info.get('kind', '')}", f"层级 level: {level}",
                               f"引用地区 districts ({degree}):"] + [f"  {g.nodes[n]['label']}" for n in neighbours])
            nodes.append({"id": node, "label": label if len(label) <= 24 else label[:23] + "…", "title": title,
                          "group": "regulation", "level": level, "shape": "dot",
                          "color": LEVEL_COLOURS.get(level, LEVEL_COLOURS["unknown"]), "size": 8 + 4 * degree,
                          "provinces": citing_provinces, "years": citing_years,
                          "x": pos[node][0], "y": pos[node][1]})
        else:
            title = "\n".join([label, f"文件 regulations: {degree}"])
            nodes.append({"id": node, "label": label, "title": title, "group": "district", "shape": "box",
                          "color": DISTRICT_COLOUR, "font": {"color": "#ffffff"}, "size": 20,
                          "provinces": sorted(provinces.get(node, ())), "years": sorted(years.get(node, ())),
                          "x": pos[node][0], "y": pos[node][1]})
    edges = []
    for u, v in sorted((min(a, b), max(a, b)) for a, b in g.edges):
        e = g.edges[u, v]
        district, reg = (u, v) if g.nodes[u]["type"] == "district" else (v, u)
        role = "issues" if e["issues"] else "cites"
        edges.append({"from": district, "to": reg, "value": e["weight"], "role": role,
                      "title": f"{'印发 issues' if role == 'issues' else '引用 cites'} ×{e['weight']}",
                      "dashes": role == "issues", "color": {"color": "#999999" if role == "cites" else "#2f855a"}})
    net.nodes, net.edges = nodes, edges
    net.node_ids = [n["id"] for n in nodes]
    net.options = {"physics": {"enabled": False}, "edges": {"smooth": False},
                   "interaction": {"hover": True, "tooltipDelay": 150}, "nodes": {"font": {"size": 12}}}
    return net


def render_html(store: pyoxigraph.Store, path: Path, heading: str) -> None:
    """Write the offline HTML view of the graph in ``store`` to ``path`` (atomically)."""
    net = build_network(store, heading)
    atomic_write_text(Path(path), net.generate_html(name=str(path)))
