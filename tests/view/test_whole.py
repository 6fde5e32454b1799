"""The page's graph chosen from counters (kg.view.whole) is what trimming the whole networkx graph gives: the same
nodes with the same attributes, the same edges, the same citations, and the same counts of the whole graph, also
when the cut falls among nodes tied on their number of neighbours (ties broken by label, then IRI)."""

import pytest

import kg.view.page
from kg.analyse import all_reports, citations
from kg.rdf.store import load_store
from kg.view import ViewOptions, corpus_summary, most_connected, render_html, view_graph
from kg.view.whole import drawn_graph
from scripts.bench_render import synthetic_store
from tests.corpus import write_corpus


@pytest.fixture(scope="module")
def synthetic():
    return synthetic_store(60, 90, 400, seed=3)


@pytest.fixture(scope="module")
def hand_written(tmp_path_factory):
    return load_store(write_corpus(tmp_path_factory.mktemp("whole")))


def _same_as_trimming_the_whole(store, max_nodes):
    reports = all_reports(store)
    full = view_graph(store, reports=reports)
    expected = most_connected(full, max_nodes)
    shown, whole, cites = drawn_graph(store, reports, max_nodes)
    assert list(shown.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(shown.edges(data=True)) == list(expected.edges(data=True))
    assert cites == [c for c in citations(store, reports=reports) if c.district in shown and c.regulation in shown]
    assert {n: whole.degree(n) for n in shown} == {n: full.degree(n) for n in shown}
    assert {n: whole.nodes[n] for n in shown} == {n: full.nodes[n] for n in shown}
    assert whole.number_of_nodes() == full.number_of_nodes()
    assert whole.graph == full.graph
    assert corpus_summary(reports, whole) == corpus_summary(reports, full)


@pytest.mark.parametrize("max_nodes", [None, 0, 1, 7, 40, 61, 100, 149, 150, 10_000])
def test_the_drawn_graph_is_the_whole_graph_trimmed(synthetic, max_nodes):
    _same_as_trimming_the_whole(synthetic, max_nodes)


@pytest.mark.parametrize("max_nodes", [None, 1, 2, 3, 5, 9])
def test_the_drawn_graph_of_the_hand_written_corpus_is_the_whole_graph_trimmed(hand_written, max_nodes):
    _same_as_trimming_the_whole(hand_written, max_nodes)


def test_the_cut_falls_among_tied_nodes_in_these_cases(synthetic):
    """The cases above break ties at the cut (else they would not test the labels read for it)."""
    full = view_graph(synthetic)
    degrees = sorted((d for _, d in full.degree), reverse=True)
    assert len([m for m in (7, 40, 61, 100) if degrees[m - 1] == degrees[m]]) >= 2


def _trimmed_whole(store, reports, max_nodes):
    """What the page drew before kg.view.whole: the whole graph built, then trimmed."""
    full = view_graph(store, reports=reports)
    shown = most_connected(full, max_nodes)
    return shown, full, [c for c in citations(store, reports=reports) if c.district in shown and c.regulation in shown]


@pytest.mark.parametrize("max_nodes", [4, 40, 20_000])
def test_the_page_is_the_bytes_of_the_whole_graph_trimmed(synthetic, hand_written, tmp_path, monkeypatch, max_nodes):
    for name, store in (("synthetic", synthetic), ("hand", hand_written)):
        options = ViewOptions(max_nodes=max_nodes)
        render_html(store, tmp_path / f"{name}-counted.html", options=options)
        with monkeypatch.context() as m:
            m.setattr(kg.view.page, "drawn_graph", _trimmed_whole)
            render_html(store, tmp_path / f"{name}-built.html", options=options)
        counted = (tmp_path / f"{name}-counted.html").read_bytes()
        assert counted == (tmp_path / f"{name}-built.html").read_bytes()


@pytest.mark.parametrize("compress_above", [None, 0, 10, 300, 10**9])
def test_a_data_block_written_in_pieces_is_the_one_written_whole(compress_above):
    """data_block writes the JSON in pieces (json_chunks) into the compressor, never as one string: the bytes are
    those of htmlsafe_json_dumps, or of gzip.compress(json.dumps(...), 9, mtime=0) in base64."""
    import base64  # noqa: PLC0415
    import gzip  # noqa: PLC0415
    import json  # noqa: PLC0415

    from jinja2.utils import htmlsafe_json_dumps  # noqa: PLC0415

    from kg.view.data import Table  # noqa: PLC0415
    from kg.view.page import JSON, data_block, json_chunks  # noqa: PLC0415

    def as_lists(value: dict) -> dict:
        return {k: [list(row) for row in v] if isinstance(v, Table) else v for k, v in value.items()}

    tables = {"table": Table("iiis"), "short": Table("is"), "none": Table("i")}  # written as lists of lists
    for i in range(3000):
        tables["table"].append((i, i * 7, -1, f"<{i % 5}>"))
    tables["short"].append((1, "é"))
    value = {
        "rows": [[i, i * 7, i % 3, -1] for i in range(5000)],
        "sentences": [f"<b>第{i}条 & 'x'</b>" for i in range(4500)],
        "nodes": {"n0": {"name": "甲区", "years": [2020, 2021]}},
        "empty": [],
        "n": 3,
        **tables,
    }
    assert "".join(json_chunks(value, batch=7)) == json.dumps(plain := as_lists(value), **JSON)
    assert plain["short"] == [[1, "é"]] and plain["none"] == [] and plain["table"][2] == [2, 14, -1, "<2>"]
    assert "".join(json_chunks(value)) == json.dumps(plain, **JSON)
    text = htmlsafe_json_dumps(plain, **JSON)
    if compress_above is None or len(text) <= compress_above:
        expected = f'<script type="application/json" id="x">{text}</script>'
    else:
        packed = gzip.compress(json.dumps(plain, **JSON).encode("utf-8"), compresslevel=9, mtime=0)
        expected = (
            '<script type="application/gzip" id="x" data-encoding="gzip+base64">'
            + base64.b64encode(packed).decode("ascii")
            + "</script>"
        )
    assert str(data_block(value, "x", compress_above)) == expected
