"""The HTML view of a build is drawn from a table the build fills while it writes the graph (kg.rdf.viewrows.RowTable,
on disk in the output's temporary folder), so memory does not grow with every report's mentions: the page is the
one drawn from the graph's Turtle (``kg view``), the table holds the rows a store of the view's triples gives, its
folder is gone afterwards, and the page is drawn once the worker processes are gone (issue 19: 100,000 reports in
bounded memory)."""

import io
import multiprocessing
from collections import Counter

import kg.build.chunks
import kg.build.output
from kg.build import BuildOptions, build, writer
from kg.rdf import viewrows
from kg.rdf.store import load_store
from kg.rdf.viewrows import QUERIES, RowTable, StoreRows
from kg.view import render_graph_file
from tests.build.test_rebuild import reports, write
from tests.build.test_spare_workers import texts


def test_the_build_draws_the_page_of_its_graph_from_a_table_and_leaves_nothing_behind(tmp_path, monkeypatch):
    src = write(tmp_path / "in", reports())
    made, real = [], RowTable
    monkeypatch.setattr(viewrows, "RowTable", lambda path: made.append(str(path)) or real(path))
    build([src], tmp_path / "out", BuildOptions(html=True))
    assert len(made) == 1 and ".view-rows-" in made[0]
    render_graph_file(tmp_path / "out" / "graph.ttl", tmp_path / "out" / "from-turtle.html")
    assert (tmp_path / "out" / "graph.html").read_bytes() == (tmp_path / "out" / "from-turtle.html").read_bytes()
    assert not list((tmp_path / "out").glob(".view-rows-*"))


def test_the_table_filled_in_batches_and_chunks_gives_the_rows_of_the_whole_graph(tmp_path, monkeypatch):
    """The reports' view triples go into the table report by report, the shared part chunk by chunk, inserted in
    batches (memory bounded whatever the corpus): every query gives the rows of a store of the whole graph."""
    monkeypatch.setattr(kg.build.chunks, "CHUNK_BLOCKS", 2)  # the shared part in many chunks
    monkeypatch.setattr(viewrows, "INSERT_BATCH", 3)
    built = kg.build_graph([write(tmp_path / "in", reports())], cache_dir=tmp_path / "cache")._built
    assert len(built.merged.names) > 2
    out, table = io.BytesIO(), RowTable(tmp_path / "rows.sqlite")
    writer.write_graph(out, built.parts, built.merged, view=table)
    assert out.getvalue() == writer.turtle_bytes(built.parts, built.merged)
    (tmp_path / "graph.ttl").write_bytes(out.getvalue())
    whole = StoreRows(load_store(tmp_path / "graph.ttl"))
    for name in QUERIES:
        rows = Counter(tuple(sorted(r.items())) for r in table.rows(name))
        assert rows == Counter(tuple(sorted(r.items())) for r in whole.rows(name)), name
        assert rows or name == "forms", name
    table.close()


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
