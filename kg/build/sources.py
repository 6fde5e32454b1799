"""What a build reads: paths, folders, :class:`~kg.read.Document` objects or ``(name, text)`` pairs, each
turned into a :class:`Source` with a stable name.

A file inside a given folder is named by its path relative to that folder; a file given directly, by its name;
a ``(name, text)`` pair or a Document, by its name. So the same folder gives the same names whatever the working
directory. Hidden files and folders (such as an output folder's ``.cache``) are not inputs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.build.options import FileRecord
from kg.read import FORMATS, Document, format_of

SourceLike = str | os.PathLike | Document | tuple[str, str]
"""What :func:`kg.build_graph` accepts, one per source."""


@dataclass(frozen=True)
class Source:
    """One input: a file on disk (``path``), or a text or document held in memory."""

    name: str
    fmt: str
    path: Path | None = None
    data: bytes | None = None  # a (name, text) pair, as UTF-8 bytes read like a .txt file
    document: Document | None = None  # already read


def collect_sources(sources: Iterable[SourceLike]) -> tuple[list[Source], list[FileRecord]]:
    """Expand ``sources`` into :class:`Source` records in name order, and records for bad inputs."""
    found: dict[str, Source] = {}
    problems: list[FileRecord] = []
    for src in sources:
        if isinstance(src, Document):
            found.setdefault(src.source_name, Source(src.source_name, src.fmt, document=src))
        elif isinstance(src, tuple):
            name, text = src
            found.setdefault(name, Source(name, "txt", data=str(text).encode("utf-8")))
        else:
            _collect_path(Path(src), found, problems)
    return [found[name] for name in sorted(found)], problems


def _collect_path(inp: Path, found: dict[str, Source], problems: list[FileRecord]) -> None:
    if inp.is_dir():
        suffixes = tuple(FORMATS)  # read now: a reader registered after import counts
        files = sorted(
            p
            for p in inp.rglob("*")
            if p.suffix.lower() in suffixes
            and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(inp).parts)
        )
        if not files:
            problems.append(FileRecord(str(inp), "skipped", "folder holds no reports (" + ", ".join(suffixes) + ")"))
        for p in files:
            name = p.relative_to(inp).as_posix()
            found.setdefault(name, Source(name, format_of(p) or "txt", path=p))
    elif inp.exists():
        found.setdefault(inp.name, Source(inp.name, format_of(inp) or "txt", path=inp))
    else:
        problems.append(FileRecord(str(inp), "skipped", "no such file or folder"))
