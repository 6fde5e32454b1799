"""`kg stats` and its sub-commands on the hand-written graph of tests/corpus.py (numbers computed by hand there)."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.corpus import SCRIPT_TITLE, TITLE_GANGYAO, write_corpus


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> str:
    return str(write_corpus(tmp_path_factory.mktemp("stats")))


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result


def as_json(*args: str):
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_plain_stats_is_the_overview_and_keeps_its_json(graph):
    data = as_json("stats", graph)
    assert data["classes"]["Report"] == 5 and data["classes"]["Regulation"] == 6
    assert data["regulations"][0] == {
        "regulation": TITLE_GANGYAO,
        "iri": "https://w3id.org/fazhi-kg/id/reg-gy",
        "districts": 3,
        "reports": 4,
        "share": 0.75,
    }
    assert as_json("stats", "--graph", graph) == data == as_json("stats", "overview", graph)


def test_stats_help_lists_the_sub_commands():
    out = run("stats", "--help").output
    for name in (
        "regulations",
        "districts",
        "cocitation",
        "similarity",
        "communities",
        "centrality",
        "measures",
        "indicators",
    ):
        assert name in out


def test_regulations_top_json_matches_hand_counts(graph):
    rows = as_json("stats", "regulations", "--graph", graph, "--top", "2")
    assert [
        (
            r["rank"],
            r["regulation"],
            r["districts"],
            r["citing"],
            r["issuing"],
            r["reports"],
            r["share"],
            r["kind"],
            r["level"],
        )
        for r in rows
    ] == [
        (1, TITLE_GANGYAO, 3, 3, 0, 4, 0.75, "plan", "national"),
        (2, "中华人民共和国行政处罚法", 2, 2, 0, 2, 0.5, "law", "national"),
    ]


def test_regulations_csv_has_every_field(graph):
    result = run("stats", "regulations", graph, "--csv", "--top", "0")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 6
    assert rows[2]["regulation"] == SCRIPT_TITLE and rows[2]["share"] == "0.25" and rows[2]["level"] == "provincial"


def test_regulations_table_shows_the_titles(graph):
    result = run("stats", "regulations", graph, "--top", "1")
    assert result.exit_code == 0 and "法治政府建设实施纲要" in result.output and "0.75" in result.output


def test_year_and_province_filters(graph):
    rows = as_json("stats", "regulations", graph, "--year", "2023")
    assert [(r["regulation"], r["share"]) for r in rows] == [("中华人民共和国民法典", 0.5), (TITLE_GANGYAO, 0.5)]
    rows = as_json("stats", "districts", graph, "--province", "河南")
    assert [(r["district"], r["regulations"], r["cited"], r["issued"]) for r in rows] == [
        ("郑州市惠济区", 4, 3, 1),
        ("新乡市卫滨区", 2, 2, 0),
    ]


def test_a_province_with_no_report_is_a_one_line_error(graph):
    result = run("stats", "regulations", graph, "--province", "四川")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: no report from province '四川' (provinces in the graph: 宁夏回族自治区, 河南省)"
    ]


def test_cocitation_and_similarity(graph):
    rows = as_json("stats", "cocitation", graph, "--top", "1")
    assert [(r["a"], r["b"], r["shared"], r["jaccard"]) for r in rows] == [
        ("中华人民共和国行政处罚法", TITLE_GANGYAO, 2, 0.6667)
    ]
    rows = as_json("stats", "similarity", graph, "--district", "银川市兴庆区")
    assert [(r["b"], r["shared"], r["jaccard"]) for r in rows] == [
        ("新乡市卫滨区", 1, 0.25),
        ("郑州市惠济区", 1, 0.1667),
    ]
    assert run("stats", "similarity", graph, "--district", "不存在区").output.startswith("Error: no district named")


def test_communities_cover_every_node_once(graph):
    rows = as_json("stats", "communities", graph, "--top", "0")
    names = [n for c in rows for n in c["districts"] + c["regulations"]]
    assert len(names) == len(set(names)) == 10
    assert [c["community"] for c in rows] == list(range(1, len(rows) + 1))


def test_centrality_json_says_which_methods(graph):
    data = as_json("stats", "centrality", graph, "--top", "1")
    assert data["methods"] == {"eigenvector": "power iteration", "betweenness": "exact"}
    assert data["nodes"][0]["label"] == "郑州市惠济区" and data["nodes"][0]["degree"] == round(4 / 9, 6)


def test_measures_and_organisations(graph):
    assert [(r["label"], r["districts"], r["share"]) for r in as_json("stats", "measures", graph)] == [
        ("放管服", 3, 0.75),
        ("双随机、一公开", 1, 0.25),
    ]
    assert [(r["label"], r["reports"]) for r in as_json("stats", "organisations", graph)] == [("惠济区司法局", 2)]


def test_indicators(graph, tmp_path):
    rows = as_json("stats", "indicators", graph, "--year", "2023")
    assert [(r["indicator"], r["district"], r["values"]) for r in rows] == [("行政复议案件数", "郑州市惠济区", [40])]
    bare = str(write_corpus(tmp_path, with_indicators=False))
    assert as_json("stats", "indicators", bare) == []
    assert "No figure carries kg:indicator" in run("stats", "indicators", bare).output


def test_missing_graph_is_a_one_line_error_for_sub_commands(tmp_path):
    result = run("stats", "regulations", "--graph", str(tmp_path / "none.ttl"))
    assert result.exit_code == 1 and "no such graph file" in result.output and "Traceback" not in result.output


def test_json_and_csv_together_is_an_error(graph):
    result = run("stats", "districts", graph, "--json", "--csv")
    assert result.exit_code == 1 and "exclude each other" in result.output
