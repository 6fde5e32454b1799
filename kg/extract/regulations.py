"""Documents named in a report: 《》 titles (with nested inner titles) and their role, cited or issued.

The role is read from the clause before the title: an issuing verb (印发, 制定, 出台 …, from
``kg/data/regulation_verbs.txt``) nearest to the title makes the report's government its issuer; a citing verb
(贯彻, 落实, 依据 …) or none makes it cited.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.model import RegulationMention
from kg.read import Document
from kg.resources import data_lines
from kg.titles import normalise_title

MAX_TITLE = 160
_INNER = re.compile(r"[<〈＜‹]([^<>〈〉＜＞‹›《》\n]{2,120})[>〉＞›]")
_CLAUSE_END = "。；;！？!?\n"


@lru_cache(maxsize=1)
def _verbs() -> tuple[re.Pattern[str], re.Pattern[str]]:
    issue, cite = [], []
    for line in data_lines("regulation_verbs.txt"):
        role, _, verb = line.partition(" ")
        (issue if role == "issued" else cite).append(re.escape(verb.strip()))
    by_len = lambda xs: sorted(xs, key=len, reverse=True)  # noqa: E731
    return re.compile("|".join(by_len(issue))), re.compile("|".join(by_len(cite)))


def find_titles(text: str) -> list[tuple[int, int, int | None]]:
    """(start, end, parent) of every 《…》 in text, brackets included; nested 《》 get their parent's index.

    A bounded scan, not a regex: an unbalanced 《 never makes it look further than MAX_TITLE characters.
    """
    out: list[tuple[int, int, int | None]] = []
    stack: list[int] = []  # start positions of open 《
    for i, ch in enumerate(text):
        if ch == "《":
            if stack and i - stack[0] > MAX_TITLE:
                stack.clear()
            stack.append(i)
        elif ch == "》" and stack:
            start = stack.pop()
            if i - start <= MAX_TITLE:
                out.append((start, i + 1, len(stack)))  # depth for now
        elif ch == "\n" and stack and text[stack[-1] : i].count("\n") >= 2:
            stack.clear()  # a title never spans paragraphs; the reader already joined page breaks
    out.sort()
    # turn depth into the index of the enclosing title
    result: list[tuple[int, int, int | None]] = []
    for idx, (start, end, depth) in enumerate(out):
        parent = None
        if depth:
            for j in range(idx - 1, -1, -1):
                if out[j][0] < start and out[j][1] >= end:
                    parent = j
                    break
        result.append((start, end, parent))
    return result


def role_before(text: str, start: int) -> str:
    """'issued' if the nearest role verb in the clause before ``start`` is an issuing verb, else 'cited'."""
    lo = start
    while lo > 0 and text[lo - 1] not in _CLAUSE_END and start - lo < 80:
        lo -= 1
    clause = re.sub(r"《[^《》]*》", lambda m: "_" * len(m.group()), text[lo:start])
    issue_re, cite_re = _verbs()
    last_issue = max((m.end() for m in issue_re.finditer(clause)), default=-1)
    last_cite = max((m.end() for m in cite_re.finditer(clause)), default=-1)
    return "issued" if last_issue > last_cite else "cited"


def categorise(title: str) -> str:
    """Whether a title names a regulation or something else (a report, a project …)."""
    if re.search(r"(?:年度?|年).{0,30}(?:法治政府建设|依法行政).{0,20}(?:报告|情况)$", title) or title.endswith(
        "工作报告"
    ):
        return "report"
    if re.search(r"项目(?:（[^）]*）)?$", title):
        return "project"
    if re.search(r"(?:流程图|登记表|申请表|统计表)$", title):
        return "other"
    return "regulation"


def extract_regulations(doc: Document) -> list[RegulationMention]:
    text = doc.clean
    mentions: list[RegulationMention] = []
    index_of: dict[int, int] = {}  # title list index → mention index
    titles = find_titles(text)
    for idx, (start, end, parent) in enumerate(titles):
        inner = text[start + 1 : end - 1]
        if not inner.strip():
            continue
        title = normalise_title(inner)
        role = role_before(text, start) if parent is None else "cited"
        index_of[idx] = len(mentions)
        mentions.append(
            RegulationMention(
                span=doc.span(start, end),
                title=title,
                role=role,
                parent=index_of.get(parent) if parent is not None else None,
                category=categorise(title),
            )
        )
        if parent is None:
            outer_index = len(mentions) - 1
            for m in _INNER.finditer(inner):
                s = start + 1 + m.start()
                mentions.append(
                    RegulationMention(
                        span=doc.span(s, s + len(m.group())),
                        title=normalise_title(m.group(1)),
                        role="cited",
                        parent=outer_index,
                        category=categorise(m.group(1)),
                    )
                )
    return mentions
