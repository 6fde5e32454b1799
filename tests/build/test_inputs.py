"""The input side of a build (issue 17): nothing dropped without a word. Every file of an input folder that is not
read is listed with what it is; names never collide silently; bad file names, FIFOs and devices cost one line;
an output folder inside an input folder is not read back; symbolic links out of a folder are followed only when
asked. Ends with the new user's folder of everything one downloads, built as they would build it."""

import json
import os
import resource
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.build import BuildOptions, build
from kg.build.sources import collect_sources
from kg.cli import main
from kg.errors import BuildError
from tests.formats import docx_bytes, html_page, pdf_bytes, report_text

GOOD = report_text("兴庆区", "银川市", 2022, 35).encode("utf-8")
OTHER = report_text("金凤区", "银川市", 2023, 3).encode("utf-8")
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504  # the header of a Word 97 / Excel 97 file
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
ZIP = b"PK\x05\x06" + b"\x00" * 18  # an empty zip archive
NOT_REPORTS = {
    "通知.doc": (OLE, "a Word 97 document: save it as .docx"),
    "统计表.xlsx": (ZIP, "an Excel workbook: a table, not a report"),
    "附件.zip": (ZIP, "an archive: unzip it first"),
    "扫描件.png": (PNG, "an image: needs OCR"),
    "照片.jpg": (JPEG, "an image: needs OCR"),
    "README.md": (b"# notes\n", "a Markdown file: rename it .txt to read it as plain text"),
    "Makefile": (b"all:\n", "not a report format (no suffix): reports are .txt, .html, .htm, .pdf, .docx"),
}


def write(folder: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def fates(records) -> dict[str, tuple[str, str]]:
    return {r.file: (r.status, r.reason) for r in records}


class Hung(Exception):
    """An input was read instead of refused (not an OSError, which a reader would report as a reason)."""


@pytest.fixture
def no_hang():
    """Turn a read that blocks (a FIFO) or never ends (/dev/zero) into a failure instead of a hung test run or a
    machine out of memory: an alarm, and a bound on this process's address space while the test runs."""

    def fail(*_):
        raise Hung("the input was read instead of refused")

    previous = signal.signal(signal.SIGALRM, fail)
    limits = resource.getrlimit(resource.RLIMIT_AS)
    statm = Path("/proc/self/statm")
    if statm.exists():  # Linux: the pages this process maps now, plus 1 GiB
        in_use = int(statm.read_text().split()[0]) * resource.getpagesize()
        resource.setrlimit(resource.RLIMIT_AS, (in_use + (1 << 30), limits[1]))
    signal.alarm(30)
    yield
    signal.alarm(0)
    resource.setrlimit(resource.RLIMIT_AS, limits)
    signal.signal(signal.SIGALRM, previous)


# --- files that are not reports ---------------------------------------------------------------------------------


def test_every_file_of_a_folder_that_is_not_read_is_listed_as_ignored_with_what_it_is(tmp_path):
    src = write(tmp_path / "in", {"good.txt": GOOD, **{n: d for n, (d, _) in NOT_REPORTS.items()}})
    graph = kg.build_graph([src])
    assert fates(graph.records) == {
        "good.txt": ("built", ""),
        **{name: ("ignored", reason) for name, (_, reason) in NOT_REPORTS.items()},
    }


def test_ignored_files_are_listed_in_the_build_report_and_leave_the_build_ok(tmp_path):
    src = write(tmp_path / "in", {"good.txt": GOOD, "扫描件.png": PNG})
    result = build([src], tmp_path / "out", BuildOptions(html=False))
    report = json.loads((tmp_path / "out" / "build-report.json").read_text(encoding="utf-8"))
    assert {f["file"]: f["status"] for f in report["files"]} == {"good.txt": "built", "扫描件.png": "ignored"}
    assert result.ok


def test_a_strict_build_fails_on_an_ignored_file(tmp_path):
    src = write(tmp_path / "in", {"good.txt": GOOD, "通知.doc": OLE})
    with pytest.raises(BuildError, match=r"1 input ignored in a strict build, no graph written: 通知.doc: ignored"):
        build([src], tmp_path / "out", BuildOptions(html=False, strict=True))
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_hidden_files_and_folders_stay_out_without_a_word(tmp_path):
    src = write(tmp_path / "in", {"good.txt": GOOD, ".DS_Store": b"\x00\x01", ".git/config": b"[core]\n"})
    sources, records = collect_sources([src])
    assert [s.name for s in sources] == ["good.txt"] and records == []


def test_a_file_of_another_format_given_by_name_says_what_it_is(tmp_path):
    write(tmp_path, {"扫描件.png": PNG, "通知.doc": OLE})
    _, records = collect_sources([tmp_path / "扫描件.png", tmp_path / "通知.doc"])
    assert fates(records) == {
        "扫描件.png": ("skipped", "an image: needs OCR"),
        "通知.doc": ("skipped", "a Word 97 document: save it as .docx"),
    }


def test_a_file_of_an_unknown_suffix_given_by_name_is_read_as_text(tmp_path):
    write(tmp_path, {"report.text": GOOD})
    sources, records = collect_sources([tmp_path / "report.text"])
    assert [(s.name, s.fmt) for s in sources] == [("report.text", "txt")] and records == []


# --- names that collide ------------------------------------------------------------------------------------------


def test_files_of_the_same_name_in_two_folders_are_both_read_under_names_kept_apart(tmp_path):
    a = write(tmp_path / "A", {"report.txt": GOOD})
    b = write(tmp_path / "B", {"report.txt": OTHER})
    graph = kg.build_graph([a, b])
    assert fates(graph.records) == {
        "A/report.txt": ("built", ""),
        "B/report.txt": ("built", ""),
        "report.txt": ("renamed", "2 inputs have this name: named A/report.txt and B/report.txt"),
    }
    assert graph.summary.reports == 2


def test_the_graph_of_two_folders_sharing_file_names_does_not_depend_on_their_order(tmp_path):
    a = write(tmp_path / "A", {"report.txt": GOOD, "sub/x.txt": OTHER})
    b = write(tmp_path / "B", {"report.txt": OTHER.replace(b"2023", b"2021"), "sub/x.txt": GOOD})
    assert kg.build_graph([a, b]).to_turtle() == kg.build_graph([b, a]).to_turtle()


def test_folders_of_the_same_name_are_told_apart_by_more_of_their_path(tmp_path):
    x = write(tmp_path / "x" / "in", {"report.txt": GOOD})
    y = write(tmp_path / "y" / "in", {"report.txt": OTHER})
    sources, _ = collect_sources([y, x])
    assert [s.name for s in sources] == ["x/in/report.txt", "y/in/report.txt"]


def test_a_file_reached_through_its_folder_and_by_name_is_one_input(tmp_path):
    src = write(tmp_path / "in", {"sub/report.txt": GOOD})
    for order in ([src, src / "sub" / "report.txt"], [src / "sub" / "report.txt", src], [src / "sub", src]):
        sources, records = collect_sources(order)
        assert [s.name for s in sources] == ["sub/report.txt"] and records == [], order


def test_a_second_text_held_in_memory_under_a_name_already_taken_is_skipped_not_lost(tmp_path):
    sources, records = collect_sources([("a.txt", "第一份"), ("a.txt", "第二份"), ("a.txt", "第一份")])
    assert [s.data.decode() for s in sources] == ["第一份"]
    assert fates(records) == {"a.txt": ("skipped", "another input held in memory has this name")}


# --- names, FIFOs and devices -------------------------------------------------------------------------------------


def test_a_file_name_of_invalid_utf8_is_skipped_with_its_name_shown_and_the_rest_build(tmp_path):
    src = write(tmp_path / "in", {"good.txt": GOOD})
    (src / os.fsdecode(b"bad\xff\xfe.txt")).write_bytes(OTHER)
    result = build([src], tmp_path / "out", BuildOptions(html=False))
    assert fates(result.records) == {
        "good.txt": ("built", ""),
        "bad\ufffd\ufffd.txt": ("skipped", "file name is not valid UTF-8: rename it to read it"),
    }
    report = json.loads((tmp_path / "out" / "build-report.json").read_text(encoding="utf-8"))
    assert [f["file"] for f in report["files"]] == ["bad\ufffd\ufffd.txt", "good.txt"]


def test_inputs_may_be_given_as_bytes_paths(tmp_path):
    src = write(tmp_path / "in", {"good.txt": GOOD})
    sources, records = collect_sources([os.fsencode(src), os.fsencode(src / "good.txt")])
    assert [s.name for s in sources] == ["good.txt"] and records == []


def test_the_cli_reports_a_file_given_by_a_name_of_invalid_utf8_in_one_line(tmp_path):
    write(tmp_path, {"good.txt": GOOD})
    bad = tmp_path / os.fsdecode(b"\xb1\xa8\xb8\xe6.txt")  # 报告 in GBK: not UTF-8
    bad.write_bytes(OTHER)
    run = CliRunner().invoke(
        main, ["build", str(bad), str(tmp_path / "good.txt"), "-o", str(tmp_path / "out"), "-q", "--no-html"]
    )
    assert run.exit_code == 1 and run.stdout.startswith("1 reports")
    assert (
        run.stderr
        == f"{tmp_path}/\ufffd\ufffd\ufffd\ufffd.txt: skipped (file name is not valid UTF-8: rename it to read it)\n"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_given_as_an_input_is_refused_at_once(tmp_path, no_hang):
    write(tmp_path, {"good.txt": GOOD})
    os.mkfifo(tmp_path / "pipe.txt")
    graph = kg.build_graph([tmp_path / "pipe.txt", tmp_path / "good.txt"])
    assert fates(graph.records)[str(tmp_path / "pipe.txt")] == (
        "skipped",
        "a FIFO (named pipe), not a regular file: not read",
    )


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero on this system")
def test_dev_zero_given_as_an_input_is_refused_before_it_is_read(tmp_path, no_hang):
    write(tmp_path, {"good.txt": GOOD})
    graph = kg.build_graph(["/dev/zero", tmp_path / "good.txt"])
    assert fates(graph.records)["/dev/zero"] == ("skipped", "a character device, not a regular file: not read")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_inside_an_input_folder_is_listed_and_never_opened(tmp_path, no_hang):
    src = write(tmp_path / "in", {"good.txt": GOOD})
    os.mkfifo(src / "pipe.txt")
    sources, records = collect_sources([src])
    assert [s.name for s in sources] == ["good.txt"]
    assert fates(records) == {"pipe.txt": ("ignored", "a FIFO (named pipe), not a regular file: not read")}


# --- an output folder inside the input folder; symbolic links ------------------------------------------------------


def test_an_output_folder_inside_the_input_folder_is_not_read_back(tmp_path):
    src = write(tmp_path / "in", {"good.txt": GOOD})
    for _ in range(2):  # the second build finds the first one's texts/, graph.ttl and build-report.json
        result = build([src], src / "out", BuildOptions(html=False))
    assert fates(result.records) == {"good.txt": ("built", "")}
    assert result.summary.reports == 1


def test_the_outputs_of_a_build_into_its_own_input_folder_are_not_read_back(tmp_path):
    src = write(tmp_path / "in", {"good.txt": GOOD})
    for _ in range(2):
        result = build([src], src, BuildOptions(html=False))
        (src / "graph.html").write_text("<html><body><p>不是报告</p></body></html>")  # as a build with HTML leaves
    assert fates(result.records) == {"good.txt": ("built", "")}


@pytest.mark.parametrize(
    "marker",
    [
        {"build-report.json": b'{\n  "extractor_version": "9",\n  "files": []\n}\n'},
        {".cache/0123456789abcdef0123/index.json": b"{}"},
    ],
    ids=["build-report.json", ".cache index"],
)
def test_a_folder_is_known_as_an_output_folder_by_its_build_report_or_its_cache(tmp_path, marker):
    src = write(tmp_path / "in", {"good.txt": GOOD, "old/texts/0123.txt": OTHER, "old/graph.html": b"<html>"})
    write(src / "old", {**marker, "notes.txt": OTHER})
    sources, records = collect_sources([src])
    assert [s.name for s in sources] == ["good.txt", "old/notes.txt"] and records == []


def test_a_folder_without_a_marker_of_ours_is_read_whatever_its_names(tmp_path):
    src = write(tmp_path / "in", {"texts/a.txt": GOOD, "build-report.json": b'{"other": "tool"}'})
    sources, records = collect_sources([src])
    assert [s.name for s in sources] == ["texts/a.txt"]
    assert fates(records) == {"build-report.json": ("ignored", "a JSON file: data, not a report")}


def test_symbolic_links_out_of_the_input_folder_are_listed_not_followed(tmp_path):
    outside = write(tmp_path / "outside", {"secret.txt": OTHER, "dir/x.txt": OTHER})
    src = write(tmp_path / "in", {"good.txt": GOOD})
    os.symlink(outside / "secret.txt", src / "link.txt")
    os.symlink(outside / "dir", src / "linked")
    os.symlink(tmp_path / "nowhere.txt", src / "broken.txt")
    sources, records = collect_sources([src])
    assert [s.name for s in sources] == ["good.txt"]
    assert fates(records) == {
        "link.txt": ("ignored", "a symbolic link to a file outside the input folder: not followed"),
        "linked": ("ignored", "a symbolic link to a folder outside the input folder: not followed"),
        "broken.txt": ("ignored", "a broken symbolic link"),
    }


def test_symbolic_links_out_of_the_input_folder_are_followed_when_asked(tmp_path):
    outside = write(tmp_path / "outside", {"secret.txt": OTHER, "dir/x.txt": OTHER})
    src = write(tmp_path / "in", {"good.txt": GOOD})
    os.symlink(outside / "secret.txt", src / "link.txt")
    os.symlink(outside / "dir", src / "linked")
    sources, records = collect_sources([src], follow_symlinks=True)
    assert [s.name for s in sources] == ["good.txt", "link.txt", "linked/x.txt"] and records == []


def test_a_symbolic_link_inside_the_input_folder_is_read_as_its_target_once(tmp_path):
    src = write(tmp_path / "in", {"a/report.txt": GOOD})
    os.symlink(src / "a" / "report.txt", src / "same.txt")
    os.symlink(src / "a", src / "loop")  # a folder reached twice
    os.symlink(src, src / "a" / "up")  # a loop
    sources, records = collect_sources([src])
    assert [s.name for s in sources] == ["a/report.txt"] and records == []


def test_the_cli_follows_symbolic_links_only_with_follow_symlinks(tmp_path):
    outside = write(tmp_path / "outside", {"other.txt": OTHER})
    src = write(tmp_path / "in", {"good.txt": GOOD})
    os.symlink(outside / "other.txt", src / "link.txt")
    args = ["build", str(src), "-q", "--no-html", "-j", "1"]
    plain = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "o1")])
    assert plain.exit_code == 0, plain.output
    assert "link.txt: ignored (a symbolic link to a file outside the input folder: not followed)" in plain.stderr
    followed = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "o2"), "--follow-symlinks"])
    assert followed.exit_code == 0 and followed.stdout.startswith("2 reports"), followed.output


# --- the new user's folder -----------------------------------------------------------------------------------------


def downloads(folder: Path) -> Path:
    """One file of every kind a user downloads from government sites, good and not."""
    return write(
        folder,
        {
            "兴庆区2022.txt": GOOD,
            "昆都仑区2021.txt": report_text("昆都仑区", "包头市", 2021, 12).encode("gb18030"),
            "新荣区2022.html": html_page(report_text("新荣区", "大同市", 2022, 20)),
            "惠济区2022.pdf": pdf_bytes(report_text("惠济区", "郑州市", 2022, 41)),
            "峄城区2022.docx": docx_bytes(report_text("峄城区", "枣庄市", 2022, 17)),
            "空白.txt": b"",
            **{name: data for name, (data, _) in NOT_REPORTS.items()},
        },
    )


def test_a_new_users_folder_of_downloads_builds_and_says_what_it_did_not_read(tmp_path):
    src = downloads(tmp_path / "下载")
    run = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "out"), "-q", "--no-html", "-j", "1"])
    assert run.exit_code == 1  # the empty file is a failure; the ignored files are not
    assert run.stdout.startswith("5 reports, ")
    lines = run.stderr.splitlines()
    assert lines == [
        *sorted(
            [f"{n}: ignored ({reason})" for n, (_, reason) in NOT_REPORTS.items()] + ["空白.txt: skipped (empty file)"]
        ),
        f"{len(NOT_REPORTS)} files of the input folders not read (not reports: listed above)",
    ]
    report = json.loads((tmp_path / "out" / "build-report.json").read_text(encoding="utf-8"))
    statuses = {f["file"]: f["status"] for f in report["files"]}
    assert statuses == {
        **dict.fromkeys(["兴庆区2022.txt", "昆都仑区2021.txt", "新荣区2022.html", "惠济区2022.pdf"], "built"),
        "峄城区2022.docx": "built",
        "空白.txt": "skipped",
        **dict.fromkeys(NOT_REPORTS, "ignored"),
    }

    (src / "空白.txt").unlink()
    again = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "out"), "-q", "--no-html", "-j", "1"])
    assert again.exit_code == 0, again.output  # every report built; the others are listed, not failures

    strict = CliRunner().invoke(
        main, ["build", str(src), "-o", str(tmp_path / "strict"), "-q", "--no-html", "-j", "1", "--strict"]
    )
    assert strict.exit_code == 1
    assert f"Error: {len(NOT_REPORTS)} inputs ignored in a strict build, no graph written: " in strict.stderr
    assert "Traceback" not in strict.output and not (tmp_path / "strict" / "graph.ttl").exists()
