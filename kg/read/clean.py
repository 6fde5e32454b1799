"""Cleaning: the text extractors read (``Document.clean``), and the map from each of its characters back to the
decoded text.

Web cruft (navigation, font buttons, share links: the patterns of ``kg/data/cruft.txt``) is dropped, markdown ``**``
removed, spaces between Chinese characters and numbers removed, ``<<title>>`` read as ``《title》`` and words split
across page breaks joined again, yet every position in ``clean`` maps back to the original text, so mention offsets
always index ``Document.text``: that is the provenance contract."""

from __future__ import annotations

import html
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache

from kg.lang.areas import area_table
from kg.lang.titles import names_a_document, names_a_printed_work
from kg.lang.zh import BULLETS, CELL_EDGES, CELL_GAP, HAN_CLASS, NO_LINE_START, SENTENCE_ENDS
from kg.read.headings import HEADING, SENTENCE_MARK, is_report_title
from kg.read.variants import as_simplified
from kg.resources import data_lines

CRUFT_MAX_LINE = 120  # only short lines can be navigation or buttons; a long line is body text


@lru_cache(maxsize=2)
def cruft_patterns(name: str = "cruft.txt") -> re.Pattern[str]:
    """One regular expression of every pattern in ``kg/data/cruft.txt`` (or ``header_cruft.txt``: furniture only
    above the report's first paragraph), read once: it is a data file, not code."""
    alternatives = data_lines(name)
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


_SPACE = " \t\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff"
_DOUBLE_ANGLE = {"<": "《", ">": "》", "＜": "《", "＞": "》", "〈": "《", "〉": "》"}
_SPECIAL = re.compile("[" + re.escape(_SPACE + "*" + "".join(_DOUBLE_ANGLE)) + "]")
_TAB_ROW = re.compile(r"\t.*\S.*\t")  # a row of three cells or more: two tab gaps (一、⇥坚持 is a numbered heading)
_COLUMNS = re.compile(r"[^\s](?:[ \u3000]{4,}|\t)[^\s]")  # two cells of a row, a run of spaces or a tab apart
_TERMINAL = "。；;！!？?：:…”」』）)】》*"


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x3000 <= o <= 0x303F
        or 0xFF00 <= o <= 0xFFEF
        or 0x2010 <= o <= 0x2027
        or 0x20000 <= o <= 0x2FFFF
    )


def _squeezable(ch: str) -> bool:
    """Characters next to which a space is a typesetting artefact in Chinese text."""
    return _is_cjk(ch) or ch.isdigit() or ch in "%.．"


_CELL_OR_BULLET = CELL_EDGES + BULLETS + "-"


_PARAGRAPH = 40  # a kept line this long ends the page's header
_MENU_ITEM = re.compile(f"[{re.escape(_CELL_OR_BULLET)}]\\s*[^，。；,;：:“”《》0-9０-９]{{1,8}}")


def _menu_item(line: str) -> bool:
    """A page's menu written as a list above the report (• 首页, • 政务公开): a bullet and a short word. Only in the
    header: in the report a bulleted line is text (• 加强组织领导)."""
    return _MENU_ITEM.fullmatch(line.strip(_SPACE)) is not None


def _header_cruft(line: str) -> bool:
    """Furniture of the page's header only (a menu, a field after the page's buttons): in the report, text."""
    return _menu_item(line) or cruft_patterns("header_cruft.txt").search(line.strip(_SPACE)) is not None


def is_cruft(line: str) -> bool:
    """Is this line page furniture (navigation, buttons, header fields) rather than report text?"""
    # a header field may be a table's cell (| 发文机关：… |) or a list item (- 索引号：…); a menu is a list (• 首页)
    stripped = line.strip(_SPACE)
    if len(stripped) > CRUFT_MAX_LINE:
        return False
    patterns = cruft_patterns()
    inner = stripped.lstrip(_CELL_OR_BULLET).strip(_SPACE)
    return bool(patterns.search(stripped) or (inner != stripped and patterns.search(inner)))


# a title in brackets other than 《》, as a conversion or a site writes it (『…办法』, 「…条例」, ‘…法’, a 〈…〉 of its
# own), in one pair of angle brackets of its own (<…条例>, ＜…法＞, ‹…>: <<…>> is read in _clean_line), or opened with
# 《 and closed by one angle bracket (《…办法>, a mistyped 》)
_OTHER_TITLE = re.compile(
    r"『([^『』《》\n]{2,80})』|「([^「」《》\n]{2,80})」|〈([^〈〉《》\n]{2,80})〉|‘([^‘’“”《》\n]{2,80})’"
    r"|(?<![<＜‹])[<＜‹]([^<>＜＞‹›《》\n]{2,80})[>＞›](?![>＞›])"
    r"|《([^<>＜＞‹›《》\n]{2,80})[>＞›](?![>＞›])"
)
_OTHER_OPENERS = frozenset("『「〈<＜‹《‘")


def _other_brackets(line: str) -> str:
    """A line's titles in 『』, 「」, a 〈〉 or <> that is not nested in 《》, or in 《> (see ``_OTHER_TITLE``), written
    《》 when what they hold names a document or a printed work (:mod:`kg.lang.titles`): a quoted phrase
    (「跨省通办」) keeps its brackets. Same length: offsets hold."""
    if _OTHER_OPENERS.isdisjoint(line):
        return line
    out, last = [], 0
    for m in _OTHER_TITLE.finditer(line):
        before = "".join(out) + line[last : m.start()]  # (a 《> mended before this one is closed)
        inside = before.count("《") > before.count("》")  # 〈〉 nested in a title
        held = m.group(m.lastindex).strip(_SPACE)
        if inside or not (names_a_document(held) or names_a_printed_work(held)):  # (an entity's filler: below)
            continue
        out += [line[last : m.start()], "《", m.group(m.lastindex), "》"]
        last = m.end()
    return "".join(out) + line[last:] if out else line


def _curly_quotes(line: str) -> str:
    """A line's straight double quotes as the curly pairs they stand for ("零"成本，"双随机" → “零”成本，“双随机”),
    when they pair up (an even count): a straight quote is both an opening and a closing one, so a phrase would
    otherwise run from one phrase's closing quote to the next one's opening. Same length: offsets hold."""
    if '"' not in line or line.count('"') % 2:
        return line
    parts = line.split('"')
    return "".join(part + ("“" if i % 2 == 0 else "”") for i, part in enumerate(parts[:-1])) + parts[-1]


def _clean_line(line: str, offset: int, out: list[str], mapping: array) -> None:
    """Append a line's kept characters: titles in other brackets as 《》 and straight quotes as curly ones (same
    length), no markdown **, no edge spaces, no spaces inside Chinese text."""
    line = _curly_quotes(_other_brackets(line))
    lo, hi = 0, len(line)
    while lo < hi and line[lo] in _SPACE:
        lo += 1
    while hi > lo and line[hi - 1] in _SPACE:
        hi -= 1
    i = lo
    while i < hi:
        # Runs of ordinary characters (nearly all of a Chinese line) are copied whole, with their offsets: only
        # spaces, ``*`` and angle brackets need a decision, character by character.
        special = _SPECIAL.search(line, i, hi)
        j = special.start() if special else hi
        if j > i:
            out.append(line[i:j])
            mapping.extend(range(offset + i, offset + j))
            i = j
            if i >= hi:
                break
        ch = line[i]
        if ch == "*" and i + 1 < hi and line[i + 1] == "*":
            i += 2
            continue
        if ch in _DOUBLE_ANGLE and i + 1 < hi and line[i + 1] == ch:
            # <<title>> written with doubled angle brackets: read as 《title》, mapped so that the span of the
            # title still covers both characters of each bracket
            out.append(_DOUBLE_ANGLE[ch])
            mapping.append(offset + i + (1 if _DOUBLE_ANGLE[ch] == "》" else 0))
            i += 2
            continue
        if ch in _SPACE:
            j = i
            while j < hi and line[j] in _SPACE:
                j += 1
            if line.count(_ZERO_WIDTH, i, j) == j - i:
                i = j  # no width, no space: an entity's filler (R&amp;D), a zero-width space
                continue
            prev = out[-1][-1] if out else ""
            nxt = line[j] if j < hi else ""
            if CELL_GAP in line[i:j] and _TAB_ROW.search(line):  # cells of a row (序号⇥文件名称): one tab, kept
                out.append(CELL_GAP)
                mapping.append(offset + line.index(CELL_GAP, i, j))
                i = j
                continue
            if (prev and _squeezable(prev) and (not nxt or _squeezable(nxt) or _is_cjk(prev))) or (
                nxt and _is_cjk(nxt)
            ):
                i = j
                continue
            out.append(" ")
            mapping.append(offset + i)
            i = j
            continue
        out.append(ch)
        mapping.append(offset + i)
        i += 1


def _wrap_width(lines: list[str]) -> int | None:
    """The width a fixed-width layout broke the text at (a PDF of an official document: 28 characters a line),
    or None: the most common length of the long lines, when at least 5 lines and a third of them have it."""
    lengths = Counter(n for n in (len(line.strip(_SPACE)) for line in lines) if n >= 15)
    if not lengths:
        return None
    width, count = max(lengths.items(), key=lambda kv: (kv[1], kv[0]))
    return width if count >= 5 and count * 3 >= sum(lengths.values()) else None


_BLANKS = re.compile(f"[{_SPACE}]+")


def _letter_spaced(line: str) -> bool:
    """A line spaced letter by letter (一 、 完 善 制 度): a blank after most of its characters, not a blank or two
    in a sentence (培训 12 场次)."""
    bare = _BLANKS.sub("", line)
    return len(bare) >= 3 and len(_BLANKS.findall(line)) * 3 >= (len(bare) - 1) * 2


_QUOTE_RUN = 12  # the longest piece of a quoted phrase carried onto the next line


def _open_quote_closed_in(prev: str, nxt: str) -> bool:
    """Whether ``prev`` ends inside a quoted phrase that ``nxt`` closes within a few characters."""
    opened = prev.rfind("“")
    if opened < 0 or "”" in prev[opened:] or len(prev) - opened > _QUOTE_RUN:
        return False
    closed = nxt.find("”", 0, _QUOTE_RUN)
    return closed > 0 and "“" not in nxt[:closed] and not any(c in SENTENCE_ENDS for c in nxt[:closed])


def _joins(prev: str, nxt: str, width: int | None = None) -> bool:
    """Was a paragraph broken here by a page break (执\\n\\n法水平) or a fixed-width layout? Then the lines are
    one text."""
    prev, nxt = prev.rstrip(_SPACE), nxt.lstrip(_SPACE)
    if not prev or not nxt or prev.endswith("**"):
        return False
    goes_on = (nxt[0] in NO_LINE_START and (_is_cjk(prev[-1]) or prev[-1].isalnum())) or _open_quote_closed_in(
        prev, nxt
    )  # 调解成功率99 / .1%: no line starts so; 深化“放管 / 服”改革: a quoted phrase broken by the layout
    if goes_on or prev[-1] in _TERMINAL:  # (most lines end a sentence: then nothing below can join them)
        # a row of a table laid out in columns of spaces (序号    文件名称    文号) is a line of its own
        return goes_on and not (_COLUMNS.search(prev) or _COLUMNS.search(nxt))
    if _COLUMNS.search(prev) or _COLUMNS.search(nxt):
        return False
    # a heading spaced letter by letter (一 、 完 善 制 度) is a heading: read without its blanks
    bare_prev, bare_nxt = _BLANKS.sub("", prev), _BLANKS.sub("", nxt)
    heading_prev, heading_nxt = HEADING.match(bare_prev), HEADING.match(bare_nxt)
    headings = heading_nxt or (heading_prev and len(bare_prev) < 60)
    spaced_heading = heading_prev and _letter_spaced(prev.lstrip(_SPACE))  # (a long one may wrap)
    full = width and len(prev.lstrip(_SPACE)) >= width and prev[-1] not in _TERMINAL
    if full and not heading_nxt and not spaced_heading:
        return True  # a full line of a wrapped layout goes on (审计资金12. / 7亿元)
    if prev[-1] in _TERMINAL or not (_is_cjk(prev[-1]) or prev[-1].isalnum() or prev[-1] in "、，,“《（("):
        return False
    if not (_is_cjk(nxt[0]) or nxt[0].isalnum() or nxt[0] in "（(《“"):
        return False
    if headings:
        return False
    if is_report_title(prev) and not SENTENCE_MARK.search(prev):
        return False  # a report's title, however long (…全面依法治县委员会办公室关于某县…情况的报告), stands alone
    # A title or a signature is short and has no sentence punctuation; a broken paragraph line has both. A line
    # that opens with a title or a quote (《…》颁布以来) starts a paragraph unless the line before it is broken.
    length = len(prev.lstrip(_SPACE))  # (a signature set to the right margin is short however far it is set)
    broken = length >= 20 and any(p in prev for p in "，。；,")
    return broken if nxt[0] in "（(《“" else length >= 40 or broken


_LINK_LINE = 80  # a line under a related-links head this long, or ending a sentence, is text again


@lru_cache(maxsize=1)
def _related_heads() -> frozenset[str]:
    """kg/data/related_heads.txt: heads of a page's lists of links to other pages (相关链接, 热点推荐)."""
    return frozenset(data_lines("related_heads.txt"))


def _with_furniture(lines: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each line with whether it is page furniture: cruft anywhere, header cruft (a menu, a field after the
    page's buttons) above the report's first paragraph — the first kept line of _PARAGRAPH characters or more —
    and the short lines under a related-links head (相关链接：, then other pages' headlines)."""
    header, links = True, False
    for line in lines:
        bare = line.strip(_SPACE)
        if not bare:
            yield line, False  # (a blank line: no furniture, and it changes no state; most pages have many)
            continue
        if links and bare and (len(bare) > _LINK_LINE or bare.endswith("。")):
            links = False
        furniture = links or is_cruft(line) or (header and _header_cruft(line))
        if bare.rstrip("：:").strip(_SPACE).strip("【】[]") in _related_heads():  # (【相关链接】 too)
            furniture, links = True, True
        header = header and (furniture or len(bare) < _PARAGRAPH)
        yield line, furniture


# characters a crawl left as HTML entities (某某办法&nbsp;（试行）, &lt;&lt;…条例&gt;&gt;, &ldquo;放管服&rdquo;,
# 12&#37;): the characters, and zero-width spaces to the entities' length, so offsets into the text hold and the
# cleaning drops the filler; an opening bracket or quote first (a span from it starts at the entity), anything else
# last (a span to it ends with the entity: 12&#37;, &gt;)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}\d?|#\d{2,7}|#[xX][0-9a-fA-F]{2,6});")
_ENTITIES = re.compile(f"(?:{_ENTITY.pattern})+")
_ZERO_WIDTH = "\u200b"
_OPENERS = frozenset("“‘<《〈「『（(【[")


def _character(entity: str) -> str | None:
    char = html.unescape(entity)
    if char == entity:
        char = html.unescape(entity.lower())  # (&NBSP; as some editors write it)
    return None if char == entity.lower() or len(char) != 1 else char  # (&copy2021; is no entity)


def _decoded(m: re.Match[str]) -> str:
    run = m.group()
    chars = [_character(e) for e in _ENTITY.findall(run)]
    if None in chars:
        return run
    text = "".join(" " if c in _SPACE or c.isspace() else c for c in chars)
    if not text.strip():
        return " " * len(run)  # spaces: blanked, like the spaces they stand for
    filler = _ZERO_WIDTH * (len(run) - len(text))
    return text + filler if text[0] in _OPENERS else filler + text


# a numbered heading, a space, and the paragraph it heads on the same line (the line breaks lost in a paste): at the
# line's start or after a sentence's end (…1180项。（二）坚持依法决策 市政府制定…)
_HEADING_RUN_IN = re.compile(
    r"(?:^|(?<=[。；;！!？?：:]))[ \t\u3000]*"
    + HEADING.pattern.removeprefix("^")
    + r"(?=[\u4e00-\u9fff])[^，。；：,;:、\s]{1,29}[\u4e00-\u9fff](?P<gap>[ \u3000]+)"
    + r"(?=[\u4e00-\u9fff][^\n]{9})"  # (1.2万 人次: no heading)
)


def _heading_ends(line: str) -> list[int]:
    """Where headings that run into their paragraphs end (the space after 坚持依法决策 in （二）坚持依法决策 市政府
    制定…): a space between Chinese characters is otherwise dropped, and a heading's last words would join the
    paragraph's first (决策市政府)."""
    if " " not in line and "\u3000" not in line:
        return []
    return [m.start("gap") for m in _HEADING_RUN_IN.finditer(line) if not _spaced_place(line, m.start("gap"), m.end())]


def _spaced_place(line: str, gap: int, after: int) -> bool:
    """Whether the space splits a place's name from its tier word (3.兰考 县人民政府): no heading's end."""
    table = area_table()
    return any(line[gap - k : gap] + line[after] in table.by_name for k in range(1, 5) if k <= gap)


def clean_text(text: str) -> tuple[str, array]:
    """Clean ``text`` for extraction; returns the clean text and the clean→original index map."""
    out: list[str] = []
    mapping = array("l")
    pos = 0
    prev_line: str | None = None
    prev_end = 0  # index in text of the newline ending the previous kept line
    simple = as_simplified(text)
    lines = (_ENTITIES.sub(_decoded, simple) if "&" in simple else simple).split("\n")  # same length: offsets hold
    width = _wrap_width(lines) if len(lines) > 1 else None
    for line, furniture in _with_furniture(lines):
        start = pos
        pos += len(line) + 1
        if furniture or not line.strip(_SPACE):
            continue
        if prev_line is not None and not _joins(prev_line, line, width):
            out.append("\n")
            mapping.append(min(prev_end, len(text) - 1))
        done = 0
        for cut in _heading_ends(line):  # headings run into their paragraphs: lines, as they were
            _clean_line(line[done:cut], start + done, out, mapping)
            out.append("\n")
            mapping.append(start + cut)
            done = cut
        _clean_line(line[done:], start + done, out, mapping)
        prev_line, prev_end = line, start + len(line)
    return "".join(out), mapping


# between a field's name and its value: 发布机构：…, or the two cells of a table's row (| 发布机构: | … |)
_FIELD = rf"\s*[:：]\s*(?:[{CELL_EDGES}]\s*)?"
_DATE = r"(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2})"
_META = {
    "published": re.compile(r"(?:发布时间|发布日期|更新时间|发文日期)" + _FIELD + _DATE),
    "written": re.compile(r"成文日期" + _FIELD + _DATE),
    "source": re.compile(r"(?:来源|信息来源|文章来源|发布单位|发布部门)" + _FIELD + "([" + HAN_CLASS + r"]{2,30})"),
    "issuing_body": re.compile(r"(?:发文机关|发布机构)" + _FIELD + "([" + HAN_CLASS + r"]{2,40})"),
    "title": re.compile(  # the page's title field, up to the next cell or the next field on its line
        r"标\s*题" + _FIELD + r"([^\s|｜][^|｜]{3,80}?)(?=\s*(?:[|｜]|$)|\s+[^\s|｜]{2,6}\s*[:：])"
    ),
}


def header_meta(text: str) -> dict[str, str]:
    """Fields of a web page's header block (first lines that are cruft), e.g. the publication date."""
    meta: dict[str, str] = {}
    for line, furniture in _with_furniture(text[:3000].split("\n")):
        if not furniture:
            continue
        for key, pattern in _META.items():
            m = pattern.search(line)
            if m and key not in meta:
                meta[key] = m.group(1)
    return meta
