"""Keep the README's "Evaluation" table true: the block between

    <!-- eval -->
    <!-- /eval -->

is the output of `kg eval` on the seed gold and on the development gold, rendered as one table.

    python scripts/readme_eval.py            # check: exit 1 when the README is out of date
    python scripts/readme_eval.py --update   # rewrite the block

tests/test_gold_scores.py runs the same check with the summaries it computes anyway.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- eval -->\n)(?P<body>.*?)(<!-- /eval -->)", re.S)
SETS = {
    "seeds": ("tests/gold/seeds", "seeds"),
    "dev": ("tests/gold/dev", "tests/gold/dev/docs"),
    "test": ("tests/gold/test", "tests/gold/test/docs"),
}
LISTS = ("regulations", "figures", "measures", "organisations")
ACCURACIES = (
    ("role_accuracy", "role of matched regulations"),
    ("canonical_accuracy", "canonical title of matched regulations"),
    ("issuer_accuracy", "issuer (area and kind of body)"),
    ("issuer_name_accuracy", "issuer's full name"),
    ("year_accuracy", "year reported on"),
)


def render(summaries: dict[str, dict]) -> str:
    """The table for the summaries of ``kg.evaluate.EvalResult.summary()`` per gold set."""
    sets = [summaries[name] for name in SETS]
    lines = [
        "| | "
        + " | ".join(f"{name} ({s['reports']} reports): P / R / F1" for name, s in zip(SETS, sets, strict=True))
        + " |",
        "|---" * (len(SETS) + 1) + "|",
    ]

    def prf(score: dict) -> str:
        return f"{score['precision']:.3f} / {score['recall']:.3f} / **{score['f1']:.3f}**"

    for c in LISTS:
        lines.append(f"| {c} | " + " | ".join(prf(s[c]) for s in sets) + " |")
    lines.append(
        "| *baseline: every quoted phrase of 2–14 characters is a measure* | "
        + " | ".join(prf(s["baseline_measures"]) for s in sets)
        + " |"
    )
    for key, label in ACCURACIES:
        lines.append(f"| {label} (accuracy) | " + " | ".join(f"{s[key]:.3f}" for s in sets) + " |")
    commands = "\n".join(f"kg eval {gold} --docs {docs}" for gold, docs in SETS.values())
    return f"```sh\n{commands}\n```\n\n" + "\n".join(lines) + "\n"


def summaries() -> dict[str, dict]:
    from kg.evaluate import evaluate  # noqa: PLC0415

    return {name: evaluate(ROOT / gold, ROOT / docs).summary() for name, (gold, docs) in SETS.items()}


def expected(text: str, scores: dict[str, dict]) -> str:
    return BLOCK.sub(lambda m: m.group(1) + render(scores) + m.group(3), text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="rewrite the README block")
    args = ap.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    if not BLOCK.search(text):
        print("README.md: no <!-- eval --> block", file=sys.stderr)
        return 1
    new = expected(text, summaries())
    if new == text:
        print("README.md: evaluation table is up to date", file=sys.stderr)
        return 0
    if args.update:
        README.write_text(new, encoding="utf-8")
        print("README.md: evaluation table rewritten", file=sys.stderr)
        return 0
    print("README.md: evaluation table is out of date (run scripts/readme_eval.py --update)", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
