"""``kg eval``: score what the graph says against hand-made gold annotations (tests/gold/GUIDELINES.md).

The documents are built through the same code as ``kg build`` and the results are read back from the written
Turtle with SPARQL — never from the extractors' internal objects — so what is scored is what users get.

Matching (``../shared/design/gold-format.md``):
* regulations: a gold entry matches a regulation the report refers to when its canonical title, or its surface
  form, equals the node's label, one of its altLabels, or one of the report's mention texts of it, after
  unifying brackets, dashes, spaces and 《》 (:func:`kg.lang.titles.match_key`); one-to-one;
* figures: (value, unit) multisets per report;
* measures and organisations: the gold name equals the node's label, an altLabel or a mention text (spaces and
  quotes ignored); one-to-one;
* role accuracy over matched regulations; issuer (area and kind of body) and year accuracy per report.
"""

from __future__ import annotations

import json
from pathlib import Path

from kg.build import build_graph
from kg.errors import EvalError
from kg.evaluate.graph_view import graph_view
from kg.evaluate.results import CATEGORIES, ErrorItem, EvalResult, ReportScore, Score
from kg.evaluate.scoring import score_report

__all__ = [
    "CATEGORIES",
    "FROZEN",
    "ErrorItem",
    "EvalError",
    "EvalResult",
    "ReportScore",
    "Score",
    "evaluate",
    "load_gold",
    "score_report",
]


def load_gold(gold_dir: Path) -> list[dict]:
    files = sorted(Path(gold_dir).glob("*.json"))
    if not files:
        raise EvalError(f"{gold_dir}: no gold files (*.json)")
    out = []
    for f in files:
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise EvalError(f"{f}: not readable gold JSON ({exc})") from None
        data.setdefault("id", f.stem)
        out.append(data)
    return out


FROZEN = "FROZEN"
"""A gold folder holding this file is a held-out split: it is scored, but its errors are never listed."""


def evaluate(
    gold_dir: Path,
    docs_dir: Path,
    *,
    segmenter: str | None = None,
    model: str | None = None,
    jobs: int = 1,
    errors: bool = False,
) -> EvalResult:
    """Build ``docs_dir`` in memory and score its graph against every gold file; with ``errors``, list every
    false positive and negative (refused for a frozen split: tests/gold/README.md)."""
    if errors and (Path(gold_dir) / FROZEN).is_file():
        raise EvalError(f"{gold_dir}: a frozen split (it holds {FROZEN}); it is scored, its errors are not listed")
    gold = load_gold(gold_dir)
    docs_dir = Path(docs_dir)
    if not docs_dir.is_dir():
        raise EvalError(f"{docs_dir}: no such folder of documents")
    graph = build_graph([docs_dir], segmenter=segmenter, model=model, jobs=jobs)
    view = graph_view(graph.store)
    by_stem = {rep["stem"]: rep for rep in view.values()}
    reports: list[ReportScore] = []
    found: list[ErrorItem] = []
    for g in gold:
        doc = next(iter(sorted(docs_dir.glob(f"{g['id']}.*"))), None)
        text = doc.read_text(encoding="utf-8", errors="replace") if doc else None
        if g["id"] not in by_stem:
            found.append(ErrorItem(g["id"], "report", "fn", "report missing from the graph"))
        rs, errs = score_report(g, by_stem.get(g["id"]), text)
        reports.append(rs)
        found += errs
    return EvalResult(reports, found if errors else [])
