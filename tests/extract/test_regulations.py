from kg.extract.regulations import extract_regulations, find_titles
from kg.read import Document


def regs(text):
    return extract_regulations(Document.from_text(text))


def test_every_bracketed_title_is_found_with_exact_offsets():
    doc = Document.from_text("认真贯彻《甲条例》《乙办法》和《丙规定》。")
    found = extract_regulations(doc)
    assert [m.title for m in found] == ["甲条例", "乙办法", "丙规定"]
    for m in found:
        assert doc.text[m.span.start:m.span.end] == m.span.text


def test_issuing_verb_makes_the_document_issued():
    found = regs("今年我县印发《某县行政执法公示办法》，并认真贯彻落实《某省优化营商环境条例》。")
    assert [(m.title, m.role) for m in found] == [("某县行政执法公示办法", "issued"), ("某省优化营商环境条例", "cited")]


def test_nearest_verb_decides_the_role():
    found = regs("制定实施方案贯彻落实《某某纲要》。")
    assert found[0].role == "cited"


def test_nested_angle_title_gives_two_linked_documents():
    found = regs("印发《某省贯彻落实<某某纲要(2021-2025年)>的实施方案》。")
    assert [m.title for m in found] == ["某省贯彻落实《某某纲要（2021—2025年）》的实施方案", "某某纲要（2021—2025年）"]
    assert found[1].parent == 0 and found[1].role == "cited"


def test_nested_book_brackets_are_found_too():
    spans = find_titles("《关于贯彻《某法》的意见》")
    assert len(spans) == 2 and spans[1][2] == 0


def test_unbalanced_bracket_does_not_swallow_the_text():
    found = regs("《未闭合的标题，" + "正文" * 200 + "《某某办法》")
    assert [m.title for m in found] == ["某某办法"]


def test_annual_reports_and_projects_are_not_regulations():
    found = regs("审议了《某区2022年度法治政府建设情况报告》，推进《某某园区扩建项目（二期）》。")
    assert [m.category for m in found] == ["report", "project"]
