"""``kg eval``: precision, recall and F1 of a build of DOCS against gold annotations (kg.evaluate)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli.common import table


@click.command(name="eval")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option(
    "--docs",
    "docs_dir",
    type=click.Path(path_type=Path),
    required=True,
    help="Folder of the documents the gold annotates.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", "show_errors", is_flag=True, help="List every false positive and false negative.")
@click.option("--per-report/--no-per-report", default=True, show_default=True)
@click.option("--segmenter", type=click.Choice(["jieba", "pkuseg"]), default="jieba", show_default=True)
@click.option("--pkuseg-model", type=click.Path(path_type=Path))
def eval_(
    gold_dir: Path,
    docs_dir: Path,
    as_json: bool,
    show_errors: bool,
    per_report: bool,
    segmenter: str,
    pkuseg_model: Path | None,
) -> None:
    """Score the graph built from DOCS against the gold annotations in GOLD_DIR."""
    from kg.errors import KgError  # noqa: PLC0415
    from kg.evaluate import EvalError, evaluate  # noqa: PLC0415

    try:
        result = evaluate(
            gold_dir,
            docs_dir,
            segmenter=segmenter,
            model=str(pkuseg_model) if pkuseg_model else None,
            errors=show_errors,
        )
    except (EvalError, KgError) as exc:
        raise click.ClickException(str(exc)) from None
    data = result.as_dict()
    if as_json:
        if not show_errors:
            data.pop("errors")
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    _print_scores(gold_dir, data, per_report)
    if show_errors:
        for e in data["errors"]:
            click.echo(f"{e['report']}\t{e['category']}\t{e['kind']}\t{e['item']}\t{e['context']}")


def _print_scores(gold_dir: Path, data: dict, per_report: bool) -> None:
    from kg.evaluate import CATEGORIES  # noqa: PLC0415

    s = data["summary"]
    rows = [(c, s[c]) for c in CATEGORIES] + [("measures: every quoted phrase (baseline)", s["baseline_measures"])]
    table(
        f"{gold_dir}: {s['reports']} reports (micro)",
        ["", "precision", "recall", "F1", "tp", "fp", "fn"],
        [
            [c, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}", v["tp"], v["fp"], v["fn"]]
            for c, v in rows
        ],
    )
    click.echo(
        f"role accuracy {s['role_accuracy']:.3f}   canonical title accuracy {s['canonical_accuracy']:.3f}   "
        f"issuer accuracy {s['issuer_accuracy']:.3f}   issuer name accuracy {s['issuer_name_accuracy']:.3f}   "
        f"year accuracy {s['year_accuracy']:.3f}"
    )
    if per_report:
        table(
            "Per report (F1)",
            ["report", *CATEGORIES, "roles", "issuer", "year"],
            [
                [
                    r["report"],
                    *(f"{r[c]['f1']:.2f}" for c in CATEGORIES),
                    r["roles"],
                    "✓" if r["issuer"] else "✗",
                    "✓" if r["year"] else "✗",
                ]
                for r in data["per_report"]
            ],
        )
