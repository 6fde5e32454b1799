"""Word reports (``.docx``): paragraphs and table cells in document order, read with python-docx.

The older binary ``.doc`` format is not read (python-docx does not open it; convert it to .docx first)."""

from __future__ import annotations

import io

from kg.read.errors import ReadError, one_line


def read_docx(data: bytes) -> tuple[str, str]:
    """Paragraphs and table cells (python-docx) in document order: one line per paragraph, a table row's cells
    separated by a tab (a merged cell once). The XML of a .docx is UTF-8."""
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
