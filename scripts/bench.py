"""Benchmark ``kg build`` on a synthetic corpus (issue 10): speed, scaling with jobs, memory and incremental rebuilds.

    python scripts/bench.py                      # 1,000 reports, --jobs 1 and 2
    python scripts/bench.py --docs 1000 10000    # two sizes: memory growth between them
    python scripts/bench.py --docs 200 --html    # also time graph.html
    python scripts/bench.py --docs 1000 --dask   # also build on a Dask LocalCluster: its ratio beside the local one
    python scripts/bench.py --profile            # cProfile of a one-process build of the seeds, top functions

For each size the corpus is generated into a temporary folder (``scripts/synth.py``: paragraphs of the seeds and
the dev texts recombined under other places and years; never committed) and measured in the same run:

* bare ``jieba.lcut`` over the same decoded texts in one process (dictionary load excluded): the yardstick;
* full builds (``python -m kg build --no-html``, fresh output folder, so no cache) for each ``--jobs`` value:
  wall time, documents/s, MB/s, the ratio to bare jieba.lcut, and peak RSS (the build's whole process tree,
  sampled every 50 ms; without psutil, the largest single process);
* the speed-up of the largest job count over one, and whether every job count wrote the same graph.ttl bytes;
* an incremental rebuild after one file changed (cache of the last full build), as a share of that full build.

It prints ratios and figures, never a pass/fail verdict: the machine's other load changes absolute times.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from synth import generate  # noqa: E402

GOALS = "goals: build/lcut <= 2.0, 2-job speed-up >= 1.7, peak RSS < 2 GB at 10,000 (sub-linear), incremental < 5 %"

_LCUT = """
import sys, time, jieba, logging
jieba.setLogLevel(logging.WARNING)
paths = [line.rstrip("\\n") for line in open(sys.argv[1], encoding="utf-8")]
texts = [open(p, encoding="utf-8").read() for p in paths]
jieba.initialize()
t = time.perf_counter()
for text in texts:
    jieba.lcut(text)
print(time.perf_counter() - t)
"""


def _rss_tree(pid: int) -> int:
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        with contextlib.suppress(psutil.Error):  # a child that ended meanwhile
            total += p.memory_info().rss
    return total


def run(cmd: list[str], cwd: Path = ROOT) -> tuple[float, int, subprocess.CompletedProcess]:
    """Run a command; returns wall seconds, peak RSS in bytes and the finished process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]
    try:
        import psutil  # noqa: F401

        def sample() -> None:
            while proc.poll() is None:
                peak[0] = max(peak[0], _rss_tree(proc.pid))
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
    except ImportError:
        sampler = None
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    if sampler is not None:
        sampler.join()
    else:
        peak[0] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return seconds, peak[0], subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def kg_build(corpus: Path, out: Path, jobs: int, html: bool = False, dask: bool = False) -> tuple[float, int, dict]:
    cmd = [sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out), "-q", "-j", str(jobs)]
    if not html:
        cmd.append("--no-html")
    if dask:  # a Dask LocalCluster of `jobs` worker processes, started by the build
        cmd += ["--executor", "dask"]
    seconds, peak, proc = run(cmd)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"build failed: {proc.stderr.strip().splitlines()[-1:]}")
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    return seconds, peak, report


def mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def bench_size(n: int, jobs: list[int], workdir: Path, html: bool, seed: int, dask: bool = False) -> dict:
    corpus = workdir / f"corpus-{n}"
    t = time.perf_counter()
    paths, total = generate(corpus, n, seed)
    print(f"\n== {n} reports, {mb(total)} of text (generated in {time.perf_counter() - t:.1f} s) ==")
    listing = workdir / f"paths-{n}.txt"
    listing.write_text("".join(f"{p}\n" for p in paths), encoding="utf-8")

    lcut_s = float(run([sys.executable, "-c", _LCUT, str(listing)])[2].stdout.strip())
    print(f"bare jieba.lcut, 1 process:  {lcut_s:8.1f} s   {total / 1e6 / lcut_s:6.2f} MB/s")

    builds: dict[int, tuple[float, int]] = {}
    graphs: dict[int, bytes] = {}
    for j in jobs:
        out = workdir / f"out-{n}-j{j}"
        seconds, peak, report = kg_build(corpus, out, j)
        builds[j] = (seconds, peak)
        graphs[j] = (out / "graph.ttl").read_bytes()
        s = report["summary"]
        print(
            f"build --jobs {j}:             {seconds:8.1f} s   {n / seconds:6.1f} docs/s   "
            f"{total / 1e6 / seconds:6.2f} MB/s   build/lcut {seconds / lcut_s:4.2f}   peak RSS {mb(peak)}"
        )
    print(
        f"graph: {s['reports']} reports, {s['triples']} triples, {mb(len(graphs[jobs[0]]))} of Turtle; "
        f"identical bytes for every --jobs: {'yes' if len(set(graphs.values())) == 1 else 'NO'}"
    )
    if dask:
        j = max(jobs)
        seconds, peak, _ = kg_build(corpus, workdir / f"out-{n}-dask", j, dask=True)
        same = (workdir / f"out-{n}-dask" / "graph.ttl").read_bytes() == graphs[j]
        print(
            f"build --executor dask (LocalCluster, {j} workers): {seconds:6.1f} s   build/lcut {seconds / lcut_s:4.2f}"
            f"   local --jobs {j}: {builds[j][0] / lcut_s:4.2f}   peak RSS {mb(peak)}"
            f"   same bytes: {'yes' if same else 'NO'}"
        )
        shutil.rmtree(workdir / f"out-{n}-dask", ignore_errors=True)
    graphs.clear()
    if len(jobs) > 1:
        base, most = min(jobs), max(jobs)
        print(f"speed-up {most} jobs over {base}:    {builds[base][0] / builds[most][0]:5.2f}x")

    j = max(jobs)
    changed = paths[len(paths) // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\n全年新增办理行政复议案件1件。\n", encoding="utf-8")
    seconds, peak, report = kg_build(corpus, workdir / f"out-{n}-j{j}", j)
    extracted = report.get("build", {}).get("extracted", "?")
    print(
        f"incremental, 1 file changed: {seconds:8.1f} s = {100 * seconds / builds[j][0]:4.1f} % of the full "
        f"--jobs {j} build (extracted {extracted}; peak RSS {mb(peak)})"
    )
    result = {"docs": n, "bytes": total, "lcut": lcut_s, "builds": builds, "incremental": seconds}
    if html:
        seconds, peak, _ = kg_build(corpus, workdir / f"out-{n}-j{j}", j, html=True)
        print(
            f"cached build with graph.html: {seconds:7.1f} s (the HTML is the difference from the incremental "
            f"build; peak RSS {mb(peak)})"
        )
    for j in jobs:
        shutil.rmtree(workdir / f"out-{n}-j{j}", ignore_errors=True)
    shutil.rmtree(corpus, ignore_errors=True)
    return result


def profile(limit: int = 20) -> None:
    """cProfile of a one-process build of the seeds without cache or HTML: where time goes besides segmenting."""
    import cProfile
    import pstats

    sys.path.insert(0, str(ROOT))
    from kg.build import BuildOptions, build
    from kg.segment import get_segmenter

    get_segmenter("jieba", None)  # loading the dictionary is not the build's work (the key the build uses)
    with tempfile.TemporaryDirectory() as tmp:
        prof = cProfile.Profile()
        prof.enable()
        build([ROOT / "seeds"], Path(tmp), BuildOptions(html=False, cache=False, jobs=1))
        prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(limit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000], help="corpus sizes (default 1000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="job counts to compare (default 1 2)")
    parser.add_argument("--html", action="store_true", help="also time a build that draws graph.html")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--workdir", type=Path, help="where to generate (default: a temporary folder)")
    parser.add_argument("--profile", action="store_true", help="profile a build of the seeds instead")
    parser.add_argument("--dask", action="store_true", help="also build on a Dask LocalCluster (needs the dask extra)")
    args = parser.parse_args()
    if args.profile:
        profile()
        return
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
        f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )
    print(GOALS)
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        results = [
            bench_size(n, sorted(set(args.jobs)), Path(tmp), args.html, args.seed, args.dask) for n in sorted(args.docs)
        ]
    if len(results) > 1:
        a, b = results[0], results[-1]
        j = max(args.jobs)
        growth = b["builds"][j][1] / max(1, a["builds"][j][1])
        print(f"\npeak RSS grows {growth:.2f}x for {b['docs'] / a['docs']:.0f}x the reports (--jobs {j})")
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
