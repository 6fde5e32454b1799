"""The words of the text before a body's ending, as the name reader takes them (kg.extract.organisations): place
names kept whole, a character glued to a tier word split off when the pair is no place, a verb read into a place's
name after a body split off again (会同县 in 县司法局会同县发展改革局)."""

from __future__ import annotations

import re
from functools import cache

from kg.lang.areas import area_table
from kg.lang.wordpattern import words_pattern
from kg.lang.zh import BODY_LAST_CHARS, CLAUSE_ENDS, FUNCTION_CHARS
from kg.resources import data_lines
from kg.segment import Segmenter

TIER_CHARS = ("自治区", "街道", "区", "县", "市", "省", "镇", "乡", "旗", "州", "盟", "村")


@cache
def word_list(name: str) -> frozenset[str]:
    return frozenset(data_lines(name))


def is_place(word: str) -> bool:
    table = area_table()
    return word in TIER_CHARS or word in table.by_name or word in table.by_alias or word == "中共"


def name_words(window: str, segmenter: Segmenter | None) -> list[tuple[str, str]]:
    """The window's words with tags. Place names are kept whole even where the segmenter would cut across
    them (中共盐池县委 is 中共 | 盐池县 | 委, not 中 | 共同 | 心 | 县委), and a character the segmenter glued to a
    tier character is split off when the pair is no place, or the character is a function word (报市 → 报 市,
    日区 → 日 区, 和县 → 和 县: 报市人民政府和县人大常委会 names two bodies)."""
    if segmenter is None:
        return [(w, "x") for w in _cut_by_stop_words(window)]
    out: list[tuple[str, str]] = []
    pos = 0
    places = area_table().find(window)
    bounds = _word_bounds(window, segmenter) if any(len(n) == 2 for _, _, n in places) else set()
    for start, end, name in places:
        if len(name) == 2 and (name[0] in FUNCTION_CHARS or start not in bounds):
            continue  # 和县 in …和县人大常委会, 理县 in 办理县…: a short place name inside other words
        out += _tagged(window[pos:start], segmenter) + [(name, "ns")]
        pos = end
    return _verb_before_tier(out + _tagged(window[pos:], segmenter))


def _verb_before_tier(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A place's name that is a verb and a tier word right after a body (会同县 in 县司法局会同县发展改革局) is that
    verb, then the tier word of the next body's name."""
    out: list[tuple[str, str]] = []
    for word, tag in words:
        if verb_read_as_place(word, out[-1][0][-1] if out else ""):
            out += [(word[:2], "v"), (word[2], "ns")]
        else:
            out.append((word, tag))
    return out


def _word_bounds(window: str, segmenter: Segmenter) -> set[int]:
    bounds, pos = {0}, 0
    for word in segmenter.cut(window):
        pos += len(word)
        bounds.add(pos)
    return bounds


def _tagged(piece: str, segmenter: Segmenter) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for word, tag in segmenter.tag(piece) if piece else []:
        if (
            len(word) == 2
            and word[1] in TIER_CHARS
            and (word[0] in FUNCTION_CHARS or not is_place(word))
            and word not in word_list("tier_ending_nouns.txt")
        ):
            first_tag = "p" if word[0] in FUNCTION_CHARS else "t" if word[0] in "年月日" else "n"
            out += [(word[0], first_tag), (word[1], "ns")]
        elif len(word) == 2 and word[1] in FUNCTION_CHARS:
            out += [(word[0], tag), (word[1], "p")]  # 内向 | 市人民政府: the 向 is a preposition
        else:
            out.append((word, tag))
    return out


@cache
def _stop_words_pattern() -> re.Pattern[str]:
    """The stop words of two characters or more, as one pattern (made once, not per window)."""
    return re.compile(words_pattern(w for w in word_list("org_stop_words.txt") if len(w) >= 2))


def _cut_by_stop_words(window: str) -> list[str]:
    """Without a segmenter: split at multi-character stop words only (single characters such as 和 occur
    inside names: 住房和城乡建设局)."""
    out, pos = [], 0
    for m in _stop_words_pattern().finditer(window):
        out += [window[pos : m.start()], m.group()] if m.start() > pos else [m.group()]
        pos = m.end()
    if pos < len(window):
        out.append(window[pos:])
    return out


def verb_read_as_place(name: str, before: str) -> bool:
    """Whether a place's name right after ``before`` (the character before it) is a verb and a tier word
    instead: 会同县 after a body (县政府会同县委编办, 县司法局会同县财政局) or at a clause's start (牵头，会同县财政局
    制定…: the subject said before) is 会同 and the next body's 县. In that county's own report, 县财政局 is its
    bureau all the same; in its city's report, a clause that opens with the county's name loses it (a trade: the
    verb opens clauses in every county's reports). 全州县 stays the county: 全州, "the whole 州", is no verb."""
    return (
        len(name) == 3
        and name[2] in TIER_CHARS
        and (before in BODY_LAST_CHARS or (before == "" or before in CLAUSE_ENDS) and not name.startswith("全"))
        and name[:2] in word_list("org_stop_words.txt")
    )
