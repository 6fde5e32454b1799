"""Named bodies: an ending of ``kg/data/org_endings.csv`` (司法局, 人民法院, 领导小组, 区委 …) with the name that
stands before it, read leftwards word by word until a verb or function word (``kg/data/org_stop_words.txt``).

Why word by word: a character rule cannot tell the 和 of 住房和城乡建设局 from the 和 of 区委和区政府, but the
segmenter (with the domain dictionary) keeps the first inside one word. Candidates are then checked:

* an ending that needs a place (人民政府, 人大, 区委) must have a place name or a tier character (区, 县, 镇,
  自治区 …) right before it — so 法治政府 and 人大政协监督 are not bodies, 县人民政府 and 盐池县委 are;
* a name that is a generic class or an abstract word (各部门, 乡镇人民政府, 大局, 智慧法院 —
  ``kg/data/org_not_names.txt``) is dropped;
* bodies inside 《》 titles are part of the title, not mentions;
* a body inside a longer one (区委 in 区委平安建设领导小组办公室) gives way to the longer one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.lost_brackets import LostTitles, title_spans
from kg.extract.org_bounds import (
    after_blank_between_bodies,
    after_measure_word,
    after_party_committee,
    fields_joined,
    outermost,
    without_quantifier,
)
from kg.extract.org_words import TIER_CHARS, is_place, name_words, word_list
from kg.extract.regulations import Titles, find_titles
from kg.extract.spans import SpanSet
from kg.lang.areas import area_table
from kg.lang.numerals import COUNTING_CHARS
from kg.lang.wordpattern import words_pattern
from kg.lang.zh import FUNCTION_CHARS, HAN_CLASS, TIERS, quoted
from kg.model import OrganisationMention
from kg.read import Document
from kg.read.banner import site_banner_end
from kg.resources import data_csv, data_lines
from kg.segment import Segmenter

_LEFT = 16  # the longest name part considered (银川市兴庆区委平安建设 …)
_LEFT_GROUP = 30  # working groups have long names (海西州深入推进依法行政加快建设法治政府工作领导小组)
_POSITION = re.compile(
    r"(?:原|前)?(?:副|常务副)?(?:院长|会长|书记|主任|局长|部长|主席|秘书长|庭长|检察长|所长|处长|科长|"
    r"队长|组长|委员|常委|理事长|校长)"
)
_QUOTE = quoted(1, 30, single=False)
_DECREE = re.compile(r"\s*(?:令\s*(?:第\s*)?\d{1,4}\s*号|第\s*\d{1,4}\s*号令)")
_NAME_CHARS = f"[{HAN_CLASS}（）()]"  # a name never crosses punctuation, digits or quotes
_WINDOW = {group: re.compile(f"{_NAME_CHARS}{{0,{n}}}+\\Z") for group, n in ((False, _LEFT), (True, _LEFT_GROUP))}


@dataclass(frozen=True)
class _Ending:
    text: str
    name: str  # place | any | self | group | none (see org_endings.csv)
    not_followed_by: tuple[str, ...]  # characters, or words where the field separates them with |


@lru_cache(maxsize=1)
def _endings() -> tuple[re.Pattern[str], dict[str, _Ending]]:
    rows = {
        r["ending"]: _Ending(r["ending"], r["name"], _followers(r["not_followed_by"] or ""))
        for r in data_csv("org_endings.csv")
    }
    pattern = re.compile(words_pattern(rows))
    return pattern, rows


def _followers(field: str) -> tuple[str, ...]:
    return tuple(field.split("|")) if "|" in field else tuple(field)


def ending_pattern() -> re.Pattern[str]:
    """The alternation of every body ending."""
    return _endings()[0]


def names_any_body_at(text: str, pos: int) -> bool:
    """An ending that makes a body of any name before it (…学院, …志愿服务队) starts at ``pos``; endings that need a
    place before them (政府, 委) do not count: “某某”政府开放月 names no body. Measures use it: “五心”学院 is a
    body's name, not a measure."""
    pattern, endings = _endings()
    m = pattern.match(text, pos)
    return (
        m is not None
        and endings[m.group()].name != "place"
        and not text.startswith(endings[m.group()].not_followed_by, m.end())
        and not _false_ending(text, m.end())  # “五位一体”总体布局, “大调解”工作格局: no bureau
    )


@lru_cache(maxsize=1)
def _stop_verbs() -> tuple[str, ...]:
    """The stop words of two characters or more: a word ending in one also ends a name (充分发挥)."""
    return tuple(w for w in word_list("org_stop_words.txt") if len(w) >= 2)


_STOP_TAGS = ("m", "q", "t", "p", "c", "u", "r", "d", "f", "v", "a", "ad", "y", "e", "o", "w", "i", "l")
_GENERIC_HEADS = (
    "部门",
    "单位",
    "机关",
    "各级",
    "乡镇",
    "镇街",
    "基层",
    "相关",
    "有关",
    "镇（街道）",
    "乡（镇）",
    "村（社区）",
    "村（居）",
    "苏木",
    "县（市）",
    "县（市、区）",
    "县市区",
    "辖区",
)
_DEICTIC = ("我", "本", "该", "各", "其", "此")
_ALL_OF_A_PLACE = re.compile(f"全[{TIERS}]")
_FIRM_ENDINGS = tuple(data_lines("org_firm_endings.txt"))  # 律师事务所: place + trade name (字号) + kind
_UNNAMED_FIRM = re.compile(r"(?<!某)某(?:律师|会计师|税务师)?$")  # 某 for the trade name, before the firm's kind
_TRADE_NAME = 6  # characters between the place and 事务所: a trade name of up to four, and 律师 or 公证
_FUNCTION_CHARS = FUNCTION_CHARS
# no town's name holds these (各街道办事处, 全镇人民政府, 原街道办事处, 12个镇)
_NOT_A_TOWN_S = FUNCTION_CHARS + "".join(_DEICTIC) + "全每诸的了个这那原新是"  # (二是部分乡镇…: no town 是)


_NUMERALS = COUNTING_CHARS + "0123456789"
_SETTLEMENTS = ("镇", "乡", "村", "街道", "苏木", "嘎查", "社区")  # the tiers a township's or village's name ends with


def _numbered_place_name(word: str) -> bool:
    """A word that begins with a numeral but names a place (四家子, 三道沟, 八里庄), not a count (两, 12个, 三家)."""
    counted = word[-1] in "个名家所处项件次"
    return word[0] in _NUMERALS and len(word) >= 2 and word.strip(_NUMERALS) != "" and not counted


_MANY = r"(?:\d*[2-9]\d*|\d{2,}|[两二三四五六七八九十百千万]+)"  # a count of more than one (46, 12, 两)
# a count right before a name (46个, 12家, 两个): bodies of a kind, not one named body
_COUNTED_BEFORE = re.compile(
    _MANY + r"(?:个|家|所|支|座|处)(?:嘎查|苏木|行政|乡镇|镇|乡|街道)?$"
)  # (157个嘎查村人民调解委员会: the bodies of 157 villages)


# a count right after a kind of body (建成便民服务站16个, 设立法官工作室3个): bodies of that kind, none named
_COUNTED_AFTER = re.compile(
    _MANY + r"(?:个|家|所|处|座)(?=[，,。；;、）)\s]|$)"
)  # (the count ends its phrase: 县人民法院4个派出法庭 counts the 法庭, not the court)
# a body set up in each of many places (全县11个乡镇全部设立综合行政执法队, 各街道均成立了调解委员会): a kind of body
_SET_UP_IN_EACH = re.compile(r"(?:全部|均|都|普遍|分别|各自)已?(?:设立|建立|成立|组建|设置|配备|建成|挂牌成立)了?$")


def _of_a_place(name: str) -> bool:
    """Whether a body's name begins with its place or tier (分别成立了县行政复议局: one named body, set up)."""
    return name[:1] in TIERS or area_table().starts_with_place(name)


def _field_before(word: str, ending_word: str, group: bool) -> bool:
    """A field word right before 管理局 (监督 of 政务服务监督管理局): part of the department's name, though it ends
    a name elsewhere (接受人大监督)."""
    return not group and ending_word == "管理局" and word in word_list("org_name_verbs.txt")


def _stops_name(word: str, tag: str, group: bool = False) -> bool:
    """Does this word end a name on its left? Stop words always; otherwise verbs, numerals, time words,
    prepositions … by their part of speech, except words that occur inside names (执法, 综合, 巡回). In a
    working group's name only the group stop words do (see org_endings.csv)."""
    if word[0] in _NUMERALS and not is_place(word) and not (tag.startswith("ns") and len(word) > 1):
        return True  # 三级综治中心, 一中心四平台: a count, not a name (三江源, 六盘山: a place's own name)
    if group:
        return (
            word in word_list("org_group_stop_words.txt")
            or (tag.startswith("v") and len(word) == 1)
            or (tag.startswith(("m", "q", "t", "w", "x")) and not word.isalpha())
        )
    if word in word_list("org_stop_words.txt") or word.endswith(_stop_verbs()):
        return True  # 充分发挥 ends with 发挥
    if word in word_list("org_name_verbs.txt") or is_place(word) or word == "本级":
        return False
    return tag.startswith(_STOP_TAGS) and not tag.startswith(("nr", "ns", "nt", "nz"))


def _window_start(text: str, start: int, group: bool) -> int:
    """Where the window read for the name before ``start`` begins: at most _LEFT (_LEFT_GROUP) characters back,
    never across punctuation, digits or quotes (the first place from which only name characters run to
    ``start``: one search in C, not a step back per character)."""
    left = _LEFT_GROUP if group else _LEFT
    return _WINDOW[group].search(text, max(0, start - left), start).start()


class _Names:
    """The name before each ending of ONE document, worked out once per distinct window: a report names the same
    body again and again (区司法局 in every paragraph), and the answer depends on the window alone."""

    def __init__(self, text: str, segmenter: Segmenter | None) -> None:
        self._text, self._segmenter = text, segmenter
        self._known: dict[tuple[str, int, bool], str] = {}

    def before(self, start: int, end: int, group: bool, place: bool = False) -> str:
        """The name part standing before the ending text[start:end] (:func:`_name_before`). For an ending that
        needs a place (``place``), "" without segmenting when the text before it ends with no place: the name is
        a suffix of that text, so it could not end with one either, and "" is refused just the same."""
        lo = _window_start(self._text, start, group)
        before = self._text[lo:start]
        if lo == start or place and not _ends_with_place(before) and not before.endswith("本级"):
            return ""
        key = (self._text[lo:end], start - lo, group)
        name = self._known.get(key)
        if name is None:
            name = self._known[key] = _name_before(*key, self._segmenter)
        return name


def _name_before(window: str, cut: int, group: bool, segmenter: Segmenter | None) -> str:
    """The name part standing before the ending window[cut:]: whole words, leftwards, until a word that ends
    it. The ending is segmented with its window, so that a dictionary word spanning both (全面依法治区委员会)
    keeps its head."""
    words = name_words(window, segmenter)
    offsets, pos = [], 0
    for word, _ in words:
        offsets.append(pos)
        pos += len(word)
    k = max(i for i, o in enumerate(offsets) if o <= cut)
    name_start = cut
    if offsets[k] < cut:  # a word runs across the ending's start (全面依法治区委员会, 进厅)
        if _stops_name(*words[k], group):
            return ""
        name_start = offsets[k]
    township = (k >= 1 and words[k - 1][0] in ("镇", "乡", "街道") and offsets[k] == cut) or window[cut:].startswith(
        ("街道办事处", "街道办", "镇人民政府", "乡人民政府", "镇政府", "乡政府")
    )  # (大南街道办事处: the street's own name, 大 tagged an adjective)
    zone = window[cut:] == "管委会"  # a zone's administrative committee
    firm = window[cut:].endswith(_FIRM_ENDINGS)
    for i in range(k - 1, -1, -1):
        word, tag = words[i]
        if firm and cut - offsets[i] <= _TRADE_NAME and any(t == "ns" for _, t in words[max(0, i - 2) : i]):
            name_start = offsets[i]  # a firm's trade name after its place (辽宁某某振江律师事务所): any characters
            continue
        if zone and words[i + 1][0] == "区" and tag.startswith("v") and len(word) == 2:
            name_start = offsets[i]  # a zone named by what it does (产业集聚区管委会, 经济技术开发区管委会)
            continue
        if i + 1 < len(words) and words[i + 1][0].startswith(_SETTLEMENTS) and _numbered_place_name(word):
            name_start = offsets[i]  # a settlement named with a numeral (四家子镇, 三道沟镇): its name, not a count
            continue
        place = fields_joined(words, i, len(window) - offsets[i] - 2) if word in ("和", "与") else None
        if place is not None:
            name_start = offsets[place]  # two fields of one department (县农牧水利和科技局): from the place on
            break
        if _stops_name(word, tag, group) and not (i == k - 1 and _field_before(word, words[k][0], group)):
            if township and _town_name_word(word, tag) and cut - offsets[i] <= 5:
                name_start = offsets[i]  # a town's own name (顾县镇, 团结街道): its words may tag as stops
                continue
            break
        name_start = offsets[i]
    name = window[name_start:cut]
    while name.count("（") + name.count("(") > name.count("）") + name.count(")"):
        name = name[1:]  # 党委（党组 …: a name does not start inside brackets
    return _after_other_body(without_quantifier(name.lstrip("）)")), window[cut:])


def _town_name_word(word: str, tag: str) -> bool:
    """Whether a word that ends names elsewhere may be part of a town's name before its tier (万良镇, 顾县镇, 大南
    街道, 团结街道, 八里罕镇): one character, or two that are no verb (通知乡人民政府, 帮助街道办事处: the verb before
    a town's government), never a determiner or a count (各街道办事处, 原街道办事处, 12个镇)."""
    if len(word) > 2 or any(c.isdigit() or c in _NOT_A_TOWN_S for c in word):
        return False
    if word in word_list("org_quantifiers.txt"):
        return False  # 部分乡镇人民政府, 少数街道办事处: some of them, none named
    return len(word) == 1 or (not tag.startswith("v") and word not in word_list("org_stop_words.txt"))


_PAIRED = re.compile(f"^.*?(?:委|政府|人大|政协|法院|检察院|监委)(?=[{TIERS}])")
_OFFICE_OF_THE_COMMITTEES_AREA = ("行署", "行政公署")  # 盟委行署, 地委行署: the committee, then the government


def _after_other_body(name: str, ending: str) -> str:
    """Bodies written as a pair (市委市政府, 县委县政府, 省委省政府; 盟委行署) are two bodies: the name part of the
    second starts after the first (its own ending finds the first)."""
    if ending in _OFFICE_OF_THE_COMMITTEES_AREA and name.endswith("委"):
        return ""
    m = _PAIRED.match(name)
    return name[m.end() :] if m else name


def _ends_with_place(name: str) -> bool:
    if name.endswith(TIER_CHARS) or name == "本级":
        return True
    table = area_table()
    return any(name[-k:] in table.by_name or name[-k:] in table.by_alias for k in range(2, min(len(name), 12) + 1))


def _acceptable(name: str, ending: _Ending) -> bool:
    if ending.name == "none":
        return not name
    core = name[2:] if name.startswith("中共") else name
    if not _balanced(name):
        return False  # 各党（工）委（党组）…: a name begins after a bracket closes, never inside one
    if core in word_list("org_not_names.txt") or name in word_list("org_not_names.txt"):
        return False
    deictic = core.startswith(_DEICTIC) and core != "本级" and not area_table().starts_with_place(core)  # (a place 本…)
    if core.startswith(_GENERIC_HEADS) or deictic or "我" in core:
        return False  # 部门法治政府建设领导小组 (each department's), 我局, 该中心
    if _ALL_OF_A_PLACE.match(core) and ending.name != "place" and not area_table().starts_with_place(core):
        return False  # 全县司法所, 全市人民调解委员会: every one of the place's, none named (全县人民政府 is its own)
    if ending.text in _FIRM_ENDINGS and _UNNAMED_FIRM.search(core):
        return False  # 聘请青海某律师事务所: a firm left unnamed on purpose (某某, a placeholder's place, is no 某)
    if ending.name == "self":
        return not core or _ends_with_place(core) or len(core) >= 2
    if not core:
        return False
    if ending.name == "place":
        return _ends_with_place(core)
    return True  # any, group


def _balanced(name: str) -> bool:
    depth = 0
    for ch in name:
        depth += (ch in "（(") - (ch in "）)")
        if depth < 0:
            return False
    return depth == 0


def _false_ending(text: str, end: int) -> bool:
    words, lengths = _false_endings()
    return any(text[end - n : end] in words for n in lengths if n <= end)


@lru_cache(maxsize=1)
def _false_endings() -> tuple[frozenset[str], tuple[int, ...]]:
    """kg/data/org_false_endings.txt, and the lengths of its words: a few slices per candidate, not one
    ``endswith`` per word."""
    words = word_list("org_false_endings.txt")
    return words, tuple(sorted({len(w) for w in words}))


def extract_organisations(
    doc: Document, segmenter: Segmenter | None = None, titles: Titles | None = None, lost: LostTitles | None = None
) -> list[OrganisationMention]:
    text = doc.clean
    pattern, endings = _endings()
    titles = find_titles(text) if titles is None else titles
    in_title = SpanSet(title_spans(text, titles, lost))
    quotes = SpanSet(m.span() for m in _QUOTE.finditer(text))
    bracketed = SpanSet((s, e) for s, e, _ in titles)
    names = _Names(text, segmenter)
    banner = site_banner_end(doc.text)  # (the site's name above its navigation: furniture, no mention)
    found: list[tuple[int, int]] = []
    for m in _ending_matches(text, pattern, endings):
        ending = endings[m.group()]
        if _false_ending(text, m.end()) or bracketed.covers(m.start()):
            continue  # inside 《》: a name never reaches back past the 《, so the title would hold it too
        kind = ending.name
        if kind == "none" and text[m.start() - 1 : m.start()] == "全":
            continue  # 全国办理: 国办 spelt by accident
        name = "" if kind == "none" else names.before(m.start(), m.end(), kind == "group", kind == "place")
        if not _acceptable(name, ending):
            continue
        if name == "本级":
            name = ""  # 本级人大常委会: the body is named by its ending; 本级 only says whose
        start = after_blank_between_bodies(doc, m.start() - len(name), m.start(), pattern)
        start = after_party_committee(text, start, m.start())
        start = after_measure_word(text, start, m.start())
        if in_title.covers(start) or quotes.strictly_contains(start, m.end()) or doc.to_text(start) < banner:
            continue  # part of a document's title, or of a quoted name (“山东地税电子税务局”上线)
        if _POSITION.match(text, m.end()):
            continue  # 最高人民法院原副院长: a person's position, not a mention of the body
        if _DECREE.match(text, m.end()):
            continue  # 国务院令第713号, 某省人民政府第17号令: a decree's number, as a title holds its issuer
        before = text[max(0, start - 8) : start]
        set_up_in_each = _SET_UP_IN_EACH.search(before) and not _of_a_place(text[start : m.end()])
        if _COUNTED_BEFORE.search(before) or set_up_in_each or _COUNTED_AFTER.match(text, m.end()):
            continue  # 46个社区人民调解委员会, 各乡镇均设立综合执法队, 便民服务站16个: bodies of a kind, none named
        found.append((start, m.end()))
    return [OrganisationMention(span=doc.span(s, e), name=text[s:e]) for s, e in outermost(found)]


def _ending_matches(text: str, pattern: re.Pattern[str], endings: dict[str, _Ending]) -> Iterator[re.Match[str]]:
    """The endings of the text, leftmost first; where one is followed by what shows it is part of another word, the
    scan goes on inside it (委办 of 县委办公室 is not an ending: 办公室, which starts inside it, is)."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        if text.startswith(endings[m.group()].not_followed_by, m.end()):
            pos = m.start() + 1
            continue
        yield m
        pos = m.end()
