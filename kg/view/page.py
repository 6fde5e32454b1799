"""The HTML page: the pyvis Network holding our vis nodes and options, our template (``kg/data/graph.html.j2``)
with the corpus summary, trimming notice, legend and the page's data, our script and style
(``kg/data/graph-view.js``, ``graph-view.css``) inlined, and the atomic write of ``graph.html``.

pyvis is used for its data model and ``generate_html()`` only: its 0.3.2 templates load bootstrap (and in
``local`` mode vis-network) from CDNs, so ours inlines vis-network from pyvis's own package. The network is
filled directly (pyvis's ``add_node``/``add_edge`` are quadratic), physics is off (the layout is precomputed), and
the edges are built by the page from compact pairs (:mod:`kg.view.data`), only for what it draws."""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pyoxigraph
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from pyvis.network import Network

from kg.analyse import (
    DISTRICT,
    MEASURE,
    ORGANISATION,
    REGULATION,
    Citation,
    CompactGraph,
    ReportRow,
    all_reports,
    citations_among,
    regulation_details,
)
from kg.fsutil import atomic_write_text
from kg.rdf.store import load_store
from kg.rdf.viewrows import ViewRows
from kg.view.data import Table, page_data
from kg.view.graph import most_connected, provinces, view_graph
from kg.view.options import ViewOptions, ViewSummary
from kg.view.style import (
    AGGREGATE_TEXT,
    EDGE_STYLE,
    HIGHLIGHT,
    LEVEL_COLOURS,
    LEVEL_NAMES,
    PROVINCE,
    SIZE_TEXT,
    TYPE_STYLE,
)
from kg.view.whole import Whole, drawn_graph

#: How the page's JSON is written: keys sorted (the same graph gives the same bytes), Chinese as UTF-8 rather than
#: \uXXXX escapes (half the bytes).
JSON = {"sort_keys": True, "ensure_ascii": False}
#: What Jinja's ``tojson`` (``htmlsafe_json_dumps``) escapes in JSON written into a page, and how.
_ESCAPED = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"}
TEMPLATE = "graph.html.j2"
SCRIPT = "graph-view.js"
STYLE = "graph-view.css"
TITLE = "法治政府建设报告知识图谱 fazhi-kg"
_DATA = Path(__file__).parent.parent / "data"  # where TEMPLATE, SCRIPT and STYLE are


def corpus_summary(reports: list[ReportRow], full: nx.Graph | Whole) -> str:
    """One line for the page's title: reports, districts, provinces, years, regulations and links."""
    years = sorted({r.year for r in reports if r.year})
    provinces = {r.province for r in reports if r.province}
    if isinstance(full, Whole):
        regs, cites, issues = full.regulations, full.cite_links, full.issue_links
    else:
        regs = sum(1 for _, t in full.nodes(data="type") if t == REGULATION)
        cites = sum(1 for _, _, e in full.edges(data=True) if e.get("cites"))
        issues = sum(1 for _, _, e in full.edges(data=True) if e.get("issues"))
    span = (years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}") if years else "年份未知 year unknown"
    return (
        f"{len(reports)} 份报告 reports · {full.graph.get('districts', 0)} 个地区 districts · "
        f"{len(provinces)} 个省份 provinces · {span} · {regs} 部文件 regulations · "
        f"{cites} 条引用 cite links · {issues} 条印发 issue links"
    )


def build_network(
    store: pyoxigraph.Store | ViewRows,
    heading: str | None = None,
    texts_dir: Path | None = None,
    options: ViewOptions | None = None,
) -> tuple[Network, ViewSummary]:
    """The pyvis Network of the store's graph: every node (the provinces too) as a vis dict in ``net.nodes``,
    our template, and the page's other values (summary, notice, legend, data, script) as template globals."""
    options = options or ViewOptions()
    reports = all_reports(store)
    full, shown, cites = _graphs(store, reports, options)
    data, summary = page_data(store, full, shown, provinces(shown, reports), reports, cites, options, texts_dir)

    net = Network(height="100%", width="100%", cdn_resources="in_line", heading=heading or TITLE)
    env = _environment(net, options.compress_above)
    env.globals.update(
        {
            "summary": corpus_summary(reports, full),
            "notice": _notice(summary, options),
            "data": {k: v for k, v in data.items() if k != "nodes"},
            "view_js": _asset(SCRIPT),
            "view_css": _asset(STYLE),
            **_legend(summary, options),
        }
    )
    net.templateEnv = env
    net.path = TEMPLATE
    net.nodes, net.edges = data["nodes"], []
    net.node_ids = [n["id"] for n in net.nodes]
    net.node_map = {n["id"]: n for n in net.nodes}
    net.options = _vis_options()
    return net, summary


def _graphs(
    store: pyoxigraph.Store | ViewRows, reports: list[ReportRow], options: ViewOptions
) -> tuple[nx.Graph | Whole, nx.Graph | CompactGraph, list[Citation]]:
    """What the page shows of the whole graph, the drawn graph and its citations. The citations are read twice,
    never listed all: counted, then those of the drawn nodes kept. Without measures and organisations the whole
    graph is only counted (:mod:`kg.view.whole`); with them it is built, then trimmed."""
    if not (options.with_measures or options.with_organisations):
        shown, whole, cites = drawn_graph(store, reports, options.max_nodes)
        return whole, shown, cites
    details = regulation_details(store)
    full = view_graph(store, options.with_measures, options.with_organisations, reports=reports, details=details)
    shown = most_connected(full, options.max_nodes)
    return full, shown, citations_among(store, reports, details, shown)


def _asset(name: str) -> Markup:
    """A script or style of ``kg/data`` to inline (ours, trusted; it must not close its element early)."""
    text = (_DATA / name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"{name} closes its element early")
    return Markup(text)


def _environment(net: Network, compress_above: int | None = None) -> Environment:
    """Jinja with our template first and pyvis's (for the inlined vis-network) second, autoescaping every string
    (titles reach the page escaped, so a title holding ``<script>`` is shown, never run), and the ``block``
    filter that writes a data block (:func:`data_block`)."""
    env = Environment(loader=FileSystemLoader([str(_DATA), str(Path(net.template_dir))]), autoescape=True)
    env.policies["json.dumps_kwargs"] = JSON
    env.filters["block"] = lambda value, ident: data_block(value, ident, compress_above)
    return env


def data_block(value: object, ident: str, compress_above: int | None = None) -> Markup:
    r"""The ``<script>`` element holding ``value`` for the page's script: JSON escaped as Jinja's ``tojson``
    escapes it (``<``, ``>``, ``&``, ``'`` as ``\u00XX``), or, when that is longer than ``compress_above``
    characters, the JSON compressed with gzip (level 9, no timestamp: the same value gives the same bytes) and
    written in base64 — a sixth of the size for the synthetic 3,000 districts, and nothing in it can be markup.

    >>> print(data_block({"a": "<b>"}, "x"))
    <script type="application/json" id="x">{"a": "\u003cb\u003e"}</script>
    >>> print(data_block({"a": "<b>"}, "x", 5)[:74])
    <script type="application/gzip" id="x" data-encoding="gzip+base64">H4sIAAA
    """
    kept: list[str] | None = []  # the JSON while it is short enough to be written as it is
    length = 0
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # = gzip.compress(raw, compresslevel=9, mtime=0)
    packed = []
    for chunk in json_chunks(value):
        length += len(chunk) + 5 * sum(chunk.count(c) for c in _ESCAPED)  # as htmlsafe_json_dumps escapes it
        if kept is not None:
            kept.append(chunk)
            if compress_above is not None and length > compress_above:
                kept = None
        if compress_above is not None:
            packed.append(packer.compress(chunk.encode("utf-8")))
    if kept is not None:
        text = "".join(kept)
        for c, escaped in _ESCAPED.items():
            text = text.replace(c, escaped)
        return Markup(f'<script type="application/json" id="{ident}">') + Markup(text) + Markup("</script>")
    packed.append(packer.flush())
    text = base64.b64encode(b"".join(packed)).decode("ascii")
    return Markup(f'<script type="application/gzip" id="{ident}" data-encoding="gzip+base64">{text}</script>')


def json_chunks(value: object, batch: int = 2000) -> Iterator[str]:
    """``json.dumps(value, **JSON)`` in pieces, each written by the C encoder: a dict's values and a long list's
    items ``batch`` at a time, a :class:`~kg.view.data.Table` as the list of lists it stands for. The page's data
    at 100,000 reports is hundreds of MB of JSON, which as one string (and its escaped, encoded and compressed
    copies) was the drawing's peak.

    >>> value = {"b": [1, [2, 3], "é"], "a": {}}
    >>> "".join(json_chunks(value, batch=2)) == json.dumps(value, **JSON)
    True
    """
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        yield "{"
        for i, key in enumerate(sorted(value)):
            yield (", " if i else "") + json.dumps(key, **JSON) + ": "
            yield from json_chunks(value[key], batch)
        yield "}"
    elif isinstance(value, Table) or (isinstance(value, list) and len(value) > batch):
        yield "["
        for i in range(0, len(value), batch):
            yield (", " if i else "") + json.dumps(value[i : i + batch], **JSON)[1:-1]
        yield "]"
    else:
        yield json.dumps(value, **JSON)


def _notice(summary: ViewSummary, options: ViewOptions) -> str:
    """The line that says the page is trimmed, and how to see more; empty when everything is drawn."""
    if not summary.trimmed:
        return ""
    return (
        f"只显示连接最多的 {summary.nodes} 个节点（共 {summary.total_nodes} 个） — showing the "
        f"{summary.nodes} most connected of {summary.total_nodes} nodes (--max-nodes {options.max_nodes})"
    )


def _legend(summary: ViewSummary, options: ViewOptions) -> dict:
    """The legend's rows and the layer switches (template globals): the node kinds drawn (provinces, districts and
    regulations always), the issuer levels, the edge roles (mentions only when measures or organisations were
    asked for), what size means, and the highlight."""
    present = {t for t, c in summary.counts.items() if c} | {PROVINCE, DISTRICT, REGULATION}
    mentions = options.with_measures or options.with_organisations
    return {
        "legend_nodes": [
            (TYPE_STYLE[t][2], TYPE_STYLE[t][1] or "#333333", TYPE_STYLE[t][3]) for t in TYPE_STYLE if t in present
        ],
        "legend_levels": [(LEVEL_COLOURS[k], LEVEL_NAMES[k]) for k in LEVEL_COLOURS],
        "legend_edges": [
            (colour, " ".join(map(str, dashes)) if dashes else "none", text)
            for r, (colour, dashes, text) in EDGE_STYLE.items()
            if r != "mentions" or mentions
        ],
        "layers": [(t, TYPE_STYLE[t][3]) for t in (MEASURE, ORGANISATION) if summary.counts.get(t)],
        "size_text": SIZE_TEXT,
        "aggregate_text": AGGREGATE_TEXT,
        "highlight_colour": HIGHLIGHT["selected"],
    }


def _vis_options() -> dict:
    """vis-network's options: no physics and no layout pass (positions are precomputed), tooltips on hover; no
    labels or edges of vis's own (the page draws them: labels decluttered, edges in batches)."""
    return {
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 200, "selectConnectedEdges": False, "multiselect": False},
        "nodes": {"borderWidth": 1},
        "layout": {"improvedLayout": False},
    }


def render_html(
    store: pyoxigraph.Store | ViewRows,
    path: Path,
    heading: str | None = None,
    texts_dir: Path | None = None,
    options: ViewOptions | None = None,
) -> ViewSummary:
    """Write the offline HTML view of the graph in ``store`` (a pyoxigraph store, or the rows of one,
    :class:`kg.rdf.viewrows.ViewRows`: the build's table; measures and organisations are drawn from a store only)
    to ``path`` (atomically); ``texts_dir`` holds the reports' texts (``texts/<report>.txt`` of a build) for
    example sentences."""
    net, summary = build_network(store, heading, texts_dir, options)
    atomic_write_text(Path(path), net.generate_html(name="graph.html"))
    return summary


def render_graph_file(graph: Path, path: Path, options: ViewOptions | None = None) -> ViewSummary:
    """``kg view``: draw a built ``graph.ttl`` (texts read from the ``texts/`` folder beside it)."""
    graph = Path(graph)
    return render_html(load_store(graph), path, texts_dir=graph.parent / "texts", options=options)
