"""A tiny hand-made citation graph, the one every docstring example of :mod:`kg.analyse` runs on."""

from __future__ import annotations

import networkx as nx

from kg.analyse.citations import graph_from_citations
from kg.analyse.rows import Citation, ReportRow


def example_graph() -> nx.Graph:
    """The graph the docstring examples of kg.analyse run on (and one to try things out on).

    甲区 and 乙区 (省A) and 丙县 (省B); 乙区 sent two reports. 纲要 is cited by all three (4 reports), 处罚法 by
    甲区 and 乙区, 规划 by 丙县, and 甲区 issued 甲区办法.

    >>> g = example_graph()
    >>> sorted(g.nodes[n]["label"] for n in g if g.nodes[n]["type"] == "regulation")
    ['处罚法', '甲区办法', '纲要', '规划']
    >>> g.edges["d:乙区", "r:纲要"]["weight"], g.graph["districts"]
    (2, 3)
    """
    reports = [
        ReportRow("rep:1", "甲区2022年报告", "2022", "d:甲区", "甲区", "p:A", "省A", "100000"),
        ReportRow("rep:2", "乙区2022年报告", "2022", "d:乙区", "乙区", "p:A", "省A", "100000"),
        ReportRow("rep:3", "乙区2023年报告", "2023", "d:乙区", "乙区", "p:A", "省A", "100000"),
        ReportRow("rep:4", "丙县2023年报告", "2023", "d:丙县", "丙县", "p:B", "省B", "200000"),
    ]
    refs = [
        ("rep:1", "纲要", "cites"),
        ("rep:1", "处罚法", "cites"),
        ("rep:1", "甲区办法", "issues"),
        ("rep:2", "纲要", "cites"),
        ("rep:2", "处罚法", "cites"),
        ("rep:3", "纲要", "cites"),
        ("rep:4", "纲要", "cites"),
        ("rep:4", "规划", "cites"),
    ]
    by_id = {r.report: r for r in reports}
    cites = [
        Citation(
            rid,
            by_id[rid].district,
            by_id[rid].district_label,
            f"r:{reg}",
            reg,
            role,
            by_id[rid].year,
            by_id[rid].province_label,
        )
        for rid, reg, role in refs
    ]
    levels = {"纲要": "national", "处罚法": "national", "规划": "national", "甲区办法": "local"}
    details = {f"r:{k}": {"label": k, "kind": "other", "level": v} for k, v in levels.items()}
    return graph_from_citations(cites, reports, details)
