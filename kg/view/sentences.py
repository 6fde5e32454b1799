"""The sentence of each citation, for the page's side panel: where in a report a regulation is cited, cut from
the build's ``texts/<report>.txt`` around the mention's offsets, so that a reader sees the citation in context
without opening the report. The texts folder is listed, never indexed by a path made from an IRI."""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Container
from pathlib import Path

import pyoxigraph

from kg.lang.zh import SENTENCE_ENDS
from kg.rdf.triples import report_iri
from kg.rdf.viewrows import ViewRows, view_rows

SENTENCE_END = SENTENCE_ENDS
#: Characters of a citation's sentence kept around the title (the page holds one per citation).
SENTENCE_LIMIT = 60
_END = re.compile("[" + re.escape(SENTENCE_END) + "]")


def sentence_ends(text: str) -> list[int]:
    """Where the sentence ends (:data:`SENTENCE_END`) of ``text`` are, in order: found once per text, so that each
    citation's sentence costs two binary searches, not scans of the text (a report may cite thousands of times).

    >>> sentence_ends("一是学习。二是贯彻；")
    [4, 9]
    """
    return [m.start() for m in _END.finditer(text)]


def sentence_around(text: str, start: int, end: int, limit: int = 90, ends: list[int] | None = None) -> str:
    """The sentence of ``text`` holding ``text[start:end]`` (from the previous 。！？； or line break to the
    next), cut to about ``limit`` characters around the span with "…"; ``ends``: :func:`sentence_ends` of
    ``text``, when the caller keeps them.

    >>> sentence_around("一是学习。二是贯彻《纲要》，印发办法。三是", 7, 11)
    '二是贯彻《纲要》，印发办法。'
    """
    ends = sentence_ends(text) if ends is None else ends
    before = bisect.bisect_left(ends, start)  # the last end before ``start``, the first at or after ``end``
    left = ends[before - 1] + 1 if before else 0
    after = bisect.bisect_left(ends, end)
    right = ends[after] + 1 if after < len(ends) else len(text)
    s, e = left, right
    prefix = suffix = ""
    if e - s > limit:
        room = max(0, limit - (end - start)) // 2
        if start - s > room:
            s, prefix = start - room, "…"
        if e - end > limit - (end - s):
            e, suffix = end + max(0, limit - (end - s)), "…"
    return (prefix + text[s:e].strip() + suffix).replace("\n", " ")


def citation_sentences(
    store: pyoxigraph.Store | ViewRows,
    texts_dir: Path | None,
    limit: int = SENTENCE_LIMIT,
    wanted: Container[tuple[str, str]] | None = None,
) -> dict[tuple[str, str], str]:
    """The sentence of each (report, regulation) citation (of those in ``wanted``, when given: the page's): around
    the report's first mention of the regulation (in text order), cut from the report's text in ``texts_dir`` when
    that text exists and agrees with the mention's offsets, else the mention's own text (see :func:`_sentence`).
    Citations without a mention get none. The mentions are read one row at a time and texts one report at a time
    (a 100,000-report graph has millions of mentions)."""
    first: dict[tuple[str, str], tuple[int | None, int | None, str]] = {}
    for row in view_rows(store).rows("mentions"):
        key = (row["report"], row["reg"])
        if wanted is not None and key not in wanted:
            continue
        mention = (_offset(row["start"]), _offset(row["end"]), sys.intern(row["text"] or ""))
        old = first.get(key)
        if old is None or (mention[0] or 0, mention[2]) < (old[0] or 0, old[2]):
            # a tuple, and the IRIs and texts interned (one string per report, regulation and title), not a row
            # dict and three fresh strings per kept citation: a 100,000-report page keeps over a million
            first[sys.intern(key[0]), sys.intern(key[1])] = mention
    files = text_files(texts_dir)
    out: dict[tuple[str, str], str] = {}
    unique: dict[str, str] = {}  # each distinct sentence once: many reports cite in the same words
    report, text, ends = None, None, []
    for key in sorted(first):
        if key[0] != report:
            report, path = key[0], files.get(key[0])
            text = path.read_text(encoding="utf-8", errors="replace") if path else None
            ends = sentence_ends(text) if text is not None else []
        sentence = _sentence(first.pop(key), text, limit, ends)
        out[key] = unique.setdefault(sentence, sentence)
    return out


def text_files(texts_dir: Path | None) -> dict[str, Path]:
    """The report texts in ``texts_dir`` by report IRI: the folder is listed and each ``<id>.txt`` named as the
    build names it (:func:`kg.rdf.triples.report_iri`), so that no path is ever made from an IRI (a crafted
    ``report-../../x`` names no file here)."""
    if texts_dir is None or not Path(texts_dir).is_dir():
        return {}
    out = {}
    for p in sorted(Path(texts_dir).glob("*.txt")):
        try:
            iri = report_iri(p.stem).value
        except ValueError:  # a file the build did not write ("my notes.txt"): no report's text
            continue
        if p.is_file():
            out[iri] = p
    return out


def _offset(value: str | None) -> int | None:
    """A mention's offset, or None when the graph holds none or no whole number.

    >>> _offset("12"), _offset("x"), _offset(None)
    (12, None, None)
    """
    return int(value) if value is not None and value.isdigit() else None


def _sentence(
    mention: tuple[int | None, int | None, str],
    text: str | None,
    limit: int = SENTENCE_LIMIT,
    ends: list[int] | None = None,
) -> str:
    """The sentence around a mention (its start, end and text), or the mention's own text when the report's text is
    missing or does not agree with the mention's offsets (a text file from another build)."""
    s, e, surface = mention
    usable = text is not None and s is not None and e is not None and 0 <= s <= e <= len(text)
    if usable and (not surface or text[s:e] == surface):
        surface = sentence_around(text, s, e, limit, ends)
    return surface
