"""Where each node is drawn: a seeded layout computed once in networkx, so that the page is still at once (physics
off) even with thousands of nodes, and the same graph gives byte-identical HTML. (Named ``positions`` rather than
``layout`` so that the module does not shadow the function ``kg.view.layout``.)"""

from __future__ import annotations

import math

import networkx as nx


def layout(g: nx.Graph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Seeded spring layout in screen units, rounded to whole units (so that the HTML is byte-identical run to
    run).

    ``method="force"`` is Fruchterman–Reingold (networkx runs it on a scipy sparse matrix from 500 nodes on, a
    Python loop over nodes per iteration: ~0.5 s per iteration at 3,000 nodes), so large graphs get fewer
    iterations (100 up to 500 nodes, 50,000 / n above, at least 10) to stay within seconds.

    >>> layout(nx.Graph())
    {}
    """
    n = g.number_of_nodes()
    if n == 0:
        return {}
    iterations = 100 if n <= 500 else max(10, 50_000 // n)
    pos = nx.spring_layout(g, seed=seed, k=3 / math.sqrt(n), iterations=iterations, method="force")
    scale = 130 * math.sqrt(n)
    # whole numbers: vis-network truncates x/y to integers anyway (and the page is smaller)
    return {v: (round(float(x) * scale), round(float(y) * scale)) for v, (x, y) in pos.items()}
