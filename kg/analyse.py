"""Analysis with networkx over a graph read back from the RDF.

:func:`citation_graph` builds the bipartite district–regulation graph (one node per administrative area that
issued reports, one per regulation; edge weight = number of reports citing; cited and issued kept apart). The
statistics are plain functions over it or over the store, returning plain data.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx
import pyoxigraph

from kg.store import select

CLASSES = ("Report", "Government", "AdministrativeArea", "Organisation", "Regulation", "Measure", "Figure",
           "Indicator", "Mention")


def class_counts(store: pyoxigraph.Store) -> dict[str, int]:
    """Number of instances of each contract class."""
    rows = select(store, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")
    counts = {r["c"].rsplit("#", 1)[-1]: int(r["n"]) for r in rows if r["c"].startswith(
        "https://w3id.org/fazhi-kg/ontology#")}
    return {c: counts.get(c, 0) for c in CLASSES}


def triple_count(store: pyoxigraph.Store) -> int:
    return len(store)


@dataclass(frozen=True)
class Citation:
    report: str
    district: str  # area IRI (or the government's IRI when the area is unknown)
    district_label: str
    regulation: str
    regulation_label: str
    role: str  # "cites" | "issues"
    year: str | None


CITATIONS = """
SELECT ?report ?district ?districtLabel ?reg ?regLabel ?how ?year WHERE {
  ?report a kg:Report ; ?how ?reg .
  VALUES ?how { kg:cites kg:issues }
  ?reg rdfs:label ?regLabel .
  OPTIONAL { ?report kg:year ?year }
  OPTIONAL { ?report kg:issuedBy ?gov . OPTIONAL { ?gov kg:jurisdiction ?area . ?area rdfs:label ?areaLabel }
             ?gov rdfs:label ?govLabel }
  BIND(COALESCE(?area, ?gov, ?report) AS ?district)
  BIND(COALESCE(?areaLabel, ?govLabel, STR(?report)) AS ?districtLabel)
}
"""


def citations(store: pyoxigraph.Store) -> list[Citation]:
    rows = select(store, CITATIONS)
    out = [Citation(r["report"], r["district"], r["districtLabel"], r["reg"], r["regLabel"],
                    r["how"].rsplit("#", 1)[-1], r["year"]) for r in rows]
    return sorted(out, key=lambda c: (c.district, c.regulation, c.report, c.role))


def citation_graph(store: pyoxigraph.Store) -> nx.Graph:
    """Bipartite district–regulation graph. Node attrs: ``type`` (district|regulation), ``label``.
    Edge attrs: ``weight`` (reports referring), ``cites`` and ``issues`` (reports in each role)."""
    g = nx.Graph()
    for c in citations(store):
        g.add_node(c.district, type="district", label=c.district_label)
        g.add_node(c.regulation, type="regulation", label=c.regulation_label)
        if not g.has_edge(c.district, c.regulation):
            g.add_edge(c.district, c.regulation, weight=0, cites=0, issues=0)
        e = g.edges[c.district, c.regulation]
        e["weight"] += 1
        e[c.role] += 1
    return g


def top_regulations(store: pyoxigraph.Store, n: int = 10) -> list[dict]:
    """Regulations by number of districts referring to them (then reports), with their label."""
    cites = citations(store)
    districts: dict[str, set[str]] = {}
    reports: Counter[str] = Counter()
    labels = {}
    for c in cites:
        districts.setdefault(c.regulation, set()).add(c.district)
        reports[c.regulation] += 1
        labels[c.regulation] = c.regulation_label
    all_districts = {c.district for c in cites}
    ranked = sorted(districts, key=lambda r: (-len(districts[r]), -reports[r], labels[r]))
    return [{"regulation": labels[r], "iri": r, "districts": len(districts[r]), "reports": reports[r],
             "share": round(len(districts[r]) / len(all_districts), 4) if all_districts else 0.0}
            for r in ranked[:n]]


def top_districts(store: pyoxigraph.Store, n: int = 10) -> list[dict]:
    """Districts by number of distinct regulations they refer to, split into cited and issued."""
    cites = citations(store)
    per: dict[str, dict[str, set[str]]] = {}
    labels = {}
    for c in cites:
        per.setdefault(c.district, {"cites": set(), "issues": set()})[c.role].add(c.regulation)
        labels[c.district] = c.district_label
    rows = [{"district": labels[d], "iri": d, "regulations": len(v["cites"] | v["issues"]),
             "cited": len(v["cites"]), "issued": len(v["issues"])} for d, v in per.items()]
    rows.sort(key=lambda r: (-r["regulations"], r["district"]))
    return rows[:n]
