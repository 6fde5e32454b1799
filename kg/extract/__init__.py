"""Extraction: plain functions from a :class:`~kg.read.Document` to typed mentions with source offsets.

:func:`extract` runs them all in order (issuer first: the others may use the report's area) and returns one
:class:`~kg.model.Extraction` per report: the unit that is cached and sent between processes.
"""

from __future__ import annotations

from kg.extract.figures import extract_figures
from kg.extract.issuer import extract_report_info
from kg.extract.measures import extract_measures
from kg.extract.organisations import extract_organisations
from kg.extract.regulations import extract_regulations
from kg.model import Extraction
from kg.read import Document
from kg.segment import Segmenter

# Bump when an extractor's output changes: it keys the extraction cache.
EXTRACTOR_VERSION = "1"


def extract(doc: Document, segmenter: Segmenter | None = None) -> Extraction:
    info = extract_report_info(doc)
    return Extraction(
        report_id=doc.id,
        source_name=doc.source_name,
        info=info,
        regulations=extract_regulations(doc, info.area),
        figures=extract_figures(doc, segmenter),
        organisations=extract_organisations(doc, segmenter),
        measures=extract_measures(doc, segmenter),
    )


def extract_text(text: str, name: str = "<text>", segmenter: Segmenter | None = None) -> Extraction:
    """The facts of one report's text, without RDF: issuer, year, regulations, figures, bodies and measures, each
    with its character span in ``text`` (line ends unified to ``\\n``).

    >>> ex = extract_text("2023年，我县认真贯彻落实《中华人民共和国行政处罚法》，办理行政复议案件12件。")
    >>> [r.title for r in ex.regulations], [(str(f.value), f.unit) for f in ex.figures]
    (['中华人民共和国行政处罚法'], [('12', '件')])
    """
    from kg.segment import get_segmenter  # noqa: PLC0415

    return extract(Document.from_text(text, name), segmenter or get_segmenter("jieba", None))
