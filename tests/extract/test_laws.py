"""National laws named without 《》, and laws listed in one pair of brackets (kg.extract.laws). Every text here
is composed for the test."""

import pytest

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


@pytest.mark.parametrize(
    "text",
    [
        "坚持以宪法为根本遵循，推进法治政府建设。",
        "把宪法作为根本活动准则。",
        "全面清理与民法典不一致的规范性文件。",
        "围绕民法典实施开展宣传。",
        "对照民法典清理文件。",
    ],
)
def test_a_single_law_framed_by_a_coverb_is_the_law(text):
    assert len(regs(text)) == 1


def test_a_law_s_name_read_into_a_word_after_it_is_no_law():
    assert regs("严格审查涉及行政处罚法定程序和行政许可法定条件的事项。") == []  # 法定: statutory (REVIEW32)


def test_a_policy_document_named_without_brackets_is_no_law():
    # 纲要 and 规划 of the Party's centre and the State Council are policy documents: listed only in 《》
    assert regs("深入贯彻法治政府建设实施纲要和法治中国建设规划，学习八五普法规划。") == []


def test_a_law_name_inside_an_event_s_name_after_a_coverb_is_no_law():
    assert regs("以宪法宣传周为契机开展活动，以民法典进社区为抓手，与宪法同行。") == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("县政府常务会议组织学习宪法和民法总则。", "中华人民共和国民法总则"),  # the codes before 民法典
        ("各单位对比学习民法通则的有关内容。", "中华人民共和国民法通则"),
        ("县政府常务会议学习了行政复议法，", "中华人民共和国行政复议法"),  # a verb with 了
        ("全面清理涉及民法典的规范性文件15件。", "中华人民共和国民法典"),  # the object of 涉及
        # a regulation the State Council issued with the Party's centre, then the State Council's own, in one list
        ("市政府常务会议专题学习信访工作条例和政府信息公开条例。", "中华人民共和国政府信息公开条例"),
        ("深入学习宣传信访工作条例。", "信访工作条例"),
        ("县政府常务会议学习新修改的立法法。", "中华人民共和国立法法"),
        ("认真贯彻土地管理法实施条例。", "中华人民共和国土地管理法实施条例"),  # the longer name, not the law in it
        ("认真学习贯彻党的十九大精神和宪法。", "中华人民共和国宪法"),  # after the spirit of a meeting
        (  # a law listed after a long title
            "认真贯彻落实《全国人民代表大会常务委员会关于全面禁止非法野生动物交易、革除滥食野生动物陋习、"
            "切实保障人民群众生命健康安全的决定》和野生动物保护法。",
            "中华人民共和国野生动物保护法",
        ),
    ],
)
def test_more_laws_named_without_brackets(text, title):
    assert title in [m.title for m in regs(text)]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("学习《外商投资法和优化营商环境条例》。", ["外商投资法", "优化营商环境条例"]),  # joined by 和
        ("学习《行政处罚法、行政许可法和行政强制法》。", ["行政处罚法", "行政许可法", "行政强制法"]),
        (
            "印发《武乡县公共资源交易管理办法、武乡县行政执法公示实施细则》。",
            ["武乡县公共资源交易管理办法", "武乡县行政执法公示实施细则"],
        ),  # a place's rules
        ("印发《行政复议和行政诉讼衔接工作办法》。", ["行政复议和行政诉讼衔接工作办法"]),  # one document
        (
            "贯彻《中华人民共和国行政许可法、中华人民共和国行政强制法》。",  # not split at the 和 of 共和国
            ["中华人民共和国行政许可法", "中华人民共和国行政强制法"],
        ),
    ],
)
def test_laws_and_rules_listed_in_one_pair_of_brackets_with_and_or_a_place(text, titles):
    assert [m.title for m in regs(text)] == titles


def test_a_regulation_named_after_its_law_is_the_regulation_not_the_law():
    assert [m.title for m in regs("严格执行行政复议法实施条例。")] == ["中华人民共和国行政复议法实施条例"]


def test_a_law_alone_in_a_tables_cell_is_a_law_and_an_event_in_one_is_not():
    found = regs(
        "全年学法情况如下：\n| 月份 | 学习内容 | 主讲单位 |\n| 3月 | 中华人民共和国行政处罚法 | 县司法局 |\n"
        "| 5月 | 宪法 | 县司法局 |\n| 12月 | 宪法宣传周 | 县司法局 |\n| 6月 | 民法典进社区 | 县法院 |"
    )
    assert [m.title for m in found] == ["中华人民共和国行政处罚法", "中华人民共和国宪法"]


def test_laws_listed_with_half_width_commas_are_each_a_law():
    found = regs("围绕宪法, 民法典, 行政处罚法开展宣传。")
    assert [m.title for m in found] == [
        "中华人民共和国宪法",
        "中华人民共和国民法典",
        "中华人民共和国行政处罚法",
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("对新修订的行政复议法学习不够。", ["中华人民共和国行政复议法"]),  # 法学习 is no 法学
        ("对民法典理解不深，对行政处罚法的学习还不够深入。", ["中华人民共和国民法典", "中华人民共和国行政处罚法"]),
        ("对宪法宣传周活动进行部署，组织民法学专家授课。", []),  # an event; a discipline
    ],
)
def test_a_law_framed_by_dui_and_a_verb_of_knowing_it_is_the_law(text, found):
    assert [m.title for m in regs(text)] == found


def test_laws_listed_with_semicolons_are_each_a_law_and_a_clause_after_one_is_not():
    found = regs("县司法局组织学习宣传行政处罚法; 行政许可法; 行政强制法, 发放宣传资料1.2万份。")
    assert [m.title for m in found] == [
        "中华人民共和国行政处罚法",
        "中华人民共和国行政许可法",
        "中华人民共和国行政强制法",
    ]
    assert [m.title for m in regs("依据行政处罚法；民法典宣传月期间开展活动。")] == ["中华人民共和国行政处罚法"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("依据安全生产法第六十二条、第六十五条和生产安全事故应急条例查处。", ["安全生产法", "生产安全事故应急条例"]),
        ("湿地保护法自2022年6月1日起施行。", ["湿地保护法"]),  # the subject of coming into force
        ("在法律援助法施行之际开展宣传，宪法颁布实施40周年之际举办活动。", ["法律援助法", "宪法"]),
        ("民法典实施以来，开展宣传。", ["民法典"]),
        (
            "某省信访条例施行以来，市优化营商环境条例自3月1日起施行。",
            [],
        ),  # a place's regulations, not the State Council's
        ("贯彻某省实施行政处罚法办法，落实行政处罚法实施细则。", []),  # a place's rules that implement the law
    ],
)
def test_a_law_after_its_articles_or_as_the_subject_of_coming_into_force_is_the_law(text, found):
    assert [m.surface for m in regs(text)] == found


def test_a_law_in_quotation_marks_of_its_own_is_the_law():
    found = regs("组织学习“民法典”，宣传贯彻“安全生产法”和“消防法”。")
    assert [m.title for m in found] == [
        "中华人民共和国民法典",
        "中华人民共和国安全生产法",
        "中华人民共和国消防法",
    ]
    assert regs("开展“民法典”进社区活动，举办“宪法”宣传周。") == []  # the name of an event, quoted or not
    # after a study topic or a place's rule in one list, and two quoted names side by side
    found = regs("学习党的二十大精神和“民法典”，执行山西省安全生产条例和“安全生产法”，宣传“宪法”“反电信网络诈骗法”。")
    assert [m.title.removeprefix("中华人民共和国") for m in found] == [
        "民法典",
        "安全生产法",
        "宪法",
        "反电信网络诈骗法",
    ]


@pytest.mark.parametrize("lead", ["聚焦", "紧扣", "紧盯"])
def test_a_law_after_a_word_of_focus_is_the_law(lead):
    assert [m.title for m in regs(f"{lead}行政处罚法实施，规范执法。")] == ["中华人民共和国行政处罚法"]


def test_a_law_listed_after_a_place_s_rule_named_without_brackets_is_cited_by_the_same_word():
    found = regs("严格执行山西省安全生产条例和安全生产法，贯彻落实市法律援助条例、法律援助法。")
    assert [m.title for m in found] == ["中华人民共和国安全生产法", "中华人民共和国法律援助法"]  # not the place's rules
    assert regs("起草某县物业管理办法和民法典宣传方案。") == []  # no citing word before the place's rule


def test_a_law_s_colloquial_abbreviation_is_the_law_in_brackets_or_not():
    found = regs("学习行诉法和民诉法，依据治安法处罚，宣讲《国安法》《野保法》。")
    assert [m.title for m in found] == [
        "中华人民共和国行政诉讼法",
        "中华人民共和国民事诉讼法",
        "中华人民共和国治安管理处罚法",
        "国安法",
        "野保法",
    ]
    assert [m.category for m in found][3:] == ["regulation", "regulation"]  # a law after 宣讲: not a lecture's title


def test_a_law_listed_after_a_bracketed_law_and_its_articles_is_the_law():
    found = regs("组织学习《个人信息保护法》第十三条、网络安全法第四十一条，讲解民法典合同编。")
    assert [m.title for m in found] == ["个人信息保护法", "中华人民共和国网络安全法", "中华人民共和国民法典"]


@pytest.mark.parametrize(
    "text", ["将宪法法律列入党委中心组学法计划。", "领导干部带头尊崇宪法法律。", "组织学习宪法法规。"]
)
def test_the_constitution_named_with_the_laws_in_general_is_the_constitution(text):
    # 宪法法律: "the constitution and the laws", a set phrase with no 、 between the two
    assert [m.title for m in regs(text)] == ["中华人民共和国宪法"]


@pytest.mark.parametrize("text", ["开展民法典法律咨询服务。", "举办宪法法律知识竞赛。", "开展宪法法律进机关活动。"])
def test_the_pair_inside_a_service_s_or_an_event_s_name_is_no_law(text):
    assert regs(text) == []


@pytest.mark.parametrize(
    ("text", "law"),
    [
        ("县政府领导班子带头熟悉行政许可法。", "中华人民共和国行政许可法"),
        ("执法人员熟练掌握行政强制法。", "中华人民共和国行政强制法"),
        ("组织干部精读民法典。", "中华人民共和国民法典"),
        ("将行政诉讼法列入领导干部年度学法清单。", "中华人民共和国行政诉讼法"),
        ("把退役军人保障法纳入必学内容。", "中华人民共和国退役军人保障法"),
        ("领导干部带头尊崇宪法。", "中华人民共和国宪法"),
        ("坚决维护宪法权威。", "中华人民共和国宪法"),
        ("机关干部诵读宪法原文。", "中华人民共和国宪法"),
    ],
)
def test_a_single_law_studied_or_put_on_a_study_list_is_the_law(text, law):
    assert [m.title for m in regs(text)] == [law]


@pytest.mark.parametrize(
    ("text", "law"),
    [
        ("依照行政处罚法进行处罚。", "中华人民共和国行政处罚法"),
        ("根据安全生产法规范执法检查。", "中华人民共和国安全生产法"),
        ("依据土地管理法治理违法占地。", "中华人民共和国土地管理法"),
        ("根据行政许可法精简审批事项。", "中华人民共和国行政许可法"),
    ],
)
def test_a_verb_right_after_a_law_cited_leaves_it_the_law(text, law):
    assert [m.title for m in regs(text)] == [law]


@pytest.mark.parametrize("text", ["开展民法典进社区活动。", "学习行政处罚法律知识。", "按照安全生产法规的要求。"])
def test_a_word_that_goes_on_from_the_name_is_still_no_law(text):
    assert regs(text) == []


def test_a_law_alone_in_a_tab_separated_cell_is_a_law_listed():
    text = (
        "学法安排如下：\n序号\t学习内容\t主讲单位\n1\t宪法\t县司法局\n2\t中华人民共和国行政处罚法\t县市场监督管理局\n"
    )
    assert [m.title for m in regs(text)] == ["中华人民共和国宪法", "中华人民共和国行政处罚法"]
