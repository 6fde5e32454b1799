"""Whether the report's government issued a document or cites it (kg.extract.roles): verbs, doers, lists. Every
text here is composed for the test."""

import pytest

from tests.extract.documents import regs, roles


@pytest.mark.parametrize(
    "verb",
    [
        *("常务会议讨论通过", "常务会议集体讨论通过", "作出", "签发", "签批"),
        *("与县人民检察院会签", "组织修编", "动态调整", "编发", "做出"),
    ],
)
def test_more_verbs_of_a_government_making_its_own_document(verb):
    assert roles(f"县政府{verb}《某县国有资产管理办法》。") == [("某县国有资产管理办法", "issued")]


def test_the_head_writing_in_the_first_person_makes_the_documents_he_signs_this_government_s():
    text = "本人签批的《某县行政执法公示办法》于6月施行，本人签批《某县审核办法》。本人学习了市政府印发的《某市办法》。"
    assert roles(text) == [("某县行政执法公示办法", "issued"), ("某县审核办法", "issued"), ("某市办法", "cited")]


def test_a_law_newly_in_force_is_cited_with_or_without_its_brackets():
    assert roles("深入贯彻新施行的行政处罚法，落实新实施的《某某省行政执法监督条例》。") == [
        ("中华人民共和国行政处罚法", "cited"),
        ("某某省行政执法监督条例", "cited"),
    ]


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
        # items bulleted one per line, as a web page's list is kept
        "全年县政府共制定出台规范性文件2件：\n·《莘县城区公厕管理办法》\n·《莘县农村饮水安全管理办法》",
        # columns laid out with spaces, as a PDF converted to text keeps them
        "全年县政府出台的规范性文件如下：\n    序号    文件名称                          文号\n"
        "    1       《莘县城区公厕管理办法》          莘政发〔2022〕1号\n"
        "    2       《莘县农村饮水安全管理办法》      莘政发〔2022〕2号",
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


@pytest.mark.parametrize(
    "text",
    [
        "对2022年县政府印发的《沁源县行政执法质量提升三年行动方案（2022—2024年）》进行了中期评估。",
        "县政府制定《沁源县行政执法监督办法》进一步规范执法监督工作。",
        "县委、县政府印发的《沁源县法治宣传教育第八个五年规划（2021—2025年）》进入实施的第三年。",
    ],
)
def test_a_verb_after_the_title_that_begins_like_a_topic_word_leaves_it_this_government_s(text):
    # 进 makes a title a topic in 《民法典》进社区; 进行, 进一步, 进入 are the sentence's own verbs
    assert [r for _, r in roles(text, "沁源县")] == ["issued"]


def test_a_title_taken_into_the_community_is_still_a_topic():
    assert [r for _, r in roles("县司法局组织开展《中华人民共和国民法典》进社区活动。", "沁源县")] == ["cited"]


@pytest.mark.parametrize(
    "text",
    [
        "县司法局参与起草《晋中市文明行为促进条例》，提出修改意见8条。",
        "县司法局参与修订《晋中市行政规范性文件管理办法》。",
    ],
)
def test_taking_part_in_another_body_s_drafting_cites_its_document(text):
    assert [r for _, r in roles(text, "祁县")] == ["cited"]


@pytest.mark.parametrize(
    "text",
    [
        "启动《沁源县国土空间总体规划（2021—2035年）》修改工作。",
        "完成《沁源县城区供水专项规划（2021—2035年）》报批工作。",
        "《沁源县城区停车管理办法》草案形成后，公开征求意见20天。",
    ],
)
def test_making_a_document_named_after_its_title_issues_it(text):
    assert [r for _, r in roles(text, "沁源县")] == ["issued"]


@pytest.mark.parametrize(
    "text",
    [
        "市市场监管局制定的《临汾市市场监管领域首违不罚事项清单》经市司法局审核后向社会公布。",  # 市 + 市场监管局
        "市城市管理局制定的《临汾市城市管理综合执法程序规定》于5月施行。",
        "各部门制定配套文件12件，其中市卫健局印发的《临汾市医疗机构依法执业指引》被省卫健委推广。",
    ],
)
def test_a_department_of_this_government_named_in_a_relative_clause_issues(text):
    assert [r for _, r in roles(text, "临汾市")] == ["issued"]


@pytest.mark.parametrize(
    "text",
    [
        "对《山西省行政执法条例（修订草案）》提出修改意见12条。",  # comments on another's draft
        "对《晋中市养犬管理条例（征求意见稿）》提出修改建议5条。",
    ],
)
def test_comments_on_another_body_s_draft_cite_it(text):
    assert [r for _, r in roles(text, "祁县")] == ["cited"]


def test_a_list_opened_by_a_sentence_that_does_nothing_takes_the_verb_of_the_sentence_before():
    text = (
        "全年县政府制定印发行政规范性文件2件，全部报市政府备案。文件目录如下（由县司法局从备案台账中导出）：\n"
        "序号\n文件名称\n文号\n印发日期\n1\n《沂水县城乡居民最低生活保障实施办法》\n沂政发〔2021〕2号\n2021.3.5\n"
        "2\n《沂水县城区户外广告设置管理规定》\n沂政发〔2021〕9号\n2021.7.2"
    )
    assert [r for _, r in roles(text, "沂水县")] == ["issued", "issued"]


def test_a_version_note_after_a_title_is_no_verb_for_the_titles_after_it():
    text = (
        "组织学习《中华人民共和国行政复议法》（2023年修订）、《中华人民共和国外国关系法》"
        "和《内蒙古自治区促进民族团结进步条例》。"
    )
    assert [r for _, r in roles(text, "准格尔旗")] == ["cited", "cited", "cited"]


def test_work_on_another_place_s_document_named_after_its_title_cites_it():
    assert roles("县司法局对《山西省物业管理条例（草案）》的修改工作提出意见8条。", "沁源县") == [
        ("山西省物业管理条例（草案）", "cited")
    ]
    assert [r for _, r in roles("县政府完成《沁源县城区供热管理办法》的修订工作。", "沁源县")] == ["issued"]


def test_a_list_header_repeated_on_every_page_costs_no_time_to_read():
    text = ("序号文件名称文件标题发文字号发文时间施行日期备注\n" * 8) + "县政府《沁源县行政执法公示办法》。"
    assert [r for _, r in roles(text, "沁源县")] == ["cited"]  # (a nested quantifier here once took minutes)


@pytest.mark.parametrize(
    "text",
    [
        "县发展改革局编制印发《某县“十四五”规划纲要》中期评估报告。",  # what is made about the document
        "县司法局发布《某县行政执法公示办法》政策解读。",
        "县政府对《某县物业管理办法》开展立法后评估。",  # evaluation after legislation is no legislation
        "委托第三方对《某县农村集体资产管理办法》开展制定后评估。",
        "组织对《某市城市绿化条例》进行制定后评估。",
        "县政府配合县人大常委会完成《某某自治县自治条例》修订调研。",  # the work of the body it assists
        "县政府协助县人大常委会完成《某某自治县草原管理条例》修订论证。",
    ],
)
def test_a_document_only_evaluated_explained_or_assisted_with_is_cited(text):
    assert [role for _, role in roles(text)] == ["cited"]


def test_amending_with_xiuzheng_is_making_and_the_newly_amended_law_is_cited():
    assert [role for _, role in roles("县政府修正《某县政府规章制定程序规定》。")] == ["issued"]
    assert [role for _, role in roles("认真执行新修正的《某县政府规章制定程序规定》。")] == ["cited"]
    assert [role for _, role in roles("县政府完成《某县行政规范性文件管理办法》修订工作。")] == ["issued"]


@pytest.mark.parametrize(
    "text",
    [
        "《某县提升行政执法质量三年行动实施方案》（简称“三年行动”）经县政府常务会议审议通过。",  # a note between
        "《某县行政规范性文件管理办法》由县司法局会同县发展和改革局起草，经县政府常务会议审议通过。",
        "《某县行政执法公示办法》由县市场监督管理局牵头起草。",  # drafted by its own department
    ],
)
def test_a_title_made_by_this_government_in_a_passive_clause_is_issued(text):
    assert [role for _, role in roles(text)] == ["issued"]


def test_a_title_drafted_by_a_higher_body_is_cited():
    assert [role for _, role in roles("《某省行政执法条例》由省司法厅组织起草。")] == ["cited"]


def test_a_government_making_a_document_together_with_a_department_makes_it():
    # 会同 (together with) after a body is a verb, not the county 会同县 doing the making
    text = "县政府会同县委编办制定《彰武县乡镇权责清单》。县司法局会同县财政局起草《彰武县政府投资项目评审管理办法》。"
    assert [role for _, role in roles(text, "彰武县")] == ["issued", "issued"]


def test_a_document_this_government_finishes_with_others_assisting_is_its_own():
    assert [role for _, role in roles("县司法局在各部门配合下完成《某县行政执法公示办法》修订。")] == ["issued"]


def test_a_prefecture_s_joint_heading_and_its_rule_of_law_committee_are_not_a_county_level_city_s_own():
    # in 辉县市's report: 新乡市委、市政府 is 新乡's government; 依法治市委员会 names 新乡's committee, not a 市委
    text = (
        "我市认真贯彻新乡市委、市政府印发的《新乡市法治政府建设实施方案》。新乡市委全面依法治市委员会制定的"
        "《新乡市法治督察工作办法》。市委、市政府印发《辉县市法治建设规划》。"
    )
    assert [role for _, role in roles(text, "辉县市")] == ["cited", "cited", "issued"]


def test_every_item_of_a_long_numbered_list_of_documents_takes_the_verb_of_its_head():
    items = "".join(f"{n}.《某县第{n}号管理办法》（某政发〔2022〕{n}号）；\n" for n in range(1, 13))
    found = roles(f"全年县政府制定出台规范性文件12件，具体如下：\n{items}")
    assert [role for _, role in found] == ["issued"] * 12
    cited = roles(f"县政府制定出台规范性文件2件。全年认真学习上级文件12件，具体如下：\n{items}")
    assert [role for _, role in cited] == ["cited"] * 12  # the head is the list's own sentence, not the one before
    rows = "".join(f"| {n} | 《某县第{n}号管理办法》 | 某政发〔2022〕{n}号 |\n" for n in range(1, 13))
    table = roles(f"全年县政府制定出台规范性文件12件，具体如下：\n| 序号 | 文件名称 | 文号 |\n{rows}")
    assert [role for _, role in table] == ["issued"] * 12


def test_drafting_for_a_superior_is_drafting():
    found = roles("县政府代拟了《某市某县街区保护规划》，报请市人民政府批准；县自然资源局代拟《某县矿产资源规划》。")
    assert [role for _, role in found] == ["issued", "issued"]


@pytest.mark.parametrize(
    ("head", "role"),
    [
        ("年内出台的主要规范性文件如下：", "issued"),  # what the report lists as made, no doer named
        ("本年度印发的行政规范性文件如下：", "issued"),
        ("新出台的法律法规如下：", "cited"),  # laws: a higher body's
        ("市政府出台的规范性文件如下：", "cited"),  # in a county's report, the city's
    ],
)
def test_a_table_of_documents_headed_by_an_attributive_verb_without_doer_lists_its_own(head, role):
    rows = "".join(f"| {n} | 《某县第{n}号管理办法》 | 某政发〔2023〕{n}号 |\n" for n in range(1, 4))
    assert [r for _, r in roles(f"{head}\n{rows}", "莒县")] == [role] * 3


def test_an_items_alias_does_not_end_the_list_its_head_opens():
    text = (
        "县政府制定印发以下规范性文件（共3件）：\n某政〔2023〕3号 《某县停车管理办法》\n"
        "某政〔2023〕7号 《某县物业服务管理办法》（以下简称《办法》）\n某政办〔2023〕12号 《某县殡葬管理办法》"
    )
    assert [role for _, role in roles(text)] == ["issued"] * 3


@pytest.mark.parametrize(
    "text",
    [
        "县政府印发了《某县甲办法》、《某县乙办法》；《某县丙办法》。",  # a list going on after a semicolon
        "区政府修订完善了《某区甲办法（修订）》、\n《某区乙办法》、\n《某区丙办法》，",  # and over line breaks after 、
    ],
)
def test_a_list_of_titles_going_on_after_a_semicolon_or_a_line_break_keeps_its_verb(text):
    assert [role for _, role in roles(text)] == ["issued"] * 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the title after the semicolon has a verb of its own after it
        ("县政府印发《某县甲办法》；《某省乙条例》经省人大常委会审议通过。", ["issued", "cited"]),
        # the list before the semicolon is cited: so is the item after it
        ("认真学习《某省甲条例》、《某省乙规定》；《某县丙办法》。", ["cited"] * 3),
        # a clause between: the title after the semicolon is in the list of the clause right before it
        ("学习《某省甲条例》；全年印发《某县乙办法》；《某县丙办法》。", ["cited", "issued", "issued"]),
        # a line break without 、 ends the list (a new line, a new item of something else)
        ("县政府印发《某县甲办法》\n《某县乙办法》全文见附件。", ["issued", "cited"]),
        # a title with its own verb after 等 is not an item of the list before the semicolon (REVIEW32)
        ("我县深入学习了《中华人民共和国行政处罚法》；《某县甲办法》等3项制度已印发实施。", ["cited", "issued"]),
        # items of a list a sentence opens, one per line after semicolons: the head's verb (REVIEW32)
        (
            "年内出台的主要规范性文件如下：\n《某县甲办法》；\n《某县乙规定》；\n《某县丙办法》。",
            ["issued", "issued", "issued"],
        ),
    ],
)
def test_a_title_after_a_semicolon_continues_only_a_list_it_is_an_item_of(text, expected):
    assert [role for _, role in roles(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("《某县行政复议工作规则》（某政办发〔2023〕20号）由县政府办公室印发实施。", ["issued"]),
        ("《某县行政复议工作规则》由市政府办公室印发实施。", ["cited"]),  # another tier's office
        ("《行政执法事项清单》由上级部门统一发布。", ["cited"]),  # published by a body not named as this one
        ("《某县行政执法公示办法》于6月由县司法局印发。", ["issued"]),  # when, then by whom
        ("《某县城市管理实施方案》经县政府常务会议审议后印发实施。", ["issued"]),  # 审议后, not 审议通过
        ("《某市物业管理条例》经市人大常委会审议后公布。", ["cited"]),
        ("《某县规范性文件管理办法》于今年5月印发实施。", ["issued"]),
        ("《某市物业管理条例》于2023年由市人大常委会审议通过。", ["cited"]),  # another tier's body
        ("《某县甲办法》等规范性文件均经县政府常务会议审议通过。", ["issued"]),  # 均 before 经
        (  # titles with their numbers, then the meeting that passed them
            "《某区老旧小区改造实施方案》（某政办发〔2023〕17号）、《某区五年行动方案（2021-2025年）》"
            "（某政发〔2023〕9号）等文件经区政府常务会议审议通过。",
            ["issued", "issued"],
        ),
        ("《某县甲办法》（某政发〔2023〕1号）、《某县乙办法》等3件经县政府常务会议审议通过。", ["issued", "issued"]),
        ("《某省甲条例》、《某省乙办法》等文件经省人大常委会审议通过。", ["cited", "cited"]),
        ("参与《某州自治条例》和《某州发展条例》等条例修订工作。", ["issued", "issued"]),  # 等条例 then the verb
    ],
)
def test_a_verb_after_a_list_of_titles_with_their_numbers_is_the_verb_of_each(text, expected):
    assert [role for _, role in roles(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the caption's verb is its rows'
            "附件\n某县2023年制发行政规范性文件目录\n序号\t文件名称\t文号\n"
            "1\t《某县户外广告管理办法》\t某政发〔2023〕18号\n2\t《某县住房租赁管理办法（试行）》\t某政发〔2023〕20号",
            ["issued", "issued"],
        ),
        (  # a caption with no verb: what is in force, not what was made
            "附件\n某县现行有效行政规范性文件目录\n序号\t文件名称\t文号\n1\t《某县户外广告管理办法》\t某政发〔2023〕18号",
            ["cited"],
        ),
        (  # text between the caption and a title with no verb before it: the caption opens no list of it (REVIEW32b)
            "附件\n某县2023年制发行政规范性文件目录\n全年审核文件5件。\n《某省行政执法条例》实施以来成效明显。",
            ["cited"],
        ),
        (  # a heading ending in 清单, then a sentence, then a title opening its clause: read, no failure
            "一、全面推行权责清单\n我县今年取得进展。《中华人民共和国行政处罚法》实施以来，执法更加规范。",
            ["cited"],
        ),
    ],
)
def test_a_tables_caption_naming_it_a_list_gives_its_rows_its_verb(text, expected):
    assert [role for _, role in roles(text)] == expected


@pytest.mark.parametrize("mark", ["①", "②", "▶", "★", "✅", "▶\ufe0f", "✔\ufe0f"])
def test_items_marked_with_circled_numbers_or_symbols_take_their_list_heads_verb(mark):
    text = f"县政府制定出台了以下文件：\n{mark}《某县行政执法公示办法》；\n{mark}《某县重大行政决策程序规定》。"
    assert [role for _, role in roles(text)] == ["issued", "issued"]
    assert [role for _, role in roles(text.replace("制定出台了", "认真学习"))] == ["cited", "cited"]


@pytest.mark.parametrize(
    ("where", "text", "role"),
    [
        # a county whose name begins with its city's is the county, in the city's report
        ("辽阳市", "辽阳县制定《辽阳县农村人居环境整治办法》。", "cited"),
        ("阿拉善盟", "阿拉善左旗印发《阿拉善左旗重大行政决策程序规定》。", "cited"),
        ("辽阳市", "辽阳市政府制定《辽阳市物业管理办法》。", "issued"),
        ("辽阳县", "辽阳县制定《辽阳县农村人居环境整治办法》。", "issued"),  # the county's own report
        # where a district went first is not who made it
        ("石嘴山市", "惠农区在全市率先出台《惠农区行政执法公示办法》。", "cited"),
        ("石嘴山市", "全市出台《石嘴山市行政执法公示办法》。", "issued"),
    ],
)
def test_a_place_inside_another_places_name_or_where_a_body_went_first_is_no_doer(where, text, role):
    assert roles(text, where) == [(text[text.index("《") + 1 : text.index("》")], role)]


@pytest.mark.parametrize(
    ("where", "role"),
    [("驻马店市", "cited"), ("泌阳县", "issued")],  # the county's act: in its city's report, in its own
)
def test_a_place_opening_the_sentence_is_the_doer_of_a_later_clause_that_names_nobody(where, role):
    text = "泌阳县依据《河南省行政执法条例》，出台《泌阳县行政执法公示办法》。"
    assert roles(text, where) == [("河南省行政执法条例", "cited"), ("泌阳县行政执法公示办法", role)]
    # no place opens the sentence: the report's own act, as before
    assert roles("依据《河南省行政执法条例》，出台《驻马店市行政执法公示办法》。", "驻马店市")[-1][1] == "issued"


def test_a_document_followed_to_make_something_else_is_cited():
    """按《…》制定培训计划: the plan is made, by the document; the same through an alias (以下简称《办法》)."""
    text = "认真贯彻《某某管理办法》（以下简称《办法》），按《办法》制定执法人员培训计划，据《某某规定》编制检查清单。"
    assert roles(text) == [("某某管理办法", "cited"), ("某某管理办法", "cited"), ("某某规定", "cited")]


def test_a_title_nested_in_a_title_with_the_same_brackets_does_not_end_a_list_of_titles_issued():
    text = "全年印发《某县贯彻落实《某市法治政府建设实施方案》的任务分工》《某县公示办法》《某县决策程序规定》等文件。"
    assert roles(text) == [
        ("某县贯彻落实《某市法治政府建设实施方案》的任务分工", "issued"),
        ("某市法治政府建设实施方案", "cited"),
        ("某县公示办法", "issued"),
        ("某县决策程序规定", "issued"),
    ]


def test_a_one_character_verb_counts_only_right_before_the_title():
    """按 and 据 begin other words (按时, 按要求, 按规定程序, 数据): only 按《…》 cites (REVIEW33 H1)."""
    text = (
        "县司法局按要求对《某县重大行政决策程序规定》进行修订完善。县政府按规定程序将《某县停车管理办法》提请常务会议"
        "审议通过。按《某县议事规则》制定年度计划。"
    )
    assert roles(text) == [
        ("某县重大行政决策程序规定", "issued"),
        ("某县停车管理办法", "issued"),
        ("某县议事规则", "cited"),
    ]


def test_the_governments_below_this_one_make_their_own_documents_and_its_departments_make_its_own():
    text = "县政府印发《某县执法公示办法》。县司法局指导各乡镇制定《乡镇执法公示办法》，各部门编制《部门权责清单》。"
    assert roles(text) == [
        ("某县执法公示办法", "issued"),
        ("乡镇执法公示办法", "cited"),
        ("部门权责清单", "issued"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("《盐池县城市道路挖掘管理规定（送审稿）》经县司法局合法性审查后，提交县政府常务会议审议。", "issued"),
        ("《盐池县物业管理办法（征求意见稿）》公开征求意见30天。", "issued"),  # its own draft, being made
        ("《宁夏回族自治区物业管理条例（草案）》征求意见，县司法局提出意见5条。", "cited"),  # another's draft
        ("《中华人民共和国行政复议法（修订草案）》公开征求意见。", "cited"),
        ("《盐池县物业管理办法》公开征求意见。", "cited"),  # no draft's label: the words alone do not say whose
    ],
)
def test_the_report_s_own_draft_going_through_its_steps_is_issued(text, expected):
    assert [role for _, role in roles(text, "盐池县")] == [expected]


def test_the_townships_a_document_is_sent_to_are_not_its_doers():
    # 向各乡镇下发: to whom; 指导各乡镇制定: each township's own (tests of kg.extract.doers)
    assert roles("县政府向各乡镇下发《关于做好法治政府建设工作的通知》。", "盐池县") == [
        ("关于做好法治政府建设工作的通知", "issued")
    ]
    assert roles("市政府向各县区下发《关于加强行政执法的通知》。", "盐池县") == [("关于加强行政执法的通知", "cited")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("盐池县司法局与定边县司法局联合制定《两县矛盾纠纷联合调处办法》。", "issued"),  # made together
        ("县政府与定边县政府共同制定《两县边界联防联控工作方案》。", "issued"),
        ("县司法局与市司法局联合印发《关于加强人民调解工作的意见》。", "issued"),
        ("定边县司法局与靖边县司法局联合制定《两县调处办法》。", "cited"),  # two other counties
        ("县司法局会同县民政局指导各村修订《村民自治章程》。", "cited"),  # each village's, guided jointly
    ],
)
def test_a_document_made_jointly_with_another_area_s_body_is_issued(text, expected):
    assert [role for _, role in roles(text, "盐池县")] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "《民法典》颁布实施以来，我县广泛开展宣传。",
        "随着《行政处罚法》修订，我县及时调整执法流程。",
        "《优化营商环境条例》公布施行后，我县对照清理文件。",
        "《信访工作条例》印发后，县委县政府高度重视。",
        "《国务院关于加强市县政府依法行政的决定》发布后，县政府组织学习。",
        "《中华人民共和国行政复议法》修订通过后，县政府调整复议机构。",
    ],
)
def test_a_verb_after_a_national_document_is_done_by_others_so_it_is_cited(text):
    # a county makes no national law: what happens to one (颁布, 修订, 印发后) is the state's act, not the county's
    assert [role for _, role in roles(text, "盐池县")] == ["cited"]


def test_a_verb_after_the_report_s_own_document_still_makes_it_issued():
    assert roles("《盐池县行政执法公示办法》已印发实施。", "盐池县") == [("盐池县行政执法公示办法", "issued")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("修订后的《盐池县行政执法公示办法》自6月1日起施行。", "issued"),
        ("新修订的《盐池县重大行政决策程序规定》已于3月施行。", "issued"),
        ("修订后的《吴忠市城市管理条例》自5月1日起施行。", "cited"),  # another place's
        ("认真贯彻新修订的《行政处罚法》。", "cited"),
        ("学习修订后的《盐池县行政执法公示办法》。", "cited"),  # studying it, whoever revised it
        ("对修订后的《盐池县行政执法公示办法》进行宣传解读。", "cited"),  # (explained, not brought into force)
        ("针对新修订的《盐池县重大行政决策程序规定》，县司法局开展专题培训。", "cited"),
        ("全面落实《某某省优化营商环境条例》和新修订的《盐池县优化营商环境若干规定》。", "cited"),  # the verb of both
    ],
)
def test_the_report_s_own_document_as_revised_with_no_other_verb_is_revised_by_it(text, expected):
    title = text[text.rindex("《") + 1 : text.rindex("》")]
    assert roles(text, "盐池县")[-1] == (title, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县司法局对《盐池县行政执法案卷评查办法》作出修改。", "issued"),
        ("县住建局对《盐池县城市供水管理办法》作出相应修改。", "issued"),
        ("县交通运输局对《盐池县农村公路养护管理办法》进行了修改。", "issued"),
        ("县司法局对《某某省行政复议条例（修订草案）》提出修改意见5条。", "cited"),
        ("《行政复议法》修改后，县政府及时调整。", "cited"),
        ("对《盐池县物业管理办法（征求意见稿）》提出修改完善的意见5条。", "cited"),  # comments on a draft
    ],
)
def test_a_revision_said_after_the_title_is_the_revisers_act(text, expected):
    assert [role for _, role in roles(text, "盐池县")] == [expected]


def test_printing_or_making_its_own_list_or_guide_is_issuing_it_but_printing_copies_of_a_rule_is_not():
    text = (
        "县司法局印制《盐池县行政执法公示事项清单》，制作《盐池县证明事项告知承诺制工作指引》，"
        "印制《民法典》单行本5000册，印制《盐池县城市绿化管理办法》口袋书1200册，印制《吴忠市文明行为促进条例》。"
    )
    assert roles(text, "盐池县") == [
        ("盐池县行政执法公示事项清单", "issued"),
        ("盐池县证明事项告知承诺制工作指引", "issued"),
        ("民法典", "cited"),
        ("盐池县城市绿化管理办法", "cited"),  # copies of its rule, printed for the public
        ("吴忠市文明行为促进条例", "cited"),  # another place's rule, printed
    ]


def test_a_national_documents_name_made_by_this_government_with_its_own_doer_is_its_own():
    # a county's own plan may bear the national plan's title; the verb before it, and its doer, say who made it
    text = "县司法局制定《提升行政执法质量三年行动计划（2023—2025年）》。县委、县政府印发《“八五”普法规划》。"
    assert [role for _, role in roles(text, "盐池县")] == ["issued", "issued"]


def test_signing_an_agreement_between_public_bodies_makes_it():
    text = (
        "县政府与县人民法院签署《府院联动工作备忘录》，县司法局与县人民检察院签订《行政执法与刑事司法衔接协作协议》。"
    )
    assert roles(text, "盐池县") == [("府院联动工作备忘录", "issued"), ("行政执法与刑事司法衔接协作协议", "issued")]


def test_a_joint_opinion_signed_by_two_bodies_of_the_county_is_issued():
    text = "县人民检察院与县司法局签订《关于建立行政执法与检察监督衔接机制的意见》。"
    assert roles(text, "盐池县") == [("关于建立行政执法与检察监督衔接机制的意见", "issued")]


def test_a_pledge_or_a_contract_signed_is_no_document_this_government_made():
    text = "督促全县120家企业签订《安全生产责任书》，县政府与某律师事务所签订《法律顾问服务合同》。"
    assert [m.role for m in regs(text, "盐池县")] == ["cited", "cited"]
