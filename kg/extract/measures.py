"""Named policy measures, reforms, campaigns and slogans.

Three ways a report names one:

1. a label of the shipped scheme (``ontology/measures.ttl``), quoted, with a word after the closing quote joined
   on (“八五”普法 → 八五普法); or unquoted when the concept is a coined name (the scheme's collection
   ``kgr:measures-coined-names``: 深化放管服改革, 推行证明事项告知承诺制) and the label is not too generic
   (``kg/data/measure_unquoted.txt``: 一件事, 双随机). General policy work (综合行政执法, 权责清单) is a measure
   only where the report quotes it;
2. a quoted phrase not in the scheme that reads like a slogan: it has a numeral (“一会一学”, “五减”), several parts
   (“马上办、网上办、掌上办”; over 24 characters only a formula of short parts: “职能科学、权责法定、…、人民满意”),
   or is a phrase the segmenter splits into words (“法润千企”) rather than one ordinary word (“一刀切”, “不打烊” — a
   quoted ordinary word is emphasis, not a name); with 的, digits only, an award, a system or a political formula
   (``kg/data/measure_not_names.txt``) it is not a measure;

Measures inside 《》 titles belong to the title. Scheme measures keep the scheme's IRI and prefLabel; new ones are
canonicalised (a trailing 改革/工作/活动 dropped, 双随机一公开 → 双随机、一公开).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.lost_brackets import LostTitles, document_endings, title_spans
from kg.extract.regulations import Titles, find_titles
from kg.extract.spans import SpanSet
from kg.lang.laws import law_table
from kg.lang.numerals import COUNTING_CHARS
from kg.lang.schemes import measure_scheme
from kg.lang.titles import names_a_document
from kg.lang.wordpattern import words_pattern
from kg.lang.zh import (
    CLAUSE_ENDS,
    CLOSE_QUOTES,
    FULLWIDTH_ALNUM,
    FUNCTION_CHARS,
    HAN_CLASS,
    is_han,
    quoted,
    without_quotes,
)
from kg.model import MeasureMention
from kg.read import Document
from kg.resources import data_csv, data_lines
from kg.segment import Segmenter

_QUOTED = quoted(2, 60)
_LONGEST_NAME = 24  # a quoted phrase longer than this is a measure only as a formula of short parts:
# an enumeration of three or more short parts: “职能科学、权责法定、…”
_FORMULA = re.compile(f"[{HAN_CLASS}]{{2,8}}(?:、[{HAN_CLASS}]{{2,8}}){{2,}}")
_TRAILING = re.compile(r"(?:改革|工作|活动)$")
_NUMERAL = re.compile(r"[一二两双三四五六七八九十百千万0-9０-９]")
_PARTS = re.compile(r"[、，,+＋·]")
# a coined formula of counted things (一规划两纲要, 一中心四平台, 一法一条例), not one count (三年行动)
_COUNT_FORMULA = re.compile(f"(?:[{COUNTING_CHARS}][^{COUNTING_CHARS}、，,]{{1,4}}){{2,4}}")
# a working brand named by the quoted phrase (“和为贵”调解品牌, “某某”社会治理服务品牌): an idiom quoted as a method
_BRAND_AFTER = re.compile(f"[{HAN_CLASS}]{{0,8}}?品牌")
_ALIAS_BEFORE = re.compile(r"(?:简称|统称|合称|下称)为?$")
_NOT_A_SLOGAN_END = re.compile(
    r"(?:示范[" + HAN_CLASS + r"]{0,3}|先进集体|先进单位|称号|系统|网站|公众号|客户端|APP|培训班|讲座|"
    r"大会|会议)$"
)
_CONTRAST = re.compile(r"^重[^、，,]{1,5}[、，,]轻[^、，,]{1,5}$")  # “重业务、轻法治”: a fault described, not a measure
_CATEGORY = re.compile(r"^[一二两三四五六七八九十]+(?:[类种]|级$)")  # “三类人员”, “四级”: a category, not a measure
_PLUS_FORMULA = re.compile(r"(?:\d{1,2}|[A-Za-z])(?:\+(?:\d{1,2}|[A-Za-z]))+")  # “1+N”, “1+3+N”: a system's shape
_DATE_NAME = re.compile(r"^\d{1,2}[.·]\d{1,2}")  # “6.14诚信关爱日”, “12·4”
_METHOD_ENDS = ("机制", "制度", "模式", "工程")  # what a long quoted name of a method ends with
# what names a working system right after a formula of digits and letters (“1+N”模式, “3+N”便民服务体系)
_SYSTEM_AFTER = re.compile(f"[{HAN_CLASS}]{{0,10}}?(?:{'|'.join((*_METHOD_ENDS, '体系', '工作法', '网络', '格局'))})")
_CLAUSE_BACK = 12  # characters before an opening quote searched for a word that governs the quoted phrase


def _key(label: str) -> str:
    return without_quotes(label).replace("＋", "+")


@lru_cache(maxsize=1)
def _scheme_index() -> dict[str, tuple[str, str]]:
    """Every scheme label (spaces and quotes removed) → (concept id, prefLabel)."""
    index: dict[str, tuple[str, str]] = {}
    for concept in measure_scheme():
        for label in concept.labels:
            index.setdefault(_key(label), (concept.id, concept.pref_label))
    return index


_LOOSE = str.maketrans(
    {"、": None, "，": None, ",": None, "·": None, **{str(d): c for d, c in enumerate("〇一二三四五六七八九")}}
)


def _loose(key: str) -> str:
    """A scheme key without the punctuation between its parts and with single digits as numerals: how a page may
    write a name differently (谁执法、谁普法, 放、管、服, 双随机，一公开, 最多跑1次)."""
    return key.translate(_LOOSE)


@lru_cache(maxsize=1)
def _loose_index() -> dict[str, tuple[str, str]]:
    """:func:`_scheme_index` by :func:`_loose` keys (the first label of a loose key keeps it)."""
    index: dict[str, tuple[str, str]] = {}
    for key, hit in _scheme_index().items():
        index.setdefault(_loose(key), hit)
    return index


@lru_cache(maxsize=1)
def _unquoted_pattern() -> re.Pattern[str]:
    """Labels of coined names (放管服, 枫桥经验) that count unquoted; not generic ones (一件事, 双随机)."""
    generic = {_key(w) for w in data_lines("measure_unquoted.txt")}
    labels = {_key(label) for c in measure_scheme() if c.coined for label in c.labels}
    labels = [k for k in labels if k not in generic and (len(k) >= 3 or _PARTS.search(k))]
    return re.compile(words_pattern(labels))


def canonical_measure(label: str) -> str:
    """A new measure's label: variants unified, a trailing 改革/工作/活动 dropped when the name stands alone."""
    t = _key(label)
    if t == "双随机一公开":
        return "双随机、一公开"
    if len(t) > 4 and _TRAILING.search(t):
        stem = _TRAILING.sub("", t)
        if len(stem) >= 2:
            return stem
    return t


def _looks_like_a_slogan(phrase: str, segmenter: Segmenter | None, after: str = "") -> bool:
    """Whether a quoted phrase (``after``: the text right after its closing quote) is shaped like a slogan or a
    method's name."""
    key = _key(phrase)
    bare = re.sub(r"[（(][^）)]*[）)]$", "", key)  # 示范旗县（市、区）
    if _PLUS_FORMULA.fullmatch(key.translate(FULLWIDTH_ALNUM)):
        # no Chinese character: the shape of a working system (“1+N”模式, “3+N”便民服务体系) when a system's word
        # follows; otherwise a list of tasks or tracks (“6+9”重点工作, “12+1”赛道)
        return bool(_SYSTEM_AFTER.match(after))
    if (
        not re.search(f"[{HAN_CLASS}]", key)
        or "的" in key
        or key in _not_names()
        or _NOT_A_SLOGAN_END.search(bare)
        or _CATEGORY.match(key)
        or _DATE_NAME.match(key)
        or _CONTRAST.match(key)
    ):
        return False
    if len(key) >= 6 and _a_rule_s_title(key):
        return False  # 制定“某县行政执法公示办法”: a document's title in quotation marks, not a method
    if len(key) > _LONGEST_NAME:
        return bool(_FORMULA.fullmatch(key))
    if len(key) > 12 and not _PARTS.search(key):
        return key.endswith(_METHOD_ENDS)  # a theme or a title, unless it names a mechanism (“…综合执法机制”)
    if _NUMERAL.search(key) or _PARTS.search(key):
        return True
    if segmenter is None:
        return len(key) >= 4
    return len(key) >= 3 and len(segmenter.cut(key)) >= 2


@dataclass(frozen=True)
class _Contexts:
    """Words around or inside a quoted phrase that show it is not a slogan or method (kg/data/measure_contexts.csv:
    problems, grades, groups of people, channels, honours)."""

    after: re.Pattern[str]  # right after the closing quote (after a run of quoted phrases and 等)
    before: re.Pattern[str]  # before the opening quote, within the clause
    ends: tuple[str, ...]  # the end of the phrase itself


@lru_cache(maxsize=1)
def _contexts() -> _Contexts:
    words: dict[str, list[str]] = {"after": [], "before": [], "ends": []}
    for row in data_csv("measure_contexts.csv"):
        words[row["side"]] += row["words"].split("|")

    before = f"(?:{words_pattern(words['before'])})[^{re.escape(CLAUSE_ENDS.replace('、', ''))}]*$"
    return _Contexts(re.compile(f"(?:{words_pattern(words['after'])})"), re.compile(before), tuple(words["ends"]))


def _a_rule_s_title(key: str) -> bool:
    """Whether a quoted phrase is the title of a rule or a plan (“某县行政执法公示办法”): it ends as one does, not
    with a law's name, which slogans quote (“学好用好民法典”), and is no coined formula of counts."""
    return key.endswith(_rule_endings()) and names_a_document(key) and not _COUNT_FORMULA.fullmatch(key)


@lru_cache(maxsize=1)
def _rule_endings() -> tuple[str, ...]:
    """The strong endings of kg/data/document_endings.txt but a law's (法, 法典)."""
    return tuple(e for e, strength in document_endings().items() if strength == "strong" and not e.startswith("法"))


def _not_a_slogan_here(text: str, start: int, end: int) -> bool:
    """The quoted phrase at ``text[start:end]`` (quotes included) names a problem, a grade, a group of people, a
    channel or an honour, by the words around it or its own last word. The words after a run of quoted phrases
    (“最爱某县”“云上某县”等平台, “甲”、“乙”等荣誉) speak of each phrase of the run."""
    found = _contexts()
    phrase = _key(text[start + 1 : end - 1])
    if _COUNT_FORMULA.fullmatch(phrase) and _ALIAS_BEFORE.search(text, max(0, start - 6), start):
        return False  # （以下统称“一规划两纲要”）: a coined formula of counts given as a name is still the measure
    if phrase.endswith(found.ends):
        return True
    after = _run_end(text, end, "")
    listed = _run_end(text, end, "、和及与")  # “甲”、“乙”等荣誉: a list the words after 等 speak of
    after = listed + 1 if text.startswith("等", listed) else after + text.startswith("等", after)
    # a manner (“枫桥式”, “某某牧骑式”) names a method: the team or the place after it is how it is carried out
    named_after = not phrase.endswith("式") and found.after.match(text, after)
    return bool(named_after or found.before.search(text[max(0, start - _CLAUSE_BACK) : start]))


def _closes_a_heading(text: str, start: int, end: int) -> bool:
    """A short quoted word that ends a heading line (a line of at most 40 characters with no sentence end):
    headings close on a figure of speech (筑牢法治政府建设“压舱石”, 打造营商环境“金名片”), measures they name go on
    (深化“放管服”改革). A measure of the scheme is found all the same."""
    if end < len(text) and text[end] != "\n" or end - start > 8:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line = text[line_start:end]
    return len(line) <= 40 and not any(c in line for c in "。；;！!？?")


def _run_end(text: str, end: int, separators: str) -> int:
    """Where a run of quoted phrases that starts before ``end`` ends (“甲”“乙”; with separators, “甲”、“乙”)."""
    while (nxt := _QUOTED.match(text, end + (text[end : end + 1] in tuple(separators)))) is not None:
        end = nxt.end()
    return end


def _org_after(text: str, pos: int) -> bool:
    from kg.extract.organisations import names_any_body_at  # noqa: PLC0415

    return names_any_body_at(text, pos)


@lru_cache(maxsize=1)
def _heads_pattern() -> re.Pattern[str]:
    """kg/data/measure_heads.txt: the nouns a quoted measure may stand before (改革, 工作, 模式)."""
    return re.compile(words_pattern(data_lines("measure_heads.txt")))


def _head_at(text: str, pos: int) -> str:
    """The longest head of kg/data/measure_heads.txt that stands at ``pos`` (“放管服”改革: 改革), or ""."""
    m = _heads_pattern().match(text, pos)
    return m.group() if m else ""


def _names_a_method(phrase: str) -> bool:
    """A quoted word before a reform or method noun (“承诺制”改革, “极简”审批) names that method: the rules for a
    slogan's shape do not apply, the exclusions do, and a law's name (“宪法”主题宣传) is the law publicised."""
    key = _key(phrase)
    if law_table().get(key) is not None:
        return False  # “宪法”主题宣传, “民法典”主题活动: a law publicised, not a method
    return bool(re.search(f"[{HAN_CLASS}]", key)) and "的" not in key and key not in _not_names() and len(key) >= 2


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(_key(w) for w in data_lines("measure_not_names.txt"))


_NOT_IN_NAME = "的" + FUNCTION_CHARS


def _name_run(text: str, pos: int) -> int:
    """How many characters (at most 4) of a name stand at ``pos`` before a body's ending could follow (的 and the
    function characters are never part of one: “…”的工作格局, “…”和法治政府建设 are no bodies)."""
    n = 0
    while n < 4 and pos + n < len(text) and is_han(text[pos + n]) and text[pos + n] not in _NOT_IN_NAME:
        n += 1
        if _org_after(text, pos + n):
            return n
    return 0


def extract_measures(
    doc: Document, segmenter: Segmenter | None = None, titles: Titles | None = None, lost: LostTitles | None = None
) -> list[MeasureMention]:
    text = doc.clean
    inside_titles = SpanSet(title_spans(text, find_titles(text) if titles is None else titles, lost))
    index = _scheme_index()
    out: list[MeasureMention] = []
    taken: list[tuple[int, int]] = []
    not_measures: list[tuple[int, int]] = []  # quoted phrases that the words around them name something else

    def add(start: int, end: int, label: str, concept: str | None) -> None:
        out.append(MeasureMention(span=doc.span(start, end), label=label, concept=concept))
        taken.append((start, end))

    for m in _QUOTED.finditer(text):
        if inside_titles.contains(m.start(), m.end()):
            continue
        phrase = m.group(1)
        if _org_after(text, m.end()) or _org_after(text, m.end() + _name_run(text, m.end())):
            not_measures.append(m.span())
            continue  # “五心”学院, “同心义警”志愿服务队: part of a body's name
        head = _head_at(text, m.end())
        hit = index.get(_key(phrase + head)) if head else None
        if hit:  # “放管服”改革: the concept of the whole; the span is the phrase, never a quotation mark
            add(m.start(1), m.end(1), hit[1], hit[0])
        elif _not_a_slogan_here(text, m.start(), m.end()):
            not_measures.append(m.span())
            continue
        elif hit := index.get(_key(phrase)) or _loose_index().get(_loose(_key(phrase))):
            add(m.start(1), m.end(1), hit[1], hit[0])
        elif _closes_a_heading(text, m.start(), m.end()):
            continue  # 夯实法治建设“压舱石” / 跑出营商环境“加速度”: a heading's figure of speech
        elif _looks_like_a_slogan(phrase, segmenter, text[m.end() : m.end() + 14]) or (
            (head or _BRAND_AFTER.match(text, m.end())) and _names_a_method(phrase)
        ):
            add(m.start(1), m.end(1), canonical_measure(phrase), None)
    quoted_taken, named_else, rejected = SpanSet(taken), SpanSet(not_measures), set(not_measures)
    for m in _unquoted_pattern().finditer(text):
        if inside_titles.contains(m.start(), m.end()) or quoted_taken.overlaps(m.start(), m.end()):
            continue
        quoted_alone = (m.start() - 1, m.end() + 1) in rejected  # “一网通办”专区: the measure, quoted, names it
        if named_else.contains(m.start(), m.end()) and not quoted_alone:
            continue  # 被评为“全省七五普法先进单位”: a longer name (an honour) that holds a measure is that name
        if text[m.start() - 1 : m.start()] in CLOSE_QUOTES:
            continue  # “不忘初心、牢记使命”主题教育: the end of the quoted campaign's name, not a measure of its own
        iri, label = index[m.group()]
        add(m.start(), m.end(), label, iri)
    out.sort(key=lambda mm: mm.span.start)
    return _short_forms_of_longer(out)


def _short_forms_of_longer(mentions: list[MeasureMention]) -> list[MeasureMention]:
    """A coined phrase that ends a scheme measure of the same report stands for it: after “高效办成一件事”, a
    quoted “一件事” is that measure again, not a new one. Only a scheme concept absorbs its tail: a coined list
    (“办事不出门、办事不见面”) leaves “不见面” its own measure."""
    labels = {m.label: m.concept for m in mentions if m.concept is not None}
    for m in mentions:
        if m.concept is None:
            longer = sorted((label for label in labels if label != m.label and label.endswith(m.label)), key=len)
            if longer:
                m.label, m.concept = longer[-1], labels[longer[-1]]
    return mentions
