"""Typed records that flow between the stages.

Extractors return these records; only :mod:`kg.rdf.triples` turns them into RDF. Every mention carries ``start``/``end``
offsets into :attr:`kg.read.Document.text` (the decoded source text) and the surface ``text`` found there, so
``doc.text[start:end] == mention.text`` always holds: that is what makes provenance checkable.

Records are plain dataclasses so that they pickle (worker processes, Dask) and round-trip through JSON (the
extraction cache): :func:`to_json` / :func:`extraction_from_json`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

import orjson

Role = Literal["cited", "issued"]
"""How a report refers to a document: it follows, applies or mentions it, or its government issued it."""
Category = Literal["regulation", "report", "project", "book", "speech", "media", "other", "unresolved"]
"""What a 《》 title names: a legal or policy document, a cited work of one of five kinds, or a bare short form
(《方案》) that stands for no full title of the report (a mention without a node)."""
IssuerLevel = Literal["district", "county", "county_city", "city", "province", "department"]
AreaLevel = Literal["province", "prefecture", "county"]


@dataclass(frozen=True)
class Span:
    """Where something was read: offsets into the decoded source text, and the text found there."""

    start: int
    end: int
    text: str


@dataclass
class RegulationMention:
    """A document named in the report (mostly in 《》)."""

    span: Span
    title: str  # the normalised title (kg.lang.titles), without 《》; the full title when the mention is an alias
    surface: str = ""  # as written, without the outer 《》, line breaks removed (becomes a skos:altLabel)
    role: Role = "cited"
    bracketed: bool = True  # False for a well-known law named without 《》
    parent: int | None = None  # index (in the report's regulation list) of the enclosing title, when nested
    document_number: str | None = None  # 国发〔2021〕7号 near the title
    alias: str | None = None  # a short form the report defines for it (以下简称《条例》)
    category: Category = "regulation"


@dataclass
class FigureMention:
    """A quantity stated in the report."""

    span: Span
    value: Decimal  # fully expanded: 4.97亿元 → 497000000
    unit: str  # base unit (元, 件, 人次, %, 个百分点 …)
    approximate: bool = False
    qualifier: str | None = None  # 余, 多, 近, 约, 左右, 以上, 超过 …
    subject: str | None = None  # what is counted (行政复议案件)
    indicator: str | None = None  # concept id of ontology/indicators.ttl, when recognised
    range_part: str | None = None  # "low" | "high" for the bounds of 3至5天


@dataclass
class OrganisationMention:
    """A named body other than the report's own issuer (or the issuer when named in the text)."""

    span: Span
    name: str  # as written (区司法局)


@dataclass
class MeasureMention:
    """A named policy measure, campaign or slogan."""

    span: Span
    label: str  # canonical label (放管服)
    concept: str | None = None  # concept id of ontology/measures.ttl, None for a newly recognised one


@dataclass
class AreaRef:
    """An administrative area resolved against the shipped GB/T 2260 table."""

    code: str  # six digits
    name: str  # 兴庆区
    level: AreaLevel
    path: list[tuple[str, str, str]] = field(default_factory=list)  # (code, name, level), province first


@dataclass
class ReportInfo:
    """Who issued a report, for which area, about which year."""

    title: str | None = None
    title_span: Span | None = None
    year: int | None = None
    year_span: Span | None = None
    issuer: str | None = None  # the issuing body's full name (银川市兴庆区人民政府)
    issuer_span: Span | None = None
    issuer_level: IssuerLevel | None = None
    area: AreaRef | None = None
    published: str | None = None  # publication date from a web header (not the year reported on)
    problems: list[str] = field(default_factory=list)  # why the report is partial, if it is


@dataclass
class Extraction:
    """Everything extracted from one report: the unit cached and sent between processes."""

    report_id: str  # content hash (see kg.read.Document.id)
    source_name: str
    info: ReportInfo
    regulations: list[RegulationMention] = field(default_factory=list)
    figures: list[FigureMention] = field(default_factory=list)
    organisations: list[OrganisationMention] = field(default_factory=list)
    measures: list[MeasureMention] = field(default_factory=list)


_FIELDS: dict[type, tuple[str, ...]] = {}  # a dataclass → its field names (dataclasses.fields() is slow)
_ATOMS = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is list or kind is tuple:
        return [_plain(v) for v in value]
    if kind is Decimal:
        return str(value)
    names = _FIELDS.get(kind)
    if names is None:
        if not dataclasses.is_dataclass(kind):
            return _plain_other(value)
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind))
    return {name: _plain(getattr(value, name)) for name in names}


def _plain_other(value: Any) -> Any:
    """Subclasses of the types :func:`_plain` knows by their exact type (a ``str`` enum, a named tuple)."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def to_json_text(value: Any) -> str:
    """``to_json(value)`` as compact JSON text (characters as they are, no spaces), written by orjson from the
    records themselves: the same text as ``json.dumps(to_json(value), ensure_ascii=False, separators=(",", ":"))``
    (tests/test_model.py), in a fifth of the time of making the plain form first — it is done once per report, for
    its cache entry. orjson writes dataclasses (fields in order), str enums and lists itself; what it does not
    know (a Decimal, a named tuple) comes to :func:`_orjson_default`. It writes an instance's attributes, not its
    declared fields: a record never gets an attribute of its own after it is made, and no field begins with ``_``
    (tests/test_model.py checks the text equals the json module's over the dev texts)."""
    return orjson.dumps(value, default=_orjson_default).decode("utf-8")


def _orjson_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple):  # a named tuple (orjson writes plain tuples, not their subclasses)
        return list(value)
    raise TypeError(f"not JSON: {type(value).__name__}")


def to_json(value: Any) -> Any:
    """A JSON-ready copy of a record (Decimals become strings, so values stay exact). Called on every extraction
    (the cache entry, the worker's reply), so it looks fields up once per class."""
    return _plain(value)


def _span(d: dict | None) -> Span | None:
    return Span(**d) if d else None


def extraction_from_json(d: dict) -> Extraction:
    """Inverse of :func:`to_json` for an :class:`Extraction`."""
    info = dict(d["info"])
    for key in ("title_span", "year_span", "issuer_span"):
        info[key] = _span(info.get(key))
    if info.get("area"):
        area = dict(info["area"])
        area["path"] = [tuple(p) for p in area.get("path", [])]
        info["area"] = AreaRef(**area)
    return Extraction(
        report_id=d["report_id"],
        source_name=d["source_name"],
        info=ReportInfo(**info),
        regulations=[RegulationMention(**{**m, "span": Span(**m["span"])}) for m in d["regulations"]],
        figures=[FigureMention(**{**m, "span": Span(**m["span"]), "value": Decimal(m["value"])}) for m in d["figures"]],
        organisations=[OrganisationMention(**{**m, "span": Span(**m["span"])}) for m in d["organisations"]],
        measures=[MeasureMention(**{**m, "span": Span(**m["span"])}) for m in d["measures"]],
    )
