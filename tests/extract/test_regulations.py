"""Recognising the documents a report names, and their role. Every text here is composed for the test."""

import pytest

from kg.extract.regulations import extract_regulations, find_titles
from kg.read import Document
from tests.extract.documents import regs, roles

# --- recognition ------------------------------------------------------------------------------------------------


def test_every_bracketed_title_is_found_with_exact_offsets():
    doc = Document.from_text("认真贯彻《甲条例》《乙办法》和《丙规定》。")
    found = extract_regulations(doc)
    assert [m.title for m in found] == ["甲条例", "乙办法", "丙规定"]
    for m in found:
        assert doc.text[m.span.start : m.span.end] == m.span.text


def test_nested_angle_title_gives_two_linked_documents():
    found = regs("印发《某省贯彻落实<某某纲要(2021-2025年)>的实施方案》。")
    assert [m.title for m in found] == ["某省贯彻落实《某某纲要（2021—2025年）》的实施方案", "某某纲要（2021—2025年）"]
    assert found[1].parent == 0 and found[1].role == "cited"
    assert found[1].surface == "某某纲要(2021-2025年)"


def test_nested_titles_in_any_inner_bracket():
    for inner in ("〈某某条例〉", "＜某某条例＞", "《某某条例》"):
        found = regs(f"学习《关于贯彻{inner}的实施意见》。")
        assert [m.title for m in found] == ["关于贯彻《某某条例》的实施意见", "某某条例"], inner
        assert found[1].parent == 0


@pytest.mark.parametrize("inner", ["〈某县行政执法公示办法〉", "<某县行政执法公示办法>", "《某县行政执法公示办法》"])
def test_a_document_issued_by_a_notice_the_government_issues_is_issued_too(inner):
    found = roles(f"2023年，县政府印发《关于印发{inner}的通知》。")
    assert found == [("关于印发《某县行政执法公示办法》的通知", "issued"), ("某县行政执法公示办法", "issued")]


def test_a_document_a_notice_forwards_or_implements_or_a_cited_notice_issues_is_cited():
    forwarded = roles("2023年，县政府印发《关于转发〈某市规范性文件管理办法〉的通知》。")
    assert forwarded[1] == ("某市规范性文件管理办法", "cited")
    implemented = roles("2023年，县政府制定《某县贯彻落实〈某某纲要〉的实施方案》。")
    assert implemented == [("某县贯彻落实《某某纲要》的实施方案", "issued"), ("某某纲要", "cited")]
    superior = roles("认真学习《国务院关于印发〈全面推进依法行政实施纲要〉的通知》。")
    assert [role for _, role in superior] == ["cited", "cited"]


def test_nested_book_brackets_are_found_too():
    spans = find_titles("《关于贯彻《某法》的意见》")
    assert len(spans) == 2 and spans[1][2] == 0


def test_doubled_half_and_full_width_angle_brackets_are_titles():
    doc = Document.from_text("认真贯彻<<某某管理办法>>和＜＜某某实施细则＞＞。")
    found = extract_regulations(doc)
    assert [m.title for m in found] == ["某某管理办法", "某某实施细则"]
    assert [m.span.text for m in found] == ["<<某某管理办法>>", "＜＜某某实施细则＞＞"]


def test_title_broken_by_spaces_and_a_page_break_is_one_title():
    text = "一是印发《某某区 2023 年度法治政府建设工作\n\n安排》，确定全年工作目标。"
    doc = Document.from_text(text)
    (m,) = extract_regulations(doc)
    assert m.title == "某某区2023年度法治政府建设工作安排"
    assert doc.text[m.span.start : m.span.end] == m.span.text
    assert m.surface == "某某区 2023 年度法治政府建设工作安排"


def test_unbalanced_bracket_does_not_swallow_the_text():
    found = regs("《未闭合的标题，" + "正文" * 200 + "《某某办法》")
    assert [m.title for m in found] == ["某某办法"]


def test_a_sentence_is_not_a_title():
    assert regs("他说《这不是标题。而是两句话》。") == []


def test_well_known_law_without_brackets_is_recognised():
    found = regs("深入学习宣传宪法、民法典和行政处罚法，贯彻实施新修订的安全生产法。")
    titles = [m.title for m in found]
    assert "中华人民共和国宪法" in titles and "中华人民共和国民法典" in titles
    assert "中华人民共和国行政处罚法" in titles
    assert all(not m.bracketed for m in found)
    assert {m.surface for m in found} >= {"宪法", "民法典", "行政处罚法"}


def test_law_names_inside_other_names_are_not_laws():
    assert regs("开展宪法宣传周活动，组织宪法宣誓，举办民法典宣传月。") == []


def test_law_inside_a_title_is_not_counted_twice():
    found = regs("学习《中华人民共和国行政处罚法》。")
    assert len(found) == 1 and found[0].bracketed


def test_alias_defined_by_the_report_resolves_to_the_full_title():
    text = "贯彻《某某省行政执法监督条例》（以下简称《条例》），对照《条例》要求开展自查。"
    found = regs(text)
    assert [m.title for m in found] == ["某某省行政执法监督条例", "某某省行政执法监督条例"]
    assert found[1].alias == "条例"


def test_a_quoted_alias_resolves_to_the_full_title_too():
    text = "贯彻《某某市法治政府建设实施方案（2021—2025年）》（简称“方案”），按照“方案”分解任务。"
    found = regs(text)
    assert [m.title for m in found] == ["某某市法治政府建设实施方案（2021—2025年）"] * 2
    assert found[1].alias == "方案" and found[1].span.text == "“方案”"


def test_an_alias_in_both_quotes_and_brackets_is_declared_and_no_document_of_its_own():
    text = "出台《某某县法治政府建设示范创建实施办法》（以下简称“《创建办法》”），对照《创建办法》逐项落实。"
    found = regs(text)
    assert [m.title for m in found] == ["某某县法治政府建设示范创建实施办法"] * 2
    assert found[1].alias == "创建办法"


def test_a_genre_word_after_a_list_of_titles_names_each_of_them():
    assert [m.category for m in regs("开设《法治在线》《百姓说法》等栏目。")] == ["media", "media"]
    assert [m.category for m in regs("在《某县法治在线》《某州普法》等平台发布信息。")] == ["media", "media"]


def test_an_alias_declared_after_the_document_s_number_is_the_document():
    text = "出台《某市重大行政决策程序规定》（某政〔2021〕3号，以下简称《决策规定》），严格执行《决策规定》。"
    assert [m.title for m in regs(text)] == ["某市重大行政决策程序规定"] * 2


def test_document_number_next_to_a_title_is_attached():
    found = regs(
        "贯彻《国务院关于某某工作的通知》（国发〔2021〕7号），落实某省政府办公厅宁政办发〔2020〕15号《关于某某的意见》。"
    )
    assert [m.document_number for m in found] == ["国发〔2021〕7号", "宁政办发〔2020〕15号"]


def test_annual_reports_projects_books_and_media_are_not_regulations():
    found = regs(
        "审议了《某区2022年度法治政府建设情况报告》，推进《某某园区扩建项目（二期）》，"
        "发放《习近平法治思想学习纲要》《民法典学习读本》，在《法治日报》刊发文章，制作《行政执法流程图》。"
    )
    assert [m.category for m in found] == ["report", "project", "book", "book", "media", "other"]


# --- role -------------------------------------------------------------------------------------------------------


def test_issuing_verb_makes_the_document_issued():
    assert roles("今年我县印发《某县行政执法公示办法》，并认真贯彻落实《某省优化营商环境条例》。") == [
        ("某县行政执法公示办法", "issued"),
        ("某省优化营商环境条例", "cited"),
    ]


def test_nearest_verb_decides_the_role():
    assert roles("制定实施方案贯彻落实《某某纲要》。") == [("某某纲要", "cited")]
    assert roles("按照《某某纲要》要求，制定《某某实施细则》。") == [("某某纲要", "cited"), ("某某实施细则", "issued")]


def test_a_list_shares_its_verb_even_far_from_it():
    text = "县政府先后制定了《甲办法》、《乙规定》、《关于进一步加强和改进某某工作的若干意见》和《丁细则》等制度文件。"
    assert [r for _, r in roles(text)] == ["issued"] * 4


def test_issuing_and_citing_verbs_in_one_act_mean_issued():
    assert roles("制定落实了《甲办法》《乙方案》等。") == [("甲办法", "issued"), ("乙方案", "issued")]
    assert roles("印发执行《丙方案》。") == [("丙方案", "issued")]


def test_a_document_issued_by_a_higher_government_is_cited():
    text = "市政府印发《某某市行政执法监督办法》，县政府印发《某某县行政执法公示办法》。"
    assert roles(text, "同心县") == [("某某市行政执法监督办法", "cited"), ("某某县行政执法公示办法", "issued")]


def test_the_city_issues_its_own_documents_in_a_city_report():
    assert roles("市政府印发《某某市行政执法监督办法》。", "银川市") == [("某某市行政执法监督办法", "issued")]


def test_issuing_verb_after_the_title():
    assert roles("《某县重大行政决策程序规定》已于5月印发实施。") == [("某县重大行政决策程序规定", "issued")]
    assert roles("完成《某县行政规范性文件管理办法》的修订。") == [("某县行政规范性文件管理办法", "issued")]


def test_a_newly_revised_law_is_cited_not_issued():
    assert roles("严格贯彻落实新修订《行政处罚法》。") == [("行政处罚法", "cited")]


def test_issuing_something_about_a_law_cites_the_law():
    assert roles("制作发布《民法典》宣传微视频20个，举办《行政处罚法》知识竞赛。") == [
        ("民法典", "cited"),
        ("行政处罚法", "cited"),
    ]


# --- failure classes seen on unseen reports (issue 15); every text composed -----------------------------------


def test_a_bare_short_form_stands_for_the_nearest_earlier_full_title_of_its_kind():
    found = regs("认真贯彻《法治政府建设实施纲要（2021-2025年）》，对照《纲要》逐项落实。")
    assert [(m.title, m.alias) for m in found] == [
        ("法治政府建设实施纲要（2021—2025年）", None),
        ("法治政府建设实施纲要（2021—2025年）", "纲要"),
    ]


def test_a_list_named_by_its_kind_is_the_list_named_before():
    found = regs("制定《某县政府部门权责清单》，并对《权责清单》实行动态调整。")
    assert [m.title for m in found] == ["某县政府部门权责清单"] * 2


@pytest.mark.parametrize("short", ["决议", "准则"])
def test_a_party_resolution_or_code_named_by_its_kind_is_the_one_named_before(short):
    full = {"决议": "中共中央关于党的百年奋斗重大成就和历史经验的决议", "准则": "关于新形势下党内政治生活的若干准则"}
    found = regs(f"学习《{full[short]}》，领会《{short}》精神。")
    assert [m.title for m in found] == [full[short]] * 2


def test_a_bare_short_form_with_no_full_title_is_an_unresolved_mention():
    (m,) = regs("对照《方案》要求，逐项抓好落实。")
    assert m.category == "unresolved" and m.title == "方案"


def test_a_bare_compact_or_charter_is_a_short_form_too():
    found = regs("指导各村修订《村规民约》和《公约》，完善《章程》。")
    assert [(m.title, m.category) for m in found] == [
        ("村规民约", "regulation"),  # a title of its own, not only a kind
        ("公约", "unresolved"),
        ("章程", "unresolved"),
    ]


def test_a_declared_alias_wins_over_the_nearest_title():
    found = regs(
        "印发《某某县优化营商环境实施方案》（以下简称《方案》），又落实《某某县法治宣传实施方案》，对照《方案》推进。"
    )
    assert [m.title for m in found if m.alias == "方案"] == ["某某县优化营商环境实施方案"]


@pytest.mark.parametrize(
    "written", ["（2021 2025年）", "（20212025年）", "(2021-2025)", "（2021—2025）", "(2021~2025年)"]
)
def test_year_ranges_whose_dash_was_lost_normalise_to_one_title(written):
    (m,) = regs(f"认真落实《法治政府建设实施纲要{written}》。")
    assert m.title == "法治政府建设实施纲要（2021—2025年）"


def test_books_and_lecture_titles_are_cited_works_not_regulations():
    found = regs("组织学习《论坚持全面依法治国》，邀请专家作《习近平法治思想》专题辅导，主讲《民法典与百姓生活》。")
    assert [(m.title, m.category) for m in found] == [
        ("论坚持全面依法治国", "book"),
        ("习近平法治思想", "speech"),
        ("民法典与百姓生活", "speech"),
    ]


def test_a_title_before_a_speech_or_an_article_word_is_that_speech_or_article():
    found = regs(
        "学习习近平总书记《在某某会议上的主旨发言摘要》重要讲话精神和《推进新时代某某工作》重要文章，"
        "刊发某某同志署名文章《依法行政的几点体会》。"
    )
    assert [(m.title, m.category) for m in found] == [
        ("在某某会议上的主旨发言摘要", "speech"),
        ("推进新时代某某工作", "book"),
        ("依法行政的几点体会", "book"),
    ]


def test_a_title_read_that_does_not_end_as_a_document_does_is_a_book():
    found = regs(
        "本人研读了《某某新语》和《法治的温度》，通读《中国共产党章程》《某某县行政执法工作手册》，"
        "精读《中华人民共和国民法典》，阅读《关于新形势下某某的若干准则》，宣读了《某县关于考核结果的通报》。"
    )
    assert [(m.title, m.category) for m in found] == [
        ("某某新语", "book"),
        ("法治的温度", "book"),
        ("中国共产党章程", "regulation"),
        ("某某县行政执法工作手册", "regulation"),
        ("中华人民共和国民法典", "regulation"),
        ("关于新形势下某某的若干准则", "regulation"),
        ("某县关于考核结果的通报", "regulation"),  # (宣读 is no reading verb: a notice read out)
    ]


def test_titles_listed_before_words_that_make_them_courses_are_cited_works():
    found = regs("录制《依法行政十讲》《基层治理与法治》等5门网络课程，组织学习《中华人民共和国行政处罚法》等法律。")
    assert [(m.title, m.category) for m in found] == [
        ("依法行政十讲", "speech"),
        ("基层治理与法治", "speech"),
        ("中华人民共和国行政处罚法", "regulation"),
    ]
    # a lecture on laws and rules leaves them regulations
    lectures = regs("开展《中华人民共和国民法典》《某某省物业管理条例》等专题讲座。")
    assert [m.category for m in lectures] == ["regulation", "regulation"]


def test_any_report_or_account_is_a_report_whatever_its_words():
    found = regs("组织撰写《法治政府建设报告》，上报《某县行政复议工作情况汇报》，落实《某县行政复议工作规定》。")
    assert [(m.title, m.category) for m in found] == [
        ("法治政府建设报告", "report"),
        ("某县行政复议工作情况汇报", "report"),
        ("某县行政复议工作规定", "regulation"),
    ]


def test_a_paper_written_or_sent_up_is_named_by_the_word_after_its_title():
    found = regs(
        "报送的《坚持依法行政 护航高质量发展》经验材料被市委依法治市办转发，《创新府院联动 化解行政争议》典型案例"
        "入选全省案例，撰写《浅谈基层行政执法规范化》一文，推广《某县行政执法监督办法》典型案例。"
    )
    assert [m.category for m in found] == ["other", "other", "other", "regulation"]  # a rule's case names the rule


def test_reports_on_how_work_went_and_quizzes_are_cited_works():
    found = regs(
        "审议了《关于某某工作完成情况的报告》，组织参加《某某法律知识线上答题》，落实《关于加强行政执法工作的意见》。"
    )
    assert [(m.title, m.category) for m in found] == [
        ("关于某某工作完成情况的报告", "report"),
        ("某某法律知识线上答题", "other"),
        ("关于加强行政执法工作的意见", "regulation"),
    ]


def test_works_given_a_prize_are_cited_works_and_rules_given_one_stay_rules():
    found = regs(
        "制作普法微视频12部，其中《守护》获全省普法微视频大赛一等奖，《誓言》《守望》入选全国优秀普法作品，"
        "《某县行政执法公示办法》获评全省优秀规范性文件，《某某总体规划修编》获省政府批准。"
    )
    assert [(m.title, m.category) for m in found] == [
        ("守护", "other"),
        ("誓言", "other"),
        ("守望", "other"),
        ("某县行政执法公示办法", "regulation"),
        ("某某总体规划修编", "regulation"),  # approved, not given a prize
    ]


def test_an_alias_declared_twice_names_the_document_of_its_latest_declaration():
    found = extract_regulations(
        Document.from_text(
            "印发《某县法治政府建设实施方案》（以下简称《方案》），落实“方案”。"
            "印发《某县普法规划》（以下简称《方案》），推进“方案”。"
        )
    )
    assert [(m.title, m.surface) for m in found] == [
        ("某县法治政府建设实施方案", "某县法治政府建设实施方案"),
        ("某县法治政府建设实施方案", "方案"),
        ("某县普法规划", "某县普法规划"),
        ("某县普法规划", "方案"),
    ]


def test_a_newspaper_named_short_and_a_dated_white_paper_are_not_regulations():
    found = regs(
        "《人民日报》、《大河报》等媒体报道了我市做法；编制《某某区法治建设白皮书（2023）》；"
        "印发《关于行政执法案卷评查情况的通报》，执行《某某市统计公报》。"
    )
    assert [m.category for m in found][:2] == ["media", "media"] and found[2].category == "report"
    assert "media" not in [m.category for m in found[3:]]  # a 通报 or 公报 is no newspaper


def test_a_regulation_the_government_is_legislating_is_issued():
    assert roles("全力推进《某某市河道保护和管理条例》立法工作。") == [("某某市河道保护和管理条例", "issued")]


def test_titles_counted_as_the_legislation_completed_are_issued():
    text = "年内完成《某某市湿地保护条例》《某某市养犬管理办法》2部地方性法规和1部政府规章的制定。"
    assert roles(text) == [("某某市湿地保护条例", "issued"), ("某某市养犬管理办法", "issued")]
    long = "完成了《某某市某某河流域生态保护与修复条例》《某某市城市户外广告和招牌设施设置管理办法》1部地方性法规。"
    assert [r for _, r in roles(long)] == ["issued", "issued"]  # however long the list, its count speaks of all
    # a count that completes nothing of this government's says nothing
    assert roles("全面完成《某某县“十四五”规划》确定的目标任务。") == [("某某县“十四五”规划", "cited")]
    assert roles("推动《某某省物业管理条例》等3部地方性法规落地见效。")[0][1] == "cited"
    assert roles("配合省人大完成《某某省物业管理条例》等2部地方性法规的立法调研。")[0][1] == "cited"


def test_bulletins_yearbooks_and_lecture_programmes_are_not_regulations():
    found = regs("编发《法治政府建设工作简报》12期，出版《某某县年鉴》，开办《法治大讲堂》，印发《某某县权责清单》。")
    assert [m.category for m in found] == ["media", "book", "media", "regulation"]


def test_certificates_licences_and_signed_pledges_are_papers_not_rules():
    found = regs("执法人员持有《行政执法证》，换发《营业执照》，签订《法治建设目标责任书》，签署《信用承诺书》。")
    assert [m.category for m in found] == ["other"] * 4
    assert regs("落实《某省行政执法证管理办法》。")[0].category == "regulation"


def test_letters_to_the_public_and_case_by_case_letters_are_papers_not_rules():
    found = regs("印发《致全县广大群众的一封信》，发出《致企业家的公开信》3000份，向企业送达《行政合规提示函》。")
    assert [m.category for m in found] == ["other"] * 3  # with a count after it or not: the same paper
    assert regs("制定《某县信访事项督办函办理办法》。")[0].category == "regulation"  # a rule about such letters


def test_a_bare_catalogue_plan_or_procedure_stands_for_the_title_before_it():
    found = regs("制定《某县行政执法事项目录》，对照《目录》清理；修订《某县突发事件总体应急预案》，按《预案》演练。")
    assert [(m.title, m.alias) for m in found] == [
        ("某县行政执法事项目录", None),
        ("某县行政执法事项目录", "目录"),
        ("某县突发事件总体应急预案", None),
        ("某县突发事件总体应急预案", "预案"),
    ]


def test_a_question_book_named_by_its_printed_genre_after_it_is_a_book():
    found = regs("编印《惠企政策100问》宣传手册，发放《民法典100问》手册，印发《某县执法手册管理办法》。")
    assert [m.category for m in found] == ["book", "book", "regulation"]


def test_a_title_in_korean_mongolian_or_tibetan_script_is_no_document_of_its_own():
    found = regs("贯彻《법치정부건설실시강요》《ᠬᠠᠤᠯᠢ》《བོད་ལྗོངས》和《法治政府建设实施纲要（2021—2025年）》。")
    assert [m.category for m in found] == ["other", "other", "other", "regulation"]


def test_an_explanation_of_a_document_is_no_document():
    found = regs("发布《〈某县行政执法公示办法〉政策解读》，制定《某县政策解读工作办法》。")
    assert [(m.title, m.category) for m in found] == [
        ("《某县行政执法公示办法》政策解读", "media"),
        ("某县行政执法公示办法", "regulation"),  # the document it explains, named inside it
        ("某县政策解读工作办法", "regulation"),
    ]


def test_an_agreement_with_a_firm_is_a_contract_and_one_between_public_bodies_a_document():
    found = regs(
        "签订《某县污水处理特许经营协议》《某县产业园项目投资协议》《府院联动工作备忘录》《诉调对接合作框架协议》。"
    )
    assert [m.category for m in found] == ["other", "other", "regulation", "regulation"]


def test_software_sites_gazetteers_oaths_and_contracts_are_not_rules():
    found = regs("上线《某县智慧执法平台》，开通《某县政务服务网》，编纂《某县志》，签订《某县法律顾问合同》。")
    assert [m.category for m in found] == ["other"] * 4
    assert regs("印发《某县行政执法监督系统管理办法》。")[0].category == "regulation"


def test_programmes_watched_or_broadcast_and_papers_printed_in_are_media():
    found = regs("组织收看《某某说法》，观看《某某底线》，制作《法治某县》宣传片，在《某县人民政府公报》刊登公告。")
    assert [m.category for m in found] == ["media", "media", "media", "media"]


def test_a_law_broadcast_or_a_rule_a_text_is_written_in_stays_a_regulation():
    text = (
        "播放《民法典》，制作《民法典》宣传片，收看《中华人民共和国行政复议法（2023年修订）》，"
        "观看《某省安全生产条例》解读视频，县电视台播出《某县规范性文件管理办法》政策解读，"
        "在《某县行政执法公示办法》中明确公示内容。"
    )
    assert [m.category for m in regs(text)] == ["regulation"] * 6


def test_a_document_jointly_co_signed_by_this_government_s_department_is_issued():
    text = "县人民检察院与县司法局联合会签《关于建立行政检察与行政复议衔接机制的意见》，形成工作合力。"
    assert roles(text, "平罗县") == [("关于建立行政检察与行政复议衔接机制的意见", "issued")]


def test_a_programme_named_with_a_modifier_before_its_kind_is_no_document():
    text = "县融媒体中心开设《法治平罗》电视专栏，县广播电视台播出《以案说法》专题节目12期。"
    assert [m.category for m in regs(text)] == ["media", "media"]


def test_a_comma_and_this_county_after_a_title_do_not_make_it_a_booklet():
    text = "全面落实《某某省法治政府建设实施方案（2021—2025年）》，本县各单位协同发力。"
    assert [m.category for m in regs(text)] == ["regulation"]


def test_copies_after_a_title_make_it_a_booklet():
    text = "编印《法律明白人读物》3000本，发放到村。"
    assert [m.category for m in regs(text)] == ["book"]


def test_an_evaluation_report_is_a_report_not_a_regulation():
    text = "某大学发布《某省法治政府评估报告(2022)》，我县位居前列。"
    assert [m.category for m in regs(text)] == ["report"]


def test_a_title_passed_by_a_meeting_of_the_report_s_own_government_was_issued_by_it():
    text = (
        "《郏县行政复议工作规程》经县政府常务会议审议通过后印发实施。"
        "《平顶山市行政执法监督办法》经市政府常务会议审议通过，我县及时转发。"
        "学习《中华人民共和国宪法》经常通过新媒体开展。"
    )
    assert [role for _, role in roles(text, "郏县")] == ["issued", "cited", "cited"]


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("县司法局拍摄的普法微电影《守望》获全市一等奖。", "media"),
        ("编排普法情景剧《一纸协议》，巡演12场。", "media"),
        ("组织观看警示教育片《警钟长鸣》。", "media"),
        ("向群众发放宣传册《远离非法集资》2万份。", "book"),
        ("举办专题讲座《民法典与百姓生活》。", "speech"),
        ("开设电视栏目《百姓说法》。", "media"),
        ("组织干部观看电影《第二十条》。", "media"),
        ("发放《家门口的民法典》手册2万册。", "book"),  # copies after it
        ("以《法治政府建设的实践与思考》为题作专题报告。", "speech"),
        ("印发《行政执法流程图（2022年版）》。", "other"),  # an edition note changes nothing
        ("发布《某县2022年统计年报》。", "report"),
        ("创作普法剧《乡亲们的调解室》，在各乡镇巡演。", "media"),  # stage and folk genres
        ("排演普法二人转《一张借条》下乡演出。", "media"),
        ("组织全体干部收看央视《法治在线》典型案例专题报道。", "media"),  # a broadcaster before the title
        ("专题学习《在全省法治政府建设推进会上的讲话》精神。", "speech"),  # a speech titled by where it was given
        ("认真学习县委书记《在县委全面依法治县委员会第三次会议上的讲话》。", "speech"),
        ("编排秦腔现代戏《老马断案》在各镇巡演。", "media"),
        ("排演民族说唱《法在心间》。", "media"),
        ("向市司法局报送《某县2022年法治政府建设工作自查报告》。", "report"),  # reports sent up
        ("形成《某县规范性文件清理情况报告》。", "report"),
        ("组织学习《中国共产党简史》。", "book"),
        ("在服务大厅设置《行政执法公示牌》。", "other"),  # boards and signs
        ("各村设立《法治宣传栏》。", "other"),
        ("县委党校举办《基层治理中的法律风险防范》等专题讲座。", "speech"),  # the word after the rest of a list
        ("组织开展《宪法伴我行》知识竞赛。", "other"),  # a quiz, a course
        ("选派执法人员参加《行政执法程序规范》专题培训班。", "other"),
        ("我县被命名为《河南省法治政府建设示范县》。", "other"),  # an honour
        ("县司法局荣获《全省人民调解工作先进集体》称号。", "other"),
        ("县法院发布《2023年度行政诉讼典型案例》。", "other"),  # typical cases
        ("规范制作《询问笔录》。", "other"),  # a form
        ("附件：《2023年度法治政府建设重点任务完成情况表》", "other"),
        ("推行《企业开办一次性告知单》。", "other"),
        ("学习《高举旗帜团结奋斗——在某某大会上的报告》。", "speech"),  # a report given at a congress
        ("用藏汉双语编印《群众身边的法律》宣传册2000份。", "book"),  # a printed genre after it
        ("制作《一图读懂某县行政执法公示办法》在公众号推送。", "media"),  # works about a document
        ("编印《某省行政执法条例释义》500册。", "book"),
        ("在《某县新闻》栏目播出典型案例。", "media"),
        ("县政府召开《全县法治政府建设工作推进会议》。", "other"),  # a meeting
        ("组织学习《某某著作选读》。", "book"),  # collected works
        ("举办《我与宪法》演讲比赛。", "other"),  # events
        ("举办《宪法伴我成长》主题展览。", "other"),
        ("开展《法治进万家》活动。", "other"),
        ("开通《某县发布》微信公众号。", "media"),  # accounts, sites and apps
        ("建设《中国某县》门户网站。", "media"),
        ("访问《某某法治网》了解政策。", "other"),  # a site named by its own title
        ("设立《法治宣传教育基地》。", "other"),  # a base, a brand
        ("打造《老杨调解》品牌。", "other"),
        ("编发《张某违法建设案》。", "other"),  # a case named by the wrong done
        ("拍摄普法微电影，片名为《回家》。", "other"),  # a name given
        ("建立《某县重大项目库》。", "project"),
        ("编印《某县村规民约示范文本》。", "other"),  # templates and sample forms
        ("统一印制《人民调解协议书（示范文本）》。", "other"),
        ("编制《行政处罚决定书范本》。", "other"),
        ("为28名个人颁发《优秀普法志愿者》荣誉证书。", "other"),  # an honour
        ("举办《某县“八五”普法成果展》。", "other"),  # a show, a course
        ("举办《某县“法律明白人”培训会》12场。", "other"),
        ("《行政执法案卷评查报告》通报至各执法单位。", "report"),
        ("学习总书记在《求是》杂志发表的文章。", "media"),
        ("学习《在某省领导干部专题研讨班上的讲话》。", "speech"),
        ("出版案例汇编《某县调解案例选（2021）》。", "book"),  # a year after the title changes nothing
        ("学习党的二十大报告《高举旗帜团结奋斗》。", "speech"),  # a report given to a congress
        ("县融媒体中心开设《律师以案释法》专栏，全年播出40期。", "media"),  # …释法 names no law
        ("编排快板《说说民法典》在各村巡演。", "media"),  # …民法典 that is not the law's name
        ("举办《法在身边》法治知识竞赛。", "other"),  # words between the title and the contest
        ("县司法局出版《某县人民调解故事汇》一书。", "book"),
        ("为各执法单位购置《行政处罚实务》等工具书。", "book"),
    ],
)
def test_a_genre_word_or_copies_around_a_title_or_its_own_ending_say_what_it_names(sentence, category):
    (m,) = regs(sentence)
    assert m.category == category


def test_a_list_of_titles_handed_out_as_printed_matter_is_books_and_a_rule_in_it_stays_a_regulation():
    found = regs("发放《民法典宣传手册》《农村常用法律知识读本》《某省安全生产条例》等宣传资料3000份。")
    assert [m.category for m in found] == ["book", "book", "regulation"]
    found = regs("组织学习《中华人民共和国行政处罚法》等书籍，播放《民法典》宣传片。")
    assert [m.category for m in found] == ["regulation", "regulation"]
    found = regs("制定《某县政府信息公开指南》等材料，印发《某县行政执法标准》等资料，购置《某某实务指南》等工具书。")
    assert [m.category for m in found] == ["regulation", "regulation", "book"]  # a guide or a standard stays a rule


def test_a_law_or_a_rule_after_a_genre_word_stays_a_regulation():
    found = regs("发放宣传册《中华人民共和国民法典》5000册，印发宣传册《某县行政执法公示办法》。")
    assert [m.category for m in found] == ["regulation", "regulation"]


def test_application_and_confirmation_forms_are_not_regulations():
    found = regs("窗口放置《人民调解申请书》《送达地址确认书》，落实《某县人民调解工作办法》。")
    assert [m.category for m in found] == ["other", "other", "regulation"]


def test_a_bare_short_form_inside_a_title_is_no_document_of_its_own():
    alone = regs("县委、县政府制定《某县落实〈纲要〉重点任务分工方案》。")
    assert [(m.title, m.category) for m in alone] == [
        ("某县落实《纲要》重点任务分工方案", "regulation"),
        ("纲要", "unresolved"),
    ]
    declared = regs("贯彻《某省优化营商环境条例》（以下简称《条例》），县政府印发《某县贯彻落实〈条例〉的实施意见》。")
    assert [(m.title, m.alias) for m in declared][-1] == ("某省优化营商环境条例", "条例")
    # the nearest earlier document of its kind, never the title it stands in
    found = regs("市政府印发《某市法治政府建设实施方案》，县政府制定《某县贯彻〈方案〉的实施方案》。")
    assert [(m.title, m.alias) for m in found][-1] == ("某市法治政府建设实施方案", "方案")


def test_statistical_bulletins_are_reports_not_regulations():
    (m,) = regs("发布《2022年某县国民经济和社会发展统计公报》。")
    assert m.category == "report"


def test_a_government_s_report_on_how_it_carried_out_a_document_is_a_report():
    found = regs("向市政府报送《某县关于贯彻落实〈法治政府建设实施纲要〉情况的报告》。")
    assert [m.category for m in found] == ["report", "regulation"]  # (the document it reports on is cited)


def test_a_title_nested_at_the_end_of_another_keeps_its_closing_bracket():
    found = regs("依据《某省地方标准〈政务服务中心运行规范〉》开展评估。")
    assert [m.title for m in found] == ["某省地方标准《政务服务中心运行规范》", "政务服务中心运行规范"]


@pytest.mark.parametrize(
    "sentence",
    [
        "县长在《某某日报》发表《以法治护航县域发展》。",
        "对照《某县国土空间规划》第四章《空间格局》逐项落实。",
        "学习习近平总书记在《求是》发表的重要文章《坚定不移走中国特色社会主义法治道路》。",  # an article
        "县司法局编印《某县公共法律服务指南》和《王某与李某宅基地纠纷调解案》。",  # one case, by its parties
    ],
)
def test_an_article_published_or_a_part_of_a_document_is_no_document(sentence):
    assert regs(sentence)[-1].category in ("other", "book")  # (an article; a part of the document named before)


@pytest.mark.parametrize("short", ["《程序规定》", "《工作规则》", "《任务分工》", "《条例（草案）》", "《审议意见》"])
def test_a_kind_with_the_word_for_its_sort_is_a_short_form_too(short):
    text = (
        "起草《某县重大行政决策程序规定》《某县人民政府工作规则》《某县法治政府建设任务分工》"
        f"《某县物业管理条例（草案）》，{short}经审议通过。"
    )
    found = regs(text)
    assert len({m.title for m in found if m.category == "regulation"}) == 4  # no fifth document


def test_a_committees_written_opinion_is_a_document_and_named_by_its_kind_it_is_the_one_before():
    found = regs(
        "认真落实《某县人大常委会关于县人民政府法治政府建设工作情况报告的审议意见书》，"
        "按照《审议意见书》要求逐项整改，对《审议意见》提出的问题建立台账。"
    )
    assert {m.title for m in found if m.category == "regulation"} == {
        "某县人大常委会关于县人民政府法治政府建设工作情况报告的审议意见书"
    }
    # a paper written for one case stays a paper
    assert regs("法律顾问出具《法律意见书》26份。")[-1].category == "other"
    assert regs("发出《检察建议书》3份。")[-1].category == "other"


def test_a_document_this_government_printed_with_a_notice_of_its_own_is_issued_wherever_it_is_named():
    text = (
        "市政府印发《某市人民政府关于印发某市2022年法治政府建设工作要点的通知》，"
        "把《某市2022年法治政府建设工作要点》的任务逐项分解。"
    )
    assert [m.role for m in regs(text, "周口市")] == ["issued", "issued"]


def test_a_lecture_word_before_a_list_of_titles_names_each_of_them():
    found = regs(
        "举办专题讲座《依法行政的基本要求》和《行政执法中的常见问题》，邀请专家作专题辅导《法治政府建设的新要求》。"
    )
    assert [m.category for m in found] == ["speech", "speech", "speech"]


def test_a_document_ending_as_a_rule_does_stays_a_regulation_before_a_course_or_a_booklet_word():
    found = regs("举办《某县优化营商环境若干措施》专题培训班，印发《某县2023年法治政府建设工作要点》宣传册。")
    assert [m.category for m in found] == ["regulation", "regulation"]


def test_a_rule_handed_out_in_copies_is_the_rule():
    found = regs("发放《某某省法治宣传教育条例》宣传册3000份，编印《某县法律知识问答》5000册。")
    assert [m.category for m in found] == ["regulation", "book"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("深入贯彻《法治政府建设实施纲要》（2021-2025年）。", "法治政府建设实施纲要（2021—2025年）"),
        ("贯彻落实《法治中国建设规划》(2020-2025年)。", "法治中国建设规划（2020—2025年）"),
        ("印发《某县普法规划》 (2021至2025年)。", "某县普法规划（2021—2025年）"),
        ("印发《某县工作要点》（2023年）。", "某县工作要点"),  # one year: no range, a note of when
        ("落实《某省实施方案（2021—2025年）》（2022年修订）。", "某省实施方案（2021—2025年）"),  # its own range kept
    ],
)
def test_a_year_range_written_after_the_closing_bracket_is_the_title_s(text, title):
    (m,) = regs(text)
    assert m.title == title


def test_a_year_range_after_a_nested_title_is_the_nested_title_s():
    outer, inner = regs("印发《某县贯彻落实〈法治政府建设实施纲要〉（2021-2025年）实施方案》。")
    assert inner.title == "法治政府建设实施纲要（2021—2025年）"


def test_a_working_manual_printed_in_copies_is_a_normative_document_and_a_handbook_of_knowledge_a_book():
    found = regs(
        "县司法局编印《某县行政执法工作手册》800册，发放至全县执法单位；编印《某某法律知识手册》1.8万册，"
        "县应急管理局编印《安全生产执法检查工作手册》500本。"
    )
    assert [(m.title, m.category) for m in found] == [
        ("某县行政执法工作手册", "regulation"),
        ("某某法律知识手册", "book"),
        ("安全生产执法检查工作手册", "regulation"),
    ]


def test_a_title_worded_as_a_call_to_act_is_a_speech_or_an_article_unless_it_ends_as_a_document_does():
    found = regs(
        "认真学习《坚定不移走某某道路 为某某建设提供有力法治保障》《以科学理论指导某某各项工作》，"
        "落实《深入推进某某三年行动》《全面推进依法行政实施方案》《坚持和发展新时代某某经验的若干措施》。"
    )
    assert [(m.title, m.category) for m in found] == [
        ("坚定不移走某某道路为某某建设提供有力法治保障", "speech"),
        ("以科学理论指导某某各项工作", "speech"),
        ("深入推进某某三年行动", "regulation"),
        ("全面推进依法行政实施方案", "regulation"),
        ("坚持和发展新时代某某经验的若干措施", "regulation"),
    ]


def test_a_call_to_act_issued_or_ending_as_a_document_does_is_a_document():
    found = regs("县政府印发《全面推进法治政府建设十项举措》，学习《加快推进某某工作守则》《奋力开创某某新局面》。")
    assert [(m.title, m.category) for m in found] == [
        ("全面推进法治政府建设十项举措", "regulation"),
        ("加快推进某某工作守则", "regulation"),
        ("奋力开创某某新局面", "speech"),
    ]


def test_a_document_read_out_or_explained_is_no_book():
    found = regs(
        "会上宣读了《某县关于考核结果的通报》，解读了《某县优化营商环境三年行动》，研读《关于某某问题的批复》。"
    )
    assert [m.category for m in found] == ["regulation", "regulation", "regulation"]


def test_a_compilation_with_its_years_is_a_book_and_a_question_bank_no_document():
    found = regs("编印《某县行政规范性文件汇编（2016—2021年）》，上线《法治知识竞赛题库》，印发《某县题库管理办法》。")
    assert [m.category for m in found] == ["book", "other", "regulation"]


def test_a_notice_or_an_order_named_again_by_its_kind_is_the_one_named_before():
    found = regs(
        "发布《某县人民政府关于禁止野外用火的通告》，《通告》明确了禁火期。签发《某县2023年第1号总河长令》，《总河长令》要求清河。"
    )
    assert [(m.title, m.alias) for m in found] == [
        ("某县人民政府关于禁止野外用火的通告", None),
        ("某县人民政府关于禁止野外用火的通告", "通告"),
        ("某县2023年第1号总河长令", None),
        ("某县2023年第1号总河长令", "总河长令"),
    ]
