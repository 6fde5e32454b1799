"""kg.lang.wordpattern: a set of words as one pattern that finds, at each place, the longest word standing there —
what the alternation of the words, longest first, finds."""

import random
import re

import pytest

from kg.lang.wordpattern import words_pattern


def _alternation(words):
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


def test_the_longest_word_standing_at_a_place_is_the_match():
    pattern = re.compile(words_pattern(["放管服", "放管服改革", "放权", "改革"]))
    text = "深化“放管服改革”，推进放权，放管服和改革"
    assert [m.group() for m in pattern.finditer(text)] == ["放管服改革", "放权", "放管服", "改革"]


def test_a_word_that_begins_a_longer_one_is_found_where_the_longer_one_is_not():
    pattern = re.compile(words_pattern(["司法局", "司法", "司法所"]))
    assert pattern.match("司法局长").group() == "司法局"
    assert pattern.match("司法行政").group() == "司法"
    assert pattern.match("执法") is None


def test_characters_that_mean_something_in_a_pattern_are_taken_literally():
    pattern = re.compile(words_pattern(["a.b", "(c)", "d|e", "f*"]))
    assert [m.group() for m in pattern.finditer("axb a.b (c) c d|e d f* ff")] == ["a.b", "(c)", "d|e", "f*"]


def test_inside_a_longer_pattern_it_gives_back_a_shorter_word_when_the_rest_needs_it():
    # the alternation longest first tries 司法局 then 司法; so does the trie, when what follows fails
    pattern = re.compile(f"(?:{words_pattern(['司法', '司法局'])})局长")
    assert pattern.match("司法局长").group() == "司法局长"


def test_no_words_match_nothing_and_an_empty_word_is_refused():
    assert re.compile(words_pattern([])).search("任何文本") is None
    with pytest.raises(ValueError):
        words_pattern(["改革", ""])


@pytest.mark.parametrize("seed", range(5))
def test_it_finds_what_the_alternation_finds_on_random_words_and_texts(seed):
    rnd = random.Random(seed)
    for _ in range(300):
        words = {"".join(rnd.choice("abcd") for _ in range(rnd.randint(1, 4))) for _ in range(rnd.randint(1, 9))}
        text = "".join(rnd.choice("abcdx") for _ in range(50))
        ours, theirs = re.compile(words_pattern(words)), _alternation(words)
        assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]
        for pos in range(len(text)):
            a, b = ours.match(text, pos), theirs.match(text, pos)
            assert (a and a.span()) == (b and b.span())
