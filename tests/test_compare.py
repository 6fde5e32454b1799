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
    assert [(r["district"], r["year"], r["value_lexical"]) for r in data["rows"]] == [
        ("包头市昆都仑区", "2022", "100"),
        ("银川市兴庆区", "2022", "96.5"),
    ]


def test_indicator_by_any_label(small_graph):
    a = compare(small_graph, "行政复议案件数")["rows"]
    b = compare(small_graph, "行政复议案件")["rows"]
    assert a == b and [r["value"] for r in a] == [12, 35]


def test_csv_output(small_graph):
    result = CliRunner().invoke(main, ["compare", "行政复议案件数", "--graph", str(small_graph), "--format", "csv"])
    lines = result.output.splitlines()
    assert lines[0].startswith("district,year,value,unit,approximate")
    assert lines[1].startswith("包头市昆都仑区,2022,12,件,false")


def test_unknown_indicator_is_a_one_line_error(small_graph):
    result = CliRunner().invoke(main, ["compare", "没有这个指标", "--graph", str(small_graph)])
    assert result.exit_code != 0 and "no indicator named" in result.output
    assert "Traceback" not in result.output


def test_an_unknown_indicator_lists_the_indicators_there_are(small_graph):
    result = CliRunner().invoke(main, ["compare", "没有这个指标", "--graph", str(small_graph)])
    [line] = result.output.splitlines()
    assert result.exit_code == 1
    assert all(name in line for name in ("行政复议案件数", "行政机关负责人出庭应诉率", "网格员人数"))


def test_a_mistyped_indicator_suggests_the_close_ones(small_graph):
    result = CliRunner().invoke(main, ["compare", "行政机关负责人出庭应诉案件数", "--graph", str(small_graph)])
    assert result.exit_code == 1 and "did you mean" in result.output
    assert "负责人出庭应诉案件数" in result.output and "行政机关负责人出庭应诉率" in result.output


def test_a_name_that_fits_two_indicators_lists_both_instead_of_picking_one(small_graph):
    """出庭应诉 is an altLabel of 负责人出庭应诉案件数 and part of 行政机关负责人出庭应诉率: it must not pick one."""
    result = CliRunner().invoke(main, ["compare", "出庭应诉", "--graph", str(small_graph)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "fits 2 indicators" in result.output
    assert "行政机关负责人出庭应诉率" in result.output and "负责人出庭应诉案件数" in result.output


@pytest.mark.parametrize(
    "name", ["出庭应诉率", "负责人出庭应诉率", "行政机关负责人出庭应诉率", "indicator-head-court-appearance-rate"]
)
def test_names_users_write_find_the_one_indicator(small_graph, name):
    assert compare(small_graph, name)["indicator"] == "行政机关负责人出庭应诉率"


def test_half_width_brackets_find_a_label_written_with_full_width_ones():
    from kg.analyse.compare import find_indicator  # noqa: PLC0415

    assert find_indicator("下放(赋权)事项数").pref_label == "下放（赋权）事项数"
    assert find_indicator(" 公共法律服务中心(工作站)数").pref_label == "公共法律服务中心（工作站）数"


def test_json_values_are_numbers_with_their_exact_decimal_beside(small_graph):
    rows = compare(small_graph, "出庭应诉率")["rows"]
    assert [(r["value"], r["value_lexical"]) for r in rows] == [(100, "100"), (96.5, "96.5")]
    assert all(type(r["value"]) in (int, float) for r in rows)


def test_a_decimal_no_double_holds_exactly_is_null_beside_its_exact_text():
    from kg.analyse.compare import IndicatorValue, as_dicts  # noqa: PLC0415

    exact = "0.1234567890123456789"
    [row] = as_dicts([IndicatorValue("甲区", "2022", exact, "%", False, None, exact + "%", "a.txt", 0)])
    assert row["value"] is None and row["value_lexical"] == exact
    big = str(2**53 + 1)
    [row] = as_dicts([IndicatorValue("甲区", "2022", big, "件", False, None, big + "件", "a.txt", 0)])
    assert row["value"] is None and row["value_lexical"] == big


def test_one_figure_is_one_figure_in_the_table_title(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(TWO_REPORTS["a.txt"], encoding="utf-8")
    built = CliRunner().invoke(main, ["build", str(docs), "-o", str(tmp_path / "out"), "-q", "--no-html"])
    assert built.exit_code == 0, built.output
    result = CliRunner().invoke(main, ["compare", "出庭应诉率", "--graph", str(tmp_path / "out" / "graph.ttl")])
    assert "— 1 figure\n" in result.output and "1 figures" not in result.output


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds")
    assert CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(out), "-q", "--no-html"]).exit_code == 0
    return out / "graph.ttl"


def test_seeds_reconsideration_and_court_figures(seeds_graph):
    """The seed reports that state a number of 行政复议 cases and a 出庭应诉 rate (read by hand from their texts)."""
    cases = {(r["report"][:3], r["value_lexical"], r["unit"]) for r in compare(seeds_graph, "行政复议案件数")["rows"]}
    assert cases >= {
        ("000", "4", "件"),
        ("001", "3", "件"),
        ("002", "5", "件"),
        ("003", "9", "件"),
        ("004", "39", "起"),
    }
    rates = {(r["report"][:3], r["value_lexical"]) for r in compare(seeds_graph, "出庭应诉率")["rows"]}
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
