"""The reader registry: which formats fazhi-kg reads, by which file suffixes, with which function.

A reader is a function from a file's bytes to ``(text, encoding or None)`` that raises
:class:`~kg.errors.ReadError` with a one-line reason when the bytes cannot be a report. Like rdflib's plugins
(``rdflib.plugin.register``), the built-in formats register through the same public call a user's reader does,
so a new format is one :func:`register_reader` call, not an edit of ``if``/``elif`` chains; :func:`readers` lists
them (for a CLI or documentation). Registration order is kept: it is the order in which formats are listed.

Example (a reader of ``.md`` files that reads them as plain text)::

    >>> from kg.read import decode, format_of, register_reader, unregister_reader
    >>> register_reader("md", (".md",), decode)
    >>> format_of("report.MD")
    'md'
    >>> unregister_reader("md")
    >>> format_of("report.md") is None
    True
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType

Reader = Callable[[bytes], tuple[str, str | None]]
"""A file's bytes → (its text, the encoding it was decoded from, or None when the format has none, as PDF)."""

_READERS: dict[str, tuple[tuple[str, ...], Reader]] = {}  # format name → (suffixes, reader), in registration order
_SUFFIXES: dict[str, str] = {}  # lower-case suffix with its dot → format name

FORMATS: MappingProxyType[str, str] = MappingProxyType(_SUFFIXES)
"""File suffix → format name (``Document.fmt``, ``kg:fileFormat``), a live read-only view of the registry. A folder
is read for all of these suffixes."""


def register_reader(fmt: str, suffixes: tuple[str, ...], reader: Reader) -> None:
    """Read files ending in ``suffixes`` (``.ext``: one dot, any case) as format ``fmt`` with ``reader``.

    Registering a format again replaces its suffixes and reader in its place (to swap a built-in reader for
    another). A suffix already read as another format is refused: unregister that format first, so that no
    suffix is taken silently."""
    if not fmt or not suffixes or not all(s.startswith(".") and s.count(".") == 1 and len(s) > 1 for s in suffixes):
        raise ValueError(f"a reader needs a format name and suffixes such as '.txt' (got {fmt!r}, {suffixes!r})")
    lowered = tuple(dict.fromkeys(s.lower() for s in suffixes))
    taken = [f"{s} ({_SUFFIXES[s]})" for s in lowered if _SUFFIXES.get(s, fmt) != fmt]
    if taken:
        raise ValueError(f"suffix already read as another format: {', '.join(taken)}")
    _READERS[fmt] = (lowered, reader)
    _index_suffixes()


def unregister_reader(fmt: str) -> None:
    """Stop reading format ``fmt`` (its suffixes are no longer report files). Raises KeyError for an unknown one."""
    del _READERS[fmt]
    _index_suffixes()


def _index_suffixes() -> None:
    """Rebuild the suffix index in place (``FORMATS`` is a view of it), in the order of the formats."""
    _SUFFIXES.clear()
    for fmt, (suffixes, _) in _READERS.items():
        _SUFFIXES.update(dict.fromkeys(suffixes, fmt))


def readers() -> list[tuple[str, tuple[str, ...]]]:
    """Every registered format with its suffixes, in registration order: ``[("txt", (".txt",)), …]``."""
    return [(fmt, suffixes) for fmt, (suffixes, _) in _READERS.items()]


def reader_for(fmt: str) -> Reader | None:
    """The reader of format ``fmt``; None when no reader is registered for it."""
    entry = _READERS.get(fmt)
    return entry[1] if entry else None


def format_of(path: Path | str) -> str | None:
    """The format a file is read as, from its suffix (case-insensitive); None when it is not a report format."""
    return _SUFFIXES.get(Path(path).suffix.lower())
