"""The page's data, in one JSON object the page's script reads: the vis nodes (:mod:`kg.view.vis`), and in compact
arrays the district–item pairs (the edges, built by the page only for what it draws), every citation of a drawn
regulation by a report (with its sentence) for the side panel, the reports, the sentences (each once), the edge
styles and the legend's values. Compact, because at 3,000 districts and 5,000 regulations there are some 60,000
pairs and citations: a dict per edge would be most of the page.

Arrays (indices: ``k`` of a node ``nk``, positions in ``reports`` and ``sentences``; ``role``: position in
``roles``):

- ``pairs``: ``[district k, item k, role, reports, "years,…"]``
- ``rows``: ``[report, regulation k, role, sentence or -1]``
- ``reports``: ``[title, year, district k]``
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pyoxigraph

from kg.analyse import DISTRICT, Citation, CompactGraph, ReportRow
from kg.rdf.viewrows import ViewRows, view_rows
from kg.view.graph import Province
from kg.view.options import ViewOptions, ViewSummary
from kg.view.sentences import citation_sentences
from kg.view.style import EDGE_STYLE, HIGHLIGHT, LABEL_PRIORITY, LEVEL_NAMES, PROVINCE, TYPE_STYLE
from kg.view.vis import vis_nodes
from kg.view.whole import Whole

ROLES = ("cites", "issues", "mentions")


def written_forms(store: pyoxigraph.Store | ViewRows, g: nx.Graph | CompactGraph) -> dict[str, list[str]]:
    """The other written forms of ``g``'s nodes (sorted, without the label itself), for the page's search."""
    forms: dict[str, set[str]] = defaultdict(set)
    for row in view_rows(store).rows("forms"):
        if row["x"] in g and row["form"]:
            forms[row["x"]].add(" ".join(row["form"].split()))
    return {x: sorted(f - {g.nodes[x]["label"]}) for x, f in sorted(forms.items()) if f - {g.nodes[x]["label"]}}


class Table:
    """An array of the page's data whose items are rows of the same few fields, kept as one column per field
    (ints in :class:`array.array`, strings in a list) instead of a list per row: at 100,000 reports there are
    a million citation rows, 120 bytes each as lists, 16 here. It reads as the list of lists it stands for:
    ``len``, iteration (tuples), a slice (lists, as :func:`kg.view.page.json_chunks` writes them).

    >>> t = Table("iis")
    >>> t.append((1, 2, "x")); t.append((3, 4, ""))
    >>> len(t), list(t), t[1:]
    (2, [(1, 2, 'x'), (3, 4, '')], [[3, 4, '']])
    """

    def __init__(self, fields: str) -> None:
        self.columns: list = [array("i") if f == "i" else [] for f in fields]

    def append(self, row: tuple) -> None:
        for column, value in zip(self.columns, row, strict=True):
            column.append(value)

    def __len__(self) -> int:
        return len(self.columns[0])

    def __iter__(self) -> Iterator[tuple]:
        return zip(*self.columns, strict=True)

    def __getitem__(self, rows: slice) -> list[list]:
        return [list(row) for row in zip(*(column[rows] for column in self.columns), strict=True)]


def pairs(g: nx.Graph | CompactGraph) -> Table:
    """``[district k, item k, role, reports, "years"]`` for every edge of ``g``, in the graph's order.

    >>> from kg.analyse import example_graph
    >>> g = example_graph()
    >>> for _, _, e in g.edges(data=True): e["role"] = "issues" if e["issues"] else "cites"
    >>> list(g.nodes)[:1], pairs(g)[:2]  # 丙县 cites 纲要 (n5) and 规划 (n6), once each, in 2023
    (['d:丙县'], [[0, 5, 0, 1, '2023'], [0, 6, 0, 1, '2023']])
    """
    ids = {n: i for i, n in enumerate(g.nodes)}
    years: dict[str, str] = {}  # each distinct "years" string once
    out = Table("iiiis")
    for u, v, e in g.edges(data=True):
        d, x = (u, v) if g.nodes[u]["type"] == DISTRICT else (v, u)
        role = e.get("role", "issues" if e.get("issues") else "cites")
        span = ",".join(e.get("years", []))
        out.append((ids[d], ids[x], ROLES.index(role), e.get("weight", 1), years.setdefault(span, span)))
    return out


class DrawnPairs:
    """The (report, regulation) pairs whose report's district and regulation are drawn: those whose sentence the
    page holds (:func:`citation_rows`). A test, not a set of the drawn citations, which at 100,000 reports would
    be a million tuples; a pair it admits that no citation has costs only its sentence's lookup."""

    def __init__(self, g: nx.Graph | CompactGraph, reports: list[ReportRow]) -> None:
        self.reports = {r.report for r in reports if r.district in g}
        self.g = g

    def __contains__(self, pair: object) -> bool:
        return isinstance(pair, tuple) and pair[0] in self.reports and pair[1] in self.g


def citation_rows(
    g: nx.Graph | CompactGraph, reports: list[ReportRow], cites: list[Citation], sentences: dict[tuple[str, str], str]
) -> tuple[Table, list[list], list[str]]:
    """The ``rows``, ``reports`` and ``sentences`` arrays for the citations whose district and regulation are
    drawn (reports of drawn districts only; each distinct sentence once, in first-use order)."""
    ids = {n: i for i, n in enumerate(g.nodes)}
    kept = [r for r in reports if r.district in ids]
    report_index = {r.report: i for i, r in enumerate(kept)}
    sentence_index: dict[str, int] = {}
    rows = Table("iiii")
    for c in cites:
        if c.report in report_index and c.regulation in ids:
            s = sentences.get((c.report, c.regulation))
            if s is not None and s not in sentence_index:
                sentence_index[s] = len(sentence_index)
            rows.append(
                (report_index[c.report], ids[c.regulation], ROLES.index(c.role), -1 if s is None else sentence_index[s])
            )
    table = [[r.label, r.year or "", ids[r.district]] for r in kept]
    return rows, table, list(sentence_index)


def page_data(
    store: pyoxigraph.Store | ViewRows,
    full: nx.Graph | Whole,
    g: nx.Graph | CompactGraph,
    provs: list[Province],
    reports: list[ReportRow],
    cites: list[Citation],
    options: ViewOptions,
    texts_dir: Path | None = None,
) -> tuple[dict, ViewSummary]:
    """Everything the page's script reads (see the module docstring), and what it holds."""
    nodes = vis_nodes(full, g, provs, options, written_forms(store, g))
    sentences = citation_sentences(store, texts_dir, wanted=DrawnPairs(g, reports)) if options.sentences else {}
    rows, table, texts = citation_rows(g, reports, cites, sentences)
    edges = pairs(g)
    data = {
        "nodes": nodes,
        "pairs": edges,
        "rows": rows,
        "reports": table,
        "sentences": texts,
        "roles": list(ROLES),
        "edgeStyle": {r: {"color": c, "dashes": d, "text": t} for r, (c, d, t) in EDGE_STYLE.items()},
        "highlight": HIGHLIGHT,
        "levelNames": LEVEL_NAMES,
        "labelPriority": LABEL_PRIORITY,
        "overview": options.overview,
        "expanded": sum(len(p.districts) for p in provs) <= options.expanded,
    }
    kinds = Counter(k for _, k in g.nodes(data="type"))
    counts = {t: kinds[t] for t in TYPE_STYLE if t != PROVINCE}
    return data, ViewSummary(g.number_of_nodes(), len(edges), full.number_of_nodes(), counts)
