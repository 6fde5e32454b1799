"""What a 《》 title names — a regulation, or a report, a book, a programme, a lecture, something else — from its
own words (``kg/data/title_categories.csv``) and from the words around it (``kg/data/title_contexts.csv``): a
genre word before it (普法微电影《守望》), after it (《法治某县》栏目) or after the list it ends (《甲》《乙》等资料),
copies handed out (《…》5000册). A law of the table, or a title that ends as a rule does, stays a regulation
whatever surrounds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.roles import issued_right_before
from kg.lang.laws import law_table
from kg.lang.titles import COPIES_AFTER
from kg.resources import data_csv


@lru_cache(maxsize=1)
def _categories() -> list[tuple[re.Pattern[str], str]]:
    """(pattern, category) rows of ``kg/data/title_categories.csv``, tried in order; the first match wins."""
    return [(re.compile(r["pattern"]), r["category"]) for r in data_csv("title_categories.csv")]


_REST_OF_LIST = re.compile(r"(?:[、，,和及与]?《[^《》\n]{1,60}》)*(?:等[0-9一二三四五六七八九十]*[门个部期堂节]?)?")
_RULE_ENDING = re.compile(  # 《某某法》 is a law, 《今日说法》 and 《以案说法》 programmes
    r"(?:(?<![说看做想释])法|法典|条例|办法|规定|细则|规则|规程|意见|方案|规划|纲要|决定|通知|措施|要点|计划|清单|指引|制度)"
    r"(?:（[^）]*）)?$"
)
_LAW_ENDING = re.compile(r"(?<!办)法典?(?:（[^）]*）)?$")  # (…办法 is a rule of any tier)
_PRC = "中华人民共和国"
_RULE_LIKE = re.compile(r"(?:标准|目录|规范|指南|指引)(?:（[^）]*）)?$")  # in a list of 资料, still rules
_BOOKS = ("书籍", "图书", "工具书", "读物")  # … but not in a list of books


@dataclass(frozen=True)
class _TitleContexts:
    """The words around a title that say what it names (kg/data/title_contexts.csv), as patterns."""

    media_after: re.Pattern[str]  # matched at the title's end: 《…》栏目
    media_before: re.Pattern[str]  # searched in the 4 characters before it: 收看《…》
    named_before: dict[str, re.Pattern[str]]  # category → a genre word right before it: 微电影《…》, 宣传册《…》
    other_after: re.Pattern[str]  # after the rest of a list of titles: 《…》知识竞赛, 《…》等专题培训班
    book_after: re.Pattern[str]  # right after it: 《…》宣传册
    book_listed: re.Pattern[str]  # after the rest of a list of titles: 《…》《…》等普法资料
    printed_in: re.Pattern[str]  # matched at its end, after 在《: 在《…》刊发
    speech_after: re.Pattern[str]
    speech_before: re.Pattern[str]
    course_after: re.Pattern[str]  # after the rest of a list of titles: 《…》《…》等3门课程
    award_after: re.Pattern[str]  # after the rest of a list of titles: 《…》获…一等奖, 《…》《…》入选…
    manual: re.Pattern[str]  # searched in a title: 《某县行政执法工作手册》
    read_before: re.Pattern[str]  # searched in the 4 characters before it: 研读《…》
    read_kept: re.Pattern[str]  # searched in a title: how a document's title may end (…章程, …准则) or begin (关于)
    call_to_act: re.Pattern[str]  # matched at a title's start: 《坚定不移走…道路 为…提供有力法治保障》


@lru_cache(maxsize=1)
def _title_contexts() -> _TitleContexts:
    w = {row["name"]: row["words"] for row in data_csv("title_contexts.csv")}
    return _TitleContexts(
        media_after=re.compile(f"(?:{w['media_lead']})?(?:{w['media_after']})"),
        media_before=re.compile(f"(?:{w['media_before']})了?$"),
        named_before={
            category: re.compile(f"(?:{w[category + '_named']})$") for category in ("media", "book", "speech", "other")
        },
        other_after=re.compile(f"(?:{w['other_lead']})*(?:{w['other_after']})"),
        book_after=re.compile(f"(?:{w['book_after']})"),
        book_listed=re.compile(f"(?:{w['book_listed']})"),
        printed_in=re.compile(f"上?(?:{w['printed_in']})"),
        speech_after=re.compile(f"(?:{w['speech_after']})"),
        speech_before=re.compile(f"(?:{w['speech_before']})$"),
        course_after=re.compile(f"[^，,。；;《》\\n]{{0,6}}?(?:{w['course_lead']})*(?:{w['course_after']})"),
        award_after=re.compile(f"(?:{w['award_after']})"),
        manual=re.compile(f"(?:{w['manual_kinds']})手册(?:（[^）]*）)?$"),
        read_before=re.compile(f"(?:{w['read_before']})了?[、，,和及与]?$"),
        read_kept=re.compile(f"^关于|(?:{w['document_words']})(?:（[^）]*）)?$"),
        call_to_act=re.compile(w["call_to_act"].replace("DOCUMENT_WORDS", w["document_words"])),
    )


def category_from_context(text: str, start: int, end: int, title: str) -> str:
    """What the words around a title say it is (kg/data/title_contexts.csv): 《法治某县》栏目, 收看《某某说法》,
    在《某某日报》刊发 name media; 作《…》专题辅导 a lecture, 《…》等3门课程 courses; 编印《某某故事》5000册 a
    booklet. A law of the table stays a regulation (发放《宪法》5000册, 主讲《民法典》), and so does a title that ends
    as a rule does for media and courses (播放《某省安全生产条例》解读视频)."""
    found = _title_contexts()
    law = law_table().of_any_version(title) is not None
    # a national law is a name of the law table: a …法 that is not one (《以案释法》, 快板《说说民法典》) names a work
    rule = law or bool(_RULE_ENDING.search(title)) and (not _LAW_ENDING.search(title) or title.startswith(_PRC))
    listed_to = _REST_OF_LIST.match(text, end).end()  # 《甲》《乙》等专题讲座: what follows the list says it
    if (found.media_after.match(text, end) or found.media_after.match(text, listed_to)) and not rule:
        return "media"
    if found.book_after.match(text, end) and not rule:
        return "book"
    printed = found.book_listed.match(text, listed_to)  # 《甲手册》《乙读本》等资料, 《…指南》等工具书
    if printed and not rule and (printed.group().endswith(_BOOKS) or not _RULE_LIKE.search(title)):
        return "book"
    watched = found.media_before.search(text, max(0, start - 4), start)
    shown = watched or found.named_before["media"].search(text, max(0, start - 5), start)  # 收看央视《…》典型案例…
    if found.other_after.match(text, listed_to) and not rule and not shown:
        return "other"
    course = found.course_after.match(text, listed_to) and not rule
    spoken = (
        found.speech_after.match(text, end)
        or (found.speech_after.match(text, listed_to) and not rule)  # 《甲》等专题讲座; a rule's lecture names the rule
        or found.speech_before.search(text, max(0, start - 4), start)
    )
    if (course or spoken) and not law:
        return "speech"
    handed_out = COPIES_AFTER.match(text, end) and not rule  # (发放《某省…条例》3000份: the rule, handed out)
    if handed_out and not found.manual.search(title):  # (a working manual printed in copies: still a rule)
        return "book"
    if not rule:  # 普法微电影《守望》, 发放宣传册《远离非法集资》, 举办专题讲座《民法典与百姓生活》
        # the title's own place and, in a list, the list's (专题讲座《甲》和《乙》: the word names each of it)
        places = {start, _list_start(text, start)}
        for category, named in found.named_before.items():
            if any(named.search(text, max(0, at - 5), at) for at in places):
                return category
        read = any(found.read_before.search(text, max(0, at - 4), at) for at in places)
        if read and not _RULE_LIKE.search(title) and not found.read_kept.search(title):
            return "book"  # 研读《之江新语》, 通读《摆脱贫困》: a book read, where no document is named
    printed_in = text[start - 1 : start] == "在" and found.printed_in.match(text, end)
    if (watched or printed_in) and not rule:
        return "media"
    if found.award_after.match(text, listed_to) and not rule and not _RULE_LIKE.search(title):
        return "other"  # (a work given a prize: 《守护》获一等奖; a rule given one stays a rule)
    if found.call_to_act.match(title) and not issued_right_before(text, start):
        return "speech"  # 《以科学理论指导…各项工作》; but 印发《全面推进…十项举措》 is a document
    return "regulation"


_LIST_BEFORE = re.compile(r"(?:《[^《》\n]{1,60}》[、，,和及与]?)+$")


def _list_start(text: str, start: int) -> int:
    """Where the list of titles that the title at ``start`` ends begins (its own start when none comes before)."""
    m = _LIST_BEFORE.search(text, max(0, start - 200), start)
    return m.start() if m else start


_EDITION = re.compile(
    r"[（(](?:(?:(?:19|20)\d\d年?)?(?:版|修订版|试行|暂行|第[一二三四五六七八九十\d]+版)|(?:19|20)\d\d年?度?)[)）]$"
)


def categorise(title: str) -> str:
    """Whether a title names a regulation or something else (report, project, book, media, other). An edition
    note or a year at the end (《…流程图（2022年版）》, 《…汇编（试行）》, 《…案例选（2021）》) does not change what
    the title names."""
    title = _EDITION.sub("", title)
    for pattern, category in _categories():
        if pattern.search(title):
            return category
    return "regulation"
