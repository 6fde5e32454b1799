"""``kg compare INDICATOR``: one indicator's figures for every district and year of a built graph, read back
from the RDF — "出庭应诉率 by district" as one command.

INDICATOR is an indicator's label, one of its altLabels (出庭应诉率), a short or partial name, or its IRI / local
name (indicator-head-court-appearance-rate); the shipped scheme (``ontology/indicators.ttl``) says which exist. A
name that fits several indicators is an error that lists them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation

import pyoxigraph

from kg.analyse.names import AmbiguousName, Named, NameNotFound, resolve_name
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


class UnknownIndicator(NameNotFound, ValueError):
    """The name matches no indicator of the scheme; the message lists close ones (or every indicator)."""


class AmbiguousIndicator(UnknownIndicator, AmbiguousName):
    """The name fits several indicators (出庭应诉: the cases or the rate); the message lists them."""


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
    """The indicator a user means by ``name``: its label, an altLabel, its IRI or local name, a short or partial
    name — matched as :func:`kg.analyse.names.resolve_name` does, so a name that fits several indicators raises
    :class:`AmbiguousIndicator` listing them instead of picking one, and an unknown name lists close ones (or
    every indicator).

    >>> find_indicator("出庭应诉率").pref_label
    '行政机关负责人出庭应诉率'
    >>> try:
    ...     find_indicator("出庭应诉")
    ... except AmbiguousIndicator as exc:
    ...     print(exc)
    '出庭应诉' fits 2 indicators: 行政机关负责人出庭应诉率, 负责人出庭应诉案件数; give one of these names
    """
    concepts = {c.id: c for c in indicator_scheme()}
    named = [Named(c.id, c.pref_label, c.alt_labels, (c.id, concept_iri(c.id).value)) for c in concepts.values()]
    try:
        return concepts[resolve_name(name, named, "indicator", limit=None)]
    except AmbiguousName as exc:
        raise AmbiguousIndicator(str(exc)) from None
    except NameNotFound as exc:
        raise UnknownIndicator(str(exc)) from None


def json_number(lexical: str) -> int | float | None:
    """An ``xsd:decimal`` as a JSON number when a reader that holds numbers as doubles gets exactly that value
    (integers up to 2**53, decimals whose shortest double is the same decimal); else None — the exact value is
    the lexical form, which JSON keeps beside it.

    >>> json_number("677"), json_number("96.5"), json_number("85.20"), json_number("0.1234567890123456789")
    (677, 96.5, 85.2, None)
    """
    try:
        d = Decimal(lexical)
    except InvalidOperation:
        return None
    if not d.is_finite():
        return None
    if d == d.to_integral_value():
        return int(d) if abs(d) <= 2**53 else None
    f = float(d)
    return f if Decimal(repr(f)) == d else None


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
    """The values as plain dicts for JSON, fields in declaration order, with ``value`` a number
    (:func:`json_number`; None when no double holds it exactly) and ``value_lexical`` its exact decimal text."""
    out = []
    for v in values:
        row = asdict(v)
        row["value"] = json_number(v.value)
        row = {**{k: row[k] for k in ("district", "year", "value")}, "value_lexical": v.value, **row}
        out.append(row)
    return out
