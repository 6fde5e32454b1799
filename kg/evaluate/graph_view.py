"""Reading a built graph back for scoring, through SPARQL only: what is scored is what users get."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph

from kg.errors import EvalError
from kg.rdf.store import select

_REPORTS = """SELECT ?r ?file ?year ?gov ?govLabel ?area WHERE {
  ?r a kg:Report ; kg:sourceFile ?file .
  OPTIONAL { ?r kg:year ?year }
  OPTIONAL { ?r kg:issuedBy ?gov . ?gov rdfs:label ?govLabel .
             OPTIONAL { ?gov kg:jurisdiction ?a . ?a kg:divisionCode ?area } }
}"""
_REGULATIONS = """SELECT ?r ?reg ?role ?label ?alt WHERE {
  ?r ?how ?reg . VALUES (?how ?role) { (kg:cites "cites") (kg:issues "issues") } ?reg rdfs:label ?label .
  OPTIONAL { ?reg skos:altLabel ?alt }
}"""
_ENTITY_NAMES = """SELECT ?r ?e ?label ?alt WHERE {
  ?r kg:mentions ?e . ?e a ?class ; rdfs:label ?label . VALUES ?class { %s }
  OPTIONAL { ?e skos:altLabel ?alt }
}"""
_MENTION_TEXTS = """SELECT ?r ?e ?text ?start WHERE { ?m a kg:Mention ; kg:inReport ?r ; kg:denotes ?e ; kg:text ?text ;
  kg:start ?start }"""
_FIGURES = """SELECT ?r ?value ?unit ?label WHERE {
  ?f a kg:Figure ; kg:reportedIn ?r ; kg:value ?value ; kg:unit ?unit ; rdfs:label ?label }"""


@dataclass
class Entity:
    iri: str
    names: set[str]
    label: str
    role: str | None = None
    where: str = ""


def graph_view(store: pyoxigraph.Store) -> dict[str, dict]:
    """Per report IRI: file stem, year, issuer, and the entities of each category with all their names."""
    reports: dict[str, dict] = {}
    for row in select(store, _REPORTS):
        reports[row["r"]] = {
            "stem": Path(row["file"]).stem,
            "year": row["year"],
            "gov": row["govLabel"],
            "area": row["area"],
            "regulations": {},
            "measures": {},
            "organisations": {},
            "figures": [],
        }
    mentions: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for row in select(store, _MENTION_TEXTS):
        mentions.setdefault((row["r"], row["e"]), []).append((int(row["start"]), row["text"]))
    for row in select(store, _REGULATIONS):
        rep = reports.get(row["r"])
        if rep is None:
            continue
        ent = rep["regulations"].setdefault(row["reg"], Entity(row["reg"], {row["label"]}, row["label"], row["role"]))
        if row["alt"]:
            ent.names.add(row["alt"])
    # organisations: every body a report mentions, its own government included (kg:Government is a
    # kg:Organisation: the output contract's kg:mentions covers both)
    for category, cls in (("measures", "kg:Measure"), ("organisations", "kg:Organisation kg:Government")):
        for row in select(store, _ENTITY_NAMES % cls):
            rep = reports.get(row["r"])
            if rep is None:
                continue
            ent = rep[category].setdefault(row["e"], Entity(row["e"], {row["label"]}, row["label"]))
            if row["alt"]:
                ent.names.add(row["alt"])
    for rep_iri, rep in reports.items():
        for category in ("regulations", "measures", "organisations"):
            for ent in rep[category].values():
                found = sorted(mentions.get((rep_iri, ent.iri), []))
                ent.names.update(t for _, t in found)
                ent.where = found[0][1] if found else ""
    for row in select(store, _FIGURES):
        rep = reports.get(row["r"])
        if rep is not None:
            rep["figures"].append((decimal(row["value"]), row["unit"], row["label"]))
    return reports


def decimal(value) -> Decimal:
    try:
        return Decimal(str(value)).normalize()
    except InvalidOperation:
        raise EvalError(f"not a number: {value!r}") from None
