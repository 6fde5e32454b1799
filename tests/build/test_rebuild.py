"""A rebuild after a change (issue 19): it gives the bytes of a fresh build — graph.ttl, and graph.html when drawn
— whatever the change does to the shared nodes, for a changed, a removed and an added file, and whatever job count
made the cache; and it redoes only what changed."""

import json
import re
import shutil
from pathlib import Path

import kg.build.merge
import kg.build.tasks
import kg.build.writer
from kg.build import BuildOptions, build
from tests.formats import report_text

COUNTIES = [("兴庆区", "银川市"), ("金凤区", "银川市"), ("西夏区", "银川市"), ("昆都仑区", "包头市")]
GANGYAO = "《法治政府建设实施纲要（2021—2025年）》"  # cited by every report of report_text
LOCAL = "印发《兴庆区行政执法公示办法》。"  # a regulation only r0 names


def reports() -> dict[str, str]:
    files = {f"r{i}.txt": report_text(county, city, 2022, 10 + i) for i, (county, city) in enumerate(COUNTIES)}
    files["r0.txt"] = files["r0.txt"].replace("深化", LOCAL + "深化")
    return files


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def page(out: Path) -> str:
    return (out / "graph.html").read_text(encoding="utf-8").replace(str(out), "")


def rebuilt_as_fresh(src: Path, out: Path, fresh: Path, html: bool = False, jobs: int = 1) -> str:
    """Rebuild ``out`` from its cache, build ``fresh`` without one; assert the same bytes; returns the graph."""
    build([src], out, BuildOptions(html=html, jobs=jobs))
    shutil.rmtree(fresh, ignore_errors=True)
    build([src], fresh, BuildOptions(html=html, cache=False))
    assert (out / "graph.ttl").read_bytes() == (fresh / "graph.ttl").read_bytes()
    if html:
        assert page(out) == page(fresh)
    return (out / "graph.ttl").read_text(encoding="utf-8")


def test_a_report_that_adds_a_spelling_to_a_regulation_other_reports_cite(tmp_path):
    src, out = write(tmp_path / "in", reports()), tmp_path / "out"
    build([src], out, BuildOptions(html=True))
    text = (src / "r1.txt").read_text(encoding="utf-8")
    (src / "r1.txt").write_text(text.replace(GANGYAO, "《法治政府建设实施纲要(2021-2025年)》"), encoding="utf-8")
    graph = rebuilt_as_fresh(src, out, tmp_path / "fresh", html=True)
    assert '"法治政府建设实施纲要(2021-2025年)"@zh' in graph  # a new altLabel of the shared regulation


def test_a_report_that_adds_a_spelling_to_a_body_other_reports_name(tmp_path):
    files = reports()
    for name in ("r0.txt", "r1.txt"):  # 兴庆区 and 金凤区 both name their city's 司法局
        files[name] = files[name].replace("深化", "银川市司法局加强指导，深化")
    src, out = write(tmp_path / "in", files), tmp_path / "out"
    build([src], out, BuildOptions(html=False))
    assert '"市司法局"@zh' not in (out / "graph.ttl").read_text(encoding="utf-8")
    (src / "r1.txt").write_text(files["r1.txt"].replace("银川市司法局", "市司法局"), encoding="utf-8")
    assert '"市司法局"@zh' in rebuilt_as_fresh(src, out, tmp_path / "fresh")  # an altLabel of the shared body
    (src / "r1.txt").write_text(files["r1.txt"], encoding="utf-8")
    assert '"市司法局"@zh' not in rebuilt_as_fresh(src, out, tmp_path / "fresh")  # and gone again


def test_a_report_that_drops_the_last_mention_of_a_shared_node(tmp_path):
    src, out = write(tmp_path / "in", reports()), tmp_path / "out"
    build([src], out, BuildOptions(html=True))
    assert "兴庆区行政执法公示办法" in (out / "graph.ttl").read_text(encoding="utf-8")
    text = (src / "r0.txt").read_text(encoding="utf-8")
    (src / "r0.txt").write_text(text.replace(LOCAL, ""), encoding="utf-8")
    graph = rebuilt_as_fresh(src, out, tmp_path / "fresh", html=True)
    assert "兴庆区行政执法公示办法" not in graph


def test_a_removed_file(tmp_path):
    src, out = write(tmp_path / "in", reports()), tmp_path / "out"
    build([src], out, BuildOptions(html=False))
    (src / "r3.txt").unlink()  # the only report of 包头市昆都仑区: its government and areas go with it
    graph = rebuilt_as_fresh(src, out, tmp_path / "fresh")
    assert "昆都仑区" not in graph


def test_an_added_file(tmp_path):
    files = reports()
    added = files.pop("r3.txt")
    src, out = write(tmp_path / "in", files), tmp_path / "out"
    build([src], out, BuildOptions(html=False))
    write(src, {"r3.txt": added})
    graph = rebuilt_as_fresh(src, out, tmp_path / "fresh")
    assert "昆都仑区" in graph


def test_removed_added_and_changed_files_in_one_rebuild(tmp_path):
    src, out = write(tmp_path / "in", reports()), tmp_path / "out"
    build([src], out, BuildOptions(html=False))
    (src / "r0.txt").unlink()
    (src / "r2.txt").rename(src / "renamed.txt")
    text = (src / "r1.txt").read_text(encoding="utf-8")
    (src / "r1.txt").write_text(text.replace("“放管服”改革", "“放管服”改革和“双随机、一公开”监管"), encoding="utf-8")
    write(src, {"r4.txt": report_text("大武口区", "石嘴山市", 2021, 8)})
    rebuilt_as_fresh(src, out, tmp_path / "fresh")


def test_a_cache_made_by_two_worker_processes_serves_a_rebuild_in_one_and_back(tmp_path):
    files = {
        f"r{i}.txt": report_text(county, city, 2021 + i % 3, 20 + i)
        for i, (county, city) in enumerate(
            [*COUNTIES, ("大武口区", "石嘴山市"), ("新荣区", "大同市"), ("惠济区", "郑州市"), ("峄城区", "枣庄市")]
        )
    }
    src, out = write(tmp_path / "in", files), tmp_path / "out"
    assert build([src], out, BuildOptions(html=False, jobs=2)).workers == 2
    (src / "r5.txt").write_text(files["r5.txt"].replace("26件", "27件"), encoding="utf-8")
    rebuilt_as_fresh(src, out, tmp_path / "fresh", jobs=1)
    (src / "r6.txt").unlink()
    rebuilt_as_fresh(src, out, tmp_path / "fresh", jobs=2)


def changed_shared_resources(out: Path) -> int:
    """How many shared resources the last build changed (build-report.json, when it validated a sample)."""
    sample = json.loads((out / "build-report.json").read_text(encoding="utf-8"))["validation"]["sample"]
    return int(re.search(r"(\d+) changed shared resources", sample).group(1))


def test_a_change_that_touches_no_shared_node_rewrites_no_shared_block(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.build.writer, "VALIDATE_ALL_REPORTS", 1)  # a sample, described in build-report.json
    src, out = write(tmp_path / "in", reports()), tmp_path / "out"
    build([src], out, BuildOptions(html=False))
    chunks = sorted(p.name for p in out.glob(".cache/*/shared/*/*.ttl"))
    rendered: list = []
    real = kg.build.merge.entity_statements
    monkeypatch.setattr(
        kg.build.merge, "entity_statements", lambda corpus, *a: rendered.append(corpus) or real(corpus, *a)
    )
    (src / "r1.txt").write_text(reports()["r1.txt"].replace("11件", "12件"), encoding="utf-8")
    assert build([src], out, BuildOptions(html=False)).extracted == 1
    assert changed_shared_resources(out) == 0
    assert sorted(p.name for p in out.glob(".cache/*/shared/*/*.ttl")) == chunks
    bodies = {key for corpus in rendered for key in corpus.organisations}  # only what r1 (金凤区) names
    assert bodies and not any(county in key for key in bodies for county in ("兴庆区", "西夏区", "昆都仑区"))


def test_a_change_that_adds_a_spelling_changes_that_regulation_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.build.writer, "VALIDATE_ALL_REPORTS", 1)
    src, out = write(tmp_path / "in", reports()), tmp_path / "out"
    build([src], out, BuildOptions(html=False))
    text = reports()["r1.txt"].replace(GANGYAO, "《法治政府建设实施纲要(2021-2025年)》")
    (src / "r1.txt").write_text(text, encoding="utf-8")
    build([src], out, BuildOptions(html=False))
    assert changed_shared_resources(out) == 1


def test_a_file_that_failed_is_not_tried_again_until_it_changes(tmp_path, monkeypatch):
    src, out = write(tmp_path / "in", reports()), tmp_path / "out"
    tried: list[str] = []
    real = kg.build.tasks.extract

    def failing(doc, segmenter=None):
        tried.append(doc.source_name)
        if doc.source_name == "r2.txt":
            raise ValueError("an extractor bug")
        return real(doc, segmenter)

    monkeypatch.setattr(kg.build.tasks, "extract", failing)
    first = build([src], out, BuildOptions(html=False))
    assert [(r.file, r.status) for r in first.records if r.status != "built"] == [("r2.txt", "skipped")]
    tried.clear()
    again = build([src], out, BuildOptions(html=False))
    assert tried == [] and [r.reason for r in again.records if r.file == "r2.txt"] == [
        r.reason for r in first.records if r.file == "r2.txt"
    ]
    (src / "r2.txt").write_text(reports()["r2.txt"].replace("12件", "13件"), encoding="utf-8")
    build([src], out, BuildOptions(html=False))
    assert tried == ["r2.txt"]
