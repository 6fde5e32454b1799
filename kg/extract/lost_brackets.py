"""Titles with a lost bracket. The opening 《 lost (印发2021年某某县法治政府建设工作要点》: a copy-paste or a web
editor dropped it): the title is what stands between the verb that governs it (印发, 根据, 落实 … of
``kg/data/regulation_verbs.txt``; the one nearest the 》, or the 关于 after it) and the lone 》, when that span
ends like a document (…要点, …实施方案, …条例: kg/data/document_endings.txt); without such a verb in the clause
the start is unknown, and nothing is read — a title with a wrong start would be a wrong document. The closing 》
lost (《甲规划（2020—2025年）《乙纲要》, 《某某工作要点，分解…): the title ends where its clause does (the next 《, a
comma, the sentence's end), when it ends like a document."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.roles import role_verbs
from kg.extract.spans import SpanSet
from kg.lang.areas import area_table
from kg.lang.zh import SENTENCE_ENDS
from kg.resources import data_lines

LostTitles = tuple[tuple[int, int], ...]
"""The spans of a document's titles that lost a bracket, computed once per document (kg.extract.Annotations)."""

_WINDOW = 60  # the longest title read back from a lone 》
_CLAUSE_START = re.compile(f"[{SENTENCE_ENDS}，,：:、（(《》\\n]")
_CLAUSE_END = re.compile(f"[{SENTENCE_ENDS}，,：:《》]")
_NOT_IN_TITLE = re.compile(r"[\s，,。；;：:、]")  # quotes may stand in a title: 《2022年“八五”普法工作要点》
_BRACKETED_END = re.compile(r"[（(][^（()）]{1,16}[)）]$")  # …规划（2021—2025年）
_NAMED = re.compile(r"(?:19|20)\d\d|^关于")  # a year or 关于: what a document's title has and a measure's name lacks


@lru_cache(maxsize=1)
def document_endings() -> dict[str, str]:
    """kg/data/document_endings.txt: ending → 'strong' or 'weak'."""
    return {word: kind for kind, _, word in (line.partition(" ") for line in data_lines("document_endings.txt"))}


def document_ending(title: str) -> tuple[str, str | None]:
    """The ending of kg/data/document_endings.txt that ``title`` ends with, and its kind ('strong' or 'weak'); ("",
    None) when it ends with none."""
    return next(((w, k) for w, k in document_endings().items() if title.endswith(w)), ("", None))


def lost_opening_titles(text: str, titles: tuple[tuple[int, int, int | None], ...]) -> list[tuple[int, int]]:
    """(start, end) of each title whose 《 is missing: start is the title's first character, end is past its 》."""
    closers = {end - 1 for _, end, _ in titles}
    inside = SpanSet((s, e) for s, e, _ in titles)
    out: list[tuple[int, int]] = []
    at = text.find("》")
    while at >= 0:
        if at not in closers and not inside.covers(at):
            found = _title_before(text, at)
            if found is not None:
                out.append((found, at + 1))
        at = text.find("》", at + 1)
    return out


def lost_closing_titles(text: str, titles: tuple[tuple[int, int, int | None], ...]) -> list[tuple[int, int]]:
    """(start, end) of each title whose 》 is missing: start is its 《, end where its clause ends (the next 《, a
    comma, the end of the sentence) — or where the text ends: an excerpt cut inside a title (a page's opening as a
    search index stores it) names the document when what stands of it already ends like one (编写《2022年普法工作
    要点); cut before its last word (《某县关于开), it names nothing yet."""
    openers = {start for start, _, _ in titles}
    out: list[tuple[int, int]] = []
    at = text.find("《")
    while at >= 0:
        if at not in openers:
            stop = _CLAUSE_END.search(text, at + 1, at + 2 + _WINDOW)
            end = stop.start() if stop else len(text.rstrip())
            cut = stop is None and not _whole_when_cut(text[at + 1 : end])
            if not cut and _looks_like_title(text[at + 1 : end]):  # (cut after 合法 or 依法: not yet a …法)
                out.append((at, end))
        at = text.find("《", at + 1)
    return out


def _whole_when_cut(title: str) -> bool:
    """Whether what stands of a title cut by the end of the text is the whole of it: it ends with a document's
    word of two characters or more (办法, 要点; not the 法 of 合法), and a 关于 in it has reached its 的 (《某县关于
    进一步加强…的意见); not a notice cut before the document it issues (《某县关于印发某县…办法) nor a 关于 clause
    cut before its end (《某县关于严格落实中央八项规定)."""
    if len(title) > _WINDOW or max((len(w) for w in document_endings() if title.endswith(w)), default=0) < 2:
        return False
    about = title.find("关于")
    return about < 0 or ("的" in title[about:] and not title.startswith(("印发", "转发"), about + 2))


def _looks_like_title(title: str) -> bool:
    """Ends like a document; with an ending a measure's name shares (制度, 清单), names a year, a place or 关于 too."""
    if not 4 <= len(title) <= _WINDOW or _NOT_IN_TITLE.search(title):
        return False
    bare = _BRACKETED_END.sub("", title)
    kind = document_ending(bare)[1]
    if kind == "weak":
        return bool(_NAMED.search(bare)) or area_table().starts_with_place(bare)
    return kind == "strong"


def _title_before(text: str, close: int) -> int | None:
    """Where the title ending at ``close`` starts: at the 关于 a verb governs (印发关于…的通知》), else right after
    the verb nearest the 》 that leaves a title after it (根据上级要求印发2022年…要点》: after 印发, not 根据)."""
    lo = max(0, close - _WINDOW)
    window = text[lo:close]
    boundary = max((m.end() for m in _CLAUSE_START.finditer(window)), default=0)
    verbs = list(role_verbs().finditer(window, boundary))
    if not verbs:
        return None
    about = window.find("关于", verbs[0].end())
    if about >= 0:
        return lo + about if _looks_like_title(window[about:]) else None
    for verb in reversed(verbs):  # 落实某某实施方案》: 实施 leaves no title after it, 落实 does
        if _looks_like_title(window[verb.end() :]):
            return lo + verb.end()
    return None


def lost_title_spans(text: str, titles: tuple[tuple[int, int, int | None], ...]) -> LostTitles:
    """The spans of both kinds of titles with a lost bracket, in text order: a title that lost its 》 starts with
    its 《, one that lost its 《 ends with its 》."""
    return tuple(sorted(lost_opening_titles(text, titles) + lost_closing_titles(text, titles)))


def title_spans(
    text: str, titles: tuple[tuple[int, int, int | None], ...], lost: LostTitles | None = None
) -> list[tuple[int, int]]:
    """The spans of every title of the document, in 《》 or with a lost bracket (``lost``, when the caller has
    them): what lies inside them is a title's, not a body, a measure or a figure of the report's own."""
    lost = lost_title_spans(text, titles) if lost is None else lost
    return [(s, e) for s, e, _ in titles] + list(lost)
