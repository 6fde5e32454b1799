"""``kg compare INDICATOR``: one indicator's figures for every district and year of a built graph, read back
from the RDF — "出庭应诉率 by district" as one command.

INDICATOR is an indicator's label, one of its altLabels (出庭应诉率), or its IRI / local name
(indicator-court-appearance-rate); the shipped scheme (``ontology/indicators.ttl``) says which exist.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal

import pyoxigraph

from kg.analyse.rows import all_reports
from kg.lang.numerals import format_decimal
from kg.lang.schemes import Concept, indicator_scheme
from kg.rdf.schemes import concept_iri
from kg.rdf.store import select

_ROWS = """
SELECT ?report ?file ?year ?value ?unit ?approx ?qualifier ?surface ?start WHERE {
  ?f a kg:Figure ; kg:indicator <%s> ; kg:reportedIn ?report ; kg:value ?value ; kg:unit ?unit ;
     kg:approximate ?approx ; rdfs:label ?surface .
  OPTIONAL { ?f kg:qualifier ?qualifier }
  OPTIONAL { ?m kg:denotes ?f ; kg:start ?start }
  ?report kg:sourceFile ?file .
  OPTIONAL { ?report kg:year ?year }
}
"""


class UnknownIndicator(ValueError):
    """The name matches no indicator of the scheme; the message lists close ones."""


@dataclass(frozen=True)
class IndicatorValue:
    district: str
    year: str | None
    value: str  # xsd:decimal lexical form: exact
    unit: str
    approximate: bool
    qualifier: str | None
    surface: str
    report: str  # source file
    offset: int | None  # where in the report's text the figure stands


def find_indicator(name: str) -> Concept:
    """The indicator a user means by ``name`` (label, altLabel, IRI or local name)."""
    for concept in indicator_scheme():
        if name in concept.labels or name == concept.id or name == concept_iri(concept.id).value:
            return concept
    close = sorted({c.pref_label for c in indicator_scheme() if any(name in lab or lab in name for lab in c.labels)})
    hint = f"; did you mean {', '.join(close[:5])}?" if close else "; see ontology/indicators.ttl"
    raise UnknownIndicator(f"no indicator named {name!r}{hint}")


def compare(store: pyoxigraph.Store, indicator: Concept) -> list[IndicatorValue]:
    """Every figure of ``indicator`` in the graph, by district then year then position in the report. The
    district is the report's as :mod:`kg.analyse.rows` defines it, so it is named as in ``kg stats``."""
    districts = {r.report: r.district_label for r in all_reports(store)}
    rows = select(store, _ROWS % concept_iri(indicator.id).value)
    out = [
        IndicatorValue(
            districts.get(r["report"], r["file"]),
            r["year"],
            format_decimal(Decimal(r["value"])),
            r["unit"],
            r["approx"] == "true",
            r["qualifier"],
            r["surface"],
            r["file"],
            int(r["start"]) if r["start"] else None,
        )
        for r in rows
    ]
    return sorted(set(out), key=lambda v: (v.district, v.year or "", v.report, v.offset or 0, v.value))


def as_dicts(values: list[IndicatorValue]) -> list[dict]:
    """The values as plain dicts (for JSON and CSV), fields in declaration order."""
    return [asdict(v) for v in values]
