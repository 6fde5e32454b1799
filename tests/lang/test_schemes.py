"""The scheme tables extraction reads agree with the SKOS Turtle they are generated from."""

import sys
from pathlib import Path

from kg.lang.schemes import TABLES, indicator_scheme, measure_scheme

ROOT = Path(__file__).resolve().parents[2]


def test_the_tables_are_generated_from_the_current_ontology():
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_scheme_tables import expected  # noqa: PLC0415

    for name in TABLES:
        assert (ROOT / "kg" / "data" / name).read_text(encoding="utf-8") == expected(name), (
            f"kg/data/{name} is stale: python scripts/build_scheme_tables.py"
        )


def test_concepts_are_named_by_local_ids_not_iris():
    ids = [c.id for c in (*measure_scheme(), *indicator_scheme())]
    assert ids and all(not i.startswith("http") and i.split("-", 1)[0] in ("measure", "indicator") for i in ids)


def test_coined_measures_and_indicator_units_survive_the_table():
    fangguanfu = next(c for c in measure_scheme() if c.pref_label == "放管服")
    assert fangguanfu.coined and "放管服改革" in fangguanfu.alt_labels or fangguanfu.coined
    assert all(c.unit for c in indicator_scheme())
