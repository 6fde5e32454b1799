"""Whether the report's government issued a document or cites it (kg.extract.roles): verbs, doers, lists. Every
text here is composed for the test."""

import pytest

from tests.extract.documents import roles


@pytest.mark.parametrize("verb", ["常务会议讨论通过", "常务会议集体讨论通过", "作出", "签发"])
def test_more_verbs_of_a_government_making_its_own_document(verb):
    assert roles(f"县政府{verb}《某县国有资产管理办法》。") == [("某县国有资产管理办法", "issued")]


def test_drafting_on_behalf_of_the_county_government_is_this_county_s_act():
    # 代县政府 is "for the county government" here, not the county 代县
    text = "县司法局代县政府起草《沂南县行政执法公示办法》，经县政府常务会议审议通过后印发实施。"
    assert roles(text, "沂南县") == [("沂南县行政执法公示办法", "issued")]


@pytest.mark.parametrize(
    "text",
    [
        "全年县政府共制定出台规范性文件2件，均已报备。分别是：《莘县城区公厕管理办法》《莘县农村饮水安全管理办法》。",
        "全年县政府共制定出台规范性文件2件：\n1.《莘县城区公厕管理办法》；\n2.《莘县农村饮水安全管理办法》。",
        "县政府出台的文件如下：\n| 1 | 《莘县城区公厕管理办法》 | 莘政发〔2022〕1号 |\n"
        "| 2 | 《莘县农村饮水安全管理办法》 | 莘政发〔2022〕2号 |",
        "全年共制定规范性文件2件，分别为：《莘县城区公厕管理办法》（莘政发〔2022〕1号）、《莘县农村饮水安全管理办法》。",
        # a table with its header row and rule line, as a page converted to text prints it
        "县政府制定出台规范性文件2件，具体如下：\n| 序号 | 文件名称 | 文号 |\n|---|---|---|\n"
        "| 1 | 《莘县城区公厕管理办法》 | 莘政发〔2022〕1号 |\n"
        "| 2 | 《莘县农村饮水安全管理办法》 | 莘政发〔2022〕2号 |",
        # one cell per line
        "经审核由县政府印发实施，具体如下：\n序号\n文件名称\n1\n《莘县城区公厕管理办法》\n2\n《莘县农村饮水安全管理办法》",
    ],
)
def test_a_list_of_this_government_s_documents_shares_the_verb_of_the_sentence_that_opens_it(text):
    assert [r for _, r in roles(text, "莘县")] == ["issued", "issued"]


def test_a_list_opened_by_studying_or_by_another_government_is_cited():
    studied = roles("认真学习以下法规：《中华人民共和国宪法》《某省行政程序规定》。", "莘县")
    assert [r for _, r in studied] == ["cited", "cited"]
    theirs = roles("市政府印发了以下文件：《某市行政执法办法》《某市行政程序规定》。", "莘县")
    assert [r for _, r in theirs] == ["cited", "cited"]
    # a list item that says what is done to it decides for itself
    item = roles("主要做法如下：\n1.《莘县城区公厕管理办法》贯彻落实到位。", "莘县")
    assert item == [("莘县城区公厕管理办法", "cited")]


def test_a_plan_made_for_a_title_s_document_leaves_that_document_cited():
    # 制定《…》任务分工方案: what was made is the 分工方案, not the document in the brackets
    assert roles("县委依法治县办制定《山东省法治政府建设实施方案（2021—2025年）》任务分工方案。", "莘县") == [
        ("山东省法治政府建设实施方案（2021—2025年）", "cited")
    ]
    assert roles("县政府办公室印发《潍坊市优化营商环境条例》贯彻落实方案。", "莘县")[0][1] == "cited"
    assert roles("县政府印发《莘县行政执法公示办法》并组织实施。", "莘县")[0][1] == "issued"
