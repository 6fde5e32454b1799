"""Compare the two segmenter backends on the gold: organisation and measure F1 (through ``kg eval``) and cutting
speed, measured in one run (ratios, since the machines are shared and noisy).

spacy-pkuseg needs a model directory; without --pkuseg-model one is trained first from the seeds segmented by
jieba (``kg.segment.train_pkuseg``), which makes pkuseg imitate jieba's cuts — a model trained on a real segmented
corpus is a fairer opponent. Usage::

    python scripts/bench_segmenters.py [--pkuseg-model DIR] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from kg.evaluate import evaluate
from kg.read import read_path
from kg.segment import get_segmenter, train_pkuseg

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "seeds": (ROOT / "tests/gold/seeds", ROOT / "seeds"),
    "dev": (ROOT / "tests/gold/dev", ROOT / "tests/gold/dev/docs"),
}


def corpus_text() -> str:
    return "\n".join(read_path(p).clean for _, docs in SETS.values() for p in sorted(docs.glob("*.txt")))


def speed(name: str, model: str | None, text: str, repeat: int) -> tuple[float, float]:
    seg = get_segmenter(name, model)
    t = time.perf_counter()
    for _ in range(repeat):
        seg.cut(text)
    cut = len(text.encode("utf-8")) * repeat / (time.perf_counter() - t) / 1e6
    t = time.perf_counter()
    seg.tag(text)
    tag = len(text.encode("utf-8")) / (time.perf_counter() - t) / 1e6
    return cut, tag


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pkuseg-model", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-pkuseg-") as tmp:
        model = args.pkuseg_model
        if model is None:
            sys.path.insert(0, str(ROOT / "scripts"))
            from train_pkuseg import segmented_lines  # noqa: PLC0415

            model = train_pkuseg(segmented_lines(ROOT / "seeds"), Path(tmp), iterations=10)
            print("pkuseg model: trained here from the seeds segmented by jieba")
        text = corpus_text()
        print(f"corpus: {len(text.encode('utf-8')) / 1e6:.2f} MB of gold text")
        speeds = {}
        for name in ("jieba", "pkuseg"):
            m = str(model) if name == "pkuseg" else None
            cut, tag = speed(name, m, text, args.repeat)
            speeds[name] = cut
            scores = {s: evaluate(g, d, segmenter=name, model=m).summary() for s, (g, d) in SETS.items()}
            print(
                f"{name:7s} cut {cut:6.2f} MB/s  tag {tag:6.2f} MB/s  "
                + "  ".join(
                    f"{s}: organisations F1 {sc['organisations']['f1']:.3f}, measures F1 {sc['measures']['f1']:.3f}"
                    for s, sc in scores.items()
                )
            )
        print(f"pkuseg / jieba cutting speed: {speeds['pkuseg'] / speeds['jieba']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
