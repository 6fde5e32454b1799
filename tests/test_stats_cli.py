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


# Issue 17: statistics that say what they mean.


def test_most_cited_regulations_count_only_citing_districts(graph):
    """惠济区行政执法公示办法 and 兴庆区重大行政决策程序规定 are only issued (by their own district): not most cited."""
    data = as_json("stats", graph, "--top", "0")
    assert [(r["regulation"], r["districts"], r["reports"]) for r in data["regulations"]] == [
        (TITLE_GANGYAO, 3, 4),
        ("中华人民共和国行政处罚法", 2, 2),
        (SCRIPT_TITLE, 1, 1),
        ("中华人民共和国民法典", 1, 1),
    ]
    table = run("stats", graph, "--top", "0").stdout
    assert "Most-cited regulations" in table and "惠济区行政执法公示办法" not in table


def test_stats_help_shows_the_overview_options():
    out = run("stats", "--help").output
    for option in ("--top", "--year", "--province", "--graph", "--json", "--csv"):
        assert option in out, option


def test_the_overview_prints_csv_with_every_table(graph):
    result = run("stats", graph, "--csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    by_table = {t: [r for r in rows if r["table"] == t] for t in ("graph", "classes", "regulations", "districts")}
    assert by_table["graph"][0]["name"] == "triples" and int(by_table["graph"][0]["count"]) > 0
    assert {r["name"]: r["count"] for r in by_table["classes"]}["Report"] == "5"
    first = by_table["regulations"][0]
    assert (first["rank"], first["name"], first["districts"], first["reports"], first["share"]) == (
        "1",
        TITLE_GANGYAO,
        "3",
        "4",
        "0.75",
    )
    first = by_table["districts"][0]
    assert (first["name"], first["regulations"], first["cited"], first["issued"]) == ("郑州市惠济区", "4", "3", "1")
    assert len(rows) == 1 + 9 + 4 + 4


def test_the_overview_refuses_json_and_csv_together(graph):
    result = run("stats", graph, "--json", "--csv")
    assert result.exit_code == 1 and "exclude each other" in result.output


def test_indicators_help_no_longer_says_it_is_empty():
    out = run("stats", "indicators", "--help").output
    assert "until figures carry" not in out and "indicator" in out


@pytest.mark.parametrize("name", ["兴庆区", "银川市兴庆区", "https://w3id.org/fazhi-kg/id/area-640104"])
def test_similarity_takes_a_district_by_the_name_users_write(graph, name):
    rows = as_json("stats", "similarity", graph, "--district", name)
    assert [(r["a"], r["b"]) for r in rows] == [("银川市兴庆区", "新乡市卫滨区"), ("银川市兴庆区", "郑州市惠济区")]


def test_a_district_name_that_fits_several_lists_them(graph):
    result = run("stats", "similarity", graph, "--district", "银川市")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.strip() == (
        "Error: '银川市' fits 2 districts: 银川市兴庆区, 银川市金凤区; give one of these names"
    )


def test_an_unknown_district_lists_the_districts(graph):
    result = run("stats", "similarity", graph, "--district", "不存在区")
    assert result.exit_code == 1
    assert "郑州市惠济区" in result.output and "银川市金凤区" in result.output


def test_tables_piped_to_a_program_are_not_cut(graph):
    """CliRunner's output is not a terminal: a title longer than 80 columns allows stays on one line, whole."""
    result = CliRunner().invoke(main, ["stats", "regulations", graph, "--top", "0"], env={"COLUMNS": None})
    lines = result.stdout.splitlines()
    assert any(TITLE_GANGYAO in line for line in lines) and "…" not in result.stdout
    assert max(len(line) for line in lines) > 80


def test_columns_in_the_environment_still_set_the_width(graph):
    result = CliRunner().invoke(main, ["stats", "regulations", graph, "--top", "0"], env={"COLUMNS": "80"})
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_one_district_is_one_district_in_titles(graph):
    out = run("stats", "regulations", graph, "--province", "河南", "--year", "2023").stdout
    assert "(1 district)" in out and "1 districts" not in out
