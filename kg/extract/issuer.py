"""Who issued a report, for which area, about which year.

Evidence, strongest first:

* the signature: a body's name on the line before the closing date (银川市兴庆区人民政府 / 2022年1月19日);
* a body heading the text or the title (包头市昆都仑区人民政府 on its own line; 峄城区司法局2022年度…的报告;
  曲松县藏语委办（编译局）2025年…): the issuer is that body — a department when it is not the government — and
  the area is the area its name starts with;
* the area the opening sentence speaks for (2023年，郏县坚持… / 现将我县…), scored by position: a name right
  after the year or at the start of a line is the subject; a name in 在…市委、市政府的坚强领导下 is a superior;
* when the text speaks only as 我县 / 本区 / 县人民政府: the area of the titles the government itself issued
  (《某某县人民政府关于…》, 《某某县…办法》). An area of another tier (the province or the superior city the
  opening names) is never taken for the issuer's: the report is left without an area instead.

For the year: the title's year (the later one of a range 2015-2020年度), then the opening 2021年，…, then the
signature's date (a report signed before July is about the year before). A web page's 发布时间 is kept apart as
``published``: it is when the page went up, not the year reported on.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kg.lang.areas import TIER_RANK, Area, area_table
from kg.lang.zh import HAN_CLASS, TIERS
from kg.model import ReportInfo
from kg.read import HEADING, Document
from kg.resources import data_lines

# A year reported on: not the year of a document number (〔2025〕1号) nor of a full date (2025年02月27日: when a
# page or a signature was dated, not what it reports on).
_YEAR = re.compile(r"(?<![〔\[［【(（])((?:19|20)\d\d)\s*(?:[-—–－~～至到]\s*((?:19|20)\d\d)\s*)?年(?!\s*\d{1,2}\s*月)")
_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_PARTY = re.compile(r"(?:中共|中国共产党)?")
_BODY_STOP = re.compile(r"\s*(?:(?:19|20)\d\d|关于|(?<!依)法治|依法行政|年度)")  # what follows a body's name in a title
_ALIAS = re.compile(r"[（(][^（()）]{1,12}[)）]$")  # 藏语委办（编译局）: a body's other name in brackets
_TITLE_FIELD = re.compile(r"^\s*标\s*题\s*[:：]\s*")  # 标  题: … of a government information-disclosure page
_TITLE_WORDS = re.compile(r"法治|依法行政|法治政府")
_TITLE_END = re.compile(r"(?:报告|情况|总结|工作要点|专项报告)$")
_HEAD_LINES = 10
_OPENING = 320  # characters of the opening paragraph that can say whom the report speaks for
_SUBJECT_BEFORE = re.compile(r"(?:年度?[，,、]?|^|\n|[，,。]|我|全)$")
_SUBJECT_AFTER = re.compile(
    r"^(?:人民政府|政府|坚持|深入|认真|全面|紧紧|始终|围绕|以习近平|法治政府|在|按照|牢固|聚焦|持续|"
    r"着力|扎实|切实|严格|司法局|委|各级)"
)
_SHORT_SUBJECT = re.compile(
    r"(?:19|20)\d\d\s*年度?\s*[，,]\s*(?P<name>[" + HAN_CLASS + r"]{2,3}?)"
    r"(?=坚持|深入|认真|全面|紧紧|始终|围绕|以习近平|按照|牢固|聚焦|持续|着力|扎实|切实|严格)"
)
_SUPERIOR = re.compile(r"在[^，。；]{0,24}的(?:坚强|正确|大力|有力)?(?:领导|指导|支持)")
_WE = {
    "县": "county",
    "区": "county",
    "旗": "county",
    "市": None,
    "州": "prefecture",
    "盟": "prefecture",
    "省": "province",
}
_OWN_TITLE = re.compile(r"《([^《》\n]{4,60})》")
# The opening names the body that reports: 2023年，区司法局在区委、区政府的领导下… / 2022年，县数据局坚持…
_OPENING_BODY = re.compile(
    r"(?:^|\n)\s*(?:19|20)\d\d\s*年(?:度|以来)?\s*[，,]?\s*(?P<body>[" + HAN_CLASS + r"（）()]{4,24}?)"
    r"(?=在|坚持|以习近平|深入|认真|全面|紧紧|始终|围绕|按照|聚焦|持续|着力|扎实|切实|严格|紧扣)"
)


@lru_cache(maxsize=1)
def _body_endings() -> tuple[str, ...]:
    return tuple(data_lines("issuer_body_endings.txt"))


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of the clean text."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_body(name: str) -> bool:
    """A body's name ends like one (kg/data/issuer_body_endings.txt), its bracketed alias aside."""
    return _ALIAS.sub("", name).endswith(_body_endings())


def _chains(hits: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Runs of consecutive area names (银川市兴庆区 is one run) as (start, end)."""
    runs: list[tuple[int, int]] = []
    for start, end, _ in hits:
        if runs and runs[-1][1] == start:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def _leading_body(text: str, start: int = 0) -> tuple[int, int] | None:
    """The issuing body's name that ``text[start:]`` begins with, as (start, end): an area name (after 中共)
    followed by a body's name up to the year, 关于 or the title's subject (峄城区司法局2022年度…, 中共某某县委全面
    依法治县委员会办公室2023年…). Where a Party committee and a government head a joint report (中共某某区委某某区
    人民政府关于…), the last body: the government. None when the text starts with no area name, or the area is not
    followed by a body's name."""
    begin = _PARTY.match(text, start).end()
    hits = [(s + begin, e + begin, n) for s, e, n in area_table().find(text[begin : begin + 40])]
    if not hits or hits[0][0] != begin:
        return None
    stop = _BODY_STOP.search(text, hits[0][1])
    end = stop.start() if stop else len(text)
    runs = [r for r in _chains(hits) if r[1] <= end]
    if not runs or end - begin > 40 or end == runs[-1][1] or not _is_body(text[runs[-1][1] : end]):
        return None
    return (start if len(runs) == 1 else runs[-1][0]), end


def _is_body_line(line: str) -> bool:
    stripped = line.strip()
    if len(stripped) > 40 or re.search(r"[，。,；：:]", stripped):
        return False
    body = _leading_body(stripped)
    return body is not None and body[1] == len(stripped)


def _relatives(a: Area, b: Area) -> bool:
    table = area_table()
    return a.code in {x.code for x in table.chain(b)} or b.code in {x.code for x in table.chain(a)}


def _pick_area(candidates: list[Area], context: str) -> Area | None:
    """Several areas share a name (城关区, 新城区): prefer the one whose ancestors the text names."""
    if not candidates:
        return None
    table = area_table()

    def support(a: Area) -> int:
        return sum(
            2 if anc.name in context else 1 if anc.short and anc.short in context else 0 for anc in table.chain(a)[:-1]
        )

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


def _we_word(text: str, words: str = "我本") -> str | None:
    """The tier character the report speaks as most (县 of 我县, 区 of 本区 …), or None."""
    counts = Counter(m.group(1) for m in re.finditer(f"[{words}]([{TIERS}])", text))
    return counts.most_common(1)[0][0] if counts else None


def _we_tier(text: str, words: str = "我本") -> str | None:
    """The tier the report speaks as (我县, 本区, 我市 …): 'county', 'prefecture', 'province' or None."""
    return _WE.get(_we_word(text, words) or "")


def _opening_area(opening: str, context: str, tier: str | None) -> Area | None:
    """The area the opening paragraph speaks for: names scored as subject (after the year, at a line start,
    before 坚持/人民政府 …) above names of superiors (在…市委、市政府的坚强领导下). With a tier the text speaks as
    (我县), an area of a higher tier is not a candidate (我区 of an autonomous region aside)."""
    table = area_table()
    superiors = [m.span() for m in _SUPERIOR.finditer(opening)]
    loose = _we_tier(context, "全")
    region = _we_word(context) == "区"
    best: tuple[int, int, Area] | None = None
    for start, end, name in sorted(table.find(opening) + _short_subjects(opening)):
        area = _pick_area(table.lookup(name), context)
        if area is None or (tier and _higher(area.level, tier) and not (region and _is_region(area))):
            continue
        score = int(area.level in (tier, loose))
        if _SUBJECT_BEFORE.search(opening[max(0, start - 4) : start]):
            score += 2
        if _SUBJECT_AFTER.match(opening[end : end + 6]):
            score += 2
        if any(s <= start < e for s, e in superiors):
            score -= 4
        if best is None or score > best[0]:
            best = (score, -start, area)
    return best[2] if best else None


def _short_subjects(opening: str) -> list[tuple[int, int, str]]:
    """A place written without its tier word as the opening's subject (2023年，邹城坚持… / 2022年，历城全面…):
    :meth:`kg.lang.areas.AreaTable.find` finds only names with their suffix, since a bare short name inside
    running text is too often part of another word; right after the year and before a reporting verb, it is
    the place that reports."""
    table = area_table()
    return [
        (m.start("name"), m.end("name"), m.group("name"))
        for m in _SHORT_SUBJECT.finditer(opening)
        if any(a.current for a in table.by_short.get(m.group("name"), ()))
    ]


def _higher(level: str, tier: str) -> bool:
    return TIER_RANK[level] > TIER_RANK[tier]


def _is_region(area: Area) -> bool:
    """An autonomous region, which speaks of itself as 我区 like a district does."""
    return area.level == "province" and area.name.endswith("自治区")


def _own_titles_area(text: str, context: str, tier: str) -> Area | None:
    """The area of the tier the report speaks as that the most titles in it start with (《某某县人民政府关于…》,
    《某某县…办法》): a government names itself in the titles of what it issues."""
    table = area_table()
    counts: Counter[str] = Counter()
    for m in _OWN_TITLE.finditer(text):
        title = m.group(1)
        start = _PARTY.match(title).end()
        hits = table.find(title[: start + 20])
        if hits and hits[0][0] == start:
            area = _chain_area(title[start:], context)
            if area is not None and area.level == tier:
                counts[area.code] += 1
    if not counts:
        return None
    best = max(counts.items(), key=lambda kv: (kv[1], -int(kv[0])))[0]
    return table.by_code[best]


def _level(issuer: str | None, area: Area | None) -> str | None:
    if area is None:
        return None
    if issuer and issuer != area_table().government_name(area) and not issuer.endswith(("政府", "行政公署")):
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


@dataclass
class _Head:
    """What the head and the tail of a report say: its title, the issuer's position, the closing date."""

    title: tuple[int, int] | None = None  # clean-text span of the title (after a 标题: label)
    issuer: tuple[int, int] | None = None
    signed: tuple[int, int, int, int] | None = None  # year, month, start, end of the closing date


def _find_title(text: str, lines: list[tuple[int, int]]) -> tuple[int, int] | None:
    """An early line about 法治 that ends like a report title."""
    for s, e in lines[:_HEAD_LINES]:
        label = _TITLE_FIELD.match(text, s)
        s = label.end() if label else s
        line = text[s:e]
        if (
            len(line) <= 80
            and _TITLE_WORDS.search(line)
            and _TITLE_END.search(line.rstrip("（）()"))
            and not HEADING.match(line)
        ):
            return s, e
    return None


def _read_head(text: str, lines: list[tuple[int, int]]) -> _Head:
    """The issuer: the signature before the closing date, else a body line at the top, else a body heading the
    title."""
    head = _Head(title=_find_title(text, lines))
    tail = lines[-4:]
    for i, (s, e) in enumerate(tail):
        date = _DATE.fullmatch(text[s:e].strip())
        if date:
            head.signed = (int(date.group(1)), int(date.group(2)), s, e)
            if i > 0 and _is_body_line(text[tail[i - 1][0] : tail[i - 1][1]]):
                head.issuer = tail[i - 1]
    if head.issuer is None and head.title:
        head.issuer = _leading_body(text[: head.title[1]], head.title[0])
    if head.issuer is None:
        for s, e in lines[:3]:
            if _is_body_line(text[s:e]) and (head.title is None or s < head.title[0]):
                head.issuer = (s, e)
                break
    if head.issuer:
        s, e = head.issuer
        s += len(text[s:e]) - len(text[s:e].lstrip())
        head.issuer = (s, s + len(text[s:e].strip()))
    return head


def _year(text: str, head: _Head, body_start: int, head_end: int) -> tuple[int, int] | None:
    """(year, clean offset) of the year reported on: the title's, the opening's, the head's, or None."""
    title = text[head.title[0] : head.title[1]] if head.title else None
    for offset, source in (
        (head.title[0] if head.title else 0, title),
        (body_start, text[body_start : body_start + _OPENING]),
        (0, text[:head_end]),
    ):
        if source:
            found = _year_of(source)
            if found and head.signed and head.signed[2] <= offset + found[1] < head.signed[3]:
                found = None  # the closing date is the signature's, handled by the caller
            if found:
                return found[0], offset + found[1]
    return None


def _area(text: str, info: ReportInfo, head: _Head, opening: str, head_end: int, meta: dict[str, str]) -> Area | None:
    """The issuer's area: from its name, else the title's, else whom the opening speaks for, else the titles the
    government itself issued, else the page's publisher."""
    context = text[:3000]
    tier = _we_tier(text[: head_end + 2000])
    if info.issuer:
        area = _chain_area(info.issuer, context)
        if area is not None:
            return area
    if head.title:
        area = _chain_area(text[head.title[0] : head.title[1]], context)
        if area is not None:
            return area
    area = _opening_area(opening, context, tier) or _opening_area(text[: head_end + _OPENING], context, tier)
    if area is None and tier:
        area = _own_titles_area(text, context, tier) or _publisher_area(meta, context, tier)
    return area


def _publisher_area(meta: dict[str, str], context: str, tier: str) -> Area | None:
    """The area of the body the web page names as its publisher (发布机构：某某县人民政府办公室, 来源：某某县司法局),
    when it is of the tier the report speaks as: a government publishes its own report on its own site. Last
    evidence, after the report's own words; a publisher of another tier (the superior city's site) is not used."""
    for key in ("issuing_body", "source"):
        area = _chain_area(meta.get(key, ""), context)
        if area is not None and area.level == tier:
            return area
    return None


def _opening_department(text: str, body_start: int) -> tuple[int, int] | None:
    """A department that the opening sentence names as the one reporting (2023年，区司法局坚持…): the report is
    that department's when neither a signature nor a heading names another body. A government (县委县政府,
    县政府) is not a department: the area's government is found as usual."""
    m = _OPENING_BODY.search(text, body_start, body_start + _OPENING)
    if m is None:
        return None
    body = m.group("body")
    if (
        not _is_body(body)
        or body.endswith(("政府", "行政公署", "委"))
        or not body.startswith((*TIERS, "地区"))
        and not area_table().find(body[:12])
    ):
        return None
    return m.span("body")


def extract_report_info(doc: Document) -> ReportInfo:
    text = doc.clean
    lines = _lines(text)
    info = ReportInfo(published=doc.meta.get("published"))
    head = _read_head(text, lines)
    if head.title:
        info.title, info.title_span = text[head.title[0] : head.title[1]], doc.span(*head.title)
    head_end = lines[min(len(lines), _HEAD_LINES) - 1][1] if lines else 0
    body_start = head.title[1] if head.title else (lines[0][0] if lines else 0)
    if head.issuer is None:
        head.issuer = _opening_department(text, body_start)
    if head.issuer:
        info.issuer = re.sub(r"\s+", "", text[head.issuer[0] : head.issuer[1]]).replace("(", "（").replace(")", "）")
        info.issuer_span = doc.span(*head.issuer)
    found = _year(text, head, body_start, head_end)
    if found:
        info.year, at = found
        info.year_span = doc.span(at, at + 4)
    elif head.signed:
        info.year = head.signed[0] - 1 if head.signed[1] <= 6 else head.signed[0]
        info.year_span = doc.span(head.signed[2], head.signed[3])
    area = _area(text, info, head, text[body_start : body_start + _OPENING], head_end, doc.meta)
    if area is not None:
        info.area = area_table().ref(area)
        if info.issuer is None:
            info.issuer = area_table().government_name(area)
    info.issuer_level = _level(info.issuer, area)
    if info.year is None:
        info.problems.append("year not found")
    if info.area is None:
        info.problems.append("issuing area not found")
    return info
