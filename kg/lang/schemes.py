"""The shipped concept schemes — policy measures and the indicators figures measure — as plain data for the
extractors and the segmenter's user dictionary.

The schemes are SKOS Turtle (``ontology/measures.ttl``, ``ontology/indicators.ttl``) so that SPARQL users get
them as linked data; extraction needs only labels, so it reads the tables ``kg/data/measure_scheme.csv`` and
``kg/data/indicator_scheme.csv`` generated from them (``python scripts/build_scheme_tables.py``; a test checks
they agree). A concept is named by its local id (``measure-fangguanfu``); only :mod:`kg.rdf` makes it an IRI.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache

from kg.resources import data_csv

MEASURE_SCHEME = "scheme-measures"
INDICATOR_SCHEME = "scheme-indicators"
TABLES = {"measure_scheme.csv": "measures.ttl", "indicator_scheme.csv": "indicators.ttl"}
_COLUMNS = ("id", "pref_label", "alt_labels", "unit", "indicator_type", "coined")


@dataclass(frozen=True)
class Concept:
    id: str  # local id: measure-fangguanfu, indicator-xingzheng-fuyi-anjian-shu
    pref_label: str
    alt_labels: tuple[str, ...]
    unit: str | None = None  # indicators: the base unit of their figures
    indicator_type: str | None = None  # indicators: count | rate | amount | duration
    coined: bool = False  # measures: a coined name (放管服), recognised even without quotes

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.pref_label, *self.alt_labels)


def render_table(rows: list[dict[str, str]], name: str) -> str:
    """The CSV text of a scheme table (what scripts/build_scheme_tables.py writes)."""
    buf = io.StringIO()
    buf.write(f"# Generated from ontology/{TABLES[name]} by scripts/build_scheme_tables.py: do not edit by hand.\n")
    writer = csv.DictWriter(buf, fieldnames=_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def _load(name: str) -> tuple[Concept, ...]:
    return tuple(
        Concept(
            r["id"],
            r["pref_label"],
            tuple(a for a in r["alt_labels"].split("|") if a),
            r["unit"] or None,
            r["indicator_type"] or None,
            r["coined"] == "1",
        )
        for r in data_csv(name)
    )


@lru_cache(maxsize=1)
def measure_scheme() -> tuple[Concept, ...]:
    return _load("measure_scheme.csv")


@lru_cache(maxsize=1)
def indicator_scheme() -> tuple[Concept, ...]:
    return _load("indicator_scheme.csv")
