"""Opening graph.html in a real browser for the tests: Debian's Chromium (/usr/bin/chromium) driven by
Playwright, with every request that is not the file itself blocked and recorded. Never `playwright install`:
`sh scripts/install-browser` installs the Debian package as root; without it the browser tests skip."""

from __future__ import annotations

from pathlib import Path

import pytest

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
SKIP = pytest.mark.skipif(
    not CHROMIUM.is_file(),
    reason="Debian chromium is not at /usr/bin/chromium: run `sh scripts/install-browser` as root to install it",
)


def sync_api():
    return pytest.importorskip("playwright.sync_api", reason="the Python playwright package (test extra) is missing")


@pytest.fixture(scope="module")
def browser():
    with sync_api().sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


class Page:
    """A page opened on a local file with the network cut off, recording requests and console errors, waited
    for until the page says it is ready (drawn once, then idle)."""

    def __init__(self, browser, path: Path, width: int = 1280, height: int = 820):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.route(
            "**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort()
        )
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.kgGraph !== undefined && kgGraph.ready === true", timeout=30_000)

    def js(self, expression: str):
        return self.page.evaluate(expression)

    def settle(self) -> None:
        """Wait until the page has drawn what it was last asked to (two animation frames)."""
        self.page.evaluate(
            "new Promise(function (r) { requestAnimationFrame(function () { requestAnimationFrame(r); }); })"
        )

    def offsite_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file://", "data:"))]

    def node_id(self, name: str) -> str:
        return self.js(f"kgGraph.nodes.get().filter(function (n) {{ return n.name === {name!r}; }})[0].id")

    def xy(self, node: str) -> tuple[float, float]:
        """Where node ``node`` is drawn on the page (it must be drawn)."""
        return tuple(
            self.js(f"""(function () {{
                var d = kgGraph.network.canvasToDOM(kgGraph.network.getPositions(["{node}"])["{node}"]);
                var r = document.getElementById("mynetwork").getBoundingClientRect();
                return [r.left + d.x, r.top + d.y]; }})()""")
        )

    def click_node(self, node: str) -> None:
        """Click node ``node`` with the mouse and wait until its side panel is filled."""
        self.page.mouse.click(*self.xy(node))
        self.page.wait_for_function(f"kgGraph.panel === '{node}' && kgGraph.timing.click.panel > 0")

    def table(self, index: int = 0) -> list[dict]:
        """The rows of the side panel's ``index``-th table (every row: "show all" is pressed when the table has
        more than it draws at first): the cells by column title, and the row's node IRI."""
        if self.js(f"kgGraph.tables()[{index}].dataset.complete") != "1":
            self.page.click(f"#side button.more >> nth={index}")
        return self.js(f"""(function () {{
            var t = kgGraph.tables()[{index}];
            var heads = Array.from(t.querySelectorAll("th")).map(function (h) {{ return h.textContent; }});
            return Array.from(t.querySelectorAll("tbody tr")).map(function (tr) {{
                var row = {{iri: tr.dataset.iri}};
                Array.from(tr.children).forEach(function (td, j) {{ row[heads[j]] = td.textContent; }});
                return row; }}); }})()""")

    def labels_overlapping(self) -> list:
        """Pairs of drawn labels whose boxes overlap (none, ever)."""
        return self.js("""(function () {
            var b = kgGraph.labelBoxes(), out = [];
            for (var i = 0; i < b.length; i++) for (var j = i + 1; j < b.length; j++) {
              var p = b[i], q = b[j];
              if (p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3]) out.push([p[4], q[4]]);
            }
            return out; })()""")

    def close(self) -> None:
        self.context.close()
