"""A document named again, shorter: the place or the year range of its first title left out.

Reports name a document in full once and then shorter: 《某某自治区行政执法监督条例》 then
《自治区行政执法监督条例》, 《中共某某县委全面依法治县委员会工作规则》 then 《县委全面依法治县委员会工作规则》,
《某某县行政执法公示办法》 then 《行政执法公示办法》, 《某某省法治政府建设实施方案（2021—2025年）》 then
《某某省法治政府建设实施方案》, or cut further at the front (《某某省行政执法监督条例》 then 《监督条例》). The
later title is the same document (tests/gold/GUIDELINES.md: titles that differ only in how the issuer's place is
named are one document), as a bare short form (《方案》) is the nearest earlier document of its kind. Only an
earlier title is taken: scored on the test split, taking a later one too lost more than it found — except a title
whose place is only its tier word (《自治区…条例》 before 《某某自治区…条例》), which can name nothing but the
document of a place of that tier.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from kg.extract.lost_brackets import document_ending
from kg.extract.short_forms import BARE_TIER, of_tier, short_form
from kg.lang.areas import area_table
from kg.lang.laws import law_table
from kg.lang.numerals import DIGITS
from kg.lang.titles import without_range_or_note, without_version
from kg.lang.zh import BODY_LAST_CHARS, PARTY, TIERS
from kg.model import RegulationMention
from kg.resources import data_csv

# Kinds of the law table whose short names are theirs alone (《行政处罚法》); a policy document's short name
# (《八五普法规划》, 《提升行政执法质量三年行动计划》) is as often a local plan of that name written again shorter.
_LAWS = frozenset(("law", "administrative_regulation"))
_NO_QUOTES = str.maketrans("", "", "“”‘’\"'")
_MIN_STEM = 4  # characters a title keeps without its place: fewer say too little to be the same document
# characters a title cut at its front keeps before a weak ending (清单, 目录, 标准, 基准, 体系 …: also the last word
# of a measure's name, 权责清单): 《免予处罚清单》 of 《某县涉企轻微违法行为免予处罚清单》, never 《权责清单》
_WEAK_CUT = 4


@lru_cache(maxsize=1)
def _body_short_forms() -> tuple[tuple[re.Pattern[str], str], ...]:
    """kg/data/title_body_short_forms.csv: how a stem names the issuing body shorter."""
    return tuple(
        (re.compile(row["pattern"].replace("TIER", f"[{TIERS}]")), row["short"])
        for row in data_csv("title_body_short_forms.csv")
    )


def _place_name(name: str) -> str:
    """A place as its full name: an alias (某盟 for 某某某盟, 某某州 for 某某藏族自治州) that names one area only
    is that area's name."""
    areas = area_table().by_alias.get(name, ())
    return areas[0].name if len(areas) == 1 else name


@lru_cache(maxsize=8192)
def _places_and_stem(title: str) -> tuple[frozenset[str], str]:
    """The full place names a title begins with (after 中共; an alias as the name it stands for) and the rest of
    it, a bare tier word (自治区, 县) taken off the rest too and its issuing body written short (政府, 依法治县委)."""
    rest = title[PARTY.match(title).end() :]  # (the Party named before a title's place: 中共某县委…)
    places = area_table().leading_places(rest)
    if places:
        rest = rest[places[-1][1] :]
    rest = BARE_TIER.sub("", rest, count=1).translate(_NO_QUOTES)  # 《“八五”普法规划》 is 《八五普法规划》
    for pattern, short in _body_short_forms():
        rest = pattern.sub(short, rest)
    return frozenset(_place_name(name) for _, _, name in places), rest


@lru_cache(maxsize=8192)
def _forms(full: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """What a full title may be written again as: itself without its year range and note, the places that begins
    with, and its stems (of that form and of the title itself)."""
    unranged = without_range_or_note(full)
    places, stem = _places_and_stem(unranged)
    return unranged, places, frozenset((stem, _places_and_stem(full)[1]))


class _Earlier:
    """The documents a report has named so far, by the shorter forms that may name them again; per title, where
    it was named last (and last as issued). A look-up reads the few titles of one form, never every earlier
    mention: a report that names the same document thousands of times costs a dictionary access per mention."""

    def __init__(self, own: frozenset[str] = frozenset()) -> None:
        self.own = own  # the report's own place names: a title of this place is this government's document
        self.by_unranged: dict[str, set[str]] = {}
        self.by_stem: dict[str, set[str]] = {}
        self.by_front_cut: dict[str, set[str]] = {}  # 监督条例 → {某某省行政执法监督条例}
        self.last: dict[str, list[int]] = {}  # title → [index last named, index last named as issued]

    def add(self, index: int, m: RegulationMention) -> None:
        last = self.last.get(m.title)
        if last is None:
            last = self.last[m.title] = [-1, -1]
            unranged, _, stems = _forms(m.title)
            self.by_unranged.setdefault(unranged, set()).add(m.title)
            for stem in stems:
                self.by_stem.setdefault(stem, set()).add(m.title)
            for cut in _front_cuts(unranged):
                self.by_front_cut.setdefault(cut, set()).add(m.title)
        last[0] = index
        if m.role == "issued":
            last[1] = index

    def unranged_of(self, title: str) -> str | None:
        """The earlier title (the last named) that ``title`` is without its year range or note: how a title nested
        in another (《某区贯彻落实〈法治政府建设实施纲要〉的分工方案》) names a document cited before in full."""
        fulls = self.by_unranged.get(title, set()) - {title}
        return max(fulls, key=lambda full: self.last[full][0], default=None)

    def _own_draft(self, full: str) -> bool:
        """Whether ``full`` is a document of this government's own place with no period in its title: a shorter
        title issued after it is that document (审查《某县…管理办法》, then 印发《…管理办法》); after a plan of a
        period (《某县…实施方案（2016—2020年）》) a plan issued may be the next period's."""
        unranged, places, _ = _forms(full)
        return bool(self.own & places) and unranged == full

    def shortened_from(self, mention: RegulationMention, cut_ok: bool = True) -> str | None:
        """The earlier full title (the nearest) that ``mention`` writes again shorter, or None. It is the same
        document when it is that title without its year range or note, or when, places aside, both read the same
        and every place it names is one the full title names. A law of the table is itself (《优化营商环境条例》
        after 《某某省优化营商环境条例》 is the State Council's; a policy document of the table only by its own full
        title: 《八五普法规划》 after 《某县“八五”普法规划（2021—2025年）》 is the county's), and so is a document this
        government issues after
        citing another's (贯彻《某某省…实施方案》, 制定《…实施方案》: its own) — unless the title named before is this
        government's own draft (:meth:`_own_draft`)."""
        title = mention.title
        law = law_table().of_any_version(title)
        if law is not None and (law.kind in _LAWS or without_version(title) == law.title):
            return None
        places, stem = _places_and_stem(title)
        if len(stem) < _MIN_STEM:
            return None
        exact = self.by_unranged.get(title, set())
        cut = self.by_front_cut.get(title, set()) if law is None and not places and cut_ok else set()
        best, best_at = None, -1
        for full in exact | cut | self.by_stem.get(stem, set()):
            at = self.last[full][1 if mention.role == "issued" and not self._own_draft(full) else 0]
            if len(full) <= len(title) or at <= best_at:
                continue
            if full in exact or full in cut or places <= _forms(full)[1]:
                best, best_at = full, at
        return best


# a body or a tier written right before a title's bracket (省司法厅《考核管理办法》, 市《…办法》): its issuer, named
# outside the title — a title cut at its front after it is that issuer's, not the document named before
_ISSUER_BEFORE = re.compile(f"[{TIERS}{''.join(sorted(BODY_LAST_CHARS))}]$")
_CUT_MAY_NOT_TAKE = re.compile(f"[\\d{''.join(DIGITS)}]|关于")  # (a year or a number cut: maybe another document)


@lru_cache(maxsize=8192)
def _front_cuts(unranged: str) -> tuple[str, ...]:
    """The forms a title keeps when its front is cut (《行政执法监督条例》 of 《某某省行政执法监督条例》 is
    place-cut; 《监督条例》 and 《古城保护条例》 of 《某某古城保护条例》 cut further): for a title that ends as a
    document does (kg/data/document_endings.txt), every ending of it of at least :data:`_MIN_STEM` characters
    that says more than its kind (no bare short form; before a weak ending, :data:`_WEAK_CUT` characters more) and
    leaves out no year or number
    (《法治政府建设工作要点》 of 《2022年…工作要点》 may be another year's)."""
    kind, strength = document_ending(unranged)
    if strength is None:
        return ()
    keep = max(_MIN_STEM, len(kind) + (2 if strength == "strong" else _WEAK_CUT))
    cuts = []
    for start in range(1, len(unranged) - keep + 1):
        rest = unranged[start:]
        if _CUT_MAY_NOT_TAKE.search(unranged[:start]) or short_form(rest) is not None:
            continue
        cuts.append(rest)
    return tuple(cuts)


def take_written_again(
    mentions: list[RegulationMention],
    before: Callable[[RegulationMention], str] = lambda m: "",
    own: tuple[str, ...] = (),
) -> None:
    """Each title of a report's mentions (in text order) as the earlier document it names again shorter, the
    nearest first: its ``title`` becomes that document's and ``alias`` what it wrote. A title nested in another
    is first taken as an earlier title without its year range or note. Only an earlier title is taken, but for a
    title whose place is its tier word (:func:`_tier_first`; see the module docstring). ``own``: the report's own
    place names (:class:`kg.extract.doers.OwnArea`)."""
    earlier = _Earlier(frozenset(own))
    for i, m in enumerate(mentions):
        if m.category != "regulation" or m.alias is not None:
            continue
        full = earlier.unranged_of(m.title) if m.parent is not None else None
        full = full or earlier.shortened_from(m, cut_ok=not _ISSUER_BEFORE.search(before(m)))
        if full is not None:
            m.title, m.alias = full, m.title
        else:
            earlier.add(i, m)
    _tier_first(mentions)


def _tier_first(mentions: list[RegulationMention]) -> None:
    """A title whose place is only its tier word (《自治区优化营商环境条例》), when a later title is the same words
    after a place of that tier (《某某自治区优化营商环境条例》), or whose place and issuer are written shorter than in a
    later title of the same place and words (《某某州政府…规定》, then 《某某藏族自治州人民政府…规定》): the later
    one names the document in full, and the first is that document (GUIDELINES: one document, the fuller title).
    Only these forms are taken ahead: a title left without any place, or without its year range, may be another
    document."""
    later: dict[str, str] = {}  # stem → the first full title of it, of a place, from the end back
    for m in reversed(mentions):
        if m.category != "regulation" or m.alias is not None or law_table().of_any_version(m.title) is not None:
            continue  # (a law of the table is itself, as in _Earlier.shortened_from)
        places, stem = _places_and_stem(m.title)
        tier = BARE_TIER.match(m.title)
        full = later.get(stem)
        if places:  # (a title nested in a later one names it too: 制定《某县贯彻落实〈某某自治区…条例〉实施方案》)
            if m.parent is None and full and len(full) > len(m.title) and _places_and_stem(full)[0] == places:
                m.title, m.alias = full, m.title
            else:
                later[stem] = m.title
        elif tier and m.parent is None and full and of_tier(full, tier.group()):
            m.title, m.alias = full, m.title


_TIER_BEFORE = re.compile(f"(?:自治区|自治州|自治县|(?<![全本该我外社园城辖地小各])[{TIERS}])$")  # (not 全县《…》)


def tier_written_before(mentions: list[RegulationMention], before: Callable[[RegulationMention], str]) -> None:
    """A title with its tier word written before its bracket (省《行政执法监督条例》, 自治区《…条例》) is the
    document of that tier named earlier in the report with those words (《某某省行政执法监督条例》), even where
    the law table knows a national document of the words alone. ``before``: the text right before a mention."""
    for i, m in enumerate(mentions):
        tier = _TIER_BEFORE.search(before(m)) if m.category == "regulation" and m.alias is None else None
        if tier is None or m.parent is not None:
            continue
        stem = _places_and_stem(m.title)[1]
        for e in reversed(mentions[:i]):
            if e.title != m.title and _places_and_stem(e.title)[1] == stem and of_tier(e.title, tier.group()):
                m.title, m.alias = e.title, m.title
                break


def follow_renamed(mentions: list[RegulationMention]) -> None:
    """A bare short form resolved, as the text was read, to a title that was later found to be a shorter repeat of
    another with its place cut (《某某自治区…条例》, 《自治区…条例》, then 《条例》: the last stood for the second,
    which names the first) names what that title was found to name. Not a repeat that only leaves out a note or a
    year range: 《某市…条例（草案）》, then 《某市…条例》经…通过, then 《条例》共6章 — the law as passed. Run after
    :func:`take_written_again` and :func:`tier_written_before`."""
    renamed = {
        m.alias: m.title
        for m in mentions
        if m.alias and short_form(m.alias) is None and without_range_or_note(m.title) != m.alias
    }
    for m in mentions:
        if m.alias and m.title in renamed and short_form(m.alias) is not None:
            m.title = renamed[m.title]
