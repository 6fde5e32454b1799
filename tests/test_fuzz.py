"""Fuzzing the reader and every extractor (hypothesis): arbitrary Unicode, report-like soups of the characters the
extractors look for, huge lines, unbalanced and deeply nested brackets, 100-digit numbers. Nothing may raise,
nothing may hang (a regex with catastrophic backtracking would: every call runs under an alarm far above any
normal time, which only a hang reaches), and every mention's offsets must index the text it claims to quote.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import extract
from kg.model import Extraction
from kg.read import Document, ReadError, decode, read_bytes
from kg.segment import get_segmenter

HANG_SECONDS = 60  # a hang guard, not a speed test: these calls take milliseconds

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# What the extractors key on: brackets, numerals, units, bodies, places, years, punctuation and line breaks.
FRAGMENTS = [
    "《",
    "》",
    "<<",
    ">>",
    "〈",
    "〉",
    "（",
    "）",
    "(",
    ")",
    "【",
    "】",
    "“",
    "”",
    "、",
    "，",
    "。",
    "；",
    "：",
    "\n",
    "\n\n",
    " ",
    "\u3000",
    "**",
    "0",
    "1",
    "2",
    "9",
    "10",
    "2021",
    "2022年",
    "年",
    "月",
    "日",
    ".",
    "．",
    "%",
    "％",
    "万",
    "亿",
    "余",
    "多",
    "近",
    "约",
    "以上",
    "件",
    "人次",
    "元",
    "亿元",
    "个百分点",
    "至",
    "—",
    "-",
    "一",
    "二",
    "十",
    "百",
    "千",
    "第",
    "条",
    "号",
    "〔2021〕",
    "国发",
    "人民政府",
    "司法局",
    "区",
    "县",
    "市",
    "省",
    "委",
    "办公室",
    "法院",
    "检察院",
    "银川市",
    "兴庆区",
    "大武口区",
    "关于印发",
    "的通知",
    "实施方案",
    "条例",
    "办法",
    "规定",
    "行政处罚法",
    "法治政府建设实施纲要",
    "放管服",
    "双随机、一公开",
    "以下简称",
    "行政复议案件",
    "出庭应诉率",
    "发布时间：2023-02-17",
    "您现在的位置：首页",
    "印发",
    "制定",
    "修订",
    "学习",
    "贯彻落实",
]

report_soup = st.lists(st.sampled_from(FRAGMENTS), max_size=120).map("".join)
any_text = st.text(max_size=400)
mixed_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=80).map("".join)


@contextmanager
def no_hang(seconds: int = HANG_SECONDS):
    def alarm(signum, frame):
        raise TimeoutError(f"no result after {seconds} s: a hang (catastrophic backtracking?)")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def spans(ex: Extraction):
    info = ex.info
    yield from (s for s in (info.title_span, info.year_span, info.issuer_span) if s is not None)
    for m in (*ex.regulations, *ex.figures, *ex.organisations, *ex.measures):
        yield m.span


def check(text: str) -> Extraction:
    """Extract everything from ``text``; every span must quote the text exactly."""
    doc = Document.from_text(text, "fuzz.txt")
    assert len(doc.clean) == len(doc.clean_to_text)
    with no_hang():
        ex = extract(doc, get_segmenter())
    for span in spans(ex):
        assert 0 <= span.start < span.end <= len(doc.text), span
        assert doc.text[span.start : span.end] == span.text, span
    return ex


@FUZZ
@given(any_text)
def test_arbitrary_unicode(text):
    check(text)


@FUZZ
@given(report_soup)
def test_report_like_soup(text):
    check(text)


@FUZZ
@given(mixed_text)
def test_report_fragments_mixed_with_arbitrary_unicode(text):
    check(text)


@FUZZ
@given(
    st.sampled_from(["《", "（", "(", "【", "“", "<<", "〈"]),
    st.sampled_from(["》", "）", ")", "】", "”", ">>", "〉"]),
    st.text(alphabet="法治政府建设条例办法规定实施方案关于印发的通知", min_size=1, max_size=6),
)
def test_brackets_nested_twenty_deep(opening, closing, word):
    check(f"2022年，认真贯彻{opening * 20}{word}{closing * 20}。")
    check(f"2022年，认真贯彻{(opening + word) * 20}{closing * 20}。")
    check(f"2022年，认真贯彻{(opening + word) * 20}。")  # never closed


@pytest.mark.parametrize(
    "text",
    [
        "《" * 5000,
        "》" * 5000,
        "《行政处罚法" * 2000 + "。",
        "2022年，落实《" + "法治" * 5000,
        "（" * 3000 + "2021年" + "）" * 10,
        "【【【【【【【【【【【【【【【【【【【【《关于印发》》》》》》》》》》》》》》》》》》》》】",
    ],
    ids=["open-5000", "close-5000", "unclosed-titles", "runaway-title", "parens", "mixed-20"],
)
def test_unbalanced_and_runaway_brackets(text):
    check(text)


@pytest.mark.parametrize(
    "number",
    [
        "9" * 100,
        "1" + "0" * 99,
        "3." + "1" * 99,
        "1," + ",".join(["000"] * 33),
        "一" * 100,
        "十" * 100,
        "9" * 50 + "." + "9" * 50,
    ],
    ids=["nines", "power", "decimals", "grouped", "yi", "shi", "both"],
)
@pytest.mark.parametrize("unit", ["件", "亿元", "万人次", "%", "个百分点", "年", ""])
def test_numbers_with_a_hundred_digits(number, unit):
    ex = check(f"全年办理行政复议案件{number}{unit}，同比增长{number}%。")
    for f in ex.figures:
        assert f.value.is_finite()


@pytest.mark.parametrize(
    "line",
    [
        "法治政府建设" * 20000,  # 120,000 characters, no break
        ("全年办理行政复议案件35件，" * 8000),
        "a" * 100000,
        "1" * 100000,
        " " * 50000 + "某县人民政府" + "\u3000" * 50000,
        "、" * 50000,
    ],
    ids=["words", "figures", "latin", "digits", "spaces", "commas"],
)
def test_huge_lines(line):
    check(line)


# --- the reader --------------------------------------------------------------------------------------------------


@FUZZ
@given(st.binary(max_size=2000))
def test_decode_returns_text_or_a_one_line_read_error(data):
    try:
        text, encoding = decode(data)
    except ReadError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(text, str) and encoding


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from(["txt", "html", "pdf", "docx"]))
def test_any_bytes_in_any_format_give_a_document_or_a_read_error(data, fmt):
    with no_hang():
        try:
            doc = read_bytes(data, f"fuzz.{fmt}", fmt)
        except ReadError as exc:
            assert "\n" not in str(exc)
            return
    assert doc.text.strip() and len(doc.clean) == len(doc.clean_to_text)


@FUZZ
@given(
    st.lists(
        st.tuples(st.sampled_from(["p", "div", "span", "td", "li", "script", "nav", "b", "br", "h1"]), mixed_text),
        max_size=30,
    )
)
def test_web_pages_of_arbitrary_structure(parts):
    page = (
        "<html><body>"
        + "".join(f"<{tag}>{text}" + (f"</{tag}>" if i % 2 else "") for i, (tag, text) in enumerate(parts))
        + "</body></html>"
    )
    with no_hang():
        try:
            doc = read_bytes(page.encode("utf-8", "surrogatepass"), "fuzz.html", "html")
        except (ReadError, UnicodeEncodeError):
            return
    for span in spans(check(doc.text)):
        assert doc.text[span.start : span.end] == span.text


@FUZZ
@given(any_text)
def test_clean_text_maps_every_character_back_into_the_text(text):
    doc = Document.from_text(text)
    previous = -1
    for i, pos in enumerate(doc.clean_to_text):
        assert 0 <= pos < len(doc.text)
        assert pos > previous or doc.clean[i] == "\n"  # forward, except a joining newline at a line's end
        previous = pos
