"""The shared part of ``graph.ttl`` (every shared resource's block, sorted by subject) as a list of chunks, so a
rebuild rewrites the few chunks that hold a changed block and the operating system copies the others.

A chunk holds up to :data:`CHUNK_BLOCKS` consecutive blocks (a chunk that grows past twice that is split) and is
named by the SHA-256 of its bytes: ``OUTDIR/.cache/<fingerprint>/shared/<xx>/<sha256>.ttl`` (or held in memory, for
a build without a cache). The ``chunk`` table of :mod:`kg.build.state` lists them in order, each with the smallest
subject it holds; the concatenation is the shared part, whatever the chunk boundaries. A chunk file is written
before the database that names it is committed and removed only when no chunk names it
(:meth:`kg.build.cache.Cache.prune`), so a build that fails midway leaves the last build's chunks whole.

Each file's stamp (size, inode, change time: :func:`kg.fsutil.file_stamp`) is kept beside its name; a file whose
stamp changed is checked against its name (its SHA-256) and made again from the blocks when it does not match, with
a note (:meth:`Chunks.check`), so an edited chunk never reaches the graph.
"""

from __future__ import annotations

import bisect
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from kg.build.state import State
from kg.fsutil import atomic_write_bytes, copy_range, file_stamp

CHUNK_BLOCKS = 256
"""Blocks per chunk: a rebuild rewrites ~40 KB per changed block's chunk; 10,000 reports make ~600 chunks."""


class Chunks:
    """The chunk files of one cache (``folder``), or chunks held in memory (``folder`` None)."""

    def __init__(self, state: State, folder: str | None, note: Callable[[str, str], None]) -> None:
        self.state, self.folder, self.note = state, folder, note
        self.memory: dict[str, bytes] = {}

    def path(self, name: str) -> str:
        assert self.folder is not None
        return os.path.join(self.folder, name[:2], f"{name}.ttl")

    @staticmethod
    def _intact(path: str, name: str) -> bool:
        try:
            with open(path, "rb") as f:
                return hashlib.sha256(f.read()).hexdigest()[:40] == name
        except OSError:
            return False

    def _write(self, low: str, blocks: list[tuple[str, str]]) -> None:
        data = "".join(text for _, text in blocks).encode("utf-8")
        name, stamp = hashlib.sha256(data).hexdigest()[:40], None
        if self.folder is None:
            self.memory[name] = data
        else:
            path = self.path(name)
            if file_stamp(path) is None or not self._intact(path, name):
                atomic_write_bytes(Path(path), data)
            stamp = file_stamp(path)
        self.state.put_chunk(low, name, len(data), stamp)

    def rechunk(self) -> None:
        """Cut every block into chunks afresh (a build that merged every share)."""
        self.state.drop_chunks()
        run: list[tuple[str, str]] = []
        low = ""  # the first chunk also takes every subject below its first one
        for block in self.state.blocks_from("", None):  # a cursor: one chunk in memory at a time
            run.append(block)
            if len(run) == CHUNK_BLOCKS:
                self._write(run[0][0] if low is None else low, run)
                run, low = [], None
        if run:
            self._write(run[0][0] if low is None else low, run)

    def update(self, subjects: Iterable[str]) -> None:
        """Rewrite the chunks that hold (or will hold) these subjects, from the blocks as they are now."""
        lows = [low for low, *_ in self.state.chunks()]
        if not lows:
            self.rechunk()
            return
        touched = sorted({lows[max(0, bisect.bisect_right(lows, s) - 1)] for s in subjects})
        for low in touched:
            i = lows.index(low)
            high = lows[i + 1] if i + 1 < len(lows) else None
            blocks = list(self.state.blocks_from(low, high))
            if not blocks and low:
                self.state.drop_chunk(low)
                continue
            pieces = [blocks] if len(blocks) <= 2 * CHUNK_BLOCKS else self._split(blocks)
            for n, piece in enumerate(pieces):
                self._write(low if n == 0 else piece[0][0], piece)

    @staticmethod
    def _split(blocks: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
        return [blocks[i : i + CHUNK_BLOCKS] for i in range(0, len(blocks), CHUNK_BLOCKS)]

    def check(self) -> None:
        """Make again, from the blocks, every chunk file that is missing or not what its name says (noted)."""
        if self.folder is None:
            return
        chunks = self.state.chunks()
        for i, (low, name, _, stamp) in enumerate(chunks):
            path = self.path(name)
            now = file_stamp(path)
            if now is not None and now == stamp:
                continue
            if now is not None and self._intact(path, name):
                self.state.put_chunk(low, name, now[0], now)
                continue
            if now is not None:
                self.note(path, "does not match its SHA-256")
            high = chunks[i + 1][0] if i + 1 < len(chunks) else None
            self._write(low, list(self.state.blocks_from(low, high)))

    def names(self) -> list[tuple[str, int]]:
        """(name, size) of every chunk, in order: what :meth:`copy` takes."""
        return [(name, size) for _, name, size, _ in self.state.chunks()]

    def copy(self, names: list[tuple[str, int]], out: IO[bytes]) -> None:
        """Append the chunks to ``out`` (copied by the operating system from the cache: never through Python)."""
        for name, size in names:
            if self.folder is None:
                out.write(self.memory[name])
            else:
                copy_range(self.path(name), out, 0, size)

    def pieces(self, names: list[tuple[str, int]]) -> Iterator[bytes]:
        """The chunks' bytes one chunk at a time (the HTML view's table is filled so: never the whole part)."""
        for name, _ in names:
            if self.folder is None:
                yield self.memory[name]
            else:
                with open(self.path(name), "rb") as f:
                    yield f.read()

    def read(self, names: list[tuple[str, int]]) -> bytes:
        """The chunks' bytes (for the HTML view, which reads every shared resource)."""
        if self.folder is None:
            return b"".join(self.memory[name] for name, _ in names)
        out = []
        for name, _ in names:
            with open(self.path(name), "rb") as f:
                out.append(f.read())
        return b"".join(out)
