"""Read a report file into a :class:`Document`: decoded source text, cleaned text, and the map between them.

Extractors read ``doc.clean`` — web cruft removed, markdown ``**`` removed, spaces between Chinese characters and
numbers removed, words split across page breaks joined again — but every position in ``clean`` maps back to the
original decoded text, so mention offsets (:meth:`Document.span`) always index ``doc.text``. That is the
provenance contract: ``doc.text[start:end]`` is what the mention says was read.

The decoded text is the file's characters with any BOM dropped and line ends unified to ``\\n``; it is what
``kg build`` keeps under ``output/texts/``, so offsets can be checked later.

Formats (:data:`FORMATS`, chosen by suffix): plain text (``.txt``: UTF-8 with or without BOM, UTF-16, GB18030/GBK,
else charset-normalizer's guess); web pages (``.html``/``.htm``: the article body found with selectolax, navigation,
scripts and styles dropped, one line per block); PDF (``.pdf``: pypdf's text of each page, pages separated by a
blank line) and Word (``.docx``: python-docx paragraphs and table cells in document order). For the last three the
*extracted* text is the document's ``text``: offsets index it, and it is what ``output/texts/`` keeps.

Every failure is a :class:`ReadError` whose message is one line, so that a corpus crawl with broken files builds
the rest and says what was wrong with each.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import ReadError
from kg.model import Span

MAX_BYTES_DEFAULT = 20 * 1024 * 1024  # a report is tens of KB; anything this big is not a report
CRUFT_MAX_LINE = 120  # only short lines can be navigation or buttons; a long line is body text




@dataclass(frozen=True)
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
    def from_text(cls, text: str, source_name: str = "<text>") -> "Document":
        """A document from a string (tests, other readers). Line ends are unified like a file's."""
        text = normalise_newlines(text)
        clean, mapping = clean_text(text)
        data = text.encode("utf-8")
        return cls(source_name, text, clean, mapping, "utf-8", hashlib.sha256(data).hexdigest(), len(data),
                   header_meta(text))


def text_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- decoding -------------------------------------------------------------------------------------------------

def decode(data: bytes) -> tuple[str, str]:
    """Decode report bytes; returns (text, encoding name). Raises ReadError on binary or undecodable data."""
    if not data.strip():
        raise ReadError("empty file")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise ReadError(f"undecodable {enc} text at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        utf16 = _try_utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise ReadError("binary file (NUL bytes), not a text report")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if len(data) - utf8_error.start <= 3 and utf8_error.reason == "unexpected end of data":
        raise ReadError(f"truncated UTF-8 text (ends inside a character at byte {utf8_error.start})")
    return _detect(data)


def _try_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    # Chinese text in UTF-16 has NULs in the high bytes of ASCII (newlines, digits) on one side only.
    even, odd = data[0::2].count(0), data[1::2].count(0)
    enc = "utf-16-le" if odd > even * 4 else "utf-16-be" if even > odd * 4 else None
    if enc is None:
        return None
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    return (text, enc) if _looks_like_text(text) else None


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # noqa: PLC0415 - only for non-UTF-8 files

    # GB18030 is a superset of GBK and GB2312 and is what Chinese government sites mean by either.
    try:
        text = data.decode("gb18030")
        if _looks_like_text(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or not _looks_like_text(str(best)):
        raise ReadError("undecodable: not UTF-8, UTF-16 or GB18030 text")
    return str(best), best.encoding


def _looks_like_text(text: str) -> bool:
    if not text.strip():
        return False
    sample = text[:20000]
    bad = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\r\t\f")
    return bad <= len(sample) * 0.01


FORMATS: dict[str, str] = {".txt": "txt", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}
"""File suffix → format name (``Document.fmt``, ``kg:fileFormat``). A folder is read for all of these."""


def format_of(path: Path | str) -> str | None:
    """The format a file is read as, from its suffix (case-insensitive); None when it is not a report format."""
    return FORMATS.get(Path(path).suffix.lower())


def read_path(path: Path, source_name: str | None = None, max_bytes: int = MAX_BYTES_DEFAULT) -> Document:
    """Read one report file. Raises ReadError with a one-line reason when it cannot be a report."""
    return read_bytes(read_file_bytes(path, max_bytes), source_name or Path(path).name, format_of(path) or "txt",
                      max_bytes)


def stat_file(path: Path, max_bytes: int = MAX_BYTES_DEFAULT) -> os.stat_result:
    """A file's status, refusing one larger than ``max_bytes`` (so it is never read)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    if st.st_size > max_bytes:
        raise ReadError(f"too large ({st.st_size} bytes, limit {max_bytes})")
    return st


def read_file_bytes(path: Path, max_bytes: int = MAX_BYTES_DEFAULT) -> bytes:
    """A file's bytes, refusing (before reading) one larger than ``max_bytes``."""
    path = Path(path)
    stat_file(path, max_bytes)
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None


def read_bytes(data: bytes, source_name: str, fmt: str = "txt", max_bytes: int = MAX_BYTES_DEFAULT) -> Document:
    """A :class:`Document` from a file's bytes read as ``fmt`` (a value of :data:`FORMATS`).

    Kept apart from the file system so that a worker process or a Dask worker can read bytes sent to it."""
    if len(data) > max_bytes:
        raise ReadError(f"too large ({len(data)} bytes, limit {max_bytes})")
    if not data.strip():
        raise ReadError("empty file")
    reader = _READERS.get(fmt)
    if reader is None:
        raise ReadError(f"unsupported format {fmt!r}")
    text, encoding = reader(data)
    text = normalise_newlines(text)
    if not text.strip():
        raise ReadError("empty file" if fmt == "txt" else f"no text in the {fmt.upper()} file")
    clean, mapping = clean_text(text)
    if not clean.strip():
        raise ReadError("no report text (only web-page navigation)")
    return Document(source_name, text, clean, mapping, encoding, hashlib.sha256(data).hexdigest(), len(data),
                    header_meta(text), fmt)


def one_line(exc: BaseException) -> str:
    """An exception as a short single line, for reasons in build-report.json."""
    msg = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {msg[:160]}" if msg else type(exc).__name__


# --- web pages ------------------------------------------------------------------------------------------------

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "utf8": "utf-8"}
# Never article text: scripts and styles, and the page furniture around an article.
_HTML_DROP = ("script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "head", "nav",
              "header", "footer", "aside", "form", "button", "select", "textarea", "menu")
# Containers that Chinese government sites (TRS, Hanweb, UCAP content systems) put the article in.
_HTML_ARTICLE = ("#zoom", "#Zoom", ".TRS_Editor", "#UCAP-CONTENT", ".article-content", ".article_content",
                 "#article-content", ".pages_content", "#content", ".content", "article", "[role=main]", "main")
_HTML_BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
               "dl", "dt", "dd", "table", "tbody", "thead", "tfoot", "tr", "blockquote", "pre", "hr", "center",
               "address", "figure", "figcaption", "caption", "title", "body", "html"}
_HTML_CELL = {"td", "th"}
_WS = re.compile(r"[ \t\r\n\f\v]+")
_ARTICLE_MIN = 200  # characters: a smaller container is a teaser box, not the article


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode a web page: a BOM, else the ``<meta charset>`` it declares, else as text is decoded."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:2048]:
        return decode(data)
    m = _CHARSET.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii").lower()
        declared = _CHARSET_ALIASES.get(declared, declared)
        try:
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: fall back to detection
        else:
            if _looks_like_text(text):
                return text, declared
    return decode(data)


def _html_text(node) -> str:
    """The text of an element, one paragraph per block (paragraph, heading, list item, table row; a blank line
    between them), runs of white space inside a block collapsed to one space as a browser shows them (so a table
    row's cells are separated by a space)."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _WS.sub(" ", "".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    stack: list[tuple[object, bool]] = [(node, False)]  # (node, leaving); iterative: pages can nest very deep
    while stack:
        n, leaving = stack.pop()
        tag = n.tag
        if leaving:
            if tag in _HTML_BLOCK:
                flush()
            elif tag in _HTML_CELL:
                current.append("\t")
            continue
        if tag == "-text":
            current.append(n.text_content or "")
            continue
        if tag in _HTML_DROP or tag.startswith("-"):  # comments, doctype
            continue
        if tag == "br":
            flush()
            continue
        if tag in _HTML_BLOCK:
            flush()
        stack.append((n, True))
        children = list(n.iter(include_text=True))
        stack.extend((c, False) for c in reversed(children))
    flush()
    return "\n\n".join(lines)


def _article_node(tree):
    """The element holding the article: a known content container, else the element whose paragraphs hold the
    most text (a small readability: each <p>'s text counts for its parent, half for its grandparent)."""
    body = tree.body
    if body is None:
        return None
    for selector in _HTML_ARTICLE:
        for node in tree.css(selector):
            if len(_WS.sub("", node.text(deep=True))) >= _ARTICLE_MIN:
                return node
    scores: dict[int, float] = {}
    nodes: dict[int, object] = {}
    order: dict[int, int] = {}
    for p in tree.css("p"):
        length = len(_WS.sub("", p.text(deep=True)))
        if length < 10:
            continue
        parent = p.parent
        for weight in (1.0, 0.5):
            if parent is None or parent.tag in ("html", "-undef"):
                break
            key = parent.mem_id
            if key not in nodes:
                nodes[key] = parent
                order[key] = len(order)  # ties go to the element met first, never to a memory address
            scores[key] = scores.get(key, 0.0) + length * weight
            parent = parent.parent
    if scores:
        best = max(scores, key=lambda k: (scores[k], -order[k]))
        if scores[best] >= _ARTICLE_MIN:
            return nodes[best]
    return body


def read_html(data: bytes) -> tuple[str, str]:
    """A web page's article text (with its heading when that sits outside the article) and the page's encoding."""
    from selectolax.lexbor import LexborHTMLParser  # noqa: PLC0415 - only for web pages

    source, encoding = decode_html(data)
    try:
        tree = LexborHTMLParser(source)
    except Exception as exc:  # noqa: BLE001 - any parser failure is a corrupt page
        raise ReadError(f"corrupt HTML ({one_line(exc)})") from None
    for tag in _HTML_DROP:
        for node in tree.css(tag):
            node.decompose()
    article = _article_node(tree)
    if article is None:
        raise ReadError("corrupt HTML (no body)")
    text = _html_text(article)
    heading = None
    if article.css_first("h1") is None:
        h1 = tree.css_first("h1")
        if h1 is not None:
            heading = _WS.sub(" ", h1.text(deep=True)).strip()
    if heading and not text.startswith(heading):
        text = heading + "\n\n" + text
    if not text.strip():
        raise ReadError("no article text in the web page")
    return text, encoding


# --- PDF and Word ---------------------------------------------------------------------------------------------

def read_pdf(data: bytes) -> tuple[str, None]:
    """The text of each page (pypdf), pages separated by a blank line: a word broken by a page break is joined
    again by the cleaning (:func:`clean_text`), as in text files printed from PDFs. PDFs have no text encoding
    to report (fonts map glyphs to Unicode), so the encoding is None."""
    import logging  # noqa: PLC0415

    from pypdf import PdfReader  # noqa: PLC0415 - only for PDFs

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf logs every repair of a sloppy file
    if not data.lstrip().startswith(b"%PDF"):
        raise ReadError("corrupt PDF (no %PDF header)")
    try:
        import io  # noqa: PLC0415

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError("encrypted PDF (needs a password)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds of errors on broken files
        raise ReadError(f"corrupt PDF ({one_line(exc)})") from None
    text = "\n\n".join(p.strip("\n") for p in pages if p.strip())
    if not text.strip():
        raise ReadError("PDF without a text layer (a scan? no text to read)")
    return text, None


def read_docx(data: bytes) -> tuple[str, str]:
    """Paragraphs and table cells (python-docx) in document order: one line per paragraph, a table row's cells
    separated by a tab (a merged cell once). The XML of a .docx is UTF-8."""
    try:
        import io  # noqa: PLC0415

        import docx  # noqa: PLC0415 - only for Word files
        from docx.table import Table  # noqa: PLC0415

        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    seen: set[int] = set()
                    cells = []
                    for cell in row.cells:
                        if id(cell._tc) in seen:
                            continue
                        seen.add(id(cell._tc))
                        cells.append(" ".join(cell.text.split("\n")).strip())
                    if any(cells):
                        lines.append("\t".join(cells))
            elif block.text.strip():
                lines.append(block.text)
    except Exception as exc:  # noqa: BLE001 - a broken zip or XML part is a corrupt file
        raise ReadError(f"corrupt DOCX ({one_line(exc)})") from None
    text = "\n\n".join(lines)
    if not text.strip():
        raise ReadError("no text in the DOCX file")
    return text, "utf-8"


_READERS = {"txt": decode, "html": read_html, "pdf": read_pdf, "docx": read_docx}


# --- cleaning -------------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def cruft_patterns() -> re.Pattern[str]:
    lines = resources.files("kg.data").joinpath("cruft.txt").read_text(encoding="utf-8").splitlines()
    alternatives = [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


_SPACE = " \t\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff"
_DOUBLE_ANGLE = {"<": "《", ">": "》", "＜": "《", "＞": "》", "〈": "《", "〉": "》"}
_SPECIAL = re.compile("[" + re.escape(_SPACE + "*" + "".join(_DOUBLE_ANGLE)) + "]")
_TERMINAL = "。；;！!？?：:…”」』）)】》*"
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十\d]+[章节部分])")


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF
            or 0x2010 <= o <= 0x2027 or 0x20000 <= o <= 0x2FFFF)


def _squeezable(ch: str) -> bool:
    """Characters next to which a space is a typesetting artefact in Chinese text."""
    return _is_cjk(ch) or ch.isdigit() or ch in "%.．"


def is_cruft(line: str) -> bool:
    stripped = line.strip(_SPACE)
    return len(stripped) <= CRUFT_MAX_LINE and bool(cruft_patterns().search(stripped))


def _clean_line(line: str, offset: int, out: list[str], mapping: array) -> None:
    """Append a line's kept characters: no markdown **, no edge spaces, no spaces inside Chinese text."""
    lo, hi = 0, len(line)
    while lo < hi and line[lo] in _SPACE:
        lo += 1
    while hi > lo and line[hi - 1] in _SPACE:
        hi -= 1
    i = lo
    while i < hi:
        # Runs of ordinary characters (nearly all of a Chinese line) are copied whole, with their offsets: only
        # spaces, ``*`` and angle brackets need a decision, character by character.
        special = _SPECIAL.search(line, i, hi)
        j = special.start() if special else hi
        if j > i:
            out.append(line[i:j])
            mapping.extend(range(offset + i, offset + j))
            i = j
            if i >= hi:
                break
        ch = line[i]
        if ch == "*" and i + 1 < hi and line[i + 1] == "*":
            i += 2
            continue
        if ch in _DOUBLE_ANGLE and i + 1 < hi and line[i + 1] == ch:
            # <<title>> written with doubled angle brackets: read as 《title》, mapped so that the span of the
            # title still covers both characters of each bracket
            out.append(_DOUBLE_ANGLE[ch])
            mapping.append(offset + i + (1 if _DOUBLE_ANGLE[ch] == "》" else 0))
            i += 2
            continue
        if ch in _SPACE:
            j = i
            while j < hi and line[j] in _SPACE:
                j += 1
            prev = out[-1][-1] if out else ""
            nxt = line[j] if j < hi else ""
            if (prev and _squeezable(prev) and (not nxt or _squeezable(nxt) or _is_cjk(prev))) or (
                nxt and _is_cjk(nxt)
            ):
                i = j
                continue
            out.append(" ")
            mapping.append(offset + i)
            i = j
            continue
        out.append(ch)
        mapping.append(offset + i)
        i += 1


def _joins(prev: str, nxt: str) -> bool:
    """Was a paragraph broken here by a page break (执\\n\\n法水平)? Then the lines are one text."""
    prev, nxt = prev.rstrip(_SPACE), nxt.lstrip(_SPACE)
    if not prev or not nxt or prev[-1] in _TERMINAL or prev.endswith("**"):
        return False
    if not (_is_cjk(prev[-1]) or prev[-1].isalnum() or prev[-1] in "、，,“《（("):
        return False
    if not (_is_cjk(nxt[0]) or nxt[0].isalnum()) or nxt[0] in "（(【《“":
        return False
    if HEADING.match(nxt) or (HEADING.match(prev) and len(prev) < 60):
        return False
    # A title or a signature is short and has no sentence punctuation; a broken paragraph line has both.
    return len(prev) >= 40 or (len(prev) >= 20 and any(p in prev for p in "，。；,"))


def clean_text(text: str) -> tuple[str, array]:
    """Clean ``text`` for extraction; returns the clean text and the clean→original index map."""
    out: list[str] = []
    mapping = array("l")
    pos = 0
    prev_line: str | None = None
    prev_end = 0  # index in text of the newline ending the previous kept line
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip(_SPACE) or is_cruft(line):
            continue
        if prev_line is not None and not _joins(prev_line, line):
            out.append("\n")
            mapping.append(min(prev_end, len(text) - 1))
        _clean_line(line, start, out, mapping)
        prev_line, prev_end = line, start + len(line)
    return "".join(out), mapping


_META = {
    "published": re.compile(r"(?:发布时间|发布日期|更新时间|发文日期)\s*[:：]\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2})"),
    "written": re.compile(r"成文日期\s*[:：]\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2})"),
    "source": re.compile(r"(?:来源|信息来源|文章来源)\s*[:：]\s*([\u4e00-\u9fff]{2,30})"),
    "issuing_body": re.compile(r"(?:发文机关|发布机构)\s*[:：]\s*([\u4e00-\u9fff]{2,40})"),
}


def header_meta(text: str) -> dict[str, str]:
    """Fields of a web page's header block (first lines that are cruft), e.g. the publication date."""
    meta: dict[str, str] = {}
    for line in text[:3000].split("\n"):
        if not is_cruft(line):
            continue
        for key, pattern in _META.items():
            m = pattern.search(line)
            if m and key not in meta:
                meta[key] = m.group(1)
    return meta
