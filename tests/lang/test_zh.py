"""The character classes and small text helpers of kg.lang.zh, defined once for every stage."""

from kg.lang.zh import FUNCTION_CHARS, quoted, without_quotes


def test_a_quoted_name_compares_without_its_quotes_and_blanks():
    assert without_quotes("“放管服” 改革") == without_quotes("放管服改革") == "放管服改革"
    assert without_quotes("「一网通办」『最多跑一次』") == "一网通办最多跑一次"


def test_a_quoted_phrase_never_crosses_a_line_or_another_quote():
    assert [m.group(1) for m in quoted(2, 10).finditer("推行“一网通办”“最多\n跑一次”")] == ["一网通办"]


def test_function_characters_are_single_characters_that_split_names():
    assert "和" in FUNCTION_CHARS and all(len(c) == 1 for c in FUNCTION_CHARS) and "局" not in FUNCTION_CHARS
