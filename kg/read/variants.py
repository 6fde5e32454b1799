"""Text served in another written form than the reports are read in: pages a mirror converted to traditional
characters (法治政府建設年度報告), some with the pinyin of a character after it (經(jīng)濟). The rules and word
lists read simplified characters, so such a text is read as its simplified form, character for character, and the
pinyin glosses become blanks the cleaner drops: the offsets of every fact stay those of the original text."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.lang.zh import HAN_CLASS
from kg.resources import data_lines

TRADITIONAL_SHARE = 0.05
TRADITIONAL_MIN = 10
"""A text is read as traditional when at least TRADITIONAL_MIN and TRADITIONAL_SHARE of its Chinese characters
have a different simplified form: a traditional page has hundreds; a simplified report has a character such as 乾
or 著 now and then (which a character table would turn into 干 or 着)."""

_HAN = re.compile(f"[{HAN_CLASS}]")
_PINYIN = re.compile(f"(?<=[{HAN_CLASS}])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")  # 經(jīng): a tone mark


_SAMPLE = 20_000  # a page is written in one form: its first characters tell which (a 4 MB report costs nothing)


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    return {ord(line[0]): line[2] for line in data_lines("traditional_chars.txt")}


@lru_cache(maxsize=1)
def _traditional() -> frozenset[str]:
    """Every character that has a different simplified form. They are counted as the occurrences of those of
    them a text holds (the set's intersection with the text, then ``str.count`` each: a simplified report holds
    none or a few): ~0.4 ms for 20,000 characters, where a ``str.translate`` deleting them took ~0.8 ms and a regex
    class of 4,097 characters ~6 ms (sre tests such a class member by member)."""
    return frozenset(map(chr, _table()))


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional characters (see TRADITIONAL_SHARE), judged on its beginning."""
    sample = text[:_SAMPLE]
    count = sum(map(sample.count, _traditional().intersection(sample)))
    return count >= TRADITIONAL_MIN and count >= TRADITIONAL_SHARE * len(_HAN.findall(sample))


def as_simplified(text: str) -> str:
    """The text in simplified characters, same length; a text written in traditional characters
    (:func:`is_traditional`) also has its pinyin glosses blanked. A simplified report that quotes a title or a
    passage in traditional characters (a title copied from a Hong Kong or Taiwan page: 《中華人民共和國民法典》) has
    those characters converted too, or the law would be read as another document: every character of the table
    has one simplified form, and a simplified text rarely holds one otherwise (乾 and 著, which a simplified text
    uses, are not in the table; a name such as 哪吒 is read as 哪咤 — no rule reads it)."""
    found = _traditional().intersection(text)
    if not found:
        return text
    table = _table()
    converted = text.translate({ord(ch): table[ord(ch)] for ch in found})
    return _PINYIN.sub(lambda m: " " * len(m.group()), converted) if is_traditional(text) else converted
