"""kg eval: matching rules and scores, on a composed report with a hand-written gold file."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.extract
from kg.cli import main
from kg.evaluate import evaluate

TEXT = """银川市兴庆区人民政府
兴庆区2022年法治政府建设情况报告
2022年，兴庆区认真贯彻落实《法治政府建设实施纲要(2021-2025年)》和《行政处罚法》，印发《兴庆区行政执法公示办法》。
全年办理行政复议案件35件，培训执法人员1200余人次。深化“放管服”改革。
银川市兴庆区人民政府
2023年1月20日
"""

GOLD = {
    "id": "xq_2022",
    "issuer": {
        "name": "兴庆区",
        "full_name": "银川市兴庆区人民政府",
        "level": "district",
        "parent": "银川市",
        "province": "宁夏回族自治区",
    },
    "year": 2022,
    "regulations": [
        {
            "title": "法治政府建设实施纲要（2021—2025年）",
            "surface": "《法治政府建设实施纲要(2021-2025年)》",
            "role": "cited",
            "level": "national",
            "kind": "plan",
        },
        {
            "title": "中华人民共和国行政处罚法",
            "surface": "《行政处罚法》",
            "role": "cited",
            "level": "national",
            "kind": "law",
        },
        {
            "title": "兴庆区行政执法公示办法",
            "surface": "《兴庆区行政执法公示办法》",
            "role": "issued",
            "level": "local",
            "kind": "rule",
        },
        {
            "title": "一个文中没有的文件",
            "surface": "《一个文中没有的文件》",
            "role": "cited",
            "level": "unknown",
            "kind": "other",
        },
    ],
    "figures": [
        {"span": "35件", "value": 35, "unit": "件", "approx": False},
        {"span": "1200余人次", "value": 1200, "unit": "人次", "approx": True, "qualifier": "余"},
    ],
    "measures": ["放管服"],
    "organisations": [],
}


@pytest.fixture()
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    docs, gold = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    gold.mkdir()
    (docs / "xq_2022.txt").write_text(TEXT, encoding="utf-8")
    (gold / "xq_2022.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return gold, docs


def test_regulations_match_by_canonical_title_or_surface(corpus):
    s = evaluate(*corpus).summary()
    assert (s["regulations"]["tp"], s["regulations"]["fn"], s["regulations"]["fp"]) == (3, 1, 0)
    assert s["regulations"]["recall"] == 0.75
    assert s["role_accuracy"] == 1.0


def test_figures_match_on_value_and_unit(corpus):
    s = evaluate(*corpus).summary()
    assert s["figures"]["tp"] == 2 and s["figures"]["fn"] == 0


def test_issuer_and_year_are_checked(corpus):
    s = evaluate(*corpus).summary()
    assert s["issuer_accuracy"] == 1.0 and s["year_accuracy"] == 1.0 and s["issuer_name_accuracy"] == 1.0


def test_wrong_gold_year_is_counted(corpus):
    gold, docs = corpus
    data = dict(GOLD, year=2021)
    (gold / "xq_2022.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert evaluate(gold, docs).summary()["year_accuracy"] == 0.0


def test_a_broken_extractor_changes_the_scores(corpus, monkeypatch):
    before = evaluate(*corpus).summary()["figures"]["recall"]
    monkeypatch.setattr(kg.extract, "extract_figures", lambda doc, segmenter=None, titles=None, lost=None: [])
    after = evaluate(*corpus).summary()["figures"]["recall"]
    assert before == 1.0 and after == 0.0


def test_cli_prints_a_table_json_and_errors(corpus):
    gold, docs = corpus
    runner = CliRunner()
    table = runner.invoke(main, ["eval", str(gold), "--docs", str(docs)])
    assert table.exit_code == 0 and "regulations" in table.output and "role accuracy" in table.output
    data = json.loads(runner.invoke(main, ["eval", str(gold), "--docs", str(docs), "--json"]).output)
    assert data["summary"]["regulations"]["fn"] == 1
    errors = runner.invoke(main, ["eval", str(gold), "--docs", str(docs), "--errors", "--no-per-report"]).output
    assert "xq_2022\tregulations\tfn\t一个文中没有的文件" in errors


def test_missing_gold_folder_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["eval", str(tmp_path / "none"), "--docs", str(tmp_path)])
    assert result.exit_code == 1 and "no gold files" in result.output
