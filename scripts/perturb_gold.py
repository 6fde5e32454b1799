"""Copies of a gold folder changed the way unseen reports differ from the development reports, gold alike.

Why: the product is judged on reports from other places and other web sites. A rule that holds there must not
lean on what the development reports happen to share. Each mode changes every report in one such way and rewrites
its gold to match, so scoring the copy beside the original (``kg eval``) shows what the extractors depend on:

* ``places`` — every county-level or prefecture-level report speaks of another real area of its kind (a 县 for a
  县, a 旗 for a 旗, a 州 for a 州) in another province, its prefecture and province swapped alike (names from
  ``kg/data/areas.csv``, never text of another province's report). Reports of a province, and reports whose
  places share a short name (安阳县 in 安阳市), are copied unchanged.
* ``portal`` — the page is carried by its superior's portal: the province's government on a line of its own,
  the superior's site name and a breadcrumb above the text, links to sibling governments and the site's host
  below (what a crawl of a city's portal returns). The province on the first line, above the navigation, is the
  page's banner: furniture, no mention (GUIDELINES: a name only in the page's metadata), so the gold is unchanged.
* ``wrap`` — every paragraph hard-wrapped at 28 characters, the line of an official document (GB/T 9704), as
  text taken from a PDF comes.
* ``headless`` — the page lost what stood above the first paragraph and the short lines after the last (title,
  heading, signature), as when a crawler keeps only the article body: the issuer must then come from the text,
  or not at all — a report left without an issuer is honest, one given another's is not.
* ``quotes`` — quotation marks as other sites type them: straight ASCII quotes ("放管服") in one report, corner
  brackets (「放管服」) in the next.
* ``peers`` — the report names its peers (other areas below the same superior) as reports do: one visits
  (某某区司法局到我区考察交流), one is ranked beside it (某某区和我区并列第一), and a list of governments, its own
  among them, is commended after the first paragraph. None of them is the issuer; their bodies join the gold's.
* ``superiors`` — the opening starts by naming the superior whose arrangements it follows (根据某某市全面依法治市
  委员会办公室的统一部署，), and the page sits under the superior city's portal line (某某市人民政府办公室主办).
* ``salutation`` — the report is sent up: its superior's government stands alone on a line before the first
  paragraph (某某市人民政府：), whom the report is addressed to; it joins the gold's bodies.

    python scripts/perturb_gold.py tests/gold/dev /tmp/portal --mode portal
    python -m kg eval /tmp/portal --docs /tmp/portal/docs
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.lang.areas import Area, area_table, is_zone  # noqa: E402


def _kind(area: Area) -> str:
    """What a swapped area must share with the original: its level, the last character of its name, and whether
    it is a development zone (a zone for a zone: 某某高新区 is no 县)."""
    return f"{area.level}{area.name[-1]}{'zone' if is_zone(area) else ''}"


def _province(area: Area) -> Area:
    table = area_table()
    return table.chain(area)[-1] if table.chain(area) else area


def _names(area: Area | None) -> list[str]:
    if area is None:
        return []
    return [area.name] + ([area.short] if area.short and len(area.short) >= 2 else [])


def _find(name: str, parent: str | None) -> Area | None:
    found = [a for a in area_table().lookup(name) if a.current and a.level != "province"]
    if parent:
        found = [a for a in found if any(p.name == parent for p in area_table().chain(a))] or found
    return found[0] if found else None


def mapping(own: Area, rng: random.Random, text: str) -> dict[str, str] | None:
    """Old name → new name for the area, its prefecture and its province; None when they cannot be told apart."""
    table = area_table()
    chain = [own, *table.chain(own)]
    chain = [a for i, a in enumerate(chain) if a not in chain[:i]]
    olds = [name for a in chain for name in _names(a)]
    if len(set(olds)) < len(olds) or any(a != b and a in b for a in olds for b in olds if len(a) < 2):
        return None
    province = _province(own).code
    pool = [
        a
        for a in table.by_code.values()
        if a.current and _kind(a) == _kind(own) and _province(a).code != province and a.short and a.name not in text
    ]
    if not pool:
        return None
    target = rng.choice(sorted(pool, key=lambda a: a.code))
    new_chain = [target, *table.chain(target)]
    new_chain = [a for i, a in enumerate(new_chain) if a not in new_chain[:i]]
    if len(new_chain) != len(chain):
        return None
    out: dict[str, str] = {}
    for alias, areas in table.by_alias.items():  # 东乌旗, 海西州: the new area's full name stands for them
        for old, new in zip(chain, new_chain, strict=True):
            if old in areas and alias not in olds:
                out[alias] = new.name
    for old, new in zip(chain, new_chain, strict=True):
        out[old.name] = new.name
        if old.short and len(old.short) >= 2:
            out[old.short] = new.short or new.name
    return out


def swap(value, pattern: re.Pattern[str], names: dict[str, str]):
    """The value (text, or gold JSON of lists and dicts) with every old name replaced, longest names first."""
    if isinstance(value, str):
        return pattern.sub(lambda m: names[m.group()], value)
    if isinstance(value, list):
        return [swap(v, pattern, names) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in ("id", "notes") else swap(v, pattern, names)) for k, v in value.items()}
    return value


def swap_report(gold: dict, text: str, rng: random.Random) -> tuple[dict, str] | None:
    issuer = gold.get("issuer") or {}
    if issuer.get("level") == "province":
        return None
    own = _find(issuer.get("name", ""), issuer.get("parent"))
    names = mapping(own, rng, text) if own is not None else None
    if not names:
        return None
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    return swap(gold, pattern, names), swap(text, pattern, names)


def _superiors(gold: dict) -> tuple[str, str, list[str]] | None:
    """(province, the superior's name, sibling areas) of a report below a province, or None."""
    issuer = gold.get("issuer") or {}
    own = _find(issuer.get("name", ""), issuer.get("parent"))
    if own is None or issuer.get("level") == "province":
        return None
    table = area_table()
    chain = table.chain(own)
    superior = chain[-2] if len(chain) >= 2 else chain[0]
    siblings = sorted(
        (a for a in table.by_code.values() if a.current and a.parent == superior.code), key=lambda a: a.code
    )
    return chain[0].name, superior.name, [a.name for a in siblings if a.code != own.code][:4]


def _first_paragraph(lines: list[str]) -> int:
    """The index of the first body paragraph: the first line of over 60 characters with a comma."""
    return next((i for i, line in enumerate(lines) if len(line) > 60 and re.search("[，,]", line)), 0)


def _add_bodies(gold: dict, names: list[str]) -> dict:
    """A copy of ``gold`` whose organisations include ``names`` (the bodies a mode writes into the text)."""
    gold = json.loads(json.dumps(gold))
    bodies = gold.setdefault("organisations", [])
    bodies += [n for n in names if n not in bodies]
    return gold


def portal_report(gold: dict, text: str, rng: random.Random) -> tuple[dict, str] | None:
    found = _superiors(gold)
    if found is None:
        return None
    province, superior, siblings = found
    head = f"{province}人民政府\n{superior}人民政府门户网站\n首页 > 政务公开 > 法治政府建设\n"
    foot = f"\n相关链接：{'　'.join(n + '人民政府' for n in siblings)}\n主办：{superior}人民政府办公室\n"
    return gold, head + text + foot


def peers_report(gold: dict, text: str, rng: random.Random) -> tuple[dict, str] | None:
    found = _superiors(gold)
    issuer = gold.get("issuer") or {}
    if found is None or len(found[2]) < 2 or issuer.get("level") == "department":
        return None
    _, _, siblings = found
    own = _find(issuer.get("name", ""), issuer.get("parent"))
    tier = own.name[-1]
    visitor, beside = rng.sample(siblings, 2)
    lines = text.split("\n")
    at = _first_paragraph(lines)
    lines[at] += f"今年以来，{visitor}司法局到我{tier}考察交流法治政府建设工作，"
    lines[at] += f"在年度考核中，{beside}和我{tier}并列第一。"
    listed = [f"{beside}人民政府", f"{own.name}人民政府"]
    lines.insert(at + 1, f"{'、'.join(listed)}被评为法治政府建设示范单位。")  # after a whole paragraph
    return _add_bodies(gold, [f"{visitor}司法局", *listed]), "\n".join(lines)


def superiors_report(gold: dict, text: str, rng: random.Random) -> tuple[dict, str] | None:
    found = _superiors(gold)
    if found is None or (gold.get("issuer") or {}).get("level") == "department":
        return None
    province, superior, _ = found
    if superior == province:
        return None  # a prefecture's superior is its province: its portal is the portal mode's
    office = f"{superior}全面依法治市委员会办公室"
    lines = text.split("\n")
    at = _first_paragraph(lines)
    lines[at] = f"根据{office}的统一部署，" + lines[at]
    return _add_bodies(gold, [office]), f"{superior}人民政府办公室主办\n" + "\n".join(lines)


def salutation_report(gold: dict, text: str, rng: random.Random) -> tuple[dict, str] | None:
    """A report sent up: its superior's government named alone on a line before the first paragraph
    (某某市人民政府：), as the reports a county submits to its city begin."""
    found = _superiors(gold)
    if found is None or (gold.get("issuer") or {}).get("level") == "department":
        return None
    province, superior, _ = found
    government = f"{superior}人民政府"
    lines = text.split("\n")
    lines.insert(_first_paragraph(lines), f"{government}：")
    return _add_bodies(gold, [government]), "\n".join(lines)


def wrap_report(gold: dict, text: str, rng: random.Random, width: int = 28) -> tuple[dict, str]:
    lines = []
    for paragraph in text.split("\n"):
        lines += [paragraph[i : i + width] for i in range(0, len(paragraph), width)] or [""]
    return gold, "\n".join(lines)


def quotes_report(gold: dict, text: str, rng: random.Random) -> tuple[dict, str]:
    opening, closing = ('"', '"') if rng.random() < 0.5 else ("「", "」")
    return gold, text.replace("“", opening).replace("”", closing)


def headless_report(gold: dict, text: str, rng: random.Random) -> tuple[dict, str]:
    lines = text.split("\n")
    lines = lines[_first_paragraph(lines) :]
    while lines and len(lines[-1].strip()) < 30:
        lines.pop()
    return gold, "\n".join(lines)


MODES = {
    "headless": headless_report,
    "places": swap_report,
    "portal": portal_report,
    "wrap": wrap_report,
    "quotes": quotes_report,
    "peers": peers_report,
    "superiors": superiors_report,
    "salutation": salutation_report,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, help="a gold folder (with docs/)")
    parser.add_argument("out", type=Path, help="where to write the swapped copy (replaced)")
    parser.add_argument("--mode", choices=sorted(MODES), default="places")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    shutil.rmtree(args.out, ignore_errors=True)
    (args.out / "docs").mkdir(parents=True)
    swapped = 0
    for path in sorted(args.gold.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = args.gold / "docs" / f"{path.stem}.txt"
        text = doc.read_text(encoding="utf-8")
        result = MODES[args.mode](gold, text, rng)
        if result is not None:
            gold, text = result
            swapped += 1
        (args.out / path.name).write_text(json.dumps(gold, ensure_ascii=False, indent=2), encoding="utf-8")
        (args.out / "docs" / doc.name).write_text(text, encoding="utf-8")
    print(f"{args.mode}: {swapped} of {len(list(args.gold.glob('*.json')))} reports changed in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
