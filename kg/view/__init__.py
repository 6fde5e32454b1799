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

One module per job; this package re-exports the names the CLI, the build, the scripts and the tests use:

- :mod:`kg.view.options` — ``ViewOptions`` (what to draw) and ``ViewSummary`` (what was drawn);
- :mod:`kg.view.graph` — which nodes and edges are drawn (``view_graph``, ``most_connected``);
- :mod:`kg.view.positions` — the seeded, precomputed ``layout``;
- :mod:`kg.view.sentences` — example sentences around the regulations' mentions;
- :mod:`kg.view.tooltips` — the nodes' plain-text tooltips;
- :mod:`kg.view.style` — shapes, colours and legend texts by node type, issuer level and edge role;
- :mod:`kg.view.vis` — the vis-network node and edge dicts (``vis_data``);
- :mod:`kg.view.page` — the pyvis network, legend and HTML page (``build_network``, ``render_html``).
"""

from kg.view.graph import most_connected, view_graph
from kg.view.options import DEFAULT_MAX_NODES, ViewOptions, ViewSummary
from kg.view.page import TEMPLATE, TITLE, build_network, corpus_summary, render_graph_file, render_html
from kg.view.positions import layout
from kg.view.sentences import SENTENCE_END, example_sentences, sentence_around
from kg.view.style import EDGE_STYLE, LEVEL_COLOURS, LEVEL_NAMES, LIST_MAX, TYPE_STYLE
from kg.view.vis import vis_data

__all__ = [
    "DEFAULT_MAX_NODES",
    "EDGE_STYLE",
    "LEVEL_COLOURS",
    "LEVEL_NAMES",
    "LIST_MAX",
    "SENTENCE_END",
    "TEMPLATE",
    "TITLE",
    "TYPE_STYLE",
    "ViewOptions",
    "ViewSummary",
    "build_network",
    "corpus_summary",
    "example_sentences",
    "layout",
    "most_connected",
    "render_graph_file",
    "render_html",
    "sentence_around",
    "view_graph",
    "vis_data",
]
