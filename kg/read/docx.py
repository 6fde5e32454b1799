"""Word reports (``.docx``): paragraphs and table cells in document order, read with python-docx.

The older binary ``.doc`` format is not read (python-docx does not open it; convert it to .docx first).

A .docx is a zip archive, and python-docx unzips every part into memory: a 1.2 MB file can unzip to gigabytes (a
"zip bomb"), which the size limit on the file itself does not see. So the archive's table of contents is checked
before python-docx reads it: at most :data:`MAX_MEMBERS` parts, :data:`MAX_UNZIPPED_BYTES` unzipped in all, and
no part over 1 MiB that unzips to more than :data:`MAX_RATIO` times its zipped size (a report's XML zips about
10:1; a bomb, a thousand to one). Python's zipfile never unzips more than a part's declared size, so the declared
sizes bound what is read."""

from __future__ import annotations

import io
import zipfile

from kg.read.errors import ReadError, one_line

MAX_MEMBERS = 10_000  # a Word file has tens of parts (a few hundred with many images)
MAX_UNZIPPED_BYTES = 256 * 1024 * 1024  # unzipped, all parts together
MAX_RATIO = 200  # unzipped ÷ zipped size of one part over RATIO_FROM bytes
RATIO_FROM = 1024 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the signature of Office 97 files (.doc, .xls, .wps)


def check_archive(data: bytes) -> None:
    """Refuse a .docx that is not a zip archive, or whose parts would unzip to too much (see the module)."""
    if data.startswith(_OLE):
        raise ReadError("a Word 97 (.doc) document named .docx: open it in Word or WPS and save it as .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        raise ReadError("corrupt DOCX (not a whole zip archive: truncated, or not a zip)") from None
    except (zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise ReadError(f"corrupt DOCX ({one_line(exc)})") from None
    if len(members) > MAX_MEMBERS:
        raise ReadError(f"refused DOCX: {len(members)} parts (limit {MAX_MEMBERS}), a likely zip bomb")
    total = sum(m.file_size for m in members)
    if total > MAX_UNZIPPED_BYTES:
        raise ReadError(f"refused DOCX: unzips to {total} bytes (limit {MAX_UNZIPPED_BYTES}), a likely zip bomb")
    for m in members:
        if m.file_size > RATIO_FROM and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            part = " ".join(m.filename.split())[:80]
            raise ReadError(
                f"refused DOCX: part {part} unzips {m.compress_size} bytes to {m.file_size} "
                f"(over {MAX_RATIO} times), a likely zip bomb"
            )


def read_docx(data: bytes) -> tuple[str, str]:
    """Paragraphs and table cells (python-docx) in document order: one line per paragraph, a table row's cells
    separated by a tab (a merged cell once). The XML of a .docx is UTF-8."""
    check_archive(data)
    try:
        import docx  # noqa: PLC0415 - only for Word files
        from docx.table import Table  # noqa: PLC0415

        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                rows = [_row_cells(row) for row in block.rows]
                lines.extend("\t".join(cells) for cells in rows if any(cells))
            elif block.text.strip():
                lines.append(block.text)
    except Exception as exc:  # noqa: BLE001 - a broken zip or XML part is a corrupt file
        raise ReadError(f"corrupt DOCX ({one_line(exc)})") from None
    text = "\n\n".join(lines)
    if not text.strip():
        raise ReadError("no text in the DOCX file")
    return text, "utf-8"


def _row_cells(row) -> list[str]:
    """A table row's cell texts, one line each; a merged cell (python-docx repeats it per grid column) once."""
    seen: set[int] = set()
    cells = []
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        cells.append(" ".join(cell.text.split("\n")).strip())
    return cells
