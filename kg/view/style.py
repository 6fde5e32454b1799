"""How each kind of node and edge looks, in one place: the vis-network nodes (kg.view.vis), the edges the page
draws (their styles travel in the page's data, kg.view.data) and the page's legend (kg.view.page) all read these
tables, so the legend cannot disagree with the drawing.

Node size means one thing for every kind: the number of districts the node stands for — a regulation, measure or
organisation by the districts referring to it, a province by its districts, a district by itself (all districts
are the same size). Cited and issued edges differ by colour *and* dash, so that they can be told apart at any
zoom."""

from __future__ import annotations

import math

from kg.analyse import DISTRICT, MEASURE, ORGANISATION, REGULATION

#: The ``type`` of the page's province nodes: a province's districts, drawn as one node until it is expanded.
PROVINCE = "province"

LEVEL_COLOURS = {
    "national": "#c53030",
    "provincial": "#dd6b20",
    "municipal": "#b7791f",
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
    PROVINCE: ("hexagon", "#4a5568", "⬢", "省份 province (双击展开 double-click: expand)"),
    DISTRICT: ("square", "#2b6cb0", "■", "地区 district"),
    REGULATION: ("dot", None, "●", "文件 regulation (颜色 = 层级 colour = level)"),
    MEASURE: ("triangle", "#805ad5", "▲", "措施 measure"),
    ORGANISATION: ("diamond", "#319795", "◆", "机构 organisation"),
}
EDGE_STYLE = {  # colour, dashes, legend text
    "cites": ("#4a6fa5", False, "━━ 引用 cites"),
    "issues": ("#d53f8c", [8, 5], "╍╍ 印发 issues"),
    "mentions": ("#9f7aea", [2, 4], "┈┈ 提及 mentions"),
}
#: What node size means, for the legend.
SIZE_TEXT = (
    "大小 = 地区数 size = number of districts (引用它的 referring to it · 省内的 in the province; 对数 log scale)"
)
#: Edges drawn from a collapsed province: one per role, wider for more districts.
AGGREGATE_TEXT = (
    "省份的边 = 其地区的边合并 a province's edge stands for its districts' edges (粗细 = 地区数 width = districts)"
)
HIGHLIGHT = {"selected": "#f6ad55", "dimmed": 0.2}  # the clicked node's ring colour; opacity of the rest
#: The node kinds ranked and laid out as items (everything but districts and provinces).
ITEM_KINDS = (REGULATION, MEASURE, ORGANISATION)
#: The priority of each kind's labels when labels compete for room (smaller first).
LABEL_PRIORITY = {PROVINCE: 0, DISTRICT: 1, REGULATION: 2, MEASURE: 3, ORGANISATION: 3}


def node_size(districts: int) -> float:
    """A node's radius from the number of districts it stands for (log scale, so that a regulation cited by
    2,700 districts is not a hundred times wider than one cited by 27).

    >>> node_size(1), node_size(7), node_size(2700)
    (9.0, 17.0, 50.6)
    """
    return round(5 + 4 * math.log2(1 + max(0, districts)), 1)


def edge_width(count: int) -> float:
    """An edge's width from the number of reports (a district's edge) or districts (a province's edge) behind it.

    >>> edge_width(1), edge_width(4), edge_width(1000)
    (1.0, 3.0, 6.0)
    """
    return round(min(6.0, 1 + math.log2(max(1, count))), 2)
