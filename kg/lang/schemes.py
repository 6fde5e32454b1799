"""The shipped SKOS concept schemes — ``ontology/measures.ttl`` (policy measures) and ``ontology/indicators.ttl``
(what figures measure) — read once into plain data for the extractors and the segmenter's user dictionary.

The schemes are Turtle so that SPARQL users get them as linked data; the extractors only need labels, so this
module turns them into :class:`Concept` records and nothing downstream of it sees RDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph

from kg.resources import ontology_path
from kg.rdf.namespaces import KGR

MEASURE_SCHEME = KGR + "scheme-measures"
INDICATOR_SCHEME = KGR + "scheme-indicators"

_QUERY = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX kg: <https://w3id.org/fazhi-kg/ontology#>
SELECT ?c ?pref ?alt ?unit ?type ?coined WHERE {
  ?c skos:inScheme ?scheme ; skos:prefLabel ?pref .
  FILTER(LANG(?pref) = "zh")
  OPTIONAL { ?c skos:altLabel ?alt . FILTER(LANG(?alt) = "zh") }
  OPTIONAL { ?c kg:unit ?unit }
  OPTIONAL { ?c kg:indicatorType ?type }
  OPTIONAL { ?coined skos:member ?c }
}
"""


@dataclass(frozen=True)
class Concept:
    iri: str
    pref_label: str
    alt_labels: tuple[str, ...]
    unit: str | None = None  # indicators: the base unit of their figures
    indicator_type: str | None = None  # indicators: count | rate | amount | duration
    coined: bool = False  # measures: a coined name (放管服), recognised even without quotes

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.pref_label, *self.alt_labels)


def _load(name: str) -> tuple[Concept, ...]:
    store = pyoxigraph.Store()
    store.load(path=str(ontology_path(name)), format=pyoxigraph.RdfFormat.TURTLE)
    rows: dict[str, dict] = {}
    for s in store.query(_QUERY):
        c = rows.setdefault(s["c"].value, {"pref": s["pref"].value, "alts": set(), "unit": None, "type": None,
                                           "coined": False})
        c["coined"] = c["coined"] or s["coined"] is not None
        if s["alt"] is not None:
            c["alts"].add(s["alt"].value)
        if s["unit"] is not None:
            c["unit"] = s["unit"].value
        if s["type"] is not None:
            c["type"] = s["type"].value
    return tuple(Concept(iri, c["pref"], tuple(sorted(c["alts"])), c["unit"], c["type"], c["coined"])
                 for iri, c in sorted(rows.items()))


@lru_cache(maxsize=1)
def measure_scheme() -> tuple[Concept, ...]:
    return _load("measures.ttl")


@lru_cache(maxsize=1)
def indicator_scheme() -> tuple[Concept, ...]:
    return _load("indicators.ttl")
