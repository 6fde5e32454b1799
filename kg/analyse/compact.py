"""The HTML view's drawn district–regulation graph as plain arrays (:class:`CompactGraph`), not a networkx graph.

networkx keeps an edge in two adjacency dicts and a dict of attributes (with a list of years): some 600 bytes an
edge, and the drawn graph's edges grow with the reports (97,000 among 20,000 nodes at 10,000 reports). Here an
edge is its two ends as node positions and its three counts in arrays of ints, with a shared tuple of years: 28
bytes. The view reads it as it read the networkx graph (``nodes``, ``edges(data=True)``, ``neighbors``, ``in``),
in the same order: nodes sorted by IRI, edges by their ends, neighbours in node order."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator

from kg.analyse.citations import DISTRICT, _district_nodes, add_regulations, ordered_runs
from kg.analyse.rows import Citation, ReportRow


class Nodes(dict):
    """Node IRI → attributes, in sorted order, also called as networkx's node view is: ``nodes(data=True)`` gives
    (node, attributes) pairs, ``nodes(data="type")`` (node, value) pairs."""

    def __call__(self, data: bool | str = False) -> Iterator:
        if data is True:
            return iter(self.items())
        if data is False:
            return iter(self)
        return ((n, a.get(data)) for n, a in self.items())


class CompactGraph:
    """A bipartite district–regulation graph: ``nodes`` (:class:`Nodes`), ``graph`` (``districts``, ``reports``),
    and per edge (ends ``a`` < ``b`` as positions in the sorted nodes) ``weight``, ``cites``, ``issues`` and
    ``years``. Edge data read through :meth:`edges` carries the ``role`` the view draws: ``issues`` when any
    report issued the regulation, else ``cites``."""

    def __init__(
        self,
        nodes: Nodes,
        edges: Iterable[tuple[int, int, int, int, int, tuple[str, ...]]],
        index: dict[str, int],
        **graph: int,
    ) -> None:
        self.nodes = nodes
        self.graph = graph
        self._names = list(nodes)
        self._index = index  # node → its position in ``nodes``
        self._a, self._b = array("i"), array("i")
        self._counts = array("i")  # weight, cites, issues of each edge
        self._years: list[tuple[str, ...]] = []
        for a, b, weight, cited, issued, years in edges:
            self._a.append(a)
            self._b.append(b)
            self._counts.extend((weight, cited, issued))
            self._years.append(years)
        self._offsets, self._adjacent = _adjacency(len(self._names), self._a, self._b)

    def __contains__(self, node: object) -> bool:
        return node in self.nodes

    def __iter__(self) -> Iterator[str]:
        return iter(self.nodes)

    def number_of_nodes(self) -> int:
        return len(self._names)

    def number_of_edges(self) -> int:
        return len(self._a)

    def edges(self, data: bool = False) -> Iterator[tuple]:
        """(u, v) or, with ``data``, (u, v, attributes made for the asking) of every edge, in sorted order."""
        names, counts = self._names, self._counts
        for k, (a, b) in enumerate(zip(self._a, self._b, strict=True)):
            if not data:
                yield names[a], names[b]
                continue
            weight, cited, issued = counts[3 * k : 3 * k + 3]
            e = {"weight": weight, "cites": cited, "issues": issued, "years": list(self._years[k])}
            e["role"] = "issues" if issued else "cites"
            yield names[a], names[b], e

    def neighbors(self, node: str) -> Iterator[str]:
        """``node``'s neighbours in node order (as networkx gives them for a graph built in sorted order)."""
        i = self._index[node]
        return (self._names[j] for j in self._adjacent[self._offsets[i] : self._offsets[i + 1]])


def _adjacency(n: int, a: array, b: array) -> tuple[array, array]:
    """Each node's neighbours as one array of node positions (``adjacent[offsets[i]:offsets[i + 1]]``): filled
    from the edges in sorted order, so every node's come in node order (those before it, then those after)."""
    offsets = array("i", bytes(4 * (n + 1)))
    for i in (*a, *b):
        offsets[i + 1] += 1
    for i in range(n):
        offsets[i + 1] += offsets[i]
    adjacent, fill = array("i", bytes(4 * 2 * len(a))), offsets[:-1]
    for u, v in zip(a, b, strict=True):
        adjacent[fill[u]], adjacent[fill[v]] = v, u
        fill[u] += 1
        fill[v] += 1
    return offsets, adjacent


def compact_from_ordered(
    cites: Iterable[Citation],
    reports: Iterable[ReportRow] = (),
    details: dict[str, dict[str, str]] | None = None,
    regulations: Iterable[str] = (),
) -> CompactGraph:
    """:func:`~kg.analyse.graph_from_citations`' graph (the same nodes, attributes, edges and order) as a
    :class:`CompactGraph`, of citations in :func:`~kg.analyse.rows.citations`' order (district, regulation,
    report, role): each edge is made once from its run of citations, a report counted when it differs from the
    previous one (:func:`~kg.analyse.citations.ordered_runs`), so no set of reports per edge is made and dropped;
    equal year lists are one shared tuple.

    >>> from kg.analyse import Citation
    >>> g = compact_from_ordered([Citation("rep:1", "d:甲区", "甲区", "r:纲要", "纲要", "issues", "2022"),
    ...                           Citation("rep:2", "d:甲区", "甲区", "r:纲要", "纲要", "cites", "2023")])
    >>> list(g.edges(data=True))
    [('d:甲区', 'r:纲要', {'weight': 2, 'cites': 1, 'issues': 1, 'years': ['2022', '2023'], 'role': 'issues'})]
    >>> list(g.neighbors("r:纲要")), g.graph
    (['d:甲区'], {'districts': 1, 'reports': 2})
    """
    details = details or {}
    reports = list(reports)
    nodes = _district_nodes(reports)
    seen_reports = {r.report for r in reports}
    ends: list[tuple[str, str]] = []
    counts = array("i")
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    years = []
    for district, regulation, weight, cited, issued, ys in ordered_runs(cites, nodes, seen_reports, details):
        ends.append((district, regulation))
        counts.extend((weight, cited, issued))
        years.append(shared.setdefault(ys, ys))
    add_regulations(nodes, details, regulations)
    index = {n: i for i, n in enumerate(sorted(nodes))}
    keys = array("q", (min(index[d], index[r]) << 32 | max(index[d], index[r]) for d, r in ends))
    del ends
    edges = (
        (keys[k] >> 32, keys[k] & 0xFFFFFFFF, *counts[3 * k : 3 * k + 3], years[k])
        for k in sorted(range(len(keys)), key=keys.__getitem__)
    )
    ordered = Nodes((n, nodes[n]) for n in index)
    districts = sum(1 for a in ordered.values() if a["type"] == DISTRICT)
    return CompactGraph(ordered, edges, index, districts=districts, reports=len(seen_reports))
