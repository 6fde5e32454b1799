"""What the view is asked to draw (``ViewOptions``) and what it drew (``ViewSummary``): the values passed between
the CLI, the build and the page, kept apart so that every other module of kg.view can import them."""

from __future__ import annotations

from dataclasses import dataclass, field

#: ``kg view`` and ``kg build`` put at most this many nodes in the page unless told otherwise (0 or None = all).
#: The page draws far fewer at once (provinces stand for their districts until expanded, and only the
#: ``overview`` best-ranked items of each kind are shown at first), so this bounds the page's size, not the
#: drawing: 3,000 districts and 5,000 regulations fit.
DEFAULT_MAX_NODES = 20_000
#: Items (regulations; measures, organisations) of each kind shown when the page opens: the most referred to.
OVERVIEW_ITEMS = 150
#: Provinces open expanded (every district drawn) when the page holds at most this many districts.
EXPANDED_DISTRICTS = 60
#: A data block of the page longer than this (characters of JSON) is written compressed (gzip in base64).
COMPRESS_ABOVE = 250_000


@dataclass
class ViewOptions:
    """What ``kg view`` draws: at most ``max_nodes`` nodes (the most connected; None = all), optionally the
    measures and organisations the reports mention; ``overview`` items of each kind shown at first, provinces
    expanded at first when there are at most ``expanded`` districts, each citation's sentence (``sentences``)
    in the side panel, and the page's data compressed when a block is longer than ``compress_above`` characters
    (None: never)."""

    max_nodes: int | None = DEFAULT_MAX_NODES
    with_measures: bool = False
    with_organisations: bool = False
    overview: int = OVERVIEW_ITEMS
    expanded: int = EXPANDED_DISTRICTS
    sentences: bool = True
    compress_above: int | None = COMPRESS_ABOVE


@dataclass
class ViewSummary:
    """What was drawn (for the page's title and for the CLI's one-line report): nodes of the graph (provinces,
    which stand for their districts, are not counted) and district–item edges."""

    nodes: int
    edges: int
    total_nodes: int
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def trimmed(self) -> bool:
        return self.nodes < self.total_nodes
