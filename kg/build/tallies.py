"""Counting reports' shares into and out of the merged corpus (:mod:`kg.build.tally`) kept in the database of
:mod:`kg.build.state`, and making again the nodes they touch.

:class:`Tallies` holds the tallies a build touches: each is read from the database on first touch (or made new),
changed in memory, and written back when the build settles (:func:`settle`) or when too many are held
(:data:`HELD`: a 100,000-report build has a million nodes). A build that merges every share from an empty database
asks it nothing while it counts.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.build.state import State, first_hash
from kg.build.tally import TABLES, Tally, merged_node, share_nodes
from kg.rdf.schemes import concept_iri
from kg.rdf.triples import area_iri, government_iri, measure_iri, organisation_iri, regulation_iri, work_iri

KINDS = dict(zip(TABLES, ("area", "gov", "org", "measure", "work", "reg", "ind"), strict=True))
TABLE_OF = {kind: table for table, kind in KINDS.items()}
_PREFIX = {table: kind + "|" for table, kind in KINDS.items()}
HELD = 50_000  # tallies held in memory before they are written out (~2.5 KB each in the main process)
_IRI = {"area": area_iri, "gov": government_iri, "org": organisation_iri, "work": work_iri, "reg": regulation_iri}

Row = tuple[int, str, Tally, "str | None", bool]
"""A touched node: id, ``<kind>|<key>``, tally, the subject it had (None: new), whether it has a row yet."""


class Tallies:
    """The tallies this build touches (see the module docstring). ``empty``: the database holds no node."""

    def __init__(self, state: State, empty: bool = False) -> None:
        self.state, self.empty = state, empty
        self.held: dict[str, list] = {}  # rid → [id, tally, subject, new]
        self.touched: set[str] = set()
        self.next_id = state.last_node_id() + 1
        self.written = False

    def get(self, rid: str) -> list:
        held = self.held.get(rid)
        if held is None:
            if len(self.held) >= HELD:
                self.flush()
            row = None if self.empty and not self.written else self.state.node(rid)
            if row is None:
                held = [self.next_id, Tally(), None, True]
                self.next_id += 1
            else:
                held = [*row, False]
            self.held[rid] = held
            if not self.empty:  # (a build that counts from empty settles every node)
                self.touched.add(rid)
        return held

    def flush(self) -> None:
        """Write every held tally to the database and let go of them."""
        self.state.put_nodes((n, rid, t.to_json()) for rid, (n, t, _, new) in self.held.items() if new)
        self.state.save_tallies((t.to_json(), n) for n, t, _, new in self.held.values() if not new)
        self.held.clear()
        self.written = True

    def rows(self, everything: bool) -> Iterator[Row]:
        """The touched nodes (every node, ``everything``), held ones as they are, the others from the database."""
        if not self.written:
            for rid in sorted(self.held):
                n, tally, subject, new = self.held[rid]
                yield n, rid, tally, subject, new
            return
        self.flush()
        rows = self.state.all_nodes() if everything else self.state.nodes_by_rid(sorted(self.touched))
        for n, rid, tally, subject in rows:
            yield n, rid, Tally.from_json(tally), subject, False


def count_in(tallies: Tallies, report: str, share: dict) -> None:
    """Count one report's share (its fragment's corpus line, decoded) into the tallies."""
    rows, get = [], tallies.get
    for table, key, first, values, sets in share_nodes(share):
        held = get(_PREFIX[table] + key)
        held[1].add(report, first, values, sets)
        rows.append((held[0], report, first_hash(first)))
    tallies.state.add_contributions(rows)


def count_out(tallies: Tallies, report: str, share: dict) -> None:
    """Count one report's share out of the tallies (the share it was counted in with)."""
    for table, key, first, _, sets in share_nodes(share):
        n, tally, *_ = tallies.get(_PREFIX[table] + key)
        tallies.state.drop_contribution(n, report)
        if tally.remove(report, first, sets):
            tally.set_first(first, tallies.state.smallest_report(n, first))


def subject_of(kind: str, key: str, node: dict) -> str:
    """The subject IRI of a merged node's Turtle block."""
    if kind == "measure":
        return measure_iri(key, node["concept"]).value
    if kind == "ind":
        return concept_iri(key).value
    return _IRI[kind](key).value


Change = tuple[str, str, "dict | None", "str | None", "str | None"]
"""A node to render again: kind, key, its merged node (None: gone), its subject and the subject it had."""


def settle(state: State, rows: Iterator[Row], counts: dict, batch: int = 2_000) -> Iterator[list[Change]]:
    """Make each touched node again from its tally and write it back; yields them, a batch at a time, to be
    rendered (a block that comes out as it was is left as it is). ``counts`` (nodes per kind) follows. A subject
    is one node's: the IRIs are minted from the nodes' identity keys."""
    new, updated, out = [], [], []
    for n, rid, tally, old_subject, is_new in rows:
        kind, key = rid.split("|", 1)
        if tally.empty:
            state.drop_node(n)
            counts[kind] = counts.get(kind, 0) - (old_subject is not None)
            out.append((kind, key, None, None, old_subject))
        else:
            merged = merged_node(TABLE_OF[kind], key, tally)
            subject = subject_of(kind, key, merged)
            counts[kind] = counts.get(kind, 0) + (old_subject is None)
            if is_new:
                new.append((n, rid, subject, tally.to_json()))
            else:
                updated.append((subject, tally.to_json(), n))
            out.append((kind, key, merged, subject, old_subject))
        if len(out) >= batch:
            state.write_nodes(new, updated)
            yield out
            new, updated, out = [], [], []
    state.write_nodes(new, updated)
    if out:
        yield out
