"""The GB/T 2260 area table (``kg/data/areas.csv``): lookups by name and finding area names in text.

Area names end in a small set of characters (省 市 区 县 旗 州 盟 …), so finding them needs no giant regex: at
each such character the few substrings ending there are looked up in a dictionary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kg.lang.wordpattern import words_pattern
from kg.lang.zh import CLOSING_MARKS, TIERS, is_han
from kg.model import AreaRef
from kg.resources import data_csv, data_lines

_NAME_ENDINGS = set(TIERS)
_NAME_ENDING = re.compile("[" + re.escape("".join(sorted(_NAME_ENDINGS))) + "]")  # jumps to the next tier word
_AUTONOMOUS = re.compile(r"自治([州县旗])$")
_MAX_NAME = 12


# what follows a district's name at the head of its own report or document (城区人民政府关于…, 矿区2023年度…)
_HEADS_ITS_REPORT = re.compile(r"(?:人民政府|政府|(?:19|20)\d\d\s*年|关于)")


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    level: str  # province | prefecture | county
    parent: str  # code, '' for a province
    short: str
    current: bool


class AreaTable:
    def __init__(self, rows: Iterable[dict[str, str]], aliases: Iterable[dict[str, str]] = ()):
        self.by_code: dict[str, Area] = {}
        self.by_name: dict[str, list[Area]] = {}
        self.by_short: dict[str, list[Area]] = {}
        for r in rows:
            area = Area(r["code"], r["name"], r["level"], r["parent"], r["short"], r["status"] == "current")
            if area.code in self.by_code and not area.current:
                continue
            self.by_code[area.code] = area
            self.by_name.setdefault(area.name, []).append(area)
            if area.short:
                self.by_short.setdefault(area.short, []).append(area)
        self.by_alias: dict[str, list[Area]] = {}
        for area in self.by_code.values():
            m = _AUTONOMOUS.search(area.name)
            if m and area.short and area.current:
                self._alias(area.short + m.group(1), area)  # 海西州, 延边州, 互助县
        for r in aliases:
            for area in self.by_name.get(r["name"], []):
                self._alias(r["alias"], area)
        # the last two characters of every name (a name of two: itself): a tier word that follows none of them ends
        # no name (全县, 我区, 各市), and :meth:`find` looks no further back
        self._tails = {name[-2:] for names in (self.by_name, self.by_alias) for name in names}

    def _alias(self, alias: str, area: Area) -> None:
        if alias not in self.by_name:
            self.by_alias.setdefault(alias, []).append(area)

    def chain(self, area: Area) -> list[Area]:
        """The area and its ancestors, province first."""
        out = [area]
        seen = {area.code}
        while out[-1].parent and out[-1].parent in self.by_code and out[-1].parent not in seen:
            seen.add(out[-1].parent)
            out.append(self.by_code[out[-1].parent])
        return out[::-1]

    def ref(self, area: Area) -> AreaRef:
        return AreaRef(area.code, area.name, area.level, [(a.code, a.name, a.level) for a in self.chain(area)])

    def full_name(self, area: Area) -> str:
        """The name as reports write it in full: 银川市兴庆区, 吴忠市, 宁夏回族自治区."""
        if is_zone(area):
            return area.name  # 某某高新技术产业开发区: a zone's name begins with its city's already
        chain = self.chain(area)
        if area.level == "county" and len(chain) >= 2 and chain[-2].level == "prefecture":
            return chain[-2].name + area.name
        return area.name

    def government_name(self, area: Area) -> str:
        """The full name of an area's government: 银川市兴庆区人民政府, 兴安盟行政公署
        (kg/data/government_bodies.csv)."""
        suffix = next(
            (r["government"] for r in data_csv("government_bodies.csv") if area.name.endswith(r["area_suffix"])),
            "人民政府",
        )
        if is_zone(area):
            suffix = "管理委员会"  # a zone is run by its administrative committee, not a people's government
        return self.full_name(area) + suffix

    def lookup(self, name: str) -> list[Area]:
        """Areas with this full or short name, current ones first."""
        found = self.by_name.get(name) or self.by_alias.get(name) or self.by_short.get(name) or []
        return sorted(found, key=lambda a: (not a.current, a.code))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """All full area names in ``text`` as (start, end, name), longest match at each end position.

        Only names with their suffix are found (兴庆区, 海西州, 东乌旗; not 兴庆): bare short names are too
        ambiguous in running text; callers that know the context (a title) can use :meth:`lookup` on them.
        """
        hits: list[tuple[int, int, str]] = []
        for m in _NAME_ENDING.finditer(text):  # (the regex skips the other characters in C: ~2x faster)
            i, best = m.start(), None
            if text[i - 1 : i + 1] not in self._tails:
                continue
            for length in range(2, min(_MAX_NAME, i + 1) + 1):
                cand = text[i + 1 - length : i + 1]
                if cand in self.by_name or cand in self.by_alias:
                    best = (i + 1 - length, i + 1, cand)
            if best and (best[1] - best[0] > 2 or self._stands_alone(text, best[0])):
                hits.append(best)
        # drop hits nested inside a longer one (市 inside 银川市 cannot happen, but 城区 inside 新城区 can)
        hits.sort(key=lambda h: (h[0], -h[1]))
        out: list[tuple[int, int, str]] = []
        for h in hits:
            if out and h[0] < out[-1][1]:
                continue
            out.append(h)
        return out

    def starts_with_place(self, text: str) -> bool:
        """Whether ``text`` begins with an area's name, as :meth:`find` reads names (市南区司法局 does; 市司法局
        does not)."""
        return any(start == 0 for start, _, _ in self.find(text[:_MAX_NAME]))

    def leading_places(self, text: str, limit: int = 24) -> list[tuple[int, int, str]]:
        """The place names ``text`` begins with, each written right after the one before (银川市兴庆区司法局:
        银川市, 兴庆区), as (start, end, name); [] when it begins with none."""
        hits = self.find(text[:limit])
        if not hits or hits[0][0] != 0:
            return []
        chain = [hits[0]]
        for hit in hits[1:]:
            if hit[0] != chain[-1][1]:
                break
            chain.append(hit)
        return chain

    def _stands_alone(self, text: str, start: int) -> bool:
        """A two-character name that is a function character and a tier word (和县, 新县) is spelt by accident
        in running text (市委和县委, 创新县域, 《某某意见》和县委…): it counts only where no other Chinese character,
        closing bracket or quote runs into it, after
        a year (2022年新县…), or after its prefecture's name (信阳市新县). A name that is an ordinary word (城区,
        矿区: kg/data/generic_area_names.txt), or that a common word runs into (示范县, 完成县委: kg/data/
        words_into_county_names.txt), counts only after its prefecture's name, or at the start of a line that heads
        its own report (城区人民政府关于…, 城区2023年…)."""
        name = text[start : start + 2]
        generic = name in _generic_names() or (start > 0 and text[start - 1 : start + 1] in _words_into_names())
        before = text[start - 1] if start else ""
        alone = not before or not is_han(before) and before not in _JOINS
        if not generic and (text[start] not in _function_characters() or alone):
            return True
        if not generic and text[start - 1] in "年度":
            return True
        if generic and (start == 0 or text[start - 1] == "\n") and _HEADS_ITS_REPORT.match(text, start + 2):
            return True  # 城区人民政府关于… / 城区2023年…: a heading names its own district
        parents = {self.by_code[a.parent].name for a in self.lookup(name) if a.parent in self.by_code}
        return any(text.endswith(p, 0, start) for p in parents)


_JOINS = frozenset(CLOSING_MARKS + "0123456789")
"""What ends a word that a function character then joins to the next (…号）和县委办公室): not a place's start."""


@lru_cache(maxsize=1)
def _function_characters() -> frozenset[str]:
    return frozenset(data_lines("function_characters.txt"))


@lru_cache(maxsize=1)
def _words_into_names() -> frozenset[str]:
    return frozenset(data_lines("words_into_county_names.txt"))


@lru_cache(maxsize=1)
def _generic_names() -> frozenset[str]:
    return frozenset(data_lines("generic_area_names.txt"))


def is_zone(area: Area) -> bool:
    """A development zone of kg/data/zones.csv: statistical division codes give zones a fifth digit 7 (410172)."""
    return area.level == "county" and area.code[4] == "7"


@lru_cache(maxsize=1)
def area_table() -> AreaTable:
    """GB/T 2260 areas (kg/data/areas.csv) and the development zones with statistical codes of their own
    (kg/data/zones.csv: a zone's 管委会 reports for the zone, which lies below its prefecture)."""
    zones = data_csv("zones.csv")
    rows = [*data_csv("areas.csv")]
    rows += [{**z, "level": "county", "short": "", "status": "current"} for z in zones]
    aliases = [*data_csv("area_aliases.csv")]
    aliases += [{"alias": a, "name": z["name"]} for z in zones for a in z["aliases"].split("|") if a]
    return AreaTable(rows, aliases)


TIER_RANK = {"county": 0, "prefecture": 1, "province": 2, "national": 3}


@lru_cache(maxsize=1)
def tier_words() -> list[tuple[str, str]]:
    """(word, tier) pairs of ``kg/data/issuer_prefixes.csv``, longest first: words that name a body by its tier
    instead of its place (国务院, 省委, 市政府, 县委 …)."""
    return sorted(((r["prefix"], r["tier"]) for r in data_csv("issuer_prefixes.csv")), key=lambda x: -len(x[0]))


@lru_cache(maxsize=1)
def _tier_word_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    tiers: dict[str, str] = {}
    for word, tier in tier_words():
        tiers.setdefault(word, tier)  # (a word listed twice: its first tier, as a walk of tier_words() finds)
    return re.compile(words_pattern(tiers)), tiers


def tier_word_at(text: str, pos: int = 0) -> tuple[str, str] | None:
    """(word, tier) of the longest tier word (:func:`tier_words`) standing at ``pos``, or None: one scan, not a
    ``startswith`` per word."""
    pattern, tiers = _tier_word_pattern()
    m = pattern.match(text, pos)
    return (m.group(), tiers[m.group()]) if m else None
