"""A rebuild writes graph.ttl from the one the last build wrote where it can (kg.build.splice, issue 19): runs of
unchanged reports are copied whole out of the old file, and the bytes are a fresh build's; a graph changed since
is never used."""

import json
import shutil
from pathlib import Path

import kg.build.splice
from kg.build import BuildOptions, build
from tests.build.test_rebuild import reports, write


def _copies_from(graph: Path, monkeypatch) -> list[tuple[int, int]]:
    """Record the ranges a build copies out of ``graph`` (the last graph of its folder)."""
    copied: list[tuple[int, int]] = []
    real = kg.build.splice.copy_range

    def spy(source, out, offset, length):
        if Path(source) == graph:
            copied.append((offset, length))
        return real(source, out, offset, length)

    monkeypatch.setattr(kg.build.splice, "copy_range", spy)
    return copied


def _fresh(src: Path, folder: Path) -> bytes:
    shutil.rmtree(folder, ignore_errors=True)
    build([src], folder, BuildOptions(cache=False))
    return (folder / "graph.ttl").read_bytes()


def _placed(out: Path) -> dict[str, tuple[int, int]]:
    """Where the record of the last build says each report's part stands: report id → (offset, length)."""
    (record,) = out.glob(".cache/*/graph.json")
    return {rid: (offset, length) for rid, _, offset, length in json.loads(record.read_text(encoding="utf-8"))["parts"]}


def test_a_rebuild_copies_the_unchanged_reports_out_of_the_last_graph_in_runs(tmp_path, monkeypatch):
    src, out = write(tmp_path / "in", reports()), tmp_path / "out"
    build([src], out, BuildOptions())
    before = _placed(out)
    copied = _copies_from(out / "graph.ttl", monkeypatch)
    changed = src / "r2.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n全年新增办理行政复议案件1件。\n", encoding="utf-8")
    build([src], out, BuildOptions())
    assert (out / "graph.ttl").read_bytes() == _fresh(src, tmp_path / "fresh")
    kept = before.keys() & _placed(out).keys()
    assert len(kept) == 3  # (a report's id is its text's: the changed one is another report now)
    # the three others came out of the last graph, in at most two runs (before and after the changed one)
    assert 1 <= len(copied) <= 2
    assert sum(length for _, length in copied) == sum(before[rid][1] for rid in kept)


def test_a_rebuild_with_nothing_changed_copies_every_report_in_one_run(tmp_path, monkeypatch):
    src, out = write(tmp_path / "in", reports()), tmp_path / "out"
    build([src], out, BuildOptions())
    copied = _copies_from(out / "graph.ttl", monkeypatch)
    build([src], out, BuildOptions())
    assert len(copied) == 1
    assert (out / "graph.ttl").read_bytes() == _fresh(src, tmp_path / "fresh")


def test_a_graph_changed_since_the_last_build_is_not_copied_from(tmp_path, monkeypatch):
    src, out = write(tmp_path / "in", reports()), tmp_path / "out"
    build([src], out, BuildOptions())
    graph = out / "graph.ttl"
    graph.write_bytes(graph.read_bytes().replace(b"kg:", b"kg:", 1) + b"# edited by hand\n")
    copied = _copies_from(graph, monkeypatch)
    build([src], out, BuildOptions())
    assert copied == []
    assert graph.read_bytes() == _fresh(src, tmp_path / "fresh")


def test_a_build_that_reads_no_cache_copies_nothing_from_the_last_graph(tmp_path, monkeypatch):
    src, out = write(tmp_path / "in", reports()), tmp_path / "out"
    build([src], out, BuildOptions())
    copied = _copies_from(out / "graph.ttl", monkeypatch)
    build([src], out, BuildOptions(cache=False))  # (--no-cache: everything is read and made again)
    assert copied == []
