"""Word segmentation behind one interface, loaded once per process.

Segmentation is the slow stage (jieba.lcut ~1 MB/s, posseg ~0.2 MB/s per core), so extractors find candidates
with regexes and dictionaries first and ask the segmenter only about the short clauses that need it.

Backends:
* ``jieba`` (default): a private :class:`jieba.Tokenizer` with a domain user dictionary generated from the
  shipped vocabularies, so that 行政复议, 综合行政执法, 双随机、一公开 stay whole.
* ``pkuseg``: spacy-pkuseg with a model directory the user supplies (its PyPI wheel ships none, and nothing
  here ever downloads one).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from kg.resources import data_lines


class Segmenter(Protocol):
    name: str

    def cut(self, text: str) -> list[str]: ...

    def tag(self, text: str) -> list[tuple[str, str]]:
        """Words with part-of-speech tags (jieba's tag set; ``x`` where a backend has none)."""
        ...


def domain_words() -> list[tuple[str, str]]:
    """(word, POS tag) pairs for the user dictionary, from every shipped vocabulary."""
    words: dict[str, str] = {}
    for line in data_lines("segment_words.txt"):
        word, _, tag = line.partition(" ")
        words[word] = tag or "n"
    from kg.areas import area_table  # noqa: PLC0415 - avoids a load cycle at import

    for name in area_table().by_name:
        words.setdefault(name, "ns")
    from kg.lawtable import law_table  # noqa: PLC0415

    for law in law_table().entries:
        for name in (law.title, *law.short_names):
            if len(name) <= 20:
                words.setdefault(name, "nz")
    return sorted(words.items())


def _pos_tokenizer(tokenizer):
    """A jieba POS tagger over ``tokenizer``. ``POSTokenizer(tokenizer)`` would read the default dictionary's tags
    again (0.7 s per process) although importing jieba.posseg has just read them for its module-level tagger:
    when our tokenizer uses that same default dictionary, start from a copy of those tags (our domain words'
    tags are merged in by jieba on first use, from ``tokenizer.user_word_tag_tab``)."""
    import jieba  # noqa: PLC0415
    import jieba.posseg  # noqa: PLC0415

    default = jieba.posseg.dt
    if tokenizer.dictionary != default.tokenizer.dictionary or default.tokenizer.user_word_tag_tab:
        return jieba.posseg.POSTokenizer(tokenizer)
    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer = tokenizer
    pos.word_tag_tab = dict(default.word_tag_tab)
    return pos


class JiebaSegmenter:
    name = "jieba"

    def __init__(self) -> None:
        import jieba  # noqa: PLC0415
        import jieba.posseg  # noqa: PLC0415

        jieba.setLogLevel(logging.WARNING)
        self._tok = jieba.Tokenizer()
        self._tok.initialize()
        for word, tag in domain_words():
            self._tok.add_word(word, freq=None, tag=tag)
        self._pos = _pos_tokenizer(self._tok)

    def cut(self, text: str) -> list[str]:
        return self._tok.lcut(text, HMM=True)

    def tag(self, text: str) -> list[tuple[str, str]]:
        return [(p.word, p.flag) for p in self._pos.lcut(text, HMM=True)]


class PkusegSegmenter:
    name = "pkuseg"

    def __init__(self, model_dir: Path) -> None:
        model_dir = Path(model_dir)
        if not (model_dir / "features.pkl").is_file() and not (model_dir / "features.msgpack").is_file():
            raise ValueError(f"{model_dir}: not a spacy-pkuseg model directory (no features file)")
        import spacy_pkuseg  # noqa: PLC0415

        words = sorted({w for w, _ in domain_words()})
        self._seg = spacy_pkuseg.pkuseg(model_name=str(model_dir), user_dict=words)

    def cut(self, text: str) -> list[str]:
        return self._seg.cut(text)

    def tag(self, text: str) -> list[tuple[str, str]]:
        return [(w, "x") for w in self._seg.cut(text)]


@lru_cache(maxsize=4)
def get_segmenter(name: str = "jieba", model_dir: str | None = None) -> Segmenter:
    """The process-wide segmenter of that backend (loaded on first use)."""
    if name == "jieba":
        return JiebaSegmenter()
    if name == "pkuseg":
        if not model_dir:
            raise ValueError("the pkuseg segmenter needs a model directory (--pkuseg-model DIR)")
        return PkusegSegmenter(Path(model_dir))
    raise ValueError(f"unknown segmenter {name!r} (jieba or pkuseg)")
