"""Titles that lost a bracket on the page. Every text here is composed for the test."""

from kg.extract.regulations import extract_regulations
from kg.read import Document


def regulations(text):
    return [(m.title, m.role) for m in extract_regulations(Document.from_text(text))]


def test_a_title_that_lost_its_opening_bracket_starts_after_its_verb():
    text = "全面推行政务公开,印发2022年某某县政务公开工作要点》,梳理公开事项126项。"
    assert regulations(text) == [("2022年某某县政务公开工作要点", "issued")]


def test_the_verb_group_before_such_a_title_is_not_part_of_it():
    text = "我县认真学习贯彻落实某某市法治政府建设实施方案》,各项任务有序推进。"
    assert regulations(text) == [("某某市法治政府建设实施方案", "cited")]


def test_without_a_verb_in_its_clause_a_lone_closing_bracket_gives_no_title():
    assert regulations("全年工作中，某某县法治政府建设工作要点》已经全面完成。") == []


def test_a_lone_closing_bracket_after_words_that_are_no_document_gives_no_title():
    assert regulations("同时落实各项便民服务举措》，群众满意度持续提升。") == []


def test_a_title_that_lost_its_closing_bracket_ends_where_the_next_title_begins():
    text = "对照《法治社会建设实施纲要(2020-2025年)《法治政府建设实施纲要(2021-2025年)》逐项落实。"
    titles = [t for t, _ in regulations(text)]
    assert titles == ["法治社会建设实施纲要（2020—2025年）", "法治政府建设实施纲要（2021—2025年）"]


def test_an_unclosed_bracket_before_words_that_are_no_document_gives_no_title():
    text = "开展《法治进万家《民法典》宣讲活动。"
    assert [t for t, _ in regulations(text)] == ["民法典"]


def test_a_title_that_lost_its_closing_bracket_ends_with_its_clause():
    text = "制定《某某县委全面依法治县委员会2023年工作要点及任务分工方案,分解任务25项。"
    assert regulations(text) == [("某某县委全面依法治县委员会2023年工作要点及任务分工方案", "issued")]


def test_quotes_may_stand_inside_a_title_that_lost_a_bracket():
    assert regulations("编写2022年“八五”普法工作要点》，部署全年任务。") == [("2022年“八五”普法工作要点", "issued")]


def test_a_title_cut_by_the_end_of_an_excerpt_is_read_when_what_stands_already_ends_like_a_document():
    # a page's opening as a search index stores it is cut at a length, sometimes inside a title: annotators name
    # the document when its kind word stands (…办法, …工作要点), and nothing when the cut came before it
    assert regulations("二是完善制度。印发《某某县行政执法公示办法") == [("某某县行政执法公示办法", "issued")]
    assert regulations("编写《2022年“八五”普法工作要点\n") == [("2022年“八五”普法工作要点", "issued")]
    assert regulations("二是完善制度。印发《某某县关于开") == []
    assert regulations("二是完善制度。印发《某某县行政执法公示") == []
    assert regulations("二是完善制度。印发了《某某县乡镇重大事项合法") == []  # (合法, 依法: a word, not yet a …法)
    assert regulations("印发《某县关于进一步加强行政执法工作的意见") == [
        ("某县关于进一步加强行政执法工作的意见", "issued")
    ]
    assert regulations("印发《某县关于严格落实中央八项规定") == []  # (a 关于 clause not yet at its 的)
    assert regulations("制定《某县人民政府关于印发某县行政执法公示办法") == []  # (a notice cut before its own end)


def test_of_two_verbs_in_the_clause_the_one_nearest_the_lost_bracket_governs_the_title():
    assert regulations("根据上级要求印发2022年某某县普法工作要点》，部署全年任务。") == [
        ("2022年某某县普法工作要点", "issued")
    ]


def test_a_title_that_lost_its_bracket_is_not_also_a_law_named_without_brackets():
    assert len(regulations("严格执行重大行政决策程序暂行条例》等规定，规范决策。")) == 1


def test_a_measure_s_name_before_a_lone_bracket_is_no_document():
    assert regulations("全面落实行政执法三项制度》等要求，规范执法行为。") == []
