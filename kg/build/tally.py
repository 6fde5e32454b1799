"""The merged corpus as counts: for each shared node, which values the reports give it and how many reports give
each, so that one report's share can be taken out and another put in without merging every share again.

:func:`kg.resolve.merge_corpus`, applied to every report's share in report-id order, decides each field of a
shared node in one of three ways, and a :class:`Tally` keeps what each needs:

* **the first report decides** (a regulation's scope and issuer area, whether its label is the law table's and
  then the label; an entity's label and concept, a government's area; a work's label and type; an area): the
  tally keeps, per
  distinct tuple of those fields, the number of reports that give it and the smallest report id among them, so
  the first report's tuple is the one with the smallest id. Taking out the report with that id asks the caller
  for the next one (:meth:`Tally.remove` says when), which the build finds among the node's contributors
  (:mod:`kg.build.state`);
* **the first report that knows decides** (a regulation's issuer level, and its kind with it): the tuple with the
  smallest id among those whose level is known;
* **every report adds** (altLabels, document numbers, implemented regulations, a regulation's candidate labels,
  of which the longest wins): the tally counts, per value, the reports that give it; a value stays while its count
  is above zero.

:func:`merged_node` turns a tally back into the node :func:`kg.resolve.merge_corpus` would make, in the JSON form
of :func:`kg.build.fragment.corpus_to_json` (``tests/build/test_tally.py`` checks the two agree after shares
are added and taken out in any order).
"""

from __future__ import annotations

import json
from typing import Any

import orjson

TABLES = ("areas", "governments", "organisations", "measures", "works", "regulations", "indicators")
# Per share table: the fields the first report decides, in this order in a tuple (a regulation's label only when
# the law table fixed it: see _firsts), and the fields every report adds to
FIRST_FIELDS: dict[str, tuple[str, ...]] = {
    "areas": ("code", "name", "level", "path"),
    "governments": ("label", "area", "concept"),
    "organisations": ("label", "concept"),
    "measures": ("label", "area", "concept"),
    "works": ("label", "work_type"),
    "regulations": ("kind", "issuer_level", "scope_area", "issuer_area", "fixed_label", "label"),
    "indicators": (),
}
SET_FIELDS: dict[str, tuple[str, ...]] = {
    "areas": (),
    "governments": ("alt_labels",),
    "organisations": ("alt_labels",),
    "measures": ("alt_labels",),
    "works": ("alt_labels",),
    "regulations": ("alt_labels", "document_numbers", "implements", "labels"),
    "indicators": (),
}
# An organisation's area (the first report's area, which no triple shows and which differs from report to report
# for 国务院 or 县人民政府) is not kept: a merged organisation has none
UNKEPT: dict[str, dict[str, None]] = {"organisations": {"area": None}}
_LEVEL, _FIXED, _LABEL = 1, 4, 5  # positions in a regulation's tuple
_UNKNOWN = "unknown"

Node = tuple[str, str, str, list, dict[str, list[str]]]
"""One node of a share: table, key, its first-decided tuple as text and as values, its set fields."""


def share_nodes(share: dict[str, Any]) -> list[Node]:
    """The nodes of one report's corpus share (the corpus line of its fragment: ``corpus`` and ``indicators``).
    A tuple's text is its ``repr`` (its values are strings, booleans, None and lists of them: one text per tuple,
    the same in every process)."""
    out: list[Node] = [("indicators", key, "[]", [], {}) for key in share["indicators"]]
    corpus = share["corpus"]
    for table in TABLES[:-1]:
        firsts, sets = FIRST_FIELDS[table], SET_FIELDS[table]
        regulations = table == "regulations"
        for key, node in corpus[table].items():
            values = [node[f] for f in firsts]
            added = {f: node[f] for f in sets if node.get(f)}  # (a field with no value adds nothing)
            if regulations:
                added["labels"] = [node["label"]]
                if not node["fixed_label"]:  # a label the law table did not fix is one candidate of many
                    values[_LABEL] = None
            out.append((table, key, repr(values), values, added))
    return out


class Tally:
    """One shared node's contributions (see the module docstring). ``firsts``: tuple text → [reports, smallest
    report id, values]; ``sets``: field → value → reports."""

    __slots__ = ("firsts", "sets")

    def __init__(self, firsts: dict[str, list] | None = None, sets: dict[str, dict[str, int]] | None = None) -> None:
        self.firsts = firsts if firsts is not None else {}
        self.sets = sets if sets is not None else {}

    def add(self, report: str, first: str, values: list, sets: dict[str, list[str]]) -> None:
        seen = self.firsts.get(first)
        if seen is None:
            self.firsts[first] = [1, report, values]
        else:
            seen[0] += 1
            if report < seen[1]:
                seen[1] = report
        for name, items in sets.items():
            counts = self.sets.get(name)
            if counts is None:
                counts = self.sets[name] = {}
            for value in items:
                counts[value] = counts.get(value, 0) + 1

    def remove(self, report: str, first: str, sets: dict[str, list[str]]) -> bool:
        """Take out one report's contribution; True when it was the smallest id of its tuple and others give that
        tuple still: the caller sets the next smallest (:meth:`set_first`)."""
        seen = self.firsts[first]
        seen[0] -= 1
        if not seen[0]:
            del self.firsts[first]
        for name, items in sets.items():
            counts = self.sets[name]
            for value in items:
                counts[value] -= 1
                if not counts[value]:
                    del counts[value]
        return bool(seen[0]) and seen[1] == report

    def set_first(self, first: str, report: str) -> None:
        self.firsts[first][1] = report

    @property
    def empty(self) -> bool:
        return not self.firsts

    def to_json(self) -> str:
        """Compact JSON, characters as they are (written by orjson: the text of ``json.dumps(…,
        ensure_ascii=False, separators=(",", ":"))``, in less time; once per node a build touches)."""
        return orjson.dumps([self.firsts, self.sets]).decode("utf-8")

    @classmethod
    def from_json(cls, text: str) -> Tally:
        firsts, sets = json.loads(text)
        return cls(firsts, sets)


def _earliest(tally: Tally, keep=lambda values: True) -> list | None:
    """The values of the tuple with the smallest report id among those ``keep`` accepts."""
    best = None
    for _, report, values in tally.firsts.values():
        if keep(values) and (best is None or report < best[0]):
            best = (report, values)
    return best[1] if best else None


def _regulation(key: str, tally: Tally) -> dict[str, Any]:
    first = _earliest(tally)
    known = _earliest(tally, lambda values: values[_LEVEL] != _UNKNOWN) or first
    labels = set(tally.sets.get("labels", ()))
    # the law table's label, else the longest spelling; of equally long ones, the first in code-point order
    label = first[_LABEL] if first[_FIXED] else min(labels, key=lambda s: (-len(s), s))
    return {
        "key": key,
        "label": label,
        "kind": known[0],
        "issuer_level": known[_LEVEL],
        "scope_area": first[2],
        "issuer_area": first[3],
        "fixed_label": first[_FIXED],
        "alt_labels": sorted((set(tally.sets.get("alt_labels", ())) | labels) - {label}),
        "document_numbers": sorted(tally.sets.get("document_numbers", ())),
        "implements": sorted(tally.sets.get("implements", ())),
    }


def merged_node(table: str, key: str, tally: Tally) -> dict[str, Any]:
    """The node :func:`kg.resolve.merge_corpus` makes of the contributions counted in ``tally``, as
    :func:`kg.build.fragment.corpus_to_json` writes it (an indicator: ``{}``; what :data:`UNKEPT` says aside)."""
    if table == "regulations":
        return _regulation(key, tally)
    node = dict(zip(FIRST_FIELDS[table], _earliest(tally), strict=True))
    if table in ("areas", "indicators"):
        return node
    sets = {name: sorted(tally.sets.get(name, ())) for name in SET_FIELDS[table]}
    return {"key": key, **node, **UNKEPT.get(table, {}), **sets}
