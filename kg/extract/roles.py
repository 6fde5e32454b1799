"""The role of a document in a report: did the report's government issue it (印发, 制定, 出台 … with this
government as the doer), or does the report cite it (贯彻落实, 学习, 依据 …)?

The nearest verb group before the title decides (制定落实 is one act); its doer is the last body named in the clause
before it (:mod:`kg.extract.doers`) — another place, or a tier above the report's own (市政府印发《…》 in a county's
report), makes the title cited. Attributive clauses (新出台的《…》), an object already taken (制定《甲》，将《乙》…),
verbs after the title (《…》已印发实施) and topic words (《民法典》宣传微视频) are handled here too. Verbs:
kg/data/regulation_verbs.txt.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.doers import CLAUSE_END, OwnArea, doer
from kg.lang.areas import area_table, tier_words
from kg.lang.laws import law_table
from kg.lang.titles import COPIES_AFTER, VERSION_NOTE_BODY, normalise_title
from kg.lang.zh import BULLETS, INNER_TITLE_CLOSES, INNER_TITLE_OPENS, ITEM_NUMBERS, PARTY, SENTENCE_ENDS
from kg.model import RegulationMention
from kg.resources import data_lines

_SENTENCE_END = SENTENCE_ENDS
_BEFORE = 200  # how far back a verb may stand from its title (titles in between are masked and not counted)
_AFTER = 24
# an issuing verb right after a title (《…》已印发, 完成《…》的起草); 制定后评估 and 立法后评估 evaluate a rule in force
_AFTER_ISSUING = re.compile(
    r"^[^，,。；;]{0,6}?(?:的)?(?:起草|制定(?!后评估)|修订|(?:作出|做出|作了|进行了?)(?:相应的?)?修改(?!意见|建议)|修改工作|修编|编制|报批|印发|出台|发布|颁布|审议通过|通过|公布|立法(?!后)|草案形成)"
)
# after a completing verb, the titles counted as the legislation made (完成《…条例》《…办法》1部地方性法规和1部政府
# 规章): the count ends its clause or list, not 的立法调研 or 落地见效
_COUNTED_AS_MADE = re.compile(
    r"^等?[0-9一二三四五六七八九十]+(?:部|件|项)(?:地方性法规|政府规章|规章)(?=[和及、，,。；;]|$)"
)
# as kg.extract.regulations.find_titles reads one: within a paragraph, a title nested in it (《某县贯彻落实《某市…》的
# 分工方案》) inside it
_TITLE = r"《(?:[^《》\n]|《[^《》\n]*》)*(?:\n(?:[^《》\n]|《[^《》\n]*》)*)?》"
# a title with the version note a report writes after it (《…复议法》（2023年修订）): the note's 修订 is no verb of
# the sentence
_TITLE_AND_NOTE = re.compile(f"{_TITLE}(?:[（(]{VERSION_NOTE_BODY}[）)])?")  # (brackets of either width)
_BRACKET_NOTE = r"[（(][^（）()\n]{1,30}[）)]"  # a note in brackets after a title (an alias, a number)
_LIST_OF_TITLES = re.compile(f"(?:{_BRACKET_NOTE})?(?:[、和及与]?{_TITLE}(?:{_BRACKET_NOTE})?)*")  # (with notes)
_VERB_GLUE = re.compile(r"[了并和及、与]?|并且")
_OBJECT_TAKEN = re.compile(r"[了并]?\x00+[^，,；;]*[，,；;]")
_LIST_TAIL = re.compile(r"[了并和及、与等\x00\s]*")  # between a verb group and its title: only other titles
# 《…》经县政府常务会议审议通过 / 经县委常委会研究同意 / 经…审议后印发 / 于县政府常务会议审议通过: passed by a
# meeting, whose body says who made it
_PASSED_BY = re.compile(
    r"(?:已|已经)?[经于](?![常过济营验费历典])(?P<doer>[^，,。；;\x00]{1,20}?)"
    r"(?:(?:审议|研究|讨论)?(?:通过|同意|审定)|(?:审议|研究|讨论)后)"  # (经…审议后印发)
)
# assisting another body, which then does what the light verb says (配合县人大常委会完成《…条例》修订调研)
_ASSISTING = re.compile(r"(?:配合|协助)(?![下])[^，,。；;\x00]{1,24}$")  # (在各部门配合下完成: others assist it)
# 《…》由县司法局（会同县发展改革局）起草: drafted by the body named after 由
_DRAFTED_BY = re.compile(
    r"由(?P<doer>[^，,。；;\x00]{1,20}?)(?:牵头|负责|组织|会同[^，,。；;\x00]{1,20}?)?(?:起草|制定|修订|编制|拟定|拟订|草拟)"
)
# 《…》由县政府办公室印发: published by the body named after 由 — this government's only when it is named as such
# (由上级部门统一发布 is another's)
_PUBLISHED_BY = re.compile(r"由(?P<doer>[^，,。；;\x00]{1,20}?)(?:统一)?(?:印发|制发|出台|发布)")
_NOTE = re.compile(f"(?:{_BRACKET_NOTE})?")
_ON_A_DATE = r"于[0-9０-９一二三四五六七八九十〇零年月日号底初中上下旬本今去前同当该]{1,16}"  # 于2023年5月10日
_DATED = re.compile(f"(?:已|已经|正式)?{_ON_A_DATE}")
# what stands between a list of titles and the verb after it: 等, 等文件, 等3件 (not 等条例修订: the verb); 已, 于…
_NEXT_VERB_DONE = re.compile(
    r"^(?:等(?:[\d一二三四五六七八九十]+[件个项]|[^，,。；;\x00]{0,5}?文件)?)?(?:均|都|先后|分别)?"
    rf"(?:已|已经|正式|{_ON_A_DATE})?"
)


@lru_cache(maxsize=1)
def _verb_lines() -> tuple[tuple[str, str], ...]:
    """(role, word) of each line of kg/data/regulation_verbs.txt, read once for the tables below."""
    return tuple(
        (role, word.strip()) for role, _, word in (x.partition(" ") for x in data_lines("regulation_verbs.txt"))
    )


@lru_cache(maxsize=1)
def _verbs() -> tuple[re.Pattern[str], dict[str, str], tuple[str, ...]]:
    """One alternation of every role verb, longest first (印发实施 before 实施), each verb's role, and the topic
    words that make a title the subject of something else."""
    roles = {word: role for role, word in _verb_lines() if role not in ("topic", "not_topic")}
    topics = tuple(word for role, word in _verb_lines() if role == "topic")
    # a verb of one character (按, 据) only right before the title: elsewhere it begins other words (按时, 数据)
    alternatives = (re.escape(v) + ("$" if len(v) == 1 else "") for v in sorted(roles, key=len, reverse=True))
    pattern = re.compile("|".join(alternatives))
    return pattern, roles, topics


@lru_cache(maxsize=1)
def _not_topics() -> tuple[str, ...]:
    """Words that begin with a topic word but are the sentence's own verb (《…》进行中期评估, 《…》进一步规范):
    after the title they make it no topic."""
    return tuple(word for role, word in _verb_lines() if role == "not_topic")


def _topic_follows(text: str, end: int, topics: tuple[str, ...]) -> bool:
    """Whether the title ending at ``end`` is the topic of what follows it (《民法典》进社区, 《…》知识竞赛)."""
    return text.startswith(topics, end) and not text.startswith(_not_topics(), end)


def _role_at_end(before: str) -> str | None:
    """The role of the verb ``before`` ends with (印发, 制定了 …), or None when it ends with no verb."""
    pattern, roles, _ = _verbs()
    return next((roles[m.group()] for m in pattern.finditer(before) if m.end() == len(before)), None)


def issued_right_before(text: str, start: int) -> bool:
    """Whether an issuing verb stands right before the title at ``start`` (印发《…》, 制定了《…》)."""
    return _role_at_end(text[max(0, start - 8) : start]) == "issued"


def role_verbs() -> re.Pattern[str]:
    """Every verb of kg/data/regulation_verbs.txt in one alternation, longest first."""
    return _verbs()[0]


_EARLIER_INNER = re.compile(  # the inner titles before another one of the same outer title
    f"(?:[{INNER_TITLE_OPENS}《][^{INNER_TITLE_OPENS}{INNER_TITLE_CLOSES}《》]*[{INNER_TITLE_CLOSES}》]\\s*[、，,和及与]?\\s*)+$"
)


def inner_role(outer_before: str, outer_role: str) -> str:
    """The role of a title nested in another: a notice that issues it (关于印发〈某某办法〉的通知: the title's text
    before the inner one ends with an issuing verb) gives it the notice's own role; one that implements, studies or
    forwards it (贯彻落实〈纲要〉的实施方案, 关于转发〈…〉的通知) cites it."""
    before = _EARLIER_INNER.sub("", outer_before.rstrip())  # 印发〈甲办法〉和〈乙规定〉: the verb is before 〈甲办法〉
    return outer_role if _role_at_end(before) == "issued" else "cited"


def _last_sentence_end(text: str) -> int:
    """Where the last sentence of ``text`` ends before its end (-1: none does), so the clause a title stands in, or
    the sentence a list's head is, begins after it."""
    return max(text.rfind(c) for c in _SENTENCE_END)


def _mask_titles(text: str) -> str:
    return _TITLE_AND_NOTE.sub(lambda m: "\x00" * len(m.group()), text)


def _others(title: str, own: OwnArea) -> bool:
    """Whether a title begins with another place's name (《某省…条例（草案）》的修改工作 is that place's work)."""
    table = area_table()
    places = table.leading_places(title[PARTY.match(title).end() :])
    return bool(places) and not any(
        name in own.names or any(a.name in own.names for a in table.lookup(name)) for _, _, name in places
    )  # (an alias, 某某州, is its area's name)


def _national(title: str) -> bool:
    """Whether a title names a national document: one of the law table (《民法典》, 《信访工作条例》, with or without
    a version note) or one whose title opens with a national body's word (《国务院关于…》, 《中共中央 国务院…》).
    No county makes one: what a verb after it tells (《民法典》颁布实施以来, 随着《行政处罚法》修订) is done by
    others."""
    if law_table().of_any_version(title) is not None:
        return True
    head = title[PARTY.match(title).end() :]  # (not the bare 中央, 国家: a county's 《中央环保督察反馈问题整改方案》)
    return any(tier == "national" and len(word) > 2 and head.startswith(word) for word, tier in tier_words())


# after the title of a document as revised: its coming into force (修订后的《…》自2019年7月1日起施行, 已于3月施行)
_TAKES_EFFECT = re.compile(r"[^，,。；;]{0,20}?(?:施行|实施|生效|印发|公布|发布)")
# what a signing does not make: a pledge, a contract, a mediation's 协议书 (an agreement, a memorandum or a joint
# opinion between bodies it makes)
_SIGNED_PAPER = re.compile(r"(?:责任书|承诺书|保证书|告知书|确认书|协议书|合同)(?:（[^（）]*）)?$")


def _made_by(kinds: set[str], title: str, own: OwnArea, text: str, end: int) -> bool:
    """Whether a verb that makes only some documents made this one: printing or making (印制, 制作) a document of
    its own, not copies of a rule (印制《某县…办法》口袋书1200册), another place's (印制《某市…条例》) nor the
    state's (印制《民法典》单行本); signing (签署, 签订) an agreement or a joint opinion, not a pledge or a
    contract (签订《安全生产责任书》)."""
    if "printing" in kinds and not (_others(title, own) or _national(title) or COPIES_AFTER.match(text, end)):
        return True
    return "signing" in kinds and not (_SIGNED_PAPER.search(title) or _others(title, own))


def _own_title(title: str, own: OwnArea) -> bool:
    """Whether a title begins with the report's own place (《某县…办法（送审稿）》 in 某县's report)."""
    places = area_table().leading_places(title[PARTY.match(title).end() :])
    return bool(places) and not _others(title, own)


def _verb_group(before: str) -> list[re.Match[str]]:
    """The last run of verbs in ``before`` (制定落实, 印发并执行: one act); only its last verb when other words,
    not titles, stand between it and the end."""
    group: list[re.Match[str]] = []
    for m in _verbs()[0].finditer(before):
        if group and not _VERB_GLUE.fullmatch(before[group[-1].end() : m.start()]):
            group = []
        group.append(m)
    if group and not _LIST_TAIL.fullmatch(before[group[-1].end() :]):
        group = group[-1:]
    return group


# the items of a list before a title (titles masked): separators, numbering, document numbers, dates, table cells
_LIST_ITEMS = re.compile(
    f"(?:[\x00\\s|｜、，,；;。\\-—=+│─┼┬┴├┤┌┐└┘{BULLETS}{ITEM_NUMBERS}]|"
    r"\d{1,3}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
    r"|[（(【\[]?[^（）()【】\[\]\x00\s|｜，。]{0,24}〔\d{4}〕\d{1,4}号[）)】\]]?|\d{4}[-.年/]\d{1,2}(?:[-.月/]\d{1,2}日?)?"
    r"|\d{1,3}(?=\s|$|\x00)|[^\s|｜│\x00，。；：:、]{1,6}(?=[ \t]*[|｜│\n])"  # also a table's header row and rule line
    # (a header row whose cells the cleaner ran together: 序号文件名称文号)
    r"|序号|文件名称|文件标题|名称|标题|文号|发文字号|发文时间|发布时间|印发时间|成文日期|施行日期|备注"
    r"|[（(](?:以下)?简称[^（）()\n]{0,24}[）)])*$"  # an item's alias: （以下简称《办法》）
)
_LIST_OPENER = re.compile(r"(?:分别是|分别为|具体如下|如下|具体为|包括|见下表)?[：:]$|(?:分别是|分别为|如下)$")
# a table's caption on a line of its own that names the table a list (某县2023年制发行政规范性文件目录): a list opener
_CAPTION = re.compile(r"(?:^|\n)([^\n：:。，,；;\x00]{4,40}(?:目录|清单|一览表))[ \t]*(?=\n)")


_LIST_BEFORE = 1200  # how far back the sentence opening a list of titles may stand (a list of a dozen documents)


# a title that is an item of a numbered list or a table's cell: 7.《…》, （三）《…》, | 《…》, | 7 | 《…》
_ITEM_MARK = re.compile(
    r"(?:^|\n|(?<=[|｜]))[ \t]*(?:\d{1,3}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
    r"|[|｜](?:[ \t]*\d{1,3}[ \t]*[|｜])?" + f"|[{BULLETS}{ITEM_NUMBERS}])" + r"[ \t]*$"
)


def _list_head_of(text: str, start: int, window: str) -> str | None:
    """The head of the list the title at ``start`` is an item of (:func:`_list_head`), looked for further back than
    a verb when the title is a numbered item or a cell and ``window`` cuts the head's sentence or holds only items
    (7.《…》（…〔2022〕15号）, the head ten items up)."""
    head = _list_head(window)
    if start <= _BEFORE or not _ITEM_MARK.search(window, max(0, len(window) - 10)):
        return head
    if head is not None and not window.startswith(head):
        return head
    return _list_head(_mask_titles(text[max(0, start - _LIST_BEFORE) : start]))


def _list_head(window: str) -> str | None:
    """The sentence that opens the list a title stands in, when it does (…制定出台规范性文件7件，均已报备。分别是：
    1.《甲》；2.《乙》, a table of titles after 如下：): the text of that sentence, to read its verb as the title's.
    None when the title follows no list opener."""
    opened = window[: _LIST_ITEMS.search(window).start()]
    found = _LIST_OPENER.search(opened)
    if found is None:
        return _caption(window)
    head = opened[: found.start()]
    cut = _last_sentence_end(head)
    # 。分别是： or 。文件目录如下（…）： opens a sentence that does nothing: the one before says what was done
    if not head[cut + 1 :].strip() or (cut > 0 and not _verbs()[0].search(head, cut + 1)):
        head = head[:cut]
        cut = _last_sentence_end(head)
    return head[cut + 1 :]


_BARE_ITEM_END = re.compile(r"[、，,。；;\n]|$")  # what follows a title that is only an item of a list (not 等…)
_IN_RUN_OF_TITLES = frozenset("\x00、和及与；; \t\n")  # a list of titles (masked) and what joins its items


def _continued(window: str, before: str, after: str) -> str:
    """``before`` (the clause of a title), or, when the title opens its clause right after a list of titles that a
    semicolon or a line break after 、 continues (印发了《甲》、《乙》；《丙》。 修订了《甲》、⏎《乙》、⏎《丙》) and
    is only an item itself (``after`` it, past a note: a separator or the end; not 《丙》经省人大常委会审议通过), the
    clause that list began in, whose verb is the title's too."""
    if before.strip() or not _BARE_ITEM_END.match(after, _NOTE.match(after).end()):
        return before
    tail = window.rstrip()
    if not tail or not (tail[-1] in "；;" or (tail[-1] == "、" and "\n" in window[len(tail) :])):
        return before
    if not tail[:-1].rstrip().endswith("\x00"):
        return before
    start = len(tail) - 1
    while start > 0 and window[start - 1] in _IN_RUN_OF_TITLES:  # (a scan back: linear, whatever the run)
        start -= 1
    head = window[:start]
    if _LIST_OPENER.search(head.rstrip()):
        return before  # the items of a list a sentence opens (…如下：⏎《甲》；⏎《乙》): its head says (_list_head)
    return head[_last_sentence_end(head) + 1 :] + "\x00"


def _caption(window: str) -> str | None:
    """The caption of the table a title is a row of, when only the table's rows stand between them (a caption's
    verb is its rows': 某县2023年制发行政规范性文件目录 ⏎ 序号 文件名称 文号 ⏎ 1 《…》); else None."""
    captions = list(_CAPTION.finditer(window))
    last = captions[-1] if captions else None
    rows = _LIST_ITEMS.match(window, last.end()) if last is not None else None
    if rows is None or rows.end() != len(window):  # (anything but rows between: no match at all)
        return None
    return last.group(1)


# after a list head's verb: the kind of document a government makes (年内印发的行政规范性文件如下：)
_OWN_LISTED = re.compile(r"的(?:主要|重要)?(?:行政)?规范性文件")


def role_of(text: str, start: int, end: int, own: OwnArea | None = None) -> str:
    """'issued' or 'cited' for the title at text[start:end] (see the module docstring)."""
    own = own or OwnArea.of(None)
    window = _mask_titles(text[max(0, start - _BEFORE) : start])  # masked first: a title may hold a line break
    before = window[_last_sentence_end(window) + 1 :]
    before = _continued(window, before, text[end : end + _AFTER])
    pattern, roles, topics = _verbs()
    group = _verb_group(before)
    listed = False
    if not group and (head := _list_head_of(text, start, window)) is not None:
        before, group, listed = head, _verb_group(head), True  # a list its head sentence opens: that sentence's verb
    who = doer(before[: group[0].start()], own) if group else None  # (the doer of the verb group, if any)
    completed = any(roles[m.group()] == "complete" for m in group) and who != "other"
    title = text[start + 1 : end - 1]
    if all(roles[m.group()] in ("light", "complete") for m in group):
        if group and _ASSISTING.search(before, 0, group[0].start()):
            return "cited"  # 配合县人大常委会完成《…》修订: the work is the body's it assists
        group = []  # 推进《…》立法工作: what follows the title says what is done to it
    if group and _OBJECT_TAKEN.match(before, group[-1].end()):
        group = []  # 制定《甲》，将《乙》…: the verb's object is the earlier title, not this one
    if group:
        kinds = {roles[m.group()] for m in group}
        if kinds == {"revised"}:  # 修订后的《某县…办法》自…起施行: revised by it (not 落实《甲》和新修订的《乙》)
            alone = who != "other" and not pattern.search(before, 0, group[0].start())
            return "issued" if alone and _own_title(title, own) and _TAKES_EFFECT.match(text, end) else "cited"
        if not (kinds & {"issued"} or _made_by(kinds, title, own, text, end)) or _topic_follows(text, end, topics):
            return "cited"
        attributive = before[group[-1].end() :].startswith("的")  # 新出台的《…》, 市政府印发的《…》
        if listed and attributive and who is None and _OWN_LISTED.match(before, group[-1].end()):
            return "issued"  # 年内出台的主要规范性文件如下：| 《…》 |: the documents the report lists as made
        if who == "other" or (attributive and who != "own"):
            return "cited"
        return "issued"
    hi = _LIST_OF_TITLES.match(text, end).end()  # the rest of a list of titles does not count against _AFTER
    hi = _NOTE.match(text, hi).end()  # nor a note in brackets: 《…》（简称“三年行动”）经…审议通过
    start_after = hi
    dated = _DATED.match(text, hi)  # (《…》于2023年5月10日经…审议通过: the window starts after the date)
    limit = _AFTER + (dated.end() - hi if dated else 0)
    while hi < len(text) and text[hi] not in CLAUSE_END and hi - start_after < limit:
        hi += 1
    after = _mask_titles(text[end:hi])
    after = re.sub(f"^(?:\x00|[、和及与]|{_BRACKET_NOTE})+", "", after)  # the rest of a list of titles, notes too
    after = after[_NOTE.match(after).end() :]
    after = after[_NEXT_VERB_DONE.match(after).end() :]
    if passed := _PASSED_BY.match(after) or _DRAFTED_BY.match(after):
        return "cited" if doer(passed.group("doer"), own) == "other" else "issued"
    if published := _PUBLISHED_BY.match(after):
        return "issued" if doer(published.group("doer"), own) == "own" else "cited"
    if (_AFTER_ISSUING.match(after) or (completed and _COUNTED_AS_MADE.match(after))) and not (
        _others(title, own) or _national(title)
    ):
        return "issued"
    if _DRAFT_LABEL.search(text, start, end) and _DRAFT_STEP.match(after) and _own_title(title, own):
        return "issued"  # 《某县…规定（送审稿）》经合法性审查后提交县政府常务会议审议: its own draft, being made
    return "cited"


# a draft's label at a title's end, and the steps a draft goes through after its title (公开征求意见, 合法性审查,
# 提交…审议, 报…审定): a draft of the report's own place is the government's own document, being made
_DRAFT_LABEL = re.compile(r"[（(](?:草案|送审稿|征求意见稿|修订稿|讨论稿|修订草案)[）)]》")
_DRAFT_STEP = re.compile(r"[^，,。；;]{0,16}?(?:征求意见|合法性审查|合法性审核|提交|提请|报请|报送|审定|审议)")
_NOTICE_OF = re.compile(r"关于(?:印发|发布|颁发)(?:《)?(.+?)(?:》)?的通知$")


def issued_by_own_notice(mentions: list[RegulationMention]) -> None:
    """A document this government issued with a notice of its own (《某市人民政府关于印发某市…工作要点的通知》,
    issued) is issued by it too, wherever the report names it (the notice's title says so)."""
    printed = {
        normalise_title(m.group(1))
        for mention in mentions
        if mention.role == "issued" and (m := _NOTICE_OF.search(mention.title))
    }
    for mention in mentions:
        if mention.title in printed and mention.category == "regulation":
            mention.role = "issued"
