"""Recognising quantities. Every text here is composed for the test."""

from decimal import Decimal

import pytest

from kg.extract.figures import extract_figures
from kg.read import Document
from kg.segment import get_segmenter


def figs(text):
    return [(f.value, f.unit, f.qualifier) for f in extract_figures(Document.from_text(text))]


def values(text):
    return [(f.value, f.unit) for f in extract_figures(Document.from_text(text))]


def test_count_with_unit():
    assert figs("全年办理行政复议案件35件。") == [(Decimal(35), "件", None)]


def test_thousands_separators_decimals_and_full_width_digits():
    assert values("受理1,256件，占比98.6%，新增１２件，合计2，300人次") == [
        (Decimal(1256), "件"), (Decimal("98.6"), "%"), (Decimal(12), "件"), (Decimal(2300), "人次")]


def test_chinese_numerals_with_units_and_approximation():
    assert figs("召开三次会议，走访十二个乡镇，培训一百二十余人，两千份") == [
        (Decimal(3), "次", None), (Decimal(12), "个", None), (Decimal(120), "人", "余"), (Decimal(2000), "份", None)]


def test_chinese_numerals_count_from_two():
    assert figs("召开三次会议，一次性告知，走访十二个乡镇") == [(Decimal(3), "次", None), (Decimal(12), "个", None)]


def test_money_is_expanded_to_yuan_exactly():
    assert figs("罚没款2.35亿元，挽回损失250余万元，16.4亿元") == [
        (Decimal("235000000"), "元", None), (Decimal(2500000), "元", "余"), (Decimal(1640000000), "元", None)]


def test_ten_thousand_person_times():
    assert values("受教育群众1.2万人次") == [(Decimal(12000), "人次")]


def test_percentages_and_percentage_points_differ():
    assert figs("出庭应诉率92.5%，提高3.1个百分点，覆盖率百分之九十") == [
        (Decimal("92.5"), "%", None), (Decimal("3.1"), "个百分点", None), (Decimal(90), "%", None)]


def test_approximation_words_are_kept():
    assert figs("培训执法人员800余人次，近50场，约120人，超过30家，不少于5日，60人左右，100万元以上") == [
        (Decimal(800), "人次", "余"), (Decimal(50), "场", "近"), (Decimal(120), "人", "约"),
        (Decimal(30), "家", "超过"), (Decimal(5), "天", "不少于"), (Decimal(60), "人", "左右"),
        (Decimal(1000000), "元", "以上")]


def test_range_gives_two_bounds():
    doc = Document.from_text("办理时限压缩至3至5个工作日，整改期10—15天")
    found = extract_figures(doc)
    assert [(f.value, f.unit, f.range_part) for f in found] == [
        (Decimal(3), "工作日", "low"), (Decimal(5), "工作日", "high"),
        (Decimal(10), "天", "low"), (Decimal(15), "天", "high")]


def test_bracketed_second_figure_is_separate():
    assert figs("组建队伍8支（156人）") == [(Decimal(8), "支", None), (Decimal(156), "人", None)]


def test_durations_in_months_and_years():
    assert values("历时五个月，连续4年获评优秀") == [(Decimal(5), "个月"), (Decimal(4), "年")]


def test_dates_years_ordinals_and_titles_are_not_figures():
    assert figs("2022年3月15日召开第六次常务会，学习《某某条例（2021年版）》第三十二条") == []


def test_session_numbers_are_ordinals():
    assert figs("省委十届六次全会精神，县委七届三次全体会议") == []


def test_hotlines_document_numbers_and_list_numbering_are_not_figures():
    assert figs("开通12345热线和12348法律服务热线，依据国发〔2021〕7号文件，一是加强领导，（三）完善制度") == []


def test_slogans_and_quoted_names_with_numerals_are_not_figures():
    assert figs("增强“四个意识”，推行三项制度，开展八五普法，“三类人员”考法，落实十四五规划") == []


def test_a_unit_starting_a_longer_word_is_not_a_unit():
    assert figs("国家发改委等六部委，三部门联合") == []


def test_figures_inside_titles_are_not_figures():
    assert figs("印发《某某县2021年至2025年三项行动方案（2021—2025年）》") == []


def test_offsets_index_the_original_text():
    doc = Document.from_text("全年办理  行政复议案件 35 件，培训800余人次。")
    for f in extract_figures(doc):
        assert doc.text[f.span.start:f.span.end] == f.span.text


def test_subject_is_the_noun_phrase_before_the_number():
    (f,) = extract_figures(Document.from_text("全年办理行政复议案件677件。"), get_segmenter())
    assert f.subject == "行政复议案件"


@pytest.mark.parametrize("text,label", [
    ("全年办理行政复议案件677件。", "行政复议案件数"),
    ("行政机关负责人出庭应诉率达到100%。", "行政机关负责人出庭应诉率"),
    ("全年罚没款共计4.97亿元。", "罚没款金额"),
])
def test_figures_are_linked_to_their_indicator(text, label):
    from kg.lang.schemes import indicator_scheme

    labels = {c.iri: c.pref_label for c in indicator_scheme()}
    (f,) = extract_figures(Document.from_text(text))
    assert labels[f.indicator] == label


def test_a_figure_whose_unit_does_not_fit_stays_unlinked():
    (f,) = extract_figures(Document.from_text("行政复议案件占比12%。"))
    assert f.indicator is None


def test_a_figure_of_an_unknown_subject_stays_unlinked():
    (f,) = extract_figures(Document.from_text("新建停车位300个。"))
    assert f.indicator is None
