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
  opening names) is never taken for the issuer's: the report is left without an area instead;
* last, the page's publisher (发布机构, 来源) of the tier the report speaks as. (The evidence of the last three lives
  in :mod:`kg.extract.report_area`.)

For the year: the title's year (the later one of a range 2015-2020年度), then the opening 2021年，…, then the
signature's date (a report signed before July is about the year before). A web page's 发布时间 is kept apart as
``published``: it is when the page went up, not the year reported on.
"""

from __future__ import annotations

import re

from kg.extract.report_area import (
    CITY,
    REPORTING,
    below_province,
    chain_area,
    fits_superiors,
    opening_area,
    opening_subject,
    own_committee_area,
    own_titles_area,
    publisher_area,
    speaks_as_city,
    subject_tier,
    we_tier,
)
from kg.extract.report_head import (
    HEAD_LINES,
    Head,
    after_salutation,
    is_body,
    leading_body,
    lines_of,
    read_head,
)
from kg.extract.township import (
    headed_by_township,
    is_township_government,
    speaks_as_township,
    township_government,
    township_name,
    township_subject,
)
from kg.extract.zones import unlisted_zone, zone_and_city
from kg.lang.areas import TIER_RANK, Area, area_table, is_zone
from kg.lang.numerals import arabic_years
from kg.lang.zh import HAN_CLASS, TIERS
from kg.model import ReportInfo
from kg.read import Document, is_report_title
from kg.resources import data_lines

# A year reported on: not the year of a document number (〔2025〕1号) nor of a full date (2025年02月27日: when a
# page or a signature was dated, not what it reports on).
# 2004年撤县设市: a year of the place's history, not the year reported on
_HISTORY = "|".join(map(re.escape, data_lines("history_after_year.txt")))
_YEAR = re.compile(
    r"(?<![〔\[［【(（])((?:19|20)\d\d)\s*(?:[-—–－~～至到]\s*((?:19|20)\d\d)\s*)?年(?!\s*\d{1,2}\s*月)"
    f"(?!{_HISTORY})"
)
_OPENING = 320  # characters of the opening paragraph that can say whom the report speaks for
# The opening names the body that reports: 2023年，区司法局在区委、区政府的领导下… / 2022年，县数据局坚持…
_OPENING_BODY = re.compile(
    r"(?:^|\n)\s*(?:19|20)\d\d\s*年(?:度|以来)?\s*[，,]?\s*"
    r"(?:在[^，,。；;\n]{1,40}?(?:领导|指导|支持|关心|帮助)下\s*[，,]\s*){0,3}"  # 在市委、市政府的正确领导下，
    r"(?P<body>[" + HAN_CLASS + r"（）()]{4,24}?)" + REPORTING
)


def _level(issuer: str | None, area: Area | None) -> str | None:
    if area is None:
        return None
    if issuer and is_township_government(issuer):
        return "department"  # the format's levels end at counties: a township's government is a body below one
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


def _year(text: str, head: Head, body_start: int, head_end: int) -> tuple[int, int] | None:
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


_SPEAKER = 2000  # characters after the head in which 我县, 本区 … say what the report speaks as


def _speaks_as(whole: str, opening: str) -> str | None:
    """The tier the report speaks as: by 我县, 本区 … near its head (``whole``: the text up to _SPEAKER characters
    after the head), else by the tier word of the government its opening names as reporting (县政府坚持…)."""
    return we_tier(whole) or subject_tier(opening)


def _area(
    text: str, info: ReportInfo, head: Head, opening: str, whole: str, head_end: int, meta: dict[str, str]
) -> Area | None:
    """The issuer's area: from its name, else the title's, else whom the opening speaks for, else the titles the
    government itself issued, else the page's publisher."""
    context = text[:3000]
    tier = _speaks_as(whole, opening)
    if info.issuer:
        area = chain_area(info.issuer, context)
        if area is not None:
            return area
    title = text[head.title[0] : head.title[1]] if head.title else info.title or ""  # (a field's: _title_field)
    if title:
        area = chain_area(title, context)
        if area is not None:
            return area
    head_text = text[head.skip : head_end + _OPENING]
    area = own_committee_area(opening, context)
    area = area or opening_area(opening, context, tier) or opening_area(head_text, context, tier)
    if area is not None and area.level == "province" and below_province(opening, whole, area):
        area = None  # 2022年，市政府在省委、省政府…: a 市 speaks, and the province is only named
    if not tier and speaks_as_city(whole, opening):
        tier = CITY  # 我市: a city, of a level its own titles or its publisher tell
        if area is not None and area.level == "prefecture" and opening_subject(opening, context, None) is None:
            below = own_titles_area(text, context, CITY)  # 在某某市委…领导下，我市… may be a county-level city's
            area = below if below is not None and area in area_table().chain(below) else area
    if area is None and tier:
        area = own_titles_area(text, context, tier) or publisher_area(meta, context, tier)
    if area is None and not tier and _speaks_as_township(title, opening, whole):
        area = publisher_area(meta, context, "county")  # 发布机构：某某区某某街道办事处: the township's county
    return area


def _superior_banner(text: str, head: Head, body_start: int, whole: str) -> bool:
    """Whether the body heading the page is a superior of the one that reports: the opening's subject is an area
    below it (某某市人民政府 / 2023年，某某县坚持…), or the report speaks as a lower tier (我县) than the body's
    area. A portal shows its own government's name above every county's report it carries."""
    context = text[:3000]
    banner = chain_area(text[head.issuer[0] : head.issuer[1]], context)
    if banner is None:
        return False
    opening = text[body_start : body_start + _OPENING]
    tier = _speaks_as(whole, opening)
    if tier and TIER_RANK[banner.level] > TIER_RANK[tier]:
        return True
    if banner.level == "province" and below_province(opening, whole, banner):
        return True  # 2023年，市司法局坚持… / 我市… under a province's banner
    title = text[head.title[0] : head.title[1]] if head.title else ""
    if banner.level != "county" and _speaks_as_township(title, opening, whole):
        return True  # a township's report on its city's portal (its county's own portal is handled with it)
    below = [opening_subject(opening, context, tier)]
    if title:
        below.append(chain_area(title, context))  # 某某县2023年…报告 under 某某市
    if banner.level == "prefecture" and speaks_as_city(whole, opening):
        below.append(own_titles_area(text, context, CITY))  # 我市 and the titles of a county-level city
    table = area_table()
    return any(a is not None and a.code != banner.code and banner in table.chain(a) for a in below)


def _speaks_as_township(title: str, opening: str, whole: str) -> bool:
    """Whether the title starts with a township, the opening names one as its subject or the report says 我镇."""
    return bool(headed_by_township(title) or township_subject(opening) or speaks_as_township(whole))


# a Party committee or one of its bodies (县委, 某某市委, 自治区党委, 镇党委, 开发区党工委, 政法委, 纪委, 机关工委): no
# department — unlike a commission of the government (某某市卫生健康委, 县发展改革委), whose name says what it does
_PARTY_COMMITTEE = re.compile(
    f"^(?:中共)?(?:.*(?:党|党工|政法|纪|监|工)|[{TIERS}]|[{HAN_CLASS}]{{1,12}}?[{TIERS}])?委$"
)


def _opening_department(text: str, body_start: int) -> tuple[int, int] | None:
    """A department that the opening sentence names as the one reporting (2023年，区司法局坚持…): the report is
    that department's when neither a signature nor a heading names another body. A government (县委县政府,
    县政府) or a Party committee (县委) is not a department: the area's government is found as usual."""
    m = _OPENING_BODY.search(text, body_start, body_start + _OPENING)
    if m is None:
        return None
    body = m.group("body")
    if (
        not is_body(body)
        or body.endswith(("政府", "行政公署"))
        or _PARTY_COMMITTEE.match(body)
        or not body.startswith((*TIERS, "地区"))
        and not area_table().find(body[:12])
    ):
        return None
    return m.span("body")


def _governs(name: str, area: Area) -> bool:
    """Whether ``name`` is the people's government of ``area`` (某某县人民政府, 某某市某某县政府), not a body of it."""
    return name.endswith("政府") and is_body(name) and chain_area(name, name) == area


def _township_report(
    doc: Document, info: ReportInfo, county: Area, opening: str, whole: str, banner: bool = False
) -> bool:
    """Whether the report is a township's of the county (its title starts with the township, its opening names
    one as its first subject, or it speaks as one: 我镇); if so, ``info`` gets the township's government as its
    issuer (None when the report never names the township). Never when the head names another body as issuer
    or the title starts with the county alone; the county's own government on a ``banner`` line above a title
    that starts with a township is the county's portal, which carries its townships' reports."""
    if county.level != "county" or is_zone(county):
        return False
    title = info.title or ""
    headed = headed_by_township(title)
    portal = bool(banner and headed and info.issuer) and _governs(info.issuer or "", county)
    if info.issuer and not is_township_government(info.issuer) and not portal:
        return False
    if not headed and area_table().leading_places(title):
        return False  # 某某县2023年法治政府建设工作报告: the county reports, whatever its townships do
    if not _speaks_as_township(title, opening, whole):
        return False
    publisher = doc.meta.get("issuing_body") or doc.meta.get("source") or ""
    town = township_name(title, publisher, doc.clean, opening, county)
    # no span: the text names the township (a place), as a county's title names the county, not the government
    info.issuer, info.issuer_span = (township_government(town, county) if town else None), None
    return True


_TIME_BEFORE = re.compile(r"^\s*(?:[^，,。；;\n]{0,12}?(?:年度?|来|以来)\s*[，,、]\s*)?")


def _subject_start(opening: str) -> str:
    """The opening sentence from its subject on: after a time (2024年，…, 一年来，…)."""
    return opening[_TIME_BEFORE.match(opening).end() :]


def _title_field(doc: Document, info: ReportInfo) -> None:
    """A page whose report title stands only in its header's title field (| 标题: | 某某区司法局2024年度…报告 |, a
    field the cleaning drops as furniture): the title, and the body it begins with as the issuer, without a span
    (the text around them is furniture, and bodies named there are no mentions)."""
    title = doc.meta.get("title", "")
    if not is_report_title(title):
        return
    info.title = title
    body = leading_body(title)
    if body is not None:
        info.issuer = title[body[0] : body[1]]


def _area_and_zone(
    doc: Document, text: str, info: ReportInfo, head: Head, opening: str, whole: str, head_end: int
) -> tuple[Area | None, str | None]:
    """The issuer's area, and the unlisted zone it reports for when it is one (kg.extract.zones: the area is then
    the zone's city); a township's report that never names its township has none."""
    if info.issuer is None and info.title is None and (found := zone_and_city(_subject_start(opening))):
        return found[1], found[0]  # no heading, an opening that speaks for a zone (一年来，某某新区坚持…)
    area = _area(text, info, head, opening, whole, head_end, doc.meta)
    if area is not None and not fits_superiors(area, whole):
        area = None
    township = area is not None and _township_report(doc, info, area, opening, whole, head.banner)
    if township and info.issuer is None:
        info.problems.append("a township's report that never names the township")
        return None, None  # never the county's government; the report says no more than "a township"
    if area is None and info.issuer is None and info.title and (found := zone_and_city(info.title)):
        return found[1], found[0]  # 某某新区2021年…报告, with nothing else in its head: its city
    return area, None


def extract_report_info(doc: Document) -> ReportInfo:
    """The report's title, issuer, area and year (module docstring), from its head, its opening, its signature
    and the page's header fields; what is not found is listed in ``problems``."""
    text = arabic_years(doc.clean)  # 二〇二三年 → 2023年, same offsets; names are sliced from doc.clean
    lines = lines_of(text)
    info = ReportInfo(published=doc.meta.get("published"))
    head = read_head(text, lines)
    if head.title:
        info.title, info.title_span = doc.clean[head.title[0] : head.title[1]], doc.span(*head.title)
    head_end = lines[min(len(lines), HEAD_LINES) - 1][1] if lines else 0
    body_start = head.title[1] if head.title else (lines[0][0] if lines else 0)
    whole = text[: head_end + _SPEAKER]
    if head.banner:
        body_start = max(body_start, head.issuer[1])
        if _superior_banner(text, head, body_start, whole):
            head.issuer, head.skip = None, head.issuer[1]  # the banner is no evidence of the area either
    year_start, body_start = body_start, after_salutation(text, lines, body_start)
    if head.issuer is None:
        head.issuer = _opening_department(text, body_start)
    if head.issuer:
        issuer = doc.clean[head.issuer[0] : head.issuer[1]]
        info.issuer = re.sub(r"\s+", "", issuer).replace("(", "（").replace(")", "）")
        info.issuer_span = doc.span(*head.issuer)
    elif not head.title:
        _title_field(doc, info)
    found = _year(text, head, year_start, head_end)
    if found:
        info.year, at = found
        info.year_span = doc.span(at, at + 4)
    elif head.signed:
        info.year = head.signed[0] - 1 if head.signed[1] <= 6 else head.signed[0]
        info.year_span = doc.span(head.signed[2], head.signed[3])
    opening = text[body_start : body_start + _OPENING]
    area, zone = _area_and_zone(doc, text, info, head, opening, whole, head_end)
    if head.tier_only and area is not None and not area.name.endswith(info.issuer[0]):
        info.issuer, info.issuer_span = None, None  # 州人民检察院 heading a county's report: not its department
    if area is not None:
        info.area = area_table().ref(area)
        if zone is None and info.issuer is None and info.title:
            zone = unlisted_zone(info.title, area)
        if zone:
            info.issuer = zone + "管理委员会"
        if info.issuer is None:
            info.issuer = area_table().government_name(area)
    info.issuer_level = _level(info.issuer, area)
    if info.year is None:
        info.problems.append("year not found")
    if info.area is None:
        info.problems.append("issuing area not found")
    return info
