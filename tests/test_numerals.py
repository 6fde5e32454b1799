import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.figures import extract_figures
from kg.lang.numerals import format_decimal, parse_number, parse_range
from kg.read import Document


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一百二十", "120"),
        ("两千", "2000"),
        ("十二", "12"),
        ("十", "10"),
        ("一千零五", "1005"),
        ("三点五", "3.5"),
        ("十二万", "120000"),
        ("1,234.5", "1234.5"),
        ("１２３", "123"),
        ("16.4亿", "1640000000"),
        ("4.97亿", "497000000"),
        ("三千五百万", "35000000"),
    ],
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


# --- exact, or refused: the forms other projects' number tests found read wrongly --------------------------------


@pytest.mark.parametrize(("text", "value"), [("一千零十", 1010), ("三百零十", 310), ("一万零十五", 10015)])
def test_zero_before_ten_or_hundred_keeps_the_tens(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("三万五", 35000), ("两千六", 2600), ("一百二", 120), ("一亿五", 150000000), ("一万二千五", 12500)],
)
def test_a_lone_last_digit_is_the_position_below_the_unit_before_it(text, value):
    assert parse_number(text) == value


def test_traditional_liang_is_two():
    assert parse_number("兩千六") == 2600


@pytest.mark.parametrize("text", ["一百二十万三", "十万五", "三千万五"])
def test_a_short_form_after_a_longer_coefficient_is_refused(text):
    # 一百二十万三: 三万 (1230000, the digit after the last one written) or 三千 (1203000, the position after 万)?
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("壹仟两百", 1200),
        ("壹仟贰佰", 1200),
        ("壹萬贰仟叁佰肆拾伍", 12345),
        ("贰拾", 20),
        ("拾伍", 15),
        ("壹佰零伍", 105),
        ("玖億", 900000000),
    ],
)
def test_upper_case_numerals_are_read_exactly(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "value"), [("零点四三二一", "0.4321"), (".3", "0.3"), ("．５", "0.5"), ("一点五", "1.5")]
)
def test_numbers_below_one_keep_their_point(text, value):
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize(
    "text", ["十一十二", "零点", "点五", "千", "百", "万", "亿", "一千零", "一千零零五", "三万五点二"]
)
def test_what_is_not_one_number_is_refused(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize("text", ["十两", "一百两", "两十"])
def test_liang_after_a_number_is_the_tael_not_two(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize("text", ["三四", "一两", "两三", "十七八", "二三十"])
def test_two_digits_in_a_row_are_three_or_four_not_thirty_four(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize("text", ["一千二十", "一万二百", "一亿五千", "一万十五"])
def test_a_skipped_position_needs_its_zero(text):
    # 一亿五千: 100005000 by the letter, but the writer of "一亿五" meant 150000000; 零 would have decided it.
    with pytest.raises(ValueError):
        parse_number(text)


def test_digit_strings_of_three_or_more_read_digit_by_digit():
    assert (parse_number("二〇二一"), parse_number("一〇八")) == (2021, 108)


@pytest.mark.parametrize(
    ("low", "high", "bounds"),
    [
        ("一百二十", "一百五十万", (1200000, 1500000)),
        ("一千", "两千万", (10000000, 20000000)),
        ("120", "150万", (1200000, 1500000)),
        ("1万", "5万", (10000, 50000)),
        ("一万五", "两万", (15000, 20000)),
    ],
)
def test_a_multiplier_after_the_upper_bound_also_scales_a_bare_lower_bound(low, high, bounds):
    assert parse_range(low, high) == bounds


def test_a_shared_multiplier_never_lifts_the_lower_bound_past_the_upper():
    assert parse_range("5000", "1万") == (5000, 10000)


def test_a_bound_before_a_hundred_or_a_thousand_is_shorthand_only_when_it_can_be():
    assert parse_range("一", "一百") == (1, 100)  # 一百到一百 is no range: both written whole
    assert parse_range("十一", "十七万一千一百") == (11, 171100)
    assert parse_range("10", "3千") == (10, 3000)
    with pytest.raises(ValueError):
        parse_range("1.5", "2千")  # 1500 to 2000, or 1.5 to 2000: refused, never a wrong value


def test_a_lower_bound_above_the_upper_is_no_range():
    with pytest.raises(ValueError):
        parse_range("5", "3")


# --- property: any supported way of writing a number parses back to its value ------------------------------------

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


def upper_case(text: str) -> str:
    """大写, as on cheques: 壹仟贰佰."""
    return text.translate(str.maketrans("一二三四五六七八九十百千万亿", "壹贰叁肆伍陆柒捌玖拾佰仟萬億"))


def with_liang(text: str, liang: str) -> str:
    """两 (or traditional 兩) for a 2 that stands before 百/千/万/亿 (两千, 两万), never in 十二, 零二 or 二十."""
    return re.sub(r"(?<![十零])二(?=[百千万亿])", liang, text)


def decimal_text(whole: int, fraction: str) -> str:
    """三点五, 零点四三二一: the whole part in Chinese, the fraction digit by digit."""
    return to_chinese(whole) + "点" + "".join(_CN_DIGITS[int(c)] for c in fraction)


@st.composite
def short_forms(draw) -> tuple[str, int]:
    """三万五 (35000), 两千六 (2600), 一百二 (120), 一亿五, 一亿零三万五: the last unit left out after a single
    digit."""
    d, e = draw(st.integers(1, 9)), draw(st.integers(1, 9))
    step, high = draw(st.sampled_from([(100, 10**6), (1000, 10**5), (10**4, 10**4), (10**8, 1)]))
    above = draw(st.integers(0, high - 1)) * step * 10 if step < 10**8 else 0
    if step == 10**4:  # the digit before 万 stands alone: what lies above is 亿
        above = draw(st.integers(0, 999)) * 10**8
    n = above + d * step + e * step // 10
    return to_chinese(above + d * step) + _CN_DIGITS[e], n


@st.composite
def decimals(draw) -> tuple[str, Decimal]:
    """三点五, 零点四三二一, 十六点四亿: a 点 decimal, optionally scaled by 万/亿/万亿."""
    fraction = draw(st.text("0123456789", min_size=1, max_size=6))
    word, factor = draw(st.sampled_from([("", 1), ("万", 10**4), ("亿", 10**8), ("万亿", 10**12)]))
    whole = draw(st.integers(0, 9999 if word else 10**9))
    return decimal_text(whole, fraction) + word, Decimal(f"{whole}.{fraction}") * factor


@st.composite
def chinese_forms(draw) -> tuple[str, Decimal]:
    """Every supported way of writing a number in Chinese, with its value."""
    form = draw(st.sampled_from(["plain", "liang", "upper", "short", "decimal"]))
    if form == "short":
        text, n = draw(short_forms())
        return text, Decimal(n)
    if form == "decimal":
        return draw(decimals())
    n = draw(st.integers(min_value=11, max_value=999_999_999_999))
    text = to_chinese(n)
    if form == "liang":
        text = with_liang(text, draw(st.sampled_from("两兩")))
    elif form == "upper":  # from 11: a lone 大写 digit before a measure word is a place name (陆家嘴)
        text = upper_case(text)
    return text, Decimal(n)


@settings(max_examples=500, deadline=None)
@given(chinese_forms())
def test_every_chinese_form_reads_back_exactly(form):
    text, value = form
    assert parse_number(text) == value


@settings(max_examples=200, deadline=None)
@given(chinese_forms())
def test_every_chinese_form_reads_back_exactly_through_the_extractor(form):
    text, value = form
    (fig,) = extract_figures(Document.from_text(f"办理行政复议案件{text}件。"))
    assert (fig.value, fig.unit, fig.span.text) == (value, "件", f"{text}件")


@settings(max_examples=200, deadline=None)
@given(chinese_forms())
def test_every_chinese_percentage_reads_back_exactly_through_the_extractor(form):
    text, value = form
    (fig,) = extract_figures(Document.from_text(f"行政机关负责人出庭应诉率百分之{text}。"))
    assert (fig.value, fig.unit) == (value, "%")


_RANGE_SEPARATORS = st.sampled_from(["到", "至", "—"])


@settings(max_examples=300, deadline=None)
@given(st.integers(11, 10**9), st.integers(1, 10**9), _RANGE_SEPARATORS, st.sampled_from(["plain", "upper"]))
def test_ranges_with_both_bounds_written_read_back_exactly(low, width, separator, form):
    high = low + width  # bounds from 11: a lone 大写 digit is a place name (陆家嘴)
    if high % 10**4 == 0:  # an upper bound ending in 万 would share it: the next test
        high += 1
    write = upper_case if form == "upper" else (lambda text: text)
    low_text, high_text = write(to_chinese(low)), write(to_chinese(high))
    assert parse_range(low_text, high_text) == (low, high)
    found = extract_figures(Document.from_text(f"办理行政复议案件{low_text}{separator}{high_text}件。"))
    assert [(f.value, f.range_part) for f in found] == [(low, "low"), (high, "high")]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 8), st.integers(1, 8), _RANGE_SEPARATORS, st.booleans(), st.sampled_from(["千", "百"]))
def test_ranges_of_thousands_or_hundreds_written_once_read_back_exactly(low, width, separator, arabic, unit):
    # 2至3千人 is 2000 to 3000 (never 2 to 3000); 百 scales a Chinese number only (3百 is no number)
    if unit == "百" and arabic:
        return
    factor, high = (1000 if unit == "千" else 100), min(low + width, 9)
    low_text, high_text = (str(low), str(high)) if arabic else (to_chinese(low), to_chinese(high))
    assert parse_range(low_text, high_text + unit) == (low * factor, high * factor)
    found = extract_figures(Document.from_text(f"培训{low_text}{separator}{high_text}{unit}人。"))
    assert [(f.value, f.unit) for f in found] == [(low * factor, "人"), (high * factor, "人")]


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 9998),
    st.integers(1, 9998),
    st.sampled_from([("万", 10**4), ("亿", 10**8)]),
    _RANGE_SEPARATORS,
    st.booleans(),
)
def test_ranges_that_write_the_multiplier_once_read_back_exactly(low, width, multiplier, separator, arabic):
    word, factor = multiplier
    high = min(low + width, 9999)
    low_text, high_text = (str(low), str(high)) if arabic else (to_chinese(low), to_chinese(high))
    assert parse_range(low_text, high_text + word) == (low * factor, high * factor)
    found = extract_figures(Document.from_text(f"罚没款{low_text}{separator}{high_text}{word}元。"))
    assert [(f.value, f.unit) for f in found] == [(low * factor, "元"), (high * factor, "元")]


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
@given(
    st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False, allow_infinity=False),
    st.sampled_from([("万", 10**4), ("亿", 10**8), ("", 1)]),
)
def test_multiplied_decimals_are_exact(value, multiplier):
    word, factor = multiplier
    text = format_decimal(value)
    assert parse_number(text + word) == value * factor


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=2, max_value=10**9), st.sampled_from(["plain", "separators", "fullwidth", "chinese"]))
def test_every_form_round_trips_through_the_extractor(n, form):
    number = {
        "plain": str(n),
        "separators": with_separators(n),
        "fullwidth": full_width(str(n)),
        "chinese": to_chinese(n),
    }[form]
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


def test_years_in_chinese_digits_become_arabic_with_every_offset_kept():
    from kg.lang.numerals import arabic_years

    text = "二〇二三年，二○二四年一月，一二三四五，三年"
    assert arabic_years(text) == "2023年，2024年一月，一二三四五，三年"
    assert len(arabic_years(text)) == len(text)
