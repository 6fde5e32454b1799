"""Named bodies: a known ending (``kg/data/org_suffixes.txt``: 司法局, 人民法院, 委员会 …) extended to the left by
the name words before it (segmenter POS: nouns, place names), within the clause.

Generic collectives (各部门, 有关单位) have no name before their ending and are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.model import OrganisationMention
from kg.read import Document
from kg.resources import data_lines
from kg.segment import Segmenter

_LEFT = 12
_STOP_CHARS = set("。；;！？!?\n，,：:、（）()“”《》 的和与及或在对向于把被将从")
_GENERIC_START = ("各", "有关", "相关", "该", "本", "全", "其", "等", "各级", "上级", "下级")
_NAME_TAGS = ("n", "ns", "nt", "nz", "j", "vn", "an")
_LEVEL_PREFIX = re.compile(r"^(?:区|县|市|镇|乡|省|旗|自治区|街道)$")


@lru_cache(maxsize=1)
def _suffix_re() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(s) for s in sorted(data_lines("org_suffixes.txt"), key=len, reverse=True)))


def _name_before(text: str, start: int, segmenter: Segmenter | None) -> str:
    lo = start
    while lo > 0 and start - lo < _LEFT and text[lo - 1] not in _STOP_CHARS:
        lo -= 1
    left = text[lo:start]
    if not left:
        return ""
    if segmenter is None:
        return left
    picked: list[str] = []
    for word, flag in reversed(segmenter.tag(left)):
        if flag.startswith(_NAME_TAGS) or _LEVEL_PREFIX.match(word) or word in ("中共", "委"):
            picked.append(word)
        else:
            break
    return "".join(reversed(picked))


def extract_organisations(doc: Document, segmenter: Segmenter | None = None) -> list[OrganisationMention]:
    text = doc.clean
    out: list[OrganisationMention] = []
    last_end = -1
    for m in _suffix_re().finditer(text):
        if m.start() < last_end:
            continue
        prefix = _name_before(text, m.start(), segmenter)
        name = prefix + m.group()
        if not prefix or prefix.startswith(_GENERIC_START):
            continue
        start = m.start() - len(prefix)
        out.append(OrganisationMention(span=doc.span(start, m.end()), name=name))
        last_end = m.end()
    return out
