import rdflib

from kg.resources import ontology_path
from kg.vocab import KG, kg


def test_every_vocabulary_term_is_declared_in_the_ontology():
    g = rdflib.Graph().parse(ontology_path("kg.ttl"))
    declared = {str(s)[len(KG):] for s in g.subjects() if str(s).startswith(KG)}
    assert set(kg._terms) <= declared


def test_unknown_terms_are_errors():
    import pytest

    with pytest.raises(AttributeError):
        kg.citez  # noqa: B018
