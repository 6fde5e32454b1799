/* The script of graph.html (kg/data/graph.html.j2), inlined by kg.view.page; it fetches nothing.
 *
 * It reads the page's JSON blocks (written by kg.view.data) and keeps the drawing small at any size: a province
 * node stands for its districts until it is expanded (its edges stand for theirs), and only the best-ranked items
 * of each kind are shown until asked for (search, a click, the "show" menu). Labels are drawn here, not by
 * vis-network: at constant screen size, in priority order (clicked node, provinces, districts, regulations,
 * measures and organisations; within a kind the most connected first), each only where it overlaps no label
 * already drawn — so labels never overlap, and zooming in makes room for more. Edges are drawn here too, on the
 * canvas under the nodes, in one path per style: a vis-network edge costs ~70 µs to create and ~40 µs per frame
 * to draw, too much for the 30,000 edges of 3,000 expanded districts. A click highlights a node's districts or
 * items (a veil over the rest, the highlighted ones drawn again above it) and lists them in the side panel
 * (sortable, copyable as CSV). Text from the graph reaches the page only through textContent and vis titles
 * (which vis sets with innerText). */
(function () {
  "use strict";
  var timing = { script: performance.now() };
  /* The data blocks: JSON, or — in a large page — JSON compressed with gzip and written in base64, inflated here
   * by the browser's own DecompressionStream (no request: a Blob and a Response are read in memory). */
  function read(id) {
    var block = document.getElementById(id), text = block.textContent;
    if (block.dataset.encoding !== "gzip+base64") return Promise.resolve(JSON.parse(text));
    var raw = atob(text), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }
  Promise.all([read("kg-nodes"), read("kg-data")]).then(function (blocks) { start(blocks[0], blocks[1]); })
    .catch(function (e) { console.error("graph.html: " + (e && e.stack || e)); });

  function start(NODES, DATA) {
  var OPTIONS = JSON.parse(document.getElementById("kg-options").textContent);
  timing.parsed = performance.now();
  var ROLES = DATA.roles, STYLE = DATA.edgeStyle, PRIORITY = DATA.labelPriority, DIM = DATA.highlight.dimmed;
  var ROLE_TEXT = { cites: "引用 cites", issues: "印发 issues", mentions: "提及 mentions" };
  var KIND_TEXT = { province: "省份 province", district: "地区 district", regulation: "文件 regulation",
                    measure: "措施 measure", organisation: "机构 organisation" };
  var BUSY = 15000;  // edges above which they are not drawn while the view is dragged or zoomed
  var ROW_LIMIT = 500;  // rows of a side-panel table drawn before "show all"
  var FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
  var collator = new Intl.Collator("zh-Hans-CN", { numeric: true });

  // ---- indices over the data ----------------------------------------------------------------------------------
  var byId = new Map(), pairsOf = new Map(), districtsOf = new Map(), rowsOf = new Map(), most = {};
  function push(map, key, value) { var a = map.get(key); if (a) a.push(value); else map.set(key, [value]); }
  function nid(k) { return "n" + k; }
  NODES.forEach(function (n) {
    byId.set(n.id, n);
    most[n.group] = Math.max(most[n.group] || 0, n.rank + 1);
    if (n.group === "district") push(districtsOf, n.prov, n.id);
  });
  DATA.pairs.forEach(function (p, i) { push(pairsOf, nid(p[0]), i); push(pairsOf, nid(p[1]), i); });
  DATA.rows.forEach(function (r, i) { push(rowsOf, nid(r[1]), i); push(rowsOf, nid(DATA.reports[r[0]][2]), i); });
  var PROVINCES = NODES.filter(function (n) { return n.group === "province"; });
  function isItem(n) { return n.group === "regulation" || n.group === "measure" || n.group === "organisation"; }
  var reportsOf = new Map();
  DATA.reports.forEach(function (r) { reportsOf.set(nid(r[2]), (reportsOf.get(nid(r[2])) || 0) + 1); });

  /* Tooltips (plain text: vis sets them with innerText): counts only, the lists are in the side panel. */
  var CLICK = "点击查看列表 click for the list";
  function distinctBy(rows, key, role) {
    var seen = new Set();
    rows.forEach(function (i) { var r = DATA.rows[i]; if (ROLES[r[2]] === role) seen.add(key(r)); });
    return seen.size;
  }
  function titleOf(n) {
    var rows = rowsOf.get(n.id) || [], pairs = pairsOf.get(n.id) || [];
    if (n.group === "province") {
      var reports = 0;
      (districtsOf.get(n.id) || []).forEach(function (d) { reports += reportsOf.get(d) || 0; });
      return [n.name, "类型 kind: " + KIND_TEXT.province, "地区 districts: " + n.n + "   报告 reports: " + reports,
              "双击展开/收起 double-click to expand or collapse; " + CLICK].join("\n");
    }
    if (n.group === "district") {
      var kinds = { regulation: 0, measure: 0, organisation: 0 };
      pairs.forEach(function (i) { kinds[byId.get(nid(DATA.pairs[i][1])).group] += 1; });
      var item = function (r) { return r[1]; };
      return [n.name, "类型 kind: " + KIND_TEXT.district, "省份 province: " + byId.get(n.prov).name,
              "年份 years: " + (n.years.join(", ") || "—") + "   报告 reports: " + (reportsOf.get(n.id) || 0),
              "文件 regulations: " + kinds.regulation + " (引用 cited " + distinctBy(rows, item, "cites") +
              ", 印发 issued " + distinctBy(rows, item, "issues") + ")"]
        .concat(kinds.measure ? ["措施 measures: " + kinds.measure] : [])
        .concat(kinds.organisation ? ["机构 organisations: " + kinds.organisation] : []).concat([CLICK]).join("\n");
    }
    if (n.group === "regulation") {
      var district = function (r) { return DATA.reports[r[0]][2]; };
      return [n.name, "类型 kind: 文件 regulation, " + n.kind, "层级 level: " + levelName(n.level),
              "引用地区 cited by: " + distinctBy(rows, district, "cites") + "   印发地区 issued by: " +
              distinctBy(rows, district, "issues"), CLICK].join("\n");
    }
    return [n.name, "类型 kind: " + KIND_TEXT[n.group], "提及地区 mentioned by: " + pairs.length, CLICK].join("\n");
  }
  NODES.forEach(function (n) { n.title = titleOf(n); });
  timing.indexed = performance.now();
  function pairHasYear(p, year) { return ("," + p[4] + ",").indexOf("," + year + ",") >= 0; }
  function edgeWidth(count) { return Math.round(Math.min(6, 1 + Math.log2(Math.max(1, count))) * 100) / 100; }

  // ---- what is drawn ------------------------------------------------------------------------------------------
  var filters = { type: "", level: "", province: "", year: "" };
  var state = { expanded: new Set(), shown: DATA.overview, layers: { measure: true, organisation: true },
                pinned: new Set(), selPinned: new Set(), selected: null, lit: null, counts: new Map() };
  if (DATA.expanded) PROVINCES.forEach(function (p) { state.expanded.add(p.id); });
  var visible = new Set();

  function typePasses(group) {
    if (!filters.type) return true;
    return filters.type === "district" ? (group === "district" || group === "province") : group === filters.type;
  }
  function districtPasses(d) {
    if (filters.province && byId.get(d.prov).name !== filters.province) return false;
    return !filters.year || d.years.indexOf(filters.year) >= 0;
  }
  function pairPasses(p) {
    return districtPasses(byId.get(nid(p[0]))) && (!filters.year || pairHasYear(p, filters.year));
  }
  function itemPasses(n) {
    if (n.group !== "regulation" && !state.layers[n.group]) return false;
    if (filters.level && n.group === "regulation" && n.level !== filters.level) return false;
    if (!typePasses(n.group)) return false;
    if (!(n.rank < state.shown || state.pinned.has(n.id) || state.selPinned.has(n.id))) return false;
    if (!filters.province && !filters.year) return true;
    return (pairsOf.get(n.id) || []).some(function (i) { return pairPasses(DATA.pairs[i]); });
  }
  function computeVisible() {
    visible = new Set();
    PROVINCES.forEach(function (p) {
      if (!typePasses("province") || (filters.province && p.name !== filters.province)) return;
      var open = state.expanded.has(p.id), any = false;
      (districtsOf.get(p.id) || []).forEach(function (d) {
        if (!districtPasses(byId.get(d))) return;
        any = true;
        if (open) visible.add(d);
      });
      if (any) visible.add(p.id);
    });
    NODES.forEach(function (n) { if (isItem(n) && itemPasses(n)) visible.add(n.id); });
  }

  /* The edges drawn: a district's edge when its province is expanded, else one per province, item and role
   * standing for its districts' edges (width by their number). */
  var lines = [];
  function computeLines() {
    var out = [], agg = new Map();
    visible.forEach(function (id) {
      var n = byId.get(id);
      if (!isItem(n)) return;
      (pairsOf.get(id) || []).forEach(function (i) {
        var p = DATA.pairs[i], d = byId.get(nid(p[0]));
        if (!pairPasses(p)) return;
        if (visible.has(d.id)) {
          out.push({ from: d.id, to: id, role: ROLES[p[2]], width: edgeWidth(p[3]), alpha: 0.6, count: p[3] });
        } else if (!state.expanded.has(d.prov) && visible.has(d.prov)) {
          var key = d.prov + "\u0000" + id + "\u0000" + p[2];
          agg.set(key, (agg.get(key) || 0) + 1);
        }
      });
    });
    agg.forEach(function (count, key) {
      var k = key.split("\u0000");
      out.push({ from: k[0], to: k[1], role: ROLES[Number(k[2])], width: edgeWidth(count), alpha: 0.22,
                 count: count, province: true });
    });
    lines = out;
  }
  function drawLines(ctx, list, strong) {
    var scale = network.getScale(), nodes = network.body.nodes, groups = new Map();
    var c = ctx.canvas, pr = network.canvas.pixelRatio || 1;
    var a0 = network.DOMtoCanvas({ x: 0, y: 0 }), a1 = network.DOMtoCanvas({ x: c.width / pr, y: c.height / pr });
    list.forEach(function (e) {
      var a = nodes[e.from], b = nodes[e.to];
      if (!a || !b) return;
      if ((a.x < a0.x && b.x < a0.x) || (a.x > a1.x && b.x > a1.x) || (a.y < a0.y && b.y < a0.y) ||
          (a.y > a1.y && b.y > a1.y)) return;  // wholly off screen
      var key = e.role + "|" + Math.round(e.width * 2) / 2 + "|" + (strong ? 0.95 : e.alpha), g = groups.get(key);
      if (!g) groups.set(key, g = []);
      var ox = 0, oy = 0;
      if (e.role === "issues") {  // beside, not on top of, a cited edge between the same two nodes
        var dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
        ox = -dy / len * 2.5 / scale; oy = dx / len * 2.5 / scale;
      }
      g.push(a.x + ox, a.y + oy, b.x + ox, b.y + oy);
    });
    groups.forEach(function (xy, key) {
      var k = key.split("|"), s = STYLE[k[0]];
      ctx.beginPath();
      for (var i = 0; i < xy.length; i += 4) { ctx.moveTo(xy[i], xy[i + 1]); ctx.lineTo(xy[i + 2], xy[i + 3]); }
      ctx.globalAlpha = Number(k[2]);
      ctx.strokeStyle = s.color;
      ctx.lineWidth = Number(k[1]) / scale;
      ctx.setLineDash(s.dashes ? s.dashes.map(function (d) { return d / scale; }) : []);
      ctx.stroke();
    });
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
    return groups.size;
  }

  var allNodes = new vis.DataSet(NODES);
  var nodeView = new vis.DataView(allNodes, { filter: function (n) { return visible.has(n.id); } });
  var provinceLooks = new Map();  // province id -> expanded?, to update only what changes

  function applyStyles() {
    var updates = [];
    PROVINCES.forEach(function (p) {
      var open = state.expanded.has(p.id);
      var unchanged = provinceLooks.get(p.id) === open || (!provinceLooks.has(p.id) && !open);
      provinceLooks.set(p.id, open);
      if (unchanged) return;
      provinceLooks.set(p.id, open);
      updates.push(open ? { id: p.id, color: { background: "#e2e8f0", border: p.color }, borderWidth: 2,
                            shapeProperties: { borderDashes: [5, 4] } }
                        : { id: p.id, color: p.color, borderWidth: 1, shapeProperties: { borderDashes: false } });
    });
    if (updates.length) allNodes.update(updates);
  }
  function refresh(fit) {
    computeVisible();
    nodeView.refresh();
    computeLines();
    if (state.selected && !visible.has(state.selected)) clearSelection();
    else if (state.selected) state.lit = lightOf(state.selected);
    applyStyles();
    sortLabels();
    document.getElementById("status").textContent = "显示 drawn " + nodeView.length + " / " + NODES.length +
      " 节点 nodes, " + lines.length + " 边 edges";
    if (fit && network) network.fit({ animation: false, maxZoomLevel: 2.5 });
    redraw();
  }

  // ---- highlight ----------------------------------------------------------------------------------------------
  function itemsOf(districtId) {
    return (pairsOf.get(districtId) || []).map(function (i) { return nid(DATA.pairs[i][1]); });
  }
  function lightOf(id) {
    var n = byId.get(id), nodes = new Set([id]), counts = new Map(), test;
    if (isItem(n)) {
      (pairsOf.get(id) || []).forEach(function (i) {
        var d = byId.get(nid(DATA.pairs[i][0]));
        if (!pairPasses(DATA.pairs[i])) return;
        nodes.add(d.id); nodes.add(d.prov);
        counts.set(d.prov, (counts.get(d.prov) || 0) + 1);
      });
      test = function (e) { return e.to === id; };
    } else if (n.group === "district") {
      nodes.add(n.prov);
      itemsOf(id).forEach(function (x) { nodes.add(x); });
      test = function (e) { return e.from === id; };
    } else {
      (districtsOf.get(id) || []).forEach(function (d) { nodes.add(d); });
      test = function (e) { return e.from === id || nodes.has(e.from); };
    }
    return { nodes: nodes, counts: counts, lines: lines.filter(test),
             drawn: Array.from(nodes).filter(function (x) { return visible.has(x); }) };
  }
  var frameQueue = [];
  function afterFrame(fn) { frameQueue.push(fn); }
  function select(id, start) {
    var n = byId.get(id);
    state.selected = id;
    var pins = new Set(n.group === "district" ? itemsOf(id) : []);
    var repin = pins.size !== state.selPinned.size ||
                Array.from(pins).some(function (x) { return !state.selPinned.has(x); });
    state.selPinned = pins;
    state.lit = lightOf(id);
    timing.click = { node: id, start: start === undefined ? performance.now() : start };
    if (repin) refresh(false); else { sortLabels(); redraw(); }
    timing.click.styled = performance.now();
    afterFrame(function () {
      timing.click.drawn = performance.now();
      setTimeout(function () { openPanel(id); timing.click.panel = performance.now(); }, 0);
    });
  }
  function redraw() { if (network) network.body.emitter.emit("_requestRedraw"); }
  function clearSelection() {
    state.selected = null; state.lit = null;
    var had = state.selPinned.size;
    state.selPinned = new Set();
    var side = document.getElementById("side");
    if (!side.hidden) { side.hidden = true; if (network) network.redraw(); }
    kgGraph.panel = null;
    if (had) refresh(false); else { sortLabels(); redraw(); }
  }

  // ---- labels -------------------------------------------------------------------------------------------------
  var labelOrder = [], labelBoxes = [], widths = new Map();
  function sortLabels() {
    var lit = state.lit;
    labelOrder = Array.from(visible).map(function (id) { return byId.get(id); });
    labelOrder.sort(function (a, b) {
      var sa = a.id === state.selected ? 0 : (lit && lit.nodes.has(a.id) ? 1 : 2);
      var sb = b.id === state.selected ? 0 : (lit && lit.nodes.has(b.id) ? 1 : 2);
      return sa - sb || PRIORITY[a.group] - PRIORITY[b.group] || a.rank - b.rank;
    });
  }
  function labelText(n) {
    var text = n.name.length > 18 ? n.name.slice(0, 17) + "…" : n.name;
    var c = state.lit && state.lit.counts.get(n.id);
    return c ? text + " " + c + "/" + n.n : text;
  }
  function textWidth(ctx, font, text) {
    var key = font + "\u0000" + text, w = widths.get(key);
    if (w === undefined) { ctx.font = font; w = ctx.measureText(text).width; widths.set(key, w); }
    return w;
  }
  function drawLabels(ctx) {
    var scale = network.getScale(), t = network.body.view.translation, pr = network.canvas.pixelRatio || 1;
    var W = ctx.canvas.width / pr, H = ctx.canvas.height / pr, cell = 64, grid = new Map(), lit = state.lit;
    labelBoxes = [];
    ctx.save();
    ctx.setTransform(pr, 0, 0, pr, 0, 0);
    ctx.textBaseline = "top"; ctx.lineJoin = "round";
    function free(b) {
      for (var gx = Math.floor(b[0] / cell); gx <= Math.floor(b[2] / cell); gx++) {
        for (var gy = Math.floor(b[1] / cell); gy <= Math.floor(b[3] / cell); gy++) {
          var list = grid.get(gx + "," + gy) || [];
          for (var j = 0; j < list.length; j++) {
            var o = list[j];
            if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) return false;
          }
        }
      }
      return true;
    }
    function keep(b) {
      for (var gx = Math.floor(b[0] / cell); gx <= Math.floor(b[2] / cell); gx++) {
        for (var gy = Math.floor(b[1] / cell); gy <= Math.floor(b[3] / cell); gy++) {
          var k = gx + "," + gy, list = grid.get(k);
          if (list) list.push(b); else grid.set(k, [b]);
        }
      }
    }
    for (var i = 0; i < labelOrder.length; i++) {
      var n = labelOrder[i], q = network.body.nodes[n.id];
      if (!q) continue;
      var strong = n.id === state.selected || n.group === "province";
      var font = (strong ? "bold 13px " : "12px ") + FONT, text = labelText(n), w = textWidth(ctx, font, text);
      var sx = q.x * scale + t.x, sy = q.y * scale + t.y + n.size * scale + 2;
      var b = [sx - w / 2 - 2, sy, sx + w / 2 + 2, sy + 16, n.id];
      if (b[2] < 0 || b[0] > W || b[3] < 0 || b[1] > H || !free(b)) continue;
      keep(b); labelBoxes.push(b);
      ctx.font = font;
      ctx.globalAlpha = !lit || lit.nodes.has(n.id) ? 1 : 0.35;
      ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.strokeText(text, sx - w / 2, sy + 1);
      ctx.fillStyle = n.group === "district" ? "#1a365d" : "#1a202c";
      ctx.fillText(text, sx - w / 2, sy + 1);
    }
    ctx.restore();
  }

  /* The highlight: a veil over everything drawn, then the highlighted edges and nodes again above it, and a ring
   * around the clicked node. */
  function drawLit(ctx, lit) {
    var pr = network.canvas.pixelRatio || 1, scale = network.getScale();
    ctx.save();
    ctx.setTransform(pr, 0, 0, pr, 0, 0);
    ctx.fillStyle = "rgba(255,255,255," + (1 - DIM) + ")";
    ctx.fillRect(0, 0, ctx.canvas.width / pr, ctx.canvas.height / pr);
    ctx.restore();
    drawLines(ctx, lit.lines, true);
    lit.drawn.forEach(function (id) { var q = network.body.nodes[id]; if (q) q.draw(ctx); });
    var q = network.body.nodes[state.selected];
    if (q) {
      ctx.beginPath();
      ctx.arc(q.x, q.y, byId.get(q.id).size + 5 / scale, 0, 2 * Math.PI);
      ctx.lineWidth = 3 / scale; ctx.strokeStyle = DATA.highlight.selected; ctx.stroke();
    }
  }

  // ---- the side panel -----------------------------------------------------------------------------------------
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function csvCell(v) {
    var s = String(v === undefined || v === null ? "" : v);
    if (/^[=+@\-]/.test(s) && s.length > 1) s = "'" + s;  // a spreadsheet must not read a cell as a formula
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function toCsv(columns, rows) {
    return [columns.map(csvCell).join(",")].concat(rows.map(function (r) {
      return r.cells.map(csvCell).join(",");
    })).join("\r\n") + "\r\n";
  }
  function copyText(text, done) {
    function fallback() {
      var area = el("textarea"); area.value = text; document.body.appendChild(area); area.select();
      var ok = false; try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove(); done(ok);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else fallback();
  }
  /* A sortable table: columns [title, numeric?, hint?], rows {cells, id, iri}; a click on a row focuses its node. The
   * first ROW_LIMIT rows are drawn (a table of thousands of rows takes seconds to lay out), the rest on demand;
   * sorting and the CSV take every row. */
  function table(parent, title, columns, rows) {
    parent.appendChild(el("h3", title + " (" + rows.length + ")"));
    var tools = el("div", null, "tools"), copy = el("button", "复制 CSV copy as CSV"), note = el("span", "", "copied");
    copy.type = "button"; tools.appendChild(copy); tools.appendChild(note); parent.appendChild(tools);
    var t = el("table"), head = el("tr"), body = el("tbody"), sortBy = -1, dir = 1, limit = ROW_LIMIT;
    var more = el("button", "全部显示 show all " + rows.length + " 行 rows", "more");
    more.type = "button";
    more.addEventListener("click", function () { limit = Infinity; render(); });
    t.appendChild(el("thead")).appendChild(head); t.appendChild(body); parent.appendChild(t); parent.appendChild(more);
    function render() {
      var frag = document.createDocumentFragment();
      rows.slice(0, limit).forEach(function (r) {
        var tr = el("tr");
        tr.dataset.id = r.id; tr.dataset.iri = r.iri || "";
        r.cells.forEach(function (c) { tr.appendChild(el("td", c)); });
        frag.appendChild(tr);
      });
      body.textContent = ""; body.appendChild(frag);
      more.hidden = rows.length <= limit;
      t.dataset.complete = rows.length <= limit ? "1" : "0";
      t.dataset.rows = rows.length;
    }
    columns.forEach(function (c, j) {
      var th = el("th", c[0]);
      if (c[2]) th.title = c[2];
      th.addEventListener("click", function () {
        dir = sortBy === j ? -dir : 1; sortBy = j;
        rows.sort(function (a, b) {
          var x = a.cells[j], y = b.cells[j];
          return dir * (c[1] ? (Number(x) || 0) - (Number(y) || 0) : collator.compare(String(x), String(y)));
        });
        Array.from(head.children).forEach(function (h, k) {
          if (k !== j) h.removeAttribute("aria-sort");
          else h.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
        });
        render();
      });
      head.appendChild(th);
    });
    copy.addEventListener("click", function () {
      var text = toCsv(columns.map(function (c) { return c[0]; }), rows);
      kgGraph.lastCsv = text;
      copyText(text, function (ok) { note.textContent = ok ? "已复制 copied " + rows.length : "复制失败 copy failed"; });
    });
    body.addEventListener("click", function (e) {
      var tr = e.target.closest("tr");
      if (tr && tr.dataset.id) focusNode(tr.dataset.id, false);
    });
    render();
    t.csv = function () { return toCsv(columns.map(function (c) { return c[0]; }), rows); };
    return t;
  }
  function provinceName(d) { return byId.get(d.prov).name; }
  function levelName(level) { return level ? DATA.levelNames[level] || level : ""; }
  function byCells(order) {
    return function (a, b) {
      for (var j = 0; j < order.length; j++) {
        var c = collator.compare(String(a.cells[order[j]]), String(b.cells[order[j]]));
        if (c) return c;
      }
      return 0;
    };
  }
  function rowOf(i) {
    var r = DATA.rows[i], rep = DATA.reports[r[0]];
    return { report: rep[0], year: rep[1], district: byId.get(nid(rep[2])), item: byId.get(nid(r[1])),
             role: ROLE_TEXT[ROLES[r[2]]], sentence: r[3] >= 0 ? DATA.sentences[r[3]] : "" };
  }
  function itemPanel(side, n) {
    var tallies = {};
    (pairsOf.get(n.id) || []).forEach(function (i) {
      var r = ROLES[DATA.pairs[i][2]];
      tallies[r] = (tallies[r] || 0) + 1;
    });
    var about = n.level ? " · " + levelName(n.level) + " · " + n.kind : "";
    side.appendChild(el("div", KIND_TEXT[n.group] + about, "meta"));
    side.appendChild(el("div", Object.keys(tallies).sort().map(function (r) {
      return ROLE_TEXT[r] + ": " + tallies[r] + " 个地区 districts"; }).join(" · "), "meta"));
    if (n.alt) side.appendChild(el("div", "其他写法 also written: " + n.alt.join(" · "), "meta"));
    if (n.group === "regulation") {
      table(side, "引用或印发它的地区 districts citing or issuing it",
            [["地区 district"], ["省份 province"], ["年份 year"], ["角色 role"], ["例句 sentence"], ["报告 report"]],
            (rowsOf.get(n.id) || []).map(function (i) {
              var r = rowOf(i), d = r.district;
              return { id: d.id, iri: d.iri, cells: [d.name, provinceName(d), r.year, r.role, r.sentence, r.report] };
            }).sort(byCells([1, 0, 2])));
      return;
    }
    table(side, "提及它的地区 districts mentioning it",
          [["地区 district"], ["省份 province"], ["年份 years"], ["报告数 reports", true]],
          (pairsOf.get(n.id) || []).map(function (i) {
            var p = DATA.pairs[i], d = byId.get(nid(p[0]));
            return { id: d.id, iri: d.iri, cells: [d.name, provinceName(d), p[4], p[3]] };
          }).sort(byCells([1, 0])));
}
  function districtPanel(side, n) {
    var prov = byId.get(n.prov), peers = new Set(districtsOf.get(n.prov) || []);
    var years = n.years.join(", ") || "—";
    side.appendChild(el("div", KIND_TEXT.district + " · " + prov.name + " · " + years, "meta"));
    function inProvince(item) {
      return (pairsOf.get(item) || []).filter(function (i) { return peers.has(nid(DATA.pairs[i][0])); }).length;
    }
    var rows = (rowsOf.get(n.id) || []).map(function (i) {
      var r = rowOf(i), x = r.item;
      return { id: x.id, iri: x.iri, alone: inProvince(x.id) === 1,
               cells: [x.name, levelName(x.level), r.role, r.year, r.sentence, r.report, inProvince(x.id)] };
    });
    (pairsOf.get(n.id) || []).forEach(function (i) {
      var p = DATA.pairs[i], x = byId.get(nid(p[1]));
      if (x.group !== "regulation") {
        rows.push({ id: x.id, iri: x.iri, alone: inProvince(x.id) === 1,
                    cells: [x.name, KIND_TEXT[x.group], ROLE_TEXT[ROLES[p[2]]], p[4], "", "", inProvince(x.id)] });
      }
    });
    var columns = [["文件/条目 item"], ["层级/类别 level"], ["角色 role"], ["年份 year"], ["例句 sentence"],
                   ["报告 report"], ["省内地区 in province", true,
                    "本省提及它的地区数（含本地区） districts of the province referring to it, this one included"]];
    table(side, "本省其他地区都没有的 what no other district of " + prov.name + " refers to", columns,
          rows.filter(function (r) { return r.alone; }));
    table(side, "全部 everything it refers to", columns, rows);
  }
  function provincePanel(side, n) {
    var open = el("button", state.expanded.has(n.id) ? "收起 collapse" : "展开 expand");
    open.type = "button";
    open.addEventListener("click", function () { toggle(n.id); openPanel(n.id); });
    side.appendChild(el("div", KIND_TEXT.province + " · " + n.n + " 个地区 districts", "meta")).appendChild(open);
    table(side, "地区 districts", [["地区 district"], ["年份 years"], ["文件/条目 items", true]],
          (districtsOf.get(n.id) || []).map(function (d) {
            var x = byId.get(d);
            return { id: x.id, iri: x.iri, cells: [x.name, x.years.join(", "), x.n] };
          }));
  }
  function openPanel(id) {
    var n = byId.get(id), side = document.getElementById("side"), body = document.getElementById("side-body");
    body.textContent = "";
    body.appendChild(el("h2", n.name));
    if (n.group === "district") districtPanel(body, n);
    else if (n.group === "province") provincePanel(body, n);
    else itemPanel(body, n);
    if (side.hidden) { side.hidden = false; network.redraw(); }  // the canvas is narrower now: resize it at once
    kgGraph.panel = id;
  }

  // ---- search, focus, expand ----------------------------------------------------------------------------------
  var forms = null;
  function norm(s) {
    return s.normalize("NFKC").toLowerCase().replace(/\s+/g, "").replace(/[‐‑‒–—―－]/g, "-");
  }
  function search(q) {
    q = norm(q || "");
    if (!q) return [];
    if (!forms) forms = NODES.map(function (n) { return [n.name].concat(n.alt || []).map(norm); });
    var hits = [];
    NODES.forEach(function (n, i) {
      var best = 9, form = null;
      forms[i].forEach(function (f, j) {
        var s = f === q ? 0 : (f.indexOf(q) === 0 ? 1 : (f.indexOf(q) > 0 ? 2 : 9));
        if (s < best) { best = s; form = j ? n.alt[j - 1] : null; }
      });
      if (best < 9) hits.push({ id: n.id, score: best, form: form, node: n });
    });
    hits.sort(function (a, b) {
      return a.score - b.score || b.node.n - a.node.n || collator.compare(a.node.name, b.node.name);
    });
    return hits;
  }
  function focusNode(id, open) {
    var n = byId.get(id);
    if (n.group === "district") state.expanded.add(n.prov);
    if (isItem(n) && !(n.rank < state.shown)) state.pinned.add(id);
    if (state.layers[n.group] === false) {
      state.layers[n.group] = true;
      document.querySelectorAll("input.layer").forEach(function (c) { if (c.value === n.group) c.checked = true; });
    }
    computeVisible();
    if (!visible.has(id)) resetFilters();
    refresh(false);
    if (open) select(id, performance.now());
    network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false });
    kgGraph.focused = id;
  }
  function toggle(pid) {
    if (state.expanded.has(pid)) state.expanded.delete(pid); else state.expanded.add(pid);
    refresh(false);
  }
  function resetFilters() {
    filters = { type: "", level: "", province: "", year: "" };
    ["f-type", "f-level", "f-province", "f-year"].forEach(function (id) { document.getElementById(id).value = ""; });
  }

  // ---- the network and the controls ---------------------------------------------------------------------------
  var network = null;
  computeVisible();
  network = new vis.Network(document.getElementById("mynetwork"), { nodes: nodeView, edges: [] }, OPTIONS);
  timing.network = performance.now();
  refresh(false);
  timing.refreshed = performance.now();
  network.fit({ animation: false, maxZoomLevel: 2.5 });
  network.on("beforeDrawing", function (ctx) {
    var r = network.renderer;  // like vis's hideEdgesOnDrag: a big drawing moves without its edges
    if (lines.length <= BUSY || !(r.dragging || r.zooming)) drawLines(ctx, lines, false);
  });
  network.on("dragEnd", redraw);
  network.on("afterDrawing", function (ctx) {
    if (state.lit) drawLit(ctx, state.lit);
    drawLabels(ctx);
    if (!timing.firstFrame) {
      timing.firstFrame = performance.now();
      var idle = window.requestIdleCallback || function (f) { setTimeout(f, 0); };
      idle(function () { timing.idle = performance.now(); kgGraph.ready = true; });
    }
    var queue = frameQueue; frameQueue = [];
    queue.forEach(function (f) { f(); });
  });
  network.on("click", function (params) {
    var src = params.event && params.event.srcEvent, start = src && src.timeStamp ? src.timeStamp : performance.now();
    if (params.nodes.length) select(params.nodes[0], start);
    else if (!params.edges.length) clearSelection();
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length && byId.get(params.nodes[0]).group === "province") toggle(params.nodes[0]);
  });

  function fillSelect(id, values) {
    var sel = document.getElementById(id);
    values.forEach(function (v) {
      var o = el("option", v[1]); o.value = v[0]; sel.appendChild(o);
    });
  }
  function distinct(fn) {
    var seen = new Set();
    NODES.forEach(function (n) { (fn(n) || []).forEach(function (v) { seen.add(v); }); });
    return Array.from(seen).sort();
  }
  fillSelect("f-type", distinct(function (n) { return [n.group]; }).map(function (v) { return [v, KIND_TEXT[v]]; }));
  fillSelect("f-level", distinct(function (n) { return n.level ? [n.level] : []; })
    .map(function (v) { return [v, levelName(v)]; }));
  fillSelect("f-province", PROVINCES.map(function (p) { return [p.name, p.name]; }));
  fillSelect("f-year", distinct(function (n) { return n.years; }).map(function (v) { return [v, v]; }));
  var biggest = Math.max(most.regulation || 0, most.measure || 0, most.organisation || 0);
  fillSelect("f-shown", [DATA.overview, 500, 1000, 2000].filter(function (v, i) { return i === 0 || v < biggest; })
    .map(function (v) { return [String(v), "前 top " + v]; }).concat([[String(biggest), "全部 all " + biggest]]));
  [["f-type", "type"], ["f-level", "level"], ["f-province", "province"], ["f-year", "year"]].forEach(function (p) {
    document.getElementById(p[0]).addEventListener("change", function (e) {
      filters[p[1]] = e.target.value; refresh(false);
    });
  });
  document.getElementById("f-shown").addEventListener("change", function (e) {
    state.shown = Number(e.target.value); refresh(false);
  });
  document.querySelectorAll("input.layer").forEach(function (c) {
    c.addEventListener("change", function () { state.layers[c.value] = c.checked; refresh(false); });
  });
  document.getElementById("expand-all").addEventListener("click", function () {
    PROVINCES.forEach(function (p) { state.expanded.add(p.id); }); refresh(false);
  });
  document.getElementById("collapse-all").addEventListener("click", function () {
    state.expanded.clear(); refresh(false);
  });
  document.getElementById("side-close").addEventListener("click", clearSelection);
  document.getElementById("reset").addEventListener("click", function () {
    resetFilters();
    state.shown = DATA.overview; document.getElementById("f-shown").value = String(DATA.overview);
    state.pinned.clear(); state.expanded.clear();
    if (DATA.expanded) PROVINCES.forEach(function (p) { state.expanded.add(p.id); });
    document.getElementById("search").value = ""; hitsBox.hidden = true;
    clearSelection(); refresh(true);
  });

  var searchBox = document.getElementById("search"), hitsBox = document.getElementById("hits"), shownHits = [];
  function showHits() {
    shownHits = search(searchBox.value).slice(0, 12);
    hitsBox.textContent = "";
    shownHits.forEach(function (h) {
      var b = el("button", h.node.name); b.type = "button"; b.dataset.id = h.id;
      b.appendChild(el("small", KIND_TEXT[h.node.group] + (h.form ? " · " + h.form : "")));
      b.addEventListener("click", function () { hitsBox.hidden = true; focusNode(h.id, true); });
      hitsBox.appendChild(b);
    });
    hitsBox.hidden = shownHits.length === 0;
  }
  searchBox.addEventListener("input", showHits);
  searchBox.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && shownHits.length) { hitsBox.hidden = true; focusNode(shownHits[0].id, true); }
    if (e.key === "Escape") hitsBox.hidden = true;
  });

  window.kgGraph = { network: network, nodes: allNodes, view: { nodes: nodeView },
                     lines: function () { return lines.map(function (e) { return Object.assign({}, e); }); },
                     data: DATA, state: state, timing: timing, refresh: refresh, select: select,
                     focus: focusNode, open: openPanel, search: search, toggle: toggle, edgeWidth: edgeWidth,
                     ready: false,
                     labelBoxes: function () { return labelBoxes.slice(); },
                     tables: function () { return Array.from(document.querySelectorAll("#side table")); },
                     setFilter: function (k, v) { filters[k] = v; refresh(false); } };
  }
})();
