from decimal import Decimal

import pytest

from kg.lang.numerals import format_decimal, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [("一百二十", "120"), ("两千", "2000"), ("十二", "12"), ("十", "10"), ("一千零五", "1005"), ("三点五", "3.5"),
     ("十二万", "120000"), ("1,234.5", "1234.5"), ("１２３", "123"), ("16.4亿", "1640000000"),
     ("4.97亿", "497000000"), ("三千五百万", "35000000")],
)
def test_numbers_parse_exactly(text, value):
    assert parse_number(text) == Decimal(value)


def test_no_float_rounding_in_large_multiplied_values():
    # cn2an's float arithmetic gives 1639999999 here; Decimal does not.
    assert format_decimal(parse_number("16.4亿")) == "1640000000"


def test_format_decimal_has_no_exponent_or_trailing_zeros():
    assert format_decimal(Decimal("497000000.00")) == "497000000"
    assert format_decimal(Decimal("85.20")) == "85.2"
    assert format_decimal(Decimal("1E+3")) == "1000"


def test_garbage_is_rejected():
    with pytest.raises(ValueError):
        parse_number("十二三四")


# --- property: any supported way of writing a number parses back to its value ------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kg.extract.figures import extract_figures  # noqa: E402
from kg.read import Document  # noqa: E402

_CN_DIGITS = "零一二三四五六七八九"


def _chinese_below_10000(n: int, leading: bool) -> str:
    out, zero = [], False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(("" if d == 1 and unit == "十" and not out and leading else _CN_DIGITS[d]) + unit)
    return "".join(out)


def to_chinese(n: int) -> str:
    """How reports write an integer in Chinese numerals (一百二十, 十二, 三千零五, 一亿二千万)."""
    if n == 0:
        return "零"
    parts, first = [], True
    for value, unit in ((10**8, "亿"), (10**4, "万"), (1, "")):
        section = n // value % 10**4 if value < 10**8 else n // value
        if section:
            if parts and section < 1000:
                parts.append("零")
            parts.append(_chinese_below_10000(section, first) + unit)
            first = False
        elif parts and n % value:
            parts.append("零")
    text = "".join(parts)
    while "零零" in text:
        text = text.replace("零零", "零")
    return text.rstrip("零")


def with_separators(n: int) -> str:
    return f"{n:,}"


def full_width(text: str) -> str:
    return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=2, max_value=999_999_999_999))
def test_chinese_numerals_round_trip(n):
    assert parse_number(to_chinese(n)) == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_arabic_forms_round_trip(n):
    for text in (str(n), with_separators(n), full_width(str(n))):
        assert parse_number(text) == n


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False, allow_infinity=False),
       st.sampled_from([("万", 10**4), ("亿", 10**8), ("", 1)]))
def test_multiplied_decimals_are_exact(value, multiplier):
    word, factor = multiplier
    text = format_decimal(value)
    assert parse_number(text + word) == value * factor


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=2, max_value=10**9),
       st.sampled_from(["plain", "separators", "fullwidth", "chinese"]))
def test_every_form_round_trips_through_the_extractor(n, form):
    number = {"plain": str(n), "separators": with_separators(n), "fullwidth": full_width(str(n)),
              "chinese": to_chinese(n)}[form]
    (fig,) = extract_figures(Document.from_text(f"全年办理案件{number}件。"))
    assert (fig.value, fig.unit) == (n, "件")


def test_cn2an_traps_are_pinned():
    """cn2an, the usual library for Chinese numerals, returns floats for decimal numerals — so 十六点四 × 亿 in its
    arithmetic is 1639999999 — and its sentence mode rewrites ordinary words. The project parses numerals itself,
    in Decimal; this pins the library's traps so that a reader sees why (and notices if they ever go away)."""
    cn2an = pytest.importorskip("cn2an")
    sixteen_point_four = cn2an.cn2an("十六点四", "smart")
    assert isinstance(sixteen_point_four, float)
    assert int(sixteen_point_four * 10**8) == 1639999999
    assert cn2an.transform("统一零售价", "cn2an") == "统10售价"
    assert parse_number("十六点四亿") == 1640000000
    assert extract_figures(Document.from_text("统一零售价16.4亿元"))[0].value == 1640000000
