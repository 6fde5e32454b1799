"""The RDF vocabulary, declared once. It mirrors ``ontology/kg.ttl``; terms are attributes, never concatenated
strings, so a typo is an AttributeError at import time rather than a silent new property in the output.

Resource IRIs (namespace ``kgr:`` = ``https://w3id.org/fazhi-kg/id/``) are derived from canonical identity by
:func:`resource`, never from run order, input order or file names, so the same thing has the same IRI in every
build and every corpus. ``hash(x)`` below is :func:`short_hash`: the first 16 hex digits (64 bits) of the SHA-256
of ``x`` in UTF-8.

==================================  ================================================================================
``kgr:report-<r>``                  r = hash of the report's decoded text (newlines unified): the same text under
                                    two file names is one report
``kgr:file-<f>``                    f = first 16 hex digits of the SHA-256 of the source file's bytes (the full
                                    digest is its ``kg:sha256``)
``kgr:area-<code>``                 the six-digit GB/T 2260 division code
``kgr:gov-<h>``                     h = hash of the issuing body's full name (银川市兴庆区人民政府)
``kgr:org-<h>``                     h = hash of the organisation's canonical name (level prefixes expanded)
``kgr:reg-<h>``                     h = hash of the regulation's identity key: its canonical title, or
                                    ``<area code>|<title>`` for a local document whose title names no issuer
``kgr:measure-<h>``                 h = hash of the canonical label; concepts of ``ontology/measures.ttl`` keep
                                    their own ``kgr:measure-<slug>`` IRIs, and indicators their
                                    ``kgr:indicator-<slug>``
``kgr:work-<h>``                    h = hash of a non-regulation work's type and title (kg:CitedWork: reports,
                                    projects, books, programmes), with the citing report's area when the title
                                    names no place (two districts' 《2022年度法治政府建设情况报告》 are two works)
``kgr:figure-<r>-<s>-<e>[-<b>]``    r = report hash, s/e = character offsets of the figure in the report's text,
                                    b = ``low``/``high`` for the two ends of a range (3至5天)
``kgr:mention-<r>-<s>-<e>-<k>``     k = kind of the mentioned thing: reg, fig (fig-low, fig-high), org, gov, msr,
                                    work, year
==================================  ================================================================================

Offsets index ``output/texts/<r>.txt``, the decoded text the build keeps. The ontology itself is
``https://w3id.org/fazhi-kg/ontology#`` (``kg:``), versioned by its ``owl:versionIRI``.
"""

from __future__ import annotations

import hashlib
from types import SimpleNamespace

from pyoxigraph import NamedNode

KG = "https://w3id.org/fazhi-kg/ontology#"
KGR = "https://w3id.org/fazhi-kg/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
OWL = "http://www.w3.org/2002/07/owl#"
DCT = "http://purl.org/dc/terms/"

PREFIXES: dict[str, str] = {
    "kg": KG,
    "kgr": KGR,
    "owl": OWL,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "xsd": XSD,
    "dct": DCT,
}


class Namespace:
    """A closed namespace: only declared terms exist, each a pyoxigraph NamedNode; :attr:`iris` has the same terms
    as plain IRI strings, for :mod:`kg.rdf.terms` statements (a report's thousands of triples are written without
    one pyoxigraph object each)."""

    def __init__(self, base: str, terms: str):
        self._base = base
        self._terms = {t: NamedNode(base + t) for t in terms.split()}
        self.iris = SimpleNamespace(**{t: base + t for t in terms.split()})

    def __getattr__(self, name: str) -> NamedNode:
        try:
            return self._terms[name]
        except KeyError:
            raise AttributeError(f"{name!r} is not a term of <{self._base}>") from None

    @property
    def base(self) -> str:
        return self._base


kg = Namespace(
    KG,
    """
    Report Government AdministrativeArea Organisation Regulation Measure Figure Indicator Mention SourceFile
    CitedWork namesWork workType indicatorType
    sourceFile year issuedBy jurisdiction adminLevel within divisionCode kind issuerLevel
    reportedIn value unit approximate qualifier subject indicator rangeBound
    inReport denotes start end text
    cites issues refersTo mentions implementsRegulation documentNumber scopeArea issuerArea
    published sha256 byteSize encoding fileFormat partial
    """,
)
rdf = Namespace(RDF, "type")
rdfs = Namespace(RDFS, "label comment")
skos = Namespace(SKOS, "altLabel prefLabel Concept inScheme")
xsd = Namespace(XSD, "string integer decimal boolean gYear date")
prov = Namespace(PROV, "wasDerivedFrom Entity")
dct = Namespace(DCT, "title")


def short_hash(key: str, length: int = 16) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:length]


def resource(kind: str, key: str, hashed: bool = True) -> NamedNode:
    """The IRI of a resource of ``kind`` with identity ``key`` (hashed unless already a safe token)."""
    return NamedNode(resource_iri(kind, key, hashed))


def resource_iri(kind: str, key: str, hashed: bool = True) -> str:
    """:func:`resource` as a plain string."""
    return f"{KGR}{kind}-{short_hash(key) if hashed else key}"
