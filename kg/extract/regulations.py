"""Documents named in a report: 《》 titles (with nested inner titles), well-known laws named without 《》, aliases a
report defines, document numbers, and each document's role — issued by this government, or cited.

Recognition is a bounded bracket scan (:func:`find_titles`), never a regex that could run away on an unbalanced
《. A title's role is read from its clause (:func:`role_of`): the nearest role verb before it
(``kg/data/regulation_verbs.txt``) wins — titles of a list share the verb before the list, because the other titles
are masked — and an issuing verb counts only if its doer is not another or a higher body (市政府印发《…》 in a
county's report is the city's document, which the county follows), and, in an attributive clause (新出台的《…》),
only if the doer is named as this government. With no verb before it, an issuing verb right after the title
(《…办法》已印发实施, 完成《…》的起草) makes it issued. Everything else is cited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.lang.areas import TIER_RANK, area_table, tier_words
from kg.lang.laws import law_table
from kg.model import AreaRef, RegulationMention
from kg.read import Document
from kg.resources import data_csv, data_lines
from kg.lang.titles import normalise_title
from kg.lang.zh import SENTENCE_ENDS, TIERS, quoted

MAX_TITLE = 160
_INNER = re.compile(r"[<〈＜‹]([^<>〈〉＜＞‹›《》\n]{2,120})[>〉＞›]")
_SENTENCE_END = SENTENCE_ENDS
_CLAUSE_END = _SENTENCE_END + "，,：:"
_BEFORE = 200  # how far back a verb may stand from its title (titles in between are masked and not counted)
_AFTER = 24
_NOT_A_TITLE = re.compile(r"[。；！？]")
_QUOTED_ALIAS = quoted(1, 16, single=False)
_ALIAS = re.compile(r"\s*[（(]\s*(?:以下|下文)?(?:简称|称)\s*[《“\"「]?([^》”\"」）)，,。\s]{1,16})[》”\"」]?\s*[）)]")
_DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,6}\s*[〔\[［【（(]\s*(?:19|20)\d\d\s*[〕\]］】）)]\s*(?:第\s*)?\d{1,4}\s*号"
    r"|(?:中华人民共和国)?(?:国务院|[\u4e00-\u9fff]{1,10}(?:部|委员会|人民政府|政府))令\s*(?:第\s*)?\d{1,4}\s*号"
)
# An issuing office's code (国发, 宁政办发, 厅字) is a few characters; the words before it are not part of it.
_NOT_IN_OFFICE_CODE = set("的了是在和及与以对将把为按照据依实落贯于经由省市县区府厅局室会部委")
_AFTER_ISSUING = re.compile(r"^[^，,。；;]{0,6}?(?:的)?(?:起草|制定|修订|编制|印发|出台|发布|颁布|审议通过|通过|公布)")
_VERB_GLUE = re.compile(r"[了并和及、与]?|并且")
_OBJECT_TAKEN = re.compile(r"[了并]?\x00+[^，,；;]*[，,；;]")
_LIST_TAIL = re.compile(r"[了并和及、与等\x00\s]*")  # between a verb group and its title: only other titles
_NEXT_VERB_DONE = re.compile(r"^(?:已|已经|正式|于[^，,。；;]{1,12})?")


@lru_cache(maxsize=1)
def _verbs() -> tuple[re.Pattern[str], dict[str, str], tuple[str, ...]]:
    """One alternation of every role verb, longest first (印发实施 before 实施), each verb's role, and the topic
    words that make a title the subject of something else."""
    roles: dict[str, str] = {}
    topics: list[str] = []
    for line in data_lines("regulation_verbs.txt"):
        role, _, verb = line.partition(" ")
        if role == "topic":
            topics.append(verb.strip())
        else:
            roles[verb.strip()] = role
    pattern = re.compile("|".join(re.escape(v) for v in sorted(roles, key=len, reverse=True)))
    return pattern, roles, tuple(topics)


@lru_cache(maxsize=1)
def _categories() -> list[tuple[re.Pattern[str], str]]:
    """(pattern, category) rows of ``kg/data/title_categories.csv``, tried in order; the first match wins."""
    return [(re.compile(r["pattern"]), r["category"]) for r in data_csv("title_categories.csv")]


@lru_cache(maxsize=8)
def find_titles(text: str) -> tuple[tuple[int, int, int | None], ...]:
    """(start, end, parent) of every 《…》 in text, brackets included; nested 《》 get their parent's index.

    A bounded scan, not a regex: an unbalanced 《 never makes it look further than MAX_TITLE characters. Every
    extractor needs the titles of the same text, so the last few results are kept.
    """
    out: list[tuple[int, int, int]] = []
    stack: list[int] = []  # start positions of open 《
    for i, ch in enumerate(text):
        if ch == "《":
            if stack and i - stack[0] > MAX_TITLE:
                stack.clear()
            stack.append(i)
        elif ch == "》" and stack:
            start = stack.pop()
            if i - start <= MAX_TITLE:
                out.append((start, i + 1, len(stack)))  # depth for now
        elif ch == "\n" and stack and text[stack[-1] : i].count("\n") >= 2:
            stack.clear()  # a title never spans paragraphs; the reader already joined page breaks
    out.sort()
    result: list[tuple[int, int, int | None]] = []
    for idx, (start, end, depth) in enumerate(out):
        parent = None
        if depth:
            for j in range(idx - 1, -1, -1):
                if out[j][0] < start and out[j][1] >= end:
                    parent = j
                    break
        result.append((start, end, parent))
    return tuple(result)


_MEDIA_AFTER = re.compile(r"(?:栏目|节目|专栏|专题片|频道|电视节目|广播节目|微电影|短视频|公众号)")
# a lecture or speech titled 《…》: 作《习近平法治思想》专题辅导, 主讲《…》, 题为《…》的报告
_SPEECH_AFTER = re.compile(r"(?:专题辅导|辅导报告|专题讲座|讲座|专题报告|专题党课|党课|宣讲报告|授课|主题演讲|讲话)")
_SPEECH_BEFORE = re.compile(r"(?:主讲|讲授|题为|为题)$")
_COPIES_AFTER = re.compile(r"[0-9０-９,，一二三四五六七八九十百千万余多近约]+(?:册|本)")


def _category_from_context(text: str, start: int, end: int, title: str) -> str:
    """What the words after a title say it is: 《法治某县》栏目 is a programme; 编印《某某故事》5000册 a booklet (unless
    the title is a law of the table: 发放《宪法》5000册 still names the constitution)."""
    if _MEDIA_AFTER.match(text, end):
        return "media"
    if (_SPEECH_AFTER.match(text, end) or _SPEECH_BEFORE.search(text, 0, start)) and law_table().get(title) is None:
        return "speech"
    if _COPIES_AFTER.match(text, end) and law_table().get(title) is None:
        return "book"
    return "regulation"


def categorise(title: str) -> str:
    """Whether a title names a regulation or something else (report, project, book, media, other)."""
    for pattern, category in _categories():
        if pattern.search(title):
            return category
    return "regulation"


# --- role -----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class OwnArea:
    """What the report's own government looks like in text: its place names, its tier, and whether a 市 word
    (市政府, 市委) means itself — it does in a county-level city's report."""

    names: tuple[str, ...] = ()
    level: str = "county"
    city_is_self: bool = False

    @classmethod
    def of(cls, area: AreaRef | None) -> "OwnArea":
        if area is None:
            return cls()
        a = area_table().by_code.get(area.code)
        names = {area.name, *([a.short] if a is not None and a.short else [])}
        return cls(tuple(sorted(names, key=len, reverse=True)), area.level,
                   area.level == "county" and area.name.endswith("市"))


def _mask_titles(text: str) -> str:
    return re.sub(r"《[^《》\n]*》", lambda m: "\x00" * len(m.group()), text)


def _doer(before_verb: str, own: OwnArea) -> str | None:
    """Who does an issuing verb, by the last body named in its clause before it: 'own' (我县, 区政府, the
    report's own place), 'other' (another place, or a tier above the report's: 市政府印发 in a county report,
    国务院公布), or None when the clause names nobody."""
    lo = len(before_verb)
    while lo > 0 and before_verb[lo - 1] not in _CLAUSE_END + "、\x00":
        lo -= 1
    segment = before_verb[lo:].strip()
    if not segment:
        return None
    found: list[tuple[int, str]] = []  # (position, verdict)
    places = area_table().find(segment)
    for s, _, name in places:
        found.append((s, "own" if name in own.names else "other"))
    for word, tier in tier_words():
        i = segment.rfind(word)
        if i < 0 or (len(word) == 1 and i != 0) or any(s <= i < e for s, e, _ in places):
            continue  # a one-character tier word only opens the clause (市政府…); 潍坊市人民政府 is a place's
        self_city = tier == "prefecture" and word.startswith("市") and own.city_is_self
        found.append((i, "own" if self_city or TIER_RANK[tier] <= TIER_RANK[own.level] else "other"))
    for m in re.finditer(f"我[{TIERS}局委]|本级|本部门|全[{TIERS}]", segment):
        found.append((m.start(), "own"))
    for name in own.names:
        i = segment.rfind(name)
        if i >= 0:
            found.append((i, "own"))
    return max(found)[1] if found else None


def role_of(text: str, start: int, end: int, own: OwnArea | None = None) -> str:
    """'issued' or 'cited' for the title at text[start:end] (see the module docstring)."""
    own = own or OwnArea.of(None)
    lo = start
    while lo > 0 and text[lo - 1] not in _SENTENCE_END and start - lo < _BEFORE:
        lo -= 1
    before = _mask_titles(text[lo:start])
    pattern, roles, topics = _verbs()
    group: list[re.Match[str]] = []  # the last run of verbs (制定落实, 印发并执行): one act
    for m in pattern.finditer(before):
        if group and not _VERB_GLUE.fullmatch(before[group[-1].end() : m.start()]):
            group = []
        group.append(m)
    if group and not _LIST_TAIL.fullmatch(before[group[-1].end():]):
        group = group[-1:]
    if group and _OBJECT_TAKEN.match(before, group[-1].end()):
        group = []  # 制定《甲》，将《乙》…: the verb's object is the earlier title, not this one
    if group:
        issuing = [m for m in group if roles[m.group()] == "issued"]
        if not issuing or text.startswith(topics, end):
            return "cited"
        doer = _doer(before[: group[0].start()], own)
        attributive = before[group[-1].end():].startswith("的")  # 新出台的《…》, 市政府印发的《…》
        if doer == "other" or (attributive and doer != "own"):
            return "cited"
        return "issued"
    hi = end
    while hi < len(text) and text[hi] not in _CLAUSE_END and hi - end < _AFTER:
        hi += 1
    after = _mask_titles(text[end:hi])
    after = re.sub(r"^(?:\x00|[、和及与])+", "", after)  # the rest of a list of titles
    after = after[_NEXT_VERB_DONE.match(after).end():]
    if _AFTER_ISSUING.match(after):
        return "issued"
    return "cited"


# --- aliases, document numbers, unbracketed laws ------------------------------------------------------------

def _alias_after(text: str, end: int) -> tuple[str, int, int] | None:
    """(alias, start, end) of a 以下简称《条例》 right after a title, if any."""
    m = _ALIAS.match(text, end, min(len(text), end + 30))
    if not m:
        return None
    return normalise_title(m.group(1)), m.start(), m.end()


def _document_number(text: str, start: int, end: int) -> str | None:
    """A document number standing right after a title (in brackets) or right before it."""
    after = text[end : end + 40]
    m = re.match(r"\s*[（(]?\s*(" + _DOC_NUMBER.pattern + r")", after)
    if not m:
        m = re.search(r"(" + _DOC_NUMBER.pattern + r")\s*[）)]?\s*(?:文件)?$", text[max(0, start - 30) : start])
    if not m:
        return None
    number = re.sub(r"\s+", "", m.group(1))
    code_len = re.match(r"[\u4e00-\u9fff]*", number).end()
    stops = [i for i in range(code_len) if number[i] in _NOT_IN_OFFICE_CODE and code_len - i - 1 >= 2]
    return number[stops[-1] + 1 :] if stops else number


_LAW_LEAD = re.compile(r"(?:贯彻|落实|执行|实施|依据|根据|按照|依照|遵照|学习|宣传|宣讲|解读|遵守|普及|新修订的?|修订后的|"
                       r"新修正的?|新颁布的?|新|违反|适用|运用)$")
_LAW_END = re.compile(r"法典|法|条例")
_LIST_JOIN = re.compile(r"^(?:、|和|及|与|以及|，)$")
_LAW_GLUE = set("律规治院官庭制典条务理人系宣日进知读精意修学专")  # 宪法宣传周, 民法典进社区, 行政处罚法律…
_NEXT_TOPIC = re.compile(r"(?:法律法规|法律|法规|党章|党规|党内法规|《)")
_STUDY_TOPIC = re.compile(r"(?:习近平法治思想|法律法规|党章党规|党内法规|党章|党规|《[^《》]*》)$")


@lru_cache(maxsize=1)
def _law_names() -> tuple[dict[str, str], int]:
    """Names of table laws that end in 法/法典/条例 → full title, and the longest name's length."""
    names: dict[str, str] = {}
    for law in law_table().entries:
        if law.kind not in ("law", "administrative_regulation"):
            continue
        for name in law.names():
            if len(name) >= 2 and name.endswith(("法", "法典", "条例")):
                names.setdefault(name, law.title)
    return names, max((len(n) for n in names), default=0)


def _law_name_hits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the longest table law name ending at each 法/典/例 — a dictionary lookup per
    ending, because an alternation of a thousand names is slow to scan."""
    names, longest = _law_names()
    hits: list[tuple[int, int, str]] = []
    for m in _LAW_END.finditer(text):
        end = m.end()
        for length in range(min(longest, end), 1, -1):
            name = text[end - length : end]
            if name in names:
                if hits and hits[-1][1] > end - length:
                    break  # overlaps a name already found
                hits.append((end - length, end, name))
                break
    return hits


def find_unbracketed_laws(text: str, blocked: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, full title) of table laws named without 《》 as the object of a verb or in a list of laws.

    A name counts after a citing word (贯彻实施, 学习宣传, 依据, 新修订的 …), or as an item of a list (、/和) of
    laws, documents or study topics (习近平法治思想、宪法、民法典; 宪法、法律、法规); never when it is glued to a
    longer word (宪法宣传周, 民法典进社区, 乡村振兴促进法专题宣传, 行政处罚法律).
    """
    names, _ = _law_names()
    hits = [(s, e, n) for s, e, n in _law_name_hits(text) if not any(bs <= s < be for bs, be in blocked)
            and text[s - 1 : s] not in ("《", "〈", "<") and text[e : e + 1] not in _LAW_GLUE]
    out: list[tuple[int, int, str]] = []
    for i, (s, e, name) in enumerate(hits):
        before = text[max(0, s - 8) : s]
        joined_before = bool(_LIST_JOIN.match(before[-1:]) or before.endswith("以及"))
        item_before = text[max(0, s - 30) : s - (2 if before.endswith("以及") else 1)] if joined_before else ""
        next_is_law = i + 1 < len(hits) and _LIST_JOIN.match(text[e : hits[i + 1][0]] or "x")
        next_is_topic = _LIST_JOIN.match(text[e : e + 1]) and _NEXT_TOPIC.match(text, e + 1)
        if (_LAW_LEAD.search(before) or next_is_law or next_is_topic
                or (joined_before and (_STUDY_TOPIC.search(item_before) or (out and out[-1][1] == s - 1)
                                       or _LAW_LEAD.search(re.sub(r"、[^、，。；]*$", "", item_before))))):
            out.append((s, e, names[name]))
    return out


# --- the extractor --------------------------------------------------------------------------------------------

def _surface(doc: Document, start: int, end: int) -> str:
    """The title as written (without its outer brackets), line breaks of the source removed."""
    span = doc.span(start, end)
    inner = span.text
    if inner[:1] in "《<〈＜" and inner[-1:] in "》>〉＞":
        inner = inner[1:-1]
    inner = inner.lstrip("<＜").rstrip(">＞")  # <<…>> titles
    return inner.replace("\n", "")


def extract_regulations(doc: Document, area: AreaRef | None = None) -> list[RegulationMention]:
    """Every document the report names, with its role; nested titles point at their parent (``parent``)."""
    text = doc.clean
    own = OwnArea.of(area)
    mentions: list[RegulationMention] = []
    index_of: dict[int, int] = {}  # title list index → mention index
    aliases: dict[str, str] = {}  # alias → full title
    alias_spans: list[tuple[int, int]] = []
    titles = find_titles(text)
    for idx, (start, end, parent) in enumerate(titles):
        if any(s <= start < e for s, e in alias_spans):
            continue  # the 《条例》 of 以下简称《条例》 is not a new document
        inner = text[start + 1 : end - 1]
        if not inner.strip() or _NOT_A_TITLE.search(inner):
            continue
        title = normalise_title(inner)
        alias_of = aliases.get(title) or (_abbreviated(title, mentions) if parent is None else None)
        category = categorise(alias_of or title)
        if alias_of is None and title in _short_forms():
            category = "unresolved"  # 《方案》 with no full title to stand for: a mention, never a document
        if category == "regulation" and parent is None:
            category = _category_from_context(text, start, end, title)
        role = role_of(text, start, end, own) if parent is None else "cited"
        index_of[idx] = len(mentions)
        mention = RegulationMention(
            span=doc.span(start, end),
            title=alias_of or title,
            surface=_surface(doc, start, end),
            role=role,
            parent=index_of.get(parent) if parent is not None else None,
            alias=title if alias_of else None,
            category=category,
        )
        if parent is None:
            mention.document_number = _document_number(text, start, end)
            defined = _alias_after(text, end)
            if defined and defined[0] != title:
                aliases[defined[0]] = title
                alias_spans.append((defined[1], defined[2]))
        mentions.append(mention)
        if parent is None:
            outer_index = len(mentions) - 1
            for m in _INNER.finditer(inner):
                s = start + 1 + m.start()
                mentions.append(
                    RegulationMention(
                        span=doc.span(s, s + len(m.group())),
                        title=normalise_title(m.group(1)),
                        surface=m.group(1).replace("\n", ""),
                        role="cited",
                        parent=outer_index,
                        category=categorise(m.group(1)),
                    )
                )
    blocked = [(s, e) for s, e, _ in titles]
    if aliases:  # 简称“纲要”: later quoted uses of the alias name the document too
        defined_at = {a: s for (a, (s, _)) in zip(aliases, alias_spans)}
        for m in _QUOTED_ALIAS.finditer(text):
            alias = normalise_title(m.group(1))
            if alias in aliases and m.start() > defined_at[alias] + 4 and not any(
                    s <= m.start() < e for s, e in blocked + alias_spans):
                mentions.append(RegulationMention(span=doc.span(m.start(), m.end()), title=aliases[alias],
                                                  surface=m.group(1), role=role_of(text, m.start(), m.end(), own),
                                                  alias=alias))
    for s, e, full in find_unbracketed_laws(text, blocked):
        mentions.append(RegulationMention(span=doc.span(s, e), title=full, surface=text[s:e], role="cited",
                                          bracketed=False))  # a national law is never this government's
    mentions.sort(key=lambda m: m.span.start)
    return _link_parents(mentions)


@lru_cache(maxsize=1)
def _short_forms() -> frozenset[str]:
    return frozenset(data_lines("regulation_short_forms.txt"))


_TRAILING_RANGE = re.compile(r"（[^（）]*(?:19|20)\d\d[^（）]*）$")


def _abbreviated(title: str, earlier: list[RegulationMention]) -> str | None:
    """The full title a bare short form (《纲要》, 《方案》) stands for: the nearest earlier document of that kind
    (its title, a year range aside, ends with the short form)."""
    if title not in _short_forms():
        return None
    for m in reversed(earlier):
        if m.category == "regulation" and m.alias is None and m.title != title \
                and _TRAILING_RANGE.sub("", m.title).endswith(title):
            return m.title
    return None


def _link_parents(mentions: list[RegulationMention]) -> list[RegulationMention]:
    """After sorting by position, point each nested title at its enclosing title's index."""
    for i, m in enumerate(mentions):
        if m.parent is None:
            continue
        m.parent = next((j for j in range(i - 1, -1, -1)
                         if mentions[j].span.start < m.span.start and mentions[j].span.end >= m.span.end), None)
    return mentions
