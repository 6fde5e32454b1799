"""The HTML view, checked in Python: what it draws from the hand-written graph (tests/corpus.py), escaping,
offline-ness, trimming and determinism. tests/test_render_browser.py opens it in Chromium."""

import doctest
import importlib
import json
import pkgutil
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.view
from kg.cli import main
from kg.rdf.store import load_store
from kg.view import ViewOptions, build_network, render_html, sentence_around, view_graph, vis_data
from tests.corpus import SCRIPT_TITLE, TEXT_R1, TITLE_GANGYAO, write_corpus
from tests.htmlpage import page_data

IRI = "https://w3id.org/fazhi-kg/id/"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("view"))


@pytest.fixture(scope="module")
def store(corpus):
    return load_store(corpus)


@pytest.fixture(scope="module")
def html(corpus) -> str:
    out = corpus.parent / "view.html"
    result = CliRunner().invoke(main, ["view", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"10 nodes, 9 edges → {out}"
    return out.read_text(encoding="utf-8")


def test_docstring_examples_run():
    modules = [importlib.import_module(f"kg.view.{m.name}") for m in pkgutil.iter_modules(kg.view.__path__)]
    results = {m.__name__: doctest.testmod(m) for m in modules}
    assert sum(r.attempted for r in results.values()) >= 2
    assert {name: r.failed for name, r in results.items() if r.failed} == {}


def test_no_http_in_any_src_or_href(html):
    attrs = re.findall(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]*)""", html, re.I)
    assert not [a for a in attrs if "http" in a.lower()]
    assert not re.search(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=", html, re.I)
    assert not re.search(r"url\(\s*['\"]?https?:|@import", html, re.I)  # nor from the inlined CSS
    assert "new vis.Network" in html


def test_the_page_holds_every_district_and_regulation_once(html):
    nodes, edges = page_data(html)
    assert sorted(n["iri"].removeprefix(IRI) for n in nodes) == sorted(
        ["area-410108", "area-410703", "area-640104", "area-640106"]
        + [f"reg-{k}" for k in ("gy", "cf", "mf", "sc", "hb", "xg")]
    )
    assert len(edges) == 9 and len({n["id"] for n in nodes}) == 10


def test_cited_and_issued_edges_have_two_styles(html):
    nodes, edges = page_data(html)
    name = {n["id"]: n["name"] for n in nodes}
    issued = sorted((name[e["from"]], name[e["to"]]) for e in edges if e["role"] == "issues")
    assert issued == [("郑州市惠济区", "惠济区行政执法公示办法"), ("银川市兴庆区", "兴庆区重大行政决策程序规定")]
    assert {json.dumps([e["dashes"], e["color"]]) for e in edges if e["role"] == "issues"} != {
        json.dumps([e["dashes"], e["color"]]) for e in edges if e["role"] == "cites"
    }
    assert all(e["dashes"] is False for e in edges if e["role"] == "cites")


def test_nodes_are_shaped_by_type_coloured_by_level_and_sized_by_degree(html):
    nodes, _ = page_data(html)
    by = {n["name"]: n for n in nodes}
    assert {n["shape"] for n in nodes if n["group"] == "district"} == {"square"}
    assert {n["shape"] for n in nodes if n["group"] == "regulation"} == {"dot"}
    assert by[TITLE_GANGYAO]["color"] != by["惠济区行政执法公示办法"]["color"]  # national vs local
    assert by[TITLE_GANGYAO]["level"] == "national" and by[SCRIPT_TITLE]["level"] == "provincial"
    assert by["郑州市惠济区"]["size"] > by["新乡市卫滨区"]["size"] > by["银川市金凤区"]["size"]


def test_regulation_tooltip_has_kind_level_districts_and_an_example_sentence(html):
    nodes, _ = page_data(html)
    title = next(n["title"] for n in nodes if n["name"] == TITLE_GANGYAO)
    lines = title.split("\n")
    assert lines[0] == TITLE_GANGYAO and "plan" in lines[1] and "national" in lines[2]
    assert "引用地区 cited by (3):" in lines
    assert {"  郑州市惠济区", "  新乡市卫滨区", "  银川市兴庆区"} <= set(lines)
    sentence = "2022年，惠济区认真学习《法治政府建设实施纲要（2021—2025年）》，全面推进依法行政。"
    assert f"  「{sentence}」" in lines
    assert "    — 郑州市惠济区2022年法治政府建设情况报告 (2022)" in lines


def test_without_a_text_file_the_example_is_the_mention_text(store):
    nodes, _, _ = vis_data(view_graph(store), ViewOptions(), kg.view.example_sentences(store, None, {IRI + "reg-sc"}))
    title = next(n["title"] for n in nodes if n["name"] == SCRIPT_TITLE)
    assert f"  「{SCRIPT_TITLE}」" in title.split("\n")


def test_district_tooltip_counts_cited_and_issued(html):
    nodes, _ = page_data(html)
    title = next(n["title"] for n in nodes if n["name"] == "郑州市惠济区")
    assert "文件 regulations: 4 (引用 cited 3, 印发 issued 1)" in title
    assert "省份 province: 河南省" in title and "年份 years: 2022, 2023" in title


def test_script_in_a_title_never_reaches_the_page_as_markup(html):
    assert SCRIPT_TITLE not in html
    assert "<script>window.__pwned" not in html
    assert "\\u003cscript\\u003ewindow.__pwned=1\\u003c/script\\u003e条例" in html
    nodes, _ = page_data(html)
    assert any(n["name"] == SCRIPT_TITLE for n in nodes)  # and it is still there as text


def test_heading_is_escaped(store, tmp_path):
    render_html(store, tmp_path / "h.html", heading="<script>window.__pwned=1</script>报告")
    text = (tmp_path / "h.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;报告" in text
    assert "<script>window.__pwned" not in text


def test_filters_have_what_they_need(html):
    nodes, edges = page_data(html)
    by = {n["name"]: n for n in nodes}
    assert by[TITLE_GANGYAO]["provinces"] == ["宁夏回族自治区", "河南省"]
    assert by[TITLE_GANGYAO]["years"] == ["2022", "2023"]
    assert by["中华人民共和国民法典"]["years"] == ["2023"]
    assert by["银川市金凤区"]["provinces"] == ["宁夏回族自治区"]
    for label in ('id="f-type"', 'id="f-level"', 'id="f-province"', 'id="f-year"', 'id="search"'):
        assert label in html


def test_title_summarises_the_corpus_and_legend_is_there(html):
    assert "5 份报告 reports · 4 个地区 districts · 2 个省份 provinces · 2022–2023 · 6 部文件 regulations" in html
    assert 'id="legend"' in html and "印发 issues" in html and "国家 national" in html
    assert 'id="notice"' not in html


def test_max_nodes_keeps_the_most_connected_and_says_so(store):
    net, summary = build_network(store, options=ViewOptions(max_nodes=3))
    assert sorted(n["name"] for n in net.nodes) == sorted(["郑州市惠济区", TITLE_GANGYAO, "银川市兴庆区"])
    assert (summary.nodes, summary.total_nodes) == (3, 10)
    text = net.generate_html(name="graph.html")
    assert "showing the 3 most connected of 10 nodes (--max-nodes 3)" in text


def test_measures_and_organisations_are_optional_nodes(store):
    g = view_graph(store, with_measures=True, with_organisations=True)
    nodes, edges, summary = vis_data(g, ViewOptions())
    assert summary.counts == {"district": 4, "regulation": 6, "measure": 2, "organisation": 1}
    assert sum(1 for e in edges if e["role"] == "mentions") == 5
    assert {n["shape"] for n in nodes if n["group"] == "measure"} == {"triangle"}


def test_rendering_twice_gives_identical_bytes(store, tmp_path):
    render_html(store, tmp_path / "a.html", texts_dir=None)
    render_html(store, tmp_path / "b.html", texts_dir=None)
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_sentence_around_cuts_long_sentences_around_the_span():
    text = "甲" * 200 + "《纲要》" + "乙" * 200 + "。"
    s = sentence_around(text, 200, 204, limit=40)
    assert "《纲要》" in s and s.startswith("…") and s.endswith("…") and len(s) <= 44
    assert (
        sentence_around(TEXT_R1, TEXT_R1.index("区司法局"), TEXT_R1.index("区司法局") + 4)
        == "区司法局办理行政复议案件35件。"
    )


def test_view_of_a_missing_graph_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["view", str(tmp_path / "none.ttl")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {tmp_path / 'none.ttl'}: no such graph file (build the graph first)"
    ]
