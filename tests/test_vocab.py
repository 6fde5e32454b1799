"""The ontology (ontology/kg.ttl) documents every term the code emits, in English and Chinese."""

import pytest
import rdflib
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

from kg.rdf.namespaces import KG, kg
from kg.resources import ontology_path

ONTOLOGY = rdflib.URIRef("https://w3id.org/fazhi-kg/ontology")
KINDS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_path("kg.ttl"))


def declared(g: rdflib.Graph) -> set[str]:
    return {str(s)[len(KG) :] for s in g.subjects(RDF.type, None) if str(s).startswith(KG)}


def test_every_vocabulary_term_is_declared_in_the_ontology(onto):
    assert set(kg._terms) <= declared(onto)


@pytest.mark.parametrize("term", sorted(kg._terms))
def test_every_term_has_english_and_chinese_labels_and_comments(onto, term):
    iri = rdflib.URIRef(KG + term)
    assert set(onto.objects(iri, RDF.type)) & KINDS, f"kg:{term} is not an owl:Class or owl property"
    assert {lit.language for lit in onto.objects(iri, RDFS.label)} >= {"en", "zh"}, f"kg:{term} labels"
    assert {lit.language for lit in onto.objects(iri, RDFS.comment)} >= {"en", "zh"}, f"kg:{term} comments"


@pytest.mark.parametrize("term", sorted(t for t in kg._terms if t[0].islower()))
def test_every_property_has_a_domain_and_a_range(onto, term):
    iri = rdflib.URIRef(KG + term)
    assert onto.value(iri, RDFS.domain) is not None and onto.value(iri, RDFS.range) is not None, term


def test_every_kg_term_in_the_seeds_graph_and_the_shapes_is_declared(onto, seeds_out):
    data = rdflib.Graph().parse(seeds_out / "graph.ttl")
    shapes = rdflib.Graph().parse(ontology_path("shapes.ttl"))
    used = {
        str(t)[len(KG) :]
        for g in (data, shapes)
        for triple in g
        for t in triple
        if isinstance(t, rdflib.URIRef) and str(t).startswith(KG) and len(str(t)) > len(KG)
    }
    assert used <= declared(onto)


def test_refers_to_is_the_super_property_of_cites_and_issues(onto):
    refers = rdflib.URIRef(KG + "refersTo")
    assert {rdflib.URIRef(KG + "cites"), rdflib.URIRef(KG + "issues")} <= set(onto.subjects(RDFS.subPropertyOf, refers))


def test_the_ontology_has_a_version_iri_and_a_license(onto):
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in onto
    assert str(onto.value(ONTOLOGY, OWL.versionIRI)).startswith(str(ONTOLOGY) + "/")
    assert onto.value(ONTOLOGY, DCTERMS.license) is not None


@pytest.mark.parametrize(
    "cls, external",
    [
        ("Regulation", "http://data.europa.eu/eli/ontology#LegalResource"),
        ("Regulation", "https://schema.org/Legislation"),
        ("Organisation", "http://www.w3.org/ns/org#Organization"),
        ("Report", "http://www.w3.org/ns/prov#Entity"),
        ("Measure", "http://www.w3.org/2004/02/skos/core#Concept"),
        ("Indicator", "http://www.w3.org/2004/02/skos/core#Concept"),
        ("Figure", "http://purl.org/linked-data/cube#Observation"),
    ],
)
def test_classes_are_aligned_to_the_standard_vocabularies(onto, cls, external):
    assert (rdflib.URIRef(KG + cls), RDFS.subClassOf, rdflib.URIRef(external)) in onto


def test_unknown_terms_are_errors():
    with pytest.raises(AttributeError):
        kg.citez  # noqa: B018
