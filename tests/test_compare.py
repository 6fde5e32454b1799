"""kg compare: one indicator across districts and years, read from the built graph."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

TWO_REPORTS = {
    "a.txt": "银川市兴庆区人民政府\n兴庆区2022年法治政府建设情况报告\n2022年，全年办理行政复议案件35件，"
    "行政机关负责人出庭应诉率达到96.5%。\n",
    "b.txt": "包头市昆都仑区人民政府\n昆都仑区2022年法治政府建设情况报告\n2022年，新收行政复议案件12件，"
    "出庭应诉率100%，培训执法人员300人次。\n",
}


@pytest.fixture(scope="module")
def small_graph(tmp_path_factory) -> Path:
    docs = tmp_path_factory.mktemp("docs")
    for name, text in TWO_REPORTS.items():
        (docs / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", str(docs), "-o", str(out), "-q", "--no-html"])
    assert result.exit_code == 0, result.output
    return out / "graph.ttl"


def compare(graph, name):
    result = CliRunner().invoke(main, ["compare", name, "--graph", str(graph), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_one_row_per_district_with_exact_values(small_graph):
    data = compare(small_graph, "出庭应诉率")
    assert data["indicator"] == "行政机关负责人出庭应诉率" and data["unit"] == "%"
    assert [(r["district"], r["year"], r["value"]) for r in data["rows"]] == [
        ("包头市昆都仑区", "2022", "100"),
        ("银川市兴庆区", "2022", "96.5"),
    ]


def test_indicator_by_any_label(small_graph):
    a = compare(small_graph, "行政复议案件数")["rows"]
    b = compare(small_graph, "行政复议案件")["rows"]
    assert a == b and [r["value"] for r in a] == ["12", "35"]


def test_csv_output(small_graph):
    result = CliRunner().invoke(main, ["compare", "行政复议案件数", "--graph", str(small_graph), "--format", "csv"])
    lines = result.output.splitlines()
    assert lines[0].startswith("district,year,value,unit,approximate")
    assert lines[1].startswith("包头市昆都仑区,2022,12,件,false")


def test_unknown_indicator_is_a_one_line_error(small_graph):
    result = CliRunner().invoke(main, ["compare", "没有这个指标", "--graph", str(small_graph)])
    assert result.exit_code != 0 and "no indicator named" in result.output
    assert "Traceback" not in result.output


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds")
    assert CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(out), "-q", "--no-html"]).exit_code == 0
    return out / "graph.ttl"


def test_seeds_reconsideration_and_court_figures(seeds_graph):
    """The seed reports that state a number of 行政复议 cases and a 出庭应诉 rate (read by hand from their texts)."""
    cases = {(r["report"][:3], r["value"], r["unit"]) for r in compare(seeds_graph, "行政复议案件数")["rows"]}
    assert cases >= {
        ("000", "4", "件"),
        ("001", "3", "件"),
        ("002", "5", "件"),
        ("003", "9", "件"),
        ("004", "39", "起"),
    }
    rates = {(r["report"][:3], r["value"]) for r in compare(seeds_graph, "出庭应诉率")["rows"]}
    assert rates == {("000", "85.2"), ("002", "100")}


def test_a_report_without_a_government_is_named_as_in_kg_stats(tmp_path):
    """The district is the one definition of kg.analyse.rows: with no issuing government, the report itself."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "x.txt").write_text(
        "2022年法治政府建设情况报告\n2022年，行政机关负责人出庭应诉率达到96.5%。\n", encoding="utf-8"
    )
    build = CliRunner().invoke(main, ["build", str(docs), "-o", str(tmp_path / "out"), "-q", "--no-html"])
    graph = tmp_path / "out" / "graph.ttl"
    assert "issuing area not found" in build.output and graph.is_file(), build.output
    stats = CliRunner().invoke(main, ["stats", "indicators", str(graph), "--json"])
    assert [(r["district"], r["report"]) for r in compare(graph, "出庭应诉率")["rows"]] == [
        ("2022年法治政府建设情况报告", "x.txt")
    ]
    assert [r["district"] for r in json.loads(stats.output)] == ["2022年法治政府建设情况报告"]
