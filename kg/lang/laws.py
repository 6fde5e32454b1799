"""The shipped table of national laws, State Council regulations and central policy documents
(``kg/data/laws.csv``; see ``kg/data/laws.README.md`` for its sources).

It gives short names their full titles (行政处罚法 → 中华人民共和国行政处罚法), a kind and an issuer to each, and
the list of law names that can be recognised without 《》.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.lang.titles import normalise_title, without_version
from kg.resources import data_csv

CHINA = "中华人民共和国"
MIN_TYPO_LENGTH = 8


@dataclass(frozen=True)
class Law:
    title: str
    short_names: tuple[str, ...]
    kind: str
    issuer: str
    level: str
    year: str
    status: str = "in_force"

    def names(self) -> tuple[str, ...]:
        """Every name the table knows it by: the title, its short names, and the title without 中华人民共和国."""
        out = [self.title, *self.short_names]
        if self.title.startswith(CHINA):
            out.append(self.title[len(CHINA) :])
        return tuple(dict.fromkeys(out))


class LawTable:
    def __init__(self, rows):
        self.entries: list[Law] = []
        self.by_key: dict[str, Law] = {}
        self._typos: dict[str, list[tuple[Law, str]]] | None = None
        for r in rows:
            law = Law(
                title=normalise_title(r["title"]),
                short_names=tuple(s.strip() for s in (r.get("short_names") or "").split("|") if s.strip()),
                kind=r.get("kind") or "other",
                issuer=r.get("issuer") or "",
                level=r.get("level") or "national",
                year=r.get("year") or "",
                status=r.get("status") or "in_force",
            )
            self.entries.append(law)
            for name in law.names():
                self.by_key.setdefault(normalise_title(name), law)

    def get(self, title: str) -> Law | None:
        """The law a (normalised) title or short name denotes, if it is in the table."""
        return self.by_key.get(normalise_title(title))

    def of_any_version(self, title: str) -> Law | None:
        """:meth:`get` of a title without its version note (…行政复议法（2023年修订） → the law itself)."""
        return self.get(without_version(normalise_title(title)))

    def near(self, title: str) -> Law | None:
        """The one law whose name differs from ``title`` by a single mistyped character (督查/督察), if exactly one
        does. Digits never count as typos (2015—2020 and 2016—2020 are different documents), and short names are
        too close to each other to guess: only names of ``MIN_TYPO_LENGTH`` characters or more are considered; nor
        the characters of a law of the table that the title begins with (:meth:`_known_head`)."""
        t = normalise_title(title)
        if len(t) < MIN_TYPO_LENGTH:
            return None
        known = self._known_head(t)
        found: dict[str, Law] = {}
        for i, ch in enumerate(t):
            if ch.isdigit() or i < known:
                continue  # (a character of a law the title is named after is no typo: 审计法实施条例 is not 统计法…)
            for law, other in self._typo_index().get(t[:i] + "\x00" + t[i + 1 :], ()):
                if not other.isdigit():
                    found[law.title] = law
        return next(iter(found.values())) if len(found) == 1 else None

    def _known_head(self, title: str) -> int:
        """How long the longest law of the table is that ``title`` begins with and runs on after (中华人民共和国审计法
        in 中华人民共和国审计法实施条例): the title names that law's own document (its 实施条例, 实施细则), and one
        character of that law's name changed would name another law's."""
        return max((n for n in range(2, len(title)) if title[:n] in self.by_key), default=0)

    def _typo_index(self) -> dict[str, list[tuple[Law, str]]]:
        if self._typos is None:
            self._typos = {}
            for key, law in self.by_key.items():
                if len(key) < MIN_TYPO_LENGTH:
                    continue
                for i, ch in enumerate(key):
                    self._typos.setdefault(key[:i] + "\x00" + key[i + 1 :], []).append((law, ch))
        return self._typos


@lru_cache(maxsize=1)
def law_table() -> LawTable:
    return LawTable(data_csv("laws.csv"))
