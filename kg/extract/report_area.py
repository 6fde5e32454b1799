"""Which area a report speaks for, when no signature or heading names its issuer: the names of the opening
scored as subject or superior (2023年，郏县坚持… / 在某市委、市政府的坚强领导下), the tier it speaks as (我县,
本区), the titles the government itself issued (《某某县人民政府关于…》), and the page's publisher. An area of a
higher tier than the one the report speaks as is never taken: the report is left without an area instead
(kg.extract.issuer)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import pairwise

from kg.extract.roles import role_of
from kg.lang.areas import TIER_RANK, Area, area_table
from kg.lang.zh import HAN_CLASS, PARTY, TIERS
from kg.resources import data_lines

_SUBJECT_BEFORE = re.compile(r"(?:年度?[，,、]?|^|\n|[，,。]|我|全)$")
_REPORTING_WORDS = "|".join(data_lines("reporting_verbs.txt"))
REPORTING = f"(?={_REPORTING_WORDS})"
"""What follows the subject of an opening sentence (坚持, 深入, 以…为抓手: kg/data/reporting_verbs.txt)."""
_SUBJECT_AFTER = re.compile(f"^(?:人民政府|政府|法治政府|司法局|委|各级|{_REPORTING_WORDS})")
_SHORT_SUBJECT = re.compile(
    r"(?:(?:19|20)\d\d\s*年度?|领导下|指导下)\s*[，,]\s*(?P<name>["
    + HAN_CLASS
    + r"]{2,3}?)(?:市?委?[、和]?(?:人民)?政府)?"
    + REPORTING
)
# The opening's subject named by its tier alone: 2020年，在县委的正确领导下，县政府坚持… (a county speaks)
_TIER_BODY = re.compile(  # 2022年，市司法局坚持…: a department named by its tier word reports
    r"(?:19|20)\d\d\s*年度?(?:以来)?\s*[，,]\s*(?P<tier>地区|["
    + TIERS
    + r"])["
    + HAN_CLASS
    + r"]{1,10}?[局委办处]"
    + REPORTING
)
_TIER_SUBJECT = re.compile(r"(?:^|[，,。\n])\s*(?:我|本)?(?P<tier>[" + TIERS + r"])(?:人民)?政府" + REPORTING)
_PROVINCE_SUBJECT = re.compile(r"(?:19|20)\d\d\s*年度?\s*[，,]\s*(?:自治区|省)(?:人民)?(?:政府)?" + REPORTING)
_BELOW_PROVINCE = ("市", "县", "旗", "州", "盟", "地区")  # tier words of what lies below a province (区: see below)
_SUPERIOR = re.compile(  # 在某市委的坚强领导下 / 根据某市依法治市办的统一部署 / 按照某市…《…通知》要求: a superior
    r"在[^，。；]{0,24}的(?:坚强|正确|大力|有力|悉心|精心)?(?:领导|指导|支持)"
    r"|(?:根据|按照|依据)[^，。；]{0,30}的(?:统一|决策|工作)?(?:部署|安排|要求)"
    # 根据某市…办公室《关于…的通知》要求
    r"|(?:根据|按照|依据)[^，。；《》]{0,30}《[^《》\n]{1,60}》(?:的)?(?:部署|安排|要求|精神|规定)"
)
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
# a place named as a partner or a destination (与某某区、某某县签订…, 赴某某市学习, 向某某市报备): another party
_PARTNER_BEFORE = re.compile(f"(?:{'|'.join(data_lines('partner_words.txt'))})(?:[^，,。；;、]{{2,8}}、)*$")
# a place that comes to, or acts on, the report's own area (某某县司法局到我县考察, 某某市督察组对我区…): a visitor
_VISITOR_AFTER = re.compile(
    f"(?:[^，,。；;、\n]{{0,12}}?(?:{'|'.join(data_lines('visitor_words.txt'))})"
    f"|[{HAN_CLASS}]{{0,6}}?[和与及、同])(?:我|本)[{TIERS}]"  # or a peer beside it: 某某区和我区并列第一
)
# the report's own province spoken of: 在省委、省政府…, 全省第一, the tiers 省市县 / 省州市 (not 某某省市场监管局: a
# 省 after a province's name is checked by the caller)
_OWN_PROVINCE = re.compile(r"省委|省政府|全省|省[、]?[州市][、]?[市县区乡]")


def _relatives(a: Area, b: Area) -> bool:
    table = area_table()
    return a.code in {x.code for x in table.chain(b)} or b.code in {x.code for x in table.chain(a)}


def _pick_area(candidates: list[Area], context: str) -> Area | None:
    """Several areas share a name (城关区, 新城区): prefer the one whose ancestors the text names; None when the
    text names the ancestors of none (or of two) of them."""
    if not candidates:
        return None
    table = area_table()

    def support(a: Area) -> int:
        return sum(
            2 if anc.name in context else 1 if anc.short and anc.short in context else 0 for anc in table.chain(a)[:-1]
        )

    ranked = sorted(candidates, key=lambda a: (support(a), a.current, -int(a.code)), reverse=True)
    best = ranked[0]
    if len(ranked) > 1 and best.current and ranked[1].current and support(ranked[1]) == support(best):
        return None  # two current 青山区 and nothing in the text says which: no area rather than a guess
    return best


def chain_area(text: str, context: str) -> Area | None:
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


def we_tier(text: str, words: str = "我本") -> str | None:
    """The tier the report speaks as (我县, 本区, 我市 …): 'county', 'prefecture', 'province' or None."""
    return _WE.get(_we_word(text, words) or "")


def subject_tier(opening: str) -> str | None:
    """The tier of a government the opening names by its tier word as the one that reports (县政府坚持…; a
    province's: 2022年，自治区坚持…), or None."""
    if _PROVINCE_SUBJECT.search(opening):
        return "province"
    m = _TIER_SUBJECT.search(opening)
    return _WE.get(m.group("tier")) if m else None


def own_committee_area(opening: str, context: str) -> Area | None:
    """The area of a government the opening names by its tier word alone (市政府坚持…) when the clause of its
    leaders names its own committee (在潍坊市委、市政府和寿光市委的坚强领导下，市政府坚持…: a 市政府 is led by its own
    市委, the lowest 市 named there), or None."""
    m = _TIER_SUBJECT.search(opening)
    if m is None:
        return None
    tier_word = m.group("tier")
    found = []
    for superior in _SUPERIOR.finditer(opening[: m.start("tier")]):
        clause = superior.group()
        for _, end, name in area_table().find(clause):
            if name.endswith(tier_word) and clause.startswith("委", end):
                area = _pick_area(area_table().lookup(name), context)
                if area is not None:
                    found.append(area)
    return min(found, key=lambda a: TIER_RANK[a.level]) if found else None


def below_province(opening: str, context: str, province: Area) -> bool:
    """Whether the report speaks as something below ``province``: its opening's subject is a government or body
    named by a tier below it (市政府坚持…, 2022年，市司法局…, 2023年以来，地区司法处…), or it says 我市, 我县, 本旗 …,
    or it is led by a body below a province (在市委、市政府的领导下，我局…). The province is then no candidate for
    its area. A municipality's own tier is 市 (北京市: 我市, 在市委的领导下) and an autonomous region's 区 (我区,
    在区党委、区政府的领导下): those words speak as the province itself."""
    own = "市" if province.name.endswith("市") else "区" if province.name.endswith("自治区") else ""
    below = tuple(t for t in _BELOW_PROVINCE if t != own)
    m = _TIER_SUBJECT.search(opening) or _TIER_BODY.search(opening)
    if bool(m) and m.group("tier") in below or (_we_word(context) or "省") in below:
        return True
    led = _led_below(own)
    return any(led.search(s.group()) for s in _SUPERIOR.finditer(opening))


@lru_cache(maxsize=4)
def _led_below(own: str) -> re.Pattern[str]:
    """A leader below a province whose own tier word is ``own``: 市委, 县政府, 区委 … (区 too, which a province's
    text does not use of itself, unless the province is an autonomous region)."""
    tiers = [t for t in (*_BELOW_PROVINCE, "区") if t != own]
    return re.compile(f"(?<!自治)(?:{'|'.join(tiers)})(?:委|人民政府|政府)")


def opening_area(opening: str, context: str, tier: str | None) -> Area | None:
    """The area the opening paragraph speaks for: names scored as subject (after the year, at a line start,
    before 坚持/人民政府 …) above names of superiors (在…市委、市政府的坚强领导下). With a tier the text speaks as
    (我县), an area of a higher tier is not a candidate (我区 of an autonomous region aside); nor, unless the report
    speaks as a province (2022年，自治区坚持…, 全省), is a province named inside a title: 《某某省安全生产条例》 is the
    law of whoever reports under that province."""
    best = _best_opening_name(opening, context, tier)
    return best[1] if best else None


def opening_subject(opening: str, context: str, tier: str | None) -> Area | None:
    """The area the opening names in a subject's place (2023年，某某县坚持…), or None: a name merely mentioned
    (指导某某县推进…) is not one."""
    best = _best_opening_name(opening, context, tier)
    return best[1] if best and best[0] >= 2 else None


def _best_opening_name(opening: str, context: str, tier: str | None) -> tuple[int, Area] | None:
    """(score, area) of the best-scored area name of the opening (see :func:`opening_area`)."""
    table = area_table()
    superiors = [m.span() for m in _SUPERIOR.finditer(opening)]
    loose = we_tier(context, "全")
    region = _we_word(context) == "区"
    best: tuple[int, int, Area] | None = None
    province = "province" in (tier, loose)
    titles = [m.span() for m in _OWN_TITLE.finditer(opening)]
    named = _chained(sorted(table.find(opening) + _short_subjects(opening)), context)
    listed = _listed(opening, named)
    for start, end, area in named:
        if area is None or (tier and _higher(area.level, tier) and not (region and _is_region(area))):
            continue
        if tier and _higher(tier, area.level):
            continue  # 州政府坚持… 某某县率先推行…: a place below the one that speaks is one of its own
        if _PARTNER_BEFORE.search(opening, max(0, start - 16), start):
            continue  # 与某某区签订协议, 赴某某县学习考察: another party, never the one that reports
        if _VISITOR_AFTER.match(opening, end):
            continue  # 某某县司法局到我县考察, 某某区和我区并列第一: a visitor or a peer of the one that reports
        titled = any(s < start < e for s, e in titles)  # 《某某市人民政府关于…》 names its issuer, not the subject
        if titled and area.level == "province" and not province:
            continue
        if start in listed:
            continue  # 某某区人民政府、某某区人民政府被评为…: which of a list of peers reports, the list does not say
        score = int(area.level in (tier, loose))
        if not titled and _SUBJECT_BEFORE.search(opening[max(0, start - 4) : start]):
            score += 2
        if not titled and _SUBJECT_AFTER.match(opening[end : end + 6]):
            score += 2
        if any(s <= start < e for s, e in superiors):
            score -= 4
        if best is None or score > best[0]:
            best = (score, -start, area)
    return (best[0], best[2]) if best else None


_LIST_GLUE = re.compile(f"[{HAN_CLASS}]{{0,8}}?[、和与及]")


def _listed(text: str, named: list[tuple[int, int, Area | None]]) -> set[int]:
    """Where the places of a list of peers start: two places of one level, each name (with its body: 某某区人民政府)
    joined to the next by 、 和 与 及."""
    out: set[int] = set()
    for (s1, e1, a1), (s2, _, a2) in pairwise(named):
        if a1 and a2 and a1.code != a2.code and a1.level == a2.level and _LIST_GLUE.fullmatch(text, e1, s2):
            out |= {s1, s2}
    return out


def _chained(hits: list[tuple[int, int, str]], context: str) -> list[tuple[int, int, Area | None]]:
    """The area of each name, a name written right after its parent's (阳泉市矿区, 银川市兴庆区) joined to it as one:
    the chain names its last area, from where the first begins."""
    out: list[tuple[int, int, Area | None]] = []
    for start, end, name in hits:
        candidates = area_table().lookup(name)
        if out and out[-1][1] == start and out[-1][2] is not None:
            below = [a for a in candidates if _relatives(a, out[-1][2]) and a.level != out[-1][2].level]
            if below:
                out[-1] = (out[-1][0], end, _pick_area(below, context))
                continue
        out.append((start, end, _pick_area(candidates, context)))
    return out


def _short_subjects(opening: str) -> list[tuple[int, int, str]]:
    """A place written without its tier word as the opening's subject (2023年，邹城坚持… / 2022年，历城全面… /
    在省委、省政府的领导下，某某委、政府坚持…, the committee and government named by the short place):
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


CITY = "city"
"""The tier of a report that speaks as 我市 or 市政府: a city of either level (a prefecture's or a county's)."""


def speaks_as_city(context: str, opening: str) -> bool:
    """Whether the report speaks as a 市 (我市, 本市, 市政府坚持…), which does not say which level of city."""
    word = _we_word(context)
    if word is not None:
        return word == "市"
    m = _TIER_SUBJECT.search(opening)
    return bool(m) and m.group("tier") == "市"


def _of_tier(area: Area, tier: str) -> bool:
    if tier == CITY:
        return area.name.endswith("市") and area.level in ("county", "prefecture")
    return area.level == tier


def own_titles_area(text: str, context: str, tier: str) -> Area | None:
    """The area of the tier the report speaks as that the most titles in it start with (《某某县人民政府关于…》,
    《某某县…办法》): a government names itself in the titles of what it issues. ``tier`` is a level or
    :data:`CITY`; a city's titles count only where the report issues them (印发《…》), since both levels of city
    say 我市 and a county-level city cites its prefecture's titles too."""
    table = area_table()
    counts: Counter[str] = Counter()
    for m in _OWN_TITLE.finditer(text):
        if tier == CITY and role_of(text, m.start(), m.end()) != "issued":
            continue  # a county-level city cites its prefecture's 《某某市人民政府关于…》: only what it issued
        title = m.group(1)
        start = PARTY.match(title).end()
        hits = table.find(title[: start + 20])
        if hits and hits[0][0] == start:
            area = chain_area(title[start:], context)
            if area is not None and _of_tier(area, tier):
                counts[area.code] += 1
    if not counts:
        return None
    best = max(counts.items(), key=lambda kv: (kv[1], -int(kv[0])))[0]
    return table.by_code[best]


def publisher_area(meta: dict[str, str], context: str, tier: str) -> Area | None:
    """The area of the body the web page names as its publisher (发布机构：某某县人民政府办公室, 来源：某某县司法局),
    when it is of the tier the report speaks as: a government publishes its own report on its own site. Last
    evidence, after the report's own words; a publisher of another tier (the superior city's site) is not used."""
    for key in ("issuing_body", "source"):
        area = chain_area(meta.get(key, ""), context)
        if area is not None and _of_tier(area, tier):
            return area
    return None


def fits_superiors(area: Area, context: str) -> bool:
    """Whether the superiors the text speaks of can be the area's: a district of a municipality under the central
    government (a 区 of 北京市) has no province above it, so a text that never names that municipality and speaks
    of its own 省 (在省委、省政府的领导下, 全省, the tiers 省市县 or 省州市) is the report of a place elsewhere that
    shares the district's name: the area is left unknown rather than guessed. A 省 after a province's name
    (配合某某省政府) is another province's and says nothing."""
    table = area_table()
    province = next((a for a in table.chain(area) if a.level == "province"), None)
    if province is None or not province.name.endswith("市") or province.short in context:
        return True
    for m in _OWN_PROVINCE.finditer(context):
        at = m.start() + m.group().index("省")
        if not any(table.by_name.get(context[max(0, at - k) : at + 1]) for k in range(1, 8)):
            return False
    return True
