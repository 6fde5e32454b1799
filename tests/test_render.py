"""The HTML view, checked in Python: what it holds for the hand-written graph (tests/corpus.py), escaping,
offline-ness, trimming, the layout and determinism. tests/test_render_browser.py opens it in Chromium, and
tests/view/ at 3,000 districts."""

import doctest
import importlib
import math
import pkgutil
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import kg.view
from kg.cli import main
from kg.rdf.store import load_store
from kg.view import (
    NO_PROVINCE,
    ViewOptions,
    build_network,
    citation_sentences,
    node_size,
    page_data,
    provinces,
    render_html,
    sentence_around,
    view_graph,
)
from tests.corpus import SCRIPT_TITLE, TEXT_R1, TITLE_GANGYAO, write_corpus
from tests.htmlpage import page_data as read_page
from tests.htmlpage import page_json

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


def _data(store, options: ViewOptions | None = None, texts: Path | None = None):
    """The page's data for the corpus, as build_network computes it."""
    from kg.analyse import all_reports, citations  # noqa: PLC0415

    options = options or ViewOptions()
    reports = all_reports(store)
    cites = citations(store, reports=reports)
    full = view_graph(store, options.with_measures, options.with_organisations, reports=reports, cites=cites)
    return page_data(store, full, full, provinces(full, reports), reports, cites, options, texts)


def test_docstring_examples_run():
    modules = [importlib.import_module(f"kg.view.{m.name}") for m in pkgutil.iter_modules(kg.view.__path__)]
    results = {m.__name__: doctest.testmod(m) for m in modules}
    assert sum(r.attempted for r in results.values()) >= 10
    assert {name: r.failed for name, r in results.items() if r.failed} == {}


def test_no_http_in_any_src_or_href(html):
    attrs = re.findall(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]*)""", html, re.I)
    assert not [a for a in attrs if "http" in a.lower()]
    assert not re.search(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=", html, re.I)
    assert not re.search(r"url\(\s*['\"]?https?:|@import", html, re.I)  # nor from the inlined CSS
    assert not re.search(r"\b(?:fetch|XMLHttpRequest|importScripts)\s*\(|new\s+(?:WebSocket|EventSource)\b", html)
    assert "new vis.Network" in html


def test_the_page_script_and_style_are_the_packaged_files_inlined(html):
    data = Path(kg.view.__file__).parent.parent / "data"
    for name in ("graph-view.js", "graph-view.css"):
        text = (data / name).read_text(encoding="utf-8")
        assert text in html
        assert "</script" not in text.lower() and "</style" not in text.lower()


def test_the_page_holds_every_district_and_regulation_once(html):
    nodes, edges = read_page(html)
    assert sorted(n["iri"].removeprefix(IRI) for n in nodes) == sorted(
        ["area-410108", "area-410703", "area-640104", "area-640106"]
        + [f"reg-{k}" for k in ("gy", "cf", "mf", "sc", "hb", "xg")]
    )
    assert len(edges) == 9 and len({n["id"] for n in nodes}) == 10


def test_districts_are_grouped_by_province_into_province_nodes(html):
    nodes, _ = page_json(html)
    by_id = {n["id"]: n for n in nodes}
    groups = {}
    for n in nodes:
        if n["group"] == "district":
            groups.setdefault(by_id[n["prov"]]["name"], []).append(n["name"])
    assert {k: sorted(v) for k, v in groups.items()} == {
        "河南省": ["新乡市卫滨区", "郑州市惠济区"],
        "宁夏回族自治区": ["银川市兴庆区", "银川市金凤区"],
    }
    henan = next(n for n in nodes if n["name"] == "河南省")
    assert (henan["iri"], henan["n"], henan["shape"]) == (IRI + "area-410000", 2, "hexagon")


def test_districts_without_a_province_form_the_unknown_province():
    g = nx.Graph()
    g.add_node("d:x", type="district", label="某区", province=None)
    assert [(p.label, p.districts) for p in provinces(g, [])] == [(NO_PROVINCE, ["d:x"])]


def test_cited_and_issued_edges_differ_by_colour_and_by_dash(html):
    nodes, edges = read_page(html)
    name = {n["id"]: n["name"] for n in nodes}
    issued = sorted((name[e["from"]], name[e["to"]]) for e in edges if e["role"] == "issues")
    assert issued == [("郑州市惠济区", "惠济区行政执法公示办法"), ("银川市兴庆区", "兴庆区重大行政决策程序规定")]
    cites = {(e["color"], str(e["dashes"])) for e in edges if e["role"] == "cites"}
    issues = {(e["color"], str(e["dashes"])) for e in edges if e["role"] == "issues"}
    assert len(cites) == len(issues) == 1
    [(cite_colour, cite_dash)], [(issue_colour, issue_dash)] = cites, issues
    assert cite_colour != issue_colour and cite_dash == "False" and issue_dash != "False"


def test_nodes_are_shaped_by_kind_coloured_by_level_and_sized_by_districts(html):
    nodes, _ = read_page(html)
    by = {n["name"]: n for n in nodes}
    assert {n["shape"] for n in nodes if n["group"] == "district"} == {"square"}
    assert {n["shape"] for n in nodes if n["group"] == "regulation"} == {"dot"}
    assert by[TITLE_GANGYAO]["color"] != by["惠济区行政执法公示办法"]["color"]  # national vs local
    assert by[TITLE_GANGYAO]["level"] == "national" and by[SCRIPT_TITLE]["level"] == "provincial"
    # size = districts: 纲要 (3 districts) > 处罚法 (2) > 民法典 (1) = every district (1 each)
    assert by[TITLE_GANGYAO]["size"] == node_size(3) > by["中华人民共和国行政处罚法"]["size"] == node_size(2)
    assert {n["size"] for n in nodes if n["group"] == "district"} == {by["中华人民共和国民法典"]["size"]}


def test_the_legend_explains_sizes_levels_kinds_and_both_edge_roles(html):
    legend = re.search(r'<details id="legend".*?</details>', html, re.S).group(0)
    for text in ("size = number of districts", "国家 national", "县区 local", "省份 province", "地区 district"):
        assert text in legend
    for colour, _, text in (kg.view.EDGE_STYLE[r] for r in ("cites", "issues")):
        assert colour in legend and text in legend
    assert 'stroke-dasharray="none"' in legend and 'stroke-dasharray="8 5"' in legend
    assert "提及 mentions" not in legend  # no measures or organisations were asked for


def test_each_citation_is_a_row_with_its_report_year_role_and_sentence(store, corpus):
    data, _ = _data(store, texts=corpus.parent / "texts")
    nodes = {n["id"]: n for n in data["nodes"]}
    rows = []
    for report, item, role, sentence in data["rows"]:
        title, year, district = data["reports"][report]
        if nodes[f"n{item}"]["name"] == TITLE_GANGYAO:
            text = data["sentences"][sentence] if sentence >= 0 else ""
            rows.append((nodes[f"n{district}"]["name"], year, data["roles"][role], title, text))
    sentence = "2022年，惠济区认真学习《法治政府建设实施纲要（2021—2025年）》，全面推进依法行政。"
    assert sorted(rows) == [
        ("新乡市卫滨区", "2022", "cites", "新乡市卫滨区2022年法治政府建设情况报告", ""),
        ("郑州市惠济区", "2022", "cites", "郑州市惠济区2022年法治政府建设情况报告", sentence),
        ("郑州市惠济区", "2023", "cites", "郑州市惠济区2023年法治政府建设情况报告", ""),
        ("银川市兴庆区", "2022", "cites", "银川市兴庆区2022年法治政府建设情况报告", ""),
    ]


def test_without_a_text_file_the_sentence_is_the_mention_text(store):
    sentences = citation_sentences(store, None)
    assert sentences[(IRI + "report-r4", IRI + "reg-sc")] == SCRIPT_TITLE
    assert sentences[(IRI + "report-r1", IRI + "reg-gy")] == TITLE_GANGYAO


def test_a_report_iri_naming_a_path_outside_the_texts_folder_reads_no_file(tmp_path):
    """Issue 17: the file of a report's text is never a path made from its IRI (report-../../secret)."""
    texts = tmp_path / "build" / "out" / "texts"
    texts.mkdir(parents=True)
    secret = "机密内容《纲要》机密内容。"
    (tmp_path / "build" / "secret.txt").write_text(secret, encoding="utf-8")  # texts/../../secret.txt
    graph = f"""@prefix kg: <https://w3id.org/fazhi-kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{IRI}area-1> a kg:AdministrativeArea ; rdfs:label "某区"@zh ; kg:adminLevel "county" .
<{IRI}gov-1> a kg:Government ; rdfs:label "某区人民政府"@zh ; kg:jurisdiction <{IRI}area-1> .
<{IRI}reg-1> a kg:Regulation ; rdfs:label "纲要"@zh ; kg:issuerLevel "national" .
<{IRI}report-../../secret> a kg:Report ; rdfs:label "某区报告"@zh ; kg:issuedBy <{IRI}gov-1> ;
    kg:cites <{IRI}reg-1> .
<{IRI}mention-1> a kg:Mention ; kg:inReport <{IRI}report-../../secret> ; kg:denotes <{IRI}reg-1> ;
    kg:start {secret.index("《")} ; kg:end {secret.index("》") + 1} ; kg:text "《纲要》" .
"""
    (texts.parent / "graph.ttl").write_text(graph, encoding="utf-8")
    out = tmp_path / "page.html"
    render_html(load_store(texts.parent / "graph.ttl"), out, texts_dir=texts)
    page = out.read_text(encoding="utf-8")
    assert "机密" not in page
    assert "《纲要》" in page  # the mention's own text stands in for the sentence


def test_a_large_page_holds_its_data_compressed_and_the_same(store, tmp_path):
    render_html(store, tmp_path / "plain.html", options=ViewOptions(compress_above=None))
    render_html(store, tmp_path / "packed.html", options=ViewOptions(compress_above=0))
    render_html(store, tmp_path / "again.html", options=ViewOptions(compress_above=0))
    plain, packed = ((tmp_path / f).read_text(encoding="utf-8") for f in ("plain.html", "packed.html"))
    assert 'data-encoding="gzip+base64"' in packed and 'data-encoding="gzip+base64"' not in plain
    assert page_json(packed) == page_json(plain)
    assert "window.__pwned" not in packed and len(packed) < len(plain)
    assert (tmp_path / "again.html").read_bytes() == (tmp_path / "packed.html").read_bytes()


def test_a_texts_folder_with_other_files_is_read_past(corpus, tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "my notes.txt").write_text("not a report", encoding="utf-8")  # no report IRI has a space
    (texts / "r1.txt").write_text(TEXT_R1, encoding="utf-8")
    assert list(kg.view.text_files(texts).values()) == [texts / "r1.txt"]
    render_html(load_store(corpus), tmp_path / "page.html", texts_dir=texts)
    assert "全面推进依法行政" in (tmp_path / "page.html").read_text(encoding="utf-8")


def test_script_in_a_title_never_reaches_the_page_as_markup(html):
    assert SCRIPT_TITLE not in html
    assert "<script>window.__pwned" not in html
    assert "\\u003cscript\\u003ewindow.__pwned=1\\u003c/script\\u003e条例" in html
    nodes, _ = read_page(html)
    assert any(n["name"] == SCRIPT_TITLE for n in nodes)  # and it is still there as text


def test_heading_is_escaped(store, tmp_path):
    render_html(store, tmp_path / "h.html", heading="<script>window.__pwned=1</script>报告")
    text = (tmp_path / "h.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;报告" in text
    assert "<script>window.__pwned" not in text


def test_filters_have_what_they_need(html):
    nodes, edges = read_page(html)
    by = {n["name"]: n for n in nodes}
    assert by["郑州市惠济区"]["years"] == ["2022", "2023"] and by["银川市金凤区"]["years"] == ["2023"]
    years = {(by_id["name"], e["years"][0]) for e in edges for by_id in nodes if by_id["id"] == e["to"]}
    assert ("中华人民共和国民法典", "2023") in years
    for label in ('id="f-type"', 'id="f-level"', 'id="f-province"', 'id="f-year"', 'id="search"', 'id="f-shown"'):
        assert label in html


def test_search_finds_other_written_forms(store):
    data, _ = _data(store)
    alt = {n["name"]: n.get("alt") for n in data["nodes"]}
    assert alt["郑州市惠济区"] == ["郑州市惠济区人民政府"]  # the government's name finds its district


def test_title_summarises_the_corpus_and_legend_is_there(html):
    assert "5 份报告 reports · 4 个地区 districts · 2 个省份 provinces · 2022–2023 · 6 部文件 regulations" in html
    assert 'id="legend"' in html and "印发 issues" in html and "国家 national" in html
    assert 'id="notice"' not in html


def test_max_nodes_keeps_the_most_connected_and_says_so(store):
    net, summary = build_network(store, options=ViewOptions(max_nodes=3))
    assert sorted(n["name"] for n in net.nodes if n["group"] != "province") == sorted(
        ["郑州市惠济区", TITLE_GANGYAO, "银川市兴庆区"]
    )
    assert (summary.nodes, summary.total_nodes) == (3, 10)
    text = net.generate_html(name="graph.html")
    assert "showing the 3 most connected of 10 nodes (--max-nodes 3)" in text


def test_measures_and_organisations_are_optional_nodes(store):
    data, summary = _data(store, ViewOptions(with_measures=True, with_organisations=True))
    assert summary.counts == {"district": 4, "regulation": 6, "measure": 2, "organisation": 1}
    assert sum(1 for p in data["pairs"] if data["roles"][p[2]] == "mentions") == 5
    assert {n["shape"] for n in data["nodes"] if n["group"] == "measure"} == {"triangle"}


def test_the_page_opens_expanded_on_a_few_districts_and_collapsed_on_many(store):
    assert _data(store)[0]["expanded"] is True
    assert _data(store, ViewOptions(expanded=3))[0]["expanded"] is False


def test_no_two_nodes_overlap_and_the_most_cited_is_in_the_middle():
    """The layout of a synthetic 300-district graph: every node drawn at once (all provinces expanded, every
    item shown) keeps clear of every other, and items rank outward."""
    from scripts.bench_render import synthetic_store  # noqa: PLC0415

    store = synthetic_store(300, 500, 6000)
    data, _ = _data(store, ViewOptions(overview=100))
    nodes = data["nodes"]
    cell: dict[tuple[int, int], list[dict]] = {}
    for n in nodes:
        cell.setdefault((n["x"] // 100, n["y"] // 100), []).append(n)
    clashes = []
    for n in nodes:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for m in cell.get((n["x"] // 100 + dx, n["y"] // 100 + dy), []):
                    if n["id"] < m["id"] and math.dist((n["x"], n["y"]), (m["x"], m["y"])) < n["size"] + m["size"]:
                        clashes.append((n["name"], m["name"]))
    assert clashes == []
    regs = sorted((n for n in nodes if n["group"] == "regulation"), key=lambda n: n["rank"])
    radius = [math.hypot(n["x"], n["y"]) for n in regs]
    # the overview: rank reads outward (a ring's radius varies by less than a unit, positions being whole)
    assert radius[0] == 0 and all(b > a - 1 for a, b in zip(radius[:99], radius[1:100], strict=True))
    ring = max(math.hypot(n["x"], n["y"]) for n in nodes if n["group"] == "province")
    assert max(radius[:100]) < ring < min(radius[100:])  # provinces between the overview and the rest


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
