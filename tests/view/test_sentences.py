"""A citation's sentence is found from the sentence ends listed once per text (issue 19: a report that cites
thousands of times must not scan its text once per citation): the sentence is the one a scan would find."""

import random

from kg.view.sentences import SENTENCE_END, sentence_around, sentence_ends


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
