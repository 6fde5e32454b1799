"""Example sentences for the regulations' tooltips: where in the reports each regulation is cited, cut from the
build's ``texts/<report>.txt`` around the mention's offsets, so that a reader sees the citation in context
without opening the report."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pyoxigraph

from kg.analyse import ReportRow, all_reports
from kg.lang.zh import SENTENCE_ENDS
from kg.rdf.store import select

SENTENCE_END = SENTENCE_ENDS

_MENTIONS = """
SELECT ?reg ?report ?start ?end ?text WHERE {
  ?m a kg:Mention ; kg:denotes ?reg ; kg:inReport ?report . ?reg a kg:Regulation .
  OPTIONAL { ?m kg:start ?start } OPTIONAL { ?m kg:end ?end } OPTIONAL { ?m kg:text ?text }
}
"""


def sentence_around(text: str, start: int, end: int, limit: int = 90) -> str:
    """The sentence of ``text`` holding ``text[start:end]`` (from the previous 。！？； or line break to the
    next), cut to about ``limit`` characters around the span with "…".

    >>> sentence_around("一是学习。二是贯彻《纲要》，印发办法。三是", 7, 11)
    '二是贯彻《纲要》，印发办法。'
    """
    left = max((text.rfind(c, 0, start) for c in SENTENCE_END), default=-1) + 1
    ends = [i for i in (text.find(c, end) for c in SENTENCE_END) if i >= 0]
    right = min(ends) + 1 if ends else len(text)
    s, e = left, right
    prefix = suffix = ""
    if e - s > limit:
        room = max(0, limit - (end - start)) // 2
        if start - s > room:
            s, prefix = start - room, "…"
        if e - end > limit - (end - s):
            e, suffix = end + max(0, limit - (end - s)), "…"
    return (prefix + text[s:e].strip() + suffix).replace("\n", " ")


def example_sentences(
    store: pyoxigraph.Store,
    texts_dir: Path | None,
    regulations: set[str],
    per: int = 3,
    *,
    reports: list[ReportRow] | None = None,
) -> dict[str, list[tuple[str, str]]]:
    """Up to ``per`` (sentence, report title) pairs for each regulation in ``regulations``, one per report
    first (reports in title order, mentions in text order). The sentence is cut from ``texts_dir/<report>.txt``
    around the mention's offsets when that file exists and agrees with the mention's text; else it is the
    mention text itself."""
    if per <= 0 or not regulations:
        return {}
    reports = all_reports(store) if reports is None else reports
    titles = {r.report: r.label + (f" ({r.year})" if r.year else "") for r in reports}
    by_reg: dict[str, list[dict]] = defaultdict(list)
    for row in select(store, _MENTIONS):
        if row["reg"] in regulations:
            by_reg[row["reg"]].append(row)
    text_of = _text_reader(texts_dir)
    out = {}
    for reg, rows in sorted(by_reg.items()):
        rows = sorted(
            rows,
            key=lambda r: (titles.get(r["report"], r["report"]), r["report"], int(r["start"] or 0), r["text"] or ""),
        )
        picked = _one_per_report_first(rows, per)
        out[reg] = [(_sentence(r, text_of(r["report"])), titles.get(r["report"], r["report"])) for r in picked]
    return out


def _text_reader(texts_dir: Path | None) -> Callable[[str], str | None]:
    """A reader of reports' texts that opens each file once, and only for the reports an example is taken from."""
    texts: dict[str, str | None] = {}

    def text_of(report: str) -> str | None:
        if report not in texts:
            texts[report] = None
            if texts_dir is not None:
                p = Path(texts_dir) / (report.rsplit("report-", 1)[-1] + ".txt")
                if p.is_file():
                    texts[report] = p.read_text(encoding="utf-8")
        return texts[report]

    return text_of


def _one_per_report_first(rows: list[dict], per: int) -> list[dict]:
    """Up to ``per`` of ``rows``: the first of each report, then the second of each, and so on, so that the
    examples show how different reports cite a regulation before showing one report twice.

    >>> rows = [{"report": "a", "n": 1}, {"report": "a", "n": 2}, {"report": "b", "n": 3}]
    >>> [r["n"] for r in _one_per_report_first(rows, 2)]
    [1, 3]
    """
    per_report: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        per_report[r["report"]].append(r)
    picked: list[dict] = []
    depth = 0
    while len(picked) < per and any(len(v) > depth for v in per_report.values()):
        picked += [v[depth] for v in per_report.values() if len(v) > depth][: per - len(picked)]
        depth += 1
    return picked


def _sentence(row: dict, text: str | None) -> str:
    """The sentence around a mention, or the mention's own text when the report's text is missing or does not
    agree with the mention's offsets (a text file from another build)."""
    surface = row["text"] or ""
    if text is not None and row["start"] is not None and row["end"] is not None:
        s, e = int(row["start"]), int(row["end"])
        if 0 <= s <= e <= len(text) and (not surface or text[s:e] == surface):
            surface = sentence_around(text, s, e)
    return surface
