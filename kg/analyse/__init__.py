"""Analysis with networkx over a graph read back from the RDF (never from the extractors' objects).

The core object is the bipartite **citation graph** (:func:`citation_graph`): one node per district (the
administrative area whose government issued reports) and one per regulation; an edge when a district's reports
refer to a regulation, with ``weight`` = number of reports referring, and ``cites`` / ``issues`` = how many of
those reports cite it / issued it (the two roles are kept apart). Everything else is a plain function over such a
graph returning plain data (lists of dicts with sorted, deterministic order), networkx style:

- :func:`regulation_ranking`, :func:`district_ranking`, :func:`item_ranking` (measures, organisations);
- :func:`project`, :func:`cocitation`, :func:`similar_districts` — weighted projections with Jaccard, counted
  from neighbour lists and restricted to the ``among`` best-connected nodes (or one district's two-hop
  neighbourhood), because a full projection of 3,000 districts × 5,000 regulations has ~1 M edges;
- :func:`communities` (Louvain, seeded; graphs are built in sorted order so the seed fixes the result);
- :func:`centrality` (degree; eigenvector with a fallback; betweenness sampled above a size threshold);
- :func:`indicator_figures` — figures per indicator per district, over the store.

Filters (``year``, ``province``) apply when the graph is read from the store: a report is kept when its
``kg:year`` equals ``year`` and the province its government's jurisdiction lies in (the ``kg:within`` chain up to
``kg:adminLevel "province"``) matches ``province`` (full name, leading part of the name such as ``河南``,
six-digit code, or IRI).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import combinations

import networkx as nx
import pyoxigraph

from kg.rdf.store import select

CLASSES = ("Report", "Government", "AdministrativeArea", "Organisation", "Regulation", "Measure", "Figure",
           "Indicator", "Mention")
DISTRICT, REGULATION, MEASURE, ORGANISATION = "district", "regulation", "measure", "organisation"
#: Above this many nodes, betweenness is estimated from ``samples`` seeded source nodes instead of all of them.
BETWEENNESS_EXACT_MAX = 1000
#: Projections are counted among this many best-connected nodes by default (None = all).
PROJECTION_AMONG = 500


class FilterError(ValueError):
    """A ``year``/``province`` filter that selects no report; the message lists what the graph holds."""


def class_counts(store: pyoxigraph.Store) -> dict[str, int]:
    """Number of instances of each contract class (0 for classes the graph does not hold)."""
    rows = select(store, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")
    counts = {r["c"].rsplit("#", 1)[-1]: int(r["n"]) for r in rows if r["c"].startswith(
        "https://w3id.org/fazhi-kg/ontology#")}
    return {c: counts.get(c, 0) for c in CLASSES}


def triple_count(store: pyoxigraph.Store) -> int:
    return len(store)


# --------------------------------------------------------------------------------------------- reading the RDF

@dataclass(frozen=True)
class ReportInfo:
    """A report with the district it speaks for (area IRI; else the government's or the report's own IRI)."""

    report: str
    label: str
    year: str | None
    district: str
    district_label: str
    province: str | None = None  # province area IRI
    province_label: str | None = None
    province_code: str | None = None


@dataclass(frozen=True)
class Citation:
    report: str
    district: str  # area IRI (or the government's IRI when the area is unknown)
    district_label: str
    regulation: str
    regulation_label: str
    role: str  # "cites" | "issues"
    year: str | None
    province_label: str | None = None


_REPORTS = """
SELECT ?report ?label ?file ?year ?gov WHERE {
  ?report a kg:Report .
  OPTIONAL { ?report rdfs:label ?label } OPTIONAL { ?report kg:sourceFile ?file } OPTIONAL { ?report kg:year ?year }
  OPTIONAL { ?report kg:issuedBy ?gov }
}
"""
_GOVERNMENTS = "SELECT ?gov ?label ?area WHERE { ?x kg:issuedBy ?gov . OPTIONAL { ?gov rdfs:label ?label } " \
               "OPTIONAL { ?gov kg:jurisdiction ?area } }"
_AREAS = """
SELECT ?area ?label ?level ?parent ?code WHERE {
  ?area kg:adminLevel ?level .
  OPTIONAL { ?area rdfs:label ?label } OPTIONAL { ?area kg:within ?parent } OPTIONAL { ?area kg:divisionCode ?code }
}
"""


def _first(values: Iterable[str | None]) -> str | None:
    present = sorted(v for v in values if v)
    return present[0] if present else None


def _grouped(rows: list[dict], key: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        out[r[key]].append(r)
    return out


def all_reports(store: pyoxigraph.Store) -> list[ReportInfo]:
    """Every report with its year, district and province, sorted by report IRI. Where a value has several
    labels (or a report several years), the smallest is taken so that the result never depends on row order.

    Three flat queries joined here, and the ``kg:within`` chain walked in Python: a ``kg:within*`` path inside
    nested OPTIONALs cost ~1 ms per report in pyoxigraph.
    """
    govs = {g: (_first(r["label"] for r in rs), _first(r["area"] for r in rs))
            for g, rs in _grouped(select(store, _GOVERNMENTS), "gov").items()}
    areas = {a: {"label": _first(r["label"] for r in rs), "level": _first(r["level"] for r in rs),
                 "parent": _first(r["parent"] for r in rs), "code": _first(r["code"] for r in rs)}
             for a, rs in _grouped(select(store, _AREAS), "area").items()}

    def province_of(area: str) -> str | None:
        seen = set()
        while area in areas and area not in seen:
            if areas[area]["level"] == "province":
                return area
            seen.add(area)
            area = areas[area]["parent"]
        return None

    out = []
    for rid, rows in sorted(_grouped(select(store, _REPORTS), "report").items()):
        gov = _first(r["gov"] for r in rows)
        gov_label, area = govs.get(gov, (None, None)) if gov else (None, None)
        if area:
            district, district_label = area, (areas.get(area, {}).get("label") or area)
        elif gov:
            district, district_label = gov, gov_label or gov
        else:
            district = rid
            district_label = _first(r["label"] for r in rows) or _first(r["file"] for r in rows) or rid
        prov = province_of(area) if area else None
        out.append(ReportInfo(
            report=rid, label=_first(r["label"] for r in rows) or _first(r["file"] for r in rows) or rid,
            year=_first(r["year"] for r in rows), district=district, district_label=district_label,
            province=prov, province_label=areas[prov]["label"] if prov else None,
            province_code=areas[prov]["code"] if prov else None))
    return out


def _province_matches(info: ReportInfo, wanted: str) -> bool:
    if not info.province:
        return False
    label = info.province_label or ""
    return wanted in (info.province, info.province_code, label) or (bool(label) and label.startswith(wanted))


def select_reports(store: pyoxigraph.Store, year: str | int | None = None,
                   province: str | None = None) -> list[ReportInfo]:
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
            raise FilterError(f"no report from province {province!r}" + (f" in {year}" if year else "") +
                              f" (provinces in the graph: {', '.join(names) or 'none'})")
    return kept


_REFERS = """
SELECT ?report ?how ?reg WHERE { ?report a kg:Report ; ?how ?reg . VALUES ?how { kg:cites kg:issues } }
"""
_REGULATIONS = """
SELECT ?reg ?label ?kind ?level WHERE {
  ?reg a kg:Regulation .
  OPTIONAL { ?reg rdfs:label ?label } OPTIONAL { ?reg kg:kind ?kind } OPTIONAL { ?reg kg:issuerLevel ?level }
}
"""


def regulation_details(store: pyoxigraph.Store) -> dict[str, dict[str, str]]:
    """``{iri: {"label", "kind", "level"}}`` for every regulation (missing values: IRI / "other" / "unknown")."""
    rows: dict[str, list[dict]] = defaultdict(list)
    for r in select(store, _REGULATIONS):
        rows[r["reg"]].append(r)
    return {iri: {"label": _first(r["label"] for r in rs) or iri, "kind": _first(r["kind"] for r in rs) or "other",
                  "level": _first(r["level"] for r in rs) or "unknown"} for iri, rs in sorted(rows.items())}


def citations(store: pyoxigraph.Store, year: str | int | None = None, province: str | None = None, *,
              reports: list[ReportInfo] | None = None,
              details: dict[str, dict[str, str]] | None = None) -> list[Citation]:
    """Every (report, role, regulation) of the selected reports, sorted by district, regulation, report.
    ``reports`` (already selected) and ``details`` spare their queries when the caller has them."""
    if reports is None:
        reports = select_reports(store, year, province)
    by_id = {r.report: r for r in reports}
    details = regulation_details(store) if details is None else details
    out = []
    for row in select(store, _REFERS):
        info = by_id.get(row["report"])
        if info is None:
            continue
        reg = row["reg"]
        out.append(Citation(info.report, info.district, info.district_label, reg,
                            details.get(reg, {}).get("label", reg), row["how"].rsplit("#", 1)[-1], info.year,
                            info.province_label))
    return sorted(out, key=lambda c: (c.district, c.regulation, c.report, c.role))


# ------------------------------------------------------------------------------------------ the bipartite graph

def _sorted_graph(nodes: dict[str, dict], edges: dict[tuple[str, str], dict], **graph_attrs) -> nx.Graph:
    """A graph whose node and edge insertion order is sorted: seeded algorithms (Louvain, sampled betweenness,
    spring layout) iterate in insertion order, so this is what makes their results reproducible."""
    g = nx.Graph(**graph_attrs)
    g.add_nodes_from((n, nodes[n]) for n in sorted(nodes))
    g.add_edges_from((u, v, edges[u, v]) for u, v in sorted(edges))
    return g


def _district_nodes(reports: Iterable[ReportInfo]) -> dict[str, dict]:
    nodes: dict[str, dict] = {}
    for r in reports:
        d = nodes.setdefault(r.district, {"type": DISTRICT, "bipartite": 0, "label": r.district_label,
                                          "province": r.province_label, "years": set(), "reports": 0})
        d["reports"] += 1
        if r.year:
            d["years"].add(r.year)
    for d in nodes.values():
        d["years"] = sorted(d["years"])
    return nodes


def graph_from_citations(cites: Iterable[Citation], reports: Iterable[ReportInfo] = (),
                         details: dict[str, dict[str, str]] | None = None) -> nx.Graph:
    """The bipartite district–regulation graph of ``cites``; ``reports`` adds the districts whose reports cite
    nothing (they count in shares); ``details`` gives regulations their kind and level.

    Node attributes: ``type`` (district | regulation), ``bipartite`` (0 | 1), ``label``; districts also
    ``province`` (label), ``years``, ``reports``; regulations ``kind`` and ``level``. Edge attributes: ``weight``
    (reports referring), ``cites``, ``issues`` (reports in each role), ``years``. Graph attributes:
    ``districts`` (number of districts), ``reports`` (number of reports).
    """
    details = details or {}
    reports = list(reports)
    nodes = _district_nodes(reports)
    edges: dict[tuple[str, str], dict] = {}
    seen_reports = {r.report for r in reports}
    for c in cites:
        seen_reports.add(c.report)
        d = nodes.setdefault(c.district, {"type": DISTRICT, "bipartite": 0, "label": c.district_label,
                                          "province": c.province_label, "years": [], "reports": 0})
        if c.year and c.year not in d["years"]:
            d["years"] = sorted([*d["years"], c.year])
        info = details.get(c.regulation, {})
        nodes.setdefault(c.regulation, {"type": REGULATION, "bipartite": 1, "label": c.regulation_label,
                                        "kind": info.get("kind", "other"), "level": info.get("level", "unknown")})
        key = (min(c.district, c.regulation), max(c.district, c.regulation))
        e = edges.setdefault(key, {"weight": 0, "cites": 0, "issues": 0, "years": set(), "_reports": set()})
        if c.report not in e["_reports"]:  # a report counts once per pair even if listed in both roles
            e["_reports"].add(c.report)
            e["weight"] += 1
        e[c.role] += 1
        if c.year:
            e["years"].add(c.year)
    for e in edges.values():
        e["years"] = sorted(e["years"])
        del e["_reports"]
    districts = sum(1 for a in nodes.values() if a["type"] == DISTRICT)
    return _sorted_graph(nodes, edges, districts=districts, reports=len(seen_reports))


def citation_graph(store: pyoxigraph.Store, year: str | int | None = None, province: str | None = None, *,
                   reports: list[ReportInfo] | None = None) -> nx.Graph:
    """The bipartite district–regulation citation graph of the selected reports, read from the RDF
    (``reports``: the already-selected reports, instead of selecting with ``year`` and ``province``).

    See :func:`graph_from_citations` for its attributes; every district with a selected report is a node, even
    one whose reports cite nothing, so that shares are out of all districts.
    """
    if reports is None:
        reports = select_reports(store, year, province)
    details = regulation_details(store)
    return graph_from_citations(citations(store, reports=reports, details=details), reports, details)


_MENTIONED = {
    MEASURE: "?x a kg:Measure .",
    ORGANISATION: "?x a kg:Organisation . FILTER NOT EXISTS { ?x a kg:Government }",
}


def mention_graph(store: pyoxigraph.Store, kind: str, year: str | int | None = None,
                  province: str | None = None, *, reports: list[ReportInfo] | None = None) -> nx.Graph:
    """The bipartite district–measure (``kind="measure"``) or district–organisation graph: an edge when a
    district's reports mention the item (``kg:mentions``), ``weight`` = reports mentioning, ``years``.
    Governments are left out of organisations: the issuing ones are the districts themselves."""
    if kind not in _MENTIONED:
        raise ValueError(f"kind must be one of {', '.join(_MENTIONED)}")
    if reports is None:
        reports = select_reports(store, year, province)
    by_id = {r.report: r for r in reports}
    labels: dict[str, list[str]] = defaultdict(list)
    pairs = []
    for row in select(store, "SELECT ?report ?x ?label WHERE { ?report a kg:Report ; kg:mentions ?x . "
                             + _MENTIONED[kind] + " OPTIONAL { ?x rdfs:label ?label } }"):
        if row["report"] in by_id:
            pairs.append((by_id[row["report"]], row["x"]))
            if row["label"]:
                labels[row["x"]].append(row["label"])
    nodes = _district_nodes(by_id.values())
    edges: dict[tuple[str, str], dict] = {}
    for info, x in sorted(set(pairs), key=lambda p: (p[0].report, p[1])):
        nodes.setdefault(x, {"type": kind, "bipartite": 1, "label": _first(labels[x]) or x})
        e = edges.setdefault((min(info.district, x), max(info.district, x)), {"weight": 0, "years": set()})
        e["weight"] += 1
        if info.year:
            e["years"].add(info.year)
    for e in edges.values():
        e["years"] = sorted(e["years"])
    return _sorted_graph(nodes, edges, districts=sum(1 for a in nodes.values() if a["type"] == DISTRICT),
                         reports=len(by_id))


def example_graph() -> nx.Graph:
    """A tiny hand-made citation graph for the examples in these docstrings (and for trying things out).

    甲区 and 乙区 (省A) and 丙县 (省B); 乙区 sent two reports. 纲要 is cited by all three (4 reports), 处罚法 by
    甲区 and 乙区, 规划 by 丙县, and 甲区 issued 甲区办法.

    >>> g = example_graph()
    >>> sorted(g.nodes[n]["label"] for n in g if g.nodes[n]["type"] == "regulation")
    ['处罚法', '甲区办法', '纲要', '规划']
    >>> g.edges["d:乙区", "r:纲要"]["weight"], g.graph["districts"]
    (2, 3)
    """
    reports = [ReportInfo("rep:1", "甲区2022年报告", "2022", "d:甲区", "甲区", "p:A", "省A", "100000"),
               ReportInfo("rep:2", "乙区2022年报告", "2022", "d:乙区", "乙区", "p:A", "省A", "100000"),
               ReportInfo("rep:3", "乙区2023年报告", "2023", "d:乙区", "乙区", "p:A", "省A", "100000"),
               ReportInfo("rep:4", "丙县2023年报告", "2023", "d:丙县", "丙县", "p:B", "省B", "200000")]
    refs = [("rep:1", "纲要", "cites"), ("rep:1", "处罚法", "cites"), ("rep:1", "甲区办法", "issues"),
            ("rep:2", "纲要", "cites"), ("rep:2", "处罚法", "cites"), ("rep:3", "纲要", "cites"),
            ("rep:4", "纲要", "cites"), ("rep:4", "规划", "cites")]
    by_id = {r.report: r for r in reports}
    cites = [Citation(rid, by_id[rid].district, by_id[rid].district_label, f"r:{reg}", reg, role, by_id[rid].year,
                      by_id[rid].province_label) for rid, reg, role in refs]
    levels = {"纲要": "national", "处罚法": "national", "规划": "national", "甲区办法": "local"}
    details = {f"r:{k}": {"label": k, "kind": "other", "level": v} for k, v in levels.items()}
    return graph_from_citations(cites, reports, details)


# ------------------------------------------------------------------------------------------------- rankings

def _of_type(g: nx.Graph, kind: str) -> list[str]:
    return [n for n, t in g.nodes(data="type") if t == kind]


def item_ranking(g: nx.Graph, kind: str, top: int | None = None) -> list[dict]:
    """Non-district nodes of ``kind`` by the number of districts linked to them (their in-degree), then reports
    (summed edge weights), then label. ``share`` = districts / all districts of the graph.

    >>> [(r["label"], r["districts"], r["reports"], r["share"]) for r in item_ranking(example_graph(), "regulation", 2)]
    [('纲要', 3, 4, 1.0), ('处罚法', 2, 2, 0.6667)]
    """
    total = g.graph.get("districts") or len(_of_type(g, DISTRICT))
    rows = []
    for n in _of_type(g, kind):
        districts = g.degree(n)
        rows.append({"label": g.nodes[n]["label"], "iri": n, "districts": districts,
                     "reports": int(g.degree(n, weight="weight")),
                     "share": round(districts / total, 4) if total else 0.0})
    rows.sort(key=lambda r: (-r["districts"], -r["reports"], r["label"], r["iri"]))
    rows = rows[:top] if top is not None else rows
    for i, r in enumerate(rows, 1):
        r["rank"] = i
    return rows


def regulation_ranking(g: nx.Graph, top: int | None = None) -> list[dict]:
    """Regulations by districts referring to them, with how many cite it and how many issued it, reports, the
    share of districts referring, kind and level. Keys: rank, regulation, iri, kind, level, districts, citing,
    issuing, reports, share.

    >>> [(r["regulation"], r["districts"], r["citing"], r["issuing"]) for r in regulation_ranking(example_graph())]
    [('纲要', 3, 3, 0), ('处罚法', 2, 2, 0), ('甲区办法', 1, 0, 1), ('规划', 1, 1, 0)]
    """
    rows = []
    for r in item_ranking(g, REGULATION, top):
        n = r["iri"]
        edges = [g.edges[n, d] for d in g.neighbors(n)]
        rows.append({"rank": r["rank"], "regulation": r["label"], "iri": n, "kind": g.nodes[n].get("kind", "other"),
                     "level": g.nodes[n].get("level", "unknown"), "districts": r["districts"],
                     "citing": sum(1 for e in edges if e.get("cites")),
                     "issuing": sum(1 for e in edges if e.get("issues")), "reports": r["reports"],
                     "share": r["share"]})
    return rows


def district_ranking(g: nx.Graph, top: int | None = None) -> list[dict]:
    """Districts by the number of distinct regulations their reports refer to, then label; ``cited`` and
    ``issued`` count regulations in each role (one cited in one year and issued in another counts in both).

    >>> [(r["district"], r["regulations"], r["cited"], r["issued"]) for r in district_ranking(example_graph())]
    [('甲区', 3, 2, 1), ('丙县', 2, 2, 0), ('乙区', 2, 2, 0)]
    """
    rows = []
    for d in _of_type(g, DISTRICT):
        edges = [g.edges[d, n] for n in g.neighbors(d)]
        a = g.nodes[d]
        rows.append({"district": a["label"], "iri": d, "province": a.get("province"), "reports": a.get("reports", 0),
                     "regulations": len(edges), "cited": sum(1 for e in edges if e.get("cites")),
                     "issued": sum(1 for e in edges if e.get("issues"))})
    rows.sort(key=lambda r: (-r["regulations"], -r["cited"], r["district"], r["iri"]))
    rows = rows[:top] if top is not None else rows
    return [{"rank": i, **r} for i, r in enumerate(rows, 1)]


# ---------------------------------------------------------------------------------------------- projections

def _best_connected(g: nx.Graph, kind: str, among: int | None) -> list[str]:
    nodes = sorted(_of_type(g, kind), key=lambda n: (-g.degree(n), g.nodes[n]["label"], n))
    return nodes if among is None else nodes[:among]


def project(g: nx.Graph, kind: str, among: int | None = PROJECTION_AMONG) -> nx.Graph:
    """Weighted projection of the bipartite ``g`` onto its nodes of ``kind`` (the ``among`` best-connected
    ones; None = all): two nodes are linked when they share neighbours, with ``weight`` = number shared and
    ``jaccard`` = shared / union of their neighbourhoods.

    Counted from each other-side node's neighbour list (sum of squared degrees), not pair by pair as
    ``networkx.bipartite.generic_weighted_projected_graph`` does, and restricted to ``among`` nodes, so it
    stays small at 3,000 districts × 5,000 regulations.

    >>> p = project(example_graph(), "regulation")
    >>> p.edges["r:处罚法", "r:纲要"]
    {'weight': 2, 'jaccard': 0.6667}
    """
    keep = _best_connected(g, kind, among)
    index = set(keep)
    shared: Counter[tuple[str, str]] = Counter()
    others = sorted({o for n in keep for o in g.neighbors(n)})
    for o in others:
        members = sorted(n for n in g.neighbors(o) if n in index)
        for a, b in combinations(members, 2):
            shared[a, b] += 1
    nodes = {n: dict(g.nodes[n]) for n in keep}
    edges = {(a, b): {"weight": w, "jaccard": round(w / (g.degree(a) + g.degree(b) - w), 4)}
             for (a, b), w in shared.items()}
    return _sorted_graph(nodes, edges)


def _pairs(p: nx.Graph, key) -> list[dict]:
    rows = [{"a": p.nodes[a]["label"], "b": p.nodes[b]["label"], "a_iri": a, "b_iri": b, "shared": e["weight"],
             "jaccard": e["jaccard"]} for a, b, e in p.edges(data=True)]
    for r in rows:  # order each pair by label so that the row does not depend on IRIs
        if (r["b"], r["b_iri"]) < (r["a"], r["a_iri"]):
            r["a"], r["b"], r["a_iri"], r["b_iri"] = r["b"], r["a"], r["b_iri"], r["a_iri"]
    rows.sort(key=key)
    return rows


def cocitation(g: nx.Graph, top: int | None = 10, among: int | None = PROJECTION_AMONG) -> list[dict]:
    """Pairs of regulations referred to by the same districts, most shared first (then Jaccard, labels).
    Keys: a, b (labels, in label order), a_iri, b_iri, shared (districts), jaccard.

    >>> [(r["a"], r["b"], r["shared"], r["jaccard"]) for r in cocitation(example_graph(), top=2)]
    [('处罚法', '纲要', 2, 0.6667), ('处罚法', '甲区办法', 1, 0.5)]
    """
    rows = _pairs(project(g, REGULATION, among), key=lambda r: (-r["shared"], -r["jaccard"], r["a"], r["b"]))
    return rows[:top] if top is not None else rows


def similar_districts(g: nx.Graph, district: str | None = None, top: int | None = 10,
                      among: int | None = PROJECTION_AMONG) -> list[dict]:
    """District similarity: Jaccard of the sets of regulations two districts refer to (then shared count).

    With ``district`` (IRI or label), the districts most similar to that one, computed from its two-hop
    neighbourhood only; without, the most similar pairs among the ``among`` best-connected districts.
    Keys as for :func:`cocitation` (``shared`` = regulations both refer to).

    >>> [(r["a"], r["b"], r["jaccard"]) for r in similar_districts(example_graph(), top=1)]
    [('乙区', '甲区', 0.6667)]
    >>> [(r["b"], r["shared"]) for r in similar_districts(example_graph(), "丙县")]
    [('乙区', 1), ('甲区', 1)]
    """
    if district is None:
        rows = _pairs(project(g, DISTRICT, among), key=lambda r: (-r["jaccard"], -r["shared"], r["a"], r["b"]))
        return rows[:top] if top is not None else rows
    d = find_node(g, district, DISTRICT)
    mine = set(g.neighbors(d))
    shared: Counter[str] = Counter(o for reg in mine for o in g.neighbors(reg) if o != d)
    rows = []
    for o, w in shared.items():
        rows.append({"a": g.nodes[d]["label"], "b": g.nodes[o]["label"], "a_iri": d, "b_iri": o, "shared": w,
                     "jaccard": round(w / (len(mine) + g.degree(o) - w), 4)})
    rows.sort(key=lambda r: (-r["jaccard"], -r["shared"], r["b"], r["b_iri"]))
    return rows[:top] if top is not None else rows


def find_node(g: nx.Graph, name: str, kind: str | None = None) -> str:
    """The node whose IRI is ``name``, or else the one whose label is ``name`` (of ``kind`` if given).
    Raises KeyError with a one-line message when there is none."""
    if name in g and (kind is None or g.nodes[name].get("type") == kind):
        return name
    hits = sorted(n for n, a in g.nodes(data=True) if a.get("label") == name and (kind is None or a["type"] == kind))
    if not hits:
        raise KeyError(f"no {kind or 'node'} named {name!r} in the graph")
    return hits[0]


# ---------------------------------------------------------------------------------- communities and centrality

def communities(g: nx.Graph, seed: int = 7, resolution: float = 1.0) -> list[dict]:
    """Louvain communities of the (weighted) graph, seeded; largest first, members by degree then label.
    Keys: community (1-based), size, districts, regulations (labels; other node types under their own key).

    Louvain shuffles the nodes with ``seed`` in insertion order; our graphs are built in sorted order, so the
    same graph gives the same communities on every run and machine.

    >>> [(c["districts"], c["regulations"]) for c in communities(example_graph())]
    [(['甲区'], ['处罚法', '甲区办法']), (['乙区'], ['纲要']), (['丙县'], ['规划'])]
    """
    if g.number_of_nodes() == 0:
        return []
    parts = nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=seed)

    def member_key(n: str) -> tuple:
        return (-g.degree(n), g.nodes[n]["label"], n)

    ordered = [sorted(p, key=member_key) for p in parts]
    ordered.sort(key=lambda p: (-len(p), member_key(p[0])))
    out = []
    for i, members in enumerate(ordered, 1):
        row: dict = {"community": i, "size": len(members), DISTRICT + "s": [], REGULATION + "s": []}
        for n in members:
            row.setdefault(g.nodes[n]["type"] + "s", []).append(g.nodes[n]["label"])
        out.append(row)
    return out


def _eigenvector_power(g: nx.Graph, max_iter: int) -> dict:
    return nx.eigenvector_centrality(g, max_iter=max_iter, weight="weight")


def _eigenvector_arpack(g: nx.Graph) -> dict:
    """ARPACK (scipy) on the largest connected component; other nodes get 0, which is where power iteration
    sends them too (networkx refuses the numpy solver on disconnected graphs)."""
    core = max(nx.connected_components(g), key=lambda c: (len(c), min(c)))
    values = dict.fromkeys(g, 0.0)
    if len(core) > 2:
        values.update(nx.eigenvector_centrality_numpy(g.subgraph(sorted(core)), weight="weight"))
    else:  # eigs needs k < n - 1; a lone edge (or node) shares its centrality evenly
        values.update({v: 1 / math.sqrt(len(core)) for v in core})
    return values


def centrality(g: nx.Graph, by: str = "degree", top: int | None = None, seed: int = 7,
               exact_max: int = BETWEENNESS_EXACT_MAX, samples: int = 64, max_iter: int = 1000) -> dict:
    """Degree, eigenvector and betweenness centrality of every node, sorted by ``by`` (then label).

    Eigenvector centrality: up to ``exact_max`` nodes, weighted power iteration (``max_iter`` steps); above,
    or when that does not converge, scipy's ARPACK solver on the largest component — power iteration converges
    slowly on bipartite graphs (the shifted spectrum has a second eigenvalue close to the first: ~90 s at
    7,500 nodes), ARPACK takes well under a second. When neither works (no scipy, no convergence) it falls back
    to degree centrality. Betweenness is exact up to ``exact_max`` nodes and estimated from ``samples`` source
    nodes drawn with ``seed`` above, because exact betweenness is O(n·m). ``methods`` says what was used.

    >>> c = centrality(example_graph(), by="betweenness", top=1)
    >>> c["nodes"][0]["label"], c["nodes"][0]["degree"], c["methods"]["betweenness"]
    ('纲要', 0.5, 'exact')
    """
    if by not in ("degree", "eigenvector", "betweenness"):
        raise ValueError("by must be degree, eigenvector or betweenness")
    methods = {"eigenvector": "power iteration", "betweenness": "exact"}
    if g.number_of_nodes() == 0:
        return {"methods": methods, "nodes": []}
    n = g.number_of_nodes()
    degree = nx.degree_centrality(g)
    solvers = [("power iteration", lambda: _eigenvector_power(g, max_iter)), ("ARPACK", lambda: _eigenvector_arpack(g))]
    if n > exact_max:
        solvers = [solvers[1], ("power iteration", lambda: _eigenvector_power(g, min(max_iter, 100)))]
    eigen, failed = None, []
    for name, solve in solvers:
        try:
            eigen = solve()
        except (nx.PowerIterationFailedConvergence, nx.NetworkXException, ImportError, ArithmeticError,
                ValueError) as exc:
            failed.append(f"{name} failed: {type(exc).__name__}")
            continue
        methods["eigenvector"] = name + (f" ({'; '.join(failed)})" if failed else "")
        break
    if eigen is None:
        eigen = dict(degree)
        methods["eigenvector"] = f"degree centrality ({'; '.join(failed)})"
    if n > exact_max:
        k = min(samples, n)
        between = nx.betweenness_centrality(g, k=k, seed=seed)
        methods["betweenness"] = f"estimated from {k} sampled sources (seed {seed})"
    else:
        between = nx.betweenness_centrality(g)
    rows = [{"label": a["label"], "iri": v, "type": a["type"], "degree": round(degree[v], 6),
             "eigenvector": round(abs(eigen[v]), 6), "betweenness": round(between[v], 6)}
            for v, a in g.nodes(data=True)]
    rows.sort(key=lambda r: (-r[by], r["label"], r["iri"]))
    rows = rows[:top] if top is not None else rows
    return {"methods": methods, "nodes": [{"rank": i, **r} for i, r in enumerate(rows, 1)]}


# ------------------------------------------------------------------------------------------------ indicators

_FIGURES = """
SELECT ?fig ?report ?value ?unit ?ind ?pref ?label ?indUnit WHERE {
  ?fig a kg:Figure ; kg:reportedIn ?report ; kg:indicator ?ind ; kg:value ?value .
  OPTIONAL { ?fig kg:unit ?unit }
  OPTIONAL { ?ind skos:prefLabel ?pref } OPTIONAL { ?ind rdfs:label ?label } OPTIONAL { ?ind kg:unit ?indUnit }
}
"""


def _number(text: str) -> int | float:
    try:
        d = Decimal(text)
    except InvalidOperation:
        return math.nan
    return int(d) if d == d.to_integral_value() else float(d)


def indicator_figures(store: pyoxigraph.Store, year: str | int | None = None,
                      province: str | None = None) -> list[dict]:
    """Figures per indicator per district per year: how many figures the district's reports state for the
    indicator (``kg:indicator``) and their values (sorted), min and max. Empty when no figure carries an
    indicator. Keys: indicator, indicator_iri, unit, district, district_iri, province, year, figures, values,
    min, max; sorted by indicator, district, year.
    """
    reports = {r.report: r for r in select_reports(store, year, province)}
    figs: dict[str, dict] = {}
    names: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in select(store, _FIGURES):
        if row["report"] not in reports:
            continue
        f = figs.setdefault(row["fig"], {"report": row["report"], "value": row["value"], "ind": row["ind"],
                                         "unit": set()})
        f["ind"] = min(f["ind"], row["ind"])
        if row["unit"]:
            f["unit"].add(row["unit"])
        for key in ("pref", "label", "indUnit"):
            if row[key]:
                names[row["ind"]][key].append(row[key])
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
        rows.append({"indicator": _first(n["pref"]) or _first(n["label"]) or ind.rsplit("/", 1)[-1],
                     "indicator_iri": ind, "unit": _first(n["indUnit"]) or ("/".join(units) if units else None),
                     "district": info.district_label, "district_iri": district, "province": info.province_label,
                     "year": yr or None, "figures": len(fs), "values": values, "min": values[0], "max": values[-1]})
    rows.sort(key=lambda r: (r["indicator"], r["indicator_iri"], r["district"], r["district_iri"], r["year"] or ""))
    return rows


# ---------------------------------------------------------------------------------------------------- overview

def overview(store: pyoxigraph.Store, top: int = 10, year: str | int | None = None,
             province: str | None = None) -> dict:
    """What ``kg stats`` prints: triples, instances per class, the top regulations and districts."""
    g = citation_graph(store, year, province)
    regs = [{"regulation": r["regulation"], "iri": r["iri"], "districts": r["districts"], "reports": r["reports"],
             "share": r["share"]} for r in regulation_ranking(g, top)]
    dists = [{"district": r["district"], "iri": r["iri"], "regulations": r["regulations"], "cited": r["cited"],
              "issued": r["issued"]} for r in district_ranking(g, top)]
    return {"triples": triple_count(store), "classes": class_counts(store), "regulations": regs, "districts": dists}


def top_regulations(store: pyoxigraph.Store, n: int = 10) -> list[dict]:
    """Regulations by number of districts referring to them (then reports), with their label."""
    return overview(store, n)["regulations"]


def top_districts(store: pyoxigraph.Store, n: int = 10) -> list[dict]:
    """Districts by number of distinct regulations they refer to, split into cited and issued."""
    return overview(store, n)["districts"]
