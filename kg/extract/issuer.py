"""Who issued a report, for which area, about which year: from the title, the opening lines, the signature
and date at the end, and web-page header fields (the publication date is kept apart: it is not the year
reported on).
"""

from __future__ import annotations

import re
from collections import Counter

from kg.areas import Area, area_table
from kg.model import ReportInfo
from kg.read import Document

_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_BODY_END = re.compile(r"(?:人民政府|政府|司法局|办公室|委员会|依法治[区县市旗]办|法治建设领导小组)$")
_TITLE_WORDS = re.compile(r"法治|依法行政|法治政府")
_TITLE_END = re.compile(r"(?:报告|情况|总结|工作要点|专项报告)$")
_HEAD_LINES = 8


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of the clean text."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_body_line(line: str) -> bool:
    return len(line) <= 40 and bool(_BODY_END.search(line)) and "，" not in line and "。" not in line


def _pick_area(candidates: list[Area], text: str) -> Area | None:
    """Several areas share a name (城关区, 新城区): prefer the one whose ancestors the text names."""
    if not candidates:
        return None
    table = area_table()

    def support(a: Area) -> int:
        return sum(2 if anc.name in text else 1 if anc.short and anc.short in text else 0
                   for anc in table.chain(a)[:-1])

    return max(candidates, key=lambda a: (support(a), a.current, -int(a.code)))


def _areas_in(text: str) -> list[Area]:
    table = area_table()
    found: list[Area] = []
    for _, _, name in table.find(text):
        found.extend(table.lookup(name))
    return found


def _most_specific(areas: list[Area], context: str) -> Area | None:
    if not areas:
        return None
    order = {"county": 0, "prefecture": 1, "province": 2}
    best_level = min(order[a.level] for a in areas)
    names = Counter(a.name for a in areas if order[a.level] == best_level)
    top_name = names.most_common(1)[0][0]
    return _pick_area([a for a in areas if a.name == top_name], context)


def _level(issuer: str | None, area: Area | None) -> str | None:
    if area is None:
        return None
    if issuer and not issuer.endswith("政府"):
        return "department"
    if area.level == "province":
        return "province"
    if area.level == "prefecture":
        return "city"
    if area.name.endswith("区"):
        return "district"
    if area.name.endswith("市"):
        return "county_city"
    return "county"


def extract_report_info(doc: Document) -> ReportInfo:
    text = doc.clean
    lines = _lines(text)
    info = ReportInfo(published=doc.meta.get("published"))

    # Title: an early line about 法治 that ends like a report title.
    for s, e in lines[:_HEAD_LINES]:
        line = text[s:e]
        if len(line) <= 80 and _TITLE_WORDS.search(line) and _TITLE_END.search(line.rstrip("（）()")):
            info.title, info.title_span = line, doc.span(s, e)
            break

    # Signature: a body's name just before a date among the last lines; else a body line at the top.
    issuer_pos = None
    tail = lines[-4:]
    for i, (s, e) in enumerate(tail):
        if _DATE.fullmatch(text[s:e].strip()) and i > 0:
            ps, pe = tail[i - 1]
            if _is_body_line(text[ps:pe]):
                issuer_pos = (ps, pe)
            date = _DATE.fullmatch(text[s:e].strip())
            signed_year, signed_month = int(date.group(1)), int(date.group(2))
            if info.year is None:  # a report signed early in a year is about the year before
                info.year = signed_year - 1 if signed_month <= 6 else signed_year
                info.year_span = doc.span(s, e)
    if issuer_pos is None:
        for s, e in lines[:3]:
            if _is_body_line(text[s:e]) and (info.title_span is None or s < doc.clean.find(info.title or "")):
                issuer_pos = (s, e)
                break
    if issuer_pos:
        info.issuer, info.issuer_span = text[issuer_pos[0] : issuer_pos[1]], doc.span(*issuer_pos)

    # Year: the title's year, else an opening "2021年，", else the signature's (set above).
    opening = text[: (lines[min(len(lines), _HEAD_LINES) - 1][1] if lines else 0) + 300]
    for source_start, source in ((info.title and text.find(info.title), info.title), (0, opening)):
        if source:
            m = _YEAR.search(source) or re.match(r"^((?:19|20)\d\d)$", source.split("\n")[0].strip())
            if m:
                year_start = (source_start or 0) + m.start(1)
                info.year = int(m.group(1))
                info.year_span = doc.span(year_start, year_start + 4)
                break

    # Area: from the issuer's name, else the title, else the opening paragraphs.
    for source in (info.issuer, info.title, opening):
        area = _most_specific(_areas_in(source or ""), text) if source else None
        if area:
            info.area = area_table().ref(area)
            break
    if info.issuer is None and info.area is not None:
        area = area_table().by_code[info.area.code]
        info.issuer = area_table().full_name(area) + "人民政府"
    info.issuer_level = _level(info.issuer, area_table().by_code.get(info.area.code) if info.area else None)
    if info.year is None:
        info.problems.append("year not found")
    if info.area is None:
        info.problems.append("issuing area not found")
    return info
