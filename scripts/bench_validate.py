"""Benchmark: SHACL validation of the seeds graph replicated 1×, 4×, 16× … — one pyshacl run over the whole graph
versus kg.rdf.shacl's chunked validation. Prints CPU seconds of this process (``time.process_time``: the machine is
shared, so wall time is noisy), triples per CPU second and the ratio to the 1× run, so that the growth (linear or
not) is visible. No assertion: speed is measured here, never in the tests.

    python scripts/bench_validate.py [--copies 1 4 16] [--whole-up-to 16]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pyoxigraph import DefaultGraph, NamedNode, Triple  # noqa: E402

from kg.build import BuildOptions, build  # noqa: E402
from kg.rdf.namespaces import KGR  # noqa: E402
from kg.rdf.shacl import load_shapes, validate_file  # noqa: E402
from kg.rdf.store import load_store  # noqa: E402
from kg.rdf.turtle import TurtleWriter  # noqa: E402


def replicate(graph: Path, copies: int, out: Path) -> int:
    """Write ``copies`` disjoint copies of the graph (every kgr: IRI suffixed with the copy number)."""
    store = load_store(graph)

    def rename(term, k):
        if isinstance(term, NamedNode) and term.value.startswith(KGR):
            return NamedNode(f"{term.value}-c{k}")
        return term

    triples = [
        Triple(rename(q.subject, k), q.predicate, rename(q.object, k))
        for k in range(copies)
        for q in store.quads_for_pattern(None, None, None, DefaultGraph())
    ]
    with out.open("w", encoding="utf-8") as f:
        return TurtleWriter().write(triples, f)


def whole(path: Path) -> float:
    import pyshacl  # noqa: PLC0415
    import rdflib  # noqa: PLC0415

    t = time.process_time()
    data = rdflib.Graph().parse(path)
    pyshacl.validate(data, shacl_graph=load_shapes(), inference="none", advanced=True, allow_warnings=True)
    return time.process_time() - t


def chunked(path: Path) -> float:
    t = time.process_time()
    report = validate_file(path)
    assert report.conforms, report.results[:3]
    return time.process_time() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, nargs="+", default=[1, 4, 16])
    ap.add_argument("--whole-up-to", type=int, default=16, help="skip the whole-graph run above this many copies")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build([ROOT / "seeds"], tmp / "seeds", BuildOptions(html=False, validate=False))
        base = None
        print(
            f"{'copies':>6} {'triples':>9} {'chunked cpu s':>13} {'tr/s':>8} {'×1x':>6} "
            f"{'whole cpu s':>11} {'tr/s':>8} {'×1x':>6}"
        )
        for n in args.copies:
            path = tmp / f"x{n}.ttl"
            count = replicate(tmp / "seeds" / "graph.ttl", n, path)
            c = chunked(path)
            w = whole(path) if n <= args.whole_up_to else float("nan")
            if base is None:
                base = (c / count, w / count)
            print(
                f"{n:>6} {count:>9} {c:>13.2f} {count / c:>8.0f} {c / count / base[0]:>6.2f} {w:>11.2f} "
                f"{count / w:>8.0f} {w / count / base[1]:>6.2f}"
            )
        print("×1x = seconds per triple relative to the 1-copy run (1.00 = linear)")


if __name__ == "__main__":
    main()
