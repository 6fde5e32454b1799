"""Canonical identity of regulations: law table, named place, or the citing report's area (see kg.resolve)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.areas import Area, area_table
from kg.lawtable import law_table
from kg.model import AreaRef, RegulationMention
from kg.resources import data_csv
from kg.titles import normalise_title

_TRAILING_PAREN = re.compile(r"（[^（）]*）$")


@dataclass
class RegulationNode:
    key: str
    label: str
    kind: str
    issuer_level: str
    alt_labels: set[str] = field(default_factory=set)
    document_numbers: set[str] = field(default_factory=set)
    implements: set[str] = field(default_factory=set)  # keys of documents this one implements (nested titles)
    scope_area: str | None = None  # area code, for local titles that do not name their issuer



@lru_cache(maxsize=1)
def _kind_endings() -> list[tuple[str, str]]:
    return sorted(((r["ending"], r["kind"]) for r in data_csv("regulation_kinds.csv")), key=lambda x: -len(x[0]))


def classify_kind(title: str) -> str:
    """kg:kind from the title's last word (after any trailing （试行）/（2021—2025年）)."""
    core = title
    while _TRAILING_PAREN.search(core):
        core = _TRAILING_PAREN.sub("", core)
    for ending, kind in _kind_endings():
        if core.endswith(ending):
            if ending == "法" and core.endswith(("办法", "方法", "做法", "用法")):
                continue
            return kind
    return "other"


def named_place(title: str) -> Area | None:
    """The area a title starts with (山西省…, 大同市新荣区…, 宁夏…), the most specific one named."""
    table = area_table()
    head = title[:20]
    head = re.sub(r"^(?:中共|中国共产党|关于|印发)", "", head)
    chain: list[Area] = []
    pos = 0
    for start, end, name in table.find(head):
        if start > pos + 1:
            break
        candidates = table.lookup(name)
        if chain:
            narrowed = [a for a in candidates if a.parent == chain[-1].code]
            candidates = narrowed or candidates
        if not candidates:
            break
        chain.append(candidates[0])
        pos = end
    if chain:
        return chain[-1]
    for short, areas in table.by_short.items():  # 宁夏…, 山西…: a province by its short name
        if head.startswith(short) and areas[0].level == "province":
            return areas[0]
    return None


def _level_of(area: Area) -> str:
    return {"province": "provincial", "prefecture": "municipal", "county": "local"}[area.level]


def regulation_identity(mention: RegulationMention, report_area: AreaRef | None) -> RegulationNode:
    """The canonical node (not yet merged) a regulation mention denotes."""
    title = normalise_title(mention.title)
    law = law_table().get(title)
    if law is not None:
        return RegulationNode(key=law.title, label=law.title, kind=law.kind, issuer_level="national")
    place = named_place(title)
    kind = classify_kind(title)
    if place is not None:
        if kind == "local_regulation" and place.level == "county":
            kind = "normative_document"  # a county cannot make 条例
        return RegulationNode(key=title, label=title, kind=kind, issuer_level=_level_of(place))
    scope = report_area.code if report_area else None
    level = "unknown"
    if mention.role == "issued" and report_area is not None:
        level = {"province": "provincial", "prefecture": "municipal", "county": "local"}[report_area.level]
    return RegulationNode(key=f"{scope}|{title}" if scope else title, label=title, kind=kind, issuer_level=level,
                          scope_area=scope)
