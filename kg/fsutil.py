"""Atomic file output: write to a temporary file in the same folder, then rename, so a reader (or a crash)
never sees a half-written graph; sealed files, which carry the SHA-256 of their content so that a damaged or
edited file is found before it is used; file stamps, which tell a file that nothing has written since it was
checked; copies of byte ranges done by the operating system; and a large file replaced without the rename
waiting for the disk.

An error while writing names the file asked for, never the temporary one (``kg export -o DIR`` onto a folder
says ``DIR``, not ``.DIR.x1y2.tmp``).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import hashlib
import os
import sys
import tempfile
import threading
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


def write_checked(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` in place, making its folder when it is missing. Only for files that are checked
    against a SHA-256 before they are used (the build cache's entries): a write cut short is found by that check and
    never trusted, so the temporary file, change of mode and rename of :func:`atomic_write` — half the cost of
    writing a small file, three files per report in a build — would buy nothing."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags, 0o666)  # (the umask applies, as to any new file)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd = os.open(path, flags, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as exc:  # (a full disk: os.write names no file)
        raise _about(exc, Path(path)) from None
    finally:
        os.close(fd)


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


# --- stamps and copies: large unchanged files are neither read nor hashed again ---------------------------------


def file_stamp(path: str | os.PathLike) -> list[int] | None:
    """Size, inode and change time of a file (None when it cannot be read). Why: the change time is set by the
    system on every write, rename or change of mode and cannot be set back by a user, so a file whose stamp is the
    one it had when it was checked (against its SHA-256) has not been written since — how a rebuild trusts
    thousands of cached files without reading them (as git trusts its index)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_ino, st.st_ctime_ns]


_NO_KERNEL_COPY = (errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EBADF, errno.ETXTBSY)


def copy_range(source: str | os.PathLike, out: IO[bytes], offset: int, length: int) -> None:
    """Append ``length`` bytes of ``source`` from ``offset`` to the binary file ``out``, copied by the kernel
    (``os.copy_file_range``: shared blocks on file systems that reflink, an in-kernel copy elsewhere) so that the
    bytes never pass through Python; where the kernel cannot (another system, an in-memory ``out``) they are
    copied in 1 MiB pieces. A source shorter than asked is an :class:`OSError`."""
    fd = os.open(source, os.O_RDONLY)
    try:
        done = _kernel_copy(fd, out, offset, length)
        os.lseek(fd, offset + done, os.SEEK_SET)
        while done < length:
            piece = os.read(fd, min(length - done, 1 << 20))
            if not piece:
                raise OSError(errno.EIO, f"{os.fspath(source)}: shorter than expected (changed while being copied?)")
            out.write(piece)
            done += len(piece)
    finally:
        os.close(fd)


def _kernel_copy(fd: int, out: IO[bytes], offset: int, length: int) -> int:
    """Bytes copied by ``os.copy_file_range`` (0 when it cannot be used here)."""
    if not hasattr(os, "copy_file_range"):
        return 0
    try:
        target = out.fileno()
    except (OSError, ValueError, AttributeError):  # io.BytesIO: io.UnsupportedOperation is an OSError
        return 0
    out.flush()
    done = 0
    while done < length:
        try:
            n = os.copy_file_range(fd, target, length - done, offset + done)
        except OSError as exc:
            if exc.errno in _NO_KERNEL_COPY and not done:
                return 0
            raise
        if not n:
            break
        done += n
    return done


# --- replacing a large file: the rename waits neither for the new file's blocks nor for the old file's release ---


def flush_to_disk(path: str | os.PathLike) -> None:
    """Wait until ``path``'s bytes are on the disk (``fdatasync``; ``fsync`` where there is none). Why: the graph is
    swapped into place (:func:`exchange`), which, unlike a rename over a file, makes ext4 write nothing first; a
    power cut after the swap could otherwise leave an empty ``graph.ttl``. Run in a thread while the build validates
    and writes its report (a 700 MB graph: ~0.3 s), waited for before the swap."""
    fd = os.open(path, os.O_RDONLY)
    try:
        getattr(os, "fdatasync", os.fsync)(fd)
    finally:
        os.close(fd)


_RENAME_EXCHANGE = 2  # renameat2(2) flag: swap two names atomically (Linux 3.15, glibc 2.28)
_AT_FDCWD = -100


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """glibc's ``renameat2``, or None (another system, another C library): Python's ``os`` has no binding."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    return getattr(libc, "renameat2", None)


def exchange(first: str | os.PathLike, second: str | os.PathLike) -> bool:
    """Swap the files named ``first`` and ``second`` in one atomic step (``renameat2`` with ``RENAME_EXCHANGE``);
    False when the system cannot (no such call, a file system without it, one of the names missing): the caller
    renames instead. Why: ext4 allocates and submits every delayed block of a file renamed over an existing one
    inside the rename (``auto_da_alloc``, 0.2-0.5 s for a 700 MB graph, on the critical path of a rebuild); an
    exchange is not a rename over a file, so the new bytes are written back by the system in its own time. It is
    atomic for readers; the build makes the new bytes durable itself first (:func:`flush_to_disk`, in a thread)."""
    call = _renameat2()
    if call is None or not (os.path.isfile(first) and os.path.isfile(second)):
        return False  # (a folder under either name: a rename says what is wrong)
    a, b = os.fsencode(os.fspath(first)), os.fsencode(os.fspath(second))
    return call(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE) == 0  # (any failure: the caller's rename reports it)


def replace_deferring_release(source: str | os.PathLike, target: str | os.PathLike) -> None:
    """``os.replace(source, target)``, without waiting for the disk: the two names are swapped
    (:func:`exchange`) and the old file, renamed to a hidden temporary name of its own, is removed in a thread the
    process joins at exit (not a daemon: the process never ends with the old file left). Why: the last unlink of
    a 700 MB file frees its blocks and pages (~0.2 s on this mount, with ``discard``), which a rename over it would
    do while the command waits. A process killed meanwhile leaves a stale temporary, which the next build removes.
    Where the system cannot swap, the old file gets a second hidden name (``.NAME.old.tmp``) before a plain
    rename, so the rename drops a link and the release still happens in the thread. The bytes of ``target`` are
    final when this returns."""
    source, target = os.fspath(source), os.fspath(target)
    if exchange(source, target):
        folder, name = os.path.split(source)
        old = os.path.join(folder, f"{name}.{os.getpid()}.{threading.get_ident()}.old.tmp")
        try:  # (a name of its own: a later build reuses ``source``; a rename onto no file costs nothing)
            os.rename(source, old)
        except OSError:
            old = source
        threading.Thread(target=_unlink_quietly, args=(old,), name="kg-release").start()
        return
    folder, name = os.path.split(target)
    old = os.path.join(folder, f".{name}.old.tmp")
    try:
        if os.path.lexists(old):
            os.unlink(old)
        os.link(target, old)  # (a second name: the rename then drops a link, not the file)
    except OSError:  # no old file, or a file system without hard links: the rename releases it
        old = None
    try:
        os.replace(source, target)
    except OSError:
        if old is not None:  # (the old file stays the graph: its second name goes)
            _unlink_quietly(old)
        raise
    if old is not None:
        threading.Thread(target=_unlink_quietly, args=(old,), name="kg-release").start()


def _unlink_quietly(path: str) -> None:
    with contextlib.suppress(OSError):  # (removed already: a later build's clean-up of stale temporaries)
        os.unlink(path)
