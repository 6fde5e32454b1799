"""Scores of an evaluation: precision, recall and F1 per list, accuracies per report, and the errors."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

CATEGORIES = ("regulations", "figures", "measures", "organisations")


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

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


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
                {
                    "report": r.report,
                    **{c: r.scores[c].as_dict() for c in CATEGORIES},
                    "roles": f"{r.roles_correct}/{r.roles_total}",
                    "issuer": r.issuer_ok,
                    "issuer_name": r.issuer_name_ok,
                    "year": r.year_ok,
                }
                for r in self.reports
            ],
            "errors": [asdict(e) for e in self.errors],
        }
