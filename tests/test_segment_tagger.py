"""kg.segment's own jieba tagger and the per-document memo: the same words and tags as jieba.posseg, asked once.

The tagger replaces ``jieba.posseg``'s ``lcut(text, HMM=False)`` for speed only, so jieba is the reference here:
every window the extractors tag in the seeds, every line of them, and arbitrary mixes of Han, Latin, digits,
punctuation and white space must come out word for word and tag for tag as jieba gives them."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.build.cache import compact_json
from kg.build.tasks import Task, process_task
from kg.extract import extract
from kg.model import to_json
from kg.read import read_bytes
from kg.segment import DocumentMemo, get_segmenter

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def jieba_tags(text: str) -> list[tuple[str, str]]:
    return [(p.word, p.flag) for p in get_segmenter().jieba_tagger().lcut(text, HMM=False)]


def test_the_tagger_splits_text_with_jieba_posseg_s_own_patterns():
    from jieba import posseg

    from kg.segment import JIEBA_ENG, JIEBA_HAN, JIEBA_NUM, JIEBA_SKIP

    assert [
        posseg.re_han_internal,
        posseg.re_skip_internal,
        posseg.re_eng,
        posseg.re_num,
    ] == [JIEBA_HAN, JIEBA_SKIP, JIEBA_ENG, JIEBA_NUM]


class Recording:
    """A segmenter that records what it is asked."""

    name = "jieba"

    def __init__(self):
        self.tagged: list[str] = []
        self.cut_texts: list[str] = []

    def tag(self, text):
        self.tagged.append(text)
        return get_segmenter().tag(text)

    def cut(self, text):
        self.cut_texts.append(text)
        return get_segmenter().cut(text)


@pytest.fixture(scope="module")
def seed_docs():
    return [read_bytes(p.read_bytes(), p.name, "txt", 10**8) for p in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="module")
def seed_windows(seed_docs):
    recording = Recording()
    for doc in seed_docs:
        extract(doc, recording)
    assert len(recording.tagged) > 100
    return recording.tagged


def test_the_tagger_gives_jiebas_words_and_tags_for_every_window_the_extractors_tag(seed_windows):
    tagger = get_segmenter()._tagger
    assert [tagger.tag(w) for w in seed_windows] == [jieba_tags(w) for w in seed_windows]


def test_the_tagger_gives_jiebas_words_and_tags_for_whole_lines(seed_docs):
    tagger = get_segmenter()._tagger
    lines = [line for doc in seed_docs for line in doc.text.splitlines()]
    assert [tagger.tag(line) for line in lines] == [jieba_tags(line) for line in lines]


MIXED = st.text(
    st.sampled_from("行政复议案件局司法厅市县区中共委双随机abcXY0129.#&_+%- \t\r\n\u3000，。、（）《》"), max_size=40
)


@settings(max_examples=500, deadline=None)
@given(MIXED)
def test_the_tagger_gives_jiebas_words_and_tags_for_any_mix_of_characters(text):
    assert get_segmenter()._tagger.tag(text) == jieba_tags(text)


def test_a_memo_answers_as_its_segmenter_and_asks_once_per_text():
    recording = Recording()
    memo = DocumentMemo(recording)
    text = "区司法局办理行政复议案件12件"
    assert memo.tag(text) == memo.tag(text) == get_segmenter().tag(text)
    assert memo.cut(text) == memo.cut(text) == get_segmenter().cut(text)
    assert recording.tagged == [text] and recording.cut_texts == [text] and memo.name == "jieba"


def test_a_memo_hands_out_copies():
    memo = DocumentMemo(get_segmenter())
    memo.tag("依法行政").clear()
    memo.cut("依法行政").clear()
    assert memo.tag("依法行政") and memo.cut("依法行政")


def test_a_build_task_extracts_what_extract_gives_without_a_memo(seed_docs):
    path = sorted(SEEDS.glob("*.txt"))[0]
    outcome = process_task(Task(path.name, "txt", path.read_bytes(), 10**8, "jieba", None))
    want = extract(read_bytes(path.read_bytes(), path.name, "txt", 10**8), get_segmenter())
    assert outcome.error is None
    assert outcome.extraction_json == compact_json(to_json(want))
