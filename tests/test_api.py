"""The Python API (issue 16): `import kg` builds, queries, draws and writes graphs; the CLI is a shell over it."""

import builtins
import os
from pathlib import Path

import networkx as nx
import pytest

import kg

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TEXTS = [
    (
        "a.txt",
        "盐池县2022年法治政府建设工作报告\n2022年，盐池县认真贯彻《中华人民共和国行政处罚法》，办理行政复议案件12件。",
    ),
    ("b.txt", "永宁县2022年法治政府建设情况报告\n2022年，永宁县认真贯彻《行政处罚法》，深化“放管服”改革。"),
    ("c.txt", "平罗县2023年法治政府建设工作报告\n2023年，平罗县印发《平罗县行政执法公示办法》，县司法局开展培训5次。"),
]


def test_a_notebook_builds_queries_and_draws_three_texts_without_writing_a_file(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    real_open = builtins.open

    def read_only_open(file, mode="r", *args, **kwargs):
        assert not any(c in mode for c in "wax+"), f"the in-memory build wrote {file}"
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", read_only_open)
    monkeypatch.setattr(os, "replace", lambda *a: pytest.fail("the in-memory build renamed a file"))
    g = kg.build_graph(TEXTS)
    rows = g.query("SELECT ?t (COUNT(?r) AS ?n) WHERE { ?r kg:cites ?x . ?x rdfs:label ?t } GROUP BY ?t")
    assert rows == [{"t": "中华人民共和国行政处罚法", "n": "2"}]
    citations = g.citation_graph()
    assert nx.is_bipartite(citations) and citations.number_of_nodes() == 5
    assert list(tmp_path.iterdir()) == []


def test_sources_may_be_paths_folders_documents_and_pairs_and_agree():
    text = (SEEDS / "000_5bf5264dd4bbb5b6.txt").read_text(encoding="utf-8")
    as_pair = kg.build_graph([("000_5bf5264dd4bbb5b6.txt", text)]).to_turtle()
    as_path = kg.build_graph([SEEDS / "000_5bf5264dd4bbb5b6.txt"]).to_turtle()
    as_doc = kg.build_graph([kg.Document.from_text(text, "000_5bf5264dd4bbb5b6.txt")]).to_turtle()
    assert as_pair == as_path == as_doc


def test_the_in_memory_graph_is_the_bytes_kg_build_writes(tmp_path):
    g = kg.build_graph(TEXTS)
    result = g.write(tmp_path, html=False)
    assert result.ok and (tmp_path / "graph.ttl").read_text(encoding="utf-8") == g.to_turtle()
    assert kg.load(tmp_path).to_turtle() == g.to_turtle()
    assert sorted(p.name for p in (tmp_path / "texts").iterdir()) == sorted(
        f"{r}.txt" for r in (rec.report for rec in g.records)
    )


def test_reports_and_records_say_what_each_input_became():
    g = kg.build_graph([*TEXTS, ("empty.txt", "   ")])
    assert [(r.file, r.status) for r in g.records] == [
        ("a.txt", "built"),
        ("b.txt", "built"),
        ("c.txt", "built"),
        ("empty.txt", "skipped"),
    ]
    assert {r.year for r in g.reports} == {"2022", "2023"}


def test_library_errors_are_typed_and_name_no_command_line_flag(tmp_path):
    with pytest.raises(kg.BuildError) as nothing:
        kg.build_graph([("empty.txt", "")])
    with pytest.raises(kg.BuildError) as strict:
        kg.build_graph([*TEXTS, ("empty.txt", "")], strict=True)
    with pytest.raises(kg.GraphError) as missing:
        kg.load(tmp_path / "none.ttl")
    with pytest.raises(kg.ConfigError) as config:
        kg.build_graph(TEXTS, segmenter="pkuseg")
    for err in (nothing, strict, missing, config):
        assert isinstance(err.value, kg.KgError) and "--" not in str(err.value)


def test_extract_text_gives_facts_with_spans_and_no_rdf():
    text = TEXTS[0][1]
    ex = kg.extract_text(text)
    assert isinstance(ex, kg.Extraction) and ex.info.issuer == "吴忠市盐池县人民政府"
    assert all(text[m.span.start : m.span.end] == m.span.text for m in (*ex.regulations, *ex.figures))


def test_the_docstring_examples_of_the_api_run():
    import doctest

    import kg.extract
    import kg.graph

    for module in (kg.graph, kg.extract):
        assert doctest.testmod(module).failed == 0


def test_an_organisation_keeps_every_written_form_as_an_altlabel():
    text = "盐池县2022年法治政府建设工作报告\n2022年，县检察院和盐池县人民检察院联合开展培训。"
    g = kg.build_graph([("a.txt", text)])
    rows = g.query("SELECT ?alt WHERE { ?o a kg:Organisation ; rdfs:label '盐池县人民检察院'@zh ; skos:altLabel ?alt }")
    assert rows == [{"alt": "县检察院"}]
