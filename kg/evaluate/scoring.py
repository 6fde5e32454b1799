"""Scoring one report against its gold: one-to-one matching per list, figures as (value, unit) multisets,
role, canonical title, issuer and year."""

from __future__ import annotations

import re
from collections import Counter

from kg.evaluate.graph_view import Entity, decimal
from kg.evaluate.results import ErrorItem, ReportScore, Score
from kg.extract.township import is_township_government
from kg.lang.areas import area_table, is_zone
from kg.lang.titles import match_key
from kg.lang.zh import quoted, without_quotes


def _name_key(name: str) -> str:
    return without_quotes(name)


def _match(
    gold: list[tuple[str, set[str]]], system: list[Entity], key
) -> tuple[list[tuple[int, Entity]], list[int], list[Entity]]:
    """One-to-one matching of gold items (label, acceptable names) to system entities; exact keys, greedy in
    gold order. Returns (matched (gold index, entity), unmatched gold indices, unmatched entities)."""
    index: dict[str, list[Entity]] = {}
    for ent in sorted(system, key=lambda e: e.iri):
        for name in ent.names:
            index.setdefault(key(name), []).append(ent)
    used: set[str] = set()
    matched, missing = [], []
    for i, (_, names) in enumerate(gold):
        hit = None
        for name in sorted(names):
            for ent in index.get(key(name), []):
                if ent.iri not in used:
                    hit = ent
                    break
            if hit:
                break
        if hit:
            used.add(hit.iri)
            matched.append((i, hit))
        else:
            missing.append(i)
    extra = [e for e in sorted(system, key=lambda e: e.iri) if e.iri not in used]
    return matched, missing, extra


def _context(text: str | None, needle: str, width: int = 18) -> str:
    if not text or not needle:
        return ""
    probe = re.sub(r"[《》\s]", "", needle)[:12]
    flat = text.replace("\n", "⏎")
    i = flat.find(needle) if needle in flat else flat.find(probe)
    if i < 0:
        return ""
    return flat[max(0, i - width) : i + len(needle) + width]


def _issuer_ok(gold: dict, gov: str | None, code: str | None) -> bool:
    """The area is the gold one (name, parent, province) and the kind of body agrees (government vs department)."""
    if not gov or not code:
        return False
    table = area_table()
    area = table.by_code.get(code)
    if area is None:
        return False
    chain = [a.name for a in table.chain(area)]
    name = gold.get("name") or ""
    if area.name != name and area not in table.lookup(name):
        return False
    for key in ("parent", "province"):
        if gold.get(key) and gold[key] not in chain:
            return False
    is_department = gold.get("level") == "department"
    governs = (
        "政府",
        "行政公署",
        *(("管理委员会", "管委会") if is_zone(area) else ()),
    )  # a zone's committee governs it
    return is_department == (not gov.endswith(governs) or is_township_government(gov))  # a township's: below


# The yardstick for measures (issue 15): every quoted phrase of 2–14 characters taken as a measure.
_QUOTED = quoted(2, 14, single=False)


def _quoted_phrase_baseline(gold_measures: list[str], text: str | None) -> Score:
    found = {_name_key(m) for m in _QUOTED.findall(text or "")}
    want = {_name_key(m) for m in gold_measures}
    return Score(len(found & want), len(found - want), len(want - found))


_EMPTY = {
    "regulations": {},
    "measures": {},
    "organisations": {},
    "figures": [],
    "year": None,
    "gov": None,
    "area": None,
}


def score_report(gold: dict, rep: dict | None, text: str | None) -> tuple[ReportScore, list[ErrorItem]]:
    """The scores of one report (``rep`` from :func:`kg.evaluate.graph_view.graph_view`, None when the report is
    missing from the graph) and every error, with the text around it."""
    rs = ReportScore(gold["id"])
    rep = rep or _EMPTY
    errors = _score_regulations(rs, gold, rep, text)
    for category in ("measures", "organisations"):
        errors += _score_names(rs, category, gold, rep, text)
    rs.baseline_measures = _quoted_phrase_baseline(gold.get("measures", []), text)
    errors += _score_figures(rs, gold, rep, text)
    errors += _score_issuer_and_year(rs, gold, rep)
    return rs, errors


def _score_regulations(rs: ReportScore, gold: dict, rep: dict, text: str | None) -> list[ErrorItem]:
    rid, errors = rs.report, []
    gold_regs = [(g["title"], {g["title"], g.get("surface", g["title"])}) for g in gold.get("regulations", [])]
    matched, missing, extra = _match(gold_regs, list(rep["regulations"].values()), match_key)
    rs.scores["regulations"] = Score(len(matched), len(extra), len(missing))
    for gi, ent in matched:
        want = "issues" if gold["regulations"][gi].get("role") == "issued" else "cites"
        rs.canonical_correct += match_key(ent.label) == match_key(gold_regs[gi][0])
        rs.roles_total += 1
        if ent.role == want:
            rs.roles_correct += 1
        else:
            item = f"{ent.label}: got {ent.role}, gold {want}"
            errors.append(ErrorItem(rid, "regulations", "role", item, _context(text, ent.where)))
    errors += [
        ErrorItem(rid, "regulations", "fn", gold_regs[i][0], _context(text, gold["regulations"][i].get("surface", "")))
        for i in missing
    ]
    errors += [ErrorItem(rid, "regulations", "fp", e.label, _context(text, e.where)) for e in extra]
    return errors


def _score_names(rs: ReportScore, category: str, gold: dict, rep: dict, text: str | None) -> list[ErrorItem]:
    names = [(n, {n}) for n in gold.get(category, [])]
    matched, missing, extra = _match(names, list(rep[category].values()), _name_key)
    rs.scores[category] = Score(len(matched), len(extra), len(missing))
    return [ErrorItem(rs.report, category, "fn", names[i][0], _context(text, names[i][0])) for i in missing] + [
        ErrorItem(rs.report, category, "fp", e.label, _context(text, e.where)) for e in extra
    ]


def _score_figures(rs: ReportScore, gold: dict, rep: dict, text: str | None) -> list[ErrorItem]:
    """Figures as (value, unit) multisets."""
    want = Counter((decimal(f["value"]), f["unit"]) for f in gold.get("figures", []))
    got = Counter((v, u) for v, u, _ in rep["figures"])
    tp = sum((want & got).values())
    rs.scores["figures"] = Score(tp, sum(got.values()) - tp, sum(want.values()) - tp)
    spans = {(decimal(f["value"]), f["unit"]): f.get("span", "") for f in gold.get("figures", [])}
    labels = {(v, u): label for v, u, label in rep["figures"]}
    errors = []
    for (v, u), n in sorted((want - got).items(), key=str):
        errors += [ErrorItem(rs.report, "figures", "fn", f"{v} {u}", _context(text, spans.get((v, u), "")))] * n
    for (v, u), n in sorted((got - want).items(), key=str):
        errors += [ErrorItem(rs.report, "figures", "fp", f"{v} {u}", _context(text, labels.get((v, u), "")))] * n
    return errors


def _score_issuer_and_year(rs: ReportScore, gold: dict, rep: dict) -> list[ErrorItem]:
    errors = []
    rs.year_ok = rep["year"] is not None and str(gold.get("year")) == rep["year"]
    if not rs.year_ok:
        errors.append(ErrorItem(rs.report, "year", "year", f"got {rep['year']}, gold {gold.get('year')}"))
    issuer = gold.get("issuer") or {}
    rs.issuer_ok = _issuer_ok(issuer, rep["gov"], rep["area"])
    rs.issuer_name_ok = bool(rep["gov"]) and _name_key(rep["gov"]) == _name_key(issuer.get("full_name") or "")
    if not rs.issuer_ok or not rs.issuer_name_ok:
        got = f"got {rep['gov']} ({rep['area']}), gold {issuer.get('full_name')} ({issuer.get('level')})"
        errors.append(ErrorItem(rs.report, "issuer", "issuer", got))
    return errors
