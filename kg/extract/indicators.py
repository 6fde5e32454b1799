"""Linking a figure to the indicator it states (``ontology/indicators.ttl``): 办理行政复议案件677件 → 行政复议案件数.

A figure is linked when the clause right before its number ends with one of an indicator's labels (after words
such as 达到/共/累计 that stand between a subject and its number), or contains one, and the indicator's unit is the
figure's unit (or one it counts as: 起 and 案 count cases like 件). When two indicators fit equally well the figure
stays unlinked: a wrong link is worse than none.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.lang.schemes import indicator_scheme
from kg.resources import data_csv

_FILLER = re.compile(
    r"(?:达到|达|为|是|共计|共|合计|总计|累计|计|分别|同比|均|约|近|超过|逾|了|的|总数|数量|人数|数|量)+$"
)


@lru_cache(maxsize=1)
def _labels() -> dict[str, list[tuple[str, str]]]:
    """unit → [(label, concept id)], longest labels first."""
    out: dict[str, list[tuple[str, str]]] = {}
    for concept in indicator_scheme():
        if concept.unit is None:
            continue
        for label in concept.labels:
            out.setdefault(concept.unit, []).append((label, concept.id))
    for pairs in out.values():
        pairs.sort(key=lambda p: (-len(p[0]), p[0], p[1]))
    return out


@lru_cache(maxsize=1)
def _counts_as() -> dict[str, str]:
    """Units that count the same things as another (案件39起 counts cases like 39件): ``counts_as`` of units.csv."""
    return {r["base"]: r["counts_as"] for r in data_csv("units.csv") if r.get("counts_as")}


@lru_cache(maxsize=1)
def _by_length() -> dict[str, list[tuple[int, dict[str, set[str]]]]]:
    """unit → the labels of :func:`_labels` grouped by length, longest first: [(length, {label: concept ids})]."""
    out: dict[str, list[tuple[int, dict[str, set[str]]]]] = {}
    for unit, pairs in _labels().items():
        groups: dict[int, dict[str, set[str]]] = {}
        for label, cid in pairs:
            groups.setdefault(len(label), {}).setdefault(label, set()).add(cid)
        out[unit] = sorted(groups.items(), reverse=True)
    return out


def link_indicator(clause: str, unit: str) -> str | None:
    """The id of the indicator the clause before a figure names, or None when none or several fit."""
    groups = _by_length().get(_counts_as().get(unit, unit))
    if not groups or not clause:
        return None
    tail = _FILLER.sub("", clause.strip())
    hits = _longest_ending(tail, groups) or _longest_inside(tail, groups)
    if hits:
        return next(iter(hits)) if len(hits) == 1 else None
    return None


def _longest_ending(tail: str, groups: list[tuple[int, dict[str, set[str]]]]) -> set[str]:
    """The ids of the longest label ``tail`` ends with (one look-up per length: only one label of a length can)."""
    for length, labels in groups:
        if length <= len(tail):
            ids = labels.get(tail[len(tail) - length :])
            if ids:
                return ids
    return set()


def _longest_inside(tail: str, groups: list[tuple[int, dict[str, set[str]]]]) -> set[str]:
    """The ids of every label of the greatest length that ``tail`` contains (a label longer than it never is)."""
    for length, labels in groups:
        if length <= len(tail):
            found = set().union(*(ids for label, ids in labels.items() if label in tail))
            if found:
                return found
    return set()
