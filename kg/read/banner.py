"""A site's banner: the page's first line, naming the site's owner (某某县人民政府, 某某市司法局), set above the
page's navigation (首页 > 政务公开 > …, 当前位置：…, 索引号 …). It is page furniture — GUIDELINES: a name only in
the page's metadata is no mention — though the cleaning keeps it (a line of its own that names a body may also be
a report's heading: 某镇人民政府 / 关于2024年度法治政府建设的情况报告, which has no navigation under it)."""

from __future__ import annotations

import re

from kg.read.clean import CRUFT_MAX_LINE, is_cruft
from kg.read.headings import SENTENCE_MARK, is_report_title

BANNER_MAX = 24  # a site's name: 某某自治州某某县人民政府门户网站 fits, a sentence does not
_TITLE_LIKE = re.compile(r"[0-9０-９]|报告|情况|总结|关于")  # a year, a report's words: a title, not a site's name


def site_banner_end(text: str) -> int:
    """Where the banner ends in ``text`` (the original text: the navigation under it is there), or 0 when the
    page has none: its first non-blank line is short, names no year and is no report's title, and the next
    non-blank line is page furniture (a breadcrumb, a menu, a metadata field)."""
    lines, pos = [], 0
    for line in text[: 4 * CRUFT_MAX_LINE].split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line), line.strip()))
            if len(lines) == 2:
                break
        pos += len(line) + 1
    if len(lines) < 2:
        return 0
    (_, end, first), (_, _, second) = lines
    if len(first) > BANNER_MAX or SENTENCE_MARK.search(first) or _TITLE_LIKE.search(first) or is_report_title(first):
        return 0  # (a report's title on the first line, 某县人民政府2018年度…报告, is the report's)
    return end if is_cruft(second) and not is_cruft(first) else 0
