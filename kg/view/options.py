"""What the view is asked to draw (``ViewOptions``) and what it drew (``ViewSummary``): the values passed between
the CLI, the build and the page, kept apart so that every other module of kg.view can import them."""

from __future__ import annotations

from dataclasses import dataclass, field

#: ``kg view`` and ``kg build`` draw at most this many nodes unless told otherwise (0 or None = all).
DEFAULT_MAX_NODES = 3000


@dataclass
class ViewOptions:
    """What ``kg view`` draws: at most ``max_nodes`` nodes (the most connected; None = all), optionally the
    measures and organisations the reports mention, ``examples`` sentences per regulation, layout ``seed``."""

    max_nodes: int | None = DEFAULT_MAX_NODES
    with_measures: bool = False
    with_organisations: bool = False
    examples: int = 3
    seed: int = 7


@dataclass
class ViewSummary:
    """What was drawn (for the page's title and for the CLI's one-line report)."""

    nodes: int
    edges: int
    total_nodes: int
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def trimmed(self) -> bool:
        return self.nodes < self.total_nodes
