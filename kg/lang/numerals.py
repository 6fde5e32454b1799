"""Exact parsing of the numbers reports write: Arabic (with separators, full-width digits) and Chinese numerals.

Values are :class:`decimal.Decimal` from end to end, and a form is either read exactly or refused with
``ValueError`` — never guessed. cn2an is not used: it computes in floats (16.4亿 → 1639999999) and its sentence mode
rewrites ordinary words (统一零售价 → 统10售价).

The Chinese forms read (each with its rule):

- positional numerals, lower-case, traditional (兩) or upper-case 大写 (壹仟贰佰), mixed (壹仟两百 → 1200);
  units fall from left to right (十一十二 is refused) and the next position follows a unit unless 零 marks the
  gap (一千零十 → 1010, 三百零十 → 310, 一千二十 refused); 十 alone may open a number (十二) or follow 零;
- colloquial short forms: a lone last digit is the position just below the unit before it (三万五 → 35000, 两千六
  → 2600, 一百二 → 120). After 万/亿 that holds only when a single digit stands before the unit: 一百二十万三 is
  refused, because 三 reads as 三万 (1230000, the digit after the last one written) or as 三千 (1203000, the
  position after 万) and nothing in the text decides;
- digit strings of three digits or more (二〇二一, 一〇八); two digits in a row (三四, 一两, 十七八) are the
  idiom for "three or four", never 34;
- decimals with 点 and a digit after it (三点五, 零点四三二一), optionally scaled by 万/亿/万亿 (十六点四亿);
- ranges (:func:`parse_range`): 万/亿 written after the upper bound also scales a lower bound written without one
  (一千到两千万 → 10000000 and 20000000), as long as the lower bound stays the lower.

Refused: a bare unit (千, 百, 万), 零点 or 点五 (no digit on one side of 点), a trailing 零, doubled 零, and 两
anywhere but before a unit or alone (十两 is ten taels, not 12).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# --- character classes: the one definition of which characters are numerals --------------------------------------
ZEROS = "零〇○"  # ○ (U+25CB) is how many reports type 〇
DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "貳": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "叁": 3,
    "叄": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
LIANG = "两兩"  # 2 before a unit (两千); never a digit of a digit string or of a decimal part
UPPER_CASE_DIGITS = "壹贰貳叁叄肆伍陆陸柒捌玖"  # 大写, as on cheques and contracts
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
TENS = "十拾"  # the one unit that may open a number without a digit (十二)
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
UPPER_CASE_NUMERAL_CHARS = UPPER_CASE_DIGITS + "拾佰仟萬億"
DECIMAL_POINT = "点"
CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + DECIMAL_POINT
COUNTING_CHARS = (
    "一二两三四五六七八九十"  # how a count is written in running text (一是, （三）, 两纲要): no 大写, no 零
)
MULTIPLIERS = {
    "万亿": Decimal(10**12),
    "万": Decimal(10**4),
    "萬": Decimal(10**4),
    "亿": Decimal(10**8),
    "億": Decimal(10**8),
    "千": Decimal(10**3),  # after digits only (2千余份, 1.5千人); 两千 is a Chinese number of its own
}

# --- the same classes as regular-expression fragments, for the extractors -----------------------------------------
ARABIC_DIGIT_CLASS = "0-9０-９"
ARABIC_NUMBER_PATTERN = (
    rf"[{ARABIC_DIGIT_CLASS}]{{1,3}}(?:[,，][{ARABIC_DIGIT_CLASS}]{{3}})+(?:[.．][{ARABIC_DIGIT_CLASS}]+)?"
    rf"|[{ARABIC_DIGIT_CLASS}]{{1,15}}(?:[.．][{ARABIC_DIGIT_CLASS}]{{1,6}})?"
    rf"|[.．][{ARABIC_DIGIT_CLASS}]{{1,6}}"  # .3 = 0.3
)
_NONZERO_DIGITS = "".join(c for c in DIGITS if DIGITS[c])
_FRACTION_DIGITS = "".join(c for c in DIGITS if c not in LIANG)
MULTIPLIER_PATTERN = "万亿|[万萬亿億]|千(?![米克瓦伏帕卡焦赫])"  # (3千米, 5千克: a unit of its own, not 3000 米)
CHINESE_NUMBER_PATTERN = (
    rf"(?:[{_NONZERO_DIGITS}{TENS}][{''.join(DIGITS)}{''.join(SMALL_UNITS)}{''.join(BIG_UNITS)}]{{0,24}}"
    rf"|[{ZEROS}](?={DECIMAL_POINT}))"  # 零点五
    rf"(?:{DECIMAL_POINT}[{_FRACTION_DIGITS}]{{1,6}}(?:{MULTIPLIER_PATTERN})?)?"
)

_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)} | {0xFF0E: ord("."), 0xFF0C: ord(",")}


def halfwidth(text: str) -> str:
    """``text`` with its full-width digits, point and comma (１２３．５) written half-width, the same length."""
    return text.translate(_FULLWIDTH)


_ARABIC = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$")
_ARABIC_MULTIPLIED = re.compile(rf"^(?P<num>[\d.,]+)(?P<mult>{MULTIPLIER_PATTERN})$")


_PLAIN_DIGITS = "零〇○一二三四五六七八九"
_CHINESE_YEAR = re.compile(f"[{_PLAIN_DIGITS}]{{4}}(?=\\s*年)")


def arabic_years(text: str) -> str:
    """``text`` with each year written in Chinese digits (二〇二三年, 二○二四年一月) in ASCII digits, and nothing
    else changed: the same length, so every offset still holds. Official documents date their signature so."""
    return _CHINESE_YEAR.sub(lambda m: "".join(str(DIGITS[c]) for c in m.group()), text)


def parse_arabic(text: str) -> Decimal:
    """'1,234.5' / '１２３' / '.3' → Decimal. Raises ValueError when it is not a plain number."""
    t = halfwidth(text).replace("，", ",")
    if not _ARABIC.match(t):
        raise ValueError(f"not an Arabic number: {text!r}")
    try:
        return Decimal(t.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid forms
        raise ValueError(text) from exc


def parse_chinese(text: str) -> Decimal:
    """'一百二十' → 120, '两千六' → 2600, '三点五' → 3.5, '十六点四亿' → 1640000000, '二〇二一' → 2021, '壹仟贰佰' →
    1200. Raises ValueError on anything that is not exactly one number (千, 十一十二, 零点, 三四)."""
    if not text or any(ch not in CHINESE_NUMERAL_CHARS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if DECIMAL_POINT not in text:
        return Decimal(_parse_chinese_integer(text))
    whole, _, frac = text.partition(DECIMAL_POINT)
    scale = Decimal(1)
    for word in ("万亿", *BIG_UNITS):  # 十六点四亿: the multiplier applies to the decimal number
        if frac.endswith(word) and len(frac) > len(word):
            frac, scale = frac[: -len(word)], MULTIPLIERS[word]
            break
    if not whole or not frac or any(ch not in DIGITS or ch in LIANG for ch in frac):
        raise ValueError(f"bad decimal in {text!r}")
    if scale != 1 and any(ch in BIG_UNITS for ch in whole):
        raise ValueError(f"two multipliers in {text!r}")
    integer = 0 if whole in ZEROS else _parse_chinese_integer(whole, short_form=False)
    return Decimal(f"{integer}.{''.join(str(DIGITS[c]) for c in frac)}") * scale


def _parse_chinese_integer(text: str, short_form: bool = True) -> int:
    if all(ch in DIGITS for ch in text) and len(text) > 1:
        return _parse_digit_string(text)
    return _below_big_unit(text, 10**16, short_form)


def _parse_digit_string(text: str) -> int:
    """二〇二一 → 2021, digit by digit. Two digits (三四, 一两) are "three or four", not 34: refused."""
    if len(text) < 3 or any(ch in LIANG for ch in text):
        raise ValueError(f"not one number: {text!r}")
    return int("".join(str(DIGITS[c]) for c in text))


def _below_big_unit(text: str, limit: int, short_form: bool) -> int:
    """A number below ``limit`` (10**16, 10**8 or 10**4): split at its highest big unit (亿, then 万) into the
    coefficient of that unit and the rest, each read by the same rule one level down."""
    for unit in (10**8, 10**4):
        if unit >= limit:
            continue
        cut = max((i for i, ch in enumerate(text) if BIG_UNITS.get(ch) == unit), default=-1)
        if cut < 0:
            continue
        head, rest = text[:cut], text[cut + 1 :]
        if not head:
            raise ValueError(f"{text[cut]} without a number in {text!r}")
        coefficient = _below_big_unit(head, unit, short_form)
        if coefficient == 0:
            raise ValueError(f"zero before {text[cut]} in {text!r}")
        return coefficient * unit + _after_big_unit(head, rest, unit, short_form, text)
    return _section(text, short_form)


def _after_big_unit(head: str, rest: str, unit: int, short_form: bool, text: str) -> int:
    """What follows 万 or 亿: nothing; 零 and a smaller number (一万零五); a number that starts at the next position
    (一万二千, not 一万二百); or a lone digit read as that next position (三万五), when one digit stands before the
    unit — after a longer coefficient (一百二十万三) the lone digit could be either of two positions."""
    if not rest:
        return 0
    if rest[0] in ZEROS:
        value = _below_big_unit(rest[1:], unit, short_form) if rest[1:] and rest[1] not in ZEROS else -1
        if value <= 0:
            raise ValueError(f"bad 零 in {text!r}")
        return value
    if len(rest) == 1 and rest in DIGITS:
        if not short_form or len(head) != 1 or head not in DIGITS or rest in LIANG:
            raise ValueError(f"ambiguous short form in {text!r}")
        return DIGITS[rest] * unit // 10
    value = _below_big_unit(rest, unit, short_form)
    if value < unit // 10:
        raise ValueError(f"a position skipped without 零 in {text!r}")
    return value


def _section(text: str, short_form: bool) -> int:
    """Below 10000: digits and 十/百/千, units falling, the next position after each unit unless 零 marks a gap."""
    if not text:
        raise ValueError("empty numeral")
    value, last_unit, digit, after_zero, liang = 0, 10**4, None, False, False
    for ch in text:
        if ch in ZEROS:
            if digit is not None or after_zero or last_unit == 10**4:
                raise ValueError(f"bad 零 in {text!r}")
            after_zero = True
        elif ch in DIGITS:
            if digit is not None:
                raise ValueError(f"two digits in a row in {text!r}")
            digit, liang = DIGITS[ch], ch in LIANG
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            if digit is not None and liang and unit == 10:
                raise ValueError(f"两 before 十 in {text!r}")
            opening = last_unit == 10**4 or after_zero
            if unit >= last_unit or not after_zero and last_unit < 10**4 and unit != last_unit // 10:
                raise ValueError(f"units out of order in {text!r}")
            if digit is None and not (unit == 10 and opening):
                raise ValueError(f"{ch} without a number in {text!r}")
            value += (1 if digit is None else digit) * unit
            last_unit, digit, after_zero = unit, None, False
        else:
            raise ValueError(f"{ch} out of place in {text!r}")
    if digit is None and after_zero:
        raise ValueError(f"trailing 零 in {text!r}")
    if digit is not None:
        if liang and len(text) > 1:
            raise ValueError(f"两 after a number is the measure word (十两 = ten taels) in {text!r}")
        if last_unit == 10**4 or after_zero:
            return value + digit
        if not short_form and last_unit > 10:
            raise ValueError(f"short form before 点 in {text!r}")
        value += digit * (last_unit // 10)  # 十二 → 2 units; 一百二 → 2 tens
    return value


def parse_number(text: str) -> Decimal:
    """Arabic or Chinese numeral, with an optional trailing 万/亿/万亿 multiplier on an Arabic number (1.2万)."""
    t = halfwidth(text)
    m = _ARABIC_MULTIPLIED.match(t)
    if m:
        return parse_arabic(m["num"]) * MULTIPLIERS[m["mult"]]
    if t and (t[0].isdigit() or t[0] == "."):
        return parse_arabic(t)
    return parse_chinese(t)


def parse_range(low: str, high: str) -> tuple[Decimal, Decimal]:
    """The two bounds of a range written ``low``到``high`` (or 至, —). Chinese writes 万/亿 once, after the upper
    bound: 一千到两千万 is 10000000 to 20000000, 120至150万 is 1200000 to 1500000. That multiplier scales a lower
    bound written without one unless the lower bound would then pass the upper (5000至1万 stays 5000 to 10000). So
    does a 千 or 百 after a one-digit upper bound, over a smaller one-digit lower bound (2至3千 is 2000 to 3000,
    二至三百 200 to 300); a decimal lower bound before such an upper one has no one reading (1.5至2千): ValueError.
    Other bounds are written whole (一到一百 is 1 to 100, 十一到十七万一千一百 11 to 171100). A lower bound above the
    upper is no range: ValueError."""
    lo, hi = parse_number(low), parse_number(high)
    shared = trailing_multiplier(high)
    if shared != 1 and not any(ch in BIG_UNITS for ch in low) and lo * shared <= hi:
        lo *= shared
    elif (short := _SHORT_HUNDREDS.fullmatch(halfwidth(high))) and not any(ch in SMALL_UNITS for ch in low):
        factor = Decimal(SMALL_UNITS[short["unit"]])
        if _ONE_DIGIT.fullmatch(halfwidth(low)) and lo < hi / factor:
            lo *= factor  # 2至3千, 二至三百
        elif lo != lo.to_integral_value():
            raise ValueError(f"not one reading: {low!r} to {high!r}")  # 1.5至2千: 1500, or 1.5?
    if lo > hi:
        raise ValueError(f"not a range: {low!r} to {high!r}")
    return lo, hi


# an upper bound of one digit and 千 or 百 (3千, 三百), and a lower bound of one digit, that share the unit
_SHORT_HUNDREDS = re.compile(rf"[1-9{_NONZERO_DIGITS}](?P<unit>[千百])")
_ONE_DIGIT = re.compile(rf"[1-9{_NONZERO_DIGITS}]")


def trailing_multiplier(text: str) -> Decimal:
    """The 万/亿/万亿 a number ends with (150万 → 10000, 一百五十万 → 10000, 一亿二千万 → 10000), else 1."""
    for word in ("万亿", *BIG_UNITS):
        if text.endswith(word):
            return MULTIPLIERS[word]
    return Decimal(1)


def format_decimal(value: Decimal) -> str:
    """The canonical xsd:decimal lexical form: no exponent, no trailing zeros after the point (2.50 → 2.5)."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
