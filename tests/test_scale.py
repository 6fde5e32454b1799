"""Builds as a large corpus needs them: every format and every kind of bad input in one folder, nothing ever
half-written, the same bytes whatever the job count or executor, incremental rebuilds from the cache, and the
HTML drawn from the citation subset. (Speed is measured by scripts/bench.py, never asserted here.)"""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.build.executors
import kg.build.merge
import kg.build.tasks
from kg.build import BuildOptions, build
from kg.cli import main
from kg.errors import BuildError
from kg.rdf.store import load_store, select
from tests.formats import COUNTIES, docx_bytes, html_page, pdf_bytes, report_text

GOOD = {
    "good/utf8.txt": report_text("兴庆区", "银川市", 2022, 35).encode("utf-8"),
    "good/bom.txt": ("\ufeff" + report_text("金凤区", "银川市", 2023, 3)).encode("utf-8"),
    "good/gb18030.txt": report_text("昆都仑区", "包头市", 2021, 12).encode("gb18030"),
    "good/utf16.txt": report_text("大武口区", "石嘴山市", 2021, 8).encode("utf-16"),
    "good/page.html": html_page(report_text("新荣区", "大同市", 2022, 20)),
    "good/report.pdf": pdf_bytes(report_text("惠济区", "郑州市", 2022, 41)),
    "good/report.docx": docx_bytes(report_text("峄城区", "枣庄市", 2022, 17)),
}
MAX_BYTES = 60_000  # a .docx is ~37 KB
BAD = {
    "bad/empty.txt": (b"", "empty file"),
    "bad/binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary file"),
    "bad/truncated.txt": ("某县2022年法治政府建设情况报告".encode()[:-2], "truncated UTF-8 text"),
    "bad/undecodable.txt": (bytes([0xFF, 0x80, 0x30, 0xFF, 0x41]) * 40, "undecodable"),
    "bad/huge.txt": ("法治政府建设。".encode() * 3000, f"too large (63000 bytes, limit {MAX_BYTES})"),
    "bad/corrupt.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Cat", "corrupt PDF"),
    "bad/corrupt.docx": (b"PK\x03\x04\x14\x00 truncated zip", "corrupt DOCX"),
    "bad/corrupt.html": (b"\x00\x01\x02\x03" * 64, "binary file"),
}


def write_files(folder: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        p = folder / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """One build of a folder with one report in each format and each kind of bad input."""
    root = tmp_path_factory.mktemp("mixed")
    src = write_files(root / "in", {**GOOD, **{n: d for n, (d, _) in BAD.items()}})
    empty_folder = root / "no-reports"
    write_files(empty_folder, {"notes.md": b"# not a report"})
    out = root / "out"
    result = build([src, empty_folder, root / "missing.txt"], out, BuildOptions(html=False, max_bytes=MAX_BYTES))
    return root, out, result


def test_every_good_format_is_built(mixed):
    _, _, result = mixed
    status = {r.file: r.status for r in result.records}
    assert {n: status[n] for n in GOOD} == {n: "built" for n in GOOD}
    assert result.summary.reports == len(GOOD)


def test_every_bad_input_is_skipped_with_its_one_line_reason(mixed):
    root, _, result = mixed
    by_file = {r.file: r for r in result.records}
    for name, (_, reason) in BAD.items():
        assert by_file[name].status == "skipped", name
        assert reason in by_file[name].reason and "\n" not in by_file[name].reason, name
    assert by_file[str(root / "no-reports")].reason.startswith("folder holds no reports")
    assert (by_file["notes.md"].status, by_file["notes.md"].reason) == (
        "ignored",
        "a Markdown file: rename it .txt to read it as plain text",
    )
    assert by_file[str(root / "missing.txt")].reason == "no such file or folder"
    assert not result.ok


def test_build_report_lists_every_input_with_status_reason_encoding_and_format(mixed):
    root, out, result = mixed
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    files = {f["file"]: f for f in report["files"]}
    assert set(files) == set(GOOD) | set(BAD) | {str(root / "no-reports"), str(root / "missing.txt"), "notes.md"}
    assert {n: (files[n]["encoding"], files[n]["format"]) for n in GOOD} == {
        "good/utf8.txt": ("utf-8", "txt"),
        "good/bom.txt": ("utf-8-sig", "txt"),
        "good/gb18030.txt": ("gb18030", "txt"),
        "good/utf16.txt": ("utf-16", "txt"),
        "good/page.html": ("utf-8", "html"),
        "good/report.pdf": (None, "pdf"),
        "good/report.docx": ("utf-8", "docx"),
    }
    assert all(files[n]["status"] == "skipped" and files[n]["reason"] for n in BAD)


def test_the_graph_records_each_file_format(mixed):
    _, out, _ = mixed
    rows = select(
        load_store(out / "graph.ttl"),
        "SELECT ?name ?fmt WHERE { ?f a kg:SourceFile ; rdfs:label ?name ; kg:fileFormat ?fmt }",
    )
    assert {r["name"]: r["fmt"] for r in rows} == {n: n.rsplit(".", 1)[1] for n in GOOD}


def test_mention_offsets_index_the_kept_text_of_every_format(mixed):
    _, out, _ = mixed
    rows = select(
        load_store(out / "graph.ttl"),
        "SELECT ?s ?e ?t ?r WHERE { ?m a kg:Mention ; kg:start ?s ; kg:end ?e ; kg:text ?t ; kg:inReport ?r }",
    )
    reports = {row["r"] for row in rows}
    assert len(reports) == len(GOOD)
    for row in rows:
        text = (out / "texts" / f"{row['r'].rsplit('report-', 1)[1]}.txt").read_text(encoding="utf-8")
        assert text[int(row["s"]) : int(row["e"])] == row["t"]


def test_no_partial_or_temporary_file_is_left(mixed):
    _, out, _ = mixed
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    assert sorted(p.name for p in out.iterdir()) == [".cache", "build-report.json", "graph.ttl", "texts"]


def test_strict_makes_any_skip_an_error_and_writes_no_graph(tmp_path):
    src = write_files(tmp_path / "in", {"good/utf8.txt": GOOD["good/utf8.txt"], "bad/empty.txt": b""})
    with pytest.raises(BuildError, match=r"1 input skipped in a strict build, no graph written: bad/empty.txt"):
        build([src], tmp_path / "out", BuildOptions(html=False, strict=True))
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_cli_exit_code_is_0_only_when_every_input_built(tmp_path):
    src = write_files(tmp_path / "in", {"a.txt": GOOD["good/utf8.txt"]})
    ok = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "o1"), "-q", "--no-html", "-j", "1"])
    assert ok.exit_code == 0, ok.output
    bad = CliRunner().invoke(
        main, ["build", str(src), str(tmp_path / "nope"), "-o", str(tmp_path / "o2"), "-q", "--no-html", "-j", "1"]
    )
    assert bad.exit_code == 1 and f"{tmp_path / 'nope'}: skipped (no such file or folder)" in bad.output
    strict = CliRunner().invoke(
        main,
        [
            "build",
            str(src),
            str(tmp_path / "nope"),
            "-o",
            str(tmp_path / "o3"),
            "-q",
            "--no-html",
            "-j",
            "1",
            "--strict",
        ],
    )
    assert strict.exit_code == 1 and "strict build" in strict.output and not (tmp_path / "o3" / "graph.ttl").exists()


def test_cli_max_bytes_skips_larger_files(tmp_path):
    src = write_files(tmp_path / "in", {"a.txt": GOOD["good/utf8.txt"], "b.txt": GOOD["good/gb18030.txt"]})
    limit = len(GOOD["good/gb18030.txt"]) + 1  # the GB18030 file is the smaller one
    result = CliRunner().invoke(
        main, ["build", str(src), "-o", str(tmp_path / "o"), "-q", "--no-html", "-j", "1", "--max-bytes", str(limit)]
    )
    assert result.exit_code == 1 and "a.txt: skipped (too large (" in result.output
    assert "1 reports" in result.output


# --- nothing half-written ---------------------------------------------------------------------------------------


def test_a_build_failing_midway_leaves_the_previous_outputs_whole(tmp_path, monkeypatch):
    src = write_files(tmp_path / "in", {"a.txt": GOOD["good/utf8.txt"]})
    out = tmp_path / "out"
    build([src], out, BuildOptions(html=False))
    before = {p.name: p.read_bytes() for p in (out / "graph.ttl", out / "build-report.json")}
    write_files(src, {"b.txt": GOOD["good/gb18030.txt"]})

    def fail(*args, **kwargs):  # the shared resources are written after every report's blocks: mid-graph
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(kg.build.merge, "entity_statements", fail)
    with pytest.raises(RuntimeError, match="disk on fire"):
        build([src], out, BuildOptions(html=False))
    assert {p.name: p.read_bytes() for p in (out / "graph.ttl", out / "build-report.json")} == before
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_a_first_build_failing_midway_leaves_no_graph(tmp_path, monkeypatch):
    src = write_files(tmp_path / "in", {"a.txt": GOOD["good/utf8.txt"]})
    monkeypatch.setattr(kg.build.merge, "entity_statements", lambda *a: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError):
        build([src], tmp_path / "out", BuildOptions(html=False))
    assert not (tmp_path / "out" / "graph.ttl").exists()
    assert not [p for p in (tmp_path / "out").rglob("*") if p.name.endswith(".tmp")]


def test_temporaries_left_by_a_killed_build_are_removed(tmp_path):
    src = write_files(tmp_path / "in", {"a.txt": GOOD["good/utf8.txt"]})
    out = tmp_path / "out"
    write_files(out, {".graph.ttl.x1y2.tmp": b"@prefix half", "texts/.abc.txt.z9.tmp": b"half"})
    build([src], out, BuildOptions(html=False))
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_an_extractor_crash_costs_one_file_not_the_build(tmp_path, monkeypatch):
    src = write_files(tmp_path / "in", {"a.txt": GOOD["good/utf8.txt"], "b.txt": GOOD["good/gb18030.txt"]})
    real = kg.build.tasks.extract

    def flaky(doc, segmenter=None):
        if "昆都仑区" in doc.text:
            raise IndexError("list index out of range")
        return real(doc, segmenter)

    monkeypatch.setattr(kg.build.tasks, "extract", flaky)
    result = build([src], tmp_path / "out", BuildOptions(html=False))
    by_file = {r.file: r for r in result.records}
    assert by_file["a.txt"].status == "built"
    assert by_file["b.txt"].reason == "extraction failed (IndexError: list index out of range)"


# --- the same bytes whatever the executor ------------------------------------------------------------------------

EIGHT = COUNTIES[:8]


@pytest.fixture(scope="module")
def eight(tmp_path_factory):
    """Eight reports in several encodings and as web pages: enough for two worker processes
    (kg.build.executors.MIN_FILES_PER_WORKER), built once in this process for reference."""
    root = tmp_path_factory.mktemp("eight")
    files = {}
    for i, (county, prefecture) in enumerate(EIGHT):
        text = report_text(county, prefecture, 2020 + i % 4, 10 + i)
        files[f"r{i}.html" if i % 4 == 3 else f"r{i}.txt"] = (
            html_page(text) if i % 4 == 3 else text.encode(("utf-8", "gb18030", "utf-16")[i % 4])
        )
    src = write_files(root / "in", files)
    out = root / "jobs1"
    result = build([src], out, BuildOptions(html=False, jobs=1))
    assert result.summary.reports == 8 and result.workers == 1
    return src, (out / "graph.ttl").read_bytes()


def test_two_worker_processes_give_the_same_bytes_as_one(eight, tmp_path):
    src, expected = eight
    result = build([src], tmp_path / "out", BuildOptions(html=False, jobs=2))
    assert result.workers == 2 and result.extracted == 8
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == expected


def test_a_dask_cluster_gives_the_same_bytes_as_a_local_build(eight, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        result = build(
            [eight[0]], tmp_path / "out", BuildOptions(html=False, executor="dask", scheduler=cluster.scheduler_address)
        )
    assert result.workers == 2 and result.extracted == 8
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == eight[1]


def test_an_unreachable_dask_scheduler_is_a_one_line_error(eight, tmp_path):
    pytest.importorskip("distributed")
    import dask

    with (
        dask.config.set({"distributed.comm.timeouts.connect": "0.5s"}),
        pytest.raises(BuildError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"),
    ):
        build([eight[0]], tmp_path / "out", BuildOptions(html=False, executor="dask", scheduler="tcp://127.0.0.1:9"))


# --- incremental builds ------------------------------------------------------------------------------------------


class CountingExtract:
    def __init__(self):
        self.calls: list[str] = []
        self.real = kg.build.tasks.extract

    def __call__(self, doc, segmenter=None):
        self.calls.append(doc.source_name)
        return self.real(doc, segmenter)


def test_a_rebuild_after_one_change_extracts_only_the_changed_file(tmp_path, monkeypatch):
    counter = CountingExtract()
    monkeypatch.setattr(kg.build.tasks, "extract", counter)
    src = write_files(tmp_path / "in", {n: GOOD[n] for n in ("good/utf8.txt", "good/gb18030.txt", "good/page.html")})
    out = tmp_path / "out"
    build([src], out, BuildOptions(html=False))
    assert sorted(counter.calls) == ["good/gb18030.txt", "good/page.html", "good/utf8.txt"]
    counter.calls.clear()
    changed = src / "good/utf8.txt"
    changed.write_bytes(report_text("兴庆区", "银川市", 2022, 36).encode())  # same size: 35 → 36
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))  # coarse clocks
    result = build([src], out, BuildOptions(html=False))
    assert counter.calls == ["good/utf8.txt"]
    assert result.extracted == 1
    store = load_store(out / "graph.ttl")
    values = {r["v"] for r in select(store, "SELECT ?v WHERE { ?f a kg:Figure ; kg:value ?v }")}
    assert "36" in values and "35" not in values


def test_a_cached_rebuild_gives_the_same_bytes_as_a_fresh_build(tmp_path, monkeypatch):
    src = write_files(tmp_path / "in", {n: GOOD[n] for n in ("good/utf8.txt", "good/gb18030.txt")})
    build([src], tmp_path / "out", BuildOptions(html=False))
    counter = CountingExtract()
    monkeypatch.setattr(kg.build.tasks, "extract", counter)
    build([src], tmp_path / "out", BuildOptions(html=False))
    assert counter.calls == []
    build([src], tmp_path / "fresh", BuildOptions(html=False, cache=False))
    assert len(counter.calls) == 2
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == (tmp_path / "fresh" / "graph.ttl").read_bytes()


def test_a_rebuild_where_shared_resources_change_gives_the_bytes_of_a_fresh_build(tmp_path):
    """Shared resources (regulations, bodies) are re-rendered from the cache of the last build only when their
    merged node is unchanged: a change that adds spellings, regulations and bodies must show as a fresh build."""
    a = report_text("兴庆区", "银川市", 2022, 35)
    b = report_text("金凤区", "银川市", 2022, 7)
    src = write_files(tmp_path / "in", {"a.txt": a.encode(), "b.txt": b.encode()})
    out = tmp_path / "out"
    build([src], out, BuildOptions(html=False))
    b2 = b.replace("和《中华人民共和国行政处罚法》", "、《行政处罚法》和《金凤区行政执法公示办法》，区市场监管局")
    assert b2 != b
    (src / "b.txt").write_bytes(b2.encode())
    build([src], out, BuildOptions(html=False))
    build([src], tmp_path / "fresh", BuildOptions(html=False, cache=False))
    rebuilt = (out / "graph.ttl").read_text(encoding="utf-8")
    assert rebuilt == (tmp_path / "fresh" / "graph.ttl").read_text(encoding="utf-8")
    assert "金凤区行政执法公示办法" in rebuilt and '"行政处罚法"@zh' in rebuilt


def test_no_cache_extracts_everything_again(tmp_path, monkeypatch):
    src = write_files(tmp_path / "in", {"a.txt": GOOD["good/utf8.txt"]})
    build([src], tmp_path / "out", BuildOptions(html=False))
    counter = CountingExtract()
    monkeypatch.setattr(kg.build.tasks, "extract", counter)
    build([src], tmp_path / "out", BuildOptions(html=False, cache=False))
    assert counter.calls == ["a.txt"]


def test_a_renamed_file_is_not_extracted_again_but_its_new_name_is_in_the_graph(tmp_path, monkeypatch):
    src = write_files(tmp_path / "in", {"a.txt": GOOD["good/utf8.txt"]})
    out = tmp_path / "out"
    build([src], out, BuildOptions(html=False))
    (src / "a.txt").rename(src / "renamed.txt")
    counter = CountingExtract()
    monkeypatch.setattr(kg.build.tasks, "extract", counter)
    build([src], out, BuildOptions(html=False))
    assert counter.calls == []
    rows = select(load_store(out / "graph.ttl"), "SELECT ?n WHERE { ?r a kg:Report ; kg:sourceFile ?n }")
    assert [r["n"] for r in rows] == ["renamed.txt"]


def test_the_cache_keeps_only_the_entries_of_the_last_build(tmp_path):
    src = write_files(tmp_path / "in", {"a.txt": GOOD["good/utf8.txt"], "b.txt": GOOD["good/gb18030.txt"]})
    out = tmp_path / "out"
    build([src], out, BuildOptions(html=False))
    (src / "b.txt").unlink()
    build([src], out, BuildOptions(html=False))
    (fingerprint,) = (out / ".cache").iterdir()
    entries = [p for p in fingerprint.glob("*/*") if p.is_file()]
    assert sorted(p.suffix for p in entries) == [".frag", ".json", ".txt"]  # one file's extraction, fragment, text
    assert list(json.loads((fingerprint / "index.json").read_text(encoding="utf-8"))) == ["a.txt"]


def test_duplicates_are_one_report_with_every_file_cached_or_not(tmp_path):
    src = write_files(tmp_path / "in", {"a.txt": GOOD["good/utf8.txt"], "copy/b.txt": GOOD["good/utf8.txt"]})
    first = build([src], tmp_path / "out", BuildOptions(html=False))
    second = build([src], tmp_path / "out", BuildOptions(html=False))
    for result in (first, second):
        assert [(r.file, r.status) for r in result.records] == [("a.txt", "built"), ("copy/b.txt", "duplicate")]
    rows = select(
        load_store(tmp_path / "out" / "graph.ttl"),
        "SELECT ?n WHERE { ?r a kg:Report ; prov:wasDerivedFrom ?f . ?f rdfs:label ?n }",
    )
    assert sorted(r["n"] for r in rows) == ["a.txt", "copy/b.txt"]


# --- the HTML view ---------------------------------------------------------------------------------------------


def test_html_drawn_from_the_citation_subset_is_the_page_drawn_from_the_whole_graph(tmp_path):
    from kg.view import render_graph_file

    src = write_files(tmp_path / "in", {n: GOOD[n] for n in ("good/utf8.txt", "good/gb18030.txt", "good/page.html")})
    out = tmp_path / "out"
    build([src], out, BuildOptions(html=True))
    whole = tmp_path / "whole" / "graph.html"
    render_graph_file(out / "graph.ttl", whole)  # what `kg view` draws from the whole graph
    assert whole.read_text(encoding="utf-8").replace(str(whole), "") == (out / "graph.html").read_text(
        encoding="utf-8"
    ).replace(str(out / "graph.html"), "")


def test_html_of_a_build_cached_without_html_is_the_html_of_a_fresh_build(tmp_path):
    src = write_files(tmp_path / "in", {n: GOOD[n] for n in ("good/utf8.txt", "good/gb18030.txt")})
    out = tmp_path / "out"
    build([src], out, BuildOptions(html=False))
    build([src], out, BuildOptions(html=True))
    build([src], tmp_path / "fresh", BuildOptions(html=True, cache=False))
    page = (out / "graph.html").read_text(encoding="utf-8").replace(str(out), "")
    assert page == (tmp_path / "fresh" / "graph.html").read_text(encoding="utf-8").replace(str(tmp_path / "fresh"), "")
    label = "中华人民共和国行政处罚法"
    assert label in page or json.dumps(label)[1:-1] in page  # the regulation node is drawn
