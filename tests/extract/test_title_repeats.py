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
    assert regs("贯彻《隆德县守则》，落实《县守则》。")[-1][1] is None


@pytest.mark.parametrize("note", ["（试行）", "(暂行)", "（征求意见稿）", "（送审稿）", "（修订）", "（修订版）"])
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


@pytest.mark.parametrize(
    ("full", "again"),
    [
        ("武乡县人民政府重大行政决策程序规定", "县政府重大行政决策程序规定"),  # the government without 人民
        ("武乡县人民政府工作规则", "武乡县政府工作规则"),
        ("中共武乡县委全面依法治县委员会2023年工作要点", "县委依法治县委2023年工作要点"),  # the committee short
        ("中共武乡县委全面依法治县委员会办公室督察工作办法", "县委依法治县办督察工作办法"),
        ("阿拉善盟行政执法公示办法（试行）", "阿盟行政执法公示办法"),  # the place by its alias, no note
        ("海北藏族自治州行政规范性文件管理办法", "海北州行政规范性文件管理办法"),
    ],
)
def test_a_title_naming_its_issuer_shorter_is_the_document_written_first(full, again):
    found = regs(f"修订《{full}》，全年严格执行《{again}》。")
    assert found == [(full, None), (full, again)]


def test_a_title_without_its_years_nested_in_another_is_the_document_cited_before_in_full():
    found = regs(
        "认真贯彻《法治社会建设实施纲要（2020—2025年）》，县委印发《某县贯彻落实〈法治社会建设实施纲要〉的任务分工》。"
    )
    assert found[0] == ("法治社会建设实施纲要（2020—2025年）", None)
    assert found[-1] == ("法治社会建设实施纲要（2020—2025年）", "法治社会建设实施纲要")


def test_a_government_s_rule_and_a_committee_s_rule_of_the_same_words_stay_two():
    found = regs("修订《武乡县人民政府工作规则》，落实《县委依法治县委工作规则》。")
    assert [t for t, _ in found] == ["武乡县人民政府工作规则", "县委依法治县委工作规则"]


@pytest.mark.parametrize(
    ("text", "full"),
    [
        (
            "贯彻《山西省法治政府建设实施方案（2021—2025年）》，对照《省实施方案》逐项落实。",
            "山西省法治政府建设实施方案（2021—2025年）",
        ),
        (
            "落实《宁夏回族自治区法治政府建设实施方案》，按照《自治区实施方案》要求建立台账。",
            "宁夏回族自治区法治政府建设实施方案",
        ),
        # the province's, not the county's own plan named in between
        (
            "贯彻《山西省法治政府建设实施方案》，县委印发《武乡县法治政府建设实施方案》，结合《省实施方案》抓落实。",
            "山西省法治政府建设实施方案",
        ),
    ],
)
def test_a_tier_word_and_a_kind_name_the_last_document_of_that_kind_of_that_tier(text, full):
    found = regs(text, "武乡县")
    assert found[-1] == (full, found[-1][1]) and found[-1][1] in ("省实施方案", "自治区实施方案")


def test_a_tier_word_and_a_kind_with_no_such_document_before_are_no_document():
    assert regs("对照《省实施意见》逐项落实。") == []


@pytest.mark.parametrize(
    "text",
    [
        "严格执行《自治区行政执法监督条例》，逐条学习《宁夏回族自治区行政执法监督条例》。",
        "认真贯彻《自治区行政执法监督条例》，制定《同心县贯彻落实〈宁夏回族自治区行政执法监督条例〉实施方案》。",
    ],
)
def test_a_title_with_its_tier_word_first_is_the_document_named_in_full_later(text):
    found = regs(text, "同心县")
    assert found[0] == ("宁夏回族自治区行政执法监督条例", "自治区行政执法监督条例")


def test_a_title_without_its_place_first_is_not_taken_ahead():
    found = regs("执行《行政执法监督条例》，学习《宁夏回族自治区行政执法监督条例》。", "同心县")
    assert found[0] == ("行政执法监督条例", None)


def test_a_title_with_both_a_year_range_and_a_note_on_its_standing_is_named_again_without_them():
    found = regs(
        "起草《武乡县公共法律服务体系建设规划（2021—2025年）（征求意见稿）》，年底对《武乡县公共法律服务体系建设规划》落实情况进行总结。"
    )
    assert found[-1] == (found[0][0], "武乡县公共法律服务体系建设规划")


def test_a_joint_party_and_government_heading_named_shorter_is_the_same_document():
    full = "中共长治市委长治市人民政府关于全面推进法治政府建设的实施意见"
    found = regs(
        "印发《中共长治市委 长治市人民政府关于全面推进法治政府建设的实施意见》，"
        "落实《市委 市政府关于全面推进法治政府建设的实施意见》。"
    )
    assert found == [(full, None), (full, "市委市政府关于全面推进法治政府建设的实施意见")]


def test_a_title_with_its_place_and_issuer_written_shorter_before_the_full_one_is_that_document():
    found = regs(
        "修订《海西州政府重大行政决策程序规定》，严格执行《海西蒙古族藏族自治州人民政府重大行政决策程序规定》。"
    )
    assert found[0] == ("海西蒙古族藏族自治州人民政府重大行政决策程序规定", "海西州政府重大行政决策程序规定")


def test_a_national_rule_is_not_taken_for_a_city_s_rule_of_the_same_words_named_later():
    found = regs("学习《市场监督管理行政处罚程序规定》。县政府转发《长治市市场监督管理行政处罚程序规定》。", "沁源县")
    assert found == [("市场监督管理行政处罚程序规定", None), ("长治市市场监督管理行政处罚程序规定", None)]


def test_a_district_s_short_form_is_not_the_autonomous_region_s_document():
    found = regs("落实《宁夏回族自治区法治政府建设实施方案》，制定《区实施方案》。", "兴庆区")
    assert found == [("宁夏回族自治区法治政府建设实施方案", None)]  # (《区实施方案》 names no document before)


def test_a_short_form_with_a_note_on_its_standing_names_the_document_with_that_note():
    found = regs("县政府起草《沁源县物业管理条例（草案）》。《条例（草案）》经县政府常务会议审议通过。", "沁源县")
    assert found[-1] == ("沁源县物业管理条例（草案）", "条例（草案）")


def test_a_policy_document_s_short_name_after_a_local_plan_of_that_name_is_the_local_plan():
    # the law table knows 《八五普法规划》 as the national plan's short name; written after the county's own plan of
    # that name it is the county's, quotes or none
    text = (
        "县政府印发《泗水县“八五”普法规划（2021—2025年）》，年底对《“八五”普法规划》落实情况开展督查，"
        "对照《八五普法规划》开展中期自查。"
    )
    assert {title for title, _ in regs(text)} == {"泗水县“八五”普法规划（2021—2025年）"}
    assert regs("认真贯彻《八五普法规划》。") == [("八五普法规划", None)]  # (the table names it: kg.resolve)


def test_a_title_with_its_tier_word_before_the_bracket_is_that_tier_s_document_named_before():
    # the law table knows a national 行政执法监督条例; 省《…》 says the province's, named in full before
    text = "认真贯彻《吉林省行政执法监督条例》，严格落实省《行政执法监督条例》各项要求。"
    assert regs(text) == [("吉林省行政执法监督条例", None), ("吉林省行政执法监督条例", "行政执法监督条例")]


def test_a_title_written_again_without_its_issuing_government_before_guanyu_is_that_document():
    found = regs(
        "认真贯彻《吉林省人民政府关于深化“放管服”改革优化营商环境的实施意见》，"
        "制定《某县贯彻〈关于深化“放管服”改革优化营商环境的实施意见〉的工作方案》。"
    )
    assert [title for title, _ in found] == [
        "吉林省人民政府关于深化“放管服”改革优化营商环境的实施意见",
        "某县贯彻《关于深化“放管服”改革优化营商环境的实施意见》的工作方案",
        "吉林省人民政府关于深化“放管服”改革优化营商环境的实施意见",
    ]
    alone = regs("制定《某县贯彻〈关于深化某某改革的实施意见〉的工作方案》。")  # nothing named before: its own
    assert alone[1] == ("关于深化某某改革的实施意见", None)


@pytest.mark.parametrize(
    ("full", "again"),
    [
        ("某某省行政执法监督条例", "监督条例"),  # cut to the words before its kind
        ("某某县古城保护条例", "古城保护条例"),  # its place and more
        ("某县行政规范性文件合法性审核办法", "合法性审核办法"),
    ],
)
def test_a_title_cut_at_its_front_is_the_document_named_before(full, again):
    found = regs(f"县司法局对照《{full}》开展检查，通报《{again}》执行情况。")
    assert found == [(full, None), (full, again)]


@pytest.mark.parametrize(
    ("full", "other"),
    [
        ("某县2022年法治政府建设工作要点", "法治政府建设工作要点"),  # the year cut: it may be another year's
        ("某某省优化营商环境条例", "优化营商环境条例"),  # a law of the table is itself
        ("某县行政执法公示办法", "行政执法公示制度"),  # not an ending of the first
    ],
)
def test_a_title_cut_at_its_front_of_a_year_or_naming_a_law_of_its_own_stays_apart(full, other):
    found = regs(f"印发《{full}》，落实《{other}》。")
    assert [alias for _, alias in found] == [None, None]


def test_a_title_cut_at_its_front_after_another_issuer_named_outside_it_is_that_issuer_s():
    found = regs("印发《某某县行政执法人员考核管理办法》。对照省司法厅《考核管理办法》开展考核。")
    assert [alias for _, alias in found] == [None, None]


def test_a_bare_short_form_after_a_shorter_repeat_names_the_document_the_repeat_names():
    found = regs("贯彻《宁夏回族自治区行政执法监督条例》。落实《自治区行政执法监督条例》，执行《条例》规定。")
    assert {title for title, _ in found} == {"宁夏回族自治区行政执法监督条例"}
    assert [alias for _, alias in found] == [None, "自治区行政执法监督条例", "条例"]


def test_a_bare_short_form_after_a_draft_written_again_as_passed_names_the_law_as_passed():
    found = regs("起草《某市垃圾治理条例（草案）》。《某市垃圾治理条例》经市人大常委会通过，《条例》共6章38条。")
    assert found[-1] == ("某市垃圾治理条例", "条例")


def test_a_title_ending_as_a_list_a_baseline_or_a_system_does_is_named_again_cut_at_its_front():
    found = regs(
        "印发《盐池县涉企轻微违法行为免予处罚清单》《盐池县行政处罚裁量基准》，对照《某某市法治政府建设示范创建评估"
        "指标体系》自查。落实《免予处罚清单》，执行《处罚裁量基准》，对照《评估指标体系》整改，公布《权责清单》。",
        "盐池县",
    )
    assert found[3:] == [
        ("盐池县涉企轻微违法行为免予处罚清单", "免予处罚清单"),
        ("盐池县行政处罚裁量基准", "处罚裁量基准"),
        ("某某市法治政府建设示范创建评估指标体系", "评估指标体系"),
    ]  # (《权责清单》 is a bare short form, not a front cut of 《…免予处罚清单》: no regulation of its own)


def test_this_government_s_draft_named_in_full_is_the_document_it_issues_under_a_shorter_title():
    t = area_table()
    text = (
        "县司法局对《盐池县城镇燃气安全管理办法》开展合法性审查，《燃气安全管理办法》经县政府常务会议审议通过后印发施行。"
        "贯彻《某某省行政执法监督办法》，制定《行政执法监督办法》。"
    )
    found = extract_regulations(Document.from_text(text), t.ref(t.lookup("盐池县")[0]))
    assert [(m.title, m.role) for m in found] == [
        ("盐池县城镇燃气安全管理办法", "cited"),
        ("盐池县城镇燃气安全管理办法", "issued"),  # (the document is issued: one of its mentions says so)
        ("某某省行政执法监督办法", "cited"),
        ("行政执法监督办法", "issued"),  # another place's document cited, this government's own made after it
    ]
