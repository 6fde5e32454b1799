"""A citation's sentence is found from the sentence ends listed once per text (issue 19: a report that cites
thousands of times must not scan its text once per citation): the sentence is the one a scan would find."""

import random

from kg.build import BuildOptions, build
from kg.rdf.store import iter_select, load_store, select
from kg.view.sentences import SENTENCE_END, citation_sentences, sentence_around, sentence_ends
from tests.build.test_spare_workers import texts


def scanned(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]`` by scanning: after the last end before ``start``, through the
    first end at or after ``end``."""
    left = max((text.rfind(c, 0, start) for c in SENTENCE_END), default=-1) + 1
    found = [i for i in (text.find(c, end) for c in SENTENCE_END) if i >= 0]
    return left, min(found) + 1 if found else len(text)


def test_the_sentence_from_listed_ends_is_the_one_a_scan_finds():
    rng = random.Random(19)
    pieces = ["贯彻", "《纲要》", "印发办法", "，", "。", "；", "？", "！", "\n", ";", "abc"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        ends = sentence_ends(text)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        left, right = scanned(text, start, end)
        for limit in (8, 90):
            expected = sentence_around(text[left:right], start - left, end - left, limit)
            assert sentence_around(text, start, end, limit, ends) == expected
            assert sentence_around(text, start, end, limit) == expected


def test_a_text_without_sentence_ends_is_one_sentence():
    assert sentence_ends("贯彻《纲要》，印发办法") == []
    assert sentence_around("贯彻《纲要》，印发办法", 2, 6) == "贯彻《纲要》，印发办法"


def test_the_sentences_of_the_drawn_citations_are_those_of_every_citation_kept_for_them(tmp_path):
    """The page asks only for the sentences of the citations it draws (a 100,000-report graph has millions of
    mentions): each is the one it gets among every citation's."""
    src = tmp_path / "in"
    src.mkdir()
    for name, text in texts():
        (src / name).write_text(text, encoding="utf-8")
    build([src], tmp_path / "out", BuildOptions(jobs=1, html=False))
    store = load_store(tmp_path / "out" / "graph.ttl")
    every = citation_sentences(store, tmp_path / "out" / "texts")
    wanted = set(sorted(every)[::3]) | {("no-report", "no-regulation")}
    assert len(every) > 6
    assert citation_sentences(store, tmp_path / "out" / "texts", wanted=wanted) == {
        k: v for k, v in every.items() if k in wanted
    }
    assert list(iter_select(store, "SELECT ?r WHERE { ?r a kg:Report }")) == select(
        store, "SELECT ?r WHERE { ?r a kg:Report }"
    )
