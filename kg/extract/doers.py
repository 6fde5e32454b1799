"""Who does what a report says is done (kg.extract.roles): the report's own government, another, or nobody named.

A clause's doer is the last body named before its verb (县政府印发, 市司法局出台, 我县制定): the report's own place or
a tier at or below its own is its government; another place, or a tier above, is another's; the governments below
it, each doing its own (各乡镇制定), too. A clause that names nobody takes the place that opens its sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.org_words import verb_read_as_place
from kg.lang.areas import TIER_RANK, area_table, tier_words
from kg.lang.zh import BODY_LAST_CHARS, SENTENCE_ENDS, TIERS
from kg.model import AreaRef

CLAUSE_END = SENTENCE_ENDS + "，,：:"


@dataclass(frozen=True)
class OwnArea:
    """What the report's own government looks like in text: its place names, its tier, and whether a 市 word
    (市政府, 市委) means itself — it does in a county-level city's report."""

    names: tuple[str, ...] = ()
    level: str = "county"
    city_is_self: bool = False

    @classmethod
    def of(cls, area: AreaRef | None) -> OwnArea:
        if area is None:
            return cls()
        a = area_table().by_code.get(area.code)
        names = {area.name, *([a.short] if a is not None and a.short else [])}
        return cls(
            tuple(sorted(names, key=len, reverse=True)), area.level, area.level == "county" and area.name.endswith("市")
        )


_CONNECTIVE = re.compile(r"^(?:其中|同时|另外|此外|并且|并)")  # 其中县卫健局印发的…: the clause's body comes after it


# the governments below this one, each doing its own (各乡镇制定, 各县区出台): their documents, not this one's (its
# departments' are its own: 推动各部门编制《…清单》); not those it sends a document to (向各乡镇下发《…》)
_EACH_BELOW = re.compile(r"(?<![向给对])各(?:乡镇|乡|镇|街道|镇街|村|社区|县区|区县|县（市、区）|县市区)")
# words that name the report's own government as a doer (我县, 本级, 全市 — but not 全市 as where a body went first:
# 某区在全市率先出台《…》 is the district's; 本人: the head writing a 述法 or 第一责任人 report for it)
_OWN_WORDS = re.compile(f"我[{TIERS}局委]|本人|本级|本部门|(?<!在)全[{TIERS}](?!(?:范围内)?(?:率先|首先|首家|第一))")


def doer(before_verb: str, own: OwnArea) -> str | None:
    """Who does an issuing verb, by the last body named in its clause before it: 'own' (我县, 区政府, the
    report's own place), 'other' (another place, or a tier above the report's: 市政府印发 in a county report,
    国务院公布), or None when the clause names nobody."""
    lo = _item_start(before_verb)
    segment = _CONNECTIVE.sub("", before_verb[lo:].strip())
    if not segment:
        return _subject(before_verb[:lo], own)
    found: list[tuple[int, str]] = []  # (position, verdict)
    places = area_table().find(segment)
    for s, _, name in places:
        if not verb_read_as_place(name, segment[s - 1 : s]):  # (县政府会同县委编办: no 会同县)
            found.append((s, "own" if name in own.names else "other"))
    for word, tier in tier_words():
        i = 0 if len(word) == 1 and segment.startswith(word) else segment.rfind(word)  # (市市场监管局: the first)
        if i < 0 or (len(word) == 1 and i != 0) or any(s <= i < e for s, e, _ in places) or segment[i - 1 : i] == "治":
            continue  # a one-character tier word only opens the clause (市政府…); 潍坊市人民政府 is a place's;
            # 依法治市委员会 names a committee, not the city's 市委
        if i == 0 and (joint := _joint_place(before_verb[:lo], word[0])) is not None:
            found.append((0, "own" if joint in own.names else "other"))  # 某某市委、市政府: 某某市's government
            continue
        self_city = tier == "prefecture" and word.startswith("市") and own.city_is_self
        found.append((i, "own" if self_city or TIER_RANK[tier] <= TIER_RANK[own.level] else "other"))
    for m in _OWN_WORDS.finditer(segment):
        found.append((m.start(), "own"))
    for m in _EACH_BELOW.finditer(segment):
        found.append((m.start(), "other"))  # 指导各乡镇制定《…》: each township's own document
    for name in own.names:
        i = segment.rfind(name)
        if i >= 0 and not any(s <= i < e and other not in own.names for s, e, other in places):
            found.append((i, "own"))  # (not inside another place's name: 辽阳县 in 辽阳市's report is the county)
    if _JOINT.search(segment) and any(verdict == "own" for _, verdict in found):
        return "own"  # 某县司法局与某某县司法局联合制定《…》: made together, so this government's too
    return max(found)[1] if found else None


# a body acting with another (与/同/会同 …, 和 … 联合/共同) right before the verb: both are its doers
_BODY_END = "".join(sorted(BODY_LAST_CHARS))
_JOINT = re.compile(
    f"(?:(?:与|同|会同)[^，,。；;、]{{1,20}}?[{_BODY_END}](?:联合|共同)?|和[^，,。；;、]{{1,20}}?[{_BODY_END}](?:联合|共同))$"
)


def _subject(sentence: str, own: OwnArea) -> str | None:
    """The doer of a verb whose own clause names nobody (…，出台《…》): the place that opens the sentence, if one does
    (某某县依据《…》，出台《…》 is that county's act), as 'own' or 'other'; else None."""
    opening = _CONNECTIVE.sub("", sentence.strip())
    places = area_table().find(opening)
    if not places or places[0][0] != 0 or verb_read_as_place(places[0][2], ""):
        return None
    return "own" if places[0][2] in own.names else "other"


def _item_start(text: str) -> int:
    """Where the last item of ``text`` begins: after its last clause end, enumeration comma or masked title."""
    lo = len(text)
    while lo > 0 and text[lo - 1] not in CLAUSE_END + "、\x00":
        lo -= 1
    return lo


def _joint_place(before_item: str, tier: str) -> str | None:
    """The place of a body named just before ``、`` (中共某某市委、市政府), when its name ends in ``tier``: the body
    after the ``、``, written with its tier word only, is that place's (its government)."""
    if not before_item.endswith("、"):
        return None
    item = before_item[:-1]
    item = item[_item_start(item) :]
    places = [name for _, _, name in area_table().find(item) if name.endswith(tier)]
    return places[-1] if places else None
