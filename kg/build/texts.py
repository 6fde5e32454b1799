"""``texts/`` of an output folder: each report's decoded text, which the graph's mentions index into (a mention's
span is a range of ``texts/<report>.txt``), copied from the cache without decoding."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from kg.fsutil import atomic_write, atomic_write_bytes

if TYPE_CHECKING:
    from kg.build.parts import ReportPart


def write_texts(texts: Path, parts: list[ReportPart], added: list[Path]) -> set[str]:
    """``texts/<report>.txt`` for every report (rewritten only when its size differs); returns their names, and
    appends to ``added`` each file that was not there before."""
    texts.mkdir(parents=True, exist_ok=True)
    wanted, folder = set(), os.fspath(texts)
    for part in parts:
        name = f"{part.report_id}.txt"
        wanted.add(name)
        source = part.text_source()
        data = None if source else part.text().encode("utf-8")  # a build without a cache holds its texts
        size = part.cache.size(source) if source else len(data)
        try:
            if os.stat(os.path.join(folder, name)).st_size == size:  # (plain strings: a stat per report)
                continue
        except OSError:
            added.append(texts / name)
        path = texts / name
        if source:
            atomic_write(path, lambda out, s=source: _copy(s, out), binary=True)
        else:
            atomic_write_bytes(path, data)
    return wanted


def remove_old_texts(texts: Path, wanted: set[str]) -> None:
    """The texts of reports no longer in the graph (after the new graph is in place)."""
    for old in texts.glob("*.txt"):
        if old.name not in wanted:
            old.unlink(missing_ok=True)


def _copy(source: str, out) -> None:
    with open(source, "rb") as f:
        shutil.copyfileobj(f, out, 1 << 20)
