"""The light statements of kg.rdf.terms: a report's triples are written without a pyoxigraph term each, so
pyoxigraph checks here that what is written is what the same triples as pyoxigraph terms give — the Turtle
writer's text, the N-Triples of the HTML view's share, and the graph they parse back to."""

from pathlib import Path

import pyoxigraph
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple

from kg.extract import extract
from kg.rdf.namespaces import KG, KGR, RDF, XSD
from kg.rdf.terms import Lit, SubjectRows, ntriples, to_triples
from kg.rdf.triples import report_statements, view_subset
from kg.rdf.turtle import TurtleWriter
from kg.read import read_bytes
from kg.resolve import resolve
from kg.segment import get_segmenter

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"
EX = "http://example.org/"


def _iri(ns: str, local: str) -> str:
    try:
        return NamedNode(ns + local).value
    except ValueError:
        return ns + local.encode("utf-8").hex()


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
IRIS = st.builds(_iri, st.sampled_from([EX, KGR, KG, XSD]), st.text(max_size=6)) | st.sampled_from(
    [RDF + "type", KG + "cites", XSD + "integer"]
)
LANGUAGES = st.from_regex(r"[a-z]{2,3}(-[a-z]{2})?", fullmatch=True)  # lower case, as pyoxigraph keeps a tag
DATATYPES = st.sampled_from([XSD + "string", XSD + "integer", XSD + "boolean", XSD + "decimal", RDF + "type"]) | IRIS
LEXICAL = TEXT | st.sampled_from(["0", "12", "-3", "012", "+1", "true", "false", "1.0"])
LITS = st.builds(lambda v, lang: Lit(v, "", lang), TEXT, LANGUAGES) | st.builds(
    lambda v, dt: Lit(v, dt), LEXICAL, DATATYPES
)
STATEMENTS = st.lists(st.tuples(IRIS, IRIS, IRIS | LITS), max_size=10)


def _turtle(triples) -> str:
    return TurtleWriter().blocks(triples)[0]


@settings(max_examples=300, deadline=None)
@given(STATEMENTS)
def test_light_statements_are_written_as_the_same_triples_as_pyoxigraph_terms(statements):
    assert TurtleWriter().blocks(statements) == TurtleWriter().blocks(to_triples(statements))


SUBJECTS = st.sampled_from([EX + "a", EX + "b", KGR + "m-1"])  # few: rows of one subject, statements about it
ROW_PREDICATES = st.lists(IRIS, min_size=1, max_size=4, unique=True).map(tuple)
TABLES = st.lists(
    ROW_PREDICATES.flatmap(
        lambda ps: st.builds(
            SubjectRows,
            st.just(ps),
            st.lists(st.tuples(SUBJECTS, *[IRIS | LITS for _ in ps]), max_size=4),
        )
    ),
    max_size=3,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(SUBJECTS | IRIS, IRIS, IRIS | LITS), max_size=10), TABLES)
def test_subjects_stated_as_rows_are_written_as_their_statements(statements, tables):
    # a subject in several rows, or with statements too, is one block of every line
    rows = [t for table in tables for t in table.statements()]
    assert TurtleWriter().blocks(statements, tables) == TurtleWriter().blocks([*statements, *rows])


@settings(max_examples=300, deadline=None)
@given(STATEMENTS)
def test_ntriples_of_light_statements_is_pyoxigraphs_own_serialisation(statements):
    want = pyoxigraph.serialize(to_triples(statements), format=RdfFormat.N_TRIPLES).decode("utf-8")
    assert ntriples(statements) == want


def test_ntriples_escapes_every_code_point_as_pyoxigraph_does():
    points = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    statements = [(EX + "s", EX + "p", Lit(chr(c))) for c in points]
    want = pyoxigraph.serialize(to_triples(statements), format=RdfFormat.N_TRIPLES).decode("utf-8")
    assert ntriples(statements) == want


def test_a_language_tagged_and_a_typed_literal_become_pyoxigraph_literals():
    assert to_triples([(EX + "s", EX + "p", Lit("行政复议", "", "zh"))])[0].object == Literal("行政复议", language="zh")
    typed = to_triples([(EX + "s", EX + "p", Lit("12", XSD + "integer"))])[0].object
    assert typed == Literal("12", datatype=NamedNode(XSD + "integer"))
    assert to_triples([(EX + "s", EX + "p", Lit("x"))])[0].object == Literal("x")


@pytest.fixture(scope="module")
def seed_reports():
    segmenter = get_segmenter()
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        doc = read_bytes(path.read_bytes(), path.name, "txt", 10**8)
        ex = extract(doc, segmenter)
        node = resolve([ex]).reports[ex.report_id]
        out.append((ex.report_id, report_statements(node, [doc.source_file()])))
    return out


def _graph(text: str, fmt: RdfFormat) -> set[Triple]:
    return {q.triple for q in pyoxigraph.parse(text, format=fmt)}


def test_a_reports_turtle_parses_back_to_its_statements(seed_reports):
    writer = TurtleWriter()
    for _, statements in seed_reports:
        body, count = writer.blocks(statements)
        graph = _graph(writer.header() + body, RdfFormat.TURTLE)
        assert graph == set(to_triples(statements)) and count == len(graph)


def test_a_reports_rows_are_written_as_its_statements_would_be(seed_reports):
    # the build writes a report's mentions and figures from their rows (kg.build.tasks); the same text as the
    # statements they stand for, written line by line
    for _, statements in seed_reports:
        assert statements.tables and statements.tables[0].rows
        assert TurtleWriter().blocks(statements.triples, statements.tables) == TurtleWriter().blocks(list(statements))


def test_the_html_views_share_is_the_reports_own_and_regulation_mention_triples(seed_reports):
    for report_id, statements in seed_reports:
        graph = _graph(view_subset(report_id, statements), RdfFormat.N_TRIPLES)
        subjects = {t.subject.value for t in graph}
        assert KGR + f"report-{report_id}" in subjects
        assert all(s.endswith("-reg") for s in subjects - {KGR + f"report-{report_id}"})
        assert graph <= set(to_triples(statements)) and len(subjects) > 1


def test_a_namespaces_iris_are_its_terms_as_strings_and_closed_alike():
    from kg.rdf.namespaces import kg

    assert kg.iris.Report == kg.Report.value == KG + "Report"
    with pytest.raises(AttributeError):
        kg.iris.Reprot  # noqa: B018 - a typo is an error, as for kg.Reprot
