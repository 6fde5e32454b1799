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
from collections.abc import Callable

from kg.extract.doers import OwnArea
from kg.extract.laws import find_unbracketed_laws, laws_listed
from kg.extract.lost_brackets import LostTitles, lost_title_spans
from kg.extract.roles import inner_role, issued_by_own_notice, role_of
from kg.extract.short_forms import abbreviated, short_form
from kg.extract.spans import SpanSet
from kg.extract.title_kinds import categorise, category_from_context
from kg.extract.title_repeats import follow_renamed, take_written_again, tier_written_before
from kg.lang.titles import normalise_title, range_after
from kg.lang.zh import HAN_CLASS, INNER_TITLE_CLOSES, INNER_TITLE_OPENS, SENTENCE_ENDS, quoted
from kg.model import AreaRef, RegulationMention
from kg.read import Document

# An issuing office's code (国发, 宁政办发, 厅字) is a few characters; the words before it are not part of it.
_NOT_IN_OFFICE_CODE = set("的了是在和及与以对将把为按照据依实落贯于经由省市县区府厅局室会部委")
Titles = tuple[tuple[int, int, int | None], ...]
"""A document's 《》 titles: (start, end, index of the enclosing title or None), in clean-text offsets."""

MAX_TITLE = 160
_TITLE_MARKS = re.compile("[《》\n]")  # what find_titles looks at
_INNER = re.compile(
    f"[{INNER_TITLE_OPENS}]([^{INNER_TITLE_OPENS}{INNER_TITLE_CLOSES}《》\\n]{{2,120}})[{INNER_TITLE_CLOSES}]"
)
_SENTENCE_END = SENTENCE_ENDS
_CLAUSE_END = _SENTENCE_END + "，,：:"
_BEFORE = 200  # how far back a verb may stand from its title (titles in between are masked and not counted)
_AFTER = 24
_NOT_A_TITLE = re.compile(r"[。；！？]")
_QUOTED_ALIAS = quoted(1, 16, single=False)
# (以下简称《条例》, 简称“三年行动”, both marks: 以下简称“《创建条例》”; after the document's number:
# （某政发〔2021〕3号，以下简称《规定》）)
_ALIAS = re.compile(
    r"\s*[（(]\s*(?:[^（）()，,。]{1,24}[，,]\s*)?(?:以下|下文)?(?:简称|称)\s*[《“\"「]{0,2}([^《“》”\"」）)，,。\s]{1,16})[》”\"」]{0,2}\s*[）)]"
)
_DOC_NUMBER = re.compile(
    r"[" + HAN_CLASS + r"]{1,6}\s*[〔\[［【（(]\s*(?:19|20)\d\d\s*[〕\]］】）)]\s*(?:第\s*)?\d{1,4}\s*号"
    r"|(?:中华人民共和国)?(?:国务院|[" + HAN_CLASS + r"]{1,10}(?:部|委员会|人民政府|政府))令\s*(?:第\s*)?\d{1,4}\s*号"
)


def find_titles(text: str) -> Titles:
    """(start, end, parent) of every 《…》 in text, brackets included; nested 《》 get their parent's index.

    A bounded scan, not a regex: an unbalanced 《 never makes it look further than MAX_TITLE characters. Every
    extractor needs the titles of the same text: :func:`kg.extract.extract` scans once and hands them on.
    """
    out: list[tuple[int, int, int]] = []
    stack: list[int] = []  # start positions of open 《
    for m in _TITLE_MARKS.finditer(text):  # (only the brackets and line ends: the regex skips the rest in C)
        i, ch = m.start(), m.group()
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
    code_len = re.match(r"[" + HAN_CLASS + r"]*", number).end()
    stops = [i for i in range(code_len) if number[i] in _NOT_IN_OFFICE_CODE and code_len - i - 1 >= 2]
    return number[stops[-1] + 1 :] if stops else number


# --- the extractor --------------------------------------------------------------------------------------------


def _surface(doc: Document, start: int, end: int) -> str:
    """The title as written (without its outer brackets), line breaks of the source removed."""
    span = doc.span(start, end)
    inner = span.text
    if inner[:1] in "《<〈＜" and inner[-1:] in "》>〉＞":
        inner = inner[1:-1]
    inner = inner.lstrip("<＜").rstrip(">＞")  # <<…>> titles
    return inner.replace("\n", "")


def _inner_titles(
    doc: Document, start: int, inner: str, outer_index: int, outer_role: str, full_of: Callable[[str], str | None]
) -> list[RegulationMention]:
    """The titles nested in a title (《贯彻落实<纲要>的实施方案》): documents of their own, cited unless the outer
    title issues them (:func:`~kg.extract.roles.inner_role`). A bare short form inside (《某县落实〈纲要〉的分工方案》)
    is what it is at the top level: the title ``full_of`` gives it (an alias declared, the nearest earlier document
    of its kind), else an unresolved mention, never a document of its own."""
    out = []
    for m in _INNER.finditer(inner):
        s = start + 1 + m.start()
        title = normalise_title(m.group(1))
        short = short_form(title) is not None
        title = title if short else range_after(title, inner, m.end())  # 《贯彻〈…纲要〉（2021—2025年）的方案》
        full = full_of(title) if short else None
        out.append(
            RegulationMention(
                span=doc.span(s, s + len(m.group())),
                title=full or title,
                surface=m.group(1).replace("\n", ""),
                role=inner_role(inner[: m.start()], outer_role),
                parent=outer_index,
                alias=title if full else None,
                category="unresolved" if short and full is None else categorise(full or m.group(1)),
            )
        )
    return out


def _alias_uses(
    doc: Document,
    declared: list[tuple[str, str, int, int]],
    blocked: list[tuple[int, int]],
    own: OwnArea,
) -> list[RegulationMention]:
    """简称“纲要”: later quoted uses of a declared alias name the document too — the document of the latest
    declaration of that alias before the use (a report may declare one alias twice, for two documents).
    ``declared``: (alias, full title, start, end of the declaration), in text order."""
    text = doc.clean
    taken = SpanSet(blocked + [(s, e) for _, _, s, e in declared])
    out = []
    for m in _QUOTED_ALIAS.finditer(text):
        alias = normalise_title(m.group(1))
        title = next((t for a, t, s, _ in reversed(declared) if a == alias and m.start() > s + 4), None)
        if title is not None and not taken.covers(m.start()):
            out.append(
                RegulationMention(
                    span=doc.span(m.start(), m.end()),
                    title=title,
                    surface=m.group(1),
                    role=role_of(text, m.start(), m.end(), own),
                    alias=alias,
                )
            )
    return out


def _title_mention(
    doc: Document,
    start: int,
    end: int,
    parent: int | None,
    full: str | None,
    own: OwnArea,
    index_of: dict[int, int],
    outer: tuple[int, str] | None = None,
) -> RegulationMention:
    """The mention of one 《》 title; ``full`` is the title it abbreviates, when it is a short form or alias;
    ``outer`` the start and role of the title it is nested in."""
    text = doc.clean
    title = normalise_title(text[start + 1 : end - 1])
    if full is None and short_form(title) is None:
        title = range_after(title, text, end)  # 《…实施纲要》（2021-2025年）
    category = categorise(full or title)
    if full is None and short_form(title) is not None:
        category = "unresolved"  # 《方案》 with no full title to stand for: a mention, never a document
    if category == "regulation" and parent is None:
        category = category_from_context(text, start, end, title)
    mention = RegulationMention(
        span=doc.span(start, end),
        title=full or title,
        surface=_surface(doc, start, end),
        role=role_of(text, start, end, own) if outer is None else inner_role(text[outer[0] + 1 : start], outer[1]),
        parent=index_of.get(parent) if parent is not None else None,
        alias=title if full else None,
        category=category,
    )
    if parent is None:
        mention.document_number = _document_number(text, start, end)
    return mention


def extract_regulations(
    doc: Document, area: AreaRef | None = None, titles: Titles | None = None, lost: LostTitles | None = None
) -> list[RegulationMention]:
    """Every document the report names, with its role; nested titles point at their parent (``parent``).
    ``titles`` is the document's title scan (:func:`find_titles`) and ``lost`` its titles that lost a bracket
    (:func:`~kg.extract.lost_brackets.lost_title_spans`), when the caller has them already."""
    text = doc.clean
    own = OwnArea.of(area)
    mentions: list[RegulationMention] = []
    index_of: dict[int, int] = {}  # title list index → mention index
    aliases: dict[str, str] = {}  # alias → full title
    declared: list[tuple[str, str, int, int]] = []  # (alias, full title, span of the declaration)
    opened_at: dict[int, int] = {}  # a title's mention → where its bracket opens (the words before it: 省《…》)
    titles = find_titles(text) if titles is None else titles
    for idx, (start, end, parent) in enumerate(titles):
        inner = text[start + 1 : end - 1]
        if any(s <= start < e for _, _, s, e in declared) or not inner.strip() or _NOT_A_TITLE.search(inner):
            continue  # the 《条例》 of 以下简称《条例》 is not a new document
        title = normalise_title(inner)
        full = aliases.get(title) or (abbreviated(title, mentions) if parent is None else None)
        listed = laws_listed(inner) if parent is None else []
        if listed:  # 《土地管理法、森林法》: two laws in one pair of brackets, each a document
            role = role_of(text, start, end, own)
            for s, e in listed:
                surface = inner[s:e]
                span = doc.span(start + 1 + s, start + 1 + e)
                mentions.append(RegulationMention(span, normalise_title(surface), surface, role))
            continue
        index_of[idx] = len(mentions)
        outer_at = index_of.get(parent) if parent is not None else None
        outer = (titles[parent][0], mentions[outer_at].role) if outer_at is not None else None
        mentions.append(_title_mention(doc, start, end, parent, full, own, index_of, outer))
        opened_at[id(mentions[-1])] = start
        if parent is None:
            defined = _alias_after(text, end)
            if defined and defined[0] != title:
                aliases[defined[0]] = title
                declared.append((defined[0], title, defined[1], defined[2]))

            def full_of(short: str, earlier: list[RegulationMention] = mentions[:-1]) -> str | None:
                return aliases.get(short) or abbreviated(short, earlier)  # (not the outer: 《贯彻〈方案〉的实施方案》)

            mentions += _inner_titles(doc, start, inner, len(mentions) - 1, mentions[-1].role, full_of)

    def words_before(m: RegulationMention) -> str:  # (an inner title's: none)
        at = opened_at.get(id(m), 0)
        return text[max(0, at - 3) : at]

    take_written_again(mentions, words_before, own.names)
    tier_written_before(mentions, words_before)
    follow_renamed(mentions)
    issued_by_own_notice(mentions)
    blocked = [(s, e) for s, e, _ in titles]
    if aliases:
        mentions += _alias_uses(doc, declared, blocked, own)
    mentions += _without_both_brackets(doc, lost_title_spans(text, titles) if lost is None else lost, blocked, own)
    mentions.sort(key=lambda m: m.span.start)
    return _link_parents(mentions)


def _without_both_brackets(
    doc: Document, lost: LostTitles, blocked: list[tuple[int, int]], own: OwnArea
) -> list[RegulationMention]:
    """The titles that lost a bracket, then the national laws named without any (outside every title)."""
    text, out = doc.clean, []
    for s, e in lost:
        blocked.append((s, e))  # 执行某某暂行条例》: not a law named without 《》 as well
        surface = text[s + 1 : e] if text[s] == "《" else text[s : e - 1]  # the bracket it kept is not written
        title = normalise_title(surface)
        if categorise(title) == "regulation":
            out.append(RegulationMention(doc.span(s, e), title, surface, role_of(text, s, e, own), bracketed=False))
    for s, e, full in find_unbracketed_laws(text, blocked):
        out.append(
            RegulationMention(span=doc.span(s, e), title=full, surface=text[s:e], role="cited", bracketed=False)
        )  # a national law is never this government's
    return out


def _link_parents(mentions: list[RegulationMention]) -> list[RegulationMention]:
    """After sorting by position, point each nested title at its enclosing title's index."""
    for i, m in enumerate(mentions):
        if m.parent is None:
            continue
        m.parent = next(
            (
                j
                for j in range(i - 1, -1, -1)
                if mentions[j].span.start < m.span.start and mentions[j].span.end >= m.span.end
            ),
            None,
        )
    return mentions
