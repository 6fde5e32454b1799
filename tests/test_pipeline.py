"""End-to-end builds on small composed corpora (the seeds are covered by tests/test_cli.py)."""

import json
from pathlib import Path

import pyoxigraph
import pytest
import rdflib

from kg.build import BuildOptions, build
from kg.errors import BuildError
from kg.rdf.store import load_store, select
from tests.corpus import REPORT_A, REPORT_B


def make_corpus(folder: Path, files: dict[str, bytes | str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        p = folder / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return folder


def test_build_writes_a_parseable_graph_with_years_and_issuers(tmp_path):
    src = make_corpus(tmp_path / "in", {"a.txt": REPORT_A, "b.txt": REPORT_B})
    result = build([src], tmp_path / "out", BuildOptions(html=False))
    assert result.ok and result.summary.reports == 2
    rdflib.Graph().parse(tmp_path / "out" / "graph.ttl")
    store = load_store(tmp_path / "out" / "graph.ttl")
    rows = select(store, "SELECT ?f ?y ?g WHERE { ?r a kg:Report ; kg:sourceFile ?f ; kg:year ?y ; kg:issuedBy ?g }")
    assert sorted((r["f"], r["y"]) for r in rows) == [("a.txt", "2022"), ("b.txt", "2022")]


def test_one_regulation_node_is_cited_by_both_reports(tmp_path):
    src = make_corpus(tmp_path / "in", {"a.txt": REPORT_A, "b.txt": REPORT_B})
    build([src], tmp_path / "out", BuildOptions(html=False))
    store = load_store(tmp_path / "out" / "graph.ttl")
    rows = select(
        store,
        """SELECT ?reg (COUNT(?r) AS ?n) WHERE { ?r kg:cites ?reg . ?reg rdfs:label
                 "法治政府建设实施纲要（2021—2025年）"@zh } GROUP BY ?reg""",
    )
    assert len(rows) == 1 and rows[0]["n"] == "2"


def test_every_mention_offset_indexes_the_kept_text(tmp_path):
    src = make_corpus(tmp_path / "in", {"a.txt": REPORT_A})
    build([src], tmp_path / "out", BuildOptions(html=False))
    store = load_store(tmp_path / "out" / "graph.ttl")
    rows = select(
        store,
        """SELECT ?s ?e ?t ?r WHERE { ?m a kg:Mention ; kg:start ?s ; kg:end ?e ; kg:text ?t ;
                            kg:inReport ?r }""",
    )
    assert rows
    for row in rows:
        rid = row["r"].rsplit("report-", 1)[1]
        text = (tmp_path / "out" / "texts" / f"{rid}.txt").read_text(encoding="utf-8")
        assert text[int(row["s"]) : int(row["e"])] == row["t"]


def test_same_input_in_any_order_gives_identical_bytes(tmp_path):
    src = make_corpus(tmp_path / "in", {"a.txt": REPORT_A, "b.txt": REPORT_B})
    build([src / "a.txt", src / "b.txt"], tmp_path / "o1", BuildOptions(html=False))
    build([src / "b.txt", src / "a.txt"], tmp_path / "o2", BuildOptions(html=False))
    assert (tmp_path / "o1" / "graph.ttl").read_bytes() == (tmp_path / "o2" / "graph.ttl").read_bytes()


def test_same_text_under_two_names_is_one_report(tmp_path):
    src = make_corpus(tmp_path / "in", {"a.txt": REPORT_A, "copy/a-again.txt": REPORT_A})
    result = build([src], tmp_path / "out", BuildOptions(html=False))
    assert result.summary.reports == 1
    assert [r.status for r in result.records] == ["built", "duplicate"]


def test_bad_files_are_reported_and_skipped_and_the_rest_builds(tmp_path):
    src = make_corpus(tmp_path / "in", {"good.txt": REPORT_A, "empty.txt": b"", "binary.txt": b"\x00\x01\x02" * 50})
    result = build([src, tmp_path / "missing"], tmp_path / "out", BuildOptions(html=False))
    by_file = {r.file: r for r in result.records}
    assert by_file["good.txt"].status == "built"
    assert by_file["empty.txt"].reason == "empty file"
    assert "binary" in by_file["binary.txt"].reason
    assert by_file[str(tmp_path / "missing")].reason == "no such file or folder"
    assert not result.ok
    report = json.loads((tmp_path / "out" / "build-report.json").read_text(encoding="utf-8"))
    assert {f["file"] for f in report["files"]} == set(by_file)


def test_nothing_readable_raises_and_writes_nothing(tmp_path):
    src = make_corpus(tmp_path / "in", {"empty.txt": b""})
    with pytest.raises(BuildError, match="empty.txt: skipped \\(empty file\\)"):
        build([src], tmp_path / "out", BuildOptions(html=False))
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_graph_loads_in_pyoxigraph(tmp_path):
    src = make_corpus(tmp_path / "in", {"a.txt": REPORT_A})
    build([src], tmp_path / "out", BuildOptions(html=False))
    store = pyoxigraph.Store()
    store.load(path=str(tmp_path / "out" / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) > 50
