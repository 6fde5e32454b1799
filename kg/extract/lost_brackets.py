"""Titles with a lost bracket. The opening 《 lost (印发2021年某某县法治政府建设工作要点》: a copy-paste or a web
editor dropped it): the title is what stands between the verb that governs it (印发, 根据, 落实 … of
``kg/data/regulation_verbs.txt``) and the lone 》, when that span ends like a document (…要点, …实施方案,
…条例); without such a verb in the clause the start is unknown, and nothing is read — a title with a wrong start
would be a wrong document. The closing 》 lost (《甲规划（2020—2025年）《乙纲要》, 《某某工作要点，分解…): the title
ends where its clause does (the next 《, a comma, the sentence's end), when it ends like a document."""

from __future__ import annotations

import re

from kg.extract.roles import role_verbs
from kg.lang.zh import SENTENCE_ENDS

_WINDOW = 60  # the longest title read back from a lone 》
_CLAUSE_START = re.compile(f"[{SENTENCE_ENDS}，,：:、（(《》\\n]")
_CLAUSE_END = re.compile(f"[{SENTENCE_ENDS}，,：:《》]")
_DOCUMENT_ENDING = re.compile(
    r"(?:法|法典|条例|办法|规定|细则|规则|意见|方案|规划|纲要|决定|通知|要点|清单|目录|计划|制度|指引|标准|措施)"
    r"(?:[（(][^（()）]{1,16}[)）])?$"
)
_NOT_IN_TITLE = re.compile(r"[\s，,。；;：:、]")  # quotes may stand in a title: 《2022年“八五”普法工作要点》


def lost_opening_titles(text: str, titles: tuple[tuple[int, int, int | None], ...]) -> list[tuple[int, int]]:
    """(start, end) of each title whose 《 is missing: start is the title's first character, end is past its 》."""
    closers = {end - 1 for _, end, _ in titles}
    inside = sorted((s, e) for s, e, _ in titles)
    out: list[tuple[int, int]] = []
    at = text.find("》")
    while at >= 0:
        if at not in closers and not any(s < at < e for s, e in inside):
            found = _title_before(text, at)
            if found is not None:
                out.append((found, at + 1))
        at = text.find("》", at + 1)
    return out


def lost_closing_titles(text: str, titles: tuple[tuple[int, int, int | None], ...]) -> list[tuple[int, int]]:
    """(start, end) of each title whose 》 is missing: start is its 《, end where its clause ends (the next 《, a
    comma, the end of the sentence); a title cut by the end of the text is an excerpt's, not a lost bracket."""
    openers = {start for start, _, _ in titles}
    out: list[tuple[int, int]] = []
    at = text.find("《")
    while at >= 0:
        if at not in openers:
            stop = _CLAUSE_END.search(text, at + 1, at + 2 + _WINDOW)
            if stop and _looks_like_title(text[at + 1 : stop.start()]):  # not at the text's end: an excerpt's cut
                out.append((at, stop.start()))
        at = text.find("《", at + 1)
    return out


def _looks_like_title(title: str) -> bool:
    return 4 <= len(title) <= _WINDOW and not _NOT_IN_TITLE.search(title) and bool(_DOCUMENT_ENDING.search(title))


def _title_before(text: str, close: int) -> int | None:
    """Where the title ending at ``close`` starts: right after the first verb group of its clause."""
    lo = max(0, close - _WINDOW)
    window = text[lo:close]
    boundary = max((m.end() for m in _CLAUSE_START.finditer(window)), default=0)
    pattern = role_verbs()
    verb = pattern.search(window, boundary)
    if verb is None:
        return None
    start = verb.end()
    while (more := pattern.match(window, start)) is not None and more.end() > start:
        start = more.end()  # 印发实施, 学习贯彻落实: one group
    return lo + start if _looks_like_title(window[start:]) else None


def lost_title_spans(text: str, titles: tuple[tuple[int, int, int | None], ...]) -> list[tuple[int, int]]:
    """The spans of both kinds of titles with a lost bracket: what lies inside them is a title's, as inside 《》."""
    return lost_opening_titles(text, titles) + lost_closing_titles(text, titles)
