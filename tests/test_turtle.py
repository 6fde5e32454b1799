import io
import random

import pyoxigraph
import rdflib
from pyoxigraph import Literal, NamedNode, Triple

from kg.rdf.namespaces import KGR, kg, rdf, rdfs, xsd
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
