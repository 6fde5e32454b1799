"""The build cache under ``OUTDIR/.cache/``: what a build learnt about each file, so the next build redoes only
the files that changed.

Why: extraction is the slow stage (segmentation) and a corpus is rebuilt many times while few of its files change.
Entries are keyed by the file's content (SHA-256 of its bytes) and format, under a folder named by a
:func:`fingerprint` of everything else the result depends on: ``EXTRACTOR_VERSION``, the segmenter and its model,
and the code and data of the ``kg`` package itself (so an edited extractor can never be served a stale result,
even when nobody bumped the version). Per file:

* ``<key>.txt`` — the decoded text (copied to ``texts/`` by a build that writes a folder).
* ``<key>.json`` — the extraction (:func:`kg.model.to_json`; read back with
  :func:`kg.model.extraction_from_json`). It depends on the content only, so a renamed file is not extracted
  again.
* ``<key>.<name hash>.frag`` — what the graph needs from that file under that name, as four parts: line 1, a
  small JSON head (report id, file facts, problems, counts); line 2, the report's share of the resolved corpus
  (regulations, bodies, areas, indicators it names); line 3, the triples the HTML view needs (a JSON string of
  N-Triples, decoded only when the HTML is drawn); then the report's own Turtle blocks, ready to be copied into
  ``graph.ttl``.

Two whole-build files make a rebuild after a small change cheap:

* ``index.json`` — per input name: content key, size and modification time, head. A file whose size and mtime
  are unchanged is taken as unchanged without being read (as make and git judge); ``--no-cache`` reads all.
* ``entities.json`` — per shared resource (area, government, organisation, measure, regulation): a hash of its
  merged node, its subject IRI and its Turtle block, reused while the node is unchanged.

Every file is written atomically. After a build the cache holds only the entries that build used (older
fingerprints and unused entries are removed), so it never grows past one entry per input.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import kg
from kg.fsutil import atomic_write_text
from kg.model import AreaRef
from kg.resolve import Corpus, EntityNode, RegulationNode, WorkNode

CACHE_DIR = ".cache"
INDEX = "index.json"
ENTITIES = "entities.json"
_REGULATION_SETS = ("alt_labels", "document_numbers", "implements")


@lru_cache(maxsize=8)
def code_fingerprint() -> str:
    """A hash of the ``kg`` package's code and data files (and the ontology files it ships)."""
    root = Path(kg.__file__).resolve().parent
    digest = hashlib.sha256()
    for folder in (root, root.parent / "ontology"):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if (
                path.is_file()
                and path.suffix in (".py", ".csv", ".txt", ".json", ".ttl", ".j2", ".jsonld")
                and "__pycache__" not in path.parts
            ):
                digest.update(path.relative_to(folder).as_posix().encode())
                digest.update(b"\0")
                digest.update(path.read_bytes())
                digest.update(b"\0")
    return digest.hexdigest()


def fingerprint(extractor_version: str, segmenter: str, model: str | None) -> str:
    """The cache folder name for this code, extractor version and segmenter (with its model directory's path)."""
    parts = [extractor_version, segmenter, str(Path(model).resolve()) if model else "", code_fingerprint()]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:20]


def extraction_text(extraction: dict) -> str:
    """The ``<key>.json`` entry of an extraction (:func:`kg.model.to_json` output)."""
    return json.dumps(extraction, ensure_ascii=False, separators=(",", ":"))


def content_key(sha256: str, fmt: str) -> str:
    return f"{sha256[:40]}-{fmt}"


def _name_hash(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]


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
class Fragment:
    """One report's cached share of the build (see the module docstring)."""

    head: dict[str, Any]  # report_id, file, problems, figures, triples, text_bytes
    part: dict[str, Any]  # corpus (corpus_to_json), indicators, html (N-Triples)
    body: str  # Turtle blocks

    def serialise(self, name: str) -> str:
        """The fragment file's content (done by the worker that made it, not by the main process)."""
        shares = {k: v for k, v in self.part.items() if k != "html"}
        return (
            json.dumps({**self.head, "name": name}, ensure_ascii=False)
            + "\n"
            + json.dumps(shares, ensure_ascii=False, separators=(",", ":"))
            + "\n"
            + json.dumps(self.part["html"], ensure_ascii=False)
            + "\n"
            + self.body
        )


@dataclass
class Cache:
    """The cache of one output folder for one fingerprint. ``read=False`` (``--no-cache``) ignores what is
    there but still stores fresh entries for the next build. Paths are plain strings: a 10,000-file build asks
    for tens of thousands of them."""

    folder: Path  # OUTDIR/.cache for kg build
    fp: str
    read: bool = True
    used: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.root = os.path.join(os.fspath(self.folder), self.fp)

    def extraction_path(self, key: str) -> str:
        return os.path.join(self.root, key[:2], f"{key}.json")

    def text_path(self, key: str) -> str:
        """The decoded text of this content (what ``texts/<report>.txt`` receives)."""
        return os.path.join(self.root, key[:2], f"{key}.txt")

    def fragment_path(self, key: str, name: str) -> str:
        return os.path.join(self.root, key[:2], f"{key}.{_name_hash(name)}.frag")

    def load_extraction(self, key: str) -> dict | None:
        """The cached extraction JSON of this content, if any."""
        if not self.read:
            return None
        path = self.extraction_path(key)
        try:
            with open(path, "rb") as f:
                data = json.loads(f.read())
        except (OSError, ValueError):
            return None
        self.used.add(path)
        return data

    def head(self, key: str, name: str) -> dict | None:
        """Line 1 of the cached fragment of this content under this name, if any (cheap: one line)."""
        if not self.read:
            return None
        path = self.fragment_path(key, name)
        try:
            with open(path, "rb") as f:
                head = json.loads(f.readline())
        except (OSError, ValueError):
            return None
        if head.get("name") != name:  # a hash collision of names, however unlikely
            return None
        self.use(key, name)
        return head

    def use(self, key: str, name: str) -> None:
        """Keep this file's entries at :meth:`prune`."""
        self.used.update((self.fragment_path(key, name), self.extraction_path(key), self.text_path(key)))

    def has(self, key: str, name: str) -> bool:
        return all(
            os.path.isfile(p) for p in (self.fragment_path(key, name), self.extraction_path(key), self.text_path(key))
        )

    def open_fragment(self, key: str, name: str) -> IO[bytes]:
        """The fragment file (binary), positioned after the head: read (or skip) the corpus part and the HTML
        triples with ``readline()`` each, then the body, which is UTF-8 Turtle to copy as it is."""
        f = open(self.fragment_path(key, name), "rb")  # noqa: SIM115 - the caller closes it
        f.readline()
        return f

    def store(self, key: str, name: str, extraction_json: str, fragment_text: str, text: str) -> None:
        """Write the entries of a file (atomically each), from their serialised text
        (:func:`extraction_text`, :meth:`Fragment.serialise`) and the decoded text."""
        for path, content in (
            (self.extraction_path(key), extraction_json),
            (self.fragment_path(key, name), fragment_text),
            (self.text_path(key), text),
        ):
            atomic_write_text(Path(path), content)
            self.used.add(path)

    # --- whole-build files: the file index and the shared resources' blocks ------------------------------------

    def _load(self, name: str) -> dict:
        if not self.read:
            return {}
        try:
            with open(os.path.join(self.root, name), "rb") as f:
                data = json.loads(f.read())
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _save(self, name: str, data: dict) -> None:
        atomic_write_text(Path(self.root) / name, json.dumps(data, ensure_ascii=False, separators=(",", ":")))

    def load_index(self) -> dict[str, dict]:
        """The last build's files: name → {key, size, mtime_ns, head}. A file whose size and modification time
        are unchanged is taken as unchanged without being read again (as make and git do)."""
        return self._load(INDEX)

    def save_index(self, index: dict[str, dict]) -> None:
        self._save(INDEX, index)

    def load_entities(self) -> dict[str, list]:
        """The last build's blocks of shared resources: id → [state hash, subject IRI, Turtle block, triples]."""
        return self._load(ENTITIES)

    def save_entities(self, entities: dict[str, list]) -> None:
        self._save(ENTITIES, entities)

    def prune(self) -> int:
        """Remove entries this build did not use, and the folders of other fingerprints; returns files removed."""
        removed = 0
        base = os.fspath(self.folder)
        if not os.path.isdir(base):
            return 0
        for entry in os.scandir(base):
            if entry.is_dir() and entry.name != self.fp:
                shutil.rmtree(entry.path, ignore_errors=True)
        if os.path.isdir(self.root):
            for sub in os.scandir(self.root):
                if not sub.is_dir():
                    continue
                for entry in os.scandir(sub.path):
                    if entry.path not in self.used:
                        os.unlink(entry.path)
                        removed += 1
                if not os.listdir(sub.path):
                    os.rmdir(sub.path)
        return removed
