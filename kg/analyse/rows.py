"""Reading reports and their citations back from the RDF: the one definition of a report's **district**.

A report speaks for a district: the administrative area its issuing government has jurisdiction over (the
``kg:jurisdiction`` of its ``kg:issuedBy``); else, when the area is unknown, the government itself; else the report
itself. Its province is found by walking the area's ``kg:within`` chain up to ``kg:adminLevel "province"``. Every
analysis (graphs, figures, ``kg compare``) takes its districts from :func:`all_reports`, so that a district is
named alike in every table.

Filters (``year``, ``province``) apply here: a report is kept when its ``kg:year`` equals ``year`` and its province
matches ``province`` (full name, leading part of the name such as ``河南``, six-digit code, or IRI).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph

from kg.rdf.viewrows import ViewRows, view_rows


class FilterError(ValueError):
    """A ``year``/``province`` filter that selects no report; the message lists what the graph holds."""


@dataclass(frozen=True, slots=True)
class ReportRow:
    """A report with the district it speaks for (area IRI; else the government's or the report's own IRI).

    Not :class:`kg.model.ReportInfo`, which is what extraction found in a report's text: this row is what the
    built graph says about the report. Slotted (a third of a dict-backed instance's size), like
    :class:`Citation`: the HTML view holds one per report and one per drawn citation of a 100,000-report graph.
    """

    report: str
    label: str
    year: str | None
    district: str
    district_label: str
    province: str | None = None  # province area IRI
    province_label: str | None = None
    province_code: str | None = None


@dataclass(frozen=True, slots=True)
class Citation:
    """One report referring to one regulation in one role, with the report's district."""

    report: str
    district: str  # area IRI (or the government's IRI when the area is unknown)
    district_label: str
    regulation: str
    regulation_label: str
    role: str  # "cites" | "issues"
    year: str | None
    province_label: str | None = None


def smallest(values: Iterable[str | None]) -> str | None:
    """The smallest of the present ``values`` (None when none is): a value with several labels gets one that does
    not depend on the order the store returns rows in."""
    present = sorted(v for v in values if v)
    return present[0] if present else None


def _grouped(rows: Iterable[dict], key: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        out[r[key]].append(r)
    return out


def _province_of(area: str, areas: dict[str, dict]) -> str | None:
    """The province ``area`` lies in, walking ``kg:within`` (a cycle or a missing link gives None)."""
    seen = set()
    while area in areas and area not in seen:
        if areas[area]["level"] == "province":
            return area
        seen.add(area)
        area = areas[area]["parent"]
    return None


def all_reports(store: pyoxigraph.Store | ViewRows) -> list[ReportRow]:
    """Every report with its year, district and province, sorted by report IRI. Where a value has several
    labels (or a report several years), the smallest is taken so that the result never depends on row order.

    Three flat queries joined here, and the ``kg:within`` chain walked in Python: a ``kg:within*`` path inside
    nested OPTIONALs cost ~1 ms per report in pyoxigraph.
    """
    source = view_rows(store)
    govs = {
        g: (smallest(r["label"] for r in rs), smallest(r["area"] for r in rs))
        for g, rs in _grouped(source.rows("governments"), "gov").items()
    }
    areas = {
        a: {
            "label": smallest(r["label"] for r in rs),
            "level": smallest(r["level"] for r in rs),
            "parent": smallest(r["parent"] for r in rs),
            "code": smallest(r["code"] for r in rs),
        }
        for a, rs in _grouped(source.rows("areas"), "area").items()
    }
    out = []
    for rid, rows in sorted(_grouped(source.rows("reports"), "report").items()):
        label = smallest(r["label"] for r in rows) or smallest(r["file"] for r in rows) or rid
        gov = smallest(r["gov"] for r in rows)
        gov_label, area = govs.get(gov, (None, None)) if gov else (None, None)
        if area:
            district, district_label = area, (areas.get(area, {}).get("label") or area)
        elif gov:
            district, district_label = gov, gov_label or gov
        else:
            district, district_label = rid, label
        prov = _province_of(area, areas) if area else None
        out.append(
            ReportRow(
                report=rid,
                label=label,
                year=smallest(r["year"] for r in rows),
                district=district,
                district_label=district_label,
                province=prov,
                province_label=areas[prov]["label"] if prov else None,
                province_code=areas[prov]["code"] if prov else None,
            )
        )
    return out


def _province_matches(row: ReportRow, wanted: str) -> bool:
    if not row.province:
        return False
    label = row.province_label or ""
    return wanted in (row.province, row.province_code, label) or (bool(label) and label.startswith(wanted))


def select_reports(
    store: pyoxigraph.Store | ViewRows, year: str | int | None = None, province: str | None = None
) -> list[ReportRow]:
    """The reports kept by the ``year`` and ``province`` filters (all of them without filters).

    Raises :class:`FilterError` when a filter is given and no report passes it, naming the years or provinces
    the graph does hold, because an empty table would not tell a mistyped filter from an empty result.
    """
    everything = all_reports(store)
    kept = everything
    if year is not None:
        kept = [r for r in kept if r.year == str(year)]
        if not kept and everything:
            years = sorted({r.year for r in everything if r.year})
            raise FilterError(f"no report for year {year} (years in the graph: {', '.join(years) or 'none'})")
    if province is not None:
        kept = [r for r in kept if _province_matches(r, str(province))]
        if not kept and everything:
            names = sorted({r.province_label or r.province for r in everything if r.province})
            raise FilterError(
                f"no report from province {province!r}"
                + (f" in {year}" if year else "")
                + f" (provinces in the graph: {', '.join(names) or 'none'})"
            )
    return kept


def regulation_details(
    store: pyoxigraph.Store | ViewRows, iris: Iterable[str] | None = None
) -> dict[str, dict[str, str]]:
    """``{iri: {"label", "kind", "level"}}`` for every regulation (missing values: IRI / "other" / "unknown"), or
    for those of ``iris`` only: the HTML view asks for the few it draws, not for the whole graph's (a
    100,000-report graph has hundreds of thousands)."""
    found = view_rows(store).rows("regulations", iris)
    rows = _grouped(found, "reg")
    return {
        iri: {
            "label": smallest(r["label"] for r in rs) or iri,
            "kind": smallest(r["kind"] for r in rs) or "other",
            "level": smallest(r["level"] for r in rs) or "unknown",
        }
        for iri, rs in sorted(rows.items())
    }


def citations(
    store: pyoxigraph.Store | ViewRows,
    year: str | int | None = None,
    province: str | None = None,
    *,
    reports: list[ReportRow] | None = None,
    details: dict[str, dict[str, str]] | None = None,
) -> list[Citation]:
    """Every (report, role, regulation) of the selected reports, sorted by district, regulation, report.
    ``reports`` (already selected) and ``details`` spare their queries when the caller has them."""
    if reports is None:
        reports = select_reports(store, year, province)
    details = regulation_details(store) if details is None else details
    return sorted(iter_citations(store, reports, details), key=citation_order)


def citation_order(c: Citation) -> tuple[str, str, str, str]:
    """The order :func:`citations` lists them in: district, regulation, report, role."""
    return c.district, c.regulation, c.report, c.role


def citations_among(
    store: pyoxigraph.Store | ViewRows,
    reports: list[ReportRow],
    details: dict[str, dict[str, str]],
    nodes: Container[str],
) -> list[Citation]:
    """The citations whose district and regulation are both among ``nodes`` (a drawn part of the graph), in the
    order of :func:`citations`; the others are never listed."""
    kept = iter_citations(store, reports, details, keep=lambda d, r: d in nodes and r in nodes)
    return sorted(kept, key=citation_order)


def iter_citations(
    store: pyoxigraph.Store | ViewRows,
    reports: list[ReportRow],
    details: dict[str, dict[str, str]],
    keep: Callable[[str, str], bool] | None = None,
) -> Iterator[Citation]:
    """The citations of ``reports`` (those ``keep(district, regulation)`` accepts, when given), one at a time in
    the source's order, never all in a list: a 100,000-report graph has millions, which the HTML view only counts
    into its edges and, for the few it draws, lists. Each regulation's IRI and each role is one string shared by
    its citations, not a copy per result row (~200 bytes a citation: 40 MB of the 134,000 drawn at 10,000
    reports)."""
    by_id = {r.report: r for r in reports}
    shared: dict[str, str] = {}
    for row in view_rows(store).rows("refers"):
        info = by_id.get(row["report"])
        reg = row["reg"]
        if info is None or (keep is not None and not keep(info.district, reg)):
            continue
        reg, role = shared.setdefault(reg, reg), shared.setdefault(row["role"], row["role"])
        label = details.get(reg, {}).get("label", reg)
        yield Citation(
            info.report, info.district, info.district_label, reg, label, role, info.year, info.province_label
        )
