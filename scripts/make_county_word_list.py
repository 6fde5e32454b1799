"""Write kg/data/words_into_county_names.txt: common two-character words whose last character begins a
one-character county's name (示范 + 范县, 完成 + 成县, 提高 + 高县, 振兴 + 兴县).

Why: a county named by one character and its tier word (范县, 成县, 兴县) is spelt by accident wherever such a word
runs into 县 (创建示范县, 完成县委交办的任务, 振兴县域经济), and the report is then taken for that county's. The
words come from jieba's own dictionary (installed with the package, read offline), those of frequency 300 or more
whose last character begins such a name; kg.lang.areas.AreaTable.find reads the list. Run again after areas.csv
changes:

    python scripts/make_county_word_list.py
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parents[1]
MIN_FREQUENCY = 300
HEADER = """# Common two-character words whose last character begins a one-character county's name (示范 + 范县,
# 完成 + 成县): where one of them runs into such a name, the name is spelt by accident (创建示范县), not written (see
# kg.lang.areas.AreaTable.find). Made by scripts/make_county_word_list.py from jieba's dictionary (frequency >= 300)
# and kg/data/areas.csv; do not edit by hand.
"""


def words() -> list[str]:
    """The list, sorted."""
    with open(ROOT / "kg" / "data" / "areas.csv", encoding="utf-8") as f:
        firsts = {r["name"][0] for r in csv.DictReader(f) if len(r["name"]) == 2 and r["level"] == "county"}
    found = set()
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as f:
        for line in f:
            word, frequency, *_ = line.split()
            if len(word) == 2 and word[1] in firsts and int(frequency) >= MIN_FREQUENCY:
                found.add(word)
    return sorted(found)


OUT = ROOT / "kg" / "data" / "words_into_county_names.txt"


def main() -> int:
    listed = words()
    OUT.write_text(HEADER + "".join(f"{w}\n" for w in listed), encoding="utf-8")
    print(f"{OUT}: {len(listed)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
