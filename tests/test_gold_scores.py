"""The extractors, scored by kg eval against the hand-made gold, may not fall below the floors of
tests/gold/thresholds.json (one place for all of them)."""

import json
from pathlib import Path

import pytest

from kg.evaluate import CATEGORIES, evaluate

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
SETS = {
    "seeds": (GOLD / "seeds", ROOT / "seeds"),
    "dev": (GOLD / "dev", GOLD / "dev" / "docs"),
    "test": (GOLD / "test", GOLD / "test" / "docs"),
}
ALLOWED = ("sd", "ln", "jl", "nm", "qh", "xz", "nx", "sx", "hn")  # 山东 辽宁 吉林 内蒙古 青海 西藏 宁夏 山西 河南
THRESHOLDS = json.loads((GOLD / "thresholds.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def summaries():
    return {name: evaluate(gold, docs).summary() for name, (gold, docs) in SETS.items()}


@pytest.fixture(params=sorted(SETS))
def scored(request, summaries):
    return request.param, summaries[request.param]


def test_scores_do_not_fall_below_their_floors(scored):
    name, summary = scored
    got = {c: summary[c]["f1"] for c in CATEGORIES} | {k: v for k, v in summary.items() if k.endswith("accuracy")}
    below = {k: (got[k], floor) for k, floor in THRESHOLDS[name].items() if got[k] < floor}
    assert not below, f"{name}: scores below their floors (got, floor): {below}"


def test_every_gold_file_has_its_document(scored):
    name, summary = scored
    gold, docs = SETS[name]
    assert summary["reports"] == len(list(gold.glob("*.json")))
    assert all((docs / f"{g.stem}.txt").is_file() for g in gold.glob("*.json"))


def test_measures_beat_taking_every_quoted_phrase(scored):
    name, summary = scored
    assert summary["measures"]["f1"] > summary["baseline_measures"]["f1"], name


def _stems(split: str) -> list[str]:
    return sorted(g.stem for g in (GOLD / split).glob("*.json"))


def _area(split: str, stem: str) -> str:
    issuer = json.loads((GOLD / split / f"{stem}.json").read_text(encoding="utf-8"))["issuer"]
    return (issuer.get("parent") or "") + issuer["name"]


def test_test_gold_is_frozen_real_reports_of_other_governments_than_dev_and_seeds():
    stems = _stems("test")
    assert len(stems) >= 40 and not [s for s in stems if s.endswith("-c")]
    assert {s.split("-")[0] for s in stems} <= set(ALLOWED)
    assert (GOLD / "test" / "FROZEN").is_file()
    test_areas = {_area("test", s) for s in stems}
    assert len(test_areas) == len(stems), "one government per report"
    others = {_area(split, s) for split in ("dev", "seeds") for s in _stems(split)}
    assert not test_areas & others, "a government of test/ is also in dev/ or seeds/"


def test_at_least_80_real_reports_between_dev_and_test():
    real = [s for split in ("dev", "test") for s in _stems(split) if not s.endswith("-c")]
    assert len(real) >= 80


def test_dev_gold_is_real_reports_of_the_allowed_provinces_with_at_most_a_third_composed():
    allowed = ALLOWED
    stems = [g.stem for g in (GOLD / "dev").glob("*.json")]
    composed = [s for s in stems if s.endswith("-c")]
    assert len(stems) >= 15 and len(composed) * 3 < len(stems)
    assert {s.split("-")[0] for s in stems} <= set(allowed)
    assert len({s.split("-")[0] for s in stems if s not in composed}) >= 6
    for stem in composed:
        notes = json.loads((GOLD / "dev" / f"{stem}.json").read_text(encoding="utf-8"))["notes"]
        assert notes.startswith("composed")


def test_the_readme_shows_todays_scores(summaries):
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from readme_eval import BLOCK, render  # noqa: PLC0415

    shown = BLOCK.search((ROOT / "README.md").read_text(encoding="utf-8")).group("body")
    assert shown == render(summaries), (
        "README.md's evaluation table is out of date: python scripts/readme_eval.py --update"
    )
