"""Who issued a report, for which area, about which year.

Evidence, strongest first:

* the signature: a body's name on the line before the closing date (银川市兴庆区人民政府 / 2022年1月19日);
* a body heading the text or the title (包头市昆都仑区人民政府 on its own line; 峄城区司法局2022年度…的报告;
  东乌旗人民政府关于…的报告);
* the area the opening sentence speaks for (2023年，郏县坚持… / 现将我县…), scored by position: a name right
  after the year or at the start of a line is the subject; a name in 在…市委、市政府的坚强领导下 is a superior;
* for the year: the title's year (the later one of a range 2015-2020年度), then the opening 2021年，…, then the
  signature's date (a report signed before July is about the year before). A web page's 发布时间 is kept apart as
  ``published``: it is when the page went up, not the year reported on.
"""

from __future__ import annotations

import re
from collections import Counter

from kg.lang.areas import Area, area_table
from kg.model import ReportInfo
from kg.read import HEADING, Document

_YEAR = re.compile(r"((?:19|20)\d\d)\s*(?:[-—–－~～至到]\s*((?:19|20)\d\d)\s*)?年")
_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_BODY = (r"(?:中共|中国共产党)?[\u4e00-\u9fff]{0,20}?(?:人民政府办公室|人民政府|政府|司法局|司法厅|"
         r"依法治[省区县市旗州盟](?:委员会)?办(?:公室)?|全面依法治[省区县市旗州盟]委员会(?:办公室)?|"
         r"法治政府建设领导小组(?:办公室)?|法治建设领导小组(?:办公室)?)")
_BODY_LINE = re.compile(rf"^{_BODY}$")
_BODY_HEAD = re.compile(rf"^({_BODY})(?=(?:19|20)\d\d|关于|[0-9]{{4}}|法治|依法行政)")
_TITLE_WORDS = re.compile(r"法治|依法行政|法治政府")
_TITLE_END = re.compile(r"(?:报告|情况|总结|工作要点|专项报告)$")
_HEAD_LINES = 8
_OPENING = 320  # characters of the opening paragraph that can say whom the report speaks for
_SUBJECT_BEFORE = re.compile(r"(?:年度?[，,、]?|^|\n|[，,。]|我|全)$")
_SUBJECT_AFTER = re.compile(r"^(?:人民政府|政府|坚持|深入|认真|全面|紧紧|始终|围绕|以习近平|法治政府|在|按照|牢固|聚焦|持续|"
                            r"着力|扎实|切实|严格|司法局|委|各级)")
_SUPERIOR = re.compile(r"在[^，。；]{0,24}的(?:坚强|正确|大力|有力)?(?:领导|指导|支持)")
_WE = {"县": "county", "区": "county", "旗": "county", "市": None, "州": "prefecture", "盟": "prefecture",
       "省": "province"}


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of the clean text."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_body_line(line: str) -> bool:
    return len(line) <= 40 and bool(_BODY_LINE.match(line.strip())) and not re.search(r"[，。,；：:]", line)


def _relatives(a: Area, b: Area) -> bool:
    table = area_table()
    return a.code in {x.code for x in table.chain(b)} or b.code in {x.code for x in table.chain(a)}


def _pick_area(candidates: list[Area], context: str) -> Area | None:
    """Several areas share a name (城关区, 新城区): prefer the one whose ancestors the text names."""
    if not candidates:
        return None
    table = area_table()

    def support(a: Area) -> int:
        return sum(2 if anc.name in context else 1 if anc.short and anc.short in context else 0
                   for anc in table.chain(a)[:-1])

    return max(candidates, key=lambda a: (support(a), a.current, -int(a.code)))


def _chain_area(text: str, context: str) -> Area | None:
    """The most specific area of the first chain of consecutive area names in ``text`` (银川市兴庆区 →
    兴庆区)."""
    table = area_table()
    found = table.find(text)
    if not found:
        return None
    chain = [found[0]]
    for hit in found[1:]:
        if hit[0] - chain[-1][1] > 0:
            break
        chain.append(hit)
    areas: list[Area] = []
    for _, _, name in chain:
        candidates = table.lookup(name)
        if areas:
            candidates = [a for a in candidates if _relatives(a, areas[-1])] or candidates
        picked = _pick_area(candidates, context)
        if picked:
            areas.append(picked)
    return areas[-1] if areas else None


def _we_tier(text: str) -> str | None:
    """The tier the report speaks as (我县, 全区, 我市 …): 'county', 'prefecture', 'province' or None."""
    counts = Counter(m.group(1) for m in re.finditer(r"(?:我|全)([县区旗州盟省市])", text))
    if not counts:
        return None
    return _WE.get(counts.most_common(1)[0][0])


def _opening_area(opening: str, context: str) -> Area | None:
    """The area the opening paragraph speaks for: names scored as subject (after the year, at a line start,
    before 坚持/人民政府 …) above names of superiors (在…市委、市政府的坚强领导下)."""
    table = area_table()
    superiors = [m.span() for m in _SUPERIOR.finditer(opening)]
    tier = _we_tier(context)
    best: tuple[int, int, Area] | None = None
    for start, end, name in table.find(opening):
        area = _pick_area(table.lookup(name), context)
        if area is None:
            continue
        score = 0
        if _SUBJECT_BEFORE.search(opening[max(0, start - 4) : start]):
            score += 2
        if _SUBJECT_AFTER.match(opening[end : end + 6]):
            score += 2
        if any(s <= start < e for s, e in superiors):
            score -= 4
        if tier and area.level == tier:
            score += 1
        if best is None or score > best[0]:
            best = (score, -start, area)
    return best[2] if best else None


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


def _year_of(text: str) -> tuple[int, int] | None:
    """(year, offset) of the year a title or opening names: the later year of a range (2015-2020年度)."""
    m = _YEAR.search(text)
    if not m:
        return None
    if m.group(2):
        return int(m.group(2)), m.start(2)
    return int(m.group(1)), m.start(1)


def extract_report_info(doc: Document) -> ReportInfo:
    text = doc.clean
    lines = _lines(text)
    info = ReportInfo(published=doc.meta.get("published"))

    # Title: an early line about 法治 that ends like a report title.
    for s, e in lines[:_HEAD_LINES]:
        line = text[s:e]
        if (len(line) <= 80 and _TITLE_WORDS.search(line) and _TITLE_END.search(line.rstrip("（）()"))
                and not HEADING.match(line)):
            info.title, info.title_span = line, doc.span(s, e)
            break
    title_start = info.title_span and text.find(info.title or "")

    # Issuer: the signature before the closing date, else a body line at the top, else a body heading the title.
    issuer_pos = None
    signed: tuple[int, int, int, int] | None = None  # year, month, start, end
    tail = lines[-4:]
    for i, (s, e) in enumerate(tail):
        date = _DATE.fullmatch(text[s:e].strip())
        if date:
            signed = (int(date.group(1)), int(date.group(2)), s, e)
            if i > 0 and _is_body_line(text[tail[i - 1][0] : tail[i - 1][1]]):
                issuer_pos = tail[i - 1]
    if issuer_pos is None:
        for s, e in lines[:3]:
            if _is_body_line(text[s:e]) and (title_start is None or s < title_start):
                issuer_pos = (s, e)
                break
    if issuer_pos is None and info.title:
        m = _BODY_HEAD.match(info.title)
        if m and area_table().find(m.group(1)):
            issuer_pos = (title_start, title_start + m.end(1))
    if issuer_pos:
        info.issuer = text[issuer_pos[0] : issuer_pos[1]].strip()
        info.issuer_span = doc.span(*issuer_pos)

    # Year: the title's, else the opening's, else the signature's.
    head_end = lines[min(len(lines), _HEAD_LINES) - 1][1] if lines else 0
    body_start = (title_start + len(info.title)) if info.title else (lines[0][0] if lines else 0)
    opening = text[body_start : body_start + _OPENING]
    for offset, source in ((title_start, info.title), (body_start, opening), (0, text[:head_end])):
        if source:
            found = _year_of(source)
            if found and signed and signed[2] <= offset + found[1] < signed[3]:
                found = None  # the closing date is the signature's, handled below
            if found:
                info.year, at = found
                info.year_span = doc.span(offset + at, offset + at + 4)
                break
    if info.year is None and signed:
        info.year = signed[0] - 1 if signed[1] <= 6 else signed[0]
        info.year_span = doc.span(signed[2], signed[3])

    # Area: the issuer's name, else the title's, else whom the opening speaks for.
    area = None
    context = text[:3000]
    if info.issuer:
        area = _chain_area(info.issuer, context)
    if area is None and info.title:
        area = _chain_area(info.title, context)
    if area is None:
        area = _opening_area(opening, context) or _opening_area(text[:head_end + _OPENING], context)
    if area is not None:
        info.area = area_table().ref(area)
    if info.issuer is None and area is not None:
        info.issuer = area_table().full_name(area) + "人民政府"
    info.issuer_level = _level(info.issuer, area)
    if info.year is None:
        info.problems.append("year not found")
    if info.area is None:
        info.problems.append("issuing area not found")
    return info
