"""The shipped table of national laws, State Council regulations and central policy documents
(``kg/data/laws.csv``; see ``kg/data/laws.README.md`` for its sources).

It gives short names their full titles (行政处罚法 → 中华人民共和国行政处罚法), a kind and an issuer to each, and
the list of law names that can be recognised without 《》.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.resources import data_csv
from kg.titles import normalise_title


@dataclass(frozen=True)
class Law:
    title: str
    short_names: tuple[str, ...]
    kind: str
    issuer: str
    level: str
    year: str


class LawTable:
    def __init__(self, rows):
        self.entries: list[Law] = []
        self.by_key: dict[str, Law] = {}
        for r in rows:
            law = Law(
                title=normalise_title(r["title"]),
                short_names=tuple(s.strip() for s in (r.get("short_names") or "").split("|") if s.strip()),
                kind=r.get("kind") or "other",
                issuer=r.get("issuer") or "",
                level=r.get("level") or "national",
                year=r.get("year") or "",
            )
            self.entries.append(law)
            for name in (law.title, *law.short_names):
                self.by_key.setdefault(normalise_title(name), law)
            if law.title.startswith("中华人民共和国"):
                self.by_key.setdefault(law.title[len("中华人民共和国"):], law)

    def get(self, title: str) -> Law | None:
        """The law a (normalised) title or short name denotes, if it is in the table."""
        return self.by_key.get(normalise_title(title))


@lru_cache(maxsize=1)
def law_table() -> LawTable:
    return LawTable(data_csv("laws.csv"))
