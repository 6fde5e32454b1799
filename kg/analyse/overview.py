"""What ``kg stats`` prints without a sub-command: triples, instances per class, the most-cited regulations and
the districts by regulations they refer to."""

from __future__ import annotations

import pyoxigraph

from kg.analyse.citations import citation_graph
from kg.analyse.rankings import cited_ranking, district_ranking
from kg.rdf.namespaces import KG
from kg.rdf.store import select

#: The classes of the graph's contract, counted (0 when absent) in this order.
CLASSES = (
    "Report",
    "Government",
    "AdministrativeArea",
    "Organisation",
    "Regulation",
    "Measure",
    "Figure",
    "Indicator",
    "Mention",
)


def class_counts(store: pyoxigraph.Store) -> dict[str, int]:
    """Number of instances of each contract class (0 for classes the graph does not hold)."""
    rows = select(store, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")
    counts = {r["c"].removeprefix(KG): int(r["n"]) for r in rows if r["c"].startswith(KG)}
    return {c: counts.get(c, 0) for c in CLASSES}


def triple_count(store: pyoxigraph.Store) -> int:
    """Number of triples in the store."""
    return len(store)


def overview(
    store: pyoxigraph.Store, top: int | None = 10, year: str | int | None = None, province: str | None = None
) -> dict:
    """What ``kg stats`` prints: ``triples``, instances per class (``classes``), the most-cited regulations
    (``regulations``: by districts citing them, as :func:`~kg.analyse.rankings.cited_ranking` counts; keys
    regulation, iri, districts, reports, share — citing districts and reports) and the districts by regulations
    they refer to (``districts``: keys district, iri, regulations, cited, issued). ``top=None``: every row."""
    g = citation_graph(store, year, province)
    keys = ("regulation", "iri", "districts", "reports", "share")
    regs = [{k: r[k] for k in keys} for r in cited_ranking(g, top)]
    keys = ("district", "iri", "regulations", "cited", "issued")
    dists = [{k: r[k] for k in keys} for r in district_ranking(g, top)]
    return {"triples": triple_count(store), "classes": class_counts(store), "regulations": regs, "districts": dists}


def top_regulations(store: pyoxigraph.Store, n: int = 10) -> list[dict]:
    """The most-cited regulations: by number of districts citing them (then reports citing), with their label."""
    return overview(store, n)["regulations"]


def top_districts(store: pyoxigraph.Store, n: int = 10) -> list[dict]:
    """Districts by number of distinct regulations they refer to, split into cited and issued."""
    return overview(store, n)["districts"]
