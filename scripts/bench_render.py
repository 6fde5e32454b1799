"""Benchmark the analysis and the HTML view on a synthetic corpus (no extraction involved).

    python scripts/bench_render.py [--districts 3000] [--regulations 5000] [--edges 60000] [--max-nodes 3000]

Builds a pyoxigraph store shaped like a real build (provinces > prefectures > counties, governments, reports,
kg:cites / kg:issues with a skewed popularity of regulations), then times each step of `kg stats` and
`kg view` and prints the HTML size. Times are wall-clock on this machine: compare them with each other (and with
docs in ../shared/design/performance-notes.md), not across machines.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph
from pyoxigraph import Literal, Quad

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg import analyse  # noqa: E402
from kg import view as render
from kg.rdf.namespaces import kg, rdf, rdfs, resource  # noqa: E402


def synthetic_store(districts: int, regulations: int, edges: int, seed: int = 1) -> pyoxigraph.Store:
    rnd = random.Random(seed)
    quads = []

    def add(s, p, o):
        quads.append(Quad(s, p, o))

    provinces = [resource("area", f"{10 + i}0000", hashed=False) for i in range(max(1, districts // 100))]
    for i, p in enumerate(provinces):
        add(p, rdf.type, kg.AdministrativeArea)
        add(p, kg.adminLevel, Literal("province"))
        add(p, rdfs.label, Literal(f"第{i}省", language="zh"))
    levels = ["national", "provincial", "municipal", "local", "unknown"]
    regs = [resource("reg", f"r{i}") for i in range(regulations)]
    for i, r in enumerate(regs):
        add(r, rdf.type, kg.Regulation)
        add(r, rdfs.label, Literal(f"某某条例第{i}号", language="zh"))
        add(r, kg.kind, Literal("rule"))
        add(r, kg.issuerLevel, Literal(levels[i % 5]))
    weights = [1 / (i + 1) for i in range(regulations)]  # Zipf-like popularity
    per_district = max(1, edges // districts)
    for d in range(districts):
        prov = provinces[d % len(provinces)]
        pref = resource("area", f"pref{d // 10}", hashed=False)
        area = resource("area", f"c{d}", hashed=False)
        add(pref, kg.adminLevel, Literal("prefecture"))
        add(pref, kg.within, prov)
        add(area, rdf.type, kg.AdministrativeArea)
        add(area, kg.adminLevel, Literal("county"))
        add(area, kg.within, pref)
        add(area, rdfs.label, Literal(f"第{d}区", language="zh"))
        gov = resource("gov", f"g{d}")
        add(gov, rdf.type, kg.Government)
        add(gov, kg.jurisdiction, area)
        add(gov, rdfs.label, Literal(f"第{d}区人民政府", language="zh"))
        rep = resource("report", f"rep{d}", hashed=False)
        add(rep, rdf.type, kg.Report)
        add(rep, rdfs.label, Literal(f"第{d}区2022年法治政府建设情况报告", language="zh"))
        add(rep, kg.year, Literal("2022"))
        add(rep, kg.issuedBy, gov)
        for r in set(rnd.choices(regs, weights=weights, k=per_district)):
            add(rep, kg.issues if rnd.random() < 0.1 else kg.cites, r)
    store = pyoxigraph.Store()
    store.bulk_extend(quads)
    return store


def timed(label: str, fn, *args, **kwargs):
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    print(f"{label:<44} {time.perf_counter() - t:8.2f} s")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--districts", type=int, default=3000)
    ap.add_argument("--regulations", type=int, default=5000)
    ap.add_argument("--edges", type=int, default=60000)
    ap.add_argument("--max-nodes", type=int, default=render.DEFAULT_MAX_NODES)
    ap.add_argument("--skip-analysis", action="store_true")
    a = ap.parse_args()
    store = timed("synthetic store", synthetic_store, a.districts, a.regulations, a.edges)
    print(f"{len(store)} triples")
    g = timed("citation_graph (SPARQL → networkx)", analyse.citation_graph, store)
    print(f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    if not a.skip_analysis:
        timed(
            "regulation_ranking + district_ranking",
            lambda: (analyse.regulation_ranking(g, 10), analyse.district_ranking(g, 10)),
        )
        timed("cocitation (among 500)", analyse.cocitation, g)
        timed(
            "similar_districts (one district, lazy)",
            analyse.similar_districts,
            g,
            next(n for n, t in g.nodes(data="type") if t == "district"),
        )
        timed("communities (Louvain, seeded)", analyse.communities, g)
        c = timed("centrality (betweenness sampled)", analyse.centrality, g)
        print("   methods:", c["methods"])
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "graph.html"
        opts = render.ViewOptions(max_nodes=a.max_nodes or None)
        summary = timed(f"render_html (max_nodes={a.max_nodes})", render.render_html, store, out, None, None, opts)
        size = out.stat().st_size
    print(
        f"drew {summary.nodes} of {summary.total_nodes} nodes, {summary.edges} edges; "
        f"HTML {size / 1e6:.1f} MB ({size / max(1, summary.nodes):.0f} bytes per node)"
    )


if __name__ == "__main__":
    main()
