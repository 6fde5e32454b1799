"""Figures per indicator per district and year, read from the store (``kg stats indicators``); one indicator's
figures one by one, with their place in the text, are :mod:`kg.analyse.compare`."""

from __future__ import annotations

import math
from collections import defaultdict
from decimal import Decimal, InvalidOperation

import pyoxigraph

from kg.analyse.rows import ReportRow, select_reports, smallest
from kg.rdf.store import select

_FIGURES = """
SELECT ?fig ?report ?value ?unit ?ind ?pref ?label ?indUnit WHERE {
  ?fig a kg:Figure ; kg:reportedIn ?report ; kg:indicator ?ind ; kg:value ?value .
  OPTIONAL { ?fig kg:unit ?unit }
  OPTIONAL { ?ind skos:prefLabel ?pref } OPTIONAL { ?ind rdfs:label ?label } OPTIONAL { ?ind kg:unit ?indUnit }
}
"""


def _number(text: str) -> int | float:
    """An ``xsd:decimal`` as a number for JSON: an int when it is whole, NaN when it is not a number at all."""
    try:
        d = Decimal(text)
    except InvalidOperation:
        return math.nan
    return int(d) if d == d.to_integral_value() else float(d)


def _figures(store: pyoxigraph.Store, reports: dict[str, ReportRow]) -> tuple[dict[str, dict], dict]:
    """The figures of ``reports`` that carry an indicator (``{figure: {report, value, ind, unit}}``, the smallest
    indicator IRI when a figure has several), and every name and unit each indicator is given."""
    figs: dict[str, dict] = {}
    names: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in select(store, _FIGURES):
        if row["report"] not in reports:
            continue
        f = figs.setdefault(
            row["fig"], {"report": row["report"], "value": row["value"], "ind": row["ind"], "unit": set()}
        )
        f["ind"] = min(f["ind"], row["ind"])
        if row["unit"]:
            f["unit"].add(row["unit"])
        for key in ("pref", "label", "indUnit"):
            if row[key]:
                names[row["ind"]][key].append(row[key])
    return figs, names


def indicator_figures(
    store: pyoxigraph.Store, year: str | int | None = None, province: str | None = None
) -> list[dict]:
    """Figures per indicator per district per year: how many figures the district's reports state for the
    indicator (``kg:indicator``) and their values (sorted), min and max. Empty when no figure carries an
    indicator. Keys: indicator, indicator_iri, unit, district, district_iri, province, year, figures, values,
    min, max; sorted by indicator, district, year.
    """
    reports = {r.report: r for r in select_reports(store, year, province)}
    figs, names = _figures(store, reports)
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for f in figs.values():
        r = reports[f["report"]]
        groups[f["ind"], r.district, r.year or ""].append(f)
    rows = []
    for (ind, district, yr), fs in groups.items():
        info = reports[fs[0]["report"]]
        n = names[ind]
        values = sorted(_number(f["value"]) for f in fs)
        units = sorted({u for f in fs for u in f["unit"]})
        rows.append(
            {
                "indicator": smallest(n["pref"]) or smallest(n["label"]) or ind.rsplit("/", 1)[-1],
                "indicator_iri": ind,
                "unit": smallest(n["indUnit"]) or ("/".join(units) if units else None),
                "district": info.district_label,
                "district_iri": district,
                "province": info.province_label,
                "year": yr or None,
                "figures": len(fs),
                "values": values,
                "min": values[0],
                "max": values[-1],
            }
        )
    rows.sort(key=lambda r: (r["indicator"], r["indicator_iri"], r["district"], r["district_iri"], r["year"] or ""))
    return rows
