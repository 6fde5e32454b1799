"""Reports of a township (乡, 镇, 苏木) or a street office (街道): the area table ends at counties, so such a report
used to be read as its county's, and every fact of it landed on the county government. The issuer is the
township's own government, named with its county (某某县某某镇人民政府); its area is the county.

A report is a township's when it speaks as one (我镇, 本乡, 全镇 … more often than 我县, 本区 …); its name comes from
the head of the report (某某县某某乡2025年法治政府建设工作报告), the page's publisher, the subject of the opening
(…的领导下，某某乡坚持…), or the text (a name that begins with the county's short name: 伊金霍洛镇 in a 伊金霍洛旗
report, or one right after the county's name). A township that never names itself gets no issuer and no area.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kg.extract.report_area import REPORTING
from kg.lang.areas import Area, area_table
from kg.lang.zh import HAN_CLASS, TIERS
from kg.resources import data_lines

_KINDS = ("苏木", "街道", "乡", "镇")
_SPEAKS = re.compile("[我本全](?:苏木|街道|乡|镇)(?![长村])")
_SPEAKS_AS_AREA = re.compile(f"[我本全][{TIERS}]")
_NAME = re.compile(f"[{HAN_CLASS}]{{1,6}}?(?:苏木|街道|乡|镇)")
_OPENING = 1000
_SUBJECT = re.compile(  # …的领导下，某某乡坚持…: the township named as the subject of the opening
    f"(?:^|[，,。\\n]|年度?)\\s*(?P<name>[{HAN_CLASS}]{{2,8}}?(?:苏木|街道|乡|镇))(?:人民政府|党委)?" + REPORTING
)
_HEAD = re.compile(
    f"^\\s*(?:中共)?(?P<name>[{HAN_CLASS}]{{2,16}}?(?:苏木|街道|乡|镇))(?:人民政府|办事处|党委)?(?:关于)?\\s*(?:19|20)\\d\\d"
)


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(data_lines("township_not_names.txt"))


def speaks_as_township(text: str) -> bool:
    """Whether the report speaks as a township (我镇, 本乡, 全镇 …) at least as often as as a county or city."""
    own = len(_SPEAKS.findall(text))
    return own >= 2 and own >= len(_SPEAKS_AS_AREA.findall(text))


def headed_by_township(head: str, county: Area | None) -> str | None:
    """The township a head line names as the report's (某某区某某镇2025年度法治政府建设情况报告), or None."""
    for line in head.split("\n"):
        m = _HEAD.match(line)
        if m and (name := _without_county(m.group("name"))):
            return name
    return None


def township_subject(text: str, county: Area | None) -> str | None:
    """The township the opening names as its subject (今年以来，某某镇在区委的领导下…, 2024年，某某乡坚持…)."""
    m = _SUBJECT.search(text[:_OPENING])
    return _without_county(m.group("name")) if m else None


def township_name(head: str, publisher: str, text: str, county: Area | None) -> str | None:
    """The township's name without its county (某某镇), or None: from a head line that starts with it and a year,
    the page's publisher, the opening's subject, else a name in the text after the county's name or beginning
    with the county's short name."""
    if name := headed_by_township(head, county):
        return name
    if publisher.endswith(_KINDS) and (name := _without_county(publisher)):
        return name
    if name := township_subject(text, county):
        return name
    if county is None:
        return None
    found: Counter[str] = Counter()
    for prefix in {county.name, county.short} - {""}:
        for m in re.finditer(re.escape(prefix) + f"([{HAN_CLASS}]{{0,5}}?(?:{'|'.join(_KINDS)}))", text):
            name = m.group(1) if prefix == county.name else prefix + m.group(1)
            if _is_name(name):
                found[name] += 1
    return max(found, key=lambda n: (found[n], n)) if found else None


def _without_county(name: str) -> str | None:
    """某某县某某乡 → 某某乡 (the places it begins with dropped), or None when what is left is no township's name."""
    chain = area_table().leading_places(name)
    name = name[chain[-1][1] :] if chain else name
    return name if _is_name(name) else None


def _is_name(name: str) -> bool:
    return (
        len(name) >= 2
        and _NAME.fullmatch(name) is not None
        and name not in _not_names()
        and name[0] not in "我本全各该"
    )


def township_government(name: str, county: Area) -> str:
    """某某县某某镇人民政府 (a street's: 某某区某某街道办事处), the county written as reports write it in full."""
    body = "办事处" if name.endswith("街道") else "人民政府"
    return area_table().full_name(county) + name + body


def is_township_government(name: str) -> bool:
    """某某县某某镇人民政府, 某某区某某街道办事处: the government of a township or a street, not of an area."""
    for kind, body in (("镇", "人民政府"), ("乡", "人民政府"), ("苏木", "人民政府"), ("街道", "办事处")):
        if name.endswith(kind + body) and _is_name(_without_county(name[: -len(body)]) or ""):
            return True
    return False
