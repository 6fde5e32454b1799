"""Read a report file into a :class:`Document`: decoded source text, cleaned text, and the map between them.

Extractors read ``doc.clean`` (:mod:`kg.read.clean`: web cruft removed, markdown ``**`` removed, spaces between
Chinese characters and numbers removed, words split across page breaks joined again) but every position in
``clean`` maps back to the original decoded text, so mention offsets (:meth:`Document.span`) always index
``doc.text``. That is the provenance contract: ``doc.text[start:end]`` is what the mention says was read.

The decoded text is the file's characters with any BOM dropped and line ends unified to ``\\n``; it is what
``kg build`` keeps under ``output/texts/``, so offsets can be checked later.

Formats (:func:`readers`, :data:`FORMATS`, chosen by suffix), one module each: plain text (:mod:`kg.read.text`,
``.txt``: UTF-8 with or without BOM, UTF-16, GB18030/GBK, else charset-normalizer's guess); web pages
(:mod:`kg.read.html`, ``.html``/``.htm``: the article body found with selectolax, navigation, scripts and styles
dropped, one line per block); PDF (:mod:`kg.read.pdf`, ``.pdf``: pypdf's text of each page, pages separated by a
blank line) and Word (:mod:`kg.read.docx`, ``.docx``: python-docx paragraphs and table cells in document order).
For the last three the *extracted* text is the document's ``text``: offsets index it, and it is what
``output/texts/`` keeps. Another format is one :func:`register_reader` call (:mod:`kg.read.registry`).

Before a byte is read, :mod:`kg.read.files` refuses what is not a regular file of bounded size (a FIFO would block,
``/dev/zero`` never ends) and says what a file of another format is (``kg/data/ignored_formats.csv``: "a Word 97
document: save it as .docx"). Files built to hurt are refused before the library that would choke on them sees
them: a .docx that unzips to far more than its size (:mod:`kg.read.docx`), a web page nested too deeply for the
HTML parser (:mod:`kg.read.nesting`).

Every failure is a :class:`ReadError` whose message is one line, the same on every run, so that a corpus crawl
with broken files builds the rest and says what was wrong with each.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from kg.read import files
from kg.read.clean import CRUFT_MAX_LINE, clean_text, cruft_patterns, header_meta, is_cruft
from kg.read.document import Document, SourceFile, normalise_newlines, text_id
from kg.read.docx import read_docx
from kg.read.errors import ReadError, one_line
from kg.read.files import ignored_reason, is_printable_name, kind_of, not_a_report, printable_name
from kg.read.headings import HEADING, is_report_title
from kg.read.html import decode_html, read_html
from kg.read.pdf import read_pdf
from kg.read.registry import FORMATS, Reader, format_of, reader_for, readers, register_reader, unregister_reader
from kg.read.text import decode

__all__ = [
    "CRUFT_MAX_LINE",
    "FORMATS",
    "HEADING",
    "is_report_title",
    "MAX_BYTES_DEFAULT",
    "Document",
    "ReadError",
    "Reader",
    "SourceFile",
    "clean_text",
    "cruft_patterns",
    "decode",
    "decode_html",
    "format_of",
    "header_meta",
    "ignored_reason",
    "is_printable_name",
    "is_cruft",
    "kind_of",
    "normalise_newlines",
    "not_a_report",
    "one_line",
    "printable_name",
    "read_bytes",
    "read_docx",
    "read_file_bytes",
    "read_html",
    "read_path",
    "read_pdf",
    "reader_for",
    "readers",
    "register_reader",
    "stat_file",
    "text_id",
    "unregister_reader",
]

MAX_BYTES_DEFAULT = 20 * 1024 * 1024  # a report is tens of KB; anything this big is not a report

# The built-in formats, registered like any other reader; this order is the order of FORMATS.
register_reader("txt", (".txt",), decode)
register_reader("html", (".html", ".htm"), read_html)
register_reader("pdf", (".pdf",), read_pdf)
register_reader("docx", (".docx",), read_docx)


def read_path(path: Path, source_name: str | None = None, max_bytes: int = MAX_BYTES_DEFAULT) -> Document:
    """Read one report file. Raises ReadError with a one-line reason when it cannot be a report: a file of a
    known other format (``.doc``, ``.png``: :func:`not_a_report`) says what it is; a file of an unknown suffix is
    read as plain text."""
    fmt = format_of(path)
    if fmt is None and not_a_report(path):
        raise ReadError(not_a_report(path))
    return read_bytes(read_file_bytes(path, max_bytes), source_name or Path(path).name, fmt or "txt", max_bytes)


def stat_file(path: Path, max_bytes: int = MAX_BYTES_DEFAULT) -> os.stat_result:
    """A file's status, refusing one that is not a regular file or is larger than ``max_bytes`` (so it is never
    read)."""
    return files.stat_file(path, max_bytes)


def read_file_bytes(path: Path, max_bytes: int = MAX_BYTES_DEFAULT) -> bytes:
    """A regular file's bytes, refusing (before reading) a FIFO, a device or one larger than ``max_bytes``."""
    return files.read_file_bytes(Path(path), max_bytes)


def read_bytes(data: bytes, source_name: str, fmt: str = "txt", max_bytes: int = MAX_BYTES_DEFAULT) -> Document:
    """A :class:`Document` from a file's bytes read as ``fmt`` (a format of :func:`readers`).

    Kept apart from the file system so that a worker process or a Dask worker can read bytes sent to it."""
    if len(data) > max_bytes:
        raise ReadError(f"too large ({len(data)} bytes, limit {max_bytes})")
    if not data.strip():
        raise ReadError("empty file")
    reader = reader_for(fmt)
    if reader is None:
        raise ReadError(f"unsupported format {fmt!r}")
    text, encoding = reader(data)
    text = normalise_newlines(text)
    if not text.strip():
        raise ReadError("empty file" if fmt == "txt" else f"no text in the {fmt.upper()} file")
    clean, mapping = clean_text(text)
    if not clean.strip():
        raise ReadError("no report text (only web-page navigation)")
    return Document(
        source_name, text, clean, mapping, encoding, hashlib.sha256(data).hexdigest(), len(data), header_meta(text), fmt
    )
