"""The page's graph without the whole graph in memory: the drawn nodes are chosen from compact counters (a number
per node, a number per district–regulation link), and only then are their labels, details and edges read.

The page shows of the whole graph only counts: each drawn node's neighbours (its size, its rank), the number of
nodes (the trimming notice), of districts, regulations and cite / issue links (the title). A networkx graph of a
100,000-report corpus, with its edges' report sets and every regulation's details, would be gigabytes; these
counters are an int per node and per link. What is drawn is what :func:`kg.view.graph.most_connected` keeps of
:func:`kg.view.graph.view_graph`'s graph, node for node and edge for edge (tests/view/test_whole.py)."""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain

import pyoxigraph

from kg.analyse import (
    Citation,
    CompactGraph,
    ReportRow,
    citations_among,
    compact_from_ordered,
    iter_citations,
    regulation_details,
)
from kg.rdf.viewrows import ViewRows

_SHIFT = 32  # a link is district id << _SHIFT | regulation id: one int, not a tuple of two IRIs


@dataclass
class Whole:
    """What the page shows of the whole graph, read as :mod:`kg.view` reads a networkx graph ``full``:
    ``degree(n)`` and ``nodes[n]`` of a drawn node, ``number_of_nodes()``, ``graph["districts"]``."""

    nodes: Mapping[str, dict]
    degrees: dict[str, int]
    total: int
    regulations: int
    cite_links: int
    issue_links: int
    graph: dict[str, int] = field(default_factory=dict)

    def degree(self, node: str) -> int:
        return self.degrees[node]

    def number_of_nodes(self) -> int:
        return self.total


@dataclass
class _Counts:
    """Every node's IRI (districts first, then regulations) and its number of neighbours, and the links."""

    names: list[str]
    districts: int
    degree: list[int]
    cite_links: int
    issue_links: int


def _count(store: pyoxigraph.Store | ViewRows, reports: list[ReportRow]) -> _Counts:
    """One pass over the citations: each node's distinct neighbours, the distinct cite and issue links."""
    ids: dict[str, int] = {}
    for r in reports:
        ids.setdefault(r.district, len(ids))
    districts = len(ids)
    links: dict[str, set[int]] = {"cites": set(), "issues": set()}
    for c in iter_citations(store, reports, {}):
        links[c.role].add(ids[c.district] << _SHIFT | ids.setdefault(c.regulation, len(ids)))
    degree = [0] * len(ids)
    mask = (1 << _SHIFT) - 1
    cites, issues = links["cites"], links["issues"]
    for key in chain(cites, (k for k in issues if k not in cites)):
        degree[key >> _SHIFT] += 1
        degree[key & mask] += 1
    return _Counts(list(ids), districts, degree, len(cites), len(issues))


def _chosen(
    store: pyoxigraph.Store | ViewRows, counts: _Counts, labels: dict[str, str], max_nodes: int | None
) -> list[int]:
    """The ids :func:`kg.view.graph.most_connected` keeps: most neighbours first, ties by label, then IRI. Only the
    nodes tied at the cut have their labels read (regulations' from the store, in batches)."""
    n = len(counts.names)
    if not max_nodes or n <= max_nodes:
        return list(range(n))
    cut = sorted(counts.degree, reverse=True)[max_nodes - 1]
    above = [i for i in range(n) if counts.degree[i] > cut]
    tied = [i for i in range(n) if counts.degree[i] == cut]

    def keys() -> Iterator[tuple[str, str, int]]:
        for start in range(0, len(tied), 2000):
            batch = tied[start : start + 2000]
            regs = regulation_details(store, (counts.names[i] for i in batch if i >= counts.districts))
            for i in batch:
                iri = counts.names[i]
                label = labels[iri] if i < counts.districts else regs.get(iri, {}).get("label", iri)
                yield label, iri, i

    return above + [i for _, _, i in heapq.nsmallest(max_nodes - len(above), keys())]


def drawn_graph(
    store: pyoxigraph.Store | ViewRows, reports: list[ReportRow], max_nodes: int | None
) -> tuple[CompactGraph, Whole, list[Citation]]:
    """The district–regulation graph the page draws (at most ``max_nodes`` nodes, the most connected; edges with
    their ``role`` as :func:`kg.view.graph.view_graph` sets it; plain arrays, :class:`kg.analyse.CompactGraph`),
    what the page shows of the whole graph, and the drawn citations in :func:`kg.analyse.citations`' order."""
    counts = _count(store, reports)
    labels = {r.district: r.district_label for r in reversed(reports)}  # the first report's, as the graph's
    chosen = _chosen(store, counts, labels, max_nodes)
    del labels
    keep = {counts.names[i]: counts.degree[i] for i in chosen}
    regulations = [counts.names[i] for i in chosen if i >= counts.districts]
    details = regulation_details(store, regulations)
    cites = citations_among(store, reports, details, keep)
    g = compact_from_ordered(cites, [r for r in reports if r.district in keep], details, regulations)
    whole = Whole(
        g.nodes,
        keep,
        len(counts.names),
        len(counts.names) - counts.districts,
        counts.cite_links,
        counts.issue_links,
        {"districts": counts.districts, "reports": len(reports)},
    )
    g.graph.update(whole.graph)
    return g, whole, cites
