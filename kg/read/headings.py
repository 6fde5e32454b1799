"""How a report's own lines look: a numbered heading (一、 （二） 3. 第四章) and the report's title. The cleaning
never joins either to the line after it (a long title is no paragraph broken by the layout), and the issuer's
finder reads them (:mod:`kg.extract.report_head`)."""

from __future__ import annotations

import re

# A numbered heading (一、 （二） 3. 第四章): never joined to its neighbours; the issuer finder uses it too.
HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十\d]+[章节部分])"
)
SENTENCE_MARK = re.compile(r"[，,。；;：:！？]")  # what a sentence holds and a title or a heading line does not
TITLE_WORDS = re.compile(r"法治|依法行政|依法治|普法|述法")  # and the reports of its kin: 普法, 依法治县, 述法
_TITLE_END = re.compile(r"(?:报告|情况|总结|工作要点|专项报告)$")


def is_report_title(line: str) -> bool:
    """Whether a line reads as a report's title: at most 80 characters, speaking of 法治 (or 依法行政, 普法, 述法),
    ending as a report does (报告, 情况, 总结, 工作要点), and no numbered heading."""
    return (
        len(line) <= 80
        and bool(TITLE_WORDS.search(line))
        and bool(_TITLE_END.search(line.rstrip("（）()")))
        and not HEADING.match(line)
    )
