"""Train a spacy-pkuseg model for ``kg build --segmenter pkuseg --pkuseg-model DIR``, offline.

spacy-pkuseg's PyPI wheel ships no trained model, and fazhi-kg never downloads one. This script segments a folder
of reports with the jieba backend (and its domain dictionary) and trains a pkuseg model on that, so the second
backend can run where nothing can be downloaded. A model trained on a real segmented corpus (PKU, MSR …) is
better: pass its segmented lines with --lines instead.

Usage::

    python scripts/train_pkuseg.py seeds/ -o models/pkuseg [--iterations 10] [--lines segmented.txt]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from kg.read import ReadError, read_path
from kg.segment import get_segmenter, train_pkuseg


def segmented_lines(folder: Path) -> list[str]:
    seg = get_segmenter("jieba")
    lines = []
    for path in sorted(folder.rglob("*.txt")):
        try:
            text = read_path(path).clean
        except ReadError as exc:
            print(f"{path}: skipped ({exc})", file=sys.stderr)
            continue
        for sentence in re.split(r"[。；！？\n]", text):
            sentence = re.sub(r"\s+", "", sentence)
            if 8 <= len(sentence) <= 200:
                lines.append(" ".join(seg.cut(sentence)))
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="folder of report .txt files")
    ap.add_argument("-o", "--output", type=Path, required=True, help="model directory to write")
    ap.add_argument("--iterations", type=int, default=10)
    ap.add_argument("--lines", type=Path, help="already segmented lines (space-separated words) to train on")
    args = ap.parse_args(argv)
    lines = args.lines.read_text(encoding="utf-8").splitlines() if args.lines else segmented_lines(args.corpus)
    train_pkuseg(lines, args.output, args.iterations)
    print(f"{args.output}: pkuseg model trained on {len(lines)} lines", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
