"""The HTML view: which regulations which districts cite, drawn with pyvis (vis-network), fully offline.

pyvis is used for its data model and ``generate_html()``, with our own template (``kg/data/graph.html.j2``):
pyvis 0.3.2's templates load bootstrap (and in ``local`` mode vis-network) from CDNs, so ours inlines
vis-network from pyvis's own package and adds a small search/filter panel over the vis DataSet instead of
pyvis's bootstrap menus. The network is filled from the aggregated networkx graph directly (pyvis's
``add_node``/``add_edge`` are quadratic), the layout is computed once in networkx (seeded, on a graph built in
sorted order) and physics is off, so the page is stable at once even with thousands of nodes and the same graph
gives byte-identical HTML. Tooltips are plain text with line breaks: vis-network sets string titles with
``innerText``, and every string reaches the page through Jinja's autoescaping or ``tojson`` (which escapes
``<``, ``>``, ``&``, ``'``), so a title containing ``<script>`` is shown, never run.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pyoxigraph
from jinja2 import Environment, FileSystemLoader
from pyvis.network import Network

from kg.analyse import (
    DISTRICT,
    MEASURE,
    ORGANISATION,
    REGULATION,
    ReportRow,
    all_reports,
    citation_graph,
    mention_graph,
)
from kg.fsutil import atomic_write_text
from kg.lang.zh import SENTENCE_ENDS
from kg.rdf.store import load_store, select

TEMPLATE = "graph.html.j2"
TITLE = "法治政府建设报告知识图谱 fazhi-kg"
#: ``kg view`` and ``kg build`` draw at most this many nodes unless told otherwise (0 or None = all).
DEFAULT_MAX_NODES = 3000
LEVEL_COLOURS = {
    "national": "#c53030",
    "provincial": "#dd6b20",
    "municipal": "#d69e2e",
    "local": "#38a169",
    "unknown": "#718096",
}
LEVEL_NAMES = {
    "national": "国家 national",
    "provincial": "省级 provincial",
    "municipal": "市级 municipal",
    "local": "县区 local",
    "unknown": "未知 unknown",
}
TYPE_STYLE = {  # vis shape, colour, legend glyph, legend text
    DISTRICT: ("square", "#2b6cb0", "■", "地区 district"),
    REGULATION: ("dot", None, "●", "文件 regulation (colour = level)"),
    MEASURE: ("triangle", "#805ad5", "▲", "措施 measure"),
    ORGANISATION: ("diamond", "#319795", "◆", "机构 organisation"),
}
EDGE_STYLE = {  # colour, dashes, legend text
    "cites": ("#a0a0a0", False, "── 引用 cites"),
    "issues": ("#2f855a", True, "- - 印发 issues"),
    "mentions": ("#b794f4", [2, 4], "··· 提及 mentions"),
}
LIST_MAX = 15  # names listed in a tooltip before "… and n more"
SENTENCE_END = SENTENCE_ENDS


@dataclass
class ViewOptions:
    """What ``kg view`` draws: at most ``max_nodes`` nodes (the most connected; None = all), optionally the
    measures and organisations the reports mention, ``examples`` sentences per regulation, layout ``seed``."""

    max_nodes: int | None = DEFAULT_MAX_NODES
    with_measures: bool = False
    with_organisations: bool = False
    examples: int = 3
    seed: int = 7


@dataclass
class ViewSummary:
    """What was drawn (for the page's title and for the CLI's one-line report)."""

    nodes: int
    edges: int
    total_nodes: int
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def trimmed(self) -> bool:
        return self.nodes < self.total_nodes


# ------------------------------------------------------------------------------------------- the graph to draw


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


def layout(g: nx.Graph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Seeded spring layout in screen units, rounded to whole units (so that the HTML is byte-identical run to
    run).

    ``method="force"`` is Fruchterman–Reingold (networkx runs it on a scipy sparse matrix from 500 nodes on, a
    Python loop over nodes per iteration: ~0.5 s per iteration at 3,000 nodes), so large graphs get fewer
    iterations (100 up to 500 nodes, 50,000 / n above, at least 10) to stay within seconds.
    """
    n = g.number_of_nodes()
    if n == 0:
        return {}
    iterations = 100 if n <= 500 else max(10, 50_000 // n)
    pos = nx.spring_layout(g, seed=seed, k=3 / math.sqrt(n), iterations=iterations, method="force")
    scale = 130 * math.sqrt(n)
    # whole numbers: vis-network truncates x/y to integers anyway (and the page is smaller)
    return {v: (round(float(x) * scale), round(float(y) * scale)) for v, (x, y) in pos.items()}


# ------------------------------------------------------------------------------------------ example sentences

_MENTIONS = """
SELECT ?reg ?report ?start ?end ?text WHERE {
  ?m a kg:Mention ; kg:denotes ?reg ; kg:inReport ?report . ?reg a kg:Regulation .
  OPTIONAL { ?m kg:start ?start } OPTIONAL { ?m kg:end ?end } OPTIONAL { ?m kg:text ?text }
}
"""


def sentence_around(text: str, start: int, end: int, limit: int = 90) -> str:
    """The sentence of ``text`` holding ``text[start:end]`` (from the previous 。！？； or line break to the
    next), cut to about ``limit`` characters around the span with "…".

    >>> sentence_around("一是学习。二是贯彻《纲要》，印发办法。三是", 7, 11)
    '二是贯彻《纲要》，印发办法。'
    """
    left = max((text.rfind(c, 0, start) for c in SENTENCE_END), default=-1) + 1
    ends = [i for i in (text.find(c, end) for c in SENTENCE_END) if i >= 0]
    right = min(ends) + 1 if ends else len(text)
    s, e = left, right
    prefix = suffix = ""
    if e - s > limit:
        room = max(0, limit - (end - start)) // 2
        if start - s > room:
            s, prefix = start - room, "…"
        if e - end > limit - (end - s):
            e, suffix = end + max(0, limit - (end - s)), "…"
    return (prefix + text[s:e].strip() + suffix).replace("\n", " ")


def example_sentences(
    store: pyoxigraph.Store,
    texts_dir: Path | None,
    regulations: set[str],
    per: int = 3,
    *,
    reports: list[ReportRow] | None = None,
) -> dict[str, list[tuple[str, str]]]:
    """Up to ``per`` (sentence, report title) pairs for each regulation in ``regulations``, one per report
    first (reports in title order, mentions in text order). The sentence is cut from ``texts_dir/<report>.txt``
    around the mention's offsets when that file exists and agrees with the mention's text; else it is the
    mention text itself."""
    if per <= 0 or not regulations:
        return {}
    reports = all_reports(store) if reports is None else reports
    titles = {r.report: r.label + (f" ({r.year})" if r.year else "") for r in reports}
    by_reg: dict[str, list[dict]] = defaultdict(list)
    for row in select(store, _MENTIONS):
        if row["reg"] in regulations:
            by_reg[row["reg"]].append(row)
    texts: dict[str, str | None] = {}

    def text_of(report: str) -> str | None:
        if report not in texts:
            texts[report] = None
            if texts_dir is not None:
                p = Path(texts_dir) / (report.rsplit("report-", 1)[-1] + ".txt")
                if p.is_file():
                    texts[report] = p.read_text(encoding="utf-8")
        return texts[report]

    out = {}
    for reg, rows in sorted(by_reg.items()):
        rows = sorted(
            rows,
            key=lambda r: (titles.get(r["report"], r["report"]), r["report"], int(r["start"] or 0), r["text"] or ""),
        )
        per_report: dict[str, list[dict]] = defaultdict(list)
        for r in rows:
            per_report[r["report"]].append(r)
        picked: list[dict] = []
        depth = 0
        while len(picked) < per and any(len(v) > depth for v in per_report.values()):
            picked += [v[depth] for v in per_report.values() if len(v) > depth][: per - len(picked)]
            depth += 1
        examples = []
        for r in picked:
            text = text_of(r["report"])
            surface = r["text"] or ""
            if text is not None and r["start"] is not None and r["end"] is not None:
                s, e = int(r["start"]), int(r["end"])
                if 0 <= s <= e <= len(text) and (not surface or text[s:e] == surface):
                    surface = sentence_around(text, s, e)
            examples.append((surface, titles.get(r["report"], r["report"])))
        out[reg] = examples
    return out


# --------------------------------------------------------------------------------------------- the vis data


def _names(g: nx.Graph, nodes: list[str]) -> list[str]:
    names = sorted(g.nodes[n]["label"] for n in nodes)
    shown = [f"  {x}" for x in names[:LIST_MAX]]
    if len(names) > LIST_MAX:
        shown.append(f"  … 另有 {len(names) - LIST_MAX} 个 and {len(names) - LIST_MAX} more")
    return shown


def _short(label: str, n: int = 22) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


def _tooltip(full: nx.Graph, node: str, examples: dict[str, list[tuple[str, str]]]) -> str:
    """Plain text (vis shows it with innerText); neighbours are counted in the full graph, not the drawn one."""
    a = full.nodes[node]
    neighbours = list(full.neighbors(node))
    kind = a["type"]
    if kind == DISTRICT:
        by_type: dict[str, list[str]] = defaultdict(list)
        for n in neighbours:
            by_type[full.nodes[n]["type"]].append(n)
        cited = sum(1 for n in by_type[REGULATION] if full.edges[node, n].get("cites"))
        issued = sum(1 for n in by_type[REGULATION] if full.edges[node, n].get("issues"))
        lines = [
            a["label"],
            "类型 kind: 地区 district",
            f"省份 province: {a.get('province') or '—'}",
            f"年份 years: {', '.join(a.get('years', [])) or '—'}   报告 reports: {a.get('reports', 0)}",
            f"文件 regulations: {len(by_type[REGULATION])} (引用 cited {cited}, 印发 issued {issued})",
        ]
        if by_type[MEASURE]:
            lines.append(f"措施 measures: {len(by_type[MEASURE])}")
        if by_type[ORGANISATION]:
            lines.append(f"机构 organisations: {len(by_type[ORGANISATION])}")
        return "\n".join(lines)
    if kind == REGULATION:
        lines = [
            a["label"],
            f"类型 kind: 文件 regulation, {a.get('kind', 'other')}",
            f"层级 level: {LEVEL_NAMES.get(a.get('level', 'unknown'), a.get('level'))}",
        ]
        citing = [n for n in neighbours if full.edges[node, n].get("cites")]
        issuing = [n for n in neighbours if full.edges[node, n].get("issues")]
        if issuing:
            lines += [f"印发地区 issued by ({len(issuing)}):", *_names(full, issuing)]
        lines += [f"引用地区 cited by ({len(citing)}):", *(_names(full, citing) if citing else ["  —"])]
        if examples.get(node):
            lines.append("例句 examples:")
            for sentence, report in examples[node]:
                lines += [f"  「{sentence}」", f"    — {report}"]
        return "\n".join(lines)
    name = "措施 measure" if kind == MEASURE else "机构 organisation"
    return "\n".join(
        [a["label"], f"类型 kind: {name}", f"提及地区 mentioned by ({len(neighbours)}):", *_names(full, neighbours)]
    )


def vis_data(
    full: nx.Graph, options: ViewOptions, examples: dict[str, list[tuple[str, str]]] | None = None
) -> tuple[list[dict], list[dict], ViewSummary]:
    """vis-network node and edge dicts for the graph (trimmed to ``options.max_nodes``), in sorted order.

    Node ids are short (``n0``, ``n1`` … in sorted IRI order) with the IRI in ``iri``; nodes carry ``group``
    (type), ``level``, ``provinces`` and ``years`` for the page's filters, edges ``role`` and ``years`` (an
    edge's province is its district's, so the node filter already decides it). Shape and colour by type (regulations coloured by issuer level), size by
    number of neighbours.
    """
    examples = examples or {}
    g = most_connected(full, options.max_nodes)
    pos = layout(g, options.seed)
    edge_years: dict[str, set[str]] = defaultdict(set)
    edge_provinces: dict[str, set[str]] = defaultdict(set)
    for u, v, e in full.edges(data=True):
        d, x = (u, v) if full.nodes[u]["type"] == DISTRICT else (v, u)
        edge_years[x].update(e.get("years", []))
        if full.nodes[d].get("province"):
            edge_provinces[x].add(full.nodes[d]["province"])
    ids = {n: f"n{i}" for i, n in enumerate(g.nodes)}  # short ids: an IRI per edge end would double the page
    nodes = []
    for n in g.nodes:
        a = g.nodes[n]
        kind = a["type"]
        shape, colour, _, _ = TYPE_STYLE[kind]
        level = a.get("level", "unknown") if kind == REGULATION else None
        if kind == DISTRICT:
            provinces, years = ([a["province"]] if a.get("province") else []), list(a.get("years", []))
        else:
            provinces, years = sorted(edge_provinces[n]), sorted(edge_years[n])
        degree = full.degree(n)
        node = {
            "id": ids[n],
            "iri": n,
            "label": _short(a["label"]),
            "name": a["label"],
            "title": _tooltip(full, n, examples),
            "group": kind,
            "shape": shape,
            "color": colour or LEVEL_COLOURS.get(level, LEVEL_COLOURS["unknown"]),
            "size": round(min(50.0, 7 + 4 * math.sqrt(degree)), 1),
            "provinces": provinces,
            "years": years,
            "x": pos[n][0],
            "y": pos[n][1],
        }
        if level:
            node["level"] = level
        if kind == DISTRICT:  # district names stay readable when the whole graph is in view
            node["font"] = {"size": 20, "color": "#1a365d"}
        nodes.append(node)
    edges = []
    for i, (u, v) in enumerate(g.edges, 1):
        e = g.edges[u, v]
        d, x = (u, v) if g.nodes[u]["type"] == DISTRICT else (v, u)
        role = e.get("role", "issues" if e.get("issues") else "cites")
        colour, dashes, _ = EDGE_STYLE[role]
        if role == "mentions":
            title = f"提及 mentioned in {e['weight']} reports"
        else:
            title = ", ".join(
                p
                for p in (
                    f"引用 cites ×{e['cites']}" if e.get("cites") else "",
                    f"印发 issues ×{e['issues']}" if e.get("issues") else "",
                )
                if p
            )
        edges.append(
            {
                "id": f"e{i}",
                "from": ids[d],
                "to": ids[x],
                "role": role,
                "title": title,
                "width": round(min(6.0, 1 + math.log2(e["weight"])), 2) if e.get("weight") else 1,
                "dashes": dashes,
                "color": {"color": colour},
                "years": list(e.get("years", [])),
            }
        )
    counts = {t: sum(1 for _, k in g.nodes(data="type") if k == t) for t in TYPE_STYLE}
    return nodes, edges, ViewSummary(len(nodes), len(edges), full.number_of_nodes(), counts)


def corpus_summary(reports: list[ReportRow], full: nx.Graph) -> str:
    """One line for the page's title: reports, districts, provinces, years, regulations and links."""
    years = sorted({r.year for r in reports if r.year})
    provinces = {r.province for r in reports if r.province}
    regs = [n for n, t in full.nodes(data="type") if t == REGULATION]
    cites = sum(1 for _, _, e in full.edges(data=True) if e.get("cites"))
    issues = sum(1 for _, _, e in full.edges(data=True) if e.get("issues"))
    span = (years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}") if years else "年份未知 year unknown"
    return (
        f"{len(reports)} 份报告 reports · {full.graph.get('districts', 0)} 个地区 districts · "
        f"{len(provinces)} 个省份 provinces · {span} · {len(regs)} 部文件 regulations · "
        f"{cites} 条引用 cite links · {issues} 条印发 issue links"
    )


def build_network(
    store: pyoxigraph.Store,
    heading: str | None = None,
    texts_dir: Path | None = None,
    options: ViewOptions | None = None,
) -> tuple[Network, ViewSummary]:
    """The pyvis Network of the store's graph, filled directly from the aggregated networkx graph, with our
    template and the page's extra values (summary, trimming notice, legend) as template globals."""
    options = options or ViewOptions()
    reports = all_reports(store)
    full = view_graph(store, options.with_measures, options.with_organisations, reports=reports)
    shown = most_connected(full, options.max_nodes)
    regs = {n for n, t in shown.nodes(data="type") if t == REGULATION}
    examples = example_sentences(store, texts_dir, regs, options.examples, reports=reports)
    nodes, edges, summary = vis_data(full, options, examples)

    net = Network(height="100%", width="100%", cdn_resources="in_line", heading=heading or TITLE)
    env = Environment(
        loader=FileSystemLoader([str(Path(__file__).parent.parent / "data"), str(Path(net.template_dir))]),
        autoescape=True,
    )
    # tojson keeps escaping < > & ' but writes Chinese as UTF-8 instead of \uXXXX (half the bytes)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    notice = ""
    if summary.trimmed:
        notice = (
            f"只显示连接最多的 {summary.nodes} 个节点（共 {summary.total_nodes} 个） — showing the "
            f"{summary.nodes} most connected of {summary.total_nodes} nodes (--max-nodes {options.max_nodes})"
        )
    present = {t for t, c in summary.counts.items() if c}
    env.globals.update(
        {
            "summary": corpus_summary(reports, full),
            "notice": notice,
            "legend_nodes": [
                (TYPE_STYLE[t][2], TYPE_STYLE[t][1] or "#333333", TYPE_STYLE[t][3])
                for t in TYPE_STYLE
                if t in present or t in (DISTRICT, REGULATION)
            ],
            "legend_levels": [(LEVEL_COLOURS[k], LEVEL_NAMES[k]) for k in LEVEL_COLOURS],
            "legend_edges": [
                (EDGE_STYLE[r][0], EDGE_STYLE[r][2])
                for r in EDGE_STYLE
                if r != "mentions" or options.with_measures or options.with_organisations
            ],
        }
    )
    net.templateEnv = env
    net.path = TEMPLATE
    net.nodes, net.edges = nodes, edges
    net.node_ids = [n["id"] for n in nodes]
    net.node_map = {n["id"]: n for n in nodes}
    net.options = {
        "physics": {"enabled": False},
        "edges": {"smooth": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": len(edges) > 5000},
        "nodes": {"font": {"size": 12, "face": "Noto Sans CJK SC, Microsoft YaHei, WenQuanYi Micro Hei, sans-serif"}},
        "layout": {"improvedLayout": False},
    }
    return net, summary


def render_html(
    store: pyoxigraph.Store,
    path: Path,
    heading: str | None = None,
    texts_dir: Path | None = None,
    options: ViewOptions | None = None,
) -> ViewSummary:
    """Write the offline HTML view of the graph in ``store`` to ``path`` (atomically); ``texts_dir`` holds the
    reports' texts (``texts/<report>.txt`` of a build) for example sentences."""
    net, summary = build_network(store, heading, texts_dir, options)
    atomic_write_text(Path(path), net.generate_html(name="graph.html"))
    return summary


def render_graph_file(graph: Path, path: Path, options: ViewOptions | None = None) -> ViewSummary:
    """``kg view``: draw a built ``graph.ttl`` (texts read from the ``texts/`` folder beside it)."""
    graph = Path(graph)
    return render_html(load_store(graph), path, texts_dir=graph.parent / "texts", options=options)
