"""Where a body's name begins and ends when the text runs bodies together: after a count's measure word (3家区直部门),
after a Party committee written without a blank (中共某某市委某某市人民政府), after a blank the cleaner removed
(中共某某县委 某某县人民政府), and which of two overlapping names is the body's (kg.extract.organisations)."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.figures import unit_words
from kg.extract.org_words import TIER_CHARS, is_place, word_list
from kg.lang.areas import area_table
from kg.lang.numerals import ARABIC_DIGIT_CLASS, CHINESE_NUMERAL_CHARS
from kg.lang.zh import BODY_LAST_CHARS, LIST_NUMBER, TIERS
from kg.read import Document
from kg.resources import data_lines

_NUMERAL = re.compile(f"[{ARABIC_DIGIT_CLASS}{CHINESE_NUMERAL_CHARS}]")


def after_measure_word(text: str, start: int, name_end: int) -> int:
    """2件市政府规章, 3家区直部门: a name that begins right after a number never begins with its measure word."""
    if start == 0 or not _NUMERAL.match(text[start - 1]):
        return start
    word = next((u for u in unit_words() if text.startswith(u, start)), "")
    return start + len(word) if start + len(word) < name_end else start


def after_party_committee(text: str, start: int, name_end: int) -> int:
    """中共某某市委某某市人民政府 (a joint heading written without a blank): a place's name right after a
    committee's 委 starts the second body's name."""
    cut = start
    for i in range(start + 2, name_end):
        if text[i - 1] == "委" and area_table().starts_with_place(text[i:name_end]):
            cut = i
    return cut


def after_blank_between_bodies(doc: Document, start: int, name_end: int, endings: re.Pattern[str]) -> int:
    """Where a name really starts when the cleaner joined two bodies written side by side with a blank between
    (a joint heading: 中共某某县委 某某县人民政府): after the last blank whose left part is a whole body's name
    (two characters or more, ending like a body). Letter-spaced text (县 人 民 政 府) has single characters
    between its blanks and is read as one name."""
    cut, piece_start = start, start
    for i in range(start + 1, name_end):
        if doc.clean_to_text[i] - doc.clean_to_text[i - 1] > 1 and doc.text[doc.clean_to_text[i] - 1].isspace():
            piece = doc.clean[piece_start:i]
            if len(piece) >= 2 and _ends_like_body(piece, endings):
                cut = i
            piece_start = i
    return cut


def _ends_like_body(piece: str, endings: re.Pattern[str]) -> bool:
    return any(endings.fullmatch(piece, len(piece) - k) for k in range(1, len(piece)))


def outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans not inside another span (区委 inside 区委平安建设领导小组办公室), in text order; two that overlap
    are one body's name read from two endings (…工作领导小组 and 领导小组办公室: …工作领导小组办公室)."""
    kept: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda se: (se[0], -se[1])):
        if kept and e <= kept[-1][1]:
            continue
        if kept and s < kept[-1][1]:
            kept[-1] = (kept[-1][0], e)
            continue
        kept.append((s, e))
    return kept


@lru_cache(maxsize=1)
def short_fields() -> tuple[str, ...]:
    """kg/data/org_short_fields.txt: fields that name a department on their own when written short before 和."""
    return tuple(data_lines("org_short_fields.txt"))


_NOT_IN_FIELDS = frozenset(("p", "c", "u", "d", "r", "m", "q"))  # tags of words no field's name holds
_FIELD_AFTER_AND = 8  # characters after 和 up to the ending's last but one (科技|局, 政务信息管理|局, 交警大|队)
_FIELD_BEFORE_AND = 6  # and of the fields before it (农牧水利, 文化体育)


def _government_start(words: list[tuple[str, str]], at: int) -> int | None:
    """Where the government named by ``words[at]`` (…政府) begins: at the place before it (县 | 人民政府), or at
    itself when it holds its tier (区政府); None when no place names it (法治政府)."""
    word = words[at][0]
    if at > 0 and is_place(words[at - 1][0]) and word in ("政府", "人民政府"):
        return at - 1
    return at if word[:-2] in TIER_CHARS or is_place(word[:-2]) else None


def fields_joined(words: list[tuple[str, str]], at: int, after: int) -> int | None:
    """Whether the 和 (or 与) at ``words[at]`` joins two fields of one department's name (县农牧水利和科技局,
    市文化体育和旅游局, 县自然资源与规划局), not two bodies (区委和区政府, 县司法局和县财政局): after it a field of at
    most ``_FIELD_AFTER_AND`` characters (``after``: up to the ending's last character) that is no place, and before
    it a run of a few words that names no body and follows a place or a tier word, or a government (县政府行政复议与
    应诉中心, its department): that word's index, else None."""
    if not 2 <= after <= _FIELD_AFTER_AND or at < 2 or at + 1 == len(words) or is_place(words[at + 1][0]):
        return None
    if "".join(w for w, _ in words[max(0, at - 3) : at]).endswith(short_fields()):
        return None  # 县人社和医保局, 县公安和交警大队: two bodies written short
    length = 0
    for j in range(at - 1, max(-1, at - 4), -1):
        word = words[j][0]
        if is_place(word):
            return j if 2 <= length <= _FIELD_BEFORE_AND else None
        if word.endswith("政府") and 2 <= length <= _FIELD_BEFORE_AND:  # 旗政府行政复议与应诉中心: the government's
            return _government_start(words, j)
        tag = words[j][1]
        verb = tag.startswith("v") and tag != "vn" and word not in word_list("org_name_verbs.txt")  # (审批, 管理)
        if word[-1] in BODY_LAST_CHARS or tag in _NOT_IN_FIELDS or verb:
            return None
        length += len(word)
    return None


def without_quantifier(name: str) -> str:
    """个乡镇司法所 → 乡镇司法所: a quantifier or classifier never begins a name (kg/data/org_quantifiers.txt), nor
    an item's number (（一）, 一是); nor does 原 (former) before a tier word or a place (原市法制办公室 →
    市法制办公室; 原平市 is a place of its own)."""
    if numbered := LIST_NUMBER.match(name):
        name = name[numbered.end() :]  # （一）乡镇司法所…, 一是乡镇人民政府…: a heading's or an item's number
    if name.startswith("原") and (name[1:2] in TIERS or area_table().starts_with_place(name[1:])):
        return name[1:]
    for q in sorted(word_list("org_quantifiers.txt"), key=len, reverse=True):
        if name.startswith(q):
            return name[len(q) :]
    return name
