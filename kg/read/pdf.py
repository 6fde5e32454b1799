"""PDF reports (``.pdf``): the text layer of each page, read with pypdf.

A scanned PDF has no text layer and is refused with that reason (no OCR); an encrypted one is read when it opens
without a password (AES-encrypted ones, common among government PDFs that forbid editing, through the
``cryptography`` package, a dependency)."""

from __future__ import annotations

import io
import logging

from kg.read.errors import ReadError, one_line


def read_pdf(data: bytes) -> tuple[str, None]:
    """The text of each page (pypdf), pages separated by a blank line: a word broken by a page break is joined
    again by the cleaning (:func:`kg.read.clean.clean_text`), as in text files printed from PDFs. PDFs have no
    text encoding to report (fonts map glyphs to Unicode), so the encoding is None."""
    from pypdf import PdfReader  # noqa: PLC0415 - only for PDFs
    from pypdf.errors import DependencyError  # noqa: PLC0415

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf logs every repair of a sloppy file
    if not data.lstrip().startswith(b"%PDF"):
        raise ReadError("corrupt PDF (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError("encrypted PDF (needs a password)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except DependencyError:  # AES needs the cryptography package (a dependency of fazhi-kg): an install fault
        raise ReadError("encrypted PDF (AES): decrypting it needs the cryptography package") from None
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds of errors on broken files
        raise ReadError(f"corrupt PDF ({one_line(exc)})") from None
    text = "\n\n".join(p.strip("\n") for p in pages if p.strip())
    if not text.strip():
        raise ReadError("PDF without a text layer (a scan? no text to read)")
    return text, None
