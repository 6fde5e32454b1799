"""The graph stage: a resolved :class:`~kg.resolve.Corpus` becomes RDF triples under the output contract
(``../shared/design/ontology-contract.md``, ``ontology/kg.ttl``). The only module that knows RDF terms.

Every extracted fact gets a ``kg:Mention`` (report, offsets into the decoded source text, surface text), and
every report a ``prov:wasDerivedFrom`` link to its source file(s) with name, SHA-256 and size.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from pyoxigraph import Literal, NamedNode, Triple

from kg.lang.numerals import format_decimal
from kg.model import Span
from kg.rdf.namespaces import kg, prov, rdf, rdfs, resource, skos, xsd
from kg.rdf.schemes import concept_iri
from kg.read import Document, SourceFile
from kg.resolve import Corpus, ReportNode

ZH = "zh"


def _zh(text: str) -> Literal:
    return Literal(text, language=ZH)


def _int(n: int) -> Literal:
    return Literal(str(n), datatype=xsd.integer)


def report_iri(report_id: str) -> NamedNode:
    return resource("report", report_id, hashed=False)


def area_iri(code: str) -> NamedNode:
    return resource("area", code, hashed=False)


def regulation_iri(key: str) -> NamedNode:
    return resource("reg", key)


def work_iri(key: str) -> NamedNode:
    return resource("work", key)


def government_iri(key: str) -> NamedNode:
    return resource("gov", key)


def organisation_iri(key: str) -> NamedNode:
    return resource("org", key)


def measure_iri(key: str, concept: str | None = None) -> NamedNode:
    """A scheme measure keeps the scheme's IRI; a new one is named by its canonical label."""
    return concept_iri(concept) if concept else resource("measure", key)


class TripleSink:
    """Collects triples; a thin helper so that the builders below read like the contract."""

    def __init__(self) -> None:
        self.triples: list[Triple] = []

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.triples.append(Triple(s, p, o))

    def mention(self, report_id: str, kind: str, span: Span, denotes: NamedNode) -> None:
        m = resource("mention", f"{report_id}-{span.start}-{span.end}-{kind}", hashed=False)
        self.add(m, rdf.type, kg.Mention)
        self.add(m, kg.inReport, report_iri(report_id))
        self.add(m, kg.denotes, denotes)
        self.add(m, kg.start, _int(span.start))
        self.add(m, kg.end, _int(span.end))
        self.add(m, kg.text, Literal(span.text))


def _areas(sink: TripleSink, corpus: Corpus) -> None:
    from kg.lang.areas import area_table  # noqa: PLC0415

    table = area_table()
    for code, ref in corpus.areas.items():
        a = area_iri(code)
        sink.add(a, rdf.type, kg.AdministrativeArea)
        area = table.by_code[code]
        sink.add(a, rdfs.label, _zh(table.full_name(area)))
        sink.add(a, kg.adminLevel, Literal(ref.level))
        sink.add(a, kg.divisionCode, Literal(code))
        if len(ref.path) >= 2:
            sink.add(a, kg.within, area_iri(ref.path[-2][0]))


def _source_files(sink: TripleSink, r: NamedNode, docs: Sequence[Document | SourceFile]) -> None:
    for doc in docs:
        f = resource("file", doc.sha256[:16], hashed=False)
        sink.add(r, prov.wasDerivedFrom, f)
        sink.add(f, rdf.type, kg.SourceFile)
        sink.add(f, rdf.type, prov.Entity)
        sink.add(f, rdfs.label, Literal(doc.source_name))
        sink.add(f, kg.sha256, Literal(doc.sha256))
        sink.add(f, kg.byteSize, _int(doc.size))
        if doc.encoding:  # a PDF has none
            sink.add(f, kg.encoding, Literal(doc.encoding))
        sink.add(f, kg.fileFormat, Literal(doc.fmt))


def _report_head(sink: TripleSink, node: ReportNode) -> None:
    """The report itself: label, file, year, issuer, and what made it partial."""
    info, rid = node.extraction.info, node.extraction.report_id
    r = report_iri(rid)
    sink.add(r, rdf.type, kg.Report)
    sink.add(r, rdfs.label, _zh(info.title or node.source_names[0]))
    sink.add(r, kg.sourceFile, Literal(node.source_names[0]))
    if info.year is not None:
        sink.add(r, kg.year, Literal(str(info.year), datatype=xsd.gYear))
        if info.year_span:
            sink.mention(rid, "year", info.year_span, r)
    if info.published:
        sink.add(r, kg.published, Literal(info.published))
    if info.problems:
        sink.add(r, kg.partial, Literal("; ".join(info.problems)))
    if node.government:
        g = government_iri(node.government)
        sink.add(r, kg.issuedBy, g)
        if info.issuer_span:
            sink.add(r, kg.mentions, g)
            sink.mention(rid, "gov", info.issuer_span, g)


def _report_documents(sink: TripleSink, node: ReportNode) -> None:
    """The regulations the report cites or issues and the works it names, each mention with its span."""
    ex, rid = node.extraction, node.extraction.report_id
    r = report_iri(rid)
    for m, key in zip(ex.regulations, node.regulation_keys, strict=True):
        if key is not None:
            sink.mention(rid, "reg", m.span, regulation_iri(key))
    for m, key in zip(ex.regulations, node.work_keys, strict=True):
        if key is not None:
            w = work_iri(key)
            sink.add(r, kg.namesWork, w)
            sink.mention(rid, "work", m.span, w)
    for key, role in node.roles.items():
        reg = regulation_iri(key)
        sink.add(r, kg.issues if role == "issued" else kg.cites, reg)
        sink.add(r, kg.refersTo, reg)


def _report_mentions(sink: TripleSink, node: ReportNode) -> None:
    """The bodies and measures the report names."""
    ex, rid = node.extraction, node.extraction.report_id
    r = report_iri(rid)
    for m, key in zip(ex.organisations, node.organisation_keys, strict=True):
        o = organisation_iri(key) if key else government_iri(node.government)
        sink.add(r, kg.mentions, o)
        sink.mention(rid, "org", m.span, o)
    for m in ex.measures:
        ms = measure_iri(m.label, m.concept)
        sink.add(r, kg.mentions, ms)
        sink.mention(rid, "msr", m.span, ms)


def _figures(sink: TripleSink, node: ReportNode) -> None:
    rid = node.extraction.report_id
    for f in node.extraction.figures:
        key = f"{rid}-{f.span.start}-{f.span.end}" + (f"-{f.range_part}" if f.range_part else "")
        fig = resource("figure", key, hashed=False)
        sink.add(fig, rdf.type, kg.Figure)
        sink.add(fig, kg.reportedIn, report_iri(rid))
        sink.add(fig, kg.value, Literal(format_decimal(f.value), datatype=xsd.decimal))
        sink.add(fig, kg.unit, Literal(f.unit))
        sink.add(fig, kg.approximate, Literal("true" if f.approximate else "false", datatype=xsd.boolean))
        sink.add(fig, rdfs.label, _zh(f.span.text.replace("\n", "")))
        for prop, value in ((kg.qualifier, f.qualifier), (kg.subject, f.subject)):
            if value:
                sink.add(fig, prop, _zh(value))
        if f.range_part:
            sink.add(fig, kg.rangeBound, Literal(f.range_part))
        if f.indicator:
            sink.add(fig, kg.indicator, concept_iri(f.indicator))
        sink.mention(rid, "fig" + (f"-{f.range_part}" if f.range_part else ""), f.span, fig)


def _report(sink: TripleSink, node: ReportNode, docs: Sequence[Document | SourceFile]) -> None:
    _report_head(sink, node)
    _source_files(sink, report_iri(node.extraction.report_id), docs)
    _report_documents(sink, node)
    _report_mentions(sink, node)
    _figures(sink, node)


def _labelled(sink: TripleSink, node: NamedNode, cls: NamedNode, label: str, alts: set[str]) -> None:
    sink.add(node, rdf.type, cls)
    sink.add(node, rdfs.label, _zh(label))
    for alt in alts:
        sink.add(node, skos.altLabel, _zh(alt))


def _regulations(sink: TripleSink, corpus: Corpus) -> None:
    for key, reg in corpus.regulations.items():
        n = regulation_iri(key)
        _labelled(sink, n, kg.Regulation, reg.label, reg.alt_labels)
        sink.add(n, kg.kind, Literal(reg.kind))
        sink.add(n, kg.issuerLevel, Literal(reg.issuer_level))
        for number in reg.document_numbers:
            sink.add(n, kg.documentNumber, Literal(number))
        for inner in reg.implements:
            sink.add(n, kg.implementsRegulation, regulation_iri(inner))
        if reg.scope_area:
            sink.add(n, kg.scopeArea, area_iri(reg.scope_area))
        if reg.issuer_area:
            sink.add(n, kg.issuerArea, area_iri(reg.issuer_area))


def _bodies_and_works(sink: TripleSink, corpus: Corpus) -> None:
    for key, gov in corpus.governments.items():
        g = government_iri(key)
        _labelled(sink, g, kg.Government, gov.label, gov.alt_labels)
        sink.add(g, rdf.type, kg.Organisation)
        if gov.area:
            sink.add(g, kg.jurisdiction, area_iri(gov.area))
    for key, work in corpus.works.items():
        _labelled(sink, work_iri(key), kg.CitedWork, work.label, work.alt_labels)
        sink.add(work_iri(key), kg.workType, Literal(work.work_type))
    for key, org in corpus.organisations.items():
        _labelled(sink, organisation_iri(key), kg.Organisation, org.label, org.alt_labels)


def _measures(sink: TripleSink, corpus: Corpus) -> None:
    from kg.lang.schemes import MEASURE_SCHEME, measure_scheme  # noqa: PLC0415

    scheme = {c.id: c for c in measure_scheme()}
    for key, ms in corpus.measures.items():
        n = measure_iri(key, ms.concept)
        sink.add(n, rdf.type, kg.Measure)
        sink.add(n, rdf.type, skos.Concept)
        sink.add(n, rdfs.label, _zh(ms.label))
        alts = set(ms.alt_labels)
        if ms.concept in scheme:
            sink.add(n, skos.inScheme, concept_iri(MEASURE_SCHEME))
            sink.add(n, skos.prefLabel, _zh(ms.label))
            alts |= set(scheme[ms.concept].alt_labels)
        for alt in alts - {ms.label}:
            sink.add(n, skos.altLabel, _zh(alt))


def corpus_triples(corpus: Corpus, docs: dict[str, list[Document]] | None = None) -> Iterator[Triple]:
    """All triples of the corpus (unordered; the Turtle writer sorts)."""
    sink = TripleSink()
    docs = docs or {}
    _areas(sink, corpus)
    _bodies_and_works(sink, corpus)
    _regulations(sink, corpus)
    _measures(sink, corpus)
    for node in corpus.reports.values():
        _report(sink, node, docs.get(node.extraction.report_id, []))
    _indicators(sink, {f.indicator for node in corpus.reports.values() for f in node.extraction.figures if f.indicator})
    return iter(sink.triples)


def _indicators(sink: TripleSink, used: set[str]) -> None:
    """The indicator concepts figures link to, with their labels and unit, so the graph explains itself;
    the whole scheme is ``ontology/indicators.ttl``."""
    from kg.lang.schemes import INDICATOR_SCHEME, indicator_scheme  # noqa: PLC0415

    for concept in indicator_scheme():
        if concept.id not in used:
            continue
        c = concept_iri(concept.id)
        sink.add(c, rdf.type, kg.Indicator)
        sink.add(c, rdf.type, skos.Concept)
        sink.add(c, skos.inScheme, concept_iri(INDICATOR_SCHEME))
        sink.add(c, rdfs.label, _zh(concept.pref_label))
        sink.add(c, skos.prefLabel, _zh(concept.pref_label))
        if concept.unit:
            sink.add(c, kg.unit, Literal(concept.unit))


# --- the graph in parts, for builds that resolve and write each report apart (kg.build.pipeline) ----------------------


def report_triples(node: ReportNode, files: Sequence[Document | SourceFile]) -> list[Triple]:
    """The triples of one report: the report itself, its source files, figures and mentions. They depend on the
    report alone (its extraction and the identity keys of what it names), so a build can make them in a worker
    process and cache them; :func:`entity_triples` makes the rest."""
    sink = TripleSink()
    _report(sink, node, files)
    return sink.triples


def entity_triples(corpus: Corpus, indicators: set[str]) -> list[Triple]:
    """The triples of the shared resources of a corpus (areas, governments, regulations, organisations, measures)
    and of the ``indicators`` (concept IRIs) its figures link to. With :func:`report_triples` of every report, the
    same triples as :func:`corpus_triples`."""
    out = list(corpus_triples(dataclasses.replace(corpus, reports={})))
    sink = TripleSink()
    _indicators(sink, indicators)
    return out + sink.triples


# The report triples the HTML view reads (kg.view, kg.analyse.citations); the view is drawn from these and the
# shared resources only, never from a store of every mention and figure (tests/test_scale.py checks it is the
# same page as one drawn from the whole graph) …
_VIEW_PREDICATES = frozenset(
    p.value for p in (rdf.type, rdfs.label, kg.sourceFile, kg.year, kg.issuedBy, kg.cites, kg.issues, kg.refersTo)
)
# … and, for the example sentences of its tooltips, the mentions of regulations (kgr:mention-…-reg)
_VIEW_MENTION_PREDICATES = frozenset(p.value for p in (rdf.type, kg.inReport, kg.denotes, kg.start, kg.end, kg.text))


def view_subset(report_id: str, triples: Sequence[Triple]) -> str:
    """The triples of one report that the HTML view needs, as N-Triples text."""
    import pyoxigraph  # noqa: PLC0415

    subject = report_iri(report_id)
    subset = [
        t
        for t in triples
        if (t.subject == subject and t.predicate.value in _VIEW_PREDICATES)
        or (t.subject.value.endswith("-reg") and t.predicate.value in _VIEW_MENTION_PREDICATES)
    ]
    return pyoxigraph.serialize(subset, format=pyoxigraph.RdfFormat.N_TRIPLES).decode("utf-8")
