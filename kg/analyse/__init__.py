"""Analysis with networkx over a graph read back from the RDF (never from the extractors' objects).

The core object is the bipartite **citation graph** (:func:`citation_graph`): one node per district (the
administrative area whose government issued reports) and one per regulation; an edge when a district's reports
refer to a regulation, with ``weight`` = number of reports referring, and ``cites`` / ``issues`` = how many of
those reports cite it / issued it (the two roles are kept apart). Everything else is a plain function over such a
graph returning plain data (lists of dicts with sorted, deterministic order), networkx style. One module per job:

- :mod:`~kg.analyse.rows` — reports, their district and province, and citations, read from the store, with the
  ``year`` / ``province`` filters (:func:`all_reports`, :func:`select_reports`, :func:`citations`);
- :mod:`~kg.analyse.citations` — the bipartite graphs (:func:`citation_graph`, :func:`graph_from_citations`,
  :func:`mention_graph` for measures and organisations); :mod:`~kg.analyse.compact` —
  the HTML view's drawn graph as plain arrays (:func:`compact_from_ordered`); :mod:`~kg.analyse.example` —
  :func:`example_graph`;
- :mod:`~kg.analyse.rankings` — :func:`regulation_ranking`, :func:`cited_ranking`, :func:`district_ranking`,
  :func:`item_ranking`;
- :mod:`~kg.analyse.names` — :func:`resolve_name`: the district or indicator a user means by a name (full, short,
  altLabel or partial), listing the candidates when several fit;
- :mod:`~kg.analyse.projections` — :func:`project`, :func:`cocitation`, :func:`similar_districts`: weighted
  projections with Jaccard over the ``among`` best-connected nodes (or one district's two-hop neighbourhood);
- :mod:`~kg.analyse.communities` — :func:`communities` (Louvain, seeded);
- :mod:`~kg.analyse.centrality` — :func:`centrality` (degree; eigenvector with fallbacks; betweenness sampled
  above a size threshold);
- :mod:`~kg.analyse.indicators` — :func:`indicator_figures`, figures per indicator per district;
  :mod:`~kg.analyse.compare` — one indicator's figures one by one (``kg compare``);
- :mod:`~kg.analyse.overview` — :func:`overview` (what ``kg stats`` prints), :func:`class_counts`.

Every name used from outside is importable from ``kg.analyse`` itself.
"""

from kg.analyse.centrality import BETWEENNESS_EXACT_MAX, centrality
from kg.analyse.citations import (
    DISTRICT,
    MEASURE,
    ORGANISATION,
    REGULATION,
    citation_graph,
    find_node,
    graph_from_citations,
    mention_graph,
    nodes_of_kind,
)
from kg.analyse.communities import communities
from kg.analyse.compact import CompactGraph, compact_from_ordered
from kg.analyse.example import example_graph
from kg.analyse.indicators import indicator_figures
from kg.analyse.names import AmbiguousName, Named, NameNotFound, resolve_name
from kg.analyse.overview import CLASSES, class_counts, overview, top_districts, top_regulations, triple_count
from kg.analyse.projections import PROJECTION_AMONG, cocitation, project, similar_districts
from kg.analyse.rankings import cited_ranking, district_ranking, item_ranking, regulation_ranking
from kg.analyse.rows import (
    Citation,
    FilterError,
    ReportRow,
    all_reports,
    citation_order,
    citations,
    citations_among,
    iter_citations,
    regulation_details,
    select_reports,
)

__all__ = [
    "BETWEENNESS_EXACT_MAX",
    "CLASSES",
    "DISTRICT",
    "MEASURE",
    "ORGANISATION",
    "PROJECTION_AMONG",
    "REGULATION",
    "AmbiguousName",
    "Citation",
    "CompactGraph",
    "FilterError",
    "NameNotFound",
    "Named",
    "ReportRow",
    "all_reports",
    "centrality",
    "citation_graph",
    "citation_order",
    "citations",
    "citations_among",
    "iter_citations",
    "cited_ranking",
    "class_counts",
    "cocitation",
    "communities",
    "compact_from_ordered",
    "district_ranking",
    "example_graph",
    "find_node",
    "graph_from_citations",
    "indicator_figures",
    "item_ranking",
    "mention_graph",
    "nodes_of_kind",
    "overview",
    "project",
    "regulation_details",
    "regulation_ranking",
    "resolve_name",
    "select_reports",
    "similar_districts",
    "top_districts",
    "top_regulations",
    "triple_count",
]
