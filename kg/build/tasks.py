"""One input, processed on its own: the unit of work of a worker process or a Dask task.

:func:`process_task` reads the input, extracts, resolves the report alone and makes its Turtle blocks. It is a
pure function of the task (bytes in, text out), so the same input gives the same bytes on any executor.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass

from kg.build.cache import content_key
from kg.build.fragment import Fragment, FragmentHead, corpus_to_json
from kg.build.heap import defer_full_collections
from kg.errors import ReadError
from kg.extract import extract
from kg.model import Extraction, extraction_from_json, to_json_text
from kg.rdf.triples import report_statements, view_subset
from kg.rdf.turtle import TurtleWriter
from kg.read import Document, SourceFile, one_line, read_bytes
from kg.resolve import resolve
from kg.segment import DocumentMemo, get_segmenter


@dataclass
class Task:
    """Everything a worker needs to process one input (bytes or a read document, never a path: a Dask worker
    may not see our disk)."""

    name: str
    fmt: str
    data: bytes | None
    max_bytes: int
    segmenter: str
    model: str | None
    extraction: dict | None = None  # a cached extraction of the same content (renamed file, lost text)
    document: Document | None = None  # an input given as a Document


@dataclass
class Outcome:
    name: str
    fmt: str
    key: str
    error: str | None = None
    text: str = ""
    head: FragmentHead | None = None
    extraction_json: str = ""  # serialised here, in the worker: the main process only writes files
    fragment_text: str = ""  # Fragment.serialise(): the cache file's content, also read from memory
    extracted: bool = False


_WRITER = TurtleWriter()
"""The process's Turtle writer: kept from report to report because it remembers how it wrote the objects that
recur (offsets, units, labels, shared nodes: ~3 of 4 objects), ~20 % of the time of a report's blocks."""


def init_worker(segmenter: str, model: str | None) -> None:
    """Worker initializer: load the segmenter once per worker, before its first task; fewer full collections in
    this process (:mod:`kg.build.heap`)."""
    get_segmenter(segmenter, model)  # cached per process
    defer_full_collections()


def init_validator() -> None:
    """Initializer of a spare process that will validate: the validator's modules loaded before the sample comes."""
    import pyshacl  # noqa: F401, PLC0415

    import kg.rdf.shacl  # noqa: F401, PLC0415


def task_key(task: Task) -> str:
    """The content key of a task: the bytes' SHA-256 (a Document's recorded one) and the format."""
    digest = task.document.sha256 if task.document is not None else hashlib.sha256(task.data or b"").hexdigest()
    return content_key(digest, task.fmt)


def report_fragment(ex: Extraction, files: list[SourceFile]) -> Fragment:
    """One report's share of the build: its corpus part (resolved alone), its Turtle blocks, and the triples of
    it the HTML view needs (always: a fragment cached by a build without HTML serves a later build with it).
    ``files`` are every file with this text (duplicates), in name order."""
    files = sorted(files, key=lambda f: f.source_name)
    ex = dataclasses.replace(ex, source_name=files[0].source_name)
    corpus = resolve([ex])
    node = corpus.reports[ex.report_id]
    node.source_names = [f.source_name for f in files]
    statements = report_statements(node, files)
    body, count = _WRITER.blocks(statements.triples, statements.tables)
    head = FragmentHead(ex.report_id, files[0], list(ex.info.problems), len(ex.figures), count)
    part = {
        "corpus": corpus_to_json(corpus),
        "indicators": sorted({f.indicator for f in ex.figures if f.indicator}),
        "html": view_subset(ex.report_id, statements),
    }
    return Fragment(head, part, body)


def process_task(task: Task) -> Outcome:
    """Read, extract and render one input. Never raises: an input that fails becomes an outcome with an error,
    so one bad file (or an extractor bug it triggers) costs that file, not the build."""
    out = Outcome(task.name, task.fmt, task_key(task))
    try:
        doc = task.document or read_bytes(task.data or b"", task.name, task.fmt, task.max_bytes)
    except ReadError as exc:
        out.error = str(exc)
        return out
    try:
        if task.extraction is not None:
            ex = extraction_from_json(task.extraction)
        else:
            ex = extract(doc, DocumentMemo(get_segmenter(task.segmenter, task.model)))
            out.extracted = True
        ex = dataclasses.replace(ex, source_name=task.name)
        out.extraction_json = to_json_text(ex)
        fragment = report_fragment(ex, [doc.source_file()])
        fragment.head.text_bytes = len(doc.text.encode("utf-8"))
        out.head = fragment.head
        out.fragment_text = fragment.serialise(task.name)
    except Exception as exc:  # noqa: BLE001 - an extractor bug must cost one file, with its reason, not the build
        out.error = f"extraction failed ({one_line(exc)})"
        return out
    out.text = doc.text
    return out
