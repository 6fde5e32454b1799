"""The HTML view's store is kept on disk for a large corpus (kg.build.output.VIEW_STORE_ON_DISK), so memory does
not grow with every report's mentions; the page and the graph are the same bytes as from a store in memory, and
the store's folder is gone afterwards; it is filled in bounded batches, and the page is drawn once the worker
processes are gone (issue 19: 100,000 reports in bounded memory)."""

import io
import multiprocessing

import pyoxigraph

import kg.build.chunks
import kg.build.output
from kg.build import BuildOptions, build, writer
from tests.build.test_rebuild import reports, write
from tests.build.test_spare_workers import texts


def test_a_view_store_on_disk_draws_the_same_page_and_leaves_nothing_behind(tmp_path, monkeypatch):
    src = write(tmp_path / "in", reports())
    build([src], tmp_path / "memory", BuildOptions(html=True))
    monkeypatch.setattr(kg.build.output, "VIEW_STORE_ON_DISK", 1)
    opened, real = [], pyoxigraph.Store
    monkeypatch.setattr(pyoxigraph, "Store", lambda path=None: opened.append(path) or real(path))
    build([src], tmp_path / "disk", BuildOptions(html=True))
    assert any(path and ".view-store-" in path for path in opened)
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "disk" / name).read_bytes() == (tmp_path / "memory" / name).read_bytes(), name
    assert not list((tmp_path / "disk").glob(".view-store-*"))


def test_the_store_filled_in_batches_and_chunks_holds_the_triples_of_one_filled_at_once(tmp_path, monkeypatch):
    """On disk the reports' view triples are bulk-loaded in batches and the shared part chunk by chunk (memory
    bounded whatever the corpus): the store holds exactly the triples of one loaded report by report."""
    monkeypatch.setattr(kg.build.chunks, "CHUNK_BLOCKS", 2)  # the shared part in many chunks
    built = kg.build_graph([write(tmp_path / "in", reports())], cache_dir=tmp_path / "cache")._built
    assert len(built.merged.names) > 2
    whole = writer.write_graph(io.BytesIO(), built.parts, built.merged, view=True)
    monkeypatch.setattr(writer, "VIEW_BATCH", 1)  # a batch per report
    out = io.BytesIO()
    disk = writer.write_graph(out, built.parts, built.merged, view=True, path=str(tmp_path / "store"))
    assert out.getvalue() == writer.turtle_bytes(built.parts, built.merged)
    assert len(whole) > 0 and set(disk) == set(whole)


def test_the_spare_workers_are_gone_before_the_page_is_drawn(tmp_path, monkeypatch):
    """The worker processes (each with its segmenter's models) are let go once they have validated: the page,
    the largest step of the main process, is drawn without them in the process tree."""
    src = tmp_path / "in"
    src.mkdir()
    for name, text in texts():
        (src / name).write_text(text, encoding="utf-8")
    alive, draw = [], kg.build.output._draw
    monkeypatch.setattr(
        kg.build.output, "_draw", lambda *a: alive.append(len(multiprocessing.active_children())) or draw(*a)
    )
    result = build([src], tmp_path / "out", BuildOptions(jobs=2))
    assert result.workers == 2 and alive == [0]
    assert (tmp_path / "out" / "graph.html").is_file()
