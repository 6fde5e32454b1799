"""Reports of a township (乡, 镇, 苏木) or a street office (街道): the area table ends at counties, so such a report
used to be read as its county's, and every fact of it landed on the county government. The issuer is the
township's own government, named with its county (某某县某某镇人民政府); its area is the county.

A report is a township's when its title starts with the township (某某县某某乡2025年法治政府建设工作报告), its opening
names the township as its first subject (今年以来，某某镇在区委的领导下…), or it speaks as one (我镇, 本乡, 全镇)
more often than as a county (我县, 本区). Never when its signature or heading names another body, or its title
starts with the county alone. The name comes from the title, the page's publisher, the opening's subject, or the
text (a name that begins with the county's short name: 某某镇 in a 某某旗 report, or one right after the county's
name). A township that never names itself gets no issuer and no area.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kg.extract.report_area import REPORTING
from kg.lang.areas import Area, area_table
from kg.lang.zh import HAN_CLASS, TIERS
from kg.resources import data_csv, data_lines


@lru_cache(maxsize=1)
def _bodies() -> dict[str, str]:
    """Township kind → the name of its government (kg/data/township_bodies.csv)."""
    return {r["kind"]: r["government"] for r in data_csv("township_bodies.csv")}


def _kinds() -> str:
    return "|".join(sorted(_bodies(), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    kinds, han = _kinds(), HAN_CLASS
    return {
        # 我镇, 本乡, 全镇; not 本乡本土, 全乡镇, 镇长, 乡村
        "speaks": re.compile(f"[我本全](?:{kinds})(?![长村镇本土乡])"),
        "speaks_as_area": re.compile(f"[我本全][{TIERS}]"),
        "name": re.compile(f"[{han}]{{1,6}}?(?:{kinds})"),
        # the opening's first subject: (2024年|今年以来)，(在…的领导下，)某某镇坚持…
        "subject": re.compile(
            f"\\s*(?:(?:(?:19|20)\\d\\d\\s*年度?|今年|近年|[{han}]{{0,4}})以?来?\\s*[，,]\\s*)?"
            f"(?:在[^。；\\n]{{0,40}}?(?:领导|指导|支持|帮助)下\\s*[，,]\\s*)?"
            f"(?P<name>[{han}]{{2,8}}?(?:{kinds}))(?:人民政府|党委)?" + REPORTING
        ),
        "head": re.compile(
            f"\\s*(?:中共)?(?P<name>[{han}]{{2,16}}?(?:{kinds}))(?:人民政府|办事处|党委)?(?:关于)?\\s*(?:19|20)\\d\\d"
        ),
    }


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(data_lines("township_not_names.txt"))


def speaks_as_township(text: str) -> bool:
    """Whether the report speaks as a township (我镇, 本乡, 全镇 …) at least twice and more often than as a
    county or city (我县, 本区 …)."""
    own = len(_patterns()["speaks"].findall(text))
    return own >= 2 and own > len(_patterns()["speaks_as_area"].findall(text))


def headed_by_township(title: str) -> str | None:
    """The township a title starts with (某某区某某镇2025年度法治政府建设情况报告: 某某镇), or None."""
    m = _patterns()["head"].match(title)
    return _without_county(m.group("name")) if m else None


def township_subject(opening: str) -> str | None:
    """The township the opening names as its first subject (今年以来，某某镇在区委的领导下…, 2024年，某某乡坚持…)."""
    m = _patterns()["subject"].match(opening)
    return _without_county(m.group("name")) if m else None


def township_name(title: str, publisher: str, text: str, opening: str, county: Area) -> str | None:
    """The township's name without its county (某某镇), or None: from the title, the page's publisher, the
    opening's subject, else a name in the text after the county's name or beginning with the county's short
    name."""
    if name := headed_by_township(title):
        return name
    if publisher.endswith(tuple(_bodies())) and (name := _without_county(publisher)):
        return name
    if name := township_subject(opening):
        return name
    found: Counter[str] = Counter()
    for prefix in {county.name, county.short} - {""}:
        for m in re.finditer(re.escape(prefix) + f"([{HAN_CLASS}]{{0,5}}?(?:{_kinds()}))", text):
            name = m.group(1) if prefix == county.name else prefix + m.group(1)
            if _is_name(name):
                found[name] += 1
    return max(found, key=lambda n: (found[n], n)) if found else None


def _county_end(name: str) -> int:
    chain = area_table().leading_places(name)
    return chain[-1][1] if chain else 0


def _without_county(name: str) -> str | None:
    """某某县某某乡 → 某某乡 (the places it begins with dropped), or None when what is left is no township's name."""
    name = name[_county_end(name) :]
    return name if _is_name(name) else None


def _is_name(name: str) -> bool:
    if len(name) < 2 or name in _not_names() or name[0] in "我本全各该":
        return False
    return _patterns()["name"].fullmatch(name) is not None


def township_government(name: str, county: Area) -> str:
    """某某县某某镇人民政府 (a street's: 某某区某某街道办事处), the county written as reports write it in full."""
    kind = next(k for k in sorted(_bodies(), key=len, reverse=True) if name.endswith(k))
    return area_table().full_name(county) + name + _bodies()[kind]


def is_township_government(name: str) -> bool:
    """某某县某某镇人民政府, 某某区某某街道办事处: the government of a township or a street, not of an area."""
    for kind, body in _bodies().items():
        if name.endswith(kind + body) and _is_name(_without_county(name[: -len(body)]) or ""):
            return True
    return False
