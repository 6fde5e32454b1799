"""The report as the pipeline sees it: :class:`Document` (decoded text, cleaned text and the map between them) and
:class:`SourceFile` (what the graph records of the file it came from).

Kept apart from the readers so that everything downstream (extraction, resolution, RDF) depends on these two
dataclasses only, never on how a format was decoded."""

from __future__ import annotations

import hashlib
from array import array
from dataclasses import dataclass, field

from kg.model import Span
from kg.read.clean import clean_text, header_meta


@dataclass(frozen=True, slots=True)  # (kept for every file of a large build: no __dict__ each)
class SourceFile:
    """What the graph records of a source file (``kg:SourceFile``), without its text: cheap to keep for every file
    of a large corpus while the texts themselves stay on disk."""

    source_name: str
    sha256: str  # of the file's bytes
    size: int  # bytes
    encoding: str | None
    fmt: str


@dataclass
class Document:
    """One report's text. ``text`` is the decoded source; ``clean`` is what extractors read."""

    source_name: str
    text: str
    clean: str
    clean_to_text: array  # clean_to_text[i] = index in text of clean[i]
    encoding: str | None = "utf-8"  # of a text file or web page; None for PDF (fonts, not an encoding)
    sha256: str = ""  # of the file's bytes
    size: int = 0  # bytes
    meta: dict[str, str] = field(default_factory=dict)  # web-page header fields: published, source …
    fmt: str = "txt"

    def source_file(self) -> SourceFile:
        return SourceFile(self.source_name, self.sha256, self.size, self.encoding, self.fmt)

    @property
    def id(self) -> str:
        """The report's identity: a hash of its decoded text, so the same text under two names is one report."""
        return text_id(self.text)

    def span(self, clean_start: int, clean_end: int) -> Span:
        """The original-text span of ``clean[clean_start:clean_end]``."""
        if clean_end <= clean_start:
            raise ValueError(f"empty span {clean_start}:{clean_end}")
        start = self.clean_to_text[clean_start]
        end = self.clean_to_text[clean_end - 1] + 1
        return Span(start, end, self.text[start:end])

    def to_text(self, clean_pos: int) -> int:
        """The original-text index of a clean-text position (``len(clean)`` maps to ``len(text)``)."""
        return self.clean_to_text[clean_pos] if clean_pos < len(self.clean) else len(self.text)

    @classmethod
    def from_text(cls, text: str, source_name: str = "<text>") -> Document:
        """A document from a string (tests, other readers). Line ends are unified like a file's."""
        text = normalise_newlines(text)
        clean, mapping = clean_text(text)
        data = text.encode("utf-8")
        return cls(
            source_name, text, clean, mapping, "utf-8", hashlib.sha256(data).hexdigest(), len(data), header_meta(text)
        )


def text_id(text: str) -> str:
    """A report's identity (16 hex digits of SHA-256 of its decoded text): the same text under two file names or
    in two formats is one report."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def normalise_newlines(text: str) -> str:
    """Line ends unified to ``\\n``, so offsets do not depend on the system that wrote the file."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
