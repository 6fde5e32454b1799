"""Benchmark ``kg build`` on a synthetic corpus (issues 10 and 19): speed against bare segmentation, scaling with
jobs and report size, memory, and rebuilds after a change — every goal of issue 19 as a ratio measured in one run.

    python scripts/bench.py                                   # 1,000 reports, --jobs 1 and 2
    python scripts/bench.py --docs 1000 10000 --jobs 1 2 --sizes   # the acceptance run of issue 19
    python scripts/bench.py --docs 200 --html                 # also time graph.html
    python scripts/bench.py --docs 1000 --dask                # also build on a Dask LocalCluster: its ratio beside
    python scripts/bench.py --docs 100000 --build-only        # one build (--jobs 2, graph.html, validation): time, RSS
    python scripts/bench.py --profile                         # cProfile of a one-process build of the seeds

For each size the corpus is generated into a temporary folder (``scripts/synth.py``: paragraphs of the seeds and
the dev texts recombined under other places and years; never committed) and measured in the same run:

* bare ``jieba.lcut`` over the same decoded texts in one process (dictionary load excluded): the yardstick
  (``--no-lcut`` leaves it out, and the ratios to it);
* full builds (``python -m kg build --no-html``, fresh output folder, so no cache) for each ``--jobs`` value:
  wall time, documents/s, MB/s, the ratio to bare jieba.lcut, the CPU seconds of the build's process tree and
  their ratio to bare jieba.lcut's (on a shared machine the wall ratios move with the other load, the CPU ones
  hardly: with one job the CPU ratio is the one to compare runs by), and peak RSS (the build's whole process tree,
  sampled every 250 ms; without psutil, the largest single process);
* the speed-up of the largest job count over one, and whether every job count wrote the same graph.ttl bytes;
* rebuilds after one file changed (cache of the last full build; two files, one after the other), each as a share
  of that full build (``--verify``: and whether the rebuilt graph.ttl is the bytes of a fresh build);
* with ``--sizes``, the series of ``scripts/bench_sizes.py``: time per MB of one report of 20 KB to 4 MB, of
  ordinary text and of one sentence repeated.

``--build-only`` makes 100,000 reports feasible: one build with the largest ``--jobs`` (graph.html and validation
on), its time and the peak RSS of its process tree (of its main process and largest other one), nothing else.
``--repeat N``: N rounds of lcut and the full builds, ratios their median. Ratios and figures, never a verdict.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from synth import generate  # noqa: E402

GOALS = (
    "goals (issue 19): build/lcut <= 1.0 with 2 jobs and <= 2.0 with 1; rebuild after one change < 2 % of a full "
    "build;\n  time per MB of a 4 MB report / a 20 KB one <= 1.5; 100,000 reports in < 2 GB peak RSS (--build-only)"
)
CHANGE = "\n\n全年新增办理行政复议案件1件。\n"  # appended to a report: one more figure, no new shared node

_LCUT = """
import sys, time, jieba, logging
jieba.setLogLevel(logging.WARNING)
paths = [line.rstrip("\\n") for line in open(sys.argv[1], encoding="utf-8")]
texts = [open(p, encoding="utf-8").read() for p in paths]
jieba.initialize()
t, cpu = time.perf_counter(), time.process_time()
for text in texts:
    jieba.lcut(text)
print(time.perf_counter() - t, time.process_time() - cpu)
"""


# How often the process tree is sampled. Each sample lists the tree through /proc: every 50 ms that took 0.06 of a
# core (measured during a 2-job build), taken from the build on a 2-core machine and not from the one-process
# yardstick. Peaks of memory last seconds (a phase of the build), not milliseconds.
SAMPLE_EVERY = 0.25


def _rss_tree(pid: int, peaks: dict[str, int] | None = None, cpu: dict[int, float] | None = None) -> int:
    """The RSS of ``pid`` and its descendants, summed; ``peaks`` keeps the largest RSS seen of the main process
    (``main``) and of any other process of the tree (``other``: a worker, the forkserver), ``cpu`` the user and
    system CPU seconds each process of the tree had used when last seen."""
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        with contextlib.suppress(psutil.Error):  # a child that ended meanwhile
            rss = p.memory_info().rss
            total += rss
            if cpu is not None:
                times = p.cpu_times()
                cpu[p.pid] = times.user + times.system
            if peaks is not None:
                key = "main" if p.pid == pid else "other"
                peaks[key] = max(peaks.get(key, 0), rss)
    return total


def run(
    cmd: list[str], cwd: Path = ROOT, peaks: dict[str, int] | None = None, cpu: list[float] | None = None
) -> tuple[float, int, subprocess.CompletedProcess]:
    """Run a command; returns wall seconds, peak RSS in bytes and the finished process (``peaks``: filled with
    the peak RSS of the main process and of the largest other one, see :func:`_rss_tree`; ``cpu``: appended the
    user and system CPU seconds of the command's process tree, sampled with the RSS (a forkserver's workers are
    not the command's children: their time never reaches its rusage), or without psutil the command's rusage)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before, cpu_by_pid = _children_cpu(), {}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]
    try:
        import psutil  # noqa: F401

        def sample() -> None:
            while proc.poll() is None:
                peak[0] = max(peak[0], _rss_tree(proc.pid, peaks, cpu_by_pid))
                time.sleep(SAMPLE_EVERY)

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
    if cpu is not None:  # the larger: the rusage has the command to its end and what it reaped, the samples every
        # process of the tree but its last 250 ms (adding them could count a process twice)
        cpu.append(max(_children_cpu() - before, sum(cpu_by_pid.values())) if sampler else _children_cpu() - before)
    return seconds, peak[0], subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def kg_build(
    corpus: Path,
    out: Path,
    jobs: int,
    html: bool = False,
    dask: bool = False,
    cache: bool = True,
    peaks: dict[str, int] | None = None,
    cpu: list[float] | None = None,
) -> tuple[float, int, dict]:
    cmd = [sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out), "-q", "-j", str(jobs)]
    if not html:
        cmd.append("--no-html")
    if dask:  # a Dask LocalCluster of `jobs` worker processes, started by the build
        cmd += ["--executor", "dask"]
    if not cache:
        cmd.append("--no-cache")
    seconds, peak, proc = run(cmd, peaks=peaks, cpu=cpu)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"build failed: {proc.stderr.strip().splitlines()[-1:]}")
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    return seconds, peak, report


def mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def corpus_of(n: int, workdir: Path, seed: int) -> tuple[Path, list[Path], int]:
    corpus = workdir / f"corpus-{n}"
    t = time.perf_counter()
    paths, total = generate(corpus, n, seed)
    print(f"\n== {n} reports, {mb(total)} of text (generated in {time.perf_counter() - t:.1f} s) ==", flush=True)
    return corpus, paths, total


def lcut_seconds(paths: list[Path], total: int, workdir: Path) -> tuple[float, float]:
    """Wall and CPU seconds of bare jieba.lcut over the texts, in one process."""
    listing = workdir / "paths.txt"
    listing.write_text("".join(f"{p}\n" for p in paths), encoding="utf-8")
    lcut_s, lcut_cpu = map(float, run([sys.executable, "-c", _LCUT, str(listing)])[2].stdout.split())
    print(
        f"bare jieba.lcut, 1 process:  {lcut_s:8.1f} s   {total / 1e6 / lcut_s:6.2f} MB/s   CPU {lcut_cpu:6.1f} s",
        flush=True,
    )
    return lcut_s, lcut_cpu


def full_builds(
    n: int, total: int, corpus: Path, jobs: list[int], workdir: Path, lcut: tuple[float, float] | None
) -> dict[int, tuple[float, int, float]]:
    """Full builds for each job count (``lcut``: wall and CPU seconds of bare jieba.lcut, for the ratios); per job
    count, wall seconds, peak RSS and CPU seconds."""
    builds: dict[int, tuple[float, int, float]] = {}
    graphs: dict[int, bytes] = {}
    for j in jobs:
        out, cpu = workdir / f"out-{n}-j{j}", []
        shutil.rmtree(out, ignore_errors=True)  # a fresh folder: no cache of an earlier round
        seconds, peak, report = kg_build(corpus, out, j, cpu=cpu)
        builds[j] = (seconds, peak, cpu[0])
        graphs[j] = (out / "graph.ttl").read_bytes()
        s = report["summary"]
        ratio = f"build/lcut {seconds / lcut[0]:4.2f}   " if lcut else ""
        cpu_ratio = f" = {cpu[0] / lcut[1]:4.2f} x lcut's" if lcut else ""
        print(
            f"build --jobs {j}:             {seconds:8.1f} s   {n / seconds:6.1f} docs/s   "
            f"{total / 1e6 / seconds:6.2f} MB/s   {ratio}CPU {cpu[0]:6.1f} s{cpu_ratio}   peak RSS {mb(peak)}",
            flush=True,
        )
    print(
        f"graph: {s['reports']} reports, {s['triples']} triples, {mb(len(graphs[jobs[0]]))} of Turtle; "
        f"identical bytes for every --jobs: {'yes' if len(set(graphs.values())) == 1 else 'NO'}"
    )
    if len(jobs) > 1:
        base, most = min(jobs), max(jobs)
        print(f"speed-up {most} jobs over {base}:    {builds[base][0] / builds[most][0]:5.2f}x")
    return builds


def rounds_of_builds(
    n: int, total: int, corpus: Path, paths: list[Path], jobs: list[int], workdir: Path, args: argparse.Namespace
) -> tuple[dict[int, tuple[float, int, float]], float | None, dict[int, float]]:
    """``args.repeat`` rounds of bare jieba.lcut then a full build per job count, back to back: each round's
    ratios are measured minutes apart, and their median stands for the run (the machine is shared; one slow
    minute moves one round). Returns the last round's builds and lcut seconds (what the rebuilds and the Dask
    build are compared with) and the median build/lcut ratio per job count."""
    per_round: list[tuple[tuple[float, float] | None, dict[int, tuple[float, int, float]]]] = []
    for r in range(args.repeat):
        if args.repeat > 1:
            print(f"-- round {r + 1} of {args.repeat}", flush=True)
        lcut = None if args.no_lcut else lcut_seconds(paths, total, workdir)
        per_round.append((lcut, full_builds(n, total, corpus, jobs, workdir, lcut)))
    if args.no_lcut:
        return per_round[-1][1], None, {}
    ratios = {j: statistics.median(b[j][0] / lc[0] for lc, b in per_round) for j in jobs}
    if args.repeat > 1:
        cpu = {j: statistics.median(b[j][2] / lc[1] for lc, b in per_round) for j in jobs}
        print(
            f"median of {args.repeat} rounds: "
            + "   ".join(f"--jobs {j} build/lcut {ratios[j]:4.2f} (CPU {cpu[j]:4.2f} x lcut's)" for j in jobs)
        )
    return per_round[-1][1], per_round[-1][0][0], ratios


def rebuilds(
    n: int, corpus: Path, paths: list[Path], j: int, full_s: float, workdir: Path, verify: bool
) -> list[float]:
    """Two rebuilds after one changed file each, as shares of the full build; with ``verify``, the second graph is
    checked against a fresh build of the changed corpus."""
    out, shares = workdir / f"out-{n}-j{j}", []
    for changed in (paths[len(paths) // 2], paths[len(paths) // 3]):
        changed.write_text(changed.read_text(encoding="utf-8") + CHANGE, encoding="utf-8")
        seconds, peak, report = kg_build(corpus, out, j)
        shares.append(100 * seconds / full_s)
        build, sample = report.get("build", {}), report.get("validation", {}).get("sample", "")
        print(
            f"rebuild, 1 file changed:     {seconds:8.1f} s = {shares[-1]:4.1f} % of the full --jobs {j} build "
            f"(extracted {build.get('extracted', '?')}; peak RSS {mb(peak)}; validated {sample or 'all'})",
            flush=True,
        )
    if not verify:
        return shares
    fresh = workdir / f"fresh-{n}"
    kg_build(corpus, fresh, j, cache=False)
    same = (fresh / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()
    print(f"rebuilt graph.ttl is the bytes of a fresh build: {'yes' if same else 'NO'}")
    shutil.rmtree(fresh, ignore_errors=True)
    return shares


def bench_size(n: int, jobs: list[int], workdir: Path, args: argparse.Namespace) -> dict:
    html, seed, dask = args.html, args.seed, args.dask
    corpus, paths, total = corpus_of(n, workdir, seed)
    builds, lcut_s, ratios = rounds_of_builds(n, total, corpus, paths, jobs, workdir, args)
    j = max(jobs)
    if dask:
        seconds, peak, _ = kg_build(corpus, workdir / f"out-{n}-dask", j, dask=True)
        same = (workdir / f"out-{n}-dask" / "graph.ttl").read_bytes() == (
            workdir / f"out-{n}-j{j}" / "graph.ttl"
        ).read_bytes()
        ratios = (
            f"build/lcut {seconds / lcut_s:4.2f}   local --jobs {j}: {builds[j][0] / lcut_s:4.2f}   " if lcut_s else ""
        )
        print(
            f"build --executor dask (LocalCluster, {j} workers): {seconds:6.1f} s   {ratios}"
            f"dask/local {seconds / builds[j][0]:4.2f}   peak RSS {mb(peak)}   same bytes: {'yes' if same else 'NO'}"
        )
        shutil.rmtree(workdir / f"out-{n}-dask", ignore_errors=True)
    shares = rebuilds(n, corpus, paths, j, builds[j][0], workdir, args.verify)
    if html:
        seconds, peak, _ = kg_build(corpus, workdir / f"out-{n}-j{j}", j, html=True)
        print(
            f"cached build with graph.html: {seconds:7.1f} s (the HTML is the difference from a rebuild; "
            f"peak RSS {mb(peak)})"
        )
    for k in jobs:
        shutil.rmtree(workdir / f"out-{n}-j{k}", ignore_errors=True)
    shutil.rmtree(corpus, ignore_errors=True)
    return {"docs": n, "bytes": total, "lcut": lcut_s, "builds": builds, "ratios": ratios, "rebuild": min(shares)}


def build_only(n: int, jobs: int, workdir: Path, seed: int) -> None:
    """One build of ``n`` reports as a user runs it: graph.html and validation on; time and peak RSS."""
    corpus, _, total = corpus_of(n, workdir, seed)
    peaks: dict[str, int] = {}
    seconds, peak, report = kg_build(corpus, workdir / f"out-{n}", jobs, html=True, peaks=peaks)
    s, validation = report["summary"], report.get("validation", {})
    print(
        f"build --jobs {jobs} with graph.html: {seconds:8.1f} s   {n / seconds:6.1f} docs/s   "
        f"{total / 1e6 / seconds:6.2f} MB/s   peak RSS of the process tree {mb(peak)} (main process "
        f"{mb(peaks.get('main', 0))}, largest other process {mb(peaks.get('other', 0))})\n"
        f"graph: {s['reports']} reports, {s['triples']} triples; validated: {validation.get('sample', 'all')}, "
        f"conforms {validation.get('conforms')}"
    )
    shutil.rmtree(workdir / f"out-{n}", ignore_errors=True)
    shutil.rmtree(corpus, ignore_errors=True)


def sizes() -> None:
    """The size series of scripts/bench_sizes.py, in its own process."""
    print("\n== one report of growing size (scripts/bench_sizes.py, one process) ==", flush=True)
    proc = run([sys.executable, str(ROOT / "scripts" / "bench_sizes.py")])[2]
    print(proc.stdout.rstrip() or proc.stderr.strip().splitlines()[-1:])


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


def summary(results: list[dict], jobs: list[int]) -> None:
    if len(results) > 1:
        a, b = results[0], results[-1]
        j = max(jobs)
        growth = b["builds"][j][1] / max(1, a["builds"][j][1])
        print(f"\npeak RSS grows {growth:.2f}x for {b['docs'] / a['docs']:.0f}x the reports (--jobs {j})")
    for r in results:
        ratios = "   ".join(f"build/lcut --jobs {j} {ratio:4.2f}" for j, ratio in sorted(r["ratios"].items()))
        print(f"{r['docs']:>7} reports: {ratios}   rebuild {r['rebuild']:4.1f} % of a full build")


def byte_compiled() -> str:
    """Byte-compile the package, as ``pip install`` does for an installed one: a process that finds no ``.pyc``
    compiles every module it imports (~0.15 s for the build's main process, its fork server and each worker), which
    an environment setting ``PYTHONDONTWRITEBYTECODE`` (this workplace's) repeats in every run of an editable
    install. The yardstick, jieba, is byte-compiled in site-packages."""
    import compileall  # noqa: PLC0415

    ok = compileall.compile_dir(ROOT / "kg", quiet=1)
    return f"kg byte-compiled (as pip install does): {'yes' if ok else 'NO'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000], help="corpus sizes (default 1000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="job counts to compare (default 1 2)")
    parser.add_argument("--html", action="store_true", help="also time a build that draws graph.html")
    parser.add_argument("--sizes", action="store_true", help="also time one report of 20 KB to 4 MB")
    parser.add_argument("--no-lcut", action="store_true", help="leave out bare jieba.lcut (and the ratios to it)")
    parser.add_argument("--build-only", action="store_true", help="one build per size: --jobs max, HTML, validation")
    parser.add_argument("--verify", action="store_true", help="check a rebuilt graph against a fresh build's bytes")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of lcut and full builds; their median")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--workdir", type=Path, help="where to generate (default: a temporary folder)")
    parser.add_argument("--profile", action="store_true", help="profile a build of the seeds instead")
    parser.add_argument("--dask", action="store_true", help="also build on a Dask LocalCluster (needs the dask extra)")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error(f"--repeat: at least one round, not {args.repeat}")
    if args.profile:
        profile()
        return
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
        f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )
    print(GOALS)
    print(byte_compiled())
    jobs = sorted(set(args.jobs))
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        if args.build_only:
            for n in sorted(args.docs):
                build_only(n, max(jobs), Path(tmp), args.seed)
        else:
            results = [bench_size(n, jobs, Path(tmp), args) for n in sorted(args.docs)]
            summary(results, jobs)
    if args.sizes:
        sizes()
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
