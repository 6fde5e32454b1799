"""National laws named without 《》: 贯彻实施新修订的行政处罚法, 学习宣传宪法和民法典, 依据安全生产法.

Found by dictionary lookup of the law table's short names (kg/data/laws.csv) after a citing verb or in a list of
laws, and not where the name is part of another name (宪法宣传周, 民法典进社区).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.spans import SpanSet
from kg.lang.areas import area_table
from kg.lang.laws import law_table
from kg.lang.numerals import ARABIC_DIGIT_CLASS, CHINESE_NUMERAL_CHARS
from kg.lang.zh import CELL_EDGES, CELL_GAP, TIERS
from kg.resources import data_lines

_LEAD_WORDS = (
    r"贯彻|落实|执行|实施|依据|根据|按照|依照|遵照|学习|宣传|宣讲|讲解|解读|遵守|普及|涉及|聚焦|紧扣|紧盯|新修订的?|修订后的|"
    r"新修正的?|新修改的?|修改后的|新颁布的?|新(?:施行|实施|公布|出台|生效)的|违反|适用|运用|"
    r"熟悉|掌握|精读|精学|通读|研读|深学细悟|深学|诵读|崇尚|尊崇|维护|捍卫"
)
_LAW_LEAD = re.compile(f"(?:{_LEAD_WORDS}|新)了?$")  # (学习了行政处罚法; 新 alone only right before the name)
# a law framed by a coverb as the object of the clause: 以宪法为根本遵循, 把民法典作为…, 与行政处罚法不一致的文件,
# 围绕民法典实施, 对照行政许可法清理, 对民法典理解不深 (lead → what must follow the name; "" when nothing must)
_FRAMES = {
    "以": "为",
    "把": ("作为", "列入", "纳入"),  # (把退役军人保障法纳入必学内容, 将行政诉讼法列入学法清单)
    "将": ("作为", "列入", "纳入"),
    "与": ("不一致", "相抵触", "相冲突", "不符", "相违背"),
    "围绕": "",
    "对照": "",
    "对": tuple(f"{de}{verb}" for de in ("", "的") for verb in ("学习", "理解", "掌握", "运用", "执行", "贯彻")),
}
_FRAME_LEAD = re.compile(f"(?:{'|'.join(sorted(_FRAMES, key=len, reverse=True))})$")
_NAME_ENDINGS = ("法典", "法", "条例", "总则", "通则")  # (民法总则, 民法通则: the codes before 民法典)
_LAW_END = re.compile("|".join(_NAME_ENDINGS))  # (法典 before 法: the longer first)
# how items of a list of laws are joined (a comma typed half-width too; 行政处罚法; 行政许可法: a semicolon, spaced)
_LIST_JOIN = re.compile(r"^ ?(?:、|和|及|与|以及|，|,|；|;) ?$")
_LAW_GLUE = set("律规治院官庭制典条务理人系宣日进知读精意修学专定")  # 宪法宣传周, 民法典进社区, 行政处罚法律, …法定程序
_PROVISIONS = ("规定", "有关规定", "相关规定")  # 依据行政诉讼法规定: the law's provisions, not 法规 (…法律法规)
# a law as the subject of coming into force (湿地保护法自2022年6月1日起施行, 在法律援助法施行之际, 宪法颁布实施40周年);
# a …法 only, and not after a tier word (省物业管理条例自…起施行, 市…条例施行以来: a place's regulation)
_IN_FORCE_AFTER = re.compile(
    r"(?:正式|即将|已经?|全面)?(?:颁布实施|颁布施行|公布施行|施行|颁布)"
    r"|实施(?:以来|之际|[0-9一二三四五六七八九十]+周年)|自[^，,。；;\n]{2,16}起(?:正式)?施行"
)
# a place's rule that implements a law, named without 《》 (某省实施行政处罚法办法, 行政处罚法实施细则): not the law
_IMPLEMENTING_RULE_AFTER = ("办法", "实施办法", "实施细则", "细则", "若干规定", "实施条例")
_NUMERAL = ARABIC_DIGIT_CLASS + CHINESE_NUMERAL_CHARS
# the articles cited after a law, before the next item of its list (安全生产法第六十二条、第六十五条和…条例)
_ARTICLES = re.compile(f"(?:第[{_NUMERAL}]+[条款项](?:第[{_NUMERAL}]+[款项])*(?:[、，,和及与](?=第))?)*")
_TRAILING_ARTICLES = re.compile(f"(?:第[{_NUMERAL}]+[条款项])+$")
# the law named with the laws in general and no 、 between (宪法法律, 尊崇宪法法律: a set phrase of the constitution
# only; 民法典法律咨询 is a service about one law)
_WITH_LAWS_IN_GENERAL = ("宪法",)
_LAWS_IN_GENERAL = ("法律", "法规")
_NEXT_TOPIC = re.compile(r"(?:法律法规|法律|法规|党章|党规|党内法规|《)")
# what is studied with a law in one list (习近平法治思想和宪法, 党的十九大精神和宪法, 《…》和民法典)
_STUDY_TOPIC = re.compile(r"(?:习近平法治思想|法律法规|党章党规|党内法规|党章|党规|精神|《[^《》]*》)$")


@lru_cache(maxsize=1)
def _law_names() -> tuple[dict[str, str], int]:
    """Names of table laws and State Council regulations that end in 法/法典/条例/总则/通则 → full title, and the
    longest name's length."""
    names: dict[str, str] = {}
    for law in law_table().entries:
        # laws and the State Council's regulations, its own or issued with the Party's centre (信访工作条例)
        co_issued = "国务院" in law.issuer.split() and law.title.endswith("条例")
        if law.kind not in ("law", "administrative_regulation") and not co_issued:
            continue
        for name in law.names():
            if len(name) >= 2 and name.endswith(_NAME_ENDINGS):
                names.setdefault(name, law.title)
    return names, max((len(n) for n in names), default=0)


@lru_cache(maxsize=1)
def _name_endings() -> frozenset[str]:
    """Every ending of a table law name (民法典 → 典, 法典, 民法典): a text read backwards from a 法 can stop at
    the first piece that ends no name (依法, 法治…), instead of trying every length up to the longest name."""
    names, _ = _law_names()
    return frozenset(name[-length:] for name in names for length in range(1, len(name) + 1))


def _law_name_hits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the longest table law name ending at each 法/典/例/则 — a dictionary lookup per
    ending, because an alternation of a thousand names is slow to scan."""
    names, _ = _law_names()
    endings = _name_endings()
    hits: list[tuple[int, int, str]] = []
    for m in _LAW_END.finditer(text):
        end = m.end()
        found, length = 0, 1
        while length <= end and text[end - length : end] in endings:
            if length >= 2 and text[end - length : end] in names:
                found = length
            length += 1
        if found and hits and hits[-1][0] >= end - found:  # (土地管理法 within 土地管理法实施条例: the longer)
            hits.pop()
        if found and not (hits and hits[-1][1] > end - found):  # (one overlapping a name already found: none)
            hits.append((end - found, end, text[end - found : end]))
    return hits


def find_unbracketed_laws(text: str, blocked: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, full title) of table laws named without 《》 as the object of a verb or in a list of laws.

    A name counts after a citing word (贯彻实施, 学习宣传, 依据, 新修订的 …), as an item of a list (、/和) of
    laws, documents or study topics (习近平法治思想、宪法、民法典; 宪法、法律、法规), or alone in a table's cell;
    never when it is glued to a longer word (宪法宣传周, 民法典进社区, 乡村振兴促进法专题宣传, 行政处罚法律).
    """
    names, _ = _law_names()
    in_title = SpanSet(blocked)
    hits = [
        (s, e, n)
        for s, e, n in _law_name_hits(text)
        if not in_title.covers(s)
        and text[s - 1 : s] not in ("《", "〈", "<")
        and not _glued(text, e + int(_quoted(text, s, e)))
        and not text.startswith(_IMPLEMENTING_RULE_AFTER, e)
    ]
    out: list[tuple[int, int, str]] = []
    for i, (s, e, name) in enumerate(hits):
        quote = int(_quoted(text, s, e))  # (the “ before a quoted name: what comes before it is read)
        before = text[max(0, s - 8) : s - quote]
        joined_before = bool(_LIST_JOIN.match(before[-1:]) or before.endswith("以及"))
        join_at = s - quote - (2 if before.endswith("以及") else 1)
        item_before = text[_item_start(text, join_at) : join_at] if joined_before else ""
        gap = text[e : hits[i + 1][0]] if i + 1 < len(hits) else "x"
        next_is_law = bool(_LIST_JOIN.match(gap.strip("“”") or "x")) or gap == "”“"  # (“宪法”“民法典”: a list)
        after_law = bool(out) and (
            _joined_after_articles(text[out[-1][1] : s].strip("“”")) or text[out[-1][1] : s] == "”“"
        )
        next_is_topic = (_LIST_JOIN.match(text[e : e + 1]) and _NEXT_TOPIC.match(text, e + 1)) or (
            name in _WITH_LAWS_IN_GENERAL and text.startswith(_LAWS_IN_GENERAL, e) and not _glued(text, e + 2)
        )  # 宪法、法律、法规; 将宪法法律列入学法计划 (not 宪法法律进机关, 宪法法律知识竞赛: events' names)
        if (
            _LAW_LEAD.search(before)
            or _fills_a_cell(text, s, e)
            or (
                _IN_FORCE_AFTER.match(text, e)
                and name.endswith(("法", "法典"))
                and (s == 0 or text[s - 1] not in TIERS)
            )
            or _framed(text, before, e)
            or next_is_law
            or next_is_topic
            or after_law
            or (
                joined_before
                and (
                    _STUDY_TOPIC.search(_without_articles(item_before))
                    or _LAW_LEAD.search(re.sub(r"、[^、，,。；;]*$", "", item_before))
                    or _lead_then_local_rule(item_before)
                )
            )
        ):
            out.append((s, e, names[name]))
    return out


def _glued(text: str, end: int) -> bool:
    """Whether a longer word goes on from the name's end (宪法宣传周, 行政处罚法律), not its provisions or a verb
    (行政诉讼法规定, 行政复议法学习不够)."""
    return text[end : end + 1] in _LAW_GLUE and not text.startswith(_PROVISIONS + _verbs_after(), end)


@lru_cache(maxsize=1)
def _verbs_after() -> tuple[str, ...]:
    """kg/data/law_verbs_after.txt: the verbs after a name that leave it the law (行政复议法学习不够, 依照…法进行)."""
    return tuple(data_lines("law_verbs_after.txt"))


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether the name is in quotation marks of its own (学习“民法典”, 宣传“安全生产法”和“消防法”): read as if
    they were not there, the marks and what is glued outside them (“民法典”进社区) included."""
    return text[start - 1 : start] == "“" and text[end : end + 1] == "”"


def _lead_then_local_rule(item: str) -> bool:
    """Whether a list item before a law is a citing word and a place's rule named without 《》 (执行某省安全生产条例
    和安全生产法): the law is cited by the same word."""
    leads = list(_LAW_LEAD_ANYWHERE.finditer(item))
    if not leads:
        return False
    rest = item[leads[-1].end() :]  # (the last citing word before the rule)
    place = rest[:1] in TIERS or rest.startswith("自治区") or bool(area_table().leading_places(rest))
    return place and bool(_LOCAL_RULE.search(rest))


def _without_articles(item: str) -> str:
    """A list item without the articles cited at its end (《个人信息保护法》第十三条 → 《个人信息保护法》)."""
    return _TRAILING_ARTICLES.sub("", item)


def _joined_after_articles(gap: str) -> bool:
    """Whether ``gap``, between a law found and the next name, joins them in one list, after the articles cited
    of the first (、, 和 …; 第六十二条、第六十五条和)."""
    return _LIST_JOIN.match(gap[_ARTICLES.match(gap).end() :]) is not None


def _fills_a_cell(text: str, start: int, end: int) -> bool:
    """Whether the name is all a table's cell holds (| 3月 | 中华人民共和国行政处罚法 | 县司法局 |): a column of laws
    studied or applied is a list of laws."""
    before, after = text[max(0, start - 3) : start].rstrip(" "), text[end : end + 3].lstrip(" ")
    edges = tuple(CELL_EDGES + CELL_GAP)
    return before.endswith(edges) and after.startswith(edges)


def _item_start(text: str, join_at: int) -> int:
    """Where the list item before a join at ``join_at`` is read from: 30 characters back, or from its 《 when the
    item is a title, however long (《…关于全面禁止非法野生动物交易…的决定》和野生动物保护法)."""
    lo = max(0, join_at - 30)
    if text[join_at - 1 : join_at] == "》":
        opened = text.rfind("《", 0, join_at)
        lo = min(lo, opened) if opened >= 0 else lo
    return lo


def _framed(text: str, before: str, end: int) -> bool:
    """Whether the law name ending at ``end`` is framed by a coverb as its clause's object (:data:`_FRAMES`)."""
    lead = _FRAME_LEAD.search(before)
    return lead is not None and text.startswith(_FRAMES[lead.group()], end)


_LAW_LEAD_ANYWHERE = re.compile(f"(?:{_LEAD_WORDS})了?")  # (not 新 alone: the 新 of 新区 is no citing word)
_LIST_SEPARATOR = re.compile(r"[、，,]|以及|和(?!国)|及|与")  # (not the 和 of 中华人民共和国)
_LOCAL_RULE = re.compile(r"(?:条例|办法|规定|细则)(?:（[^（）]{1,10}）)?$")  # how a listed local rule ends


def laws_listed(inner: str) -> list[tuple[int, int]]:
    """The spans (in ``inner``) of the laws and rules a pair of brackets lists (《行政许可法、行政强制法》,
    《外商投资法和优化营商环境条例》, 《某省甲条例、某省乙办法》), when every item is a law of the table or a place's
    rule (its place first, a rule's ending last); else [] (《关于推进简政放权、放管结合的意见》 and
    《行政复议和行政诉讼工作办法》 are one document each)."""
    if not _LIST_SEPARATOR.search(inner):
        return []
    spans, lo = [], 0
    for m in [*_LIST_SEPARATOR.finditer(inner), None]:
        hi = m.start() if m else len(inner)
        if not _listed_item(inner[lo:hi]):
            return []
        spans.append((lo, hi))
        lo = m.end() if m else hi
    return spans


def _listed_item(item: str) -> bool:
    if law_table().of_any_version(item) is not None:
        return True
    return bool(_LOCAL_RULE.search(item)) and bool(area_table().leading_places(item))
