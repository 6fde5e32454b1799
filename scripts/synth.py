"""A synthetic corpus for benchmarks: reports recombined from paragraphs of real ones.

Each synthetic report names a county-level area and a year drawn at random (seeded), opens with that area's
government and a title, and continues with paragraphs taken from the source reports (``seeds/*.txt`` and, where
present, ``tests/gold/dev/docs/*.txt``), in which the source's own area names and years are replaced by the
synthetic report's. The texts are realistic for the extractors (the same sentences, titles, figures and bodies as
real reports), vary from report to report (so each is its own report, with its own hash), and are generated
into a folder the caller chooses: they are never committed.

Used by ``scripts/bench.py``; runnable alone: ``python scripts/synth.py OUTDIR --docs 100``.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.lang.areas import Area, area_table  # noqa: E402

SOURCE_GLOBS = ("seeds/*.txt", "tests/gold/dev/docs/*.txt")
_YEAR = re.compile(r"(20[0-2]\d)(?=\s*年)")
_TITLE = re.compile(r"(《[^《》]*》)")
_MIN_PARAGRAPH = 12  # characters: shorter lines (a lone date, a page number) carry nothing worth recombining


@dataclass
class Source:
    name: str
    paragraphs: list[str]
    names: dict[str, str]  # area name in the source → level (county | prefecture | province)
    year: int  # the source's most frequent year


def _source(path: Path) -> Source:
    text = path.read_text(encoding="utf-8")
    table = area_table()
    names: dict[str, str] = {}
    for _, _, name in table.find(text):
        areas = table.lookup(name)
        if areas:
            names[name] = areas[0].level
    years = Counter(_YEAR.findall(text))
    year = int(years.most_common(1)[0][0]) if years else 2021
    paragraphs = [p.strip() for p in text.split("\n") if len(p.strip()) >= _MIN_PARAGRAPH]
    return Source(path.name, paragraphs, names, year)


def load_sources(root: Path = ROOT) -> list[Source]:
    paths = sorted(p for pattern in SOURCE_GLOBS for p in root.glob(pattern))
    if not paths:
        raise SystemExit(f"no source reports under {root} ({', '.join(SOURCE_GLOBS)})")
    return [_source(p) for p in paths]


def _counties() -> list[tuple[Area, Area, Area]]:
    """(county, prefecture, province) triples of current county-level areas."""
    table = area_table()
    out = []
    for area in sorted(table.by_code.values(), key=lambda a: a.code):
        if area.level != "county" or not area.current:
            continue
        chain = table.chain(area)
        if len(chain) == 3 and chain[1].level == "prefecture":
            out.append((area, chain[1], chain[0]))
    return out


def _rewrite(paragraph: str, source: Source, target: dict[str, str], year: int) -> str:
    for name, level in sorted(source.names.items(), key=lambda kv: -len(kv[0])):
        paragraph = paragraph.replace(name, target[level])
    delta = year - source.year
    # years inside a title (《…纲要（2021—2025年）》) belong to the title: only the report's own years move
    parts = _TITLE.split(paragraph)
    return "".join(p if p.startswith("《") else _YEAR.sub(lambda m: str(int(m.group(1)) + delta), p) for p in parts)


def make_report(
    rng: random.Random,
    sources: list[Source],
    counties: list[tuple[Area, Area, Area]],
    min_chars: int = 3000,
    max_chars: int = 9000,
) -> str:
    """One synthetic report of roughly ``min_chars``–``max_chars`` characters (about 3 bytes each in UTF-8)."""
    county, prefecture, province = rng.choice(counties)
    year = rng.randint(2015, 2024)
    target = {"county": county.name, "prefecture": prefecture.name, "province": province.name}
    size = rng.randint(min_chars, max_chars)
    lines = [
        f"{prefecture.name}{county.name}人民政府",
        f"{county.name}{year}年法治政府建设情况报告",
        "",
        f"{year}年，{county.name}坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下：",
    ]
    length = sum(len(ln) for ln in lines)
    while length < size:
        source = rng.choice(sources)
        start = rng.randrange(len(source.paragraphs))
        for paragraph in source.paragraphs[start : start + rng.randint(1, 6)]:
            lines.append(_rewrite(paragraph, source, target, year))
            length += len(lines[-1])
    lines += [f"{prefecture.name}{county.name}人民政府", f"{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日", ""]
    return "\n\n".join(lines)


def generate(outdir: Path, docs: int, seed: int = 10, root: Path = ROOT) -> tuple[list[Path], int]:
    """Write ``docs`` reports into ``outdir`` (in subfolders of 1,000); returns their paths and total bytes."""
    rng = random.Random(seed)
    sources = load_sources(root)
    counties = _counties()
    paths, total = [], 0
    for i in range(docs):
        path = outdir / f"{i // 1000:03d}" / f"r{i:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = make_report(rng, sources, counties).encode("utf-8")
        path.write_bytes(data)
        paths.append(path)
        total += len(data)
    return paths, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args()
    paths, total = generate(args.outdir, args.docs, args.seed)
    print(f"{len(paths)} reports, {total / 1e6:.1f} MB → {args.outdir}")


if __name__ == "__main__":
    main()
