"""Benchmark the analysis and the HTML view on a synthetic corpus (no extraction involved).

    python scripts/bench_render.py [--districts 300 3000] [--regulations N] [--per-district 20] [--skip-analysis]
                                   [--no-browser] [--keep DIR]

Builds a pyoxigraph store shaped like a real build — the real provinces, prefectures and counties of
``kg/data/areas.csv`` (spread evenly over the country), governments, one report per district, kg:cites / kg:issues
(one in ten) of regulations with a Zipf-like popularity, each citation a kg:Mention in a generated report text
(``texts/<report>.txt``, so the page has a sentence per citation), short forms as skos:altLabels — then times
each step of `kg stats` and `kg view`, and opens the page in headless Chromium (Debian's /usr/bin/chromium via
Playwright, network blocked) to measure: page size, time from navigation to the first drawn frame and to an idle
page, one redraw of the overview and of every district expanded, and the time from a click on the most cited
regulation to its districts drawn highlighted (and to its list in the side panel). Times are wall-clock on this
machine: compare them with each other, not across machines. Regulations default to 5,000 per 3,000 districts.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph
from pyoxigraph import Literal, Quad

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import analyse  # noqa: E402
from kg import view as render  # noqa: E402
from kg.lang.areas import area_table  # noqa: E402
from kg.rdf.namespaces import kg, rdf, rdfs, resource, skos  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
_TOPICS = (  # the subjects of the synthetic regulations' titles
    "行政处罚 行政许可 行政复议 行政诉讼 行政强制 安全生产 环境保护 土地管理 食品安全 消防 "
    "道路交通安全 城乡规划 政府信息公开 优化营商环境 信访 统计 审计 药品管理 森林 水 矿产资源 "
    "文物保护 教育 未成年人保护 妇女权益保障 公共文化服务 档案 保守国家秘密 突发事件应对 "
    "传染病防治 野生动物保护 价格 反不正当竞争 广告 招标投标 政府采购 预算 税收征收管理 "
    "社会保险 劳动合同 就业促进 人民调解 法律援助 公证 律师 禁毒 网络安全 数据安全 "
)
TOPICS = _TOPICS.split()


def counties(n: int) -> list[tuple]:
    """``n`` (county, prefecture, province) areas spread evenly over the current county-level areas (cycling,
    with a number after the name, when more are asked for than exist)."""
    table = area_table()
    out = []
    for area in sorted(table.by_code.values(), key=lambda a: a.code):
        chain = table.chain(area) if area.level == "county" and area.current else []
        if len(chain) == 3 and chain[1].level == "prefecture":
            out.append((area, chain[1], chain[0]))
    return [out[(i * len(out)) // n] if n <= len(out) else out[i % len(out)] for i in range(n)]


def regulation_titles(n: int, places: list[tuple]) -> list[tuple[str, str | None, str, str]]:
    """``n`` (title, short form or None, issuer level, kind), the most cited first: national laws, administrative
    regulations and State Council opinions, then provincial, municipal and local documents of ``places``."""
    t = len(TOPICS)
    out = []
    for i in range(n):
        topic = TOPICS[i % t]
        if i < t:
            out.append((f"中华人民共和国{topic}法", f"{topic}法", "national", "law"))
        elif i < 2 * t:
            out.append((f"{topic}条例", None, "national", "regulation"))
        elif i < 3 * t:
            out.append((f"国务院关于加强{topic}工作的意见", None, "national", "normative_document"))
        else:
            j = i - 3 * t
            county, pref, prov = places[(j // 3) % len(places)]
            topic = TOPICS[(j // 3 // len(places) + j) % t]
            level, name = [("provincial", prov.name), ("municipal", pref.name), ("local", county.name)][j % 3]
            suffix = f"（{j // (3 * len(places) * t) + 1}）" if j >= 3 * len(places) * t else ""
            out.append((f"{name}{topic}{['条例', '办法', '工作方案'][j % 3]}{suffix}", None, level, "rule"))
    return out


def synthetic_store(
    districts: int,
    regulations: int,
    edges: int,
    seed: int = 1,
    texts_dir: Path | None = None,
) -> pyoxigraph.Store:
    """The synthetic graph (see the module docstring); ``texts_dir``: also write each report's text there and
    give every citation a mention with offsets into it (without, there are no mentions)."""
    rnd = random.Random(seed)
    quads = []

    def add(s, p, o):
        quads.append(Quad(s, p, o))

    places = counties(districts)
    seen_areas: set[str] = set()
    for _, pref, prov in places:
        for area, parent in ((prov, None), (pref, prov)):
            if area.code not in seen_areas:
                seen_areas.add(area.code)
                node = resource("area", area.code, hashed=False)
                add(node, rdf.type, kg.AdministrativeArea)
                add(node, kg.adminLevel, Literal(area.level))
                add(node, rdfs.label, Literal(area.name, language="zh"))
                add(node, kg.divisionCode, Literal(area.code))
                if parent:
                    add(node, kg.within, resource("area", parent.code, hashed=False))
    titles = regulation_titles(regulations, places)
    regs = [resource("reg", f"r{i}", hashed=False) for i in range(regulations)]
    for r, (title, short, level, kind) in zip(regs, titles, strict=True):
        add(r, rdf.type, kg.Regulation)
        add(r, rdfs.label, Literal(title, language="zh"))
        if short:
            add(r, skos.altLabel, Literal(short, language="zh"))
        add(r, kg.kind, Literal(kind))
        add(r, kg.issuerLevel, Literal(level))
    weights = [1 / (i + 1) for i in range(regulations)]  # Zipf-like popularity
    per_district = max(1, edges // districts)
    for d, (county, pref, _) in enumerate(places):
        area = resource("area", f"c{d}", hashed=False)
        name = pref.name + county.name + (f"（{d // 2733 + 1}）" if d >= 2733 else "")
        add(area, rdf.type, kg.AdministrativeArea)
        add(area, kg.adminLevel, Literal("county"))
        add(area, kg.within, resource("area", pref.code, hashed=False))
        add(area, rdfs.label, Literal(name, language="zh"))
        gov = resource("gov", f"g{d}", hashed=False)
        add(gov, rdf.type, kg.Government)
        add(gov, kg.jurisdiction, area)
        add(gov, rdfs.label, Literal(f"{name}人民政府", language="zh"))
        rep = resource("report", f"rep{d}", hashed=False)
        add(rep, rdf.type, kg.Report)
        add(rep, rdfs.label, Literal(f"{name}2022年法治政府建设情况报告", language="zh"))
        add(rep, kg.year, Literal("2022"))
        add(rep, kg.issuedBy, gov)
        text = f"{name}2022年法治政府建设情况报告\n"
        for i in sorted(set(rnd.choices(range(regulations), weights=weights, k=per_district))):
            issued = rnd.random() < 0.1
            add(rep, kg.issues if issued else kg.cites, regs[i])
            verb = "印发" if issued else rnd.choice(("认真贯彻", "深入学习", "全面落实"))
            lead = f"2022年，{county.short or county.name}{verb}"
            start = len(text) + len(lead)
            text += f"{lead}《{titles[i][0]}》，推进依法行政。"
            end = start + len(titles[i][0]) + 2
            if texts_dir is None:
                continue
            m = resource("mention", f"rep{d}-{start}-{end}-reg", hashed=False)
            for p, o in (
                (rdf.type, kg.Mention),
                (kg.inReport, rep),
                (kg.denotes, regs[i]),
                (kg.start, Literal(start)),
                (kg.end, Literal(end)),
                (kg.text, Literal(text[start:end])),
            ):
                add(m, p, o)
        if texts_dir is not None:
            (Path(texts_dir) / f"rep{d}.txt").write_text(text + "\n", encoding="utf-8")
    store = pyoxigraph.Store()
    store.bulk_extend(quads)
    return store


def timed(label: str, fn, *args, **kwargs):
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    print(f"{label:<44} {time.perf_counter() - t:8.2f} s")
    return out


def analysis(store: pyoxigraph.Store) -> None:
    g = timed("citation_graph (SPARQL → networkx)", analyse.citation_graph, store)
    print(f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    timed(
        "regulation_ranking + district_ranking",
        lambda: (analyse.regulation_ranking(g, 10), analyse.district_ranking(g, 10)),
    )
    timed("cocitation (among 500)", analyse.cocitation, g)
    district = next(n for n, t in g.nodes(data="type") if t == "district")
    timed("similar_districts (one district, lazy)", analyse.similar_districts, g, district)
    timed("communities (Louvain, seeded)", analyse.communities, g)
    c = timed("centrality (betweenness sampled)", analyse.centrality, g)
    print("   methods:", c["methods"])


CLICK_TOP = """async () => {
  const n = kgGraph.nodes.get().filter(n => n.group === "regulation" && n.rank === 0)[0];
  return n.id; }"""


def screenshots(page, folder: Path, suffix: str) -> None:
    """The README's pictures: the overview, a clicked regulation (the 41st most cited), and a district of an
    expanded province clicked."""
    folder.mkdir(parents=True, exist_ok=True)
    page.click("#reset")
    page.wait_for_timeout(300)
    page.screenshot(path=str(folder / f"graph-overview-{suffix}.png"))
    reg = page.evaluate("kgGraph.nodes.get().filter(n => n.group === 'regulation' && n.rank === 40)[0].id")
    page.evaluate(f"kgGraph.select('{reg}')")
    page.wait_for_function(f"kgGraph.panel === '{reg}'")
    page.wait_for_timeout(300)
    page.screenshot(path=str(folder / f"graph-regulation-{suffix}.png"))
    page.click("#reset")
    district = page.evaluate("kgGraph.nodes.get().filter(n => n.group === 'district' && n.rank === 0)[0].id")
    page.evaluate(f"kgGraph.focus('{district}', true)")
    page.wait_for_function(f"kgGraph.panel === '{district}'")
    page.evaluate("kgGraph.network.moveTo({scale: 0.9})")
    page.wait_for_timeout(300)
    page.screenshot(path=str(folder / f"graph-district-{suffix}.png"))


def browser_figures(html: Path, clicks: int = 3, shots: Path | None = None) -> dict[str, float]:
    """Open ``html`` in headless Chromium (network blocked) and measure it; see the module docstring.
    ``shots``: also save the README's screenshots there."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        page.goto(html.as_uri(), timeout=120_000)
        page.wait_for_function("window.kgGraph && kgGraph.ready", timeout=120_000)
        out = {k: page.evaluate(f"kgGraph.timing.{k}") for k in ("firstFrame", "idle")}
        out["redraw"] = page.evaluate(
            "(() => { const t = performance.now(); kgGraph.network.redraw(); return performance.now() - t; })()"
        )
        reg = page.evaluate(CLICK_TOP)
        drawn, listed = [], []
        for _ in range(clicks):
            page.mouse.click(5, 200)  # clear: click the background … then the regulation
            x, y = page.evaluate(f"""(() => {{ const q = kgGraph.network.getPositions(["{reg}"])["{reg}"];
                const d = kgGraph.network.canvasToDOM(q);
                const r = document.getElementById("mynetwork").getBoundingClientRect();
                return [r.left + d.x, r.top + d.y]; }})()""")
            page.mouse.click(x, y)
            page.wait_for_function(
                f"kgGraph.timing.click && kgGraph.timing.click.node === '{reg}' && kgGraph.timing.click.panel"
            )
            c = page.evaluate("kgGraph.timing.click")
            drawn.append(c["drawn"] - c["start"])
            listed.append(c["panel"] - c["start"])
        out["click_drawn"], out["click_listed"] = statistics.median(drawn), statistics.median(listed)
        out["listed_rows"] = page.evaluate("kgGraph.tables()[0].dataset.rows")
        out["drawn_rows"] = page.evaluate("document.querySelectorAll('#side tbody tr').length")
        page.mouse.click(5, 200)
        t = time.perf_counter()
        page.click("#expand-all")
        page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        out["expand_all"] = (time.perf_counter() - t) * 1000
        out["redraw_expanded"] = page.evaluate(
            "(() => { const t = performance.now(); kgGraph.network.redraw(); return performance.now() - t; })()"
        )
        out["drawn_expanded"] = page.evaluate("kgGraph.view.nodes.length")
        out["edges_expanded"] = page.evaluate("kgGraph.lines().length")
        out["errors"] = len(errors)
        if shots:
            page.click("#collapse-all")
            screenshots(page, shots, str(html.stem.rsplit("-", 1)[-1]))
        browser.close()
    return out


def bench(
    districts: int,
    regulations: int,
    per_district: int,
    skip_analysis: bool,
    browser: bool,
    keep: Path | None,
    shots: Path | None = None,
):
    print(f"== {districts} districts, {regulations} regulations, {per_district} draws per district ==")
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp)
        texts = folder / "texts"
        texts.mkdir(parents=True, exist_ok=True)
        store = timed(
            "synthetic store (+ texts)", synthetic_store, districts, regulations, districts * per_district, 1, texts
        )
        print(f"{len(store)} triples")
        if not skip_analysis:
            analysis(store)
        out = folder / f"graph-{districts}.html"
        summary = timed("render_html", render.render_html, store, out, None, texts, render.ViewOptions())
        size = out.stat().st_size
        print(f"page: {summary.nodes} nodes of {summary.total_nodes}, {summary.edges} pairs; {size / 1e6:.1f} MB")
        if browser and CHROMIUM.is_file():
            f = browser_figures(out, shots=shots)
            rows, drawn, lines = f["listed_rows"], f["drawn_expanded"], f["edges_expanded"]
            print(f"first drawn frame      {f['firstFrame']:8.0f} ms after navigation")
            print(f"idle                   {f['idle']:8.0f} ms after navigation")
            print(f"redraw, overview       {f['redraw']:8.0f} ms")
            print(f"click → highlighted    {f['click_drawn']:8.0f} ms (the most cited regulation; median of 3)")
            listed = f"{rows} rows in the side panel, {f['drawn_rows']} drawn"
            print(f"click → listed         {f['click_listed']:8.0f} ms ({listed})")
            print(f"expand all             {f['expand_all']:8.0f} ms → {drawn} nodes, {lines} edges drawn")
            print(f"redraw, expanded       {f['redraw_expanded']:8.0f} ms")
            print(f"console errors         {f['errors']:8d}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--districts", type=int, nargs="+", default=[300, 3000])
    ap.add_argument("--regulations", type=int, default=None, help="default: 5,000 per 3,000 districts")
    ap.add_argument("--per-district", type=int, default=20, help="regulation draws per district (Zipf)")
    ap.add_argument("--skip-analysis", action="store_true")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--keep", type=Path, help="write the pages and texts here instead of a temporary folder")
    ap.add_argument("--screenshots", type=Path, help="save the README's screenshots in this folder (docs/img)")
    a = ap.parse_args()
    for d in a.districts:
        regs = a.regulations or max(50, round(5000 * d / 3000))
        bench(d, regs, a.per_district, a.skip_analysis, not a.no_browser, a.keep, a.screenshots)


if __name__ == "__main__":
    main()
