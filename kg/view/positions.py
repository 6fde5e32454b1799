"""Where each node is drawn: a radial layout computed once in Python, without iterations or randomness, so that the
page is still at once (physics off) at any size and the same graph gives byte-identical HTML.

From the centre out: the items (regulations, measures, organisations) of the overview on concentric rings in
rank order (the item most districts refer to in the middle, so the ranking reads outward); the ring of
provinces; each province's districts in a sector just outside its province node (drawn when the province is
expanded); then the rest of the items, again in rank order. Within a ring, items sit on the side of the provinces
whose districts refer to them (a local regulation next to its province, a national law wherever there is room).
No two nodes overlap: every ring is spaced by the largest node on it. (Named ``positions`` rather than
``layout`` so that the module does not shadow the function ``kg.view.layout``.)"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import networkx as nx

from kg.analyse import DISTRICT, CompactGraph
from kg.view.graph import Province, districts_of
from kg.view.style import node_size
from kg.view.whole import Whole

GAP = 6  # units between the edges of neighbouring nodes
GOLDEN = math.pi * (3 - math.sqrt(5))  # turn between consecutive rings, so that slots do not line up radially


def rings(sizes: Sequence[float], start: float = 0.0) -> tuple[list[tuple[float, list[int]]], float]:
    """Concentric rings for nodes of the given ``sizes`` (largest first), from radius ``start`` (0: the first
    node in the centre): a list of (radius, indices on the ring) and the radius the rings end at.

    >>> rings([10, 10, 10, 10, 10, 10, 10, 10])
    ([(0, [0]), (26.0, [1, 2, 3, 4, 5, 6]), (52.0, [7])], 62.0)
    """
    out: list[tuple[float, list[int]]] = []
    i, r, previous = 0, start, 0.0
    if start == 0 and sizes:
        out.append((0, [0]))
        i, previous = 1, sizes[0]
    while i < len(sizes):
        s = sizes[i]
        r = r + previous + s + GAP if out or start == 0 else start + s
        slots = max(1, int(2 * math.pi * r // (2 * s + GAP)))
        out.append((r, list(range(i, min(len(sizes), i + slots)))))
        i, previous = i + slots, s
    return out, r + previous


def _angle_distance(a: float, b: float) -> float:
    d = (a - b) % (2 * math.pi)
    return min(d, 2 * math.pi - d)


def place_rings(
    ring_list: list[tuple[float, list[int]]], prefer: Callable[[int], float | None], phase: int = 0
) -> dict[int, tuple[float, float]]:
    """Positions of the indices on ``ring_list``: each ring's slots evenly spaced (turned by the golden angle
    from the previous ring), its nodes in the cyclic order of their preferred angles (``prefer``; None keeps
    rank order), turned as a whole to sit closest to those angles.

    >>> xy = place_rings([(0, [0]), (10, [1, 2])], lambda i: None)
    >>> {i: whole(p) for i, p in xy.items()}
    {0: (0, 0), 1: (-7, 7), 2: (7, -7)}
    """
    out: dict[int, tuple[float, float]] = {}
    for k, (r, members) in enumerate(ring_list, phase):
        n = len(members)
        base = (k * GOLDEN) % (2 * math.pi) if r else 0.0
        angles = {i: prefer(i) for i in members}
        order = sorted(members, key=lambda i: (angles[i] is None, angles[i] or 0.0, i))
        turn = _best_turn(order, angles, base, n)
        for j, i in enumerate(order):
            a = base + turn + 2 * math.pi * j / n
            out[i] = (r * math.cos(a) + 0.0, r * math.sin(a) + 0.0)
    return out


def _best_turn(order: list[int], angles: dict[int, float | None], base: float, n: int) -> float:
    """The turn (a whole number of slots) that brings the ring's nodes closest to their preferred angles: the
    circular mean of the differences, rounded to a slot."""
    diffs = [angles[i] - (base + 2 * math.pi * j / n) for j, i in enumerate(order) if angles[i] is not None]
    if not diffs or n == 1:
        return 0.0
    x, y = sum(math.cos(d) for d in diffs), sum(math.sin(d) for d in diffs)
    if math.hypot(x, y) < 1e-9:
        return 0.0
    step = 2 * math.pi / n
    return round(math.atan2(y, x) / step) * step


def sectors(
    counts: Sequence[int], inner: float, step: float
) -> tuple[list[tuple[float, float]], list[list[tuple[float, float]]], float]:
    """Sectors of an annulus from radius ``inner`` for groups of ``counts`` nodes spaced ``step`` apart: every
    sector has the same depth (rows), as many columns as its group needs plus one left empty between groups.
    Returns each group's (start angle, angular width), each group's node positions, and the outer radius.

    >>> starts, pos, outer = sectors([2, 1], 40, 10)
    >>> [len(p) for p in pos], outer
    ([2, 1], 50)
    """
    column = step / inner  # angle of one column at the inner radius: no overlap there, more room further out
    depth = 1
    while sum(math.ceil(c / depth) + 1 for c in counts) * column > 2 * math.pi:
        depth += 1
    widths = [(math.ceil(c / depth) + 1) * column for c in counts]
    spare = (2 * math.pi - sum(widths)) / max(1, len(counts))
    out_starts, out_pos, a = [], [], 0.0
    for c, w in zip(counts, widths, strict=True):
        w += spare
        cols = max(1, math.ceil(c / depth))
        out_starts.append((a, w))
        pos = []
        for i in range(c):
            col, row = divmod(i, depth)
            r = inner + row * step
            t = a + w / 2 + (col - (cols - 1) / 2) * column
            pos.append((r * math.cos(t), r * math.sin(t)))
        out_pos.append(pos)
        a += w
    return out_starts, out_pos, inner + depth * step


def whole(xy: tuple[float, float]) -> tuple[int, int]:
    """Whole units: vis-network truncates x/y to integers anyway, and the page is smaller (``+ 0`` turns -0 into
    0, so that the bytes do not depend on rounding's sign)."""
    return round(xy[0]) + 0, round(xy[1]) + 0


def layout(
    g: nx.Graph | CompactGraph, full: nx.Graph | Whole, provs: list[Province], overview: list[str], rest: list[str]
) -> tuple[dict[str, tuple[int, int]], list[tuple[int, int]]]:
    """Positions of ``g``'s nodes (``overview`` and ``rest``: its items in rank order, inside and outside the
    ring of provinces) and of the provinces ``provs`` (a list in their order), in whole units.

    >>> from kg.analyse import example_graph
    >>> from kg.view.graph import provinces, ranked_items
    >>> g = example_graph()
    >>> nodes, provs = layout(g, g, provinces(g, []), ranked_items(g, g), [])
    >>> nodes["r:纲要"], len(provs), len(nodes) == g.number_of_nodes()
    ((0, 0), 2, True)
    """
    size = {n: node_size(districts_of(full, n)) for n in (*overview, *rest)}
    inner, disc = rings([size[n] for n in overview])
    biggest = max((node_size(len(p.districts)) for p in provs), default=0.0)
    ring = disc + 4 * GAP + biggest
    step = 2 * node_size(1) + GAP
    starts, spots, outer = sectors([len(p.districts) for p in provs], ring + biggest + GAP + node_size(1), step)
    out: dict[str, tuple[int, int]] = {}
    province_xy, angle = [], {}
    for p, (a, w), xys in zip(provs, starts, spots, strict=True):
        centre = a + w / 2
        province_xy.append(whole((ring * math.cos(centre), ring * math.sin(centre))))
        for d, xy in zip(p.districts, xys, strict=True):
            out[d], angle[d] = whole(xy), centre

    def prefer(items: list[str]) -> Callable[[int], float | None]:
        def of(i: int) -> float | None:
            pulls = [angle[d] for d in g.neighbors(items[i]) if g.nodes[d]["type"] == DISTRICT and d in angle]
            x, y = sum(math.cos(a) for a in pulls), sum(math.sin(a) for a in pulls)
            return math.atan2(y, x) if math.hypot(x, y) > 1e-6 else None

        return of

    for xy_of, items in (
        (place_rings(inner, prefer(overview)), overview),
        (place_rings(rings([size[n] for n in rest], outer + 4 * GAP)[0], prefer(rest), len(inner)), rest),
    ):
        out.update({items[i]: whole(xy) for i, xy in xy_of.items()})
    return out, province_xy
