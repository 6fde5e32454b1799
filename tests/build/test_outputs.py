"""The output side of a build (issue 17): the output folder checked and locked before any work, the set of
outputs replaced together or not at all, I/O errors as one line, and a build cache that is checked before it is
copied into the graph."""

import errno
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.build.cache
import kg.build.merge
import kg.build.tasks
import kg.build.writer
from kg.build import BuildOptions, build
from kg.build.writer import sample_ids
from kg.cli import main
from kg.errors import BuildError, GraphInvalid
from kg.fsutil import atomic_write, atomic_write_text, exchange, replace_deferring_release, write_checked
from kg.rdf.namespaces import rdfs
from kg.rdf.store import load_store, select
from tests.corpus import REPORT_A, REPORT_B

REPORT_C = """吴忠市盐池县人民政府
盐池县2023年法治政府建设工作报告
2023年，盐池县认真贯彻《中华人民共和国行政处罚法》，县司法局办理行政复议案件12件。
"""
NO_HTML = BuildOptions(html=False)


def corpus(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


class Extractions:
    """kg.build.tasks.extract, counting the files it extracts."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.real = kg.build.tasks.extract

    def __call__(self, doc, segmenter=None):
        self.names.append(doc.source_name)
        return self.real(doc, segmenter)


def outputs(out: Path) -> dict[str, bytes]:
    """The set a build replaces together, and the texts."""
    files = [out / n for n in ("graph.ttl", "graph.html", "build-report.json")] + sorted((out / "texts").iterdir())
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in files if p.exists()}


def temporaries(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def cli_build(*args: str):
    return CliRunner().invoke(main, ["build", *args, "-q", "--no-html", "-j", "1"])


# --- the output folder is checked before any work ---------------------------------------------------------------


def test_an_output_path_that_is_a_regular_file_is_one_line_before_any_extraction(tmp_path, monkeypatch):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A})
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    extractions = Extractions()
    monkeypatch.setattr(kg.build.tasks, "extract", extractions)
    result = cli_build(str(src), "-o", str(tmp_path / "taken"))
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.output == f"Error: {tmp_path / 'taken'}: exists and is not a folder\n"
    assert extractions.names == []


def test_an_output_path_under_a_regular_file_is_one_line_before_any_extraction(tmp_path, monkeypatch):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A})
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    extractions = Extractions()
    monkeypatch.setattr(kg.build.tasks, "extract", extractions)
    with pytest.raises(BuildError, match=r"taken/out: cannot make the output folder \(Not a directory\)$"):
        build([src], tmp_path / "taken" / "out", NO_HTML)
    assert extractions.names == []


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="no /proc on this system")
@pytest.mark.parametrize("out", ["/proc/kg-e2-out", "/proc/self"])
def test_an_output_path_under_proc_is_one_line_before_any_extraction(tmp_path, monkeypatch, out):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A})
    extractions = Extractions()
    monkeypatch.setattr(kg.build.tasks, "extract", extractions)
    result = cli_build(str(src), "-o", out)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.output.startswith(f"Error: {out}: cannot ") and result.output.count("\n") == 1
    assert extractions.names == []


def test_an_immutable_output_folder_is_one_line_before_any_extraction(tmp_path, monkeypatch):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A})
    out = tmp_path / "frozen"
    out.mkdir()
    chattr = shutil.which("chattr")
    if not chattr or subprocess.run([chattr, "+i", str(out)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here (not root, or a file system without the flag)")
    try:
        extractions = Extractions()
        monkeypatch.setattr(kg.build.tasks, "extract", extractions)
        result = cli_build(str(src), "-o", str(out))
    finally:
        subprocess.run([chattr, "-i", str(out)], check=True)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.output == f"Error: {out}: cannot write in the output folder (Operation not permitted)\n"
    assert extractions.names == []


def test_a_build_that_reads_nothing_leaves_no_output_folder_it_made(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    with pytest.raises(BuildError, match="no report could be read"):
        build([src], tmp_path / "out", NO_HTML)
    assert not (tmp_path / "out").exists()


# --- one build at a time in a folder ----------------------------------------------------------------------------

HOLDING_BUILD = """
import sys, time
from pathlib import Path
import kg.build
from kg.cli import main

started, go = Path(sys.argv[1]), Path(sys.argv[2])
real = kg.build.merge_parts

def held(*args, **kwargs):  # the build has extracted its corpus and is about to write it: hold it there
    started.write_text("started")
    while not go.exists():
        time.sleep(0.05)
    return real(*args, **kwargs)

kg.build.merge_parts = held
main(sys.argv[3:])
"""


def test_a_second_build_into_a_folder_being_written_stops_with_one_line(tmp_path):
    first = corpus(tmp_path / "first", {"a.txt": REPORT_A})
    second = corpus(tmp_path / "second", {"b.txt": REPORT_B})
    out, started, go = tmp_path / "out", tmp_path / "started", tmp_path / "go"
    args = ["-q", "--no-html", "-j", "1"]
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDING_BUILD, str(started), str(go), "build", str(first), "-o", str(out), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not started.exists():
            assert holder.poll() is None, holder.communicate()
            assert time.monotonic() < deadline, "the first build did not start"
            time.sleep(0.05)
        other = subprocess.run(
            [sys.executable, "-m", "kg", "build", str(second), "-o", str(out), *args],
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        go.write_text("go")
        stdout, stderr = holder.communicate(timeout=300)
    assert other.returncode == 1
    assert other.stderr == f"Error: {out}: another build is writing this folder\n"
    assert holder.returncode == 0, stderr
    graph = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "兴庆区" in graph and "昆都仑区" not in graph  # the first corpus, whole; not the second
    again = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(second), "-o", str(out), *args], capture_output=True, text=True
    )
    assert again.returncode == 0, again.stderr  # the lock went with the first build


def test_a_folder_is_free_again_after_a_build_that_failed(tmp_path):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A})
    out = tmp_path / "out"
    (out / "texts").mkdir(parents=True)
    (out / "texts" / "stray.txt").write_text("x", encoding="utf-8")
    with pytest.raises(BuildError, match="strict build"):
        build([src, tmp_path / "missing.txt"], out, BuildOptions(html=False, strict=True))
    assert build([src], out, NO_HTML).ok


# --- the outputs are replaced together, or not at all -------------------------------------------------------------


def no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_build_failing_after_the_graph_was_written_leaves_the_previous_set_whole(tmp_path, monkeypatch):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A, "b.txt": REPORT_B})
    out = tmp_path / "out"
    build([src], out, BuildOptions(html=True))
    before = outputs(out)
    (src / "b.txt").unlink()
    corpus(src, {"c.txt": REPORT_C})

    def page_on_a_full_disk(store, path, **kwargs):  # the page fails half-written, once graph.ttl is written
        def fill(out):
            out.write("<!doctype html>")
            no_space()

        atomic_write(path, fill)

    monkeypatch.setattr("kg.view.render_html", page_on_a_full_disk)
    with pytest.raises(BuildError) as failed:
        build([src], out, BuildOptions(html=True))
    assert str(failed.value) == f"{out / 'graph.html'}: cannot write (No space left on device)"
    assert outputs(out) == before  # graph.ttl, graph.html, build-report.json and the texts they refer to
    assert temporaries(out) == []


def test_a_bug_after_the_graph_was_written_leaves_the_previous_set_whole(tmp_path, monkeypatch):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A})
    out = tmp_path / "out"
    build([src], out, BuildOptions(html=True))
    before = outputs(out)
    corpus(src, {"c.txt": REPORT_C})

    def crash(*args, **kwargs):
        raise RuntimeError("a bug in the page")

    monkeypatch.setattr("kg.view.render_html", crash)
    with pytest.raises(RuntimeError, match="a bug in the page"):
        build([src], out, BuildOptions(html=True))
    assert outputs(out) == before
    assert temporaries(out) == []


def test_a_full_disk_while_writing_the_graph_is_one_line_naming_it(tmp_path, monkeypatch):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A})
    monkeypatch.setattr(kg.build.writer, "write_graph", no_space)
    result = cli_build(str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.output == f"Error: {tmp_path / 'out' / 'graph.ttl'}: cannot write (No space left on device)\n"
    assert temporaries(tmp_path / "out") == []


def test_a_full_disk_while_writing_the_cache_is_one_line_naming_the_file(tmp_path, monkeypatch):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A})

    def cache_full(self, key, name, *args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), self.fragment_path(key, name))

    monkeypatch.setattr(kg.build.cache.Cache, "store", cache_full)
    with pytest.raises(BuildError, match=r"/out/\.cache/.*: No space left on device$"):
        build([src], tmp_path / "out", NO_HTML)


def test_a_build_without_a_page_removes_the_page_of_the_previous_graph(tmp_path):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A})
    out = tmp_path / "out"
    build([src], out, BuildOptions(html=True))
    assert (out / "graph.html").exists()
    corpus(src, {"c.txt": REPORT_C})
    result = build([src], out, NO_HTML)
    assert result.html_path is None and not (out / "graph.html").exists()


def test_an_atomic_write_onto_a_folder_names_the_folder(tmp_path):
    with pytest.raises(IsADirectoryError) as failed:
        atomic_write_text(tmp_path, "text")
    assert failed.value.filename == str(tmp_path) and not list(tmp_path.parent.glob(f".{tmp_path.name}.*"))


def test_export_onto_a_folder_names_the_folder_not_a_temporary_file(tmp_path):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A})
    build([src], tmp_path / "out", NO_HTML)
    folder = tmp_path / "exports"
    folder.mkdir()
    for fmt in ("turtle", "graphml"):
        result = CliRunner().invoke(
            main, ["export", str(tmp_path / "out" / "graph.ttl"), "--format", fmt, "-o", str(folder)]
        )
        assert result.exit_code == 1
        assert result.output == f"Error: {folder}: cannot write (Is a directory)\n"


# --- the build cache is checked before it is used -----------------------------------------------------------------


def cache_files(out: Path, pattern: str) -> list[Path]:
    return sorted(out.glob(f".cache/*/{pattern}"))


def report_json(out: Path) -> dict:
    return json.loads((out / "build-report.json").read_text(encoding="utf-8"))


def test_a_cut_fragment_is_made_again_and_the_graph_stays_whole(tmp_path):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A, "b.txt": REPORT_B})
    out = tmp_path / "out"
    build([src], out, NO_HTML)
    graph = (out / "graph.ttl").read_bytes()
    frag = cache_files(out, "*/*.frag")[0]
    data = frag.read_bytes()
    middle = len(data) // 2
    frag.write_bytes(data[:middle] + data[middle + 200 :])  # 200 bytes cut
    rebuilt = build([src], out, NO_HTML)
    assert rebuilt.ok and rebuilt.validation.conforms
    assert (out / "graph.ttl").read_bytes() == graph
    (note,) = report_json(out)["notes"]
    assert "damaged build cache entry" in note and str(frag) in note and "\n" not in note
    third = build([src], out, NO_HTML)  # repaired: no note, nothing made again
    assert third.ok and "notes" not in report_json(out) and third.extracted == 0
    assert (out / "graph.ttl").read_bytes() == graph


def test_a_cache_entry_is_written_in_place_whole_into_a_folder_made_for_it(tmp_path):
    entry = tmp_path / "ab" / "abcd.json"
    write_checked(str(entry), b"a longer first content")
    write_checked(str(entry), b"short")  # (an entry written again is not left with the tail of the last one)
    assert entry.read_bytes() == b"short"
    assert not [p for p in entry.parent.iterdir() if p != entry]  # no temporary beside it


def test_a_full_disk_while_writing_a_cache_entry_names_the_entry(tmp_path, monkeypatch):
    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError) as caught:
        write_checked(str(tmp_path / "x.json"), b"{}")
    assert caught.value.filename == str(tmp_path / "x.json")


def test_a_cache_entry_cut_while_it_was_written_is_made_again(tmp_path, monkeypatch):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A})
    out = tmp_path / "out"
    fresh = build([src], tmp_path / "fresh", NO_HTML)
    real = kg.build.cache.write_checked

    def killed_after_half(path, data):  # a build killed while it wrote the text, its last entry: half is on disk
        if path.endswith(".txt"):
            real(path, data[: len(data) // 2])
            raise KeyboardInterrupt
        real(path, data)

    monkeypatch.setattr(kg.build.cache, "write_checked", killed_after_half)
    with pytest.raises(KeyboardInterrupt):
        build([src], out, NO_HTML)
    monkeypatch.setattr(kg.build.cache, "write_checked", real)
    again = build([src], out, NO_HTML)
    assert again.ok and fresh.ok
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "fresh" / "graph.ttl").read_bytes()
    (note,) = report_json(out)["notes"]  # the half text was found, said, and the entries made again
    assert "damaged build cache entry" in note and "made again from the input" in note


def test_an_edited_label_in_a_fragment_does_not_reach_the_graph(tmp_path):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A})
    out = tmp_path / "out"
    build([src], out, NO_HTML)
    graph = (out / "graph.ttl").read_bytes()
    (frag,) = cache_files(out, "*/*.frag")
    edited = frag.read_bytes().replace("兴庆区行政执法公示办法".encode(), "兴庆区行政执法保密办法".encode())
    assert edited != frag.read_bytes()
    frag.write_bytes(edited)
    build([src], out, NO_HTML)
    assert (out / "graph.ttl").read_bytes() == graph
    assert "兴庆区行政执法保密办法" not in (out / "graph.ttl").read_text(encoding="utf-8")


def test_an_edited_value_in_a_cached_extraction_does_not_reach_the_graph(tmp_path, monkeypatch):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A})
    out = tmp_path / "out"
    build([src], out, NO_HTML)
    (extraction,) = cache_files(out, "*/*.json")
    data = extraction.read_bytes()
    assert data.count(b'"value":"35"') == 1
    extraction.write_bytes(data.replace(b'"value":"35"', b'"value":"99"'))
    (src / "a.txt").rename(src / "renamed.txt")  # a renamed file is made from its cached extraction
    extractions = Extractions()
    monkeypatch.setattr(kg.build.tasks, "extract", extractions)
    build([src], out, NO_HTML)
    assert extractions.names == ["renamed.txt"]  # the damaged extraction was not used: extracted again
    rows = select(load_store(out / "graph.ttl"), "SELECT ?v WHERE { ?f a kg:Figure ; kg:value ?v }")
    assert "35" in {r["v"] for r in rows} and "99" not in {r["v"] for r in rows}
    assert any("does not match its SHA-256" in n for n in report_json(out)["notes"])


LABEL = "法治政府建设实施纲要（2021—2025年）"  # a regulation both REPORT_A and REPORT_B cite: a shared block


def test_an_edited_chunk_of_the_shared_part_does_not_reach_the_graph(tmp_path):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A, "b.txt": REPORT_B})
    out = tmp_path / "out"
    build([src], out, NO_HTML)
    graph = (out / "graph.ttl").read_bytes()
    (chunk,) = [p for p in cache_files(out, "shared/*/*.ttl") if LABEL in p.read_text(encoding="utf-8")]
    chunk.write_text(chunk.read_text(encoding="utf-8").replace(LABEL, "法治政府建设实施纲要（伪造）"), encoding="utf-8")
    build([src], out, NO_HTML)
    assert (out / "graph.ttl").read_bytes() == graph
    assert any(str(chunk) in n and "does not match its SHA-256" in n for n in report_json(out)["notes"])


def test_an_edited_database_of_the_merged_corpus_does_not_reach_the_graph(tmp_path):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A, "b.txt": REPORT_B})
    out = tmp_path / "out"
    build([src], out, NO_HTML)
    graph = (out / "graph.ttl").read_bytes()
    (database,) = cache_files(out, "shared.sqlite")
    with sqlite3.connect(database) as db:
        edited = db.execute("UPDATE block SET text = replace(text, ?, '伪造')", (LABEL,)).rowcount
    assert edited
    (src / "b.txt").unlink()  # a rebuild that would take b's share out of the edited database
    build([src], out, NO_HTML)
    fresh = build([src], tmp_path / "fresh", NO_HTML)
    assert fresh.ok and (out / "graph.ttl").read_bytes() == (tmp_path / "fresh" / "graph.ttl").read_bytes()
    assert any(str(database) in n and "changed since the last build" in n for n in report_json(out)["notes"])
    corpus(src, {"b.txt": REPORT_B})
    build([src], out, NO_HTML)  # merged again: trusted again
    assert (out / "graph.ttl").read_bytes() == graph and "notes" not in report_json(out)


def test_a_rebuild_reads_no_cached_entry_whose_stamp_is_unchanged(tmp_path, monkeypatch):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A, "b.txt": REPORT_B})
    out = tmp_path / "out"
    build([src], out, NO_HTML)
    graph = (out / "graph.ttl").read_bytes()
    read: list[str] = []
    real = kg.build.cache.extraction_sealed

    def counting(data):
        read.append("json")
        return real(data)

    monkeypatch.setattr(kg.build.cache, "extraction_sealed", counting)
    monkeypatch.setattr(kg.build.cache, "_fragment_fault", lambda frag, text: read.append("frag") or "")
    build([src], out, NO_HTML)
    assert read == [] and (out / "graph.ttl").read_bytes() == graph


def test_an_edited_cached_text_does_not_reach_the_texts_folder(tmp_path):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A})
    out = tmp_path / "out"
    build([src], out, NO_HTML)
    (kept,) = (out / "texts").iterdir()
    text = kept.read_bytes()
    (cached,) = cache_files(out, "*/*.txt")
    cached.write_bytes(text + "（已篡改）".encode())
    build([src], out, NO_HTML)
    assert kept.read_bytes() == text and cached.read_bytes() == text


def test_an_edited_file_index_does_not_change_the_build(tmp_path):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A})
    out = tmp_path / "out"
    first = build([src], out, NO_HTML)
    (index,) = cache_files(out, "index.json")
    rows = json.loads(index.read_text(encoding="utf-8"))
    rows["a.txt"]["head"]["figures"] += 40
    index.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    second = build([src], out, NO_HTML)
    assert second.summary == first.summary
    assert any(str(index) in n for n in report_json(out)["notes"])


def test_a_damaged_cache_entry_is_one_line_on_the_console(tmp_path):
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A})
    out = tmp_path / "out"
    command = [sys.executable, "-m", "kg", "build", str(src), "-o", str(out), "-q", "--no-html", "-j", "1"]
    subprocess.run(command, check=True, capture_output=True)  # this code's cache (a fresh process, as the next)
    (frag,) = cache_files(out, "*/*.frag")
    frag.write_bytes(frag.read_bytes()[:-200])
    run = subprocess.run(command, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    why = f"{frag}: content does not match its SHA-256"
    assert run.stderr == f"a.txt: damaged build cache entry ({why}); made again from the input\n"
    assert "valid" in run.stdout


# --- what is written is what is validated ------------------------------------------------------------------------


def test_a_first_build_validates_a_spaced_sample_and_a_rebuild_what_it_made_and_a_few_reused():
    ids = [f"r{i:02}" for i in range(30)]
    assert sample_ids(ids, 10, fresh=set(ids)) == {f"r{i:02}" for i in range(0, 30, 3)}
    rebuilt = sample_ids(ids, 10, fresh={"r07"})
    assert "r07" in rebuilt and len(rebuilt) == 1 + kg.build.writer.VALIDATE_REUSED  # and reused ones
    assert sample_ids(ids, 10, fresh=set()) == sample_ids(ids, 10, fresh=None)
    assert len(sample_ids(ids, 10, fresh=set())) == kg.build.writer.VALIDATE_REUSED  # nothing made: still some
    many = sample_ids(ids, 10, fresh=set(ids[:20]))
    assert len(many & set(ids[:20])) == 10 and len(many - set(ids[:20])) == kg.build.writer.VALIDATE_REUSED


def test_a_rebuild_validates_what_it_changed_and_reused_parts(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.build.writer, "VALIDATE_ALL_REPORTS", 1)
    monkeypatch.setattr(kg.build.writer, "VALIDATE_REUSED", 1)
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A, "b.txt": REPORT_B, "c.txt": REPORT_C})
    out = tmp_path / "out"
    build([src], out, NO_HTML)
    (src / "c.txt").write_text(REPORT_C.replace("12件", "13件"), encoding="utf-8")
    result = build([src], out, NO_HTML)
    assert result.extracted == 1 and result.validation.conforms
    sample = report_json(out)["validation"]["sample"]
    assert sample.startswith("2 of 3 reports (1 made in this build), ") and "changed shared resources" in sample


def test_a_shared_resource_a_rebuild_breaks_is_caught_by_its_validation(tmp_path, monkeypatch):
    """Taking b out changes a regulation a and c cite (one altLabel less) and no report is made or sampled: the
    rebuild still validates that block; the next build, with the bug gone, merges every share again."""
    monkeypatch.setattr(kg.build.writer, "VALIDATE_ALL_REPORTS", 1)
    monkeypatch.setattr(kg.build.writer, "VALIDATE_REUSED", 0)
    src = corpus(tmp_path / "in", {"a.txt": REPORT_A, "b.txt": REPORT_B, "c.txt": REPORT_C})
    out = tmp_path / "out"
    build([src], out, NO_HTML)
    real = kg.build.merge.entity_statements

    def without_labels(*args, **kwargs):  # a regulation rendered now loses its label
        return [(s, p, o) for s, p, o in real(*args, **kwargs) if not (p == rdfs.label.value and "reg-" in s)]

    monkeypatch.setattr(kg.build.merge, "entity_statements", without_labels)
    (src / "b.txt").unlink()
    with pytest.raises(GraphInvalid, match="violates ontology/shapes.ttl"):
        build([src], out, NO_HTML)
    monkeypatch.setattr(kg.build.merge, "entity_statements", real)
    assert build([src], out, NO_HTML).validation.conforms
    build([src], tmp_path / "fresh", NO_HTML)
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "fresh" / "graph.ttl").read_bytes()


def _release_threads_joined() -> None:
    for thread in threading.enumerate():
        if thread.name == "kg-release":
            thread.join()


def test_a_replacement_leaves_the_new_bytes_under_the_name_and_no_other_file(tmp_path):
    target, new = tmp_path / "graph.ttl", tmp_path / ".graph.ttl.new.tmp"
    target.write_text("old", encoding="utf-8")
    new.write_text("new", encoding="utf-8")
    replace_deferring_release(new, target)
    assert target.read_text(encoding="utf-8") == "new"  # at once, before the old file's release
    _release_threads_joined()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_a_replacement_of_a_file_not_there_yet_is_a_rename(tmp_path):
    target, new = tmp_path / "graph.ttl", tmp_path / ".graph.ttl.new.tmp"
    new.write_text("new", encoding="utf-8")
    replace_deferring_release(new, target)
    _release_threads_joined()
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_two_names_are_swapped_in_one_step_and_a_missing_one_or_a_folder_is_left_to_a_rename(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_text("A", encoding="utf-8")
    b.write_text("B", encoding="utf-8")
    inode_a = a.stat().st_ino
    if not exchange(a, b):  # (no renameat2, or a file system without RENAME_EXCHANGE: nothing moved)
        assert (a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")) == ("A", "B")
        pytest.skip("this system cannot swap two names")
    assert (a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")) == ("B", "A")
    assert b.stat().st_ino == inode_a  # the file itself moved, not a copy of its bytes
    assert exchange(a, tmp_path / "missing") is False  # one name missing: no swap, a rename's job
    (tmp_path / "folder").mkdir()
    assert exchange(a, tmp_path / "folder") is False  # a folder: a rename says what is wrong
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "folder"]


def test_a_replacement_by_a_swap_leaves_the_new_file_itself_under_the_name(tmp_path):
    target, new = tmp_path / "graph.ttl", tmp_path / ".graph.ttl.new.tmp"
    target.write_text("old", encoding="utf-8")
    new.write_text("new", encoding="utf-8")
    inode = new.stat().st_ino
    replace_deferring_release(new, target)
    assert target.stat().st_ino == inode and target.read_text(encoding="utf-8") == "new"
    _release_threads_joined()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]  # the old file released, under no name


def test_a_replacement_that_fails_leaves_the_old_file_and_no_second_name(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(OSError):
        replace_deferring_release(tmp_path / "missing.ttl", target)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]
