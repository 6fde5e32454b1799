"""Named policy measures: phrases in “” that look like a measure or slogan.

A quoted phrase is a candidate when it is short, contains no 的 and no digits-only text, and is not a title.
Variants are unified (双随机一公开 → 双随机、一公开; a trailing 改革/工作 is dropped when the name stands alone).
"""

from __future__ import annotations

import re

from kg.model import MeasureMention
from kg.read import Document

_QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』\n]{2,16})[”\"」』]")
_TRAILING = re.compile(r"(?:改革|工作|活动|行动|制度|机制|模式)$")
_NOT_MEASURE = re.compile(r"的|[0-9]{4}|^[\d.%]+$|[《》，。；：？！]")


def canonical_measure(label: str) -> str:
    t = label.strip()
    if "、" not in t and re.fullmatch(r"双随机一公开", t):
        t = "双随机、一公开"
    if len(t) > 4 and _TRAILING.search(t):
        stem = _TRAILING.sub("", t)
        if len(stem) >= 2:
            return stem
    return t


def extract_measures(doc: Document) -> list[MeasureMention]:
    out: list[MeasureMention] = []
    for m in _QUOTED.finditer(doc.clean):
        phrase = m.group(1)
        if _NOT_MEASURE.search(phrase):
            continue
        out.append(MeasureMention(span=doc.span(m.start(1), m.end(1)), label=canonical_measure(phrase)))
    return out
