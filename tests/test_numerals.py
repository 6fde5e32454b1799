from decimal import Decimal

import pytest

from kg.numerals import format_decimal, parse_number


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
