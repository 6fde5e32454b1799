"""Quantities: a number (Arabic with separators or full-width digits, or Chinese numerals, lower- or upper-case;
万/亿 multipliers) followed by a unit of ``kg/data/units.csv`` or a percent sign, or 百分之…; approximations kept
as the qualifier; ranges (3至5天) as two bounds; values exact (Decimal, never a float), or no figure at all: a
numeral :mod:`kg.lang.numerals` refuses (一百二十万三, 三四, 十一十二) is not a figure. In a range, 万/亿 written
once after the upper bound applies to both (一千到两千万元 → 10000000 and 20000000; :func:`parse_range`).

Not figures, by construction: years and dates (年/月 are not units; 日 after 月 is a date), ordinals (第…, 十届六次
全会), numbers glued to a letter or digit (document and phone numbers) or continuing a dotted number (3.2.5条),
numbers inside 《》 titles, inside quoted names (“三类人员”) and inside named slogans
(``kg/data/figure_exclusions.txt``), a unit that is the start of a longer word (六部委, 三部门 —
``kg/data/figure_unit_blockers.txt``), a bare Chinese 一 + unit (一次性, 一批), which is idiomatic far more often
than it counts anything (百分之一 and 一点五天 are figures), and a lone upper-case digit + unit (陆家嘴, 伍家岗),
a place name more often than a number. A duration in years counts only after 连续/历时/长达.

Each figure gets the noun phrase it counts (``subject``, from the segmenter's POS tags on the clause before it)
and, when that clause names one unambiguously, an indicator of ``ontology/indicators.ttl``
(:mod:`kg.extract.indicators`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from kg.extract.indicators import link_indicator
from kg.extract.lost_brackets import LostTitles, title_spans
from kg.extract.regulations import Titles, find_titles
from kg.extract.spans import SpanSet
from kg.extract.title_kinds import categorise
from kg.lang.areas import area_table
from kg.lang.numerals import (
    ARABIC_DIGIT_CLASS,
    ARABIC_NUMBER_PATTERN,
    CHINESE_NUMBER_PATTERN,
    CHINESE_NUMERAL_CHARS,
    DIGITS,
    MULTIPLIER_PATTERN,
    UPPER_CASE_NUMERAL_CHARS,
    ZEROS,
    halfwidth,
    parse_number,
    parse_range,
)
from kg.lang.titles import names_a_document
from kg.lang.wordpattern import words_pattern
from kg.lang.zh import CLAUSE_ENDS, quoted
from kg.model import FigureMention
from kg.read import Document
from kg.resources import data_csv, data_lines
from kg.segment import Segmenter

_DIGIT = ARABIC_DIGIT_CLASS
_PREFIX = r"累计超过|将近|不少于|不低于|不高于|不超过|超过|大约|近|约|逾"
_SUFFIX = r"左右|以上|以下|以内|余|多"
_DURATION_YEARS = re.compile(rf"(?:连续|历时|长达)(?P<num>[{_DIGIT}]{{1,2}}|{CHINESE_NUMBER_PATTERN})(?P<post>多)?年")
_CLAUSE_END = CLAUSE_ENDS
_QUOTED_NAME = quoted(1, 12, single=False)
_QUOTED_TITLE = quoted(13, 60, single=False)  # a quoted phrase this long that names a work: a title in quotes
_ORDINAL_AFTER = ("全会", "全体会议", "代表大会", "党代会", "人代会")


@lru_cache(maxsize=1)
def _units() -> dict[str, tuple[str, Decimal]]:
    return {r["surface"]: (r["base"], Decimal(r["factor"])) for r in data_csv("units.csv")}


@lru_cache(maxsize=1)
def _digits_only() -> frozenset[str]:
    """Units that count only after Arabic digits (units.csv ``digits_only``): after a Chinese numeral they spell a
    word (十分, 三分之一)."""
    return frozenset(r["surface"] for r in data_csv("units.csv") if r.get("digits_only"))


@lru_cache(maxsize=1)
def unit_words() -> tuple[str, ...]:
    """The measure words of units.csv that are words (not %), longest first: organisations use them too (2件市政府规章:
    the name after a number never starts with its measure word)."""
    return tuple(sorted((u for u in _units() if u[0].isalpha()), key=len, reverse=True))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """:func:`_figure_pattern` behind a look-ahead for the characters a figure can begin with (a word of
    ``_PREFIX``, 百分之, a digit, a decimal point, a Chinese numeral): the same matches, found in half the time,
    because the engine no longer tries the pattern's alternatives at every character of the text."""
    firsts = {w[0] for w in _PREFIX.split("|")} | set("百.．" + ZEROS + CHINESE_NUMERAL_CHARS)
    return re.compile(f"(?=[{ARABIC_DIGIT_CLASS}{re.escape(''.join(sorted(firsts)))}])" + _figure_pattern())


def _figure_pattern() -> str:
    """The pattern of a figure: qualifier, number or range, multiplier, unit or per cent, qualifier."""
    unit_alt = words_pattern(u for u in _units() if u not in ("%", "％"))
    number = rf"{ARABIC_NUMBER_PATTERN}|{CHINESE_NUMBER_PATTERN}"
    return (
        rf"(?P<pre>{_PREFIX})?"
        rf"(?:(?P<pct_cn>百分之)(?P<pct_num>{number}|百)"
        rf"|(?P<num>{number})(?:(?P<mult1>{MULTIPLIER_PATTERN})?(?:[(（]含[)）])?"  # 1万(含)-5万元
        rf"(?P<range_sep>[至到\-—－~～])(?P<num2>{number}))?"
        rf"(?P<mid1>余|多)?(?P<mult>{MULTIPLIER_PATTERN})?(?P<mid2>余|多)?(?:(?P<pct>[%％])|(?P<unit>{unit_alt})))"
        rf"(?P<post>{_SUFFIX})?"
    )


@lru_cache(maxsize=1)
def _exclusions() -> re.Pattern[str]:
    phrases = data_lines("figure_exclusions.txt")
    return re.compile(words_pattern(phrases))


@lru_cache(maxsize=1)
def _unit_blockers() -> tuple[str, ...]:
    return tuple(data_lines("figure_unit_blockers.txt"))


def _blocked_spans(text: str, titles: Titles | None = None, lost: LostTitles | None = None) -> SpanSet:
    spans = title_spans(text, find_titles(text) if titles is None else titles, lost)
    spans += [m.span() for m in _exclusions().finditer(text)]
    spans += [m.span(1) for m in _QUOTED_NAME.finditer(text)]
    spans += [m.span(1) for m in _QUOTED_TITLE.finditer(text) if _names_a_work(m.group(1))]
    return SpanSet(spans)


def _names_a_work(phrase: str) -> bool:
    """Whether a longer quoted phrase is a document's or a printed work's name (“全省…50个优秀案例汇编”, “某县2023年度
    30项民生实事清单”): its numbers are part of the name, as in 《》. A target (“全年新增案件500件以上”) is none."""
    return names_a_document(phrase) or categorise(phrase) == "book"


# three or four digits that read as a month and a day (820, 1120) before 日: a date whose 月 was lost, unless words
# around say a number of days (时限压减至120日, 持续120日, 之日起120日内, 原来的230日): a term, written so too
_MONTH_DAY = re.compile(r"(?:[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")
_TERM_BEFORE = re.compile(
    r"(?:时限|期限|用时|为期|压缩|缩短|压减|减少|提速|平均|持续|连续|控制在|之日起|日起|原来的|累计|长达|超过|不超过)"
    r"[^，,。；;]{0,4}$"
)
_TERM_AFTER = re.compile(r"(?:以内|之内|内|左右|以上|以下|的)")


def _is_date_or_ordinal(text: str, m: re.Match[str]) -> bool:
    start, end = m.start("num") if m["num"] else m.start(), m.end()
    before = text[max(0, start - 4) : start]
    if before.endswith(("第", "届")):
        return True
    if before.endswith("前") and m["unit"] in ("位", "名"):
        return True  # 进入前三位, 排名前十名: a rank
    unit = m["unit"]
    if unit in ("日", "天") and re.search(r"月\s*$", before):
        return True  # 2月25日
    if unit == "日" and _MONTH_DAY.fullmatch(halfwidth(m["num"] or "")):
        term = _TERM_BEFORE.search(text, max(0, start - 8), start) or _TERM_AFTER.match(text, m.end("unit"))
        return not term  # 于820日召开, …，820日，…: a date whose 月 was lost (a wrong value else); 持续120日: a term
    if unit == "次" and text.startswith(_ORDINAL_AFTER, m.end("unit")):
        return True  # 六次全会
    return unit is not None and text.startswith(_unit_blockers(), m.start("unit")) and end == m.end("unit")


def _subject(text: str, start: int, segmenter: Segmenter | None) -> str | None:
    """The noun phrase just before the number in its clause (办理行政复议案件677件 → 行政复议案件)."""
    lo = start
    while lo > 0 and text[lo - 1] not in _CLAUSE_END and start - lo < 30:
        lo -= 1
    clause = text[lo:start]
    if not clause or segmenter is None:
        return None
    picked: list[str] = []
    for word, flag in reversed(segmenter.tag(clause)):
        if flag.startswith(("n", "vn", "j")) or flag in ("nz", "l"):
            picked.append(word)
        elif picked:
            break
        elif flag.startswith(("u", "p", "c", "d", "m", "q", "v")):
            continue
        else:
            break
    subject = "".join(reversed(picked))
    verbs, lengths = _subject_verbs()
    stripped = True
    while stripped:  # 办理行政复议案件 → 行政复议案件, also when the dictionary made it one word
        stripped = False
        for n in lengths:
            if subject[:n] in verbs and len(subject) - n >= 2:
                subject, stripped = subject[n:], True
                break
    return subject or None


@lru_cache(maxsize=1)
def _subject_verbs() -> tuple[frozenset[str], tuple[int, ...]]:
    """kg/data/subject_verbs.txt and the lengths of its verbs: a slice per length, not a ``startswith`` per verb.
    No verb begins another (tests/extract/test_figures.py), so at most one verb begins a subject and the order of
    the look-ups cannot change which is stripped."""
    verbs = frozenset(data_lines("subject_verbs.txt"))
    return verbs, tuple(sorted({len(v) for v in verbs}))


def _clause_before(text: str, start: int) -> str:
    lo = start
    while lo > 0 and text[lo - 1] not in _CLAUSE_END and start - lo < 40:
        lo -= 1
    return text[lo:start]


def extract_figures(
    doc: Document, segmenter: Segmenter | None = None, titles: Titles | None = None, lost: LostTitles | None = None
) -> list[FigureMention]:
    text = doc.clean
    blocked = _blocked_spans(text, titles, lost)
    units = _units()
    out: list[FigureMention] = []
    for m in _pattern().finditer(text):
        start, end = m.span()
        if _glued(text, start) or blocked.overlaps(start, end) or _is_date_or_ordinal(text, m):
            continue
        if not text[start:end].isascii() and _in_place_name(text, start):
            continue  # 三门峡市, 七台河市, 六盘水市: a numeral inside a place's name
        values = _values(m)
        if values is None or m["unit"] in _digits_only() and not m["num"].isascii():
            continue
        base, factor = ("%", Decimal(1)) if m["pct_cn"] or m["pct"] else units[m["unit"]]
        qualifier = m["pre"] or m["mid1"] or m["mid2"] or m["post"]
        out.extend(_figures(doc, start, end, values, factor, base, qualifier, segmenter))
    for m in _DURATION_YEARS.finditer(text):
        if blocked.overlaps(m.start(), m.end()) or _not_a_count(m["num"]) or _name_like(m["num"]):
            continue
        try:
            value = parse_number(m["num"])
        except ValueError:
            continue
        out.extend(_figures(doc, m.start("num"), m.end(), [value], Decimal(1), "年", m["post"], segmenter))
    out.sort(key=lambda f: f.span.start)  # stable: a range keeps its low bound first
    return out


def _in_place_name(text: str, start: int) -> bool:
    lo = max(0, start - 6)
    return any(s <= start - lo < e for s, e, _ in area_table().find(text[lo : start + 8]))


def _glued(text: str, start: int) -> bool:
    """Part of a longer number (2千3人), of a dotted section number (3.2.5条) or of a code (A1号), or the minutes of
    a time of day (18:00人工值守): no figure of its own."""
    if start == 0:
        return False
    before, two_before = text[start - 1], text[start - 2 : start - 1]
    clock = before in ":：" and two_before.isdigit()
    # the tail of a number written with two units (2千3人, 1千零5件): refused whole, never read as 3 or 5
    compound = before in "千百零" and (two_before.isdigit() or two_before in "千百")
    return before.isdigit() or before in ".．" or before.isascii() and before.isalpha() or clock or compound


def _values(m: re.Match[str]) -> list[Decimal] | None:
    """The exact value (or the two bounds of a range) of a match, the 万/亿 after it applied; None when the numeral
    is refused (not one number, or an idiom rather than a count)."""
    mult = m["mult"] or ""
    try:
        if m["pct_cn"]:
            return [Decimal(100) if m["pct_num"] == "百" else parse_number(m["pct_num"])]
        if m["num2"]:
            if _name_like(m["num"]) or _name_like(m["num2"]):
                return None
            return list(parse_range(m["num"] + (m["mult1"] or ""), m["num2"] + mult))
        if _name_like(m["num"]) or _not_a_count(m["num"]) and not m["pct"]:
            return None
        return [parse_number(m["num"] + mult)]
    except ValueError:
        return None


def _not_a_count(num: str) -> bool:
    """A bare Chinese 一 + measure word (一次, 一批) is idiomatic far more often than it counts (a percentage, 百分之一
    or 一%, is not that case)."""
    return len(num) == 1 and DIGITS.get(num) == 1


def _name_like(num: str) -> bool:
    """A lone upper-case digit before a measure word is a place name more often than a number (陆家嘴, 伍家岗)."""
    return len(num) == 1 and num in UPPER_CASE_NUMERAL_CHARS


def _figures(
    doc: Document,
    start: int,
    end: int,
    values: list[Decimal],
    factor: Decimal,
    unit: str,
    qualifier: str | None,
    segmenter: Segmenter | None,
) -> list[FigureMention]:
    text = doc.clean
    subject = _subject(text, start, segmenter)
    indicator = link_indicator(_clause_before(text, start), unit)
    span = doc.span(start, end)
    parts = ["low", "high"] if len(values) == 2 else [None]
    return [
        FigureMention(
            span=span,
            value=value * factor,
            unit=unit,
            approximate=qualifier is not None,
            qualifier=qualifier,
            subject=subject,
            indicator=indicator,
            range_part=part,
        )
        for value, part in zip(values, parts, strict=True)
    ]
