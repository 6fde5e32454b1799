"""The command line, end to end on the bundled seeds, through click's CliRunner."""

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CONTRACT_QUERY = """PREFIX kg: <https://w3id.org/fazhi-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?file ?title ?how WHERE {
  ?r a kg:Report ; kg:sourceFile ?file ; ?how ?reg .
  VALUES ?how { kg:cites kg:issues }
  ?reg rdfs:label ?title .
} ORDER BY ?file ?title"""


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds-out")
    result = CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert re.search(r"^5 reports, \d+ regulations, \d+ figures", result.output, re.M)
    return out / "graph.ttl"


def test_help_lists_the_commands():
    out = CliRunner().invoke(main, ["--help"]).output
    for command in ("build", "stats", "view", "query", "compare", "eval", "validate", "export", "serve"):
        assert command in out


def test_python_dash_m_kg_is_the_kg_command():
    result = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: python -m kg [OPTIONS] COMMAND")
    assert all(f"  {command} " in result.stdout for command in main.commands)


def test_each_command_module_is_small_and_its_functions_short():
    for path in sorted((Path(__file__).resolve().parent.parent / "kg" / "cli").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert len(source.splitlines()) <= 400, path.name
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef):
                assert node.end_lineno - node.lineno < 60, f"{path.name}: {node.name}"


def test_seeds_build_twice_gives_identical_bytes(seeds_graph, tmp_path):
    result = CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(tmp_path), "-q"])
    assert result.exit_code == 0
    assert (tmp_path / "graph.ttl").read_bytes() == seeds_graph.read_bytes()
    assert (tmp_path / "graph.html").read_bytes() == (seeds_graph.parent / "graph.html").read_bytes()


def test_seeds_html_has_one_gangyao_node_linked_to_every_report_citing_it(seeds_graph):
    from kg.rdf.store import load_store, select  # noqa: PLC0415
    from tests.htmlpage import page_data  # noqa: PLC0415

    title = "法治政府建设实施纲要（2021—2025年）"
    rows = select(
        load_store(seeds_graph),
        f"""SELECT ?area WHERE {{ ?r kg:refersTo ?reg ; kg:issuedBy ?g .
                  ?g kg:jurisdiction ?area . ?reg rdfs:label "{title}"@zh }}""",
    )
    citing = {r["area"] for r in rows}
    assert citing  # the seeds do cite it
    nodes, edges = page_data((seeds_graph.parent / "graph.html").read_text(encoding="utf-8"))
    [node] = [n for n in nodes if n["name"] == title]
    iri = {n["id"]: n["iri"] for n in nodes}
    linked = {iri[e["from"]] for e in edges if e["to"] == node["id"]}
    assert linked == citing


def test_contract_query_returns_rows_for_every_report(seeds_graph):
    result = CliRunner().invoke(main, ["query", CONTRACT_QUERY, "--graph", str(seeds_graph), "--format", "json"])
    rows = json.loads(result.output)["results"]["bindings"]  # W3C SPARQL 1.1 Query Results JSON
    assert {r["file"]["value"] for r in rows} == {p.name for p in SEEDS.glob("*.txt")}


def test_stats_json_counts_the_five_reports(seeds_graph):
    result = CliRunner().invoke(main, ["stats", str(seeds_graph), "--json"])
    data = json.loads(result.output)
    assert data["classes"]["Report"] == 5
    assert data["regulations"][0]["districts"] >= 3


def test_html_is_offline(seeds_graph):
    html = (seeds_graph.parent / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?:""", html)
    assert "new vis.Network" in html


def test_bad_files_in_the_input_folder_get_one_line_each_and_exit_1(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(tmp_path / "out"), "-q", "--no-html"])
    assert result.exit_code == 1
    lines = [ln for ln in result.output.splitlines() if ln.startswith(("empty.txt", "binary.txt"))]
    assert len(lines) == 2
    assert "5 reports" in result.output


def test_missing_graph_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["stats", str(tmp_path / "none.ttl")])
    assert result.exit_code == 1
    assert "no such graph file" in result.output and "Traceback" not in result.output


def test_nothing_readable_is_an_error_exit(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "e.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1 and "no report could be read" in result.output
