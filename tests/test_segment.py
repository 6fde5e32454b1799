"""The two segmenters behind one interface. The pkuseg backend is tested with a small model trained here, offline,
from the seeds segmented by jieba (spacy-pkuseg's wheel ships no model and nothing may be downloaded)."""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.segment import PkusegSegmenter, get_segmenter, train_pkuseg

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize("word", ["行政复议", "综合行政执法", "双随机、一公开", "住房和城乡建设局", "行政复议案件"])
def test_jieba_keeps_domain_words_whole(word):
    assert word in get_segmenter().cut(f"推进{word}工作")


def test_jieba_tags_words_and_keeps_the_text():
    text = "深入推进“双随机、一公开”监管，办理行政复议案件35件。"
    words = get_segmenter().tag(text)
    assert "".join(w for w, _ in words) == text and all(tag for _, tag in words)


def test_unknown_segmenter_and_missing_model_are_one_line_errors(tmp_path):
    with pytest.raises(ValueError, match="unknown segmenter"):
        get_segmenter("nope")
    with pytest.raises(ValueError, match="needs a model directory"):
        get_segmenter("pkuseg", None)
    with pytest.raises(ValueError, match="not a spacy-pkuseg model directory"):
        PkusegSegmenter(tmp_path)


@pytest.fixture(scope="module")
def pkuseg_model(tmp_path_factory) -> Path:
    seg = get_segmenter()
    lines = []
    for f in sorted(SEEDS.glob("*.txt")):
        for sentence in re.split(r"[。；\n]", f.read_text(encoding="utf-8")):
            sentence = re.sub(r"\s+", "", sentence)
            if 8 <= len(sentence) <= 120:
                lines.append(" ".join(seg.cut(sentence)))
    assert len(lines) > 300
    return train_pkuseg(lines, tmp_path_factory.mktemp("pkuseg"), iterations=3)


def test_a_trained_pkuseg_model_loads_offline_and_segments(pkuseg_model):
    seg = PkusegSegmenter(pkuseg_model)
    words = seg.cut("深入推进综合行政执法改革，全年办理案件677件")
    assert "".join(words) == "深入推进综合行政执法改革，全年办理案件677件"
    assert "677" in words and any(w.startswith("综合行政执法") for w in words)  # the domain dictionary holds
    assert all(tag == "x" for _, tag in seg.tag("依法行政"))


def test_build_with_the_pkuseg_backend_end_to_end(pkuseg_model, tmp_path):
    result = CliRunner().invoke(
        main,
        [
            "build",
            str(SEEDS),
            "-o",
            str(tmp_path),
            "-q",
            "--no-html",
            "--segmenter",
            "pkuseg",
            "--pkuseg-model",
            str(pkuseg_model),
        ],
    )
    assert result.exit_code == 0, result.output
    assert re.search(r"^5 reports, \d+ regulations", result.output, re.M)
    assert (tmp_path / "graph.ttl").stat().st_size > 10_000


def test_build_with_a_bad_model_directory_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(
        main,
        [
            "build",
            str(SEEDS),
            "-o",
            str(tmp_path / "out"),
            "-q",
            "--segmenter",
            "pkuseg",
            "--pkuseg-model",
            str(tmp_path),
        ],
    )
    assert result.exit_code != 0 and "not a spacy-pkuseg model directory" in result.output
    assert "Traceback" not in result.output


def _state(segmenter):
    tok = segmenter._tok
    return tok.FREQ, tok.total, segmenter._tags


def test_the_saved_jieba_dictionary_loads_as_the_one_made_afresh(tmp_path, monkeypatch):
    from kg.segment import JiebaSegmenter

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    made = JiebaSegmenter()  # nothing saved yet: made from jieba's dictionary and the domain words, then saved
    assert [p.name[:6] for p in (tmp_path / "fazhi-kg").iterdir()] == ["jieba-"]
    loaded = JiebaSegmenter()
    assert _state(loaded) == _state(made)
    text = "深入推进“双随机、一公开”监管，办理行政复议案件35件，住房和城乡建设局开展执法检查。"
    assert loaded.cut(text) == made.cut(text) and loaded.tag(text) == made.tag(text)


def test_a_damaged_saved_dictionary_is_made_again(tmp_path, monkeypatch):
    from kg.segment import JiebaSegmenter

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    made = JiebaSegmenter()
    (saved,) = (tmp_path / "fazhi-kg").iterdir()
    for damage in (saved.read_bytes()[:1000], b"\x00not marshal", __import__("marshal").dumps(("a", 1, {}))):
        saved.write_bytes(damage)
        assert _state(JiebaSegmenter()) == _state(made)
        assert saved.stat().st_size > 1_000_000  # saved again, whole


def test_without_a_home_folder_the_jieba_dictionary_is_made_and_not_saved(monkeypatch):
    from kg.segment import JiebaSegmenter

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: (_ for _ in ()).throw(RuntimeError("no home"))))
    assert "行政复议" in JiebaSegmenter().cut("推进行政复议工作")


def test_a_segmenter_loaded_from_the_saved_dictionary_never_imports_jieba_posseg(tmp_path):
    # importing jieba.posseg reads its tag dictionary (~0.8 s in every worker process): the saved state holds the
    # tags, so a process that loads it does without that module
    import subprocess
    import sys

    code = (
        "import sys; from kg.segment import JiebaSegmenter; s = JiebaSegmenter(); "
        "print('jieba.posseg' in sys.modules, s.tag('办理行政复议案件'))"
    )
    env = {**__import__("os").environ, "XDG_CACHE_HOME": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert first.stdout.startswith("True")  # made afresh: from jieba.posseg's tags
    assert second.stdout.startswith("False") and second.stdout[5:] == first.stdout[4:]
