"""`kg query` and kg.query (issue 17): SPARQL errors at the user's own line and column, updates refused as such,
the predeclared prefixes kept whatever the query says, arguments taken as files only when they are files,
SERVICE refused unless allowed, one-line errors, and JSON in the W3C SPARQL 1.1 Query Results JSON Format."""

import doctest
import json

import pyoxigraph
import pytest
from click.testing import CliRunner

import kg.query
from kg.cli import main
from kg.rdf.store import load_store
from tests.corpus import TITLE_GANGYAO, write_corpus

REPORTS = "SELECT (COUNT(*) AS ?n) WHERE { ?r a kg:Report }"


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> str:
    return str(write_corpus(tmp_path_factory.mktemp("query")))


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, ["query", *args], env=env)


def one_error_line(result) -> str:
    """The single line a failing command prints (and that there is no traceback)."""
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    [line] = result.output.splitlines()
    return line


def test_the_docstring_examples_run():
    assert doctest.testmod(kg.query).failed == 0


def test_a_syntax_error_names_the_users_own_line_and_column(graph):
    line = one_error_line(run("SELECT ?r WHERE {\n  ?r a kg:Report", "--graph", graph))
    assert line.startswith("Error: SPARQL syntax error at line 2, column 17 (the end of the query): expected")
    line = one_error_line(run("SELECT ?r WHERE { ?r a kg:Report", "--graph", graph))
    assert "at line 1, column 33" in line


def test_an_unknown_prefix_is_named_without_a_grammar_dump(graph):
    line = one_error_line(run("SELECT ?r WHERE {\n  ?r a foo:Report }", "--graph", graph))
    assert line.startswith("Error: SPARQL syntax error at line 2, column 8: unknown prefix 'foo:' in 'foo:Report'")
    assert "\\u{" not in line and "predeclared: dct:, kg:, kgr:" in line


def test_an_update_is_refused_as_read_only(graph):
    for update in ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "PREFIX x: <urn:x#>\nDELETE WHERE { ?s ?p ?o }"):
        line = one_error_line(run(update, "--graph", graph))
        assert "updates" in line and "not supported" in line and "read-only" in line
        assert "expected CONSTRUCT" not in line


def test_a_query_that_mentions_prefix_keeps_the_predeclared_prefixes(graph):
    result = run("# a query with no prefix of its own\n" + REPORTS, "--graph", graph, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output == "n\n5\n"


def test_a_query_declaring_one_prefix_keeps_the_others_and_its_own_wins(graph):
    own = "PREFIX ex: <urn:ex#>\nSELECT (COUNT(*) AS ?n) WHERE { ?r a kg:Report ; a ?t . FILTER(?t != ex:Thing) }"
    assert run(own, "--graph", graph, "--format", "csv").output == "n\n5\n"
    other_kg = "PREFIX kg: <urn:elsewhere#>\n" + REPORTS
    assert run(other_kg, "--graph", graph, "--format", "csv").output == "n\n0\n"


def test_a_query_ending_in_txt_is_a_query_not_a_file_name(graph):
    result = run(REPORTS + " # counted as in notes.txt", "--graph", graph, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output == "n\n5\n"


def test_an_existing_file_is_read_and_a_missing_query_file_is_named(graph, tmp_path):
    (tmp_path / "q.rq").write_text(REPORTS, encoding="utf-8")
    assert run(str(tmp_path / "q.rq"), "--graph", graph, "--format", "csv").output == "n\n5\n"
    line = one_error_line(run(str(tmp_path / "missing.rq"), "--graph", graph))
    assert line == f"Error: {tmp_path / 'missing.rq'}: no such query file"


def test_a_long_one_line_query_is_a_query_not_a_file_name(graph):
    padded = REPORTS.replace("WHERE", " " * 300 + "WHERE")
    assert run(padded, "--graph", graph, "--format", "csv").output == "n\n5\n"


def test_a_query_file_that_is_not_utf8_is_one_line(graph, tmp_path):
    path = tmp_path / "gbk.rq"
    path.write_bytes("SELECT ?标题 WHERE { ?r rdfs:label ?标题 }".encode("gb18030"))
    line = one_error_line(run(str(path), "--graph", graph))
    assert line.startswith(f"Error: {path}: not UTF-8 text (byte 0x")


def test_a_folder_is_not_a_query(graph, tmp_path):
    assert one_error_line(run(str(tmp_path), "--graph", graph)) == f"Error: {tmp_path}: a folder, not a query file"


def test_service_is_refused_and_sends_no_request(graph, recorder):
    url, seen = recorder
    line = one_error_line(run(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}", "--graph", graph))
    assert "SERVICE" in line and "not allowed" in line
    assert seen == []


def test_the_word_service_in_a_string_comment_or_name_is_no_service_call():
    assert not kg.query.uses_service('SELECT ?service WHERE { ?s kg:service "SERVICE" } # SERVICE <http://x>')
    assert kg.query.uses_service("SELECT * WHERE { service <http://x/> { ?s ?p ?o } }")


def test_a_failing_service_is_one_line_when_allowed(graph, recorder):
    url, seen = recorder
    result = run(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}", "--graph", graph, "--allow-service")
    line = one_error_line(result)
    assert line.startswith("Error: the query could not be evaluated: ")
    assert len(seen) == 1


def test_json_is_the_w3c_sparql_results_format(graph):
    query = (
        "SELECT ?r ?label ?year ?n ?nothing WHERE { ?r a kg:Report ; rdfs:label ?label ; kg:year ?year ; "
        'kg:sourceFile "r1.txt" BIND (2.5 AS ?n) OPTIONAL { ?r kg:nothing ?nothing } }'
    )
    result = run(query, "--graph", graph, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["head"] == {"vars": ["r", "label", "year", "n", "nothing"]}
    [row] = doc["results"]["bindings"]
    assert row == {
        "r": {"type": "uri", "value": "https://w3id.org/fazhi-kg/id/report-r1"},
        "label": {"type": "literal", "value": "郑州市惠济区2022年法治政府建设情况报告", "xml:lang": "zh"},
        "year": {"type": "literal", "value": "2022", "datatype": "http://www.w3.org/2001/XMLSchema#gYear"},
        "n": {"type": "literal", "value": "2.5", "datatype": "http://www.w3.org/2001/XMLSchema#decimal"},
    }
    [parsed] = list(pyoxigraph.parse_query_results(result.output, format=pyoxigraph.QueryResultsFormat.JSON))
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert parsed["label"] == pyoxigraph.Literal("郑州市惠济区2022年法治政府建设情况报告", language="zh")
    assert parsed["year"] == pyoxigraph.Literal("2022", datatype=pyoxigraph.NamedNode(xsd + "gYear"))
    assert parsed["n"] == pyoxigraph.Literal("2.5", datatype=pyoxigraph.NamedNode(xsd + "decimal"))
    assert parsed["nothing"] is None


def test_ask_json_is_a_boolean(graph):
    result = run("ASK { ?r a kg:Report }", "--graph", graph, "--format", "json")
    assert json.loads(result.output) == {"head": {}, "boolean": True}


def test_construct_json_binds_subject_predicate_object(graph):
    query = 'CONSTRUCT { ?r kg:sourceFile ?f } WHERE { ?r kg:sourceFile ?f FILTER(?f = "r1.txt") }'
    doc = json.loads(run(query, "--graph", graph, "--format", "json").output)
    assert doc["head"]["vars"] == ["subject", "predicate", "object"]
    assert doc["results"]["bindings"][0]["object"] == {"type": "literal", "value": "r1.txt"}


def test_one_row_is_one_row(graph):
    result = run("SELECT ?r WHERE { ?r a kg:Report } LIMIT 1", "--graph", graph)
    assert result.output.splitlines()[0].strip() == "1 row"


def test_a_table_piped_to_a_program_is_not_cut(graph):
    query = (
        "SELECT (CONCAT(?t, ?t, ?t) AS ?long) WHERE { ?g rdfs:label ?t "
        'FILTER(STR(?t) = "法治政府建设实施纲要（2021—2025年）") }'
    )
    result = run(query, "--graph", graph, env={"COLUMNS": None})
    assert TITLE_GANGYAO * 3 in result.output and "…" not in result.output


def test_errors_of_the_library_are_query_errors_of_one_line(graph):
    store = load_store(graph)
    for bad in ("SELECT ?x WHERE { ?x a foo:Bar }", "DROP ALL", "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }"):
        with pytest.raises(kg.query.QueryError) as err:
            kg.query.execute(store, bad)
        assert "\n" not in str(err.value)
    with pytest.raises(kg.query.QueryError, match="no such query file"):
        kg.query.read_query("nothing-here.sparql")
