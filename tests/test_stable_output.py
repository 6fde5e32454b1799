"""Stable output on the seeds: the same reports give the same Turtle whatever the order and names of the input
files. IRIs come from content (kg/vocab.py), so renaming files may only change the file-name literals."""

import random
import shutil
from pathlib import Path

from kg.build import BuildOptions, build

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_files_given_one_by_one_in_shuffled_order_give_identical_bytes(seeds_out, tmp_path):
    files = sorted(SEEDS.glob("*.txt"))
    random.Random(8).shuffle(files)
    build(files, tmp_path / "out", BuildOptions(html=False))
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == (seeds_out / "graph.ttl").read_bytes()


def test_renamed_and_reordered_files_change_only_the_file_name_literals(seeds_out, tmp_path):
    originals = sorted(SEEDS.glob("*.txt"))
    renamed = {}
    folder = tmp_path / "in"
    for i, src in enumerate(reversed(originals)):  # the last seed becomes the first file, in a subfolder
        new = folder / f"batch-{i % 2}" / f"report-{i:02d}.txt"
        new.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, new)
        renamed[new.relative_to(folder).as_posix()] = src.name
    build([folder], tmp_path / "out", BuildOptions(html=False))
    text = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert all(f'"{new}"' in text for new in renamed)
    for new, old in renamed.items():
        text = text.replace(f'"{new}"', f'"{old}"')
    assert text == (seeds_out / "graph.ttl").read_text(encoding="utf-8")
