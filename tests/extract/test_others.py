from kg.extract.issuer import extract_report_info
from kg.extract.measures import extract_measures
from kg.extract.organisations import extract_organisations
from kg.read import Document
from kg.segment import get_segmenter


def test_quoted_measures_are_found_and_canonical():
    doc = Document.from_text("深化“放管服”改革，推行“双随机一公开”监管，整治“的确如此的说法”。")
    assert [m.label for m in extract_measures(doc)] == ["放管服", "双随机、一公开"]


def test_organisations_by_suffix_with_their_name():
    doc = Document.from_text("县司法局联合县人民法院开展培训，各部门积极参与。")
    names = [m.name for m in extract_organisations(doc, get_segmenter())]
    assert names == ["县司法局", "县人民法院"]


def test_issuer_year_and_area_from_title_and_signature():
    text = ("某某网站\n2021年度法治政府建设情况报告\n2021年，我县坚持依法行政。\n"
            "一、主要工作\n全年办理案件10件。\n吴忠市盐池县人民政府\n2022年1月10日")
    info = extract_report_info(Document.from_text(text))
    assert info.year == 2021
    assert info.issuer == "吴忠市盐池县人民政府"
    assert info.area.code == "640323" and info.issuer_level == "county"


def test_year_from_signature_date_when_no_title_year():
    text = "正文第一段，推进依法行政。\n某某县人民政府\n2023年12月30日"
    assert extract_report_info(Document.from_text(text)).year == 2023
