"""What a build reads: paths, folders, :class:`~kg.read.Document` objects or ``(name, text)`` pairs, each
turned into a :class:`Source` with a stable name, and a record of every file it does not read.

**Names.** A file inside a given folder is named by its path relative to that folder; a file given directly, by
its name; a ``(name, text)`` pair or a Document, by its name. So the same folder gives the same names whatever the
working directory. When two different files would get the same name (``report.txt`` of two folders given
together), each is named with the folder it came from as well (``A/report.txt``, ``B/report.txt``; more of the
folder's path when the folders' names are the same too) and a ``renamed`` record says so: neither is dropped, and
the names do not depend on the order of the inputs. The same file reached twice (a folder, and a file in it) is
one input.

**Folders** are walked whole. A file of a report format (:data:`kg.read.FORMATS`) is read; every other file is
listed as ``ignored`` with what it is and what to do (:func:`kg.read.ignored_reason`: "a Word 97 document: save
it as .docx"), as are FIFOs and devices (never opened), broken symbolic links, and symbolic links to files or
folders outside the input folder (followed only with ``follow_symlinks``; a link to a file or folder inside it is
left out, since the walk reads its target under its own name). A file whose name is not valid UTF-8 is
``skipped``, its name shown with U+FFFD. Not listed at all: hidden files and folders (``.git``, an output folder's
``.cache``) and the outputs of ``kg build`` inside an input folder. A folder is a build's output folder when it
holds a ``build-report.json`` naming an ``extractor_version``, or a ``.cache`` folder with an ``index.json`` one
level down (what every build writes); its ``texts/`` folder and its ``graph.ttl``, ``graph.html``,
``graph.invalid.ttl``, ``validation.txt`` and ``build-report.json`` are never read back as inputs, anything else
in it is walked as usual.

**Files given by name** are read when they are reports; a file of a known other format says what it is (skipped);
a file of an unknown suffix is read as plain text; a FIFO, ``/dev/zero`` or other non-regular file is refused
before it is opened.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.build.cache import CACHE_DIR, INDEX
from kg.build.options import FileRecord
from kg.read import (
    FORMATS,
    Document,
    format_of,
    ignored_reason,
    is_printable_name,
    kind_of,
    not_a_report,
    printable_name,
)

SourceLike = str | bytes | os.PathLike | Document | tuple[str, str]
"""What :func:`kg.build_graph` accepts, one per source."""

OUTPUT_FILES = frozenset(("graph.ttl", "graph.html", "graph.invalid.ttl", "validation.txt", "build-report.json"))
OUTPUT_TEXTS = "texts"
_BAD_NAME = "file name is not valid UTF-8: rename it to read it"


@dataclass(frozen=True)
class Source:
    """One input: a file on disk (``path``), or a text or document held in memory."""

    name: str
    fmt: str
    path: Path | None = None
    data: bytes | None = None  # a (name, text) pair, as UTF-8 bytes read like a .txt file
    document: Document | None = None  # already read


@dataclass
class _Found:
    """A file found under an input (read or ignored), before names are made distinct."""

    name: str
    anchor: Path | None  # the folder the name is relative to (absolute); None for a text held in memory
    real: str  # identity: the file's real path, or the text's name and content for one held in memory
    source: Source | None = None  # None: listed as ignored with `reason`
    reason: str = ""


@dataclass
class _Inputs:
    found: list[_Found] = field(default_factory=list)
    records: list[FileRecord] = field(default_factory=list)


def collect_sources(
    sources: Iterable[SourceLike], follow_symlinks: bool = False
) -> tuple[list[Source], list[FileRecord]]:
    """Expand ``sources`` into :class:`Source` records in name order, and records of what is not read (see the
    module docstring); ``follow_symlinks`` follows symbolic links out of an input folder."""
    inputs = _Inputs()
    for src in sources:
        if isinstance(src, Document):
            source = Source(src.source_name, src.fmt, document=src)
            inputs.found.append(_Found(src.source_name, None, f"{src.source_name}\0{src.sha256}", source))
        elif isinstance(src, tuple):
            name, text = src
            data = str(text).encode("utf-8")
            inputs.found.append(_Found(name, None, f"{name}\0{text}", Source(name, "txt", data=data)))
        else:
            _collect_path(Path(os.fsdecode(src)), inputs, follow_symlinks)
    found = _name_apart(_one_per_file(inputs.found), inputs.records)
    for f in found:
        if f.source is None:
            inputs.records.append(FileRecord(f.name, "ignored", f.reason))
    chosen = sorted((f for f in found if f.source is not None), key=lambda f: f.name)
    return [_renamed(f) for f in chosen], inputs.records


def _renamed(f: _Found) -> Source:
    src = f.source
    return src if src.name == f.name else Source(f.name, src.fmt, src.path, src.data, src.document)


# --- inputs on disk -------------------------------------------------------------------------------------------


def _collect_path(inp: Path, inputs: _Inputs, follow_symlinks: bool) -> None:
    shown = printable_name(inp)
    try:
        st = os.stat(inp)
    except FileNotFoundError:
        inputs.records.append(FileRecord(shown, "skipped", "no such file or folder"))
        return
    except OSError as exc:
        inputs.records.append(FileRecord(shown, "skipped", f"cannot read: {exc.strerror or exc}"))
        return
    kind = kind_of(st.st_mode)
    if kind == "a folder":
        _collect_folder(inp, inputs, follow_symlinks)
    elif kind is not None:
        inputs.records.append(FileRecord(shown, "skipped", f"{kind}, not a regular file: not read"))
    elif not is_printable_name(inp.name):
        inputs.records.append(FileRecord(shown, "skipped", _BAD_NAME))
    elif format_of(inp) is None and not_a_report(inp):
        inputs.records.append(FileRecord(inp.name, "skipped", not_a_report(inp)))
    else:
        source = Source(inp.name, format_of(inp) or "txt", path=inp)
        inputs.found.append(_Found(inp.name, Path(os.path.abspath(inp)).parent, os.path.realpath(inp), source))


def _collect_folder(root: Path, inputs: _Inputs, follow_symlinks: bool) -> None:
    anchor = Path(os.path.abspath(root))
    reports = 0
    for rel, path, real, problem in _walk(root, follow_symlinks):
        fmt = format_of(rel)
        if problem is not None:
            status, reason = problem
            inputs.records.append(FileRecord(printable_name(rel), status, reason))
            reports += status == "skipped" and fmt is not None
        elif fmt is None:
            inputs.found.append(_Found(rel, anchor, real, reason=ignored_reason(rel)))
        else:
            inputs.found.append(_Found(rel, anchor, real, Source(rel, fmt, path=path)))
            reports += 1
    if not reports:
        inputs.records.append(
            FileRecord(printable_name(root), "skipped", "folder holds no reports (" + ", ".join(FORMATS) + ")")
        )


Walked = tuple[str, Path, str, "tuple[str, str] | None"]
"""A file under a folder: its relative name, its path, its real path, and (status, reason) when it is not a regular
file."""


def _walk(root: Path, follow_symlinks: bool) -> Iterator[Walked]:
    """Every file under ``root`` by relative name (see the module docstring for what is left out)."""
    top = os.path.realpath(root)
    visited = {top}
    stack = [(root, "", top)]
    while stack:
        folder, prefix, real = stack.pop()
        skip = _output_names(folder)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name, reverse=True)
        except OSError as exc:
            yield prefix.rstrip("/") or str(root), folder, real, ("skipped", f"cannot read: {exc.strerror or exc}")
            continue
        for entry in entries:
            if entry.name.startswith(".") or entry.name in skip:
                continue
            rel, path = prefix + entry.name, Path(entry.path)
            kind = _entry_kind(entry, top, follow_symlinks)
            # the real path without asking the file system for every name: only a link's target is looked up
            where = os.path.realpath(path) if entry.is_symlink() else os.path.join(real, entry.name)
            if isinstance(kind, tuple):
                yield rel, path, where, kind
            elif kind == "folder" and where not in visited:  # else a loop of followed links
                visited.add(where)
                stack.append((path, rel + "/", where))
            elif kind == "file" and not is_printable_name(entry.name):
                status = "skipped" if format_of(entry.name) else "ignored"
                yield rel, path, where, (status, _BAD_NAME if status == "skipped" else ignored_reason(entry.name))
            elif kind == "file":
                yield rel, path, where, None


def _entry_kind(entry: os.DirEntry, top: str, follow_symlinks: bool) -> str | tuple[str, str]:
    """``"file"`` (regular), ``"folder"``, ``"inside"`` (a symbolic link to what the walk reads under its own
    name), or (status, reason) when the entry is listed but not read."""
    if not is_printable_name(entry.name) and entry.is_dir():
        return ("skipped", "folder name is not valid UTF-8: its files were not read (rename it)")
    try:
        kind = kind_of(entry.stat().st_mode)  # follows a symbolic link
    except FileNotFoundError:
        return ("ignored", "a broken symbolic link")
    except OSError as exc:
        return ("skipped", f"cannot read: {exc.strerror or exc}")
    if entry.is_symlink() and not follow_symlinks:
        target = os.path.realpath(entry.path)
        if target == top or target.startswith(top.rstrip(os.sep) + os.sep):
            return "inside"
        what = "folder" if kind == "a folder" else "file"
        return ("ignored", f"a symbolic link to a {what} outside the input folder: not followed")
    if kind is None:
        return "file"
    if kind == "a folder":
        return "folder"
    return ("ignored", f"{kind}, not a regular file: not read")


def _output_names(folder: Path) -> frozenset[str]:
    """The names in ``folder`` that are a build's outputs, when it is an output folder of kg build (see the module
    docstring); else none."""
    try:
        with open(folder / "build-report.json", "rb") as f:
            if b'"extractor_version"' in f.read(4096):
                return OUTPUT_FILES | {OUTPUT_TEXTS}
    except OSError:
        pass
    try:
        cache = [e for e in os.scandir(folder / CACHE_DIR) if e.is_dir(follow_symlinks=False)]
    except OSError:
        return frozenset()
    if any(os.path.isfile(os.path.join(e.path, INDEX)) for e in cache):
        return OUTPUT_FILES | {OUTPUT_TEXTS}
    return frozenset()


# --- one input per file, under names kept apart ---------------------------------------------------------------


def _one_per_file(found: list[_Found]) -> list[_Found]:
    """One entry per file reached more than once (a folder and a file in it; a folder given twice), named by the
    path from the outermost folder given (ties: the first name in order), whatever the order of the inputs."""
    by_real: dict[str, _Found] = {}
    for f in found:
        kept = by_real.get(f.real)
        if kept is None or (-f.name.count("/"), f.name) < (-kept.name.count("/"), kept.name):
            by_real[f.real] = f
    return list(by_real.values())


def _name_apart(found: list[_Found], records: list[FileRecord]) -> list[_Found]:
    """Names made distinct: files of different folders with the same name are prefixed with their folder's name
    (more of its path when needed), and a ``renamed`` record says so; texts held in memory keep their names, and
    a second text under a name already taken is skipped."""
    found = sorted(found, key=lambda f: (f.name, f.real))
    clashes: dict[str, list[_Found]] = {}
    for f in found:
        clashes.setdefault(f.name, []).append(f)
    kept: list[_Found] = []
    for name, group in clashes.items():
        if len(group) == 1:
            kept += group
            continue
        in_memory = [f for f in group if f.anchor is None]
        for extra in in_memory[1:]:
            records.append(FileRecord(name, "skipped", "another input held in memory has this name"))
            group.remove(extra)
        on_disk = [f for f in group if f.anchor is not None]
        if on_disk:
            taken = {f.name for f in found} | {f.name for f in kept}
            for f, new in zip(on_disk, _prefixed(on_disk, taken), strict=True):
                f.name = new
        kept += group
        if sum(f.source is not None for f in group) > 1:
            named = " and ".join(f.name for f in group)
            records.append(FileRecord(name, "renamed", f"{len(group)} inputs have this name: named {named}"))
    return kept


def _prefixed(group: list[_Found], taken: set[str]) -> list[str]:
    """The shortest prefixes of each file's folder path that tell the files apart and take no name in use."""
    longest = max(len(f.anchor.parts) for f in group)
    for depth in range(1, longest + 1):
        names = [_tail(f.anchor, depth) + "/" + f.name for f in group]
        if len(set(names)) == len(names) and not taken.intersection(names):
            return names
    return [f.anchor.as_posix().rstrip("/") + "/" + f.name for f in group]


def _tail(folder: Path, depth: int) -> str:
    parts = [p for p in folder.parts if p not in (folder.anchor, "/", "")]
    return "/".join(parts[-depth:]) or folder.as_posix()
