"""Scanning the sources against the cache, then extracting the ones it does not hold.

A file unchanged since the last build (size and mtime, as make and git judge) costs a stat, and its cache entries
a stat each (their stamps: :meth:`kg.build.cache.Cache.has`); one whose content is cached costs a hash; the others
are extracted on the executor. A file that could not be read or extracted is not tried again while it is unchanged
(the cache's fingerprint covers the code: a fixed extractor tries it again; so does ``--no-cache``). Results are
written to the cache (when there is one) as they arrive, or kept in memory, and the main process keeps only a few
facts per input (:class:`Entry`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from kg.build.cache import Cache, compact_json, content_key
from kg.build.executors import Executor
from kg.build.fragment import FragmentHead
from kg.build.options import BuildFacts, FileRecord
from kg.build.parts import Entry, entry_from_head, entry_from_json
from kg.build.sources import Source
from kg.build.tasks import Task
from kg.errors import ReadError
from kg.read import read_file_bytes, stat_file


@dataclass
class Scan:
    entries: list[Entry] = field(default_factory=list)  # inputs whose part is ready
    misses: list[Source] = field(default_factory=list)  # inputs to extract
    # the cache index for the next build: name → its row as JSON text (a third of the memory of the row's dicts:
    # a 100,000-file build keeps one per file until the end)
    index: dict[str, str] = field(default_factory=dict)
    stats: dict[str, tuple[int, int]] = field(default_factory=dict)  # name → (size, mtime_ns) before reading
    fresh: set[str] = field(default_factory=set)  # reports made in this build


def _source_key(src: Source, max_bytes: int) -> str:
    if src.document is not None:
        return content_key(src.document.sha256, src.fmt)
    data = src.data if src.data is not None else read_file_bytes(src.path, max_bytes)
    return content_key(hashlib.sha256(data).hexdigest(), src.fmt)


def scan_sources(
    sources: list[Source],
    cache: Cache | None,
    max_bytes: int,
    records: list[FileRecord],
    tick: Callable[[], None],
    previous: dict[str, dict] | None = None,
) -> Scan:
    """Split ``sources`` into cached entries and misses (every source is a miss without a cache); ``previous``:
    the cache's index, when the caller has loaded it."""
    scan = Scan()
    if previous is None:
        previous = cache.load_index() if cache else {}
    for src in sources:
        try:
            if src.path is not None:
                st = stat_file(src.path, max_bytes)
                scan.stats[src.name] = (st.st_size, st.st_mtime_ns)
            if cache is None:
                scan.misses.append(src)
                continue
            if _unchanged(scan, cache, src, previous.pop(src.name, None), records):
                tick()
                continue
            key = _source_key(src, max_bytes)
        except ReadError as exc:
            records.append(FileRecord(src.name, "skipped", str(exc), format=src.fmt))
            tick()
            continue
        head = cache.head(key, src.name) if cache.has(key, src.name) else None
        if head is not None:
            scan.entries.append(entry_from_head(src.name, key, head))
            scan.index[src.name] = _index_row(scan, cache, src.name, key, head)
            tick()
        else:
            scan.misses.append(src)
    return scan


def _unchanged(scan: Scan, cache: Cache, src: Source, known: dict | None, records: list[FileRecord]) -> bool:
    """Whether ``src`` is the file the last build saw (same size and mtime) and what that build made of it is
    taken as it is: its cache entries, while their stamps hold, or the reason it could not be built."""
    if src.path is None or not known or not known["key"].endswith(src.fmt):
        return False
    if (known.get("size"), known.get("mtime_ns")) != scan.stats[src.name]:
        return False
    if "error" in known:
        records.append(FileRecord(src.name, "skipped", known["error"], format=src.fmt))
        scan.index[src.name] = compact_json(known)
        return True
    if not cache.has(known["key"], src.name, known):
        return False
    cache.use(known["key"], src.name)
    scan.entries.append(entry_from_json(src.name, known["key"], known["head"]))
    scan.index[src.name] = compact_json({**known, **cache.record(known["key"], src.name)})
    return True


def _index_row(scan: Scan, cache: Cache, name: str, key: str, head: FragmentHead) -> str:
    size, mtime_ns = scan.stats.get(name, (None, None))
    return compact_json(
        {"key": key, "size": size, "mtime_ns": mtime_ns, "head": head.to_json(), **cache.record(key, name)}
    )


def _tasks(
    scan: Scan,
    cache: Cache | None,
    segmenter: str,
    model: str | None,
    max_bytes: int,
    records: list[FileRecord],
    tick: Callable[[], None],
) -> Iterator[Task]:
    for src in scan.misses:
        if src.document is not None:
            yield Task(src.name, src.fmt, None, max_bytes, segmenter, model, document=src.document)
            continue
        try:
            data = src.data if src.data is not None else read_file_bytes(src.path, max_bytes)
        except ReadError as exc:  # changed since the scan
            records.append(FileRecord(src.name, "skipped", str(exc), format=src.fmt))
            tick()
            continue
        key = content_key(hashlib.sha256(data).hexdigest(), src.fmt)
        yield Task(src.name, src.fmt, data, max_bytes, segmenter, model, cache.load_extraction(key) if cache else None)


def extract_misses(
    scan: Scan,
    executor: Executor,
    cache: Cache | None,
    segmenter: str,
    model: str | None,
    max_bytes: int,
    records: list[FileRecord],
    tick: Callable[[], None],
    arrived: Callable[[Entry, bytes], None] = lambda entry, share: None,
) -> BuildFacts:
    """Extract every miss on ``executor``; adds an entry (or a skipped record) per miss to ``scan``, and hands
    each new entry with its corpus share line to ``arrived`` (:meth:`kg.build.merge.Merger.add`) as it comes."""
    facts = BuildFacts(from_cache=len(scan.entries))
    tasks = _tasks(scan, cache, segmenter, model, max_bytes, records, tick)
    for outcome in executor.run(tasks, len(scan.misses)):
        tick()
        if outcome.error is not None:
            records.append(FileRecord(outcome.name, "skipped", outcome.error, format=outcome.fmt))
            if cache is not None and outcome.name in scan.stats:  # not tried again while the file is unchanged
                size, mtime_ns = scan.stats[outcome.name]
                scan.index[outcome.name] = compact_json(
                    {"key": outcome.key, "size": size, "mtime_ns": mtime_ns, "error": outcome.error}
                )
            continue
        facts.extracted += outcome.extracted
        facts.from_cache += not outcome.extracted
        scan.fresh.add(outcome.head.report_id)
        if cache is not None:
            cache.store(outcome.key, outcome.name, outcome.extraction_json, outcome.fragment_text, outcome.text)
            entry = entry_from_head(outcome.name, outcome.key, outcome.head)
            scan.index[outcome.name] = _index_row(scan, cache, outcome.name, outcome.key, outcome.head)
        else:
            entry = entry_from_head(
                outcome.name,
                outcome.key,
                outcome.head,
                fragment_text=outcome.fragment_text,
                extraction_json=outcome.extraction_json,
                text=outcome.text,
            )
        scan.entries.append(entry)
        arrived(entry, _share_line(outcome.fragment_text))
    facts.workers = executor.workers
    return facts


def _share_line(fragment_text: str) -> bytes:
    """The corpus share line of a serialised fragment (its second line)."""
    head_end = fragment_text.index("\n") + 1
    return fragment_text[head_end : fragment_text.index("\n", head_end) + 1].encode("utf-8")
