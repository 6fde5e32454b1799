"""Resolution: one canonical node per real thing, across all reports of a build.

* Regulations: the normalised title (:mod:`kg.lang.titles`), then the law table (short → full national titles).
  A title that names its issuing place (山西省…, 银川市兴庆区…) is global. A title found in no table and naming
  no place (《行政规范性文件管理规定》) is scoped to the citing report's area, because two cities' documents of that
  name are different documents: its identity key is ``<area code>|<title>``.
* Governments: the issuing body's full name, with the prefecture prefixed for a county-level area.
* Organisations: the name with its level prefix expanded to the report's area (区司法局 in a 兴庆区 report →
  兴庆区司法局) and abbreviations merged (区法院 = 区人民法院).
* Measures: the canonical label.

The result (:class:`Corpus`) is plain data; only :mod:`kg.rdf.triples` turns it into RDF.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.lang.areas import area_table
from kg.lang.titles import normalise_title
from kg.model import AreaRef, Extraction, RegulationMention, Role
from kg.resolve.bodies import canonical_organisation, expand_abbreviation, government_name
from kg.resolve.regulations import RegulationNode, classify_kind, named_place, regulation_identity, work_key


@dataclass
class EntityNode:
    """A government, organisation or measure: a canonical label and the other spellings seen."""

    key: str
    label: str
    alt_labels: set[str] = field(default_factory=set)
    area: str | None = None  # area code
    concept: str | None = None


@dataclass
class ReportNode:
    extraction: Extraction
    source_names: list[str]
    government: str | None  # key into Corpus.governments
    regulation_keys: list[str | None]  # per regulation mention; None for non-regulations (reports, projects)
    work_keys: list[str | None]  # per regulation mention; the kg:CitedWork of a non-regulation, else None
    organisation_keys: list[str | None]  # None: the mention names the report's own government
    roles: dict[str, Role] = field(default_factory=dict)  # regulation key → its role in the report


@dataclass
class WorkNode:
    """A work named in 《》 that is not a regulation (kg:CitedWork)."""

    key: str
    label: str
    work_type: str  # report | project | book | media | other
    alt_labels: set[str] = field(default_factory=set)


@dataclass
class Corpus:
    reports: dict[str, ReportNode] = field(default_factory=dict)
    regulations: dict[str, RegulationNode] = field(default_factory=dict)
    governments: dict[str, EntityNode] = field(default_factory=dict)
    organisations: dict[str, EntityNode] = field(default_factory=dict)
    measures: dict[str, EntityNode] = field(default_factory=dict)
    works: dict[str, WorkNode] = field(default_factory=dict)
    areas: dict[str, AreaRef] = field(default_factory=dict)


def _absorb(existing: RegulationNode, node: RegulationNode) -> None:
    """Take another node of the same key into ``existing``: the first known issuer level (with its kind), the
    fullest label unless the law table fixed it (ties: the first in code-point order), the other as altLabel."""
    if existing.issuer_level == "unknown" and node.issuer_level != "unknown":
        existing.issuer_level, existing.kind = node.issuer_level, node.kind
    if not existing.fixed_label and (len(node.label), existing.label) > (len(existing.label), node.label):
        existing.alt_labels.add(existing.label)
        existing.label = node.label
    existing.alt_labels.add(node.label)


def _merge_regulation(corpus: Corpus, node: RegulationNode, surface: str | None) -> str:
    """Merge a mention's node into the corpus node of its key. The label is the law table's title, else the
    fullest spelling seen (中共银川市兴庆区委… over 兴庆区委…); every other spelling becomes an altLabel."""
    existing = corpus.regulations.get(node.key)
    if existing is None:
        corpus.regulations[node.key] = existing = node
    else:
        _absorb(existing, node)
    if surface:
        existing.alt_labels.add(surface)
    existing.alt_labels.discard(existing.label)
    return existing.key


def _without_party(name: str) -> str:
    """中共兴庆区委… and 兴庆区委… name one body: compare them without the 中共."""
    return name[2:] if name.startswith("中共") else name


def _merge_work(corpus: Corpus, mention: RegulationMention, area: AreaRef | None) -> str:
    key = work_key(mention, area)
    node = corpus.works.setdefault(key, WorkNode(key, normalise_title(mention.title), mention.category))
    if mention.surface and mention.surface != node.label:
        node.alt_labels.add(mention.surface)
    return key


# --- the corpus -----------------------------------------------------------------------------------------------


def _add_area_chain(corpus: Corpus, area: AreaRef) -> None:
    table = area_table()
    for code, _, _ in area.path:
        if code not in corpus.areas and code in table.by_code:
            corpus.areas[code] = table.ref(table.by_code[code])


def resolve(extractions: Iterable[Extraction]) -> Corpus:
    """Merge every report's mentions into canonical nodes. Deterministic: reports are taken in id order."""
    corpus = Corpus()
    by_id: dict[str, list[Extraction]] = {}
    for ex in extractions:
        by_id.setdefault(ex.report_id, []).append(ex)
    for report_id in sorted(by_id):
        copies = sorted(by_id[report_id], key=lambda e: e.source_name)
        corpus.reports[report_id] = _resolve_report(corpus, copies[0], [c.source_name for c in copies])
    return corpus


def _resolve_report(corpus: Corpus, ex: Extraction, source_names: list[str]) -> ReportNode:
    """Merge one report's mentions into ``corpus`` (which it extends) and return its node. The extraction is
    read, never changed."""
    info = ex.info
    if info.area:
        _add_area_chain(corpus, info.area)
    gov_key = _government(corpus, info.issuer, info.area)
    reg_keys, work_keys, roles = _regulations(corpus, ex.regulations, info.area)
    names: dict[str, tuple[str, bool]] = {}  # a report names the same bodies again and again: canonicalise once
    governs: dict[str, bool] = {}  # … and writes one body in several ways: compare each with the government once
    org_keys = [_organisation(corpus, m.name, info.area, gov_key, names, governs) for m in ex.organisations]
    for m in ex.measures:
        node = corpus.measures.setdefault(m.label, EntityNode(m.label, m.label, concept=m.concept))
        surface = m.span.text.replace("\n", "")
        if surface != node.label:
            node.alt_labels.add(surface)
    return ReportNode(ex, source_names, gov_key, reg_keys, work_keys, org_keys, roles)


def _government(corpus: Corpus, issuer: str | None, area: AreaRef | None) -> str | None:
    if not issuer:
        return None
    label = government_name(issuer, area)
    gov = corpus.governments.setdefault(label, EntityNode(label, label, area=area.code if area else None))
    if issuer != label:
        gov.alt_labels.add(issuer)
    return label


def _regulations(
    corpus: Corpus, mentions: list[RegulationMention], area: AreaRef | None
) -> tuple[list[str | None], list[str | None], dict[str, Role]]:
    """Per mention, its regulation key or its work key (None for the other, and for both when a bare short form
    stands for nothing); and per regulation, the report's role (issues wins over cites)."""
    reg_keys: list[str | None] = []
    work_keys: list[str | None] = []
    roles: dict[str, Role] = {}
    identities: dict[tuple[str, Role], RegulationNode] = {}  # the same title again in this report (same area)
    for m in mentions:
        if m.category != "regulation":
            reg_keys.append(None)
            work_keys.append(None if m.category == "unresolved" else _merge_work(corpus, m, area))
            continue
        work_keys.append(None)
        key = _merge_regulation(corpus, _identity(m, area, identities), None if m.alias else m.surface or m.title)
        if m.document_number:
            corpus.regulations[key].document_numbers.add(m.document_number)
        reg_keys.append(key)
        # a national law or State Council regulation (the law table) is never the reporting government's own
        role: Role = "issued" if m.role == "issued" and not corpus.regulations[key].fixed_label else "cited"
        if roles.get(key) != "issued":
            roles[key] = role
    for m, key in zip(mentions, reg_keys, strict=True):
        if key and m.parent is not None and reg_keys[m.parent]:
            corpus.regulations[reg_keys[m.parent]].implements.add(key)
        if key:
            reg = corpus.regulations[key]
            for code in (reg.issuer_area, reg.scope_area):
                if code and code not in corpus.areas:
                    _add_area_chain(corpus, area_table().ref(area_table().by_code[code]))
    return reg_keys, work_keys, roles


def _identity(
    m: RegulationMention, area: AreaRef | None, seen: dict[tuple[str, Role], RegulationNode]
) -> RegulationNode:
    """:func:`regulation_identity` of a mention, computed once per (title, role) of a report (it reads nothing else
    of the mention); a fresh node each time, since merging keeps and changes the node it is given."""
    node = seen.get((m.title, m.role))
    if node is None:
        node = seen[m.title, m.role] = regulation_identity(m, area)
    return dataclasses.replace(
        node,
        alt_labels=set(node.alt_labels),
        document_numbers=set(node.document_numbers),
        implements=set(node.implements),
    )


def _organisation(
    corpus: Corpus,
    name: str,
    area: AreaRef | None,
    gov_key: str | None,
    names: dict[str, tuple[str, bool]],
    governs: dict[str, bool],
) -> str | None:
    """The key of a named body; None when it names the report's own government or signing body (then the
    written form becomes one of the government's altLabels). ``names`` keeps, per written name of this report, its
    canonical name and whether that is the government; ``governs``, per canonical name, the latter."""
    known = names.get(name)
    if known is None:
        label = canonical_organisation(name, area)
        own = governs.get(label)
        if own is None:
            own = governs[label] = bool(gov_key) and (
                _without_party(government_name(label, area)) == _without_party(gov_key) or _own_office(label, gov_key)
            )
        known = names[name] = (label, own)
    label, is_government = known
    if is_government:
        if name != gov_key:
            corpus.governments[gov_key].alt_labels.add(name)
        return None
    org = corpus.organisations.setdefault(label, EntityNode(label, label, area=area.code if area else None))
    if name != label:
        org.alt_labels.add(name)
    return label


def _own_office(label: str, gov_key: str) -> bool:
    """Whether a body named without place or tier is the department that reports (民政局, or 人社局 expanded, in the
    report of 某某区民政局): a department speaks of itself so; another level's would carry its tier (市民政局)."""
    if gov_key.endswith("政府"):
        return False  # (a government's report: the test needs no place read)
    table = area_table()
    places = table.leading_places(gov_key)
    if not places or table.leading_places(label):
        return False
    return label == gov_key[places[-1][1] :]


def merge_corpus(into: Corpus, part: Corpus) -> Corpus:
    """Merge ``part`` (resolved from other reports) into ``into``; returns ``into``.

    Why: a large build resolves each report on its own, in a worker process and cached, and merges the small
    per-report corpora here instead of resolving every report again. Merging ``resolve([r])`` of each report in
    report-id order gives the same nodes as ``resolve`` of them all, because identity keys depend on one mention
    and its report only, and every merge rule of :func:`resolve` is order-free or first-wins: labels take the
    longest spelling (ties: the first in code-point order) and the others become altLabels; the issuer level and
    kind come from the first node that knows the level; areas, scope and jurisdiction from the first node.
    (``tests/test_resolve.py`` checks the equivalence on real reports.) Reports are merged too.
    """
    for code, ref in part.areas.items():
        into.areas.setdefault(code, ref)
    for key, node in part.regulations.items():
        existing = into.regulations.get(key)
        if existing is None:
            into.regulations[key] = RegulationNode(
                node.key,
                node.label,
                node.kind,
                node.issuer_level,
                set(node.alt_labels),
                set(node.document_numbers),
                set(node.implements),
                node.scope_area,
                node.issuer_area,
                node.fixed_label,
            )
            continue
        _absorb(existing, node)
        existing.alt_labels |= node.alt_labels
        existing.alt_labels.discard(existing.label)
        existing.document_numbers |= node.document_numbers
        existing.implements |= node.implements
    for table, other in (
        (into.governments, part.governments),
        (into.organisations, part.organisations),
        (into.measures, part.measures),
    ):
        for key, entity in other.items():
            existing = table.get(key)
            if existing is None:
                table[key] = EntityNode(entity.key, entity.label, set(entity.alt_labels), entity.area, entity.concept)
            else:
                existing.alt_labels |= entity.alt_labels
    for key, work in part.works.items():
        existing = into.works.get(key)
        if existing is None:
            into.works[key] = WorkNode(work.key, work.label, work.work_type, set(work.alt_labels))
        else:
            existing.alt_labels |= work.alt_labels
    into.reports.update(part.reports)
    return into


__all__ = [
    "Corpus",
    "RegulationNode",
    "WorkNode",
    "canonical_organisation",
    "classify_kind",
    "expand_abbreviation",
    "government_name",
    "merge_corpus",
    "named_place",
    "regulation_identity",
    "resolve",
]
