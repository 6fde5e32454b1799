"""National laws named without 《》, and laws listed in one pair of brackets (kg.extract.laws). Every text here
is composed for the test."""

from tests.extract.documents import regs


def test_laws_listed_in_one_pair_of_brackets_are_each_a_document():
    found = regs("组织执法人员学习《行政许可法、行政强制法》。")
    assert [(m.title, m.surface) for m in found] == [("行政许可法", "行政许可法"), ("行政强制法", "行政强制法")]
    # a title that lists other things stays one document
    (m,) = regs("印发《关于推进简政放权、放管结合的意见》。")
    assert m.title == "关于推进简政放权、放管结合的意见"
    (m,) = regs("学习《行政处罚法、某县执法办法》。")
    assert m.title == "行政处罚法、某县执法办法"


def test_a_law_s_provisions_named_without_de_are_the_law():
    found = regs("依据行政诉讼法规定，依据宪法和地方组织法有关规定，学习法律法规。")
    assert [m.title for m in found] == [
        "中华人民共和国行政诉讼法",
        "中华人民共和国宪法",
        "中华人民共和国地方各级人民代表大会和地方各级人民政府组织法",
    ]
