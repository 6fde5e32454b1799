"""Atomic file output: write to a temporary file in the same folder, then rename, so a reader (or a crash)
never sees a half-written graph; and sealed files, which carry the SHA-256 of their content so that a damaged or
edited file is found before it is used.

An error while writing names the file asked for, never the temporary one (``kg export -o DIR`` onto a folder
says ``DIR``, not ``.DIR.x1y2.tmp``).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _about(exc: OSError, path: Path, tmp: str | None = None) -> OSError:
    """``exc`` naming ``path`` when it names the temporary file, or no file at all (a full disk)."""
    if exc.filename is None or (tmp is not None and exc.filename == tmp):
        exc.filename, exc.filename2 = os.fspath(path), None
    return exc


def _temporary(path: Path) -> tuple[int, str]:
    path.parent.mkdir(parents=True, exist_ok=True)  # an error names the folder that could not be made
    try:
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:  # names a random temporary name: name the file asked for
        raise _about(exc, path, exc.filename) from None


def atomic_write(path: Path, writer: Callable[[IO], object], encoding: str = "utf-8", binary: bool = False) -> None:
    """Call ``writer`` with a text file (a binary one with ``binary``) that becomes ``path`` only once the writer
    has returned. An :class:`OSError` names ``path`` (or the file the writer itself failed on)."""
    path = Path(path)
    fd, tmp = _temporary(path)
    try:
        with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding=encoding, newline="\n") as out:
            writer(out)
        os.chmod(tmp, _umask_mode())  # mkstemp makes 0600 files; outputs are ordinary files
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _about(exc, path, tmp) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write(path, lambda out: out.write(text))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    atomic_write(path, lambda out: out.write(data), binary=True)


# --- sealed files: content that carries its own SHA-256 -------------------------------------------------------

SEAL = b"kg-sealed sha256="  # a sealed file's first line: SEAL, the hex digest of the rest, then any fields


def seal_line(content: bytes, **fields: str) -> bytes:
    """The first line of a sealed file whose other lines are ``content``; ``fields`` (``name=value``, no spaces)
    are kept in the line for the reader (:func:`unseal`)."""
    extra = "".join(f" {k}={v}" for k, v in sorted(fields.items()))
    return SEAL + hashlib.sha256(content).hexdigest().encode() + extra.encode() + b"\n"


def unseal(data: bytes) -> tuple[bytes, dict[str, str]]:
    """The content of a sealed file and the fields of its seal; :class:`ValueError` (one line) when the file is
    not sealed or its content is not what was sealed (cut, damaged or edited)."""
    line, sep, content = data.partition(b"\n")
    if not line.startswith(SEAL) or not sep:
        raise ValueError("no seal")
    digest, *rest = line[len(SEAL) :].decode("ascii", "replace").split(" ")
    if hashlib.sha256(content).hexdigest() != digest:
        raise ValueError("content does not match its SHA-256")
    return content, dict(f.partition("=")[::2] for f in rest)


def remove_stale_temporaries(folder: Path) -> int:
    """Remove the temporary files (``.NAME.XXXX.tmp``) that a killed build left in ``folder``; returns how many.

    Why: a build that dies (killed, out of memory) between writing a temporary file and renaming it leaves the
    temporary behind; the next build clears it so that nothing half-written lingers in the output folder."""
    folder = Path(folder)
    if not folder.is_dir():
        return 0
    removed = 0
    for path in folder.glob(".*.tmp"):
        if path.is_file():
            path.unlink(missing_ok=True)
            removed += 1
    return removed
