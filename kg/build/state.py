"""Where the merged corpus lives between builds: one SQLite database (``OUTDIR/.cache/<fingerprint>/shared.sqlite``;
in memory for a build without a cache), so that a rebuild reads and writes the rows of what changed, never the
whole corpus.

Tables:

* ``report`` — the reports whose shares are counted in, each with the content key and name of the fragment that
  holds its share (to take it out again) and the SHA-256 of that share;
* ``node`` — one row per shared node (``<kind>|<key>``): its :class:`~kg.build.tally.Tally` (JSON) and the
  subject IRI of its Turtle block;
* ``contrib`` — which reports contribute to which node, and with which first-decided tuple (a 64-bit hash of it):
  asked only for the next smallest report id of a tuple when the smallest is taken out;
* ``block`` — the Turtle block of each shared subject, with its triple count;
* ``chunk`` — the shared part of ``graph.ttl`` in chunks of consecutive blocks (:mod:`kg.build.chunks`): the
  smallest subject each holds, its content-addressed name, size and file stamp;
* ``meta`` — the schema version and the counts the build summary needs.

Python's ``sqlite3`` commits a build's changes in one transaction (:meth:`State.commit`), so a build that fails
leaves the database as the last build left it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from functools import lru_cache

from kg.build.tally import Tally

SCHEMA_VERSION = "2"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS report (id TEXT PRIMARY KEY, key TEXT NOT NULL, name TEXT NOT NULL, digest TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS node (
    id INTEGER PRIMARY KEY, rid TEXT NOT NULL UNIQUE, subject TEXT, tally TEXT);
CREATE TABLE IF NOT EXISTS contrib (
    node INTEGER NOT NULL, report TEXT NOT NULL, first INTEGER NOT NULL, PRIMARY KEY (node, report)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS block (subject TEXT PRIMARY KEY, triples INTEGER NOT NULL, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunk (low TEXT PRIMARY KEY, name TEXT NOT NULL, size INTEGER NOT NULL, stamp TEXT);
"""
_TABLES = ("meta", "report", "node", "contrib", "block", "chunk")
_BATCH = 500  # parameters per IN (...) query: under SQLite's limit of 999 on older builds


@lru_cache(maxsize=1 << 16)  # the same tuples recur in report after report
def first_hash(first: str) -> int:
    """The 64-bit (signed: an SQLite integer) hash of a first-decided tuple's JSON."""
    return int.from_bytes(hashlib.blake2b(first.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def _batches(items: list, size: int = _BATCH) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class State:
    """The database of one build (see the module docstring); ``path`` None keeps it in memory."""

    def __init__(self, path: str | None) -> None:
        # a graph built in one thread may be written from another (one at a time: SQLite serialises the calls)
        self.db = sqlite3.connect(path or ":memory:", isolation_level="DEFERRED", check_same_thread=False)
        self.db.execute("PRAGMA cache_size = -65536")  # 64 MB of pages: a rebuild's rows, a full build's batches
        self.db.executescript(_SCHEMA)
        if self.meta("version") != SCHEMA_VERSION:  # a database of other code: its tables made again
            self.db.executescript("".join(f"DROP TABLE {table};" for table in _TABLES) + _SCHEMA)
            self.reset()

    def reset(self) -> None:
        """Forget everything (a build that cannot trust what is there merges every share again)."""
        for table in _TABLES:
            self.db.execute(f"DELETE FROM {table}")
        self.set_meta("version", SCHEMA_VERSION)

    def commit(self) -> None:
        self.db.commit()

    def meta(self, name: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def set_meta(self, name: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))

    # --- reports --------------------------------------------------------------------------------------------

    def reports(self) -> dict[str, tuple[str, str, str]]:
        """Report id → (content key, name, share digest) of every report counted in."""
        return {r[0]: (r[1], r[2], r[3]) for r in self.db.execute("SELECT id, key, name, digest FROM report")}

    def put_report(self, report: str, key: str, name: str, digest: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO report VALUES (?, ?, ?, ?)", (report, key, name, digest))

    def drop_report(self, report: str) -> None:
        self.db.execute("DELETE FROM report WHERE id = ?", (report,))

    # --- nodes and their contributors -------------------------------------------------------------------------

    def node(self, rid: str) -> tuple[int, Tally, str | None] | None:
        """(id, tally, subject) of a node, or None."""
        row = self.db.execute("SELECT id, tally, subject FROM node WHERE rid = ?", (rid,)).fetchone()
        return None if row is None else (row[0], Tally.from_json(row[1]), row[2])

    def last_node_id(self) -> int:
        return self.db.execute("SELECT COALESCE(MAX(id), 0) FROM node").fetchone()[0]

    def put_nodes(self, rows: Iterable[tuple[int, str, str]]) -> None:
        """New nodes: (id, rid, tally JSON)."""
        self.db.executemany("INSERT INTO node (id, rid, tally) VALUES (?, ?, ?)", rows)

    def save_tallies(self, rows: Iterable[tuple[str, int]]) -> None:
        """(tally JSON, id) of nodes written out before they settle."""
        self.db.executemany("UPDATE node SET tally = ? WHERE id = ?", rows)

    def write_nodes(self, new: list[tuple], updated: list[tuple]) -> None:
        """Settled nodes: new ones (id, rid, subject, tally) and others (subject, tally, id)."""
        self.db.executemany("INSERT INTO node VALUES (?, ?, ?, ?)", new)
        self.db.executemany("UPDATE node SET subject = ?, tally = ? WHERE id = ?", updated)

    def drop_node(self, node: int) -> None:
        self.db.execute("DELETE FROM node WHERE id = ?", (node,))

    def add_contributions(self, rows: Iterable[tuple[int, str, int]]) -> None:
        """(node id, report id, first hash) rows."""
        self.db.executemany("INSERT INTO contrib VALUES (?, ?, ?)", rows)

    def drop_contribution(self, node: int, report: str) -> None:
        self.db.execute("DELETE FROM contrib WHERE node = ? AND report = ?", (node, report))

    def smallest_report(self, node: int, first: str) -> str:
        """The smallest id of the reports that give ``node`` this first-decided tuple."""
        row = self.db.execute(
            "SELECT MIN(report) FROM contrib WHERE node = ? AND first = ?", (node, first_hash(first))
        ).fetchone()
        return row[0]

    def all_nodes(self) -> Iterator[tuple[int, str, str, str | None]]:
        """(id, rid, tally, subject) of every node, fetched a batch at a time (so the caller may change the
        rows it was given)."""
        last = 0
        while True:
            rows = self.db.execute(
                "SELECT id, rid, tally, subject FROM node WHERE id > ? ORDER BY id LIMIT ?", (last, _BATCH)
            ).fetchall()
            if not rows:
                return
            yield from rows
            last = rows[-1][0]

    def nodes_by_rid(self, rids: list[str]) -> Iterator[tuple[int, str, str, str | None]]:
        """(id, rid, tally, subject) of these nodes, fetched a batch at a time."""
        for batch in _batches(rids):
            marks = ",".join("?" * len(batch))
            yield from self.db.execute(
                f"SELECT id, rid, tally, subject FROM node WHERE rid IN ({marks}) ORDER BY rid", batch
            ).fetchall()

    # --- blocks -----------------------------------------------------------------------------------------------

    def blocks(self, subjects: list[str]) -> dict[str, tuple[str, int]]:
        """Subject → (Turtle block, triples) for those of ``subjects`` that have one."""
        out = {}
        for batch in _batches(subjects):
            marks = ",".join("?" * len(batch))
            rows = self.db.execute(
                f"SELECT subject, text, triples FROM block WHERE subject IN ({marks})",
                batch,
            )
            out.update((s, (t, n)) for s, t, n in rows)
        return out

    def put_block(self, subject: str, text: str, triples: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO block VALUES (?, ?, ?)", (subject, triples, text))

    def put_blocks(self, rows: Iterable[tuple[str, int, str]]) -> None:
        """New blocks: (subject, triples, text) rows."""
        self.db.executemany("INSERT OR REPLACE INTO block VALUES (?, ?, ?)", rows)

    def drop_block(self, subject: str) -> None:
        self.db.execute("DELETE FROM block WHERE subject = ?", (subject,))

    def block_text(self, subject: str) -> str | None:
        row = self.db.execute("SELECT text FROM block WHERE subject = ?", (subject,)).fetchone()
        return row[0] if row else None

    def blocks_from(self, low: str, high: str | None) -> Iterator[tuple[str, str]]:
        """(subject, text) of the blocks with ``low <= subject < high`` (no upper bound: None), in order."""
        if high is None:
            return self.db.execute("SELECT subject, text FROM block WHERE subject >= ? ORDER BY subject", (low,))
        return self.db.execute(
            "SELECT subject, text FROM block WHERE subject >= ? AND subject < ? ORDER BY subject", (low, high)
        )

    # --- chunks -----------------------------------------------------------------------------------------------

    def chunks(self) -> list[tuple[str, str, int, list | None]]:
        """(smallest subject, name, size, stamp) of every chunk, in order."""
        rows = self.db.execute("SELECT low, name, size, stamp FROM chunk ORDER BY low")
        return [(low, name, size, json.loads(stamp) if stamp else None) for low, name, size, stamp in rows]

    def put_chunk(self, low: str, name: str, size: int, stamp: list | None) -> None:
        self.db.execute("INSERT OR REPLACE INTO chunk VALUES (?, ?, ?, ?)", (low, name, size, json.dumps(stamp)))

    def drop_chunk(self, low: str) -> None:
        self.db.execute("DELETE FROM chunk WHERE low = ?", (low,))

    def drop_chunks(self) -> None:
        self.db.execute("DELETE FROM chunk")
