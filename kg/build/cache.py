"""The build cache under ``OUTDIR/.cache/``: what a build learnt about each file, so the next build redoes only
the files that changed.

Why: extraction is the slow stage (segmentation) and a corpus is rebuilt many times while few of its files change.
Entries are keyed by the file's content (SHA-256 of its bytes) and format, under a folder named by a
:func:`fingerprint` of everything else the result depends on: ``EXTRACTOR_VERSION``, the segmenter and its model,
and the code and data of the ``kg`` package itself (so an edited extractor can never be served a stale result,
even when nobody bumped the version). Per file:

* ``<key>.txt`` — the decoded text (copied to ``texts/`` by a build that writes a folder).
* ``<key>.json`` — the extraction (:func:`kg.model.to_json`; read back with
  :func:`kg.model.extraction_from_json`), with its own SHA-256 as a last member ``_sha256``. It depends on the
  content only, so a renamed file is not extracted again.
* ``<key>.<name hash>.frag`` — what the graph needs from that file under that name: a seal line (the SHA-256 of
  the rest of the file and of the ``.txt``, :func:`kg.fsutil.seal_line`), then four parts: a small JSON head
  (report id, file facts, problems, counts); the report's share of the resolved corpus (regulations, bodies,
  areas, indicators it names); the triples the HTML view needs (a JSON string of N-Triples, decoded only when the
  HTML is drawn); then the report's own Turtle blocks, ready to be copied into ``graph.ttl``.

Two whole-build files make a rebuild after a small change cheap:

* ``index.json`` — per input name: content key, size and modification time, head. A file whose size and mtime
  are unchanged is taken as unchanged without being read (as make and git judge); ``--no-cache`` reads all.
* ``entities.json`` — per shared resource (area, government, organisation, measure, regulation): a hash of its
  merged node, its subject IRI and its Turtle block, reused while the node is unchanged.

Each has its seal line beside it (``index.json.seal``, ``entities.json.seal``).

Every file is written atomically and checked against its SHA-256 before it is used (:meth:`Cache.has`,
:meth:`Cache.load_extraction`; ``index.json`` and ``entities.json`` are sealed too), so a cut, damaged or edited
entry is never copied into the graph: the file is made again from its input, with a one-line note (a logged
warning, kept in :attr:`Cache.notes` for ``build-report.json``), and its entry replaced. After a build the cache
holds only the entries that build used (older fingerprints and unused entries are removed), so it never grows past
one entry per input.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO

import kg
from kg.build.fragment import FragmentHead
from kg.fsutil import atomic_write_bytes, seal_line, unseal

CACHE_DIR = ".cache"
INDEX = "index.json"
ENTITIES = "entities.json"
SEAL_SUFFIX = ".seal"  # index.json.seal: the seal line of index.json (kg.fsutil.seal_line)
_EXTRACTION_SEAL = b',"_sha256":"'  # then the hex SHA-256 of the extraction JSON without it, and '"}'

log = logging.getLogger(__name__)


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


def seal_extraction(text: str) -> str:
    """The ``<key>.json`` file of an extraction's JSON object (never empty): the object with a last member
    ``_sha256``, the hash of the object without it (still a JSON object that
    :func:`kg.model.extraction_from_json` reads)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return text[:-1] + _EXTRACTION_SEAL.decode() + digest + '"}'


def extraction_sealed(data: bytes) -> bool:
    """Whether ``data`` is a ``<key>.json`` file as :func:`seal_extraction` wrote it (not cut, damaged or
    edited)."""
    n = len(_EXTRACTION_SEAL) + 64 + 2
    if len(data) < n or data[-2:] != b'"}' or data[-n:-66] != _EXTRACTION_SEAL:
        return False
    return hashlib.sha256(data[:-n] + b"}").hexdigest().encode() == data[-66:-2]


def content_key(sha256: str, fmt: str) -> str:
    return f"{sha256[:40]}-{fmt}"


def _name_hash(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]


def _fragment_fault(frag: bytes, text: bytes) -> str:
    """Why a ``.frag`` file (with the ``.txt`` of its content) is not as it was stored, or ``""``."""
    try:
        _, fields = unseal(frag)
    except ValueError as exc:
        return str(exc)
    if fields.get("text") != hashlib.sha256(text).hexdigest():
        return "its text does not match its SHA-256"
    return ""


@dataclass
class Cache:
    """The cache of one output folder for one fingerprint. ``read=False`` (``--no-cache``) ignores what is
    there but still stores fresh entries for the next build. Paths are plain strings: a 10,000-file build asks
    for tens of thousands of them. ``notes`` are the one-line notes of damaged entries found by this build."""

    folder: Path  # OUTDIR/.cache for kg build
    fp: str
    read: bool = True
    used: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.root = os.path.join(os.fspath(self.folder), self.fp)
        self._checked: dict[str, bool] = {}  # path → whether its entry checked out, once per build

    def extraction_path(self, key: str) -> str:
        return os.path.join(self.root, key[:2], f"{key}.json")

    def text_path(self, key: str) -> str:
        """The decoded text of this content (what ``texts/<report>.txt`` receives)."""
        return os.path.join(self.root, key[:2], f"{key}.txt")

    def fragment_path(self, key: str, name: str) -> str:
        return os.path.join(self.root, key[:2], f"{key}.{_name_hash(name)}.frag")

    def _note(self, subject: str, why: str, then: str) -> None:
        note = f"{subject}: damaged build cache entry ({why}); {then}"
        self.notes.append(note)
        log.warning("%s", note)

    def _extraction_ok(self, key: str, subject: str) -> bool:
        path = self.extraction_path(key)
        if path not in self._checked:
            try:
                with open(path, "rb") as f:
                    ok = extraction_sealed(f.read())
            except OSError:
                return False  # missing: nothing to note
            if not ok:
                self._note(subject, f"{path}: does not match its SHA-256", "extracted again")
            self._checked[path] = ok
        return self._checked[path]

    def load_extraction(self, key: str) -> dict | None:
        """The cached extraction JSON of this content, if any (and only if it is what was stored)."""
        path = self.extraction_path(key)
        if not self.read or not self._extraction_ok(key, f"content {key}"):
            return None
        try:
            with open(path, "rb") as f:
                data = json.loads(f.read())
        except (OSError, ValueError):
            return None
        self.used.add(path)
        return data

    def head(self, key: str, name: str) -> FragmentHead | None:
        """The head of the cached fragment of this content under this name, if any (cheap: two lines)."""
        if not self.read:
            return None
        path = self.fragment_path(key, name)
        try:
            with open(path, "rb") as f:
                f.readline()  # the seal: checked by has()
                head = json.loads(f.readline())
        except (OSError, ValueError):
            return None
        if head.get("name") != name:  # a hash collision of names, however unlikely
            return None
        self.use(key, name)
        return FragmentHead.from_json(head)

    def use(self, key: str, name: str) -> None:
        """Keep this file's entries at :meth:`prune`."""
        self.used.update((self.fragment_path(key, name), self.extraction_path(key), self.text_path(key)))

    def has(self, key: str, name: str) -> bool:
        """Whether the cache holds this file's entries, each as it was stored: a damaged one is noted (once) and
        is not taken, so the file is made again."""
        if not self.read:
            return False
        path = self.fragment_path(key, name)
        if path not in self._checked:
            try:
                with open(path, "rb") as f:
                    frag = f.read()
                with open(self.text_path(key), "rb") as f:
                    text = f.read()
            except OSError:
                return False  # missing: nothing to note
            why = _fragment_fault(frag, text)
            if why:
                self._note(name, f"{path}: {why}", "made again from the input")
            self._checked[path] = not why and self._extraction_ok(key, name)
        return self._checked[path]

    def open_fragment(self, key: str, name: str) -> IO[bytes]:
        """The fragment file (binary), positioned after the head: read (or skip) the corpus part and the HTML
        triples with ``readline()`` each, then the body, which is UTF-8 Turtle to copy as it is."""
        f = open(self.fragment_path(key, name), "rb")  # noqa: SIM115 - the caller closes it
        f.readline()  # the seal
        f.readline()  # the head
        return f

    def store(self, key: str, name: str, extraction_json: str, fragment_text: str, text: str) -> None:
        """Write the entries of a file (atomically each), from their serialised text
        (:func:`extraction_text`, :meth:`Fragment.serialise`) and the decoded text, each sealed with its
        SHA-256."""
        text_bytes, fragment = text.encode("utf-8"), fragment_text.encode("utf-8")
        text_hash = hashlib.sha256(text_bytes).hexdigest()
        for path, content in (
            (self.extraction_path(key), seal_extraction(extraction_json).encode("utf-8")),
            (self.fragment_path(key, name), seal_line(fragment, text=text_hash) + fragment),
            (self.text_path(key), text_bytes),
        ):
            atomic_write_bytes(Path(path), content)
            self.used.add(path)
            self._checked[path] = True

    # --- whole-build files: the file index and the shared resources' blocks ------------------------------------

    def _load(self, name: str) -> dict:
        if not self.read:
            return {}
        path = os.path.join(self.root, name)
        try:
            with open(path, "rb") as f, open(path + SEAL_SUFFIX, "rb") as s:
                unseal(s.read() + f.read())  # the seal is kept beside: the file stays plain JSON
                f.seek(0)
                data = json.loads(f.read())
        except OSError:
            return {}
        except ValueError as exc:
            self._note(path, str(exc).splitlines()[0], "not used: what it held is checked or made again")
            return {}
        return data if isinstance(data, dict) else {}

    def _save(self, name: str, data: dict) -> None:
        content = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        path = Path(self.root) / name
        atomic_write_bytes(Path(f"{path}{SEAL_SUFFIX}"), seal_line(content))
        atomic_write_bytes(path, content)

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
