"""Bare short forms: a title that is only the kind of a document (《纲要》, 《方案》), or that kind after a tier word
(《省实施方案》, 《自治区实施意见》: the province's, the region's). Such a title is never a document of its own
(issue 15, tests/gold/GUIDELINES.md): it denotes the nearest earlier full title of that kind in the same report —
issued in the tier's place when a tier is written — else it is an unresolved mention."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.lang.areas import area_table
from kg.lang.titles import without_range_or_note, without_standing_note
from kg.lang.zh import PARTY, TIERS
from kg.model import RegulationMention
from kg.resources import data_lines

# a place written as its tier word alone (not the 市 of 市场, the 区 of 区域: a word the tier word begins)
BARE_TIER = re.compile(f"^(?:自治区|自治州|自治县|自治旗|[{TIERS}](?![场级域]))")


@lru_cache(maxsize=1)
def _kinds() -> frozenset[str]:
    return frozenset(data_lines("regulation_short_forms.txt"))


def short_form(title: str) -> tuple[str, str] | None:
    """(tier, kind) when ``title`` is a bare short form — tier ``""`` when it has none (《方案》), a note on its
    standing aside (《条例（草案）》) — else None."""
    title = without_standing_note(title)
    if title in _kinds():
        return "", title
    m = BARE_TIER.match(title)
    if m and title[m.end() :] in _kinds():
        return m.group(), title[m.end() :]
    return None


def of_tier(title: str, tier: str) -> bool:
    """Whether ``title`` is issued in a place of that tier: it begins with a place whose name ends in the tier word
    (某某省, 某某自治区; 区 is not 自治区, a province), or with the tier word itself (《自治区…条例》)."""
    rest = title[PARTY.match(title).end() :]
    places = area_table().leading_places(rest)
    if not places:
        return rest.startswith(tier)
    name = places[-1][2]
    return name.endswith(tier) and not (len(tier) == 1 and name.endswith("自治" + tier))


def abbreviated(title: str, earlier: list[RegulationMention]) -> str | None:
    """The full title a bare short form stands for: the nearest earlier document of that kind (its title, a year
    range aside, ends with the kind), of the tier's place when a tier is written."""
    form = short_form(title)
    if form is None:
        return None
    tier, kind = form
    for m in reversed(earlier):
        if (
            m.category == "regulation"
            and m.alias is None
            and m.title != title
            and without_range_or_note(m.title).endswith(kind)
            and (not tier or of_tier(m.title, tier))
        ):
            return m.title
    return None
