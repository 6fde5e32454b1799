"""Canonical identity of regulations: one node per real document, however reports spell it.

The identity key of a title, in order of trust:

1. the law table (``kg/data/laws.csv``): a national law, State Council regulation or central document, by its
   full title or any short name (《行政处罚法》 = 中华人民共和国行政处罚法), or — for long titles — a spelling one
   mistyped character away from exactly one table title (督查/督察), kept as an altLabel;
2. the place the title names (山西省…, 银川市兴庆区…, 兴庆区委…): the key is the title with its place written as
   the full path of the area (兴庆区… → 银川市兴庆区…) and without a leading 中共, so that a report's two ways of
   naming its own committee's work plan are one document; ambiguous names (several 城关区) are resolved towards
   the citing report's area;
3. a tier word instead of a place (省委办公厅…, 市政府关于…, 县委…): the document of the citing report's ancestor
   at that tier, so the key carries that area's code;
4. otherwise the document is scoped to the citing report's area (key ``<area code>|<title>``): two cities'
   《行政规范性文件管理规定》 are two documents. Unknown local titles are never merged fuzzily.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.lang.areas import Area, area_table, tier_word_at
from kg.lang.laws import Law, law_table
from kg.lang.titles import normalise_title, without_version
from kg.lang.zh import HAN_CLASS, TIERS
from kg.model import AreaRef, RegulationMention
from kg.resources import data_csv

_TRAILING_PAREN = re.compile(r"（[^（）]*）$")
_LEADING_WRAPPERS = re.compile(r"^(?:中共|中国共产党|关于印发|关于|印发)")
LEVEL_OF_TIER = {"national": "national", "province": "provincial", "prefecture": "municipal", "county": "local"}


@dataclass
class RegulationNode:
    key: str
    label: str
    kind: str
    issuer_level: str
    alt_labels: set[str] = field(default_factory=set)
    document_numbers: set[str] = field(default_factory=set)
    implements: set[str] = field(default_factory=set)  # keys of documents this one implements (nested titles)
    scope_area: str | None = None  # area code, for documents identified by the citing report's area
    issuer_area: str | None = None  # area code of the place the title names
    fixed_label: bool = False  # the law table's title: never replaced by a longer spelling


@lru_cache(maxsize=1)
def _kind_endings() -> list[tuple[str, str]]:
    return sorted(((r["ending"], r["kind"]) for r in data_csv("regulation_kinds.csv")), key=lambda x: -len(x[0]))


def classify_kind(title: str) -> str:
    """kg:kind from the title's last word (after any trailing （试行）/（2021—2025年））."""
    core = title
    while _TRAILING_PAREN.search(core):
        core = _TRAILING_PAREN.sub("", core)
    for ending, kind in _kind_endings():
        if core.endswith(ending):
            if ending == "法" and core.endswith(("办法", "方法", "做法", "用法", "说法", "想法")):
                continue
            return kind
    return "other"


def _kind_for_tier(title: str, tier: str) -> str:
    """The title's kind, corrected by who issued it: a 条例 is an administrative regulation of the State Council,
    a local regulation of a province or city, and a county cannot make one unless it is an autonomous county's
    自治条例/单行条例."""
    kind = classify_kind(title)
    if kind == "local_regulation":
        if tier == "national":
            return "administrative_regulation"
        if tier == "county" and not re.search(r"(?:自治条例|单行条例)(?:（[^）]*）)?$", title):
            return "normative_document"
    return kind


def named_place(title: str, near: AreaRef | None = None) -> tuple[Area, int, int] | None:
    """The area a title starts with, as (area, start, end) of its name in the title: the most specific of the
    chain of area names at the head (山西省…, 银川市兴庆区…, 兴庆区委…, 宁夏…). Several areas of one name are
    resolved towards ``near`` (the citing report's area): itself, then its relatives, then the first by code."""
    table = area_table()
    m = _LEADING_WRAPPERS.match(title)
    offset = m.end() if m else 0
    head = title[offset : offset + 24]
    chain: list[Area] = []
    first_start = None
    pos = 0
    for start, end, name in _places_in(head):
        if start > pos + (1 if chain else 0):
            break
        candidates = table.lookup(name)
        if chain:
            candidates = [a for a in candidates if a.parent == chain[-1].code] or candidates
        elif len(candidates) > 1 and near is not None:
            candidates = _towards(candidates, near)
        if not candidates:
            break
        chain.append(candidates[0])
        first_start = first_start if first_start is not None else start
        pos = end
    if chain:
        return chain[-1], offset + (first_start or 0), offset + pos
    for length in (3, 2):  # 宁夏…, 山西…, 内蒙古…: a province by its short name
        province = _province_shorts().get(head[:length])
        if province is not None:
            return province, offset, offset + length
    return None


@lru_cache(maxsize=1)
def _province_shorts() -> dict[str, Area]:
    return {short: areas[0] for short, areas in area_table().by_short.items() if areas[0].level == "province"}


@lru_cache(maxsize=65536)
def _places_in(head: str) -> tuple[tuple[int, int, str], ...]:
    """Area names in the head of a title, cached: the same titles come back report after report."""
    return tuple(area_table().find(head))


def _towards(candidates: list[Area], near: AreaRef) -> list[Area]:
    chain_codes = [c for c, _, _ in near.path]
    province = chain_codes[0] if chain_codes else None
    table = area_table()

    def closeness(a: Area) -> int:
        if a.code in chain_codes:
            return 0
        ancestors = [x.code for x in table.chain(a)]
        if near.code in ancestors:
            return 1
        if province and province in ancestors:
            return 2
        return 3

    return sorted(candidates, key=lambda a: (closeness(a), not a.current, a.code))


def _tier_of(title: str) -> tuple[str, int] | None:
    """The tier word a title starts with (省委…, 市政府…, 国务院…), with its length."""
    m = _LEADING_WRAPPERS.match(title)
    head = title[m.end() :] if m else title
    found = tier_word_at(head)  # (the longest: a longer word needs nothing more, a single character a body after it)
    if found is None or len(found[0]) == 1 and not _tier_word_ok(head):
        return None
    return found[1], len(found[0])


def _tier_word_ok(head: str) -> bool:
    """A bare 省/市/县/区 is a tier word only when a body follows (省委, 市政府办公室), not in 市场监管… or 区域…."""
    return bool(
        re.match(
            "^[" + TIERS + r"](?:委|政府|人民政府|人大|政协|法院|检察院|司法|人社|财政|发改|[" + HAN_CLASS + r"]{0,6}局"
            r"|[" + HAN_CLASS + r"]{0,6}办公室|[" + HAN_CLASS + r"]{0,4}委员会)",
            head,
        )
    )


def _ancestor_at(area: AreaRef | None, tier: str) -> tuple[str, str] | None:
    """(code, level) of the report area's ancestor at a tier; a county-level city's 市 is itself."""
    if area is None:
        return None
    if tier == "prefecture" and area.level == "county" and area.name.endswith("市"):
        return area.code, "county"
    for code, _, level in area.path:
        if level == tier:
            return code, level
    return None


def _place_key(title: str, place: Area, end: int) -> str:
    """The title with its place written in full (兴庆区… → 银川市兴庆区…) and without a leading 中共."""
    rest = title[end:]
    return area_table().full_name(place) + rest


@lru_cache(maxsize=16384)
def _law(title: str) -> Law | None:
    """The law table's entry for a normalised title (or its one-typo neighbour), cached like :func:`normalise_title`:
    the typo search alone tries every character of every title not in the table."""
    bare = without_version(title)
    return law_table().get(bare) or law_table().near(bare)


def regulation_identity(mention: RegulationMention, report_area: AreaRef | None) -> RegulationNode:
    """The canonical node (not yet merged with other mentions) a regulation mention denotes. It reads the mention's
    title and role only: :func:`kg.resolve.resolve` computes it once per title and role of a report."""
    title = normalise_title(mention.title)
    law = _law(title)
    if law is not None:
        return RegulationNode(key=law.title, label=law.title, kind=law.kind, issuer_level="national", fixed_label=True)
    tier = _tier_of(title)
    if tier is not None and tier[0] == "national":
        return RegulationNode(key=title, label=title, kind=_kind_for_tier(title, "national"), issuer_level="national")
    found = named_place(title, report_area)
    if found is not None:
        place, _, end = found
        return RegulationNode(
            key=_place_key(title, place, end),
            label=title,
            kind=_kind_for_tier(title, place.level),
            issuer_level=LEVEL_OF_TIER[place.level],
            issuer_area=place.code,
        )
    if tier is not None:
        ancestor = _ancestor_at(report_area, tier[0])
        level = LEVEL_OF_TIER[tier[0]]
        if ancestor is not None:
            return RegulationNode(
                key=f"{ancestor[0]}|{title}",
                label=title,
                kind=_kind_for_tier(title, tier[0]),
                issuer_level=level,
                scope_area=ancestor[0],
                issuer_area=ancestor[0],
            )
        return RegulationNode(key=title, label=title, kind=_kind_for_tier(title, tier[0]), issuer_level=level)
    scope = report_area.code if report_area else None
    level = "unknown"
    kind = classify_kind(title)
    if mention.role == "issued" and report_area is not None:
        level = LEVEL_OF_TIER[report_area.level]
        kind = _kind_for_tier(title, report_area.level)
    return RegulationNode(
        key=f"{scope}|{title}" if scope else title, label=title, kind=kind, issuer_level=level, scope_area=scope
    )


def work_key(mention: RegulationMention, report_area: AreaRef | None) -> str:
    """Identity of a non-regulation work (an annual report, a project, a book …): its type and title, and the
    citing report's area when the title names no place — two districts' 《2022年度法治政府建设情况报告》 are two
    reports, while 《某市某区2022年度…报告》 is one wherever it is named."""
    title = normalise_title(mention.title)
    if named_place(title, report_area) is None and report_area is not None:
        return f"{mention.category}|{report_area.code}|{title}"
    return f"{mention.category}|{title}"
