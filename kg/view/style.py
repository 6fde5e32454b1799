"""How each kind of node and edge looks, in one place: the vis-network nodes and edges (kg.view.vis), the
tooltips (kg.view.tooltips) and the page's legend (kg.view.page) all read these tables, so the legend cannot
disagree with the drawing."""

from __future__ import annotations

from kg.analyse import DISTRICT, MEASURE, ORGANISATION, REGULATION

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
