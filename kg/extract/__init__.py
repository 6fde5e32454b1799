"""Extraction: components from a :class:`~kg.read.Document` to typed mentions with source offsets.

A pipeline of registered components in the manner of spaCy's: each declares the annotations it requires and the
field of :class:`~kg.model.Extraction` it assigns, so the order is data and any component can be left out
(``extract(doc, exclude=("figures",))``) or run alone. The issuer comes first (the others may use the report's
area); the 《》 title scan, and the titles that lost a bracket, are computed once per document, as annotations,
and handed to every component that requires them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from kg.extract.figures import extract_figures
from kg.extract.issuer import extract_report_info
from kg.extract.lost_brackets import LostTitles, lost_title_spans
from kg.extract.measures import extract_measures
from kg.extract.organisations import extract_organisations
from kg.extract.regulations import Titles, extract_regulations, find_titles
from kg.model import AreaRef, Extraction
from kg.read import Document
from kg.segment import Segmenter

# Bump when an extractor's output changes: it keys the extraction cache.
EXTRACTOR_VERSION = "2"


@dataclass(frozen=True)
class Annotations:
    """What components may require, computed once per document."""

    titles: Titles
    lost_titles: LostTitles
    area: AreaRef | None
    segmenter: Segmenter | None


@dataclass(frozen=True)
class Component:
    """A step of extraction: ``run(doc, annotations)`` gives the list ``assigns`` names."""

    name: str
    requires: tuple[str, ...]  # fields of Annotations
    assigns: str  # a list field of Extraction
    run: Callable[[Document, Annotations], list[Any]]


COMPONENTS: tuple[Component, ...] = (
    Component(
        "regulations",
        ("titles", "lost_titles", "area"),
        "regulations",
        lambda doc, a: extract_regulations(doc, a.area, a.titles, a.lost_titles),
    ),
    Component(
        "figures",
        ("titles", "lost_titles", "segmenter"),
        "figures",
        lambda doc, a: extract_figures(doc, a.segmenter, a.titles, a.lost_titles),
    ),
    Component(
        "organisations",
        ("titles", "lost_titles", "segmenter"),
        "organisations",
        lambda doc, a: extract_organisations(doc, a.segmenter, a.titles, a.lost_titles),
    ),
    Component(
        "measures",
        ("titles", "lost_titles", "segmenter"),
        "measures",
        lambda doc, a: extract_measures(doc, a.segmenter, a.titles, a.lost_titles),
    ),
)


def extract(doc: Document, segmenter: Segmenter | None = None, *, exclude: Iterable[str] = ()) -> Extraction:
    """Every fact of one document: the issuer, year and area, then each component not in ``exclude``."""
    info = extract_report_info(doc)
    titles = find_titles(doc.clean)
    annotations = Annotations(titles, lost_title_spans(doc.clean, titles), info.area, segmenter)
    skipped = set(exclude)
    found = {c.assigns: c.run(doc, annotations) for c in COMPONENTS if c.name not in skipped}
    return Extraction(report_id=doc.id, source_name=doc.source_name, info=info, **found)


def extract_text(text: str, name: str = "<text>", segmenter: Segmenter | None = None) -> Extraction:
    """The facts of one report's text, without RDF: issuer, year, regulations, figures, bodies and measures, each
    with its character span in ``text`` (line ends unified to ``\\n``).

    >>> ex = extract_text("2023年，我县认真贯彻落实《中华人民共和国行政处罚法》，办理行政复议案件12件。")
    >>> [r.title for r in ex.regulations], [(str(f.value), f.unit) for f in ex.figures]
    (['中华人民共和国行政处罚法'], [('12', '件')])
    """
    from kg.segment import get_segmenter  # noqa: PLC0415

    return extract(Document.from_text(text, name), segmenter or get_segmenter("jieba", None))
