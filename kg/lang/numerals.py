"""Exact parsing of the numbers reports write: Arabic (with separators, full-width digits) and Chinese numerals.

Values are :class:`decimal.Decimal` from end to end. cn2an is not used: it computes in floats
(16.4亿 → 1639999999) and its sentence mode rewrites ordinary words (统一零售价 → 统10售价).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
          "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + "点"
MULTIPLIERS = {"万": Decimal(10**4), "亿": Decimal(10**8), "千": Decimal(1000), "百": Decimal(100)}

_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)} | {0xFF0E: ord("."), 0xFF0C: ord(",")}
_ARABIC = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def parse_arabic(text: str) -> Decimal:
    """'1,234.5' / '１２３' → Decimal. Raises ValueError when it is not a plain number."""
    t = text.translate(_FULLWIDTH).replace("，", ",")
    if not _ARABIC.match(t):
        raise ValueError(f"not an Arabic number: {text!r}")
    try:
        return Decimal(t.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid forms
        raise ValueError(text) from exc


def parse_chinese(text: str) -> Decimal:
    """'一百二十' → 120, '两千' → 2000, '三点五' → 3.5, '十二万' → 120000, '二〇二一' (digit by digit) → 2021."""
    if not text or any(ch not in CHINESE_NUMERAL_CHARS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if "点" in text and text[-1] in BIG_UNITS:  # 十六点四亿: the multiplier applies to the decimal number
        return parse_chinese(text[:-1]) * BIG_UNITS[text[-1]]
    whole, _, frac = text.partition("点")
    value = _parse_chinese_integer(whole) if whole else 0
    if frac:
        if any(ch not in DIGITS for ch in frac):
            raise ValueError(f"bad decimal part in {text!r}")
        return Decimal(f"{value}.{''.join(str(DIGITS[c]) for c in frac)}")
    return Decimal(value)


def _parse_chinese_integer(text: str) -> int:
    if all(ch in DIGITS for ch in text) and len(text) > 1:
        return int("".join(str(DIGITS[c]) for c in text))  # 二〇二一
    total = 0  # sum of completed 万/亿 sections
    section = 0  # value below the current big unit
    digit: int | None = None
    for ch in text:
        if ch in DIGITS:
            if digit is not None and digit != 0 and DIGITS[ch] != 0:
                raise ValueError(f"two digits in a row in {text!r}")
            digit = DIGITS[ch] if DIGITS[ch] or digit is None else digit
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        elif ch in BIG_UNITS:
            section += digit or 0
            unit = BIG_UNITS[ch]
            if section == 0 and total == 0:
                raise ValueError(f"big unit without a number in {text!r}")
            if total and unit > total:
                total = (total + section) * unit  # 一万亿: 亿 applies to the whole
            else:
                total += section * unit
            section, digit = 0, None
        else:  # pragma: no cover - filtered above
            raise ValueError(text)
    return total + section + (digit or 0)


def parse_number(text: str) -> Decimal:
    """Arabic or Chinese numeral, with an optional trailing 万/亿 multiplier on an Arabic number (1.2万)."""
    t = text.translate(_FULLWIDTH)
    if t and t[-1] in "万亿" and t[:-1] and t[:-1][-1].isdigit():
        return parse_arabic(t[:-1]) * MULTIPLIERS[t[-1]]
    if t and t[0].isdigit():
        return parse_arabic(t)
    return parse_chinese(t)


def format_decimal(value: Decimal) -> str:
    """The canonical xsd:decimal lexical form: no exponent, no trailing zeros after the point (2.50 → 2.5)."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
