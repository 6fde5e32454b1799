"""The head and the foot of a report's page: its title (on one line, or broken over two), the body named on a
line of its own above it or in front of it (某某县人民政府 / 关于…的报告, 峄城区司法局2022年度…的报告), a signature
before the closing date. :mod:`kg.extract.issuer` weighs this evidence against the opening's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from kg.lang.areas import area_table
from kg.lang.numerals import parse_number
from kg.lang.zh import HAN_CLASS, PARTY, TIERS
from kg.read import is_report_title
from kg.read.headings import SENTENCE_MARK, TITLE_WORDS
from kg.resources import data_lines

_DAY = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"  # 2024年1月15日 or 2024年一月十五日 (a signature's date)
_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*" + _DAY + r"\s*月\s*" + _DAY + r"\s*日")
_BODY_STOP = re.compile(r"\s*(?:(?:19|20)\d\d|关于|(?<!依)法治|依法行政|年度)")  # what follows a body's name in a title
_ALIAS = re.compile(r"[（(][^（()）]{1,12}[)）]$")  # 藏语委办（编译局）: a body's other name in brackets
_TITLE_FIELD = re.compile(r"^\s*标\s*题\s*[:：]\s*")  # 标  题: … of a government information-disclosure page
HEAD_LINES = 10


@lru_cache(maxsize=1)
def _body_endings() -> tuple[str, ...]:
    return tuple(data_lines("issuer_body_endings.txt"))


def lines_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of the clean text."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def is_body(name: str) -> bool:
    """A body's name ends like one (kg/data/issuer_body_endings.txt), its bracketed alias aside."""
    return _ALIAS.sub("", name).endswith(_body_endings())


@lru_cache(maxsize=1)
def _held() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Positions held (kg/data/head_positions.txt), one or several (党组书记、局长) ending a name; and the same
    followed by the holder's name (某某县司法局局长 李某某), ending a signature."""
    one = "|".join(map(re.escape, sorted(data_lines("head_positions.txt"), key=len, reverse=True)))
    held = f"(?:{one})(?:[、，,]\\s*(?:{one}))*"
    return re.compile(f"{held}$"), re.compile(f"(?<=[{HAN_CLASS}])(?:{held})\\s*[{HAN_CLASS}]{{2,4}}$")


def _body_end(text: str, start: int, end: int) -> int | None:
    """Where the body named by text[start:end] ends: at ``end`` when that is a body's name; before the position
    its head holds when one follows it (司法局局长 → 司法局, 人民政府县长 → 人民政府: the head's report is the
    body's); else None."""
    if is_body(text[start:end]):
        return end
    held = _held()[0].search(text, start, end)
    return held.start() if held and held.start() > start and is_body(text[start : held.start()]) else None


@lru_cache(maxsize=1)
def _tier_word_starts() -> frozenset[str]:
    return frozenset(data_lines("tier_word_starts.txt"))


def tier_body(text: str, start: int = 0) -> tuple[int, int] | None:
    """A department named by its tier word alone heading a title (县医疗保障局2022年…, 区司法局局长2023年度述法报告),
    as (start, end); None for anything else, a government (县政府…) or a Party committee too: the area those
    belong to is found from the text as usual."""
    if text[start : start + 1] not in TIERS or text[start : start + 2] in _tier_word_starts():
        return None
    stop = _BODY_STOP.search(text, start + 1)
    end = stop.start() if stop else len(text)
    if not 3 <= end - start <= 24 or not re.fullmatch(f"[{HAN_CLASS}（）()]+", text[start:end]):
        return None
    body = _body_end(text, start, end)
    if body is None or text[start:body].endswith(("政府", "公署", "委")):
        return None
    return start, body


def _chains(hits: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Runs of consecutive area names (银川市兴庆区 is one run) as (start, end)."""
    runs: list[tuple[int, int]] = []
    for start, end, _ in hits:
        if runs and runs[-1][1] == start:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def leading_body(text: str, start: int = 0) -> tuple[int, int] | None:
    """The issuing body's name that ``text[start:]`` begins with, as (start, end): an area name (after 中共)
    followed by a body's name up to the year, 关于 or the title's subject (峄城区司法局2022年度…, 中共某某县委全面
    依法治县委员会办公室2023年…). Where a Party committee and a government head a joint report (中共某某区委某某区
    人民政府关于…), the last body: the government. None when the text starts with no area name, or the area is not
    followed by a body's name."""
    begin = PARTY.match(text, start).end()
    hits = [(s + begin, e + begin, n) for s, e, n in area_table().find(text[begin : begin + 40])]
    if not hits or hits[0][0] != begin:
        return None
    stop = _BODY_STOP.search(text, hits[0][1])
    end = stop.start() if stop else len(text)
    runs = [r for r in _chains(hits) if r[1] <= end]
    if not runs or end - begin > 40 or end == runs[-1][1]:
        return None
    body_end = _body_end(text, runs[-1][1], end)
    if body_end is None:
        return None
    return (start if len(runs) == 1 else runs[-1][0]), body_end


def _body_line(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The span of the issuing body a line consists of (某某县人民政府; of a joint heading 中共某某县委 某某县人民政府,
    the government; 某某县法治政府建设领导小组办公室), or None when the line is not a body's name."""
    stripped = text[s:e].strip()
    if len(stripped) > 40 or re.search(r"[，。,；：:]", stripped) or _A_YEAR.search(stripped):
        return None  # 某某局2022年度法治政府 is the first line of a title, not a body
    at = s + len(text[s:e]) - len(text[s:e].lstrip())
    signer = _held()[1].search(stripped)  # 某某县司法局局长 李某某: the body its head signs for
    named = stripped[: signer.start()] if signer else stripped
    body = leading_body(named)
    if body is not None and (body[1] == len(named) or _held()[0].fullmatch(named, body[1])):
        return at + body[0], at + body[1]
    if area_table().starts_with_place(stripped) and is_body(stripped):
        return at, at + len(stripped)  # 某某县法治政府建设领导小组办公室: a body whose name speaks of 法治
    return None


@dataclass
class Head:
    """What the head and the tail of a report say: its title, the issuer's position, the closing date."""

    title: tuple[int, int] | None = None  # clean-text span of the title (after a 标题: label)
    issuer: tuple[int, int] | None = None
    banner: bool = False  # the issuer is a body's name on a line of its own at the top (not signature, not title)
    tier_only: bool = False  # the issuer is a department named by its tier word alone (:func:`tier_body`)
    skip: int = 0  # where the report's own text starts: after a superior's banner
    signed: tuple[int, int, int, int] | None = None  # year, month, start, end of the closing date


def _find_title(text: str, lines: list[tuple[int, int]]) -> tuple[int, int] | None:
    """An early line about 法治 that ends like a report title, or two lines that do together (某某局2022年度法治政府
    / 建设情况报告: a long title broken across lines) — when the first already speaks of 法治 or a year and the second
    is no title of its own (a column's name above a title is not part of it)."""
    head = lines[:HEAD_LINES]
    for i, (s, e) in enumerate(head):
        label = _TITLE_FIELD.match(text, s)
        s = label.end() if label else s
        if is_report_title(text[s:e]):
            return s, e
        if i + 1 < len(head) and not SENTENCE_MARK.search(text[s:e]):
            nxt = head[i + 1]
            tail = text[nxt[0] : nxt[1]]
            first = text[s:e]
            if (
                len(tail) <= _TITLE_TAIL
                and not is_report_title(tail)
                and (TITLE_WORDS.search(first) or _A_YEAR.search(first))
                and _body_line(text, s, e) is None
                and is_report_title(first + tail)
            ):
                return s, nxt[1]  # not a body's line above its title (某某局 / 关于…): read_head reads those
    return None


_A_YEAR = re.compile(r"(?:19|20)\d\d\s*年")
_TITLE_TAIL = 30  # the most characters a broken title's second line holds


def read_head(text: str, lines: list[tuple[int, int]]) -> Head:
    """The issuer: the signature before the closing date, else a body line at the top, else a body heading the
    title."""
    head = Head(title=_find_title(text, lines))
    tail = lines[-4:]
    for i, (s, e) in enumerate(tail):
        date = _DATE.fullmatch(text[s:e].strip())
        if date:
            head.signed = (int(date.group(1)), int(parse_number(date.group(2))), s, e)
            body = _body_line(text, *tail[i - 1]) if i > 0 else None
            if body is not None:
                head.issuer = body
    if head.issuer is None and head.title:
        title = text[: head.title[1]]
        head.issuer = leading_body(title, head.title[0])
        if head.issuer is None:
            head.issuer = tier_body(title, head.title[0])
            head.tier_only = head.issuer is not None
    if head.issuer is None:
        head.issuer = _body_above_about(text, lines)
    if head.issuer is None:
        head.issuer = _top_body(text, lines, head.title)
        head.banner = head.issuer is not None
    if head.issuer:
        s, e = head.issuer
        s += len(text[s:e]) - len(text[s:e].lstrip())
        head.issuer = (s, s + len(text[s:e].strip()))
    return head


_SALUTATION = re.compile(r"\s*(?:尊敬的)?(?P<to>[^\n，。,；;：:]{2,40}?)\s*[:：]\s*")
_ADDRESSEES = re.compile(r"[、和及并]")  # 中共某某市委、某某市人民政府: / 市政府并市委:
_BEFORE_THE_TEXT = 16  # at most this many lines between a title and the first paragraph (the page's fields …)
_PARAGRAPH = re.compile(r"[^\n]{61}|[^\n]*。")  # a line of running text: long, or with a full stop


def after_salutation(text: str, lines: list[tuple[int, int]], start: int) -> int:
    """Where the report's own text starts: after a salutation among the short lines from ``start`` to the first
    paragraph — a body's name and a colon alone on a line (某某市人民政府： / 中共某某市委、某某市人民政府:), whom the
    report is sent to. The opening read for the subject that reports starts after it; the name stays in the text,
    since a township or a department writing to its own county names its county there and nowhere else."""
    found = start
    for s, e in islice((line for line in lines if line[0] >= start), _BEFORE_THE_TEXT):
        if _PARAGRAPH.match(text, s, e):
            break
        to = _SALUTATION.fullmatch(text, s, e)
        if to is not None and any(is_body(part) for part in _ADDRESSEES.split(to.group("to"))):
            found = e
    return found


def _body_above_about(text: str, lines: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A body's name on the line right above a title that begins with 关于 (中共某某县委全面依法治县委员会办公室 /
    关于某某县2023年法治政府建设情况的报告), among the head's lines: the report's own heading, which a page prints
    below the site's banner (某某县人民政府) and its own title of the page."""
    head = lines[:HEAD_LINES]
    for (s, e), (s2, e2) in zip(head, head[1:], strict=False):  # (each line with the next)
        about = text[s2:e2].strip()
        if about.startswith("关于") and is_report_title(about):
            body = _body_line(text, s, e)
            if body is not None:
                return body
    return None


def _top_body(text: str, lines: list[tuple[int, int]], title: tuple[int, int] | None) -> tuple[int, int] | None:
    """A body's name on a line of its own at the top, above the title; of bodies on consecutive lines (a joint
    heading written one body per line: 中共某某市委 / 某某市人民政府 / 关于…的报告), the last: the government, as
    when they share one line."""
    found = None
    for s, e in lines[:4]:
        if title is not None and s >= title[0]:
            break
        body = _body_line(text, s, e)
        if body is None and found is not None:
            break
        if body is not None:
            found = body
        elif s >= lines[min(2, len(lines) - 1)][0]:
            break
    return found
