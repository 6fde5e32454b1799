"""The tooltip of each node: plain text with line breaks (vis-network sets string titles with ``innerText``, so a
title holding ``<script>`` is shown, never run). Neighbours are counted in the full graph, not the drawn one, so
that a trimmed page still tells the whole story of the nodes it shows."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from kg.analyse import DISTRICT, MEASURE, ORGANISATION, REGULATION
from kg.view.style import LEVEL_NAMES, LIST_MAX


def tooltip(full: nx.Graph, node: str, examples: dict[str, list[tuple[str, str]]]) -> str:
    """The tooltip of ``node`` of ``full``: a district's counts, a regulation's districts and example sentences
    (``examples``, by regulation), or the districts that mention a measure or organisation."""
    kind = full.nodes[node]["type"]
    if kind == DISTRICT:
        return _district(full, node)
    if kind == REGULATION:
        return _regulation(full, node, examples.get(node))
    return _mentioned(full, node)


def _district(full: nx.Graph, node: str) -> str:
    a = full.nodes[node]
    by_type: dict[str, list[str]] = defaultdict(list)
    for n in full.neighbors(node):
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


def _regulation(full: nx.Graph, node: str, examples: list[tuple[str, str]] | None) -> str:
    a = full.nodes[node]
    neighbours = list(full.neighbors(node))
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
    if examples:
        lines.append("例句 examples:")
        for sentence, report in examples:
            lines += [f"  「{sentence}」", f"    — {report}"]
    return "\n".join(lines)


def _mentioned(full: nx.Graph, node: str) -> str:
    a = full.nodes[node]
    neighbours = list(full.neighbors(node))
    name = "措施 measure" if a["type"] == MEASURE else "机构 organisation"
    return "\n".join(
        [a["label"], f"类型 kind: {name}", f"提及地区 mentioned by ({len(neighbours)}):", *_names(full, neighbours)]
    )


def _names(g: nx.Graph, nodes: list[str]) -> list[str]:
    """The nodes' labels, sorted and indented, at most ``LIST_MAX`` of them (a tooltip must fit on the screen).

    >>> g = nx.Graph()
    >>> g.add_nodes_from([("b", {"label": "乙"}), ("a", {"label": "甲"})])
    >>> _names(g, ["b", "a"])
    ['  乙', '  甲']
    """
    names = sorted(g.nodes[n]["label"] for n in nodes)
    shown = [f"  {x}" for x in names[:LIST_MAX]]
    if len(names) > LIST_MAX:
        shown.append(f"  … 另有 {len(names) - LIST_MAX} 个 and {len(names) - LIST_MAX} more")
    return shown
