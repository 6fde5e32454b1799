"""The HTML view: which regulations which districts cite, drawn with pyvis (vis-network), fully offline, readable
at 3,000 districts and 5,000 regulations.

pyvis is used for its data model and ``generate_html()``, with our own template (``kg/data/graph.html.j2``) and
script (``kg/data/graph-view.js``): pyvis 0.3.2's templates load bootstrap (and in ``local`` mode vis-network)
from CDNs, so ours inlines vis-network from pyvis's own package, and the script ships in this package. The page
opens on an overview: provinces stand for their districts (a double-click expands one), the items most districts
refer to sit in the middle in rank order, labels are drawn by the page in priority order wherever they overlap no
other label. A click on a regulation highlights and lists its districts (with the sentence and report of each
citation); a click on a district lists what it refers to and what no other district of its province does; the
search finds any written form. The layout is computed here without randomness and physics is off, so the page is
still at once and the same graph gives byte-identical HTML. Every string reaches the page through Jinja's
autoescaping or ``tojson`` (which escapes ``<``, ``>``, ``&``, ``'``) and the script sets text only with
``textContent`` or vis titles (``innerText``), so a title containing ``<script>`` is shown, never run.

One module per job; this package re-exports the names the CLI, the build, the scripts and the tests use:

- :mod:`kg.view.options` — ``ViewOptions`` (what to draw) and ``ViewSummary`` (what was drawn);
- :mod:`kg.view.graph` — which nodes and edges are drawn (``view_graph``, ``most_connected``), the provinces,
  the ranking of items;
- :mod:`kg.view.whole` — the drawn graph chosen from counters of the whole (``drawn_graph``, ``Whole``: what the page
  shows of the whole graph), without building it;
- :mod:`kg.view.positions` — the precomputed radial ``layout``;
- :mod:`kg.view.sentences` — the sentence of each citation, from the build's texts;
- :mod:`kg.view.style` — shapes, colours, sizes and legend texts by node kind, issuer level and edge role;
- :mod:`kg.view.vis` — the vis-network node dicts (``vis_nodes``);
- :mod:`kg.view.data` — the page's data: nodes, pairs, citations, reports, sentences (``page_data``);
- :mod:`kg.view.page` — the pyvis network, legend and HTML page (``build_network``, ``render_html``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Each name is imported from its module on first use (PEP 562): pyvis, Jinja and networkx cost a second to import,
# which a build without a page (or a command that only reads DEFAULT_MAX_NODES) should not pay.
_MODULES = {
    "data": ("ROLES", "page_data"),
    "graph": ("NO_PROVINCE", "Province", "most_connected", "provinces", "ranked_items", "view_graph"),
    "options": ("DEFAULT_MAX_NODES", "ViewOptions", "ViewSummary"),
    "page": ("TEMPLATE", "TITLE", "build_network", "corpus_summary", "render_graph_file", "render_html"),
    "positions": ("layout",),
    "sentences": ("SENTENCE_END", "citation_sentences", "sentence_around", "text_files"),
    "style": ("EDGE_STYLE", "LEVEL_COLOURS", "LEVEL_NAMES", "PROVINCE", "TYPE_STYLE", "node_size"),
    "vis": ("vis_nodes",),
    "whole": ("Whole", "drawn_graph"),
}
_HOME = {name: module for module, names in _MODULES.items() for name in names}

if TYPE_CHECKING:
    from kg.view.data import ROLES, page_data
    from kg.view.graph import NO_PROVINCE, Province, most_connected, provinces, ranked_items, view_graph
    from kg.view.options import DEFAULT_MAX_NODES, ViewOptions, ViewSummary
    from kg.view.page import TEMPLATE, TITLE, build_network, corpus_summary, render_graph_file, render_html
    from kg.view.positions import layout
    from kg.view.sentences import SENTENCE_END, citation_sentences, sentence_around, text_files
    from kg.view.style import EDGE_STYLE, LEVEL_COLOURS, LEVEL_NAMES, PROVINCE, TYPE_STYLE, node_size
    from kg.view.vis import vis_nodes
    from kg.view.whole import Whole, drawn_graph


def __getattr__(name: str) -> Any:
    if name in _MODULES:  # a module of the package (``kg.view.page``) not imported yet
        return importlib.import_module(f"kg.view.{name}")
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'kg.view' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"kg.view.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "DEFAULT_MAX_NODES",
    "EDGE_STYLE",
    "LEVEL_COLOURS",
    "LEVEL_NAMES",
    "NO_PROVINCE",
    "PROVINCE",
    "ROLES",
    "SENTENCE_END",
    "TEMPLATE",
    "TITLE",
    "TYPE_STYLE",
    "Province",
    "ViewOptions",
    "ViewSummary",
    "Whole",
    "build_network",
    "citation_sentences",
    "corpus_summary",
    "drawn_graph",
    "layout",
    "most_connected",
    "node_size",
    "page_data",
    "provinces",
    "ranked_items",
    "render_graph_file",
    "render_html",
    "sentence_around",
    "text_files",
    "view_graph",
    "vis_nodes",
]
