"""The graph stage: a resolved :class:`~kg.resolve.Corpus` becomes RDF triples under the output contract
(``../shared/design/ontology-contract.md``, ``ontology/kg.ttl``). The only module that knows RDF terms.

Every extracted fact gets a ``kg:Mention`` (report, offsets into the decoded source text, surface text), and
every report a ``prov:wasDerivedFrom`` link to its source file(s) with name, SHA-256 and size.

The builders state everything in the light tuples of :mod:`kg.rdf.terms` (IRIs as strings): a report's few
thousand statements go straight to the Turtle writer (:func:`report_statements`), which is most of the graph
stage's work in a build; :func:`corpus_triples` and :func:`entity_triples` hand out pyoxigraph triples.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from functools import lru_cache

from pyoxigraph import NamedNode, Triple

from kg.lang.numerals import format_decimal
from kg.model import Span
from kg.rdf.namespaces import KGR, kg, prov, rdf, rdfs, resource, resource_iri, skos, xsd
from kg.rdf.schemes import concept_iri
from kg.rdf.terms import Lit, Statement, Statements, SubjectRows, Term, ntriples, to_triples
from kg.read import Document, SourceFile
from kg.resolve import Corpus, ReportNode

ZH = "zh"
K, P, R, RS, S, X = kg.iris, prov.iris, rdf.iris, rdfs.iris, skos.iris, xsd.iris
_TYPE, _FALSE, _TRUE = R.type, Lit("false", X.boolean), Lit("true", X.boolean)
_MENTION = (_TYPE, K.inReport, K.denotes, K.start, K.end, K.text)  # a mention's row (kg.rdf.terms.SubjectRows)
_FIGURE = (_TYPE, K.reportedIn, K.value, K.unit, K.approximate, RS.label)  # a figure's row, before what it may have


def _zh(text: str) -> Lit:
    return Lit(text, "", ZH)


def _int(n: int) -> Lit:
    return Lit(str(n), X.integer)


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


def _measure(sink: TripleSink, key: str, concept: str | None) -> str:
    """:func:`measure_iri` as a string."""
    return KGR + concept if concept else sink.node("measure", key)


def _report(report_id: str) -> str:
    return KGR + "report-" + report_id


def _area(code: str) -> str:
    return KGR + "area-" + code


@lru_cache(maxsize=8192)  # (~2 MB: the names that recur stay)
def _node_iri(kind: str, key: str) -> str:
    """``resource_iri(kind, key)``, hashed once per process while it is remembered: a report names the same things
    again, and the reports of a build the same laws, bodies and measures (a SHA-256 each)."""
    return resource_iri(kind, key)


class TripleSink:
    """Collects light statements (:mod:`kg.rdf.terms`); a thin helper so that the builders below read like the
    contract."""

    def __init__(self) -> None:
        self.triples: list[Statement] = []
        self.mentions = SubjectRows(_MENTION, [])  # ~200 a report: one row each, not six statements
        self._tables: dict[tuple[str, ...], SubjectRows] = {}  # figures, by the predicates they have

    def rows(self, predicates: tuple[str, ...]) -> list[tuple[Term, ...]]:
        """The rows of subjects with these predicates (:class:`~kg.rdf.terms.SubjectRows`), to append to."""
        table = self._tables.get(predicates)
        if table is None:
            table = self._tables[predicates] = SubjectRows(predicates, [])
        return table.rows

    def add(self, s: str, p: str, o: Term) -> None:
        self.triples.append((s, p, o))

    def node(self, kind: str, key: str) -> str:
        """``resource_iri(kind, key)`` (:func:`_node_iri`)."""
        return _node_iri(kind, key)

    def mention(self, report: str, report_id: str, kind: str, span: Span, denotes: str) -> None:
        """A kg:Mention of ``denotes`` in the report (IRI ``report``, id ``report_id``)."""
        start, end = span.start, span.end
        m = f"{KGR}mention-{report_id}-{start}-{end}-{kind}"
        self.mentions.rows.append(
            (m, K.Mention, report, denotes, Lit(str(start), X.integer), Lit(str(end), X.integer), Lit(span.text))
        )

    def statements(self) -> Statements:
        return Statements(self.triples, [self.mentions, *self._tables.values()])


def _areas(sink: TripleSink, corpus: Corpus) -> None:
    from kg.lang.areas import area_table  # noqa: PLC0415

    table = area_table()
    for code, ref in corpus.areas.items():
        a = _area(code)
        sink.add(a, _TYPE, K.AdministrativeArea)
        area = table.by_code[code]
        sink.add(a, RS.label, _zh(table.full_name(area)))
        sink.add(a, K.adminLevel, Lit(ref.level))
        sink.add(a, K.divisionCode, Lit(code))
        if len(ref.path) >= 2:
            sink.add(a, K.within, _area(ref.path[-2][0]))


def _source_files(sink: TripleSink, r: str, docs: Sequence[Document | SourceFile]) -> None:
    for doc in docs:
        f = f"{KGR}file-{doc.sha256[:16]}"
        sink.add(r, P.wasDerivedFrom, f)
        sink.add(f, _TYPE, K.SourceFile)
        sink.add(f, _TYPE, P.Entity)
        sink.add(f, RS.label, Lit(doc.source_name))
        sink.add(f, K.sha256, Lit(doc.sha256))
        sink.add(f, K.byteSize, _int(doc.size))
        if doc.encoding:  # a PDF has none
            sink.add(f, K.encoding, Lit(doc.encoding))
        sink.add(f, K.fileFormat, Lit(doc.fmt))


def _report_head(sink: TripleSink, node: ReportNode) -> None:
    """The report itself: label, file, year, issuer, and what made it partial."""
    info, rid = node.extraction.info, node.extraction.report_id
    r = _report(rid)
    sink.add(r, _TYPE, K.Report)
    sink.add(r, RS.label, _zh(info.title or node.source_names[0]))
    sink.add(r, K.sourceFile, Lit(node.source_names[0]))
    if info.year is not None:
        sink.add(r, K.year, Lit(str(info.year), X.gYear))
        if info.year_span:
            sink.mention(r, rid, "year", info.year_span, r)
    if info.published:
        sink.add(r, K.published, Lit(info.published))
    if info.problems:
        sink.add(r, K.partial, Lit("; ".join(info.problems)))
    if node.government:
        g = sink.node("gov", node.government)
        sink.add(r, K.issuedBy, g)
        if info.issuer_span:
            sink.add(r, K.mentions, g)
            sink.mention(r, rid, "gov", info.issuer_span, g)


def _report_documents(sink: TripleSink, node: ReportNode) -> None:
    """The regulations the report cites or issues and the works it names, each mention with its span."""
    ex, rid = node.extraction, node.extraction.report_id
    r = _report(rid)
    for m, key in zip(ex.regulations, node.regulation_keys, strict=True):
        if key is not None:
            sink.mention(r, rid, "reg", m.span, sink.node("reg", key))
    for m, key in zip(ex.regulations, node.work_keys, strict=True):
        if key is not None:
            w = sink.node("work", key)
            sink.add(r, K.namesWork, w)
            sink.mention(r, rid, "work", m.span, w)
    for key, role in node.roles.items():
        reg = sink.node("reg", key)
        sink.add(r, K.issues if role == "issued" else K.cites, reg)
        sink.add(r, K.refersTo, reg)


def _report_mentions(sink: TripleSink, node: ReportNode) -> None:
    """The bodies and measures the report names."""
    ex, rid = node.extraction, node.extraction.report_id
    r = _report(rid)
    for m, key in zip(ex.organisations, node.organisation_keys, strict=True):
        o = sink.node("org", key) if key else sink.node("gov", node.government)
        sink.add(r, K.mentions, o)
        sink.mention(r, rid, "org", m.span, o)
    for m in ex.measures:
        ms = _measure(sink, m.label, m.concept)
        sink.add(r, K.mentions, ms)
        sink.mention(r, rid, "msr", m.span, ms)


def _figures(sink: TripleSink, node: ReportNode) -> None:
    rid = node.extraction.report_id
    r = _report(rid)
    for f in node.extraction.figures:
        key = f"{rid}-{f.span.start}-{f.span.end}" + (f"-{f.range_part}" if f.range_part else "")
        fig = f"{KGR}figure-{key}"
        row = [fig, K.Figure, r, Lit(format_decimal(f.value), X.decimal), Lit(f.unit)]
        row += (_TRUE if f.approximate else _FALSE, _zh(f.span.text.replace("\n", "")))
        optional = (
            (K.qualifier, f.qualifier and _zh(f.qualifier)),
            (K.subject, f.subject and _zh(f.subject)),
            (K.rangeBound, f.range_part and Lit(f.range_part)),
            (K.indicator, f.indicator and KGR + f.indicator),
        )
        predicates = _FIGURE + tuple(p for p, o in optional if o)
        sink.rows(predicates).append((*row, *(o for _, o in optional if o)))
        sink.mention(r, rid, "fig" + (f"-{f.range_part}" if f.range_part else ""), f.span, fig)


def _report_statements(sink: TripleSink, node: ReportNode, docs: Sequence[Document | SourceFile]) -> None:
    _report_head(sink, node)
    _source_files(sink, _report(node.extraction.report_id), docs)
    _report_documents(sink, node)
    _report_mentions(sink, node)
    _figures(sink, node)


def _labelled(sink: TripleSink, node: str, cls: str, label: str, alts: set[str]) -> None:
    sink.add(node, _TYPE, cls)
    sink.add(node, RS.label, _zh(label))
    for alt in alts:
        sink.add(node, S.altLabel, _zh(alt))


def _regulations(sink: TripleSink, corpus: Corpus) -> None:
    for key, reg in corpus.regulations.items():
        n = sink.node("reg", key)
        _labelled(sink, n, K.Regulation, reg.label, reg.alt_labels)
        sink.add(n, K.kind, Lit(reg.kind))
        sink.add(n, K.issuerLevel, Lit(reg.issuer_level))
        for number in reg.document_numbers:
            sink.add(n, K.documentNumber, Lit(number))
        for inner in reg.implements:
            sink.add(n, K.implementsRegulation, sink.node("reg", inner))
        if reg.scope_area:
            sink.add(n, K.scopeArea, _area(reg.scope_area))
        if reg.issuer_area:
            sink.add(n, K.issuerArea, _area(reg.issuer_area))


def _bodies_and_works(sink: TripleSink, corpus: Corpus) -> None:
    for key, gov in corpus.governments.items():
        g = sink.node("gov", key)
        _labelled(sink, g, K.Government, gov.label, gov.alt_labels)
        sink.add(g, _TYPE, K.Organisation)
        if gov.area:
            sink.add(g, K.jurisdiction, _area(gov.area))
    for key, work in corpus.works.items():
        _labelled(sink, sink.node("work", key), K.CitedWork, work.label, work.alt_labels)
        sink.add(sink.node("work", key), K.workType, Lit(work.work_type))
    for key, org in corpus.organisations.items():
        _labelled(sink, sink.node("org", key), K.Organisation, org.label, org.alt_labels)


def _measures(sink: TripleSink, corpus: Corpus) -> None:
    from kg.lang.schemes import MEASURE_SCHEME, measure_scheme  # noqa: PLC0415

    scheme = {c.id: c for c in measure_scheme()}
    for key, ms in corpus.measures.items():
        n = _measure(sink, key, ms.concept)
        sink.add(n, _TYPE, K.Measure)
        sink.add(n, _TYPE, S.Concept)
        sink.add(n, RS.label, _zh(ms.label))
        alts = set(ms.alt_labels)
        if ms.concept in scheme:
            sink.add(n, S.inScheme, KGR + MEASURE_SCHEME)
            sink.add(n, S.prefLabel, _zh(ms.label))
            alts |= set(scheme[ms.concept].alt_labels)
        for alt in alts - {ms.label}:
            sink.add(n, S.altLabel, _zh(alt))


def corpus_triples(corpus: Corpus, docs: dict[str, list[Document]] | None = None) -> Iterator[Triple]:
    """All triples of the corpus (unordered; the Turtle writer sorts)."""
    return iter(to_triples(_corpus_statements(corpus, docs)))


def _corpus_statements(corpus: Corpus, docs: dict[str, list[Document]] | None = None) -> list[Statement]:
    sink = TripleSink()
    docs = docs or {}
    _areas(sink, corpus)
    _bodies_and_works(sink, corpus)
    _regulations(sink, corpus)
    _measures(sink, corpus)
    for node in corpus.reports.values():
        _report_statements(sink, node, docs.get(node.extraction.report_id, []))
    _indicators(sink, {f.indicator for node in corpus.reports.values() for f in node.extraction.figures if f.indicator})
    return list(sink.statements())


def _indicators(sink: TripleSink, used: set[str]) -> None:
    """The indicator concepts figures link to, with their labels and unit, so the graph explains itself;
    the whole scheme is ``ontology/indicators.ttl``."""
    from kg.lang.schemes import INDICATOR_SCHEME, indicator_scheme  # noqa: PLC0415

    for concept in indicator_scheme():
        if concept.id not in used:
            continue
        c = KGR + concept.id
        sink.add(c, _TYPE, K.Indicator)
        sink.add(c, _TYPE, S.Concept)
        sink.add(c, S.inScheme, KGR + INDICATOR_SCHEME)
        sink.add(c, RS.label, _zh(concept.pref_label))
        sink.add(c, S.prefLabel, _zh(concept.pref_label))
        if concept.unit:
            sink.add(c, K.unit, Lit(concept.unit))


# --- the graph in parts, for builds that resolve and write each report apart (kg.build.pipeline) ----------------------


def report_statements(node: ReportNode, files: Sequence[Document | SourceFile]) -> Statements:
    """The statements of one report (light :mod:`kg.rdf.terms` tuples, formatted by
    :meth:`kg.rdf.turtle.TurtleWriter.subject_blocks`): the report itself, its source files, figures and mentions.
    They depend on the report alone (its extraction and the identity keys of what it names), so a build can make
    them in a worker process and cache them; :func:`entity_triples` makes the rest."""
    sink = TripleSink()
    _report_statements(sink, node, files)
    return sink.statements()


def entity_triples(corpus: Corpus, indicators: set[str]) -> list[Triple]:
    """The triples of the shared resources of a corpus (areas, governments, regulations, organisations, measures)
    and of the ``indicators`` (concept IRIs) its figures link to. With :func:`report_statements` of every report,
    the same triples as :func:`corpus_triples`."""
    return to_triples(entity_statements(corpus, indicators))


def entity_statements(corpus: Corpus, indicators: set[str]) -> list[Statement]:
    """:func:`entity_triples` as light statements, which the Turtle writer formats without a pyoxigraph term per
    triple (how a build renders the shared blocks: their IRIs are minted here, as a report's are)."""
    sink = TripleSink()
    _indicators(sink, indicators)
    return [*_corpus_statements(dataclasses.replace(corpus, reports={})), *sink.triples]


# The report triples the HTML view reads (kg.view, kg.analyse.citations); the view is drawn from these and the
# shared resources only, never from a store of every mention and figure (tests/test_scale.py checks it is the
# same page as one drawn from the whole graph) …
_VIEW_PREDICATES = frozenset((_TYPE, RS.label, K.sourceFile, K.year, K.issuedBy, K.cites, K.issues, K.refersTo))
# … and, for the example sentences of its tooltips, the mentions of regulations (kgr:mention-…-reg)
_VIEW_MENTION_PREDICATES = frozenset((_TYPE, K.inReport, K.denotes, K.start, K.end, K.text))


def view_subset(report_id: str, statements: Statements) -> str:
    """The statements of one report that the HTML view needs, as N-Triples text (as pyoxigraph writes it)."""
    subject = _report(report_id)
    own = [t for t in statements.triples if t[0] == subject and t[1] in _VIEW_PREDICATES]
    mentions = (
        (row[0], p, o)
        for table in statements.tables
        for row in table.rows
        if row[0].endswith("-reg")
        for p, o in zip(table.predicates, row[1:], strict=True)
        if p in _VIEW_MENTION_PREDICATES
    )
    return ntriples([*own, *mentions])
