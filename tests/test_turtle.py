import io
import random

import pyoxigraph
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import BlankNode, Literal, NamedNode, Triple
from rdflib.compare import isomorphic

from kg.rdf.namespaces import KG, KGR, XSD, kg, rdf, rdfs, xsd
from kg.rdf.rdflib_terms import to_rdflib
from kg.rdf.turtle import TurtleWriter


def sample():
    s = NamedNode(KGR + "report-abc")
    return [
        Triple(s, rdf.type, kg.Report),
        Triple(s, rdfs.label, Literal('带"引号"和\n换行的标题', language="zh")),
        Triple(s, kg.value, Literal("497000000", datatype=xsd.decimal)),
        Triple(s, kg.start, Literal("12", datatype=xsd.integer)),
        Triple(s, kg.approximate, Literal("true", datatype=xsd.boolean)),
        Triple(s, kg.cites, NamedNode(KGR + "needs/full-iri")),
        Triple(NamedNode(KGR + "reg-1"), rdf.type, kg.Regulation),
    ]


def write(triples):
    buf = io.StringIO()
    TurtleWriter().write(triples, buf)
    return buf.getvalue()


def test_output_is_the_same_whatever_the_input_order():
    triples = sample()
    shuffled = triples[:]
    random.Random(1).shuffle(shuffled)
    assert write(triples) == write(shuffled)


def test_output_parses_back_to_the_same_graph_in_rdflib_and_oxigraph():
    text = write(sample())
    g = rdflib.Graph().parse(data=text, format="turtle")
    assert len(g) == 7
    store = pyoxigraph.Store()
    store.load(text.encode(), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == 7
    (label,) = [t.object for t in store.quads_for_pattern(None, rdfs.label, None)]
    assert label.value == '带"引号"和\n换行的标题'


def test_duplicates_are_written_once():
    t = sample()[0]
    assert write([t, t]).count("kg:Report") == 1


# ----------------------------------------------------------------- any RDF: what `kg export` writes of a user's file

EX = "http://example.org/"


def parse_both(text):
    """The Turtle read by rdflib and by pyoxigraph, both as rdflib graphs with lexical forms kept as written."""
    old, rdflib.NORMALIZE_LITERALS = rdflib.NORMALIZE_LITERALS, False
    try:
        by_rdflib = rdflib.Graph().parse(data=text, format="turtle")
        by_oxigraph = rdflib.Graph()
        for quad in pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.TURTLE):
            by_oxigraph.add(tuple(to_rdflib(t, lexical=True) for t in quad.triple))
    finally:
        rdflib.NORMALIZE_LITERALS = old
    return by_rdflib, by_oxigraph


def as_rdflib(triples):
    g = rdflib.Graph()
    for t in triples:
        g.add(tuple(to_rdflib(term, lexical=True) for term in t))
    return g


def test_blank_nodes_are_written_as_blank_nodes_not_relative_iris():
    text = write([Triple(BlankNode("s"), kg.cites, BlankNode("o")), Triple(BlankNode("o"), rdfs.label, Literal("x"))])
    assert "_:s kg:cites _:o" in text and "<s>" not in text
    for graph in parse_both(text):
        assert isomorphic(
            graph,
            as_rdflib([Triple(BlankNode("a"), kg.cites, BlankNode("b"))])
            + as_rdflib([Triple(BlankNode("b"), rdfs.label, Literal("x"))]),
        )


def test_a_blank_node_label_no_parser_reads_is_encoded():
    s = NamedNode(EX + "s")
    labels = ["a:b", "é", "x-61"]  # pyoxigraph takes all three; "x-61" is what "a" would be encoded as
    text = write([Triple(s, kg.cites, BlankNode(label)) for label in labels] + [Triple(s, kg.cites, BlankNode("a"))])
    for graph in parse_both(text):
        assert len(set(graph.objects())) == 4


def test_rdf_type_is_written_a_only_as_a_predicate():
    s = NamedNode(EX + "s")
    triples = [
        Triple(s, rdf.type, kg.Report),
        Triple(s, kg.cites, rdf.type),
        Triple(s, rdfs.label, Literal("x", datatype=rdf.type)),
    ]
    text = write(triples)
    assert "a kg:Report" in text and "kg:cites rdf:type" in text and '"x"^^rdf:type' in text
    for graph in parse_both(text):
        assert isomorphic(graph, as_rdflib(triples))


@pytest.mark.parametrize(
    "lexical, bare", [("12\n", False), ("１２", False), ("٣", False), ("12 ", False), ("+0012", False), ("-12", True)]
)
def test_an_integer_is_written_bare_only_when_its_lexical_form_reads_back_unchanged(lexical, bare):
    triple = Triple(NamedNode(EX + "s"), kg.start, Literal(lexical, datatype=xsd.integer))
    text = write([triple])
    assert text.rstrip().endswith(f"kg:start {lexical} .") == bare
    for graph in parse_both(text):
        ((_, _, obj),) = graph
        assert str(obj) == lexical and obj.datatype == rdflib.XSD.integer


def test_kg_export_of_the_ontology_as_turtle_gives_the_same_graph(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main
    from kg.resources import ontology_path

    out = tmp_path / "kg.ttl"
    result = CliRunner().invoke(main, ["export", str(ontology_path("kg.ttl")), "--format", "turtle", "-o", str(out)])
    assert result.exit_code == 0, result.output
    original = rdflib.Graph().parse(ontology_path("kg.ttl"))
    assert any(isinstance(n, rdflib.BNode) for n in original.all_nodes())
    assert isomorphic(rdflib.Graph().parse(out), original)


def test_rdf_1_2_terms_are_written_in_turtle_1_2():
    s = NamedNode(EX + "s")
    triples = [
        Triple(s, kg.cites, Triple(BlankNode("b"), kg.cites, Literal("1", datatype=xsd.integer))),
        Triple(s, rdfs.label, Literal("نص", language="ar", direction=pyoxigraph.BaseDirection.RTL)),
    ]
    text = write(triples)
    assert "<<( _:b kg:cites 1 )>>" in text and '"نص"@ar--rtl' in text
    got = pyoxigraph.Dataset(pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.TURTLE))
    want = pyoxigraph.Dataset(pyoxigraph.Quad(*t, pyoxigraph.DefaultGraph()) for t in triples)
    for d in (got, want):
        d.canonicalize(pyoxigraph.CanonicalizationAlgorithm.RDFC_1_0)
    assert got == want


# Arbitrary RDF 1.1: IRIs under our prefixes and others, blank nodes, every kind of literal, any Unicode.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
LOCAL = st.text(st.characters(blacklist_categories=("Cs",), max_codepoint=0x3000), max_size=6)
NAMESPACES = st.sampled_from([EX, KGR, KG, XSD])


def _named(ns, local):
    try:
        return NamedNode(ns + local)
    except ValueError:
        return NamedNode(ns + local.encode("utf-8").hex())


def _blank(label):
    try:
        return BlankNode(label)
    except ValueError:
        return BlankNode("b" + label.encode("utf-8").hex())


IRIS = st.builds(_named, NAMESPACES, LOCAL) | st.sampled_from([rdf.type, rdfs.label, kg.cites, xsd.integer])
BLANKS = st.builds(_blank, st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=4))
NUMERIC = st.from_regex(r"[ +\-]?[0-9０-９٠-٩]{0,3}(\.[0-9]{0,2})?([eE][+-]?[0-9])?\n?", fullmatch=True)
DATATYPES = (
    st.sampled_from(
        [
            xsd.integer,
            xsd.boolean,
            xsd.decimal,
            xsd.string,
            rdf.type,
            NamedNode(XSD + "double"),
            NamedNode(XSD + "byte"),
        ]
    )
    | IRIS
)
LANGUAGES = st.from_regex(r"[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-[a-zA-Z]{2}|-[0-9]{3})?", fullmatch=True)
LITERALS = (
    st.builds(Literal, TEXT)
    | st.builds(lambda v, lang: Literal(v, language=lang), TEXT, LANGUAGES)
    | st.builds(
        lambda v, dt: Literal(v, datatype=dt), TEXT | NUMERIC | st.sampled_from(["true", "false", "1"]), DATATYPES
    )
)
SUBJECTS = IRIS | BLANKS
TRIPLES = st.lists(st.builds(Triple, SUBJECTS, IRIS, SUBJECTS | LITERALS), max_size=8)


@pytest.mark.filterwarnings("ignore:(Serializing|Parsing) weird")  # rdflib, about ill-typed literals it is given
@settings(max_examples=300, deadline=None)
@given(TRIPLES)
def test_any_triples_parse_back_to_an_isomorphic_graph_in_rdflib_and_pyoxigraph(triples):
    want = as_rdflib(triples)
    for graph in parse_both(write(triples)):
        assert isomorphic(graph, want)
