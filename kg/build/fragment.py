"""One report's share of a build, as the worker makes it and the cache keeps it: the head the main process keeps,
the report's share of the corpus (its resolved shared nodes, as JSON), the triples the HTML view needs and the
report's own Turtle blocks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from kg.model import AreaRef
from kg.read import SourceFile
from kg.resolve import Corpus, EntityNode, RegulationNode, WorkNode

_REGULATION_SETS = ("alt_labels", "document_numbers", "implements")


# --- the corpus share of one report, as JSON ------------------------------------------------------------------


def corpus_to_json(corpus: Corpus) -> dict[str, Any]:
    """The shared nodes of a (one-report) corpus as plain JSON (sets as sorted lists); reports are left out."""

    def entity(e: EntityNode) -> dict:
        return {
            "key": e.key,
            "label": e.label,
            "alt_labels": sorted(e.alt_labels),
            "area": e.area,
            "concept": e.concept,
        }

    return {
        "regulations": {
            k: {
                **{
                    f: getattr(r, f)
                    for f in ("key", "label", "kind", "issuer_level", "scope_area", "issuer_area", "fixed_label")
                },
                **{f: sorted(getattr(r, f)) for f in _REGULATION_SETS},
            }
            for k, r in corpus.regulations.items()
        },
        "governments": {k: entity(e) for k, e in corpus.governments.items()},
        "organisations": {k: entity(e) for k, e in corpus.organisations.items()},
        "measures": {k: entity(e) for k, e in corpus.measures.items()},
        "works": {
            k: {"key": w.key, "label": w.label, "work_type": w.work_type, "alt_labels": sorted(w.alt_labels)}
            for k, w in corpus.works.items()
        },
        "areas": {
            k: {"code": a.code, "name": a.name, "level": a.level, "path": [list(p) for p in a.path]}
            for k, a in corpus.areas.items()
        },
    }


def corpus_from_json(d: dict[str, Any]) -> Corpus:
    """Inverse of :func:`corpus_to_json`."""

    def entity(e: dict) -> EntityNode:
        return EntityNode(e["key"], e["label"], set(e["alt_labels"]), e["area"], e["concept"])

    return Corpus(
        regulations={
            k: RegulationNode(**{**r, **{f: set(r[f]) for f in _REGULATION_SETS}}) for k, r in d["regulations"].items()
        },
        governments={k: entity(e) for k, e in d["governments"].items()},
        organisations={k: entity(e) for k, e in d["organisations"].items()},
        measures={k: entity(e) for k, e in d["measures"].items()},
        works={k: WorkNode(w["key"], w["label"], w["work_type"], set(w["alt_labels"])) for k, w in d["works"].items()},
        areas={
            k: AreaRef(a["code"], a["name"], a["level"], [tuple(p) for p in a["path"]]) for k, a in d["areas"].items()
        },
    )


# --- entries --------------------------------------------------------------------------------------------------


@dataclass
class FragmentHead:
    """What the main process keeps of a report's fragment: its id, its (first) file, why it is partial, and
    counts for the build report. Written as line one of the fragment and kept in ``index.json``."""

    report_id: str
    file: SourceFile
    problems: list[str]
    figures: int
    triples: int
    text_bytes: int = 0

    def to_json(self) -> dict[str, Any]:
        """The fields in their order, written out (``dataclasses.asdict`` copies deeply: ~0.5 ms a head, twice per
        report in the main process of a build)."""
        f = self.file
        return {
            "report_id": self.report_id,
            "file": {
                "source_name": f.source_name,
                "sha256": f.sha256,
                "size": f.size,
                "encoding": f.encoding,
                "fmt": f.fmt,
            },
            "problems": list(self.problems),
            "figures": self.figures,
            "triples": self.triples,
            "text_bytes": self.text_bytes,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> FragmentHead:
        return cls(
            d["report_id"],
            SourceFile(**d["file"]),
            list(d["problems"]),
            d["figures"],
            d["triples"],
            d.get("text_bytes", 0),
        )


@dataclass
class Fragment:
    """One report's cached share of the build (see the module docstring)."""

    head: FragmentHead
    part: dict[str, Any]  # corpus (corpus_to_json), indicators, html (N-Triples)
    body: str  # Turtle blocks

    def serialise(self, name: str) -> str:
        """The fragment file's content (done by the worker that made it, not by the main process)."""
        shares = {k: v for k, v in self.part.items() if k != "html"}
        lines = (orjson.dumps(x) for x in ({**self.head.to_json(), "name": name}, shares, self.part["html"]))
        return b"\n".join(lines).decode("utf-8") + "\n" + self.body  # (JSON lines written by orjson: compact)
