"""A document named again shorter — its place or its year range left out — is the document named first
(kg.extract.title_repeats). Every text here is composed for the test."""

import pytest

from kg.extract.regulations import extract_regulations
from kg.lang.areas import area_table
from kg.read import Document


def regs(text, where=None):
    t = area_table()
    area = t.ref(t.lookup(where)[0]) if where else None
    found = extract_regulations(Document.from_text(text), area)
    return [(m.title, m.alias) for m in found if m.category == "regulation"]


@pytest.mark.parametrize(
    ("full", "again"),
    [
        ("宁夏回族自治区行政执法监督条例", "自治区行政执法监督条例"),  # the region as its tier word alone
        ("中共隆德县委全面依法治县委员会工作规则", "县委全面依法治县委员会工作规则"),  # the Party body, short
        ("隆德县行政执法公示办法", "行政执法公示办法"),  # no place at all
        ("辽宁省法治政府建设实施方案（2021—2025年）", "辽宁省法治政府建设实施方案"),  # no year range
        ("辽宁省法治政府建设实施方案（2021—2025年）", "法治政府建设实施方案"),  # neither
    ],
)
def test_a_title_written_again_shorter_is_the_document_written_first(full, again):
    found = regs(f"严格执行《{full}》，各部门按照《{again}》抓好落实。")
    assert found == [(full, None), (full, again)]


def test_a_title_with_a_place_of_its_own_is_another_document():
    found = regs("贯彻《河南省行政执法公示办法》，县政府依照《鄢陵县行政执法公示办法》公示执法信息。")
    assert [t for t, _ in found] == ["河南省行政执法公示办法", "鄢陵县行政执法公示办法"]


def test_a_law_of_the_table_is_itself_not_a_province_s_rule_of_that_name():
    found = regs("贯彻《河南省优化营商环境条例》，落实《优化营商环境条例》。")
    assert found == [("河南省优化营商环境条例", None), ("优化营商环境条例", None)]


def test_a_document_this_government_makes_after_citing_another_s_is_its_own():
    found = regs("贯彻《河南省法治政府建设实施方案》，县政府制定《法治政府建设实施方案》。", "鄢陵县")
    assert [t for t, _ in found] == ["河南省法治政府建设实施方案", "法治政府建设实施方案"]


def test_only_an_earlier_title_is_taken_and_the_nearest_first():
    # the shorter form first: left as written (read against unseen reports, taking a later title lost more than
    # it found)
    assert regs("按照《行政执法公示办法》公示。县政府出台《隆德县行政执法公示办法》。") == [
        ("行政执法公示办法", None),
        ("隆德县行政执法公示办法", None),
    ]
    found = regs(
        "贯彻《宁夏回族自治区行政执法公示办法》，出台《隆德县行政执法公示办法》，依照《行政执法公示办法》公示。"
    )
    assert found[-1] == ("隆德县行政执法公示办法", "行政执法公示办法")


def test_a_remainder_too_short_to_name_a_document_is_not_merged():
    assert regs("贯彻《隆德县办法》，落实《县办法》。")[-1][1] is None


@pytest.mark.parametrize("note", ["（试行）", "(暂行)", "（征求意见稿）", "（送审稿）"])
def test_a_title_written_again_without_its_standing_note_is_the_same_document(note):
    found = regs(f"县政府印发《隆德县行政执法公示办法{note}》，各部门严格执行《隆德县行政执法公示办法》。")
    full = found[0][0]
    assert found == [(full, None), (full, "隆德县行政执法公示办法")]


def test_a_party_rule_written_again_without_the_party_s_name_is_the_same_document():
    found = regs("严格执行《中国共产党党内法规执行责任制规定（试行）》，落实《党内法规执行责任制规定》。")
    assert found[-1] == ("中国共产党党内法规执行责任制规定（试行）", "党内法规执行责任制规定")


def test_what_is_kept_of_earlier_titles_grows_with_distinct_titles_not_with_mentions():
    # a report that names the same documents thousands of times (a compilation) looks each mention up in the few
    # titles of its form (issue 19: linear in report size)
    from kg.extract.title_repeats import _Earlier
    from kg.model import RegulationMention, Span

    titles = ["隆德县行政执法公示办法（试行）", "宁夏回族自治区行政执法监督条例", "隆德县行政执法公示办法"]
    earlier = _Earlier()
    for i in range(3000):
        m = RegulationMention(Span(i, i + 1, "x"), titles[i % 3])
        full = earlier.shortened_from(m)
        if full is None:
            earlier.add(i, m)
    assert len(earlier.last) == 2  # the third title is the first written again
    assert sum(len(v) for v in earlier.by_stem.values()) <= 4
