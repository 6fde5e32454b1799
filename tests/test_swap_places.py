"""scripts/swap_places.py: a gold report made to speak of another real place, text and gold alike — and the
extractors find the issuer of the swapped development reports as well as of the originals (what they find must
not depend on which places the development reports come from)."""

import json
import random
from pathlib import Path

from kg.evaluate import evaluate
from scripts.swap_places import main, swap_report

ROOT = Path(__file__).resolve().parent.parent


def gold(name: str, parent: str, level: str) -> dict:
    return {
        "id": "x",
        "issuer": {
            "name": name,
            "full_name": f"{parent}{name}人民政府",
            "level": level,
            "parent": parent,
            "province": "山东省",
        },
        "organisations": [{"name": f"{name}司法局"}],
        "notes": [f"{name} kept in notes"],
    }


def test_a_county_is_swapped_for_another_of_its_kind_with_its_prefecture_and_province():
    text = "临沂市兰陵县人民政府\n2023年，兰陵县坚持…县司法局会同兰陵有关部门，落实山东省和临沂市的部署。"
    new_gold, new_text = swap_report(gold("兰陵县", "临沂市", "county"), text, random.Random(1))
    issuer = new_gold["issuer"]
    assert issuer["name"].endswith("县") and issuer["name"] != "兰陵县" and issuer["parent"] != "临沂市"
    assert issuer["full_name"] == f"{issuer['parent']}{issuer['name']}人民政府"
    assert not any(old in new_text for old in ("兰陵", "临沂", "山东"))
    assert new_text.startswith(issuer["full_name"]) and new_gold["organisations"] == [
        {"name": f"{issuer['name']}司法局"}
    ]
    assert new_gold["notes"] == ["兰陵县 kept in notes"]


def test_a_province_report_is_left_as_it_is():
    g = gold("山东省", "", "province")
    assert swap_report(g, "山东省人民政府", random.Random(1)) is None


def test_the_swapped_development_reports_keep_their_issuer(tmp_path):
    out = tmp_path / "swapped"
    assert main([str(ROOT / "tests" / "gold" / "dev"), str(out), "--seed", "1"]) == 0
    swapped = sum(
        json.loads(p.read_text(encoding="utf-8"))
        != json.loads((ROOT / "tests/gold/dev" / p.name).read_text(encoding="utf-8"))
        for p in out.glob("*.json")
    )
    assert swapped >= 40
    original = evaluate(ROOT / "tests/gold/dev", ROOT / "tests/gold/dev/docs").summary()
    moved = evaluate(out, out / "docs").summary()
    assert moved["issuer_accuracy"] >= original["issuer_accuracy"] - 0.015  # at most one report in 70
    assert moved["organisations"]["f1"] >= original["organisations"]["f1"] - 0.02
