"""A report of a development zone that the area table does not list.

A zone with a statistical code of its own (kg/data/zones.csv) is an area: its committee's report is found like a
county's. Many zones have none (a 国家级新区 spanning districts, many 高新区): the reader then finds only their city in
the heading (某某新区2021年法治政府建设工作报告 → 某某市), and the report would be the city government's. It is the
zone committee's: the issuer is that committee, the area stays its city (the zone lies in it), as for a report a
department signs.
"""

from __future__ import annotations

from functools import lru_cache

from kg.lang.areas import Area, area_table
from kg.resources import data_lines


@lru_cache(maxsize=1)
def _zone_words() -> tuple[str, ...]:
    return tuple(sorted(data_lines("zone_words.txt"), key=len, reverse=True))


def unlisted_zone(heading: str, area: Area) -> str | None:
    """The name of the zone ``heading`` begins with — ``area``'s name (full or short) and a zone word — when the
    area table knows no area of that name; else None."""
    table = area_table()
    for name in sorted({area.name, area.short} - {""}, key=len, reverse=True):
        if not heading.startswith(name):
            continue
        rest = heading[len(name) :]
        word = next((w for w in _zone_words() if rest.startswith(w)), None)
        if word is None:
            continue
        zone = name + word
        listed = zone in table.by_name or zone in table.by_alias
        longer = any(s == 0 and e > len(name) for s, e, _ in table.find(heading[: len(zone) + 8]))  # 某某高新区, listed
        return None if listed or longer else zone
    return None


def zone_and_city(heading: str) -> tuple[str, Area] | None:
    """The unlisted zone ``heading`` begins with and its city, when nothing else gave the report an area
    (银川高新区2022年…报告, with no other place in its head): the city whose name, full or short, the zone's name
    begins with."""
    table = area_table()
    for k in range(6, 1, -1):
        cities = [a for a in (*table.by_name.get(heading[:k], ()), *table.by_short.get(heading[:k], ())) if a.current]
        cities = [a for a in cities if a.level == "prefecture"]
        if len(cities) == 1 and (zone := unlisted_zone(heading, cities[0])):
            return zone, cities[0]
    return None
