"""Chinese character classes, one definition each (spaCy keeps them in ``lang/char_classes.py``; so do we).

Every stage that needs "a Han character", "a tier word", "the end of a sentence" or "a quoted phrase" takes it
from here, so the classes cannot drift apart. Each constant is a plain string of characters (for ``in`` tests
and ``str`` methods); the ``*_CLASS`` forms are regex character-class bodies, to be used inside ``[…]``.
"""

from __future__ import annotations

import re
from functools import cache

from kg.lang.numerals import ARABIC_DIGIT_CLASS, COUNTING_CHARS

HAN_CLASS = "\u4e00-\u9fff"
"""CJK Unified Ideographs (the basic block): the characters of names, titles and running text."""

TIERS = "省市县区旗州盟"
PARTY = re.compile(r"(?:中共|中国共产党)?")
"""The Party prefix a body's or a title's name may start with (中共某某县委, 《中共某某县委关于…》)."""
"""The characters that end an administrative area's name and, alone, name a tier (省委, 县政府, 全区, 我旗)."""

FUNCTION_CHARS = "和与及同向对在由把将被从经为以报并或至暨"
"""Prepositions and conjunctions that split names where they meet them (报市人民政府和县人大: 报 | 市人民政府 | 和 |
县人大; “八大行动”和法治政府建设 names no body 和法治政府)."""

BODY_LAST_CHARS = frozenset("局委办府院所室队会站部厅")
"""The characters a body's name ends with (司法局, 县委, 人民法院, 派出所, 大队 …)."""

SENTENCE_ENDS = "。；;！!？?\n"
"""Characters that end a sentence (or a line, which a title or heading is)."""

CLAUSE_ENDS = SENTENCE_ENDS + "，,：:、（）()"
"""Characters that end a clause: a sentence end, a comma, a colon, an enumeration comma or a bracket."""

CELL_EDGES = "|｜"
"""The edges of a table's cells, as a page converted to text writes them (| 3月 | 中华人民共和国行政处罚法 |)."""

CELL_GAP = "\t"
"""The gap between two cells of a row of a table copied as tab-separated text (1⇥宪法⇥县委宣传部): the cleaning
keeps one tab there, where it drops the spaces inside Chinese text."""

BULLETS = "·•●▪◆■▶►▷➤★☆✅✔📌🔹🔸\ufe0f"
"""Marks that open an item of a list (new-media posts use symbols and emoji too; U+FE0F, the emoji variation
selector, follows some of them: ▶️, ✔️)."""

ITEM_NUMBERS = "".join(map(chr, range(0x2460, 0x2474))) + "".join(map(chr, range(0x2474, 0x2488)))
"""Circled and bracketed numbers that number the items of a list: ①…⑳, ⑴…⒇."""

LIST_NUMBER = re.compile(
    f"(?:[（(][{COUNTING_CHARS}{ARABIC_DIGIT_CLASS}]{{1,3}}[）)]|[{COUNTING_CHARS}]{{1,3}}是"
    f"|[{ARABIC_DIGIT_CLASS}]{{1,2}}[.、．](?![{ARABIC_DIGIT_CLASS}]))"
)
"""How an item of a list or a heading is numbered where it begins: （一）, (2), 一是, 三是, 1., 2、 (not a
decimal)."""

NO_LINE_START = "，,。.、；;：:！!？?）)》」』”’%‰"
"""Characters a line of Chinese text never starts with (the typesetting rule of 避头点): a line that does is the
rest of the line before, broken by a fixed-width layout or a PDF (调解成功率99 / .1%)."""

OPEN_QUOTES = '“"「『‘'
CLOSE_QUOTES = '”"」』’'
CLOSING_MARKS = "）)》〉」』”’]］】"  # what closes a bracket, a title or a quote
QUOTES = '“”"「」『』‘’'
"""Quotation marks of Chinese text: curly double and single, corner brackets, and the ASCII double quote."""
# the angle brackets a title nests another title in (《关于印发〈某某办法〉的通知》, 《…<纲要>…》)
INNER_TITLE_OPENS = "<〈＜‹"
INNER_TITLE_CLOSES = ">〉＞›"


_BLANKS_AND_QUOTES = re.compile(f"[\\s{re.escape(QUOTES)}']")


def without_quotes(text: str) -> str:
    """``text`` without blanks and quotation marks: how a quoted name is compared (“放管服” = 放管服 = 放 管 服)."""
    return _BLANKS_AND_QUOTES.sub("", text)


def is_han(ch: str) -> bool:
    """A CJK ideograph (of the basic block)."""
    return "\u4e00" <= ch <= "\u9fff"


@cache
def quoted(min_len: int = 1, max_len: int = 30, *, single: bool = True) -> re.Pattern[str]:
    """A quoted phrase of ``min_len`` to ``max_len`` characters, the phrase in group 1. It never crosses a line
    break or another quotation mark. ``single=False`` leaves out the single curly quotes ‘’ (in reports they
    more often mark a quote inside a quote than a name)."""
    opens = OPEN_QUOTES if single else OPEN_QUOTES.replace("‘", "")
    closes = CLOSE_QUOTES if single else CLOSE_QUOTES.replace("’", "")
    inner = QUOTES if single else QUOTES.replace("‘", "").replace("’", "")
    return re.compile(f"[{re.escape(opens)}]([^{re.escape(inner)}\\n]{{{min_len},{max_len}}})[{re.escape(closes)}]")


FULLWIDTH_ALNUM = {c: c - 0xFEE0 for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
"""``str.translate`` table: full-width digits and Latin letters (１２Ｎ) as ASCII, nothing else (NFKC would also
turn Chinese ，： into ASCII)."""
