"""Time per MB of one report as it grows (issue 19: "linear in report size"), for ordinary report text and for a
report that mentions the same regulation, body, measure and figure on every line.

    python scripts/bench_sizes.py                   # 20 KB, 0.25 MB, 1 MB and 4 MB, both kinds
    python scripts/bench_sizes.py --mb 0.02 1       # other sizes

Each report is built in this process with ``kg.build_graph`` (one job, no cache) and written to Turtle; the
segmenter is loaded before timing. It prints seconds per MB for each size and, per kind, the ratio of the largest
report's time per MB to the smallest's (the goal: at most 1.5). Figures, never a verdict: the machine is shared.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kg  # noqa: E402
from kg.segment import get_segmenter  # noqa: E402

REPEATED = "县司法局贯彻落实《中华人民共和国行政处罚法》，深化“放管服”改革，办理行政复议案件12件。\n"


def ordinary_lines() -> list[str]:
    """The seeds' lines after their first ten (their headings), in order: report text of every kind."""
    lines: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        lines += [ln + "\n" for ln in path.read_text(encoding="utf-8").splitlines()[10:] if ln.strip()]
    return lines


def report(kind: str, megabytes: float) -> str:
    """A report of about ``megabytes`` MB (UTF-8) under one heading."""
    source = [REPEATED] if kind == "repeated" else ordinary_lines()
    out, size, i = ["盐池县2022年法治政府建设工作报告\n"], 0, 0
    while size < megabytes * 1e6:
        line = source[i % len(source)]
        out.append(line)
        size += len(line.encode("utf-8"))
        i += 1
    return "".join(out)


def seconds(text: str) -> float:
    start = time.perf_counter()
    kg.build_graph([("report.txt", text)]).to_turtle()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[0.02, 0.25, 1, 4], help="report sizes in MB")
    args = parser.parse_args()
    get_segmenter("jieba", None).cut("预热")  # load the dictionary outside the timings
    for kind in ("ordinary", "repeated"):
        per_mb = []
        for megabytes in sorted(args.mb):
            text = report(kind, megabytes)
            size = len(text.encode("utf-8")) / 1e6
            took = seconds(text)
            per_mb.append(took / size)
            print(f"{kind:>8} {size:6.2f} MB  {took:7.1f} s  {took / size:6.1f} s/MB", flush=True)
        print(f"{kind:>8} time per MB, largest / smallest report: {per_mb[-1] / per_mb[0]:.2f} (goal <= 1.5)")


if __name__ == "__main__":
    main()
