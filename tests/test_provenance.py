"""Provenance on the seeds graph: every mention's offsets index the kept text exactly, and every report leads
back to its source file (name, SHA-256, byte size) — read from the written graph, as a SPARQL user would."""

import hashlib
from pathlib import Path

import pytest

from kg.rdf.store import load_store, select

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def store(seeds_out):
    return load_store(seeds_out / "graph.ttl")


def test_every_mention_is_exactly_its_span_of_the_decoded_text(store, seeds_out):
    rows = select(
        store,
        """SELECT ?r ?s ?e ?t WHERE {
        ?m a kg:Mention ; kg:inReport ?r ; kg:start ?s ; kg:end ?e ; kg:text ?t }""",
    )
    assert len(rows) > 100
    texts: dict[str, str] = {}
    wrong = []
    for row in rows:
        rid = row["r"].rsplit("/report-", 1)[1]
        if rid not in texts:
            texts[rid] = (seeds_out / "texts" / f"{rid}.txt").read_text(encoding="utf-8")
        if texts[rid][int(row["s"]) : int(row["e"])] != row["t"]:
            wrong.append(row)
    assert not wrong, wrong[:5]
    assert len(texts) == len(list(SEEDS.glob("*.txt")))


def test_every_report_derives_from_its_source_file_with_name_digest_and_size(store):
    rows = select(
        store,
        """SELECT ?r ?name ?sha ?size WHERE {
        ?r a kg:Report ; prov:wasDerivedFrom ?f .
        ?f a kg:SourceFile , prov:Entity ; rdfs:label ?name ; kg:sha256 ?sha ; kg:byteSize ?size }""",
    )
    files = {p.name: p.read_bytes() for p in SEEDS.glob("*.txt")}
    assert sorted(r["name"] for r in rows) == sorted(files)
    for row in rows:
        data = files[row["name"]]
        assert row["sha"] == hashlib.sha256(data).hexdigest()
        assert int(row["size"]) == len(data)
    reports = select(store, "SELECT ?r WHERE { ?r a kg:Report }")
    assert {r["r"] for r in reports} == {r["r"] for r in rows}


def test_every_fact_of_a_report_has_a_mention_in_that_report(store):
    missing = select(
        store,
        """SELECT ?x WHERE {
        { ?r kg:refersTo ?x } UNION { ?r kg:mentions ?x } UNION { ?x kg:reportedIn ?r }
        FILTER NOT EXISTS { ?m kg:inReport ?r ; kg:denotes ?x } }""",
    )
    assert missing == []
