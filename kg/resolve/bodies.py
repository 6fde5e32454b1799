"""Canonical names of governments and organisations: level prefixes expanded to the report's area,
abbreviations merged (see kg.resolve)."""

from __future__ import annotations

from functools import lru_cache

from kg.lang.areas import area_table
from kg.model import AreaRef
from kg.resources import data_csv


@lru_cache(maxsize=1)
def _abbreviations() -> list[tuple[str, str]]:
    return sorted(((r["short"], r["full"]) for r in data_csv("org_abbreviations.csv")), key=lambda x: -len(x[0]))


@lru_cache(maxsize=8192)  # (~2 MB: the names that recur stay)
def expand_abbreviation(name: str) -> str:
    """The name with a short ending written in full (kg/data/org_abbreviations.csv); remembered per name, since
    every report names the same bodies again and each name is tried against every ending."""
    for short, full in _abbreviations():
        if name.endswith(short) and not name.endswith(full):
            return name[: -len(short)] + full
    return name


# A body named by its tier instead of its place (区司法局, 市委, 自治区人民政府) belongs to the report's own area or
# the ancestor of that tier: the nearest area of the report's chain, county first, whose name ends with it.
_TIER_PREFIXES = (
    ("自治区", ("province",)),
    ("省", ("province",)),
    ("地区", ("prefecture",)),
    ("州", ("prefecture",)),
    ("盟", ("prefecture",)),
    ("市", ("county", "prefecture", "province")),
    ("县", ("county",)),
    ("区", ("county",)),
    ("旗", ("county",)),
)
_NOT_AFTER_TIER = set("场域级属直辖内外长民")  # 市场监管局, 区域, 县级, 市长 …: not a tier prefix


@lru_cache(maxsize=1)
def _bodies_named_alone() -> frozenset[str]:
    """The governments that a report names without their place (行政公署, written 行署: there is one above a 旗 or a
    county of a 地区): kg/data/government_bodies.csv, but 人民政府."""
    return frozenset(r["government"] for r in data_csv("government_bodies.csv")) - {"人民政府"}


def canonical_organisation(name: str, area: AreaRef | None) -> str:
    """区司法局 in a 兴庆区 report → 兴庆区司法局; 区法院 → 兴庆区人民法院; 自治区党委 in a 宁夏 report →
    宁夏回族自治区党委; 市场监管局 stays as it is. A place's Party committee is named as its own documents name it,
    with 中共 (盘锦市委 and 中共盘锦市委 are one body)."""
    return _with_party(_expanded(expand_abbreviation(name), area))


def _with_party(name: str) -> str:
    """中共 before a place's committee named by place and 委 alone (盘锦市委 → 中共盘锦市委)."""
    if name.endswith("委") and not name.startswith(("中共", "中国共产党")):
        hits = area_table().find(name)
        if hits and hits[0][0] == 0 and hits[-1][1] == len(name) - 1:
            return "中共" + name
    return name


def _expanded(full: str, area: AreaRef | None) -> str:
    if area is None:
        return full
    table = area_table()
    if table.starts_with_place(full):
        return full  # 市南区司法局, 市中区人民政府: a place's body, not 市 + 南区司法局
    chain = [table.by_code[c] for c, _, _ in reversed(area.path) if c in table.by_code]  # county first
    if full in _bodies_named_alone():  # 行署 (盟委、行署) in a 旗 or 盟 report: the government of its 盟 or 地区
        return next((name for name in map(table.government_name, chain) if name.endswith(full)), full)
    for prefix, levels in _TIER_PREFIXES:
        if full.startswith(prefix) and len(full) > len(prefix) and full[len(prefix)] not in _NOT_AFTER_TIER:
            for a in chain:
                if a.level in levels and a.name.endswith(prefix):
                    return a.name + full[len(prefix) :]
            return full
    return full


def government_name(issuer: str, area: AreaRef | None) -> str:
    """The issuing body's full name: its place written in full, with the prefecture for a county-level area
    (银川市兴庆区人民政府; 东乌旗人民政府 → 锡林郭勒盟东乌珠穆沁旗人民政府). Party bodies keep their own
    name (中共盐池县委…), which never includes the prefecture."""
    name = expand_abbreviation(issuer)
    if area is None or name.startswith(("中共", "中国共产党")):
        return name
    table = area_table()
    chain = table.leading_places(name)
    party = _party_body(name, chain)
    if party is not None:
        return party
    if name.startswith(tuple(prefix for prefix, _ in _TIER_PREFIXES)):
        name = canonical_organisation(name, area)  # 区司法局 → 兴庆区司法局
        chain = table.leading_places(name)
    own = table.by_code.get(area.code)
    if own is None or not chain:
        return name
    _, end, last = chain[-1]
    if own not in table.lookup(last):
        return name  # another place's body (山东省人民政府 named in a 淄博市 report)
    return table.full_name(own) + name[end:]


def _party_body(name: str, chain: list[tuple[int, int, str]]) -> str | None:
    """A Party body named by its place (某某县委全面依法治县委员会办公室, 某某市某某县委…) as such bodies write their
    name: 中共, the place it belongs to, without the prefecture (中共某某县委…); None for any other body. ``chain``:
    the place names ``name`` begins with (:meth:`kg.lang.areas.AreaTable.leading_places`)."""
    if not chain:
        return None
    last, end, _ = chain[-1]
    if not name.startswith("委", end) or name.startswith("委员会", end):
        return None
    return "中共" + name[last:]
