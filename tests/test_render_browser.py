"""graph.html in a real browser: Debian's Chromium driven by Playwright, with every network request blocked.

Needs /usr/bin/chromium (`sh scripts/install-browser` installs it as root); never `playwright install`. Checks
that vis-network drew every node at its precomputed position, that nothing was requested beyond the file
itself, that there were no console errors, that a regulation titled with ``<script>`` shows as text (in the
tooltip too) and never runs, and that the filter panel filters. Saves a screenshot of the seeds graph under
output/.
"""

from pathlib import Path

import pytest

from kg.view import render_graph_file
from tests.corpus import SCRIPT_TITLE, TITLE_GANGYAO, write_corpus

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    not CHROMIUM.is_file(),
    reason="Debian chromium is not at /usr/bin/chromium: run `sh scripts/install-browser` as root to install it",
)
sync_api = pytest.importorskip("playwright.sync_api", reason="the Python playwright package (test extra) is missing")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


class Page:
    """A page opened on a local file with the network cut off, recording requests and console errors."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1280, "height": 820})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.route(
            "**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort()
        )
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.kgGraph !== undefined")

    def js(self, expression: str):
        return self.page.evaluate(expression)


@pytest.fixture(scope="module")
def corpus_page(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    graph = write_corpus(folder)
    render_graph_file(graph, folder / "graph.html")
    page = Page(browser, folder / "graph.html")
    yield page
    page.page.close()


def test_vis_drew_every_node_at_its_precomputed_position(corpus_page):
    p = corpus_page
    assert p.js("Object.keys(kgGraph.network.body.nodes).length") == 10
    assert p.js("Object.keys(kgGraph.network.body.edges).length") == 9
    moved = p.js("""kgGraph.nodes.get().filter(function (n) {
        var q = kgGraph.network.body.nodes[n.id];  // getPositions() truncates to integers
        return Math.abs(q.x - n.x) > 1e-6 || Math.abs(q.y - n.y) > 1e-6; }).length""")
    assert moved == 0  # physics off: nothing was re-laid out in the browser


def test_no_request_left_the_page_and_no_console_error(corpus_page):
    assert corpus_page.errors == []
    assert [u for u in corpus_page.requests if not u.startswith(("file://", "data:"))] == []


def test_a_script_title_shows_as_text_and_does_not_run(corpus_page):
    p = corpus_page
    assert p.js("window.__pwned") is None
    assert p.js(f"kgGraph.nodes.get().some(function (n) {{ return n.name === {SCRIPT_TITLE!r}; }})")
    # hover the node: vis shows its title in div.vis-tooltip, as text
    x, y = p.js(f"""(function () {{
        var n = kgGraph.nodes.get().filter(function (n) {{ return n.name === {SCRIPT_TITLE!r}; }})[0];
        var d = kgGraph.network.canvasToDOM(kgGraph.network.getPositions([n.id])[n.id]);
        var r = document.getElementById("mynetwork").getBoundingClientRect();
        return [r.left + d.x, r.top + d.y]; }})()""")
    p.page.mouse.move(x, y)
    tooltip = p.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    assert tooltip.inner_text().startswith(SCRIPT_TITLE)
    # innerText turns line breaks into <br>; nothing else may become an element
    assert set(p.js("Array.from(document.querySelectorAll('div.vis-tooltip *')).map(e => e.tagName)")) == {"BR"}
    assert p.js("window.__pwned") is None


def test_the_filter_panel_filters(corpus_page):
    p = corpus_page
    p.page.select_option("#f-province", "河南省")
    assert p.js("kgGraph.view.nodes.length") == 6  # 2 districts + 纲要, 处罚法, 民法典, 惠济区办法
    p.page.select_option("#f-province", "")
    p.page.select_option("#f-year", "2023")
    assert p.js("[kgGraph.view.nodes.length, kgGraph.view.edges.length]") == [4, 2]
    p.page.click("#reset")
    p.page.fill("#search", "纲要")
    names = p.js("kgGraph.view.nodes.get().map(function (n) { return n.name; }).sort()")
    assert names == sorted([TITLE_GANGYAO, "郑州市惠济区", "新乡市卫滨区", "银川市兴庆区"])
    p.page.click("#reset")
    assert p.js("kgGraph.view.nodes.length") == 10
    assert "10 / 10" in p.page.inner_text("#status")


def test_seeds_graph_opens_offline_and_is_saved_as_a_screenshot(browser, seeds_out, tmp_path):
    html = tmp_path / "graph.html"  # the shared seeds build has no HTML; draw it as kg build does
    render_graph_file(seeds_out / "graph.ttl", html)
    page = Page(browser, html)
    drawn = page.js("Object.keys(kgGraph.network.body.nodes).length")
    assert drawn == page.js("kgGraph.nodes.length") > 5
    assert page.errors == [] and [u for u in page.requests if not u.startswith(("file://", "data:"))] == []
    assert page.js("window.__pwned") is None
    shot = ROOT / "output" / "seeds-graph.png"
    shot.parent.mkdir(exist_ok=True)
    page.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    page.page.close()
