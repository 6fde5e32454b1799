"""Spelling normalisation of document titles: the first step of canonical identity.

Reports write the same title many ways: half- or full-width brackets, four kinds of dash, spaces from
typesetting, a year range with or without 年, inner titles in <>, 〈〉 or 《》. :func:`normalise_title` maps all of
them to one spelling: full-width （）, the dash —, no spaces, ranges as （2021—2025年） (also where the dash was
lost: （2021 2025年）, （20212025年）), inner titles in 《》.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.lang.zh import FULLWIDTH_ALNUM

_SPACES = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
_INNER_OPEN = str.maketrans({"<": "《", "〈": "《", "＜": "《", "‹": "《", "«": "《"})
_INNER_CLOSE = str.maketrans({">": "》", "〉": "》", "＞": "》", "›": "》", "»": "》"})
_DASHES = "-–—―‐‑‒－~～〜_"
_RANGE = re.compile(rf"(?P<a>(?:19|20)\d\d)\s*年?\s*[{_DASHES}至到]+\s*(?P<b>(?:19|20)\d\d)\s*年?")
_PAREN_RANGE = re.compile(r"（((?:19|20)\d\d—(?:19|20)\d\d)）")
# a dash of any width joining two names (中国-东盟, 中国－上海合作组织): the one dash titles are written with
_HAN_DASH = re.compile(r"(?<=[\u4e00-\u9fff])[-–‐‑‒－―](?=[\u4e00-\u9fff])")
# a range whose dash was lost (（2021 2025年）, （20212025年）: spaces are gone by then): two years in brackets
_GLUED_RANGE = re.compile(r"（((?:19|20)\d\d)((?:19|20)\d\d)年?）")
_BRACKETS = str.maketrans(
    {"(": "（", ")": "）", "[": "【", "]": "】", "“": "“", '"': "“", "「": "“", "」": "”", "『": "“", "』": "”"}
)  # corner quotes (「跨省通办」, as pages of some sites write them) are the curly ones


def _without_outer_brackets(t: str) -> str:
    """``t`` without the 《》 around it and without an opening or closing bracket that pairs with nothing, but with
    the closing bracket of a title nested at its end (地方标准《某某规范》 keeps its 》)."""
    while t.startswith("《") and t.count("《") > t.count("》"):
        t = t[1:]
    while t.endswith("》") and t.count("》") > t.count("《"):
        t = t[:-1]
    while len(t) > 1 and t[0] == "《" and t[-1] == "》" and _closes_at_end(t):
        t = t[1:-1]
    return t


def _closes_at_end(t: str) -> bool:
    """Whether the 《 that opens ``t`` is closed by its last character (《甲》, not 《甲》和《乙》)."""
    depth = 0
    for i, ch in enumerate(t):
        depth += (ch == "《") - (ch == "》")
        if depth == 0:
            return i == len(t) - 1
    return False


@lru_cache(maxsize=16384)
def normalise_title(title: str) -> str:
    """One spelling per title (see module doc). Keeps characters otherwise; does not expand short names. Cached:
    the same titles come back mention after mention and report after report (~4 % of a report's extraction
    before)."""
    t = title.translate(FULLWIDTH_ALNUM)  # not NFKC: that would also turn Chinese ，：into ASCII
    t = _SPACES.sub("", t)
    t = _without_outer_brackets(t)
    t = t.translate(_BRACKETS)
    t = t.translate(_INNER_OPEN).translate(_INNER_CLOSE)
    t = _GLUED_RANGE.sub(lambda m: f"（{m[1]}—{m[2]}年）" if 0 < int(m[2]) - int(m[1]) <= 20 else m[0], t)
    t = _RANGE.sub(lambda m: f"{m['a']}—{m['b']}年", t)
    t = t.replace("年年", "年")
    t = _PAREN_RANGE.sub(lambda m: f"（{m[1]}年）", t)
    t = _HAN_DASH.sub("—", t)
    return _NUMBER_NOTE.sub("", t)


# a document number typed inside the brackets, at the end (《…实施意见（某办发〔2023〕9号）》): the document's
# number, not its title's words (the same document cited without it is one document)
_NUMBER_NOTE = re.compile(r"（[\u4e00-\u9fff]{1,12}[〔\[［【]\s*(?:19|20)\d\d\s*[〕\]］】]\s*第?\d{1,4}号）$")


_TRAILING_RANGE = re.compile(r"（[^（）]*(?:19|20)\d\d[^（）]*）$")


def without_range(title: str) -> str:
    """A normalised title without the bracket holding its year range at the end (某省…实施方案（2021—2025年） →
    某省…实施方案): how a report writes a plan again, or names it by its kind (《方案》)."""
    return _TRAILING_RANGE.sub("", title)


_RANGE_AFTER = re.compile(rf"[ \t]?[（(]\s*(?:{_RANGE.pattern})\s*[)）]")  # (a year range in a bracket of its own)


def range_after(title: str, text: str, end: int) -> str:
    """``title`` with the year range written right after its closing bracket (《…实施纲要》（2021-2025年）, a
    bracket half-width or a space before it), when it has none of its own: the range names which plan it is,
    as inside the brackets (…实施纲要（2021—2025年）). Else ``title``."""
    m = _RANGE_AFTER.match(text, end)
    if m is None or _TRAILING_RANGE.search(title):
        return title
    return normalise_title(title + m.group().strip())


# a note on a document's standing after its title: written once, left out when the title comes back (a bare
# （修订） too: a dated one is a version note, below)
_STANDING_NOTE = re.compile(
    r"（(?:试行|暂行|征求意见稿|送审稿|修订稿|讨论稿|草案|修订草案|草案稿|草案送审稿|草案修改稿|修订|修订版|修订本)）$"
)


def without_standing_note(title: str) -> str:
    """A normalised title without the note on its standing at the end (某县…办法（试行） → 某县…办法,
    …规划（征求意见稿） → …规划): how a report names the document again."""
    return _STANDING_NOTE.sub("", title)


def without_range_or_note(title: str) -> str:
    """A normalised title without its year range and its standing note, in either order (…规划（2021—2025年）
    （征求意见稿） → …规划): the title a report writes again shorter, or names by its kind."""
    return without_standing_note(without_range(without_standing_note(title)))


COPIES_AFTER = re.compile(  # 《…》5000册, 《…》手册2万份, 《…》口袋书1200册: copies handed out
    r"(?:手册|宣传册|折页|读本|口袋书|宣传单|宣传页|画册)?"
    r"[0-9０-９一二三四五六七八九十百千万][0-9０-９,，.一二三四五六七八九十百千万余多近约]*(?:册|本|份)"
)
"""Copies of a title printed or handed out, right after it: a printed thing (a book), or a rule printed for the
public (发放《某省…条例》3000份), never a document made."""

# a version note after a law's name: （2023年修订）, （2018年第二次修正）, （2021年1月22日修订）, （2021修正版）
VERSION_NOTE_BODY = (
    r"(?:(?:19|20)\d\d年?(?:\d{1,2}月(?:\d{1,2}日)?)?)?(?:第[一二三四五六七八九十]+次)?(?:修订|修正|修改)(?:版|本|稿)?"
)
"""What a version note holds between its brackets (also read after a title in running text: kg.extract.roles)."""
_VERSION_NOTE = re.compile(f"（{VERSION_NOTE_BODY}）$")


def without_version(title: str) -> str:
    """A normalised title without its version note (中华人民共和国行政复议法（2023年修订） → …行政复议法): a revised
    law is the law, one node whichever version a report names."""
    return _VERSION_NOTE.sub("", title)


def match_key(title: str) -> str:
    """A looser key used only for matching (evaluation, alias lookup): also drops 《》 and quotes."""
    return re.sub(r"[《》“”\"'‘’「」『』]", "", normalise_title(title))


# how the title of a document that rules ends (a note such as （试行） may follow): what tells a title in other
# brackets (『…办法』, 〈…条例〉) from a quoted phrase (「尊法学法守法用法」)
_DOCUMENT_ENDING = re.compile(
    r"(?:法典|条例|办法|规定|细则|规则|意见|实施方案|工作方案|方案|规划|纲要|决定|通知|工作要点)(?:（[^（）]{1,20}）)?$"
)


_COUNTED = re.compile(r"[一二两三四五六七八九十]+[个项条部]")


_PRINTED_WORK_ENDING = re.compile(r"(?:读本|口袋书|手册|汇编|选编|丛书|画册|宣传册|教材|文集|百问百答|知识问答)$")


def names_a_printed_work(text: str) -> bool:
    """Whether ``text`` (what stands between a pair of brackets) is the title of a printed work: a reader, a
    handbook, a collection (『法律明白人读本』, 「农民工维权口袋书」). Read as a title (the extractors say what it
    names: a book, or a working manual that rules), never as a quoted coined phrase."""
    return len(text) >= 4 and bool(_PRINTED_WORK_ENDING.search(normalise_title(text)))


def names_a_document(text: str) -> bool:
    """Whether ``text`` (what stands between a pair of brackets) is the title of a document that rules: it ends as
    one does, or it is a name of the national law table (法律援助法, 民法典)."""
    from kg.lang.laws import law_table  # noqa: PLC0415 - the table is loaded only when a bracket asks

    title = normalise_title(text)
    if _COUNTED.match(title):
        return False  # 「三个规定」, 「两项意见」: a slogan that counts rules, not one of them
    return len(title) >= 4 and bool(_DOCUMENT_ENDING.search(title)) or law_table().of_any_version(title) is not None
