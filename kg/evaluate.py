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
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph

from kg.lang.areas import area_table
from kg.build import build_graph
from kg.rdf.store import load_store, select
from kg.lang.titles import match_key
from kg.lang.zh import quoted

CATEGORIES = ("regulations", "figures", "measures", "organisations")


class EvalError(Exception):
    """Gold or documents that cannot be evaluated; the message names the file."""


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class ErrorItem:
    report: str
    category: str
    kind: str  # "fp" | "fn" | "role" | "issuer" | "year"
    item: str
    context: str = ""


@dataclass
class ReportScore:
    report: str
    scores: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    roles_correct: int = 0
    roles_total: int = 0
    issuer_ok: bool = False
    issuer_name_ok: bool = False
    year_ok: bool = False
    canonical_correct: int = 0  # matched regulations whose label is the gold canonical title
    baseline_measures: Score = field(default_factory=Score)  # every quoted phrase taken as a measure


@dataclass
class EvalResult:
    reports: list[ReportScore]
    errors: list[ErrorItem]

    def micro(self) -> dict[str, Score]:
        total = {c: Score() for c in CATEGORIES}
        for r in self.reports:
            for c in CATEGORIES:
                total[c].add(r.scores[c])
        return total

    def role_accuracy(self) -> float:
        total = sum(r.roles_total for r in self.reports)
        return sum(r.roles_correct for r in self.reports) / total if total else 1.0

    def canonical_accuracy(self) -> float:
        total = sum(r.roles_total for r in self.reports)  # one role per matched regulation
        return sum(r.canonical_correct for r in self.reports) / total if total else 1.0

    def baseline(self) -> Score:
        total = Score()
        for r in self.reports:
            total.add(r.baseline_measures)
        return total

    def accuracy(self, attr: str) -> float:
        return sum(getattr(r, attr) for r in self.reports) / len(self.reports) if self.reports else 1.0

    def summary(self) -> dict:
        micro = self.micro()
        return {
            "reports": len(self.reports),
            **{c: micro[c].as_dict() for c in CATEGORIES},
            "role_accuracy": round(self.role_accuracy(), 4),
            "canonical_accuracy": round(self.canonical_accuracy(), 4),
            "issuer_accuracy": round(self.accuracy("issuer_ok"), 4),
            "issuer_name_accuracy": round(self.accuracy("issuer_name_ok"), 4),
            "year_accuracy": round(self.accuracy("year_ok"), 4),
            "baseline_measures": self.baseline().as_dict(),
        }

    def as_dict(self) -> dict:
        return {
            "summary": self.summary(),
            "per_report": [
                {"report": r.report, **{c: r.scores[c].as_dict() for c in CATEGORIES},
                 "roles": f"{r.roles_correct}/{r.roles_total}", "issuer": r.issuer_ok,
                 "issuer_name": r.issuer_name_ok, "year": r.year_ok}
                for r in self.reports
            ],
            "errors": [asdict(e) for e in self.errors],
        }


# --- reading the graph back ---------------------------------------------------------------------------------

_REPORTS = """SELECT ?r ?file ?year ?gov ?govLabel ?area WHERE {
  ?r a kg:Report ; kg:sourceFile ?file .
  OPTIONAL { ?r kg:year ?year }
  OPTIONAL { ?r kg:issuedBy ?gov . ?gov rdfs:label ?govLabel . OPTIONAL { ?gov kg:jurisdiction ?area } }
}"""
_REGULATIONS = """SELECT ?r ?reg ?how ?label ?alt WHERE {
  ?r ?how ?reg . VALUES ?how { kg:cites kg:issues } ?reg rdfs:label ?label .
  OPTIONAL { ?reg skos:altLabel ?alt }
}"""
_ENTITY_NAMES = """SELECT ?r ?e ?label ?alt WHERE {
  ?r kg:mentions ?e . ?e a ?class ; rdfs:label ?label . VALUES ?class { %s }
  OPTIONAL { ?e skos:altLabel ?alt }
}"""
_MENTION_TEXTS = """SELECT ?r ?e ?text ?start WHERE { ?m a kg:Mention ; kg:inReport ?r ; kg:denotes ?e ; kg:text ?text ;
  kg:start ?start }"""
_FIGURES = """SELECT ?r ?value ?unit ?label WHERE { ?f a kg:Figure ; kg:reportedIn ?r ; kg:value ?value ; kg:unit ?unit ;
  rdfs:label ?label }"""


@dataclass
class Entity:
    iri: str
    names: set[str]
    label: str
    role: str | None = None
    where: str = ""


def _graph_view(store: pyoxigraph.Store) -> dict[str, dict]:
    """Per report IRI: file stem, year, issuer, and the entities of each category with all their names."""
    reports: dict[str, dict] = {}
    for row in select(store, _REPORTS):
        reports[row["r"]] = {"stem": Path(row["file"]).stem, "year": row["year"], "gov": row["govLabel"],
                             "area": row["area"], "regulations": {}, "measures": {}, "organisations": {},
                             "figures": []}
    mentions: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for row in select(store, _MENTION_TEXTS):
        mentions.setdefault((row["r"], row["e"]), []).append((int(row["start"]), row["text"]))
    for row in select(store, _REGULATIONS):
        rep = reports.get(row["r"])
        if rep is None:
            continue
        ent = rep["regulations"].setdefault(row["reg"], Entity(row["reg"], {row["label"]}, row["label"],
                                                               row["how"].rsplit("#", 1)[-1]))
        if row["alt"]:
            ent.names.add(row["alt"])
    # organisations: every body a report mentions, its own government included (kg:Government is a
    # kg:Organisation: the output contract's kg:mentions covers both)
    for category, cls in (("measures", "kg:Measure"), ("organisations", "kg:Organisation kg:Government")):
        for row in select(store, _ENTITY_NAMES % cls):
            rep = reports.get(row["r"])
            if rep is None:
                continue
            ent = rep[category].setdefault(row["e"], Entity(row["e"], {row["label"]}, row["label"]))
            if row["alt"]:
                ent.names.add(row["alt"])
    for rep_iri, rep in reports.items():
        for category in ("regulations", "measures", "organisations"):
            for ent in rep[category].values():
                found = sorted(mentions.get((rep_iri, ent.iri), []))
                ent.names.update(t for _, t in found)
                ent.where = found[0][1] if found else ""
    for row in select(store, _FIGURES):
        rep = reports.get(row["r"])
        if rep is not None:
            rep["figures"].append((_decimal(row["value"]), row["unit"], row["label"]))
    return reports


# --- matching -----------------------------------------------------------------------------------------------

def _decimal(value) -> Decimal:
    try:
        return Decimal(str(value)).normalize()
    except InvalidOperation:
        raise EvalError(f"not a number: {value!r}") from None


def _name_key(name: str) -> str:
    return re.sub(r"[\s“”\"'‘’「」]", "", name)


def _match(gold: list[tuple[str, set[str]]], system: list[Entity], key) -> tuple[list[tuple[int, Entity]],
                                                                               list[int], list[Entity]]:
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
    return flat[max(0, i - width): i + len(needle) + width]


def _issuer_ok(gold: dict, gov: str | None, area_iri: str | None) -> bool:
    """The area is the gold one (name, parent, province) and the kind of body agrees (government vs department)."""
    if not gov or not area_iri:
        return False
    table = area_table()
    code = area_iri.rsplit("-", 1)[-1]
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
    return is_department == (not gov.endswith(("政府", "行政公署")))


# The yardstick for measures (issue 15): every quoted phrase of 2–14 characters taken as a measure.
_QUOTED = quoted(2, 14, single=False)


def _quoted_phrase_baseline(gold_measures: list[str], text: str | None) -> Score:
    found = {_name_key(m) for m in _QUOTED.findall(text or "")}
    want = {_name_key(m) for m in gold_measures}
    return Score(len(found & want), len(found - want), len(want - found))


def score_report(gold: dict, rep: dict | None, text: str | None) -> tuple[ReportScore, list[ErrorItem]]:
    rid = gold["id"]
    rs = ReportScore(rid)
    errors: list[ErrorItem] = []
    rep = rep or {"regulations": {}, "measures": {}, "organisations": {}, "figures": [], "year": None,
                  "gov": None, "area": None}

    # regulations
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
            errors.append(ErrorItem(rid, "regulations", "role", f"{ent.label}: got {ent.role}, gold {want}",
                                    _context(text, ent.where)))
    errors += [ErrorItem(rid, "regulations", "fn", gold_regs[i][0], _context(text, gold["regulations"][i].get(
        "surface", ""))) for i in missing]
    errors += [ErrorItem(rid, "regulations", "fp", e.label, _context(text, e.where)) for e in extra]

    # measures and organisations
    for category in ("measures", "organisations"):
        names = [(n, {n}) for n in gold.get(category, [])]
        matched, missing, extra = _match(names, list(rep[category].values()), _name_key)
        rs.scores[category] = Score(len(matched), len(extra), len(missing))
        errors += [ErrorItem(rid, category, "fn", names[i][0], _context(text, names[i][0])) for i in missing]
        errors += [ErrorItem(rid, category, "fp", e.label, _context(text, e.where)) for e in extra]

    rs.baseline_measures = _quoted_phrase_baseline(gold.get("measures", []), text)

    # figures: (value, unit) multisets
    want = Counter((_decimal(f["value"]), f["unit"]) for f in gold.get("figures", []))
    got = Counter((v, u) for v, u, _ in rep["figures"])
    tp = sum((want & got).values())
    rs.scores["figures"] = Score(tp, sum(got.values()) - tp, sum(want.values()) - tp)
    spans = {(_decimal(f["value"]), f["unit"]): f.get("span", "") for f in gold.get("figures", [])}
    labels = {(v, u): label for v, u, label in rep["figures"]}
    for (v, u), n in sorted((want - got).items(), key=str):
        errors += [ErrorItem(rid, "figures", "fn", f"{v} {u}", _context(text, spans.get((v, u), "")))] * n
    for (v, u), n in sorted((got - want).items(), key=str):
        errors += [ErrorItem(rid, "figures", "fp", f"{v} {u}", _context(text, labels.get((v, u), "")))] * n

    # issuer and year
    rs.year_ok = rep["year"] is not None and str(gold.get("year")) == rep["year"]
    if not rs.year_ok:
        errors.append(ErrorItem(rid, "year", "year", f"got {rep['year']}, gold {gold.get('year')}"))
    issuer = gold.get("issuer") or {}
    rs.issuer_ok = _issuer_ok(issuer, rep["gov"], rep["area"])
    rs.issuer_name_ok = bool(rep["gov"]) and _name_key(rep["gov"]) == _name_key(issuer.get("full_name") or "")
    if not rs.issuer_ok or not rs.issuer_name_ok:
        errors.append(ErrorItem(rid, "issuer", "issuer", f"got {rep['gov']} ({rep['area']}), gold "
                                f"{issuer.get('full_name')} ({issuer.get('level')})"))
    return rs, errors


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


def evaluate(gold_dir: Path, docs_dir: Path, *, segmenter: str | None = None, model: str | None = None,
             jobs: int = 1, errors: bool = False) -> EvalResult:
    """Build ``docs_dir`` in memory and score its graph against every gold file; with ``errors``, list every
    false positive and negative (refused for a frozen split: tests/gold/README.md)."""
    if errors and (Path(gold_dir) / FROZEN).is_file():
        raise EvalError(f"{gold_dir}: a frozen split (it holds {FROZEN}); it is scored, its errors are not listed")
    gold = load_gold(gold_dir)
    docs_dir = Path(docs_dir)
    if not docs_dir.is_dir():
        raise EvalError(f"{docs_dir}: no such folder of documents")
    graph = build_graph([docs_dir], segmenter=segmenter, model=model, jobs=jobs)
    view = _graph_view(graph.store)
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
