"""Reading the shipped SKOS schemes (``ontology/measures.ttl``, ``ontology/indicators.ttl``) as RDF, for the
tables extraction reads (``scripts/build_scheme_tables.py``) and for the graph's concept IRIs.

Extraction never sees RDF: it reads the generated tables through :mod:`kg.lang.schemes`, where a concept is
named by its local id (``measure-fangguanfu``); :func:`concept_iri` is the one place that id becomes an IRI.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
from pyoxigraph import NamedNode

from kg.rdf.namespaces import KGR

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


def concept_iri(local_id: str) -> NamedNode:
    """The IRI of a scheme concept or of a scheme (``measure-fangguanfu``, ``scheme-measures``)."""
    return NamedNode(KGR + local_id)


def local_id(iri: str) -> str:
    """Inverse of :func:`concept_iri`."""
    if not iri.startswith(KGR):
        raise ValueError(f"not a fazhi-kg resource: {iri}")
    return iri[len(KGR) :]


def scheme_rows(path: Path) -> list[dict[str, str]]:
    """One row per concept of the scheme file: id, pref_label, alt_labels (sorted, joined by |), unit,
    indicator_type, coined ("1" or "")."""
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    rows: dict[str, dict] = {}
    for s in store.query(_QUERY):
        c = rows.setdefault(
            local_id(s["c"].value), {"pref": s["pref"].value, "alts": set(), "unit": "", "type": "", "coined": False}
        )
        c["coined"] = c["coined"] or s["coined"] is not None
        if s["alt"] is not None:
            c["alts"].add(s["alt"].value)
        if s["unit"] is not None:
            c["unit"] = s["unit"].value
        if s["type"] is not None:
            c["type"] = s["type"].value
    return [
        {
            "id": cid,
            "pref_label": c["pref"],
            "alt_labels": "|".join(sorted(c["alts"])),
            "unit": c["unit"],
            "indicator_type": c["type"],
            "coined": "1" if c["coined"] else "",
        }
        for cid, c in sorted(rows.items())
    ]
