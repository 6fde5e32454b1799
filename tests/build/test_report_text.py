"""build-report.json is written without json's pure-Python indenting encoder (kg.build.report.report_text): the
text must be the one ``json.dumps(..., ensure_ascii=False, indent=2)`` gives, whatever the strings hold."""

from __future__ import annotations

import json
import random

from kg.build.report import report_text

AWKWARD = ["a", "中", '"', "\\", "\n", "\x00", "\x1f", "\x7f", "\u2028", "é", "/", " ", "\t", "😀", "\ufeff"]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(AWKWARD) for _ in range(rng.randint(0, 8)))


def test_the_report_text_is_json_dumps_with_an_indent_of_two():
    rng = random.Random(19)
    for _ in range(200):
        files = [
            {
                "file": _text(rng),
                "status": rng.choice(["built", "skipped"]),
                "reason": _text(rng),
                "report": rng.choice([None, _text(rng)]),
                "encoding": rng.choice([None, "utf-8"]),
                "format": rng.choice([None, "txt"]),
            }
            for _ in range(rng.randint(0, 4))
        ]
        report = {"extractor_version": "1", "summary": {"reports": 2}, "notes": [_text(rng)], "files": []}
        expected = json.dumps({**report, "files": files}, ensure_ascii=False, indent=2) + "\n"
        assert report_text(report, files) == expected
