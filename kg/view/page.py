"""The HTML page: the pyvis Network filled with our vis data, our template (``kg/data/graph.html.j2``) with the
corpus summary, trimming notice and legend, and the atomic write of ``graph.html``.

pyvis is used for its data model and ``generate_html()`` only: its 0.3.2 templates load bootstrap (and in
``local`` mode vis-network) from CDNs, so ours inlines vis-network from pyvis's own package. The network is
filled directly (pyvis's ``add_node``/``add_edge`` are quadratic) and physics is off, the layout being
precomputed."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph
from jinja2 import Environment, FileSystemLoader
from pyvis.network import Network

from kg.analyse import DISTRICT, REGULATION, ReportRow, all_reports
from kg.fsutil import atomic_write_text
from kg.rdf.store import load_store
from kg.view.graph import most_connected, view_graph
from kg.view.options import ViewOptions, ViewSummary
from kg.view.sentences import example_sentences
from kg.view.style import EDGE_STYLE, LEVEL_COLOURS, LEVEL_NAMES, TYPE_STYLE
from kg.view.vis import vis_data

TEMPLATE = "graph.html.j2"
TITLE = "法治政府建设报告知识图谱 fazhi-kg"
_DATA = Path(__file__).parent.parent / "data"  # where TEMPLATE is


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
    env = _environment(net)
    env.globals.update(
        {"summary": corpus_summary(reports, full), "notice": _notice(summary, options), **_legend(summary, options)}
    )
    net.templateEnv = env
    net.path = TEMPLATE
    net.nodes, net.edges = nodes, edges
    net.node_ids = [n["id"] for n in nodes]
    net.node_map = {n["id"]: n for n in nodes}
    net.options = _vis_options(len(edges))
    return net, summary


def _environment(net: Network) -> Environment:
    """Jinja with our template first and pyvis's (for the inlined vis-network) second, autoescaping every string
    (titles reach the page escaped, so a title holding ``<script>`` is shown, never run)."""
    env = Environment(loader=FileSystemLoader([str(_DATA), str(Path(net.template_dir))]), autoescape=True)
    # tojson keeps escaping < > & ' but writes Chinese as UTF-8 instead of \uXXXX (half the bytes)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env


def _notice(summary: ViewSummary, options: ViewOptions) -> str:
    """The line that says the page is trimmed, and how to see more; empty when everything is drawn."""
    if not summary.trimmed:
        return ""
    return (
        f"只显示连接最多的 {summary.nodes} 个节点（共 {summary.total_nodes} 个） — showing the "
        f"{summary.nodes} most connected of {summary.total_nodes} nodes (--max-nodes {options.max_nodes})"
    )


def _legend(summary: ViewSummary, options: ViewOptions) -> dict[str, list[tuple]]:
    """The legend's rows (template globals): the node types drawn (districts and regulations always), the issuer
    levels, and the edge roles (mentions only when measures or organisations were asked for)."""
    present = {t for t, c in summary.counts.items() if c}
    return {
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


def _vis_options(edges: int) -> dict:
    """vis-network's options: no physics and no layout pass (positions are precomputed), tooltips on hover."""
    return {
        "physics": {"enabled": False},
        "edges": {"smooth": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": edges > 5000},
        "nodes": {"font": {"size": 12, "face": "Noto Sans CJK SC, Microsoft YaHei, WenQuanYi Micro Hei, sans-serif"}},
        "layout": {"improvedLayout": False},
    }


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
