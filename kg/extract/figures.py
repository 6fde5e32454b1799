"""Quantities: a number (Arabic or Chinese, with 万/亿) followed by a unit from ``kg/data/units.csv``, or a
percentage; with approximation words kept as the qualifier and values exact (Decimal).

Excluded by construction: years and dates (年/月 are not units; 日 after 月 is a date), ordinals (第…),
numbers inside 《》 titles and inside named slogans (``kg/data/figure_exclusions.txt``), and a bare 一 + unit,
which is idiomatic (一次性, 一批) far more often than it counts anything.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from kg.extract.regulations import find_titles
from kg.model import FigureMention
from kg.numerals import MULTIPLIERS, parse_number
from kg.read import Document
from kg.resources import data_csv, data_lines
from kg.segment import Segmenter

_ARABIC = r"[0-9０-９]{1,3}(?:[,，][0-9]{3})+(?:[.．][0-9０-９]+)?|[0-9０-９]{1,15}(?:[.．][0-9０-９]{1,6})?"
_CHINESE = r"[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]{0,8}"
_PREFIX = r"近|约|大约|超过|逾|不少于|不低于|将近|累计超过"
_SUFFIX = r"左右|以上|余|多"
_CLAUSE_END = "。；;！？!?\n，,：:、（）()"


@lru_cache(maxsize=1)
def _units() -> dict[str, tuple[str, Decimal]]:
    return {r["surface"]: (r["base"], Decimal(r["factor"])) for r in data_csv("units.csv")}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    units = sorted((u for u in _units() if u not in ("%", "％")), key=len, reverse=True)
    unit_alt = "|".join(re.escape(u) for u in units)
    return re.compile(
        rf"(?P<pre>{_PREFIX})?"
        rf"(?:(?P<pct_cn>百分之)(?P<pct_num>{_CHINESE}|{_ARABIC})"
        rf"|(?P<num>{_ARABIC}|{_CHINESE})(?:(?P<range_sep>[至到\-—－~～])(?P<num2>{_ARABIC}|{_CHINESE}))?"
        rf"(?P<mult>万|亿)?(?P<mid>余|多)?(?:(?P<pct>[%％])|(?P<unit>{unit_alt})))"
        rf"(?P<post>{_SUFFIX})?"
    )


@lru_cache(maxsize=1)
def _exclusions() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(p) for p in sorted(data_lines("figure_exclusions.txt"), key=len, reverse=True)))


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    spans = [(s, e) for s, e, _ in find_titles(text)]
    spans += [m.span() for m in _exclusions().finditer(text)]
    return sorted(spans)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _subject(text: str, start: int, segmenter: Segmenter | None) -> str | None:
    """The noun phrase just before the number in its clause (办理行政复议案件677件 → 行政复议案件)."""
    lo = start
    while lo > 0 and text[lo - 1] not in _CLAUSE_END and start - lo < 30:
        lo -= 1
    clause = text[lo:start]
    if not clause or segmenter is None:
        return None
    words = segmenter.tag(clause)
    picked: list[str] = []
    for word, flag in reversed(words):
        if flag.startswith(("n", "vn", "j")) or flag in ("nz", "l"):
            picked.append(word)
        elif picked:
            break
        elif flag.startswith(("u", "p", "c", "d", "m", "q", "v")) and len(picked) == 0:
            continue
        else:
            break
    return "".join(reversed(picked)) or None


def extract_figures(doc: Document, segmenter: Segmenter | None = None) -> list[FigureMention]:
    text = doc.clean
    blocked = _blocked_spans(text)
    units = _units()
    out: list[FigureMention] = []
    for m in _pattern().finditer(text):
        start, end = m.span()
        if start > 0 and (text[start - 1] in "第" or text[start - 1].isdigit() or text[start - 1].isascii() and
                          text[start - 1].isalpha()):
            continue
        if _inside(blocked, start, end):
            continue
        unit_surface = m["unit"]
        if unit_surface in ("日", "天") and start > 0 and re.search(r"月$", text[max(0, start - 3) : start]):
            continue  # 2月25日 is a date
        if unit_surface == "日" and m["num"] and re.match(r"^\d{1,2}$", m["num"]) and re.search(
            r"\d月$", text[max(0, start - 4) : start]
        ):
            continue
        num_text = m["pct_num"] or m["num"]
        try:
            values = [parse_number(num_text)]
            if m["num2"]:
                values.append(parse_number(m["num2"]))
        except ValueError:
            continue
        chinese = not num_text[0].isdigit() and num_text[0] not in "０１２３４５６７８９"
        if chinese and values[0] < 2:
            continue
        if m["pct_cn"] or m["pct"]:
            base, factor = "%", Decimal(1)
        else:
            base, factor = units[unit_surface]
        if m["mult"]:
            factor *= MULTIPLIERS[m["mult"]]
        qualifier = m["pre"] or m["mid"] or m["post"]
        if m["post"] == "多" or m["post"] == "余":
            qualifier = m["post"]
        subject = _subject(text, start - len(m["pre"] or ""), segmenter) if segmenter else None
        span = doc.span(start, end)
        parts = ["low", "high"] if len(values) == 2 else [None]
        for value, part in zip(values, parts):
            out.append(
                FigureMention(
                    span=span,
                    value=value * factor,
                    unit=base,
                    approximate=qualifier is not None,
                    qualifier=qualifier,
                    subject=subject,
                    range_part=part,
                )
            )
    return out
