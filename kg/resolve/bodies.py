"""Canonical names of governments and organisations: level prefixes expanded to the report's area,
abbreviations merged (see kg.resolve)."""

from __future__ import annotations

from functools import lru_cache

from kg.areas import area_table
from kg.model import AreaRef
from kg.resources import data_csv


@lru_cache(maxsize=1)
def _abbreviations() -> list[tuple[str, str]]:
    return sorted(((r["short"], r["full"]) for r in data_csv("org_abbreviations.csv")), key=lambda x: -len(x[0]))


def expand_abbreviation(name: str) -> str:
    for short, full in _abbreviations():
        if name.endswith(short) and not name.endswith(full):
            return name[: -len(short)] + full
    return name


def canonical_organisation(name: str, area: AreaRef | None) -> str:
    """区司法局 in a 大武口区 report → 大武口区司法局; 区法院 → 大武口区人民法院."""
    full = expand_abbreviation(name)
    if area is None:
        return full
    table = area_table()
    chain = [table.by_code[c] for c, _, _ in area.path if c in table.by_code]
    for a in reversed(chain):
        level_char = a.name[-1]
        if full.startswith(level_char) and not full.startswith(a.name) and len(full) > 1:
            if a.short and full.startswith(a.short):
                break
            return a.name + full[1:]
    return full


def government_name(issuer: str, area: AreaRef | None) -> str:
    """The issuing body's full name, with its prefecture for a county-level area (石嘴山市大武口区人民政府)."""
    name = expand_abbreviation(issuer)
    if area is None or area.level != "county" or len(area.path) < 2:
        return name
    prefecture = area.path[-2][1]
    if area.path[-2][2] != "prefecture" or name.startswith((prefecture, "中共", "中国共产党")):
        return name  # Party bodies name themselves without the prefecture (中共同心县委…)
    if name.startswith(area.name):
        return prefecture + name
    return name
