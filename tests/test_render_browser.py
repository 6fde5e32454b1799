"""graph.html in a real browser: Debian's Chromium driven by Playwright, with every network request blocked
(tests/view/browser.py). On the hand-written graph (tests/corpus.py) and the seeds: every node drawn at its
precomputed position, nothing requested beyond the file itself, no console errors, a regulation titled with
``<script>`` shown as text (in the tooltip too) and never run, the two-click answers (a regulation's districts,
what a district refers to that no other district of its province does, checked against SPARQL), the sortable
panel and its CSV, the search by any written form, labels that never overlap, measures and organisations that
take no label from a district or regulation, and the filters. Saves a screenshot of the seeds graph under
output/. tests/view/test_view_at_scale.py does the same at 3,000 districts.
"""

import itertools
from pathlib import Path

import pytest

from kg.rdf.store import load_store, select
from kg.view import ViewOptions, render_graph_file
from kg.view.style import edge_width
from tests.corpus import SCRIPT_TITLE, TITLE_GANGYAO, write_corpus
from tests.view.browser import SKIP, Page, browser  # noqa: F401 - browser is a fixture

ROOT = Path(__file__).resolve().parent.parent
CLICK = "点击查看列表 click for the list"

pytestmark = SKIP


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def corpus_page(browser, corpus):  # noqa: F811
    render_graph_file(corpus, corpus.parent / "graph.html")
    page = Page(browser, corpus.parent / "graph.html")
    yield page
    page.close()


@pytest.fixture()
def fresh(corpus_page):
    """The corpus page, back as it opened (filters, selection and search cleared) after the test."""
    yield corpus_page
    corpus_page.page.click("#reset")


def test_vis_drew_every_node_at_its_precomputed_position(corpus_page):
    p = corpus_page
    assert p.js("Object.keys(kgGraph.network.body.nodes).length") == 12  # 10 nodes and 2 provinces, expanded
    assert p.js("kgGraph.lines().length") == 9  # every district's edge, none of a province
    moved = p.js("""kgGraph.nodes.get().filter(function (n) {
        var q = kgGraph.network.body.nodes[n.id];  // getPositions() truncates to integers
        return Math.abs(q.x - n.x) > 1e-6 || Math.abs(q.y - n.y) > 1e-6; }).length""")
    assert moved == 0  # physics off: nothing was re-laid out in the browser


def test_no_request_left_the_page_and_no_console_error(corpus_page):
    assert corpus_page.errors == []
    assert corpus_page.offsite_requests() == []


def test_a_script_title_shows_as_text_and_does_not_run(corpus_page):
    p = corpus_page
    assert p.js("window.__pwned") is None
    node = p.node_id(SCRIPT_TITLE)
    p.page.mouse.move(*p.xy(node))  # hover the node: vis shows its title in div.vis-tooltip, as text
    tooltip = p.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    assert tooltip.inner_text().startswith(SCRIPT_TITLE)
    # innerText turns line breaks into <br>; nothing else may become an element
    assert set(p.js("Array.from(document.querySelectorAll('div.vis-tooltip *')).map(e => e.tagName)")) == {"BR"}
    assert p.js("window.__pwned") is None
    p.page.mouse.move(2, 2)


def test_tooltips_count_a_regulations_districts_and_a_districts_regulations(corpus_page):
    p = corpus_page
    title = p.js(f"kgGraph.nodes.get('{p.node_id(TITLE_GANGYAO)}').title").split("\n")
    assert title == [TITLE_GANGYAO, "类型 kind: 文件 regulation, plan", "层级 level: 国家 national",
                     "引用地区 cited by: 3   印发地区 issued by: 0", CLICK]  # fmt: skip
    title = p.js(f"kgGraph.nodes.get('{p.node_id('郑州市惠济区')}').title").split("\n")
    assert title[2:5] == [
        "省份 province: 河南省",
        "年份 years: 2022, 2023   报告 reports: 2",
        "文件 regulations: 4 (引用 cited 3, 印发 issued 1)",
    ]


def test_clicking_a_regulation_lists_exactly_the_citations_the_graph_holds(fresh, corpus):
    p = fresh
    node = p.node_id(TITLE_GANGYAO)
    p.click_node(node)
    rows = p.table(0)
    expected = select(
        load_store(corpus),
        f"""SELECT ?area ?year ?report WHERE {{ ?r kg:cites ?reg ; kg:year ?year ; rdfs:label ?report ;
              kg:issuedBy/kg:jurisdiction ?area . ?reg rdfs:label "{TITLE_GANGYAO}"@zh }}""",
    )
    assert sorted((r["iri"], r["年份 year"], r["报告 report"]) for r in rows) == sorted(
        (e["area"], e["year"], e["report"]) for e in expected
    )
    assert {r["角色 role"] for r in rows} == {"引用 cites"}
    sentence = "2022年，惠济区认真学习《法治政府建设实施纲要（2021—2025年）》，全面推进依法行政。"
    assert sentence in [r["例句 sentence"] for r in rows]
    provinces = [r["省份 province"] for r in rows]  # grouped by province (in pinyin order: 河南 before 宁夏)
    assert [k for k, _ in itertools.groupby(provinces)] == ["河南省", "宁夏回族自治区"]
    lit = p.js("Array.from(kgGraph.state.lit.nodes)")
    assert {p.node_id(n) for n in ("郑州市惠济区", "新乡市卫滨区", "银川市兴庆区")} <= set(lit)
    assert p.node_id("银川市金凤区") not in lit


def test_clicking_a_district_shows_what_no_other_district_of_its_province_refers_to(fresh):
    p = fresh
    p.click_node(p.node_id("郑州市惠济区"))
    alone = p.table(0)  # 卫滨区, the other district of 河南省, cites 纲要 and 处罚法 too
    assert sorted(r["文件/条目 item"] for r in alone) == ["中华人民共和国民法典", "惠济区行政执法公示办法"]
    everything = p.table(1)
    assert sorted((r["文件/条目 item"], r["年份 year"], r["角色 role"]) for r in everything) == [
        ("中华人民共和国民法典", "2023", "引用 cites"),
        ("中华人民共和国行政处罚法", "2022", "引用 cites"),
        ("惠济区行政执法公示办法", "2022", "印发 issues"),
        (TITLE_GANGYAO, "2022", "引用 cites"),
        (TITLE_GANGYAO, "2023", "引用 cites"),
    ]


def test_the_panel_sorts_by_any_column_and_copies_as_csv(fresh):
    p = fresh
    p.context.grant_permissions(["clipboard-read", "clipboard-write"])
    p.click_node(p.node_id("郑州市惠济区"))
    p.page.click("#side table >> nth=1 >> th >> nth=3")  # 年份 year
    years = [r["年份 year"] for r in p.table(1)]
    assert years == sorted(years)
    p.page.click("#side table >> nth=1 >> th >> nth=3")
    assert [r["年份 year"] for r in p.table(1)] == sorted(years, reverse=True)
    p.page.click("#side .tools >> nth=1 >> button")
    p.page.wait_for_function("kgGraph.lastCsv !== undefined")
    csv = p.js("kgGraph.lastCsv").split("\r\n")
    assert csv[0].split(",") == [
        "文件/条目 item",
        "层级/类别 level",
        "角色 role",
        "年份 year",
        "例句 sentence",
        "报告 report",
        "省内地区 in province",
    ]
    assert len(csv) == 1 + 5 + 1 and csv[-1] == ""  # header, five rows, final line break
    assert [line.split(",")[3] for line in csv[1:-1]] == sorted(years, reverse=True)
    assert p.js("navigator.clipboard.readText()") == p.js("kgGraph.lastCsv")


def test_search_by_a_governments_name_opens_and_focuses_its_district(fresh):
    p = fresh
    p.page.click("#collapse-all")
    node = p.node_id("郑州市惠济区")
    assert not p.js(f"kgGraph.view.nodes.get('{node}')")  # hidden in its province
    p.page.fill("#search", "惠济区人民政府")
    assert p.page.inner_text("#hits").startswith("郑州市惠济区")
    p.page.press("#search", "Enter")
    assert p.js("kgGraph.focused") == node and p.js("kgGraph.state.selected") == node
    assert p.js(f"kgGraph.view.nodes.get('{node}') !== null")
    centre = p.js("kgGraph.network.getViewPosition()")
    at = p.js(f"kgGraph.network.getPositions(['{node}'])['{node}']")
    assert abs(centre["x"] - at["x"]) < 2 and abs(centre["y"] - at["y"]) < 2
    p.page.wait_for_function(f"kgGraph.panel === '{node}'")


def test_labels_never_overlap_at_any_zoom(fresh):
    p = fresh
    for scale in (2.5, 1, 0.4, 0.15):
        p.js(f"kgGraph.network.moveTo({{scale: {scale}, position: {{x: 0, y: 0}}}})")
        p.settle()
        assert p.js("kgGraph.labelBoxes().length") > 0
        assert p.labels_overlapping() == []


def test_the_filter_panel_filters(fresh):
    p = fresh
    p.page.select_option("#f-province", "河南省")
    assert p.js("kgGraph.view.nodes.length") == 7  # 河南省, 2 districts, 纲要, 处罚法, 民法典, 惠济区办法
    p.page.select_option("#f-province", "")
    p.page.select_option("#f-year", "2023")
    assert p.js("[kgGraph.view.nodes.length, kgGraph.lines().length]") == [6, 2]  # 2 provinces, 惠济区, 金凤区
    p.page.click("#reset")
    assert p.js("kgGraph.view.nodes.length") == 12
    assert "12 / 12" in p.page.inner_text("#status")


def test_a_compressed_page_answers_as_the_plain_one(browser, corpus, corpus_page, tmp_path):  # noqa: F811
    html = tmp_path / "packed.html"
    render_graph_file(corpus, html, ViewOptions(compress_above=0))
    packed = Page(browser, html)
    assert packed.js("document.getElementById('kg-data').dataset.encoding") == "gzip+base64"
    for page in (packed, corpus_page):
        page.click_node(page.node_id(TITLE_GANGYAO))
    assert packed.table(0) == corpus_page.table(0) and len(packed.table(0)) == 4
    assert packed.errors == [] and packed.offsite_requests() == []
    corpus_page.page.click("#reset")
    packed.close()


def test_edge_widths_follow_the_python_rule(corpus_page):
    counts = [1, 2, 3, 5, 8, 40, 200, 3000]
    assert corpus_page.js(f"{counts}.map(kgGraph.edgeWidth)") == pytest.approx([edge_width(c) for c in counts])


def _labelled(p: Page) -> set[str]:
    p.js("kgGraph.network.fit({animation: false})")
    p.settle()
    return set(
        p.js("""kgGraph.labelBoxes().map(function (b) { return b[4]; }).filter(function (id) {
        var g = kgGraph.nodes.get(id).group; return g === "district" || g === "regulation"; })""")
    )


def test_measures_and_organisations_take_no_label_from_districts_or_regulations(browser, seeds_out, tmp_path):  # noqa: F811
    html = tmp_path / "graph.html"
    render_graph_file(seeds_out / "graph.ttl", html, ViewOptions(with_measures=True, with_organisations=True))
    page = Page(browser, html)
    assert page.js("kgGraph.nodes.get().filter(n => n.group === 'measure').length") > 20
    with_layers = _labelled(page)
    for box in page.page.query_selector_all("input.layer"):
        box.uncheck()
    without = _labelled(page)
    assert with_layers == without and len(without) > 10
    assert page.labels_overlapping() == [] and page.errors == []
    page.close()


def test_seeds_graph_opens_offline_and_is_saved_as_a_screenshot(browser, seeds_out, tmp_path):  # noqa: F811
    html = tmp_path / "graph.html"  # the shared seeds build has no HTML; draw it as kg build does
    render_graph_file(seeds_out / "graph.ttl", html)
    page = Page(browser, html)
    drawn = page.js("Object.keys(kgGraph.network.body.nodes).length")
    assert drawn == page.js("kgGraph.view.nodes.length") > 5
    assert page.errors == [] and page.offsite_requests() == []
    assert page.js("window.__pwned") is None
    assert page.labels_overlapping() == []
    shot = ROOT / "output" / "seeds-graph.png"
    shot.parent.mkdir(exist_ok=True)
    page.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    page.close()
