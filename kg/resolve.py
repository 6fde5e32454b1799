"""Resolution: one canonical node per real thing, across all reports of a build.

* Regulations: the normalised title (:mod:`kg.titles`), then the law table (short → full national titles).
  A title that names its issuing place (山西省…, 大同市新荣区…) is global. A title found in no table and naming
  no place (《行政规范性文件管理规定》) is scoped to the citing report's area, because two cities' documents of that
  name are different documents: its identity key is ``<area code>|<title>``.
* Governments: the issuing body's full name, with the prefecture prefixed for a county-level area.
* Organisations: the name with its level prefix expanded to the report's area (区司法局 in a 大武口区 report →
  大武口区司法局) and abbreviations merged (区法院 = 区人民法院).
* Measures: the canonical label.

The result (:class:`Corpus`) is plain data; only :mod:`kg.graph` turns it into RDF.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from kg.areas import Area, area_table
from kg.lawtable import law_table
from kg.model import AreaRef, Extraction, RegulationMention
from kg.resources import data_csv
from kg.titles import normalise_title

_TRAILING_PAREN = re.compile(r"（[^（）]*）$")


@dataclass
class RegulationNode:
    key: str
    label: str
    kind: str
    issuer_level: str
    alt_labels: set[str] = field(default_factory=set)
    document_numbers: set[str] = field(default_factory=set)
    implements: set[str] = field(default_factory=set)  # keys of documents this one implements (nested titles)
    scope_area: str | None = None  # area code, for local titles that do not name their issuer


@dataclass
class NamedNode_:
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
    organisation_keys: list[str]
    roles: dict[str, str] = field(default_factory=dict)  # regulation key → "cites" | "issues"


@dataclass
class Corpus:
    reports: dict[str, ReportNode] = field(default_factory=dict)
    regulations: dict[str, RegulationNode] = field(default_factory=dict)
    governments: dict[str, NamedNode_] = field(default_factory=dict)
    organisations: dict[str, NamedNode_] = field(default_factory=dict)
    measures: dict[str, NamedNode_] = field(default_factory=dict)
    areas: dict[str, AreaRef] = field(default_factory=dict)


# --- regulations ----------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _kind_endings() -> list[tuple[str, str]]:
    return sorted(((r["ending"], r["kind"]) for r in data_csv("regulation_kinds.csv")), key=lambda x: -len(x[0]))


def classify_kind(title: str) -> str:
    """kg:kind from the title's last word (after any trailing （试行）/（2021—2025年）)."""
    core = title
    while _TRAILING_PAREN.search(core):
        core = _TRAILING_PAREN.sub("", core)
    for ending, kind in _kind_endings():
        if core.endswith(ending):
            if ending == "法" and core.endswith(("办法", "方法", "做法", "用法")):
                continue
            return kind
    return "other"


def named_place(title: str) -> Area | None:
    """The area a title starts with (山西省…, 大同市新荣区…, 宁夏…), the most specific one named."""
    table = area_table()
    head = title[:20]
    head = re.sub(r"^(?:中共|中国共产党|关于|印发)", "", head)
    chain: list[Area] = []
    pos = 0
    for start, end, name in table.find(head):
        if start > pos + 1:
            break
        candidates = table.lookup(name)
        if chain:
            narrowed = [a for a in candidates if a.parent == chain[-1].code]
            candidates = narrowed or candidates
        if not candidates:
            break
        chain.append(candidates[0])
        pos = end
    if chain:
        return chain[-1]
    for short, areas in table.by_short.items():  # 宁夏…, 山西…: a province by its short name
        if head.startswith(short) and areas[0].level == "province":
            return areas[0]
    return None


def _level_of(area: Area) -> str:
    return {"province": "provincial", "prefecture": "municipal", "county": "local"}[area.level]


def regulation_identity(mention: RegulationMention, report_area: AreaRef | None) -> RegulationNode:
    """The canonical node (not yet merged) a regulation mention denotes."""
    title = normalise_title(mention.title)
    law = law_table().get(title)
    if law is not None:
        return RegulationNode(key=law.title, label=law.title, kind=law.kind, issuer_level="national")
    place = named_place(title)
    kind = classify_kind(title)
    if place is not None:
        if kind == "local_regulation" and place.level == "county":
            kind = "normative_document"  # a county cannot make 条例
        return RegulationNode(key=title, label=title, kind=kind, issuer_level=_level_of(place))
    scope = report_area.code if report_area else None
    level = "unknown"
    if mention.role == "issued" and report_area is not None:
        level = {"province": "provincial", "prefecture": "municipal", "county": "local"}[report_area.level]
    return RegulationNode(key=f"{scope}|{title}" if scope else title, label=title, kind=kind, issuer_level=level,
                          scope_area=scope)


def _merge_regulation(corpus: Corpus, node: RegulationNode, surface: str) -> str:
    existing = corpus.regulations.get(node.key)
    if existing is None:
        corpus.regulations[node.key] = existing = node
    elif existing.issuer_level == "unknown" and node.issuer_level != "unknown":
        existing.issuer_level = node.issuer_level
    if surface != existing.label:
        existing.alt_labels.add(surface)
    return existing.key


# --- organisations and governments ----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _abbreviations() -> list[tuple[str, str]]:
    return sorted(((r["short"], r["full"]) for r in data_csv("org_abbreviations.csv")), key=lambda x: -len(x[0]))


def expand_abbreviation(name: str) -> str:
    for short, full in _abbreviations():
        if name.endswith(short) and not name.endswith(full):
            return name[: -len(short)] + full
    return name


def canonical_organisation(name: str, area: AreaRef | None) -> str:
    """区司法局 in a 大武口区 report → 大武口区司法局; 区法院 → 大武口区人民法院."""
    full = expand_abbreviation(name)
    if area is None:
        return full
    table = area_table()
    chain = [table.by_code[c] for c, _, _ in area.path if c in table.by_code]
    for a in reversed(chain):
        level_char = a.name[-1]
        if full.startswith(level_char) and not full.startswith(a.name) and len(full) > 1:
            if a.short and full.startswith(a.short):
                break
            return a.name + full[1:]
    return full


def government_name(issuer: str, area: AreaRef | None) -> str:
    """The issuing body's full name, with its prefecture for a county-level area (石嘴山市大武口区人民政府)."""
    name = expand_abbreviation(issuer)
    if area is None or area.level != "county" or len(area.path) < 2:
        return name
    prefecture = area.path[-2][1]
    if area.path[-2][2] != "prefecture" or name.startswith(prefecture):
        return name
    for prefix in ("中共", ""):
        if name.startswith(prefix + area.name):
            return prefix + prefecture + name[len(prefix):]
    return name


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
        ex = copies[0]
        info = ex.info
        if info.area:
            _add_area_chain(corpus, info.area)
        gov_key = None
        if info.issuer:
            gov_label = government_name(info.issuer, info.area)
            gov_key = gov_label
            gov = corpus.governments.setdefault(gov_key, NamedNode_(gov_key, gov_label,
                                                                   area=info.area.code if info.area else None))
            if info.issuer != gov_label:
                gov.alt_labels.add(info.issuer)
        reg_keys: list[str | None] = []
        roles: dict[str, str] = {}
        for m in ex.regulations:
            if m.category != "regulation":
                reg_keys.append(None)
                continue
            node = regulation_identity(m, info.area)
            key = _merge_regulation(corpus, node, m.title)
            if m.document_number:
                corpus.regulations[key].document_numbers.add(m.document_number)
            reg_keys.append(key)
            role = "issues" if m.role == "issued" else "cites"
            if roles.get(key) != "issues":
                roles[key] = role
        for m, key in zip(ex.regulations, reg_keys):
            if key and m.parent is not None and reg_keys[m.parent]:
                corpus.regulations[reg_keys[m.parent]].implements.add(key)
        org_keys = []
        for m in ex.organisations:
            label = canonical_organisation(m.name, info.area)
            org = corpus.organisations.setdefault(label, NamedNode_(label, label,
                                                                   area=info.area.code if info.area else None))
            if m.name != label:
                org.alt_labels.add(m.name)
            m.canonical = label
            org_keys.append(label)
        for m in ex.measures:
            node = corpus.measures.setdefault(m.label, NamedNode_(m.label, m.label, concept=m.concept))
            surface = m.span.text.replace("\n", "")
            if surface != node.label:
                node.alt_labels.add(surface)
        corpus.reports[report_id] = ReportNode(ex, [c.source_name for c in copies], gov_key, reg_keys, org_keys,
                                               roles)
    return corpus
