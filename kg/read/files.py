"""What a path on disk is, before anything is read from it: a regular file of bounded size (never a FIFO or a
device, which would block or never end), a report format or a file that is not a report (and what it is), and
its name as a person can read it.

A build lists every file of an input folder that it does not read, with what the file is and what to do
(``kg/data/ignored_formats.csv``: "a Word 97 document: save it as .docx"), so nothing is dropped without a word.
"""

from __future__ import annotations

import os
import stat
from functools import cache
from importlib import resources
from pathlib import Path, PurePath

from kg.read.errors import ReadError
from kg.read.registry import FORMATS

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


@cache
def _ignored_formats() -> dict[str, str]:
    """``kg/data/ignored_formats.csv``: suffix → what the file is and what to do."""
    text = resources.files("kg.data").joinpath("ignored_formats.csv").read_text(encoding="utf-8")
    rows = [ln.split(",", 1) for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return {suffix.strip().lower(): reason.strip() for suffix, reason in rows[1:]}  # rows[0]: the header


def not_a_report(name: str | os.PathLike) -> str | None:
    """What a file is and what to do, when its suffix is one of ``kg/data/ignored_formats.csv``; else None.

    >>> not_a_report("scan.JPG")
    'an image: needs OCR'
    """
    return _ignored_formats().get(PurePath(name).suffix.lower())


def ignored_reason(name: str | os.PathLike) -> str:
    """Why a file that is not a report format is not read: what it is and what to do, from its suffix.

    >>> ignored_reason("通知.DOC")
    'a Word 97 document: save it as .docx'
    >>> ignored_reason("Makefile")
    'not a report format (no suffix): reports are .txt, .html, .htm, .pdf, .docx'
    """
    known = not_a_report(name)
    if known:
        return known
    suffix = PurePath(name).suffix.lower()
    return f"not a report format ({suffix or 'no suffix'}): reports are {', '.join(FORMATS)}"


def printable_name(name: str | os.PathLike) -> str:
    """A file name as text that can be printed and written to UTF-8 files: bytes that are not UTF-8 (kept by
    Python as surrogate escapes) become U+FFFD.

    >>> printable_name(os.fsdecode(b"bad\\xff.txt"))
    'bad\\ufffd.txt'
    """
    return os.fsencode(os.fspath(name)).decode("utf-8", "replace")


def is_printable_name(name: str) -> bool:
    """Is ``name`` valid Unicode (a file name of valid UTF-8 bytes, without surrogate escapes)?"""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular file is ("a FIFO (named pipe)", "a character device"); None for a
    regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def check_regular(st: os.stat_result) -> None:
    """Refuse anything but a regular file: a FIFO blocks, ``/dev/zero`` never ends, a folder is not a file."""
    kind = kind_of(st.st_mode)
    if kind == "a folder":
        raise ReadError("is a directory")
    if kind is not None:
        raise ReadError(f"{kind}, not a regular file: not read")


def stat_file(path: Path, max_bytes: int) -> os.stat_result:
    """A file's status, refusing one that is not a regular file or is larger than ``max_bytes`` (so it is never
    read)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    check_regular(st)
    if st.st_size > max_bytes:
        raise ReadError(f"too large ({st.st_size} bytes, limit {max_bytes})")
    return st


def read_file_bytes(path: Path, max_bytes: int) -> bytes:
    """A regular file's bytes, at most ``max_bytes`` of them. The file is opened without blocking and checked
    before a byte is read (a FIFO or a device put in its place since it was listed is refused), and never more
    than ``max_bytes + 1`` bytes are read, whatever its size claimed."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        check_regular(st)
        if st.st_size > max_bytes:
            raise ReadError(f"too large ({st.st_size} bytes, limit {max_bytes})")
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as f:
        try:
            data = f.read(max_bytes + 1)
        except OSError as exc:
            raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise ReadError(f"too large (over {max_bytes} bytes, limit {max_bytes})")
    return data
