"""Decoding of plain-text reports (``.txt``): which encoding, since Chinese government files come in several.

A BOM decides (UTF-8, UTF-16); else NUL bytes mean UTF-16 without a BOM or a binary file; else UTF-8; else
GB18030 (the superset of GBK and GB2312 that government sites mean by either); else charset-normalizer's guess.
A text that decodes but is mostly control or unassigned characters is refused rather than read as garbage."""

from __future__ import annotations

import unicodedata

from kg.errors import ReadError


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
    return (text, enc) if looks_like_text(text) else None


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # noqa: PLC0415 - only for non-UTF-8 files

    # GB18030 is a superset of GBK and GB2312 and is what Chinese government sites mean by either.
    try:
        text = data.decode("gb18030")
        if looks_like_text(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or not looks_like_text(str(best)):
        raise ReadError("undecodable: not UTF-8, UTF-16 or GB18030 text")
    return str(best), best.encoding


def looks_like_text(text: str) -> bool:
    """Is a decoding plausible? At most 1 % control, private-use or unassigned characters in the first 20,000: a
    wrong codec gives many, a real report (even with stray form feeds) almost none."""
    if not text.strip():
        return False
    sample = text[:20000]
    bad = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\r\t\f")
    return bad <= len(sample) * 0.01
