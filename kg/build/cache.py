"""The build cache under ``OUTDIR/.cache/``: what a build learnt about each file, so the next build redoes only
the files that changed and rewrites only the shared resources they change.

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
  HTML is drawn); then the report's own Turtle blocks, copied into ``graph.ttl`` by the operating system
  (:func:`kg.fsutil.copy_range`) from the offset the index keeps.

Whole-build files make a rebuild after a small change cost what changed:

* ``index.json`` — per input name: content key, size and modification time, head, the stamps of its three entries
  when they were last checked and where the parts of its fragment begin. A file whose size and mtime are unchanged
  is taken as unchanged without being read (as make and git judge); ``--no-cache`` reads all.
* ``shared.sqlite`` — the merged corpus with, for each shared node, which reports contribute which values
  (:mod:`kg.build.state`, :mod:`kg.build.tally`), and the Turtle block of every shared resource; ``shared/`` —
  the shared part of ``graph.ttl`` in content-addressed chunks (:mod:`kg.build.chunks`); ``shared.json`` — the
  stamp of ``shared.sqlite`` as the last build left it; ``graph.json`` — where each report's part stands in the
  ``graph.ttl`` the last build wrote, so that a rebuild copies unchanged runs of it whole (:mod:`kg.build.splice`).

``index.json`` and ``shared.json`` have their seal lines beside them (``index.json.seal``, ``shared.json.seal``).

The whole-build files are written atomically; a file's three entries in place (:func:`kg.fsutil.write_checked`:
no temporary and rename, half the cost of a small file). Every file is checked against its SHA-256 before it is
first used (:meth:`Cache.has`,
:meth:`Cache.load_extraction`; ``index.json`` and ``shared.json`` are sealed too), so a cut, damaged or edited
entry is never copied into the graph: the file is made again from its input, with a one-line note (a logged
warning, kept in :attr:`Cache.notes` for ``build-report.json``), and its entry replaced. A checked file is then
trusted while its stamp (:func:`kg.fsutil.file_stamp`: size, inode and change time, which every write changes)
is the one it had when it was checked, so a rebuild of 10,000 files hashes none of their entries again;
``shared.sqlite`` likewise, or its rows are dropped and every share merged again. After a build the cache holds
only the entries that build used (older fingerprints and unused entries are removed), so it never grows past one
entry per input.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import kg
from kg.build.fragment import FragmentHead
from kg.fsutil import atomic_write_bytes, file_stamp, seal_line, unseal, write_checked

CACHE_DIR = ".cache"
INDEX = "index.json"
STATE = "shared.sqlite"
STATE_STAMP = "shared.json"
CHUNKS = "shared"
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
                digest.update(b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def fingerprint(extractor_version: str, segmenter: str, model: str | None) -> str:
    """The cache folder name for this code, extractor version and segmenter (with its model directory's path)."""
    parts = [extractor_version, segmenter, str(Path(model).resolve()) if model else "", code_fingerprint()]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:20]


def compact_json(value: object) -> str:
    """JSON as the cache writes it, characters as they are and no spaces: an extraction's ``<key>.json`` entry
    (:func:`kg.model.to_json` output), the file index and each of its rows, the merged corpus's stamp."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


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


@lru_cache(maxsize=1 << 12)  # (recent names: a cache of every name costs 250 bytes a file for a hash of 1 µs)
def _name_hash(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]


def fragment_layout(data: bytes, head: int) -> list[int]:
    """Where the share line, the HTML line and the body of a fragment file begin, and where the file ends, given
    where its head line begins (after the seal line)."""
    html = data.index(b"\n", share := data.index(b"\n", head) + 1) + 1
    return [share, html, data.index(b"\n", html) + 1, len(data)]


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
    there but still stores fresh entries for the next build. Paths are plain strings, interned (``used`` and the
    per-path dicts share one string per path): a build asks for tens of thousands. ``notes``: the one-line notes
    of damaged entries found by this build."""

    folder: Path  # OUTDIR/.cache for kg build
    fp: str
    read: bool = True
    used: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.root = os.path.join(os.fspath(self.folder), self.fp)
        self._checked: dict[str, bool] = {}  # path → whether its entry checked out, once per build
        self._stamps: dict[str, list[int] | None] = {}  # path → its stamp when checked or stored
        self._layouts: dict[str, list[int]] = {}  # fragment path → fragment_layout()
        self._records: dict[str, dict] = {}  # fragment path → its index record, when taken on its stamps

    def extraction_path(self, key: str) -> str:
        return sys.intern(f"{self.root}{os.sep}{key[:2]}{os.sep}{key}.json")

    def text_path(self, key: str) -> str:
        """The decoded text of this content (what ``texts/<report>.txt`` receives)."""
        return sys.intern(f"{self.root}{os.sep}{key[:2]}{os.sep}{key}.txt")

    def fragment_path(self, key: str, name: str) -> str:
        return sys.intern(f"{self.root}{os.sep}{key[:2]}{os.sep}{key}.{_name_hash(name)}.frag")

    def note(self, subject: str, why: str, then: str) -> None:
        """Record (and log) that a cache entry was damaged and what the build did instead."""
        self.notes.append(f"{subject}: damaged build cache entry ({why}); {then}")
        log.warning("%s", self.notes[-1])

    def _extraction_ok(self, key: str, subject: str) -> bool:
        path = self.extraction_path(key)
        if path not in self._checked:
            try:
                ok = extraction_sealed(Path(path).read_bytes())
            except OSError:
                return False  # missing: nothing to note
            if not ok:
                self.note(subject, f"{path}: does not match its SHA-256", "extracted again")
            self._checked[path] = ok
        return self._checked[path]

    def load_extraction(self, key: str) -> dict | None:
        """The cached extraction JSON of this content, if any (and only if it is what was stored)."""
        path = self.extraction_path(key)
        if not self.read or not self._extraction_ok(key, f"content {key}"):
            return None
        try:
            data = json.loads(Path(path).read_bytes())
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

    def _entries(self, key: str, name: str) -> tuple[tuple[str, str], ...]:
        return (
            ("frag", self.fragment_path(key, name)),
            ("text", self.text_path(key)),
            ("json", self.extraction_path(key)),
        )

    def has(self, key: str, name: str, known: dict | None = None) -> bool:
        """Whether the cache holds this file's entries, each as it was stored: a damaged one is noted (once) and
        is not taken, so the file is made again. ``known`` is the file's row of the last index: entries whose
        stamps are still the ones it records are taken without being read."""
        if not self.read:
            return False
        path = self.fragment_path(key, name)
        if path not in self._checked and known and self._unchanged(key, name, known):
            return True
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
                self.note(name, f"{path}: {why}", "made again from the input")
            self._checked[path] = not why and self._extraction_ok(key, name)
            if self._checked[path]:
                self._layouts[path] = fragment_layout(frag, frag.index(b"\n") + 1)
                self._stamps.update((p, file_stamp(p)) for _, p in self._entries(key, name))
        return self._checked[path]

    def _unchanged(self, key: str, name: str, known: dict) -> bool:
        """Whether the file's three entries have the stamps ``known`` records (then they are taken as checked)."""
        stamps, layout = known.get("stamps") or {}, known.get("layout")
        if not layout or len(layout) != 4:
            return False
        paths = (self.fragment_path(key, name), self.text_path(key), self.extraction_path(key))
        for kind, path in zip(("frag", "text", "json"), paths, strict=True):
            stamp = file_stamp(path)
            if stamp is None or stamp != stamps.get(kind):
                return False
        if layout[3] != stamps["frag"][0]:  # the fragment ends where its size says
            return False
        for kind, path in zip(("frag", "text", "json"), paths, strict=True):
            self._checked[path], self._stamps[path] = True, stamps[kind]  # (the stamps: sizes without a stat)
        self._layouts[paths[0]] = layout
        self._records[paths[0]] = {"stamps": stamps, "layout": layout}
        return True

    def record(self, key: str, name: str) -> dict:
        """What the index keeps of this file's checked entries: their stamps and its fragment's layout."""
        entries = self._entries(key, name)
        kept = self._records.pop(entries[0][1], None)  # taken on the last build's stamps (asked once per file)
        if kept is not None:
            return kept
        return {
            "stamps": {kind: self._stamps.get(p) for kind, p in entries},
            "layout": self._layouts.get(entries[0][1]),
        }

    def size(self, path: str) -> int:
        """An entry's size, from the stamp taken when it was checked or stored (a ``stat`` only without one)."""
        return stamp[0] if (stamp := self._stamps.get(path)) else os.stat(path).st_size

    def layout(self, key: str, name: str) -> list[int]:
        """Where the share line, the HTML line and the body of this checked fragment begin, and where it ends."""
        return self._layouts[self.fragment_path(key, name)]

    def store(self, key: str, name: str, extraction_json: str, fragment_text: str, text: str) -> None:
        """Write the entries of a file (in place: :func:`kg.fsutil.write_checked`), from their serialised text
        (:func:`compact_json`, :meth:`Fragment.serialise`) and the decoded text, each sealed with its
        SHA-256."""
        text_bytes, fragment = text.encode("utf-8"), fragment_text.encode("utf-8")
        text_hash = hashlib.sha256(text_bytes).hexdigest()
        seal, frag_path = seal_line(fragment, text=text_hash), self.fragment_path(key, name)
        for path, content in (
            (self.extraction_path(key), seal_extraction(extraction_json).encode("utf-8")),
            (frag_path, seal + fragment),
            (self.text_path(key), text_bytes),
        ):
            write_checked(path, content)
            self.used.add(path)
            self._checked[path], self._stamps[path] = True, file_stamp(path)
        self._layouts[frag_path] = [len(seal) + n for n in fragment_layout(fragment, 0)]  # (one string per path)

    # --- whole-build files: the file index, the shared resources' blocks, the last graph's layout -----------------
    def load_sealed(self, name: str) -> dict:
        """A whole-build JSON file of the cache's root, checked against its seal ({} when missing or damaged)."""
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
            self.note(path, str(exc).splitlines()[0], "not used: what it held is checked or made again")
            return {}
        return data if isinstance(data, dict) else {}

    def save_sealed(self, name: str, content: bytes) -> None:
        """Write a whole-build file of the cache's root and its seal beside it."""
        path = Path(self.root) / name
        atomic_write_bytes(Path(f"{path}{SEAL_SUFFIX}"), seal_line(content))
        atomic_write_bytes(path, content)

    def load_index(self) -> dict[str, dict]:
        """The last build's files: name → {key, size, mtime_ns, head}. A file whose size and modification time
        are unchanged is taken as unchanged without being read again (as make and git do)."""
        return self.load_sealed(INDEX)

    def save_index(self, rows: dict[str, str]) -> None:
        """Write ``index.json`` from its rows, each :func:`compact_json` text (the bytes of the whole as one)."""
        content = ",".join(f"{compact_json(name)}:{row}" for name, row in rows.items())
        self.save_sealed(INDEX, ("{" + content + "}").encode("utf-8"))

    def state_path(self) -> str:
        """The database of the merged corpus (:mod:`kg.build.state`), in a folder that exists."""
        os.makedirs(self.root, exist_ok=True)
        return os.path.join(self.root, STATE)

    def chunk_folder(self) -> str:
        return os.path.join(self.root, CHUNKS)

    def state_trusted(self) -> bool:
        """Whether ``shared.sqlite`` is as the last build left it (its stamp is the one ``shared.json`` records);
        a database changed since is noted, and not used."""
        path = os.path.join(self.root, STATE)
        now = file_stamp(path)
        if not self.read or now is None:
            return False
        recorded = self.load_sealed(STATE_STAMP).get("stamp")
        if recorded is not None and recorded != now:
            self.note(path, "changed since the last build", "every report's share merged again")
        return recorded == now

    def forget_state(self) -> None:
        """Make the next build merge every share again (the stamp of ``shared.sqlite`` removed)."""
        for name in (STATE_STAMP, STATE_STAMP + SEAL_SUFFIX):
            Path(self.root, name).unlink(missing_ok=True)

    def save_state_stamp(self) -> None:
        """Record the stamp of ``shared.sqlite`` once its changes are committed."""
        self.save_sealed(STATE_STAMP, compact_json({"stamp": file_stamp(self.state_path())}).encode("utf-8"))

    def prune(self) -> int:
        """Remove entries this build did not use (``used``: per-file entries and shared chunks), and the folders
        of other fingerprints; returns files removed."""
        removed = 0
        base = os.fspath(self.folder)
        if not os.path.isdir(base):
            return 0
        for entry in os.scandir(base):
            if entry.is_dir() and entry.name != self.fp:
                shutil.rmtree(entry.path, ignore_errors=True)
        if not os.path.isdir(self.root):
            return 0
        for folder, _, files in os.walk(self.root, topdown=False):
            if folder == self.root:
                continue  # index.json, shared.sqlite and their seals and stamps
            for name in files:
                path = os.path.join(folder, name)
                if path not in self.used:
                    os.unlink(path)
                    removed += 1
            if not os.listdir(folder):
                os.rmdir(folder)
        return removed
