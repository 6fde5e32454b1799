"""The two sources of the view's rows (kg.rdf.viewrows) give the same rows for every query, and the same page: a
pyoxigraph store read by SPARQL (``kg view graph.ttl``) and the SQLite table the build fills while it writes the
graph (issue 19: the page of a 100,000-report build in memory that does not grow with the graph)."""

from collections import Counter

import pyoxigraph
import pytest

from kg.rdf.store import load_store
from kg.rdf.viewrows import QUERIES, RowTable, StoreRows, view_rows
from kg.view import ViewOptions, render_html
from scripts.bench_render import synthetic_store
from tests.corpus import write_corpus


def _table(store: pyoxigraph.Store, path, pieces: int = 1) -> RowTable:
    """A table filled from the store's triples, in ``pieces`` N-Triples parts (the build adds a part per report)."""
    lines = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph()).splitlines(
        keepends=True
    )
    table = RowTable(path)
    for n in range(pieces):
        table.add(b"".join(lines[n::pieces]), pyoxigraph.RdfFormat.N_TRIPLES)
    table.finish()
    return table


@pytest.fixture(scope="module")
def graphs(tmp_path_factory):
    """(store, texts folder) of the synthetic graph with mentions, and of the hand-written corpus."""
    texts = tmp_path_factory.mktemp("synthetic-texts")
    hand = write_corpus(tmp_path_factory.mktemp("hand"))
    return [(synthetic_store(40, 70, 300, seed=5, texts_dir=texts), texts), (load_store(hand), hand.parent / "texts")]


def _rows(source, name, iris=None):
    return Counter(tuple(sorted(row.items())) for row in source.rows(name, iris))


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_the_table_gives_the_rows_the_store_gives(graphs, tmp_path, name):
    for i, (store, _) in enumerate(graphs):
        table = _table(store, tmp_path / f"{i}.sqlite", pieces=3)
        expected = _rows(StoreRows(store), name)
        assert expected and _rows(table, name) == expected
        if name == "regulations":  # asked for some only, an unknown one among them, in batches
            some = sorted({row["reg"] for row in StoreRows(store).rows(name)})[::3] + ["https://example.org/none"]
            assert _rows(table, name, some) == _rows(StoreRows(store), name, some)
            assert {dict(row)["reg"] for row in _rows(table, name, some)} == set(some[:-1])
        table.close()


def test_a_triple_added_twice_is_one_row(graphs, tmp_path):
    store = graphs[1][0]
    data = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    table = RowTable(tmp_path / "t.sqlite")
    table.add(data, pyoxigraph.RdfFormat.N_TRIPLES)
    table.add(data, pyoxigraph.RdfFormat.N_TRIPLES)
    table.finish()
    assert _rows(table, "refers") == _rows(StoreRows(store), "refers")


@pytest.mark.parametrize("max_nodes", [4, 20_000])
def test_the_page_from_the_table_is_the_page_from_the_store(graphs, tmp_path, max_nodes):
    options = ViewOptions(max_nodes=max_nodes)
    for i, (store, texts) in enumerate(graphs):
        render_html(store, tmp_path / f"{i}-store.html", texts_dir=texts, options=options)
        table = _table(store, tmp_path / f"{i}.sqlite")
        render_html(table, tmp_path / f"{i}-table.html", texts_dir=texts, options=options)
        assert (tmp_path / f"{i}-table.html").read_bytes() == (tmp_path / f"{i}-store.html").read_bytes()
        assert view_rows(table) is table and isinstance(view_rows(store), StoreRows)
        table.close()
