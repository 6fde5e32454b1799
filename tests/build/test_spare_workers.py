"""The worker processes of a build, idle once extraction is done, render the shared blocks and validate the
sample while the main process writes (issue 19): the outputs are the ones a build in one process makes, and a
sample validated in shards gives the results of one run over the whole."""

import json
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph

import kg
from kg.build import BuildOptions, build, writer
from kg.build.report import start_validation, validate_turtle
from tests.formats import COUNTIES, report_text

TWELVE = COUNTIES[:12]
# a regulation with neither label nor kind: a violation of the shapes in whichever shard holds it
BAD_BLOCK = b"\nkgr:reg-broken a kg:Regulation .\n"


def texts() -> list[tuple[str, str]]:
    return [(f"r{i:02d}.txt", report_text(c, p, 2020 + i % 4, 10 + i)) for i, (c, p) in enumerate(TWELVE)]


def outputs(out: Path) -> tuple[bytes, str, dict]:
    page = (out / "graph.html").read_text(encoding="utf-8").replace(str(out), "")
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    return (out / "graph.ttl").read_bytes(), page, {k: report[k] for k in ("summary", "validation")}


def test_two_workers_write_what_one_process_writes_for_a_sampled_graph(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name, text in texts():
        (src / name).write_text(text, encoding="utf-8")
    two = build([src], tmp_path / "two", BuildOptions(jobs=2))
    one = build([src], tmp_path / "one", BuildOptions(jobs=1))
    assert two.workers == 2 and one.workers == 1 and two.summary.reports == 12
    assert outputs(tmp_path / "two") == outputs(tmp_path / "one")
    assert re.match(r"10 of 12 reports", outputs(tmp_path / "two")[2]["validation"]["sample"])


def test_a_sample_in_shards_has_every_report_of_it_once_and_the_shared_blocks_each_needs():
    g = kg.build_graph(texts())
    built = g._built
    ids = [p.report_id for p in built.parts]
    chosen = writer.sample_ids(ids, writer.VALIDATE_ALL_REPORTS, set(ids))
    whole = writer.sample_turtle(built.parts, built.merged, chosen).shards
    shards = writer.sample_turtle(built.parts, built.merged, chosen, shards=3).shards
    assert len(whole) == 1 and len(shards) == 3
    for report in chosen:
        subject = f"kgr:report-{report} a kg:Report".encode()
        assert sum(subject in shard for shard in shards) == 1
        assert subject in whole[0]
    referred = set(re.findall(rb"kgr:(?:reg|gov|org|area)-[\w-]+", b"".join(shards)))
    for name in referred:  # every shared resource a shard names has its block in that shard
        for shard in shards:
            if name in shard:
                assert b"\n" + name + b" a " in shard


def triples(turtle: bytes) -> set:
    store = pyoxigraph.Store()
    store.load(turtle, format=pyoxigraph.RdfFormat.TURTLE)
    return {q.triple for q in store}


def test_the_shards_of_a_rebuild_s_sample_hold_together_what_the_whole_sample_holds(tmp_path):
    first = texts()
    kg.build_graph(first, cache_dir=tmp_path / "cache")
    name, text = first[3]  # a report that spells the shared 纲要 another way: its block changes
    changed = [*first[:3], (name, text.replace("（2021—2025年）", "(2021-2025年)")), *first[4:]]
    built = kg.build_graph(changed, cache_dir=tmp_path / "cache")._built
    assert not built.merged.full and built.merged.changed and len(built.fresh) == 1
    chosen = writer.sample_ids([p.report_id for p in built.parts], writer.VALIDATE_ALL_REPORTS, built.fresh)
    whole = writer.sample_turtle(built.parts, built.merged, chosen)
    shards = writer.sample_turtle(built.parts, built.merged, chosen, shards=2)
    assert (len(whole.shards), len(shards.shards), shards.changed) == (1, 2, whole.changed)
    assert set().union(*map(triples, shards.shards)) == triples(whole.shards[0])


def test_shards_validated_apart_give_the_results_of_one_run_violations_included(tmp_path):
    g = kg.build_graph(texts())
    built = g._built
    ids = [p.report_id for p in built.parts]
    chosen = writer.sample_ids(ids, writer.VALIDATE_ALL_REPORTS, set(ids))
    whole = writer.sample_turtle(built.parts, built.merged, chosen).shards[0] + BAD_BLOCK
    shards = writer.sample_turtle(built.parts, built.merged, chosen, shards=2).shards
    shards[1] += BAD_BLOCK
    expected = validate_turtle(whole, str(tmp_path / "graph.ttl"))
    with ThreadPoolExecutor(2) as spare:
        got = start_validation(shards, tmp_path / "graph.ttl", spare)()
    assert not expected.conforms
    assert got.results == expected.results
    assert start_validation(shards, tmp_path / "graph.ttl")().results == expected.results


def test_a_rebuild_that_extracts_in_process_validates_its_sample_in_a_warmed_spare(tmp_path, monkeypatch):
    """A rebuild of a corpus larger than the sample that extracts a file or two (in this process) starts one spare
    process before extracting, and validates the sample there: the outputs are those of a rebuild without it."""
    from kg.build import executors

    src = tmp_path / "in"
    src.mkdir()
    for name, text in texts():
        (src / name).write_text(text, encoding="utf-8")
    build([src], tmp_path / "out", BuildOptions(jobs=2))
    (src / "r03.txt").write_text(texts()[3][1] + "\n附：补充说明。", encoding="utf-8")
    warmed = []
    real = executors.LocalExecutor.warm_spare

    def recording(self, count):
        real(self, count)
        warmed.append((count, self.pool is not None))

    monkeypatch.setattr(executors.LocalExecutor, "warm_spare", recording)
    again = build([src], tmp_path / "out", BuildOptions(jobs=2))
    assert warmed == [(1, True)] and again.extracted == 1
    build([src], tmp_path / "fresh", BuildOptions(jobs=1, cache=False))
    assert outputs(tmp_path / "out")[0] == outputs(tmp_path / "fresh")[0]
    assert "1 made in this build" in outputs(tmp_path / "out")[2]["validation"]["sample"]


def test_no_spare_is_warmed_for_one_job_a_run_with_workers_or_a_small_corpus(tmp_path):
    from kg.build.executors import LocalExecutor

    one = LocalExecutor(1, "jieba", None)
    one.warm_spare(1)
    many = LocalExecutor(2, "jieba", None)
    many.warm_spare(40)  # its run starts workers of its own, which validate after
    assert one.spare() is None and many.spare() is None
    seeds = build([Path(__file__).resolve().parents[2] / "seeds"], tmp_path / "seeds", BuildOptions(jobs=2))
    assert seeds.workers == 1 and seeds.validation is not None  # five reports: validated whole, in this process
