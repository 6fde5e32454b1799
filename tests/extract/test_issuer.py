"""Issuer, area and year of a report. Every text here is composed for the test."""

from kg.extract.issuer import extract_report_info
from kg.read import Document


def info(text):
    return extract_report_info(Document.from_text(text))


def test_issuer_year_and_area_from_title_and_signature():
    i = info("某某网站\n2021年度法治政府建设情况报告\n2021年，我县坚持依法行政。\n"
             "一、主要工作\n全年办理案件10件。\n吴忠市盐池县人民政府\n2022年1月10日")
    assert (i.year, i.issuer, i.area.code, i.issuer_level) == (2021, "吴忠市盐池县人民政府", "640323", "county")


def test_year_from_signature_date_when_no_title_year():
    assert info("正文第一段，推进依法行政。\n某某县人民政府\n2023年12月30日").year == 2023
    assert info("正文第一段，推进依法行政。\n某某县人民政府\n2024年1月5日").year == 2023


def test_the_publication_date_of_a_web_page_is_not_the_year():
    i = info("发布时间：2023-03-01\n兴庆区2022年法治政府建设情况报告\n2022年，兴庆区坚持依法行政。")
    assert i.year == 2022 and i.published == "2023-03-01"


def test_a_year_range_in_the_title_reports_its_last_year():
    assert info("某某旗人民政府关于2016-2020年度法治政府建设情况的报告\n正文。").year == 2020


def test_department_issuer_resolves_its_area_from_the_name():
    i = info("峨山县司法局2022年度法治政府建设情况的报告\n2022年，县司法局坚持依法行政。")
    assert i.issuer == "峨山县司法局" and i.issuer_level == "department" and i.area.name.startswith("峨山")


def test_the_subject_of_the_opening_sentence_not_its_superior():
    i = info("2021年，在吴忠市委、市政府的坚强领导下，盐池县坚持依法行政，全县法治政府建设取得成效。")
    assert i.area.name == "盐池县" and i.issuer == "吴忠市盐池县人民政府"


def test_autonomous_areas_by_their_short_names():
    assert info("2020年，海西州坚持依法行政。").area.name == "海西蒙古族藏族自治州"
    assert info("东乌旗人民政府关于2020年度法治政府建设情况的报告\n正文。").area.name == "东乌珠穆沁旗"


def test_ambiguous_area_names_resolve_by_context():
    assert info("兰州市城关区人民政府\n2021年，城关区坚持依法行政。").area.code == "620102"
    assert info("拉萨市城关区人民政府\n2021年，城关区坚持依法行政。").area.code == "540102"


def test_missing_issuer_and_year_are_reported_as_problems():
    i = info("推进依法行政，建设法治政府。")
    assert i.problems == ["year not found", "issuing area not found"]
