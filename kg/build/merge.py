"""Merging the reports' parts: the corpus of shared nodes (regulations, bodies, areas, measures, works) and the
Turtle blocks of those shared resources.

Each report was resolved alone in its worker; merging the parts equals resolving all reports at once
(:func:`kg.resolve.merge_corpus`, tested on the seeds). A shared resource whose merged node is the same as in the
last build reuses its Turtle block from the cache (``entities.json``): a rebuild after one change re-renders a
handful of the ~100,000 shared resources of a 10,000-report corpus, not all.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from kg.build.cache import Cache
from kg.build.fragment import corpus_from_json
from kg.build.parts import ReportPart
from kg.rdf.triples import (
    area_iri,
    entity_triples,
    government_iri,
    measure_iri,
    organisation_iri,
    regulation_iri,
    work_iri,
)
from kg.rdf.turtle import TurtleWriter
from kg.resolve import Corpus, merge_corpus


@dataclass(frozen=True)
class Block:
    """The Turtle of one subject: its IRI, its text and how many triples it holds."""

    subject: str
    text: str
    triples: int


@dataclass
class Merged:
    corpus: Corpus = field(default_factory=Corpus)
    indicators: set[str] = field(default_factory=set)
    shared: list[Block] = field(default_factory=list)  # sorted by subject


def merge_parts(parts: list[ReportPart], cache: Cache | None) -> Merged:
    """Merge every report's corpus share, then render (or reuse) the shared resources' blocks."""
    merged = Merged()
    for part in parts:
        with part.open() as f:
            share = json.loads(f.readline())
        merge_corpus(merged.corpus, corpus_from_json(share["corpus"]))
        merged.indicators.update(share["indicators"])
    merged.shared = shared_blocks(merged.corpus, merged.indicators, cache)
    return merged


def _node_state(node: Any) -> str:
    """A hash of every field of a resolved node (sets sorted, so the same node hashes alike in every process)."""
    fields = tuple(sorted(v) if isinstance(v, set) else v for v in vars(node).values())
    return hashlib.blake2b(repr(fields).encode("utf-8"), digest_size=12).hexdigest()


def _tables(corpus: Corpus, todo: Corpus) -> tuple:
    return (
        ("area", corpus.areas, todo.areas, area_iri),
        ("gov", corpus.governments, todo.governments, government_iri),
        ("org", corpus.organisations, todo.organisations, organisation_iri),
        ("measure", corpus.measures, todo.measures, lambda k: measure_iri(k, corpus.measures[k].concept)),
        ("reg", corpus.regulations, todo.regulations, regulation_iri),
        ("work", corpus.works, todo.works, work_iri),
    )


def shared_blocks(corpus: Corpus, indicators: set[str], cache: Cache | None) -> list[Block]:
    """The Turtle blocks of the shared resources, sorted by subject IRI (reused from the cache where the node is
    unchanged; a block depends on its node only)."""
    previous = cache.load_entities() if cache else {}
    kept: dict[str, list] = {}
    pending: dict[str, tuple[str, str]] = {}  # subject IRI → (id, state) of a resource to render
    todo = Corpus()
    for kind, table, todo_table, iri_of in _tables(corpus, todo):
        for key, node in table.items():
            state, rid, subject = _node_state(node), f"{kind}|{key}", iri_of(key).value
            old = previous.get(rid)
            if old is not None and old[0] == state and old[1] == subject:
                kept[rid] = old
            else:
                todo_table[key] = node
                pending[subject] = (rid, state)
    blocks: list[Block] = []
    for subject, text, count in TurtleWriter().subject_blocks(entity_triples(todo, indicators)):
        if subject in pending:
            rid, state = pending.pop(subject)
            kept[rid] = [state, subject, text, count]
        else:  # the indicators, or anything not keyed by a node: rendered every time
            blocks.append(Block(subject, text, count))
    if cache:
        cache.save_entities(kept)
    blocks += [Block(subject, text, count) for _, subject, text, count in kept.values()]
    blocks.sort(key=lambda b: b.subject)
    return blocks
