from decimal import Decimal

from kg.extract.figures import extract_figures
from kg.read import Document


def figs(text):
    return [(f.value, f.unit, f.qualifier) for f in extract_figures(Document.from_text(text))]


def test_count_with_unit():
    assert figs("全年办理行政复议案件35件。") == [(Decimal(35), "件", None)]


def test_money_is_expanded_to_yuan():
    assert figs("罚没款2.35亿元") == [(Decimal("235000000"), "元", None)]


def test_percentages_and_percentage_points_differ():
    assert figs("出庭应诉率92.5%，提高3.1个百分点") == [(Decimal("92.5"), "%", None), (Decimal("3.1"), "个百分点", None)]


def test_approximation_words_are_kept():
    assert figs("培训执法人员800余人次，近50场，约120人") == [
        (Decimal(800), "人次", "余"), (Decimal(50), "场", "近"), (Decimal(120), "人", "约")]


def test_chinese_numerals_count_from_two():
    assert figs("召开三次会议，一次性告知，走访十二个乡镇") == [(Decimal(3), "次", None), (Decimal(12), "个", None)]


def test_dates_years_ordinals_and_titles_are_not_figures():
    assert figs("2022年3月15日召开第六次常务会，学习《某某条例（2021年版）》第三十二条") == []


def test_slogans_with_numerals_are_not_figures():
    assert figs("增强“四个意识”，推行三项制度") == []


def test_bracketed_second_figure_is_separate():
    assert figs("组建队伍8支（156人）") == [(Decimal(8), "支", None), (Decimal(156), "人", None)]


def test_range_gives_two_bounds():
    doc = Document.from_text("办理时限压缩至3至5个工作日")
    found = extract_figures(doc)
    assert [(f.value, f.unit, f.range_part) for f in found] == [(Decimal(3), "工作日", "low"), (Decimal(5), "工作日", "high")]
