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
import re
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from kg.errors import ConfigError
from kg.resources import data_csv, data_lines


class Segmenter(Protocol):
    name: str

    def cut(self, text: str) -> list[str]: ...

    def tag(self, text: str) -> list[tuple[str, str]]:
        """Words with part-of-speech tags (jieba's tag set; ``x`` where a backend has none)."""
        ...


def domain_words() -> list[tuple[str, str]]:
    """(word, POS tag) pairs for the user dictionary, from every shipped vocabulary: domain terms, area names,
    law names, measure and indicator labels, and the longer endings of bodies (住房和城乡建设局 stays one word)."""
    words: dict[str, str] = {}
    for line in data_lines("segment_words.txt"):
        word, _, tag = line.partition(" ")
        words[word] = tag or "n"
    from kg.lang.areas import area_table  # noqa: PLC0415 - avoids a load cycle at import

    for name in area_table().by_name:
        words.setdefault(name, "ns")
    from kg.lang.laws import law_table  # noqa: PLC0415

    for law in law_table().entries:
        for name in law.names():
            if len(name) <= 20:
                words.setdefault(name, "nz")
    from kg.lang.schemes import indicator_scheme, measure_scheme  # noqa: PLC0415

    for concept in measure_scheme():
        for label in concept.labels:
            if 2 <= len(label) <= 16:
                words.setdefault(label, "nz")
    for concept in indicator_scheme():
        for label in concept.labels:
            if 2 <= len(label) <= 12:
                words.setdefault(label, "n")
    for row in data_csv("org_endings.csv"):
        if len(row["ending"]) >= 3:
            words.setdefault(row["ending"], "nt")
    return sorted(words.items())


_PLACEHOLDER = "丶"  # a CJK character jieba keeps inside a word, standing in for 、 (same length, so offsets hold)


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
    """jieba with the domain dictionary. jieba cuts at every punctuation mark before it looks at its dictionary,
    so a name with a 、 inside (双随机、一公开) is protected: its 、 is swapped for a placeholder character while
    cutting and swapped back in the words."""

    name = "jieba"

    def __init__(self) -> None:
        import jieba  # noqa: PLC0415
        import jieba.posseg  # noqa: PLC0415

        jieba.setLogLevel(logging.WARNING)
        self._tok = jieba.Tokenizer()
        self._tok.initialize()
        protected = []
        for word, tag in domain_words():
            if "、" in word:
                protected.append(word)
                word = word.replace("、", _PLACEHOLDER)
            self._tok.add_word(word, freq=None, tag=tag)
        self._protect = (
            re.compile("|".join(re.escape(w) for w in sorted(protected, key=len, reverse=True))) if protected else None
        )
        self._pos = _pos_tokenizer(self._tok)

    def _hide(self, text: str) -> str:
        if self._protect is None or "、" not in text:
            return text
        return self._protect.sub(lambda m: m.group().replace("、", _PLACEHOLDER), text)

    def cut(self, text: str) -> list[str]:
        return [w.replace(_PLACEHOLDER, "、") for w in self._tok.lcut(self._hide(text), HMM=True)]

    def tag(self, text: str) -> list[tuple[str, str]]:
        """Words with POS tags, without jieba's HMM for unknown words: the extractors tag only short windows
        (a name before its ending, a clause before a number), where an unknown word falling apart into
        characters costs little, and the HMM would double the time of the whole extraction."""
        return [(p.word.replace(_PLACEHOLDER, "、"), p.flag) for p in self._pos.lcut(self._hide(text), HMM=False)]


class PkusegSegmenter:
    """spacy-pkuseg with a model directory the user supplies (``--pkuseg-model``) and the same domain dictionary.
    It has no part-of-speech tags here: extractors that use tags fall back to their word lists."""

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


def train_pkuseg(lines: list[str], model_dir: Path, iterations: int = 5, held_out: int = 50) -> Path:
    """Train a spacy-pkuseg model from segmented lines (words separated by spaces) into ``model_dir``, offline.

    spacy-pkuseg's wheel ships no model and downloads one on first use; this is how a user (or a test) makes one
    from text segmented another way, e.g. by the jieba backend: ``scripts/train_pkuseg.py``.
    """
    import contextlib  # noqa: PLC0415
    import io  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    import spacy_pkuseg  # noqa: PLC0415

    lines = [ln.strip() for ln in lines if ln.strip()]
    if len(lines) <= held_out:
        raise ValueError(f"need more than {held_out} segmented lines to train, got {len(lines)}")
    model_dir = Path(model_dir)
    model_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kg-pkuseg-") as tmp:
        train, test = Path(tmp) / "train.txt", Path(tmp) / "test.txt"
        train.write_text("\n".join(lines[held_out:]) + "\n", encoding="utf-8")
        test.write_text("\n".join(lines[:held_out]) + "\n", encoding="utf-8")
        with contextlib.redirect_stdout(io.StringIO()):  # the trainer prints its progress
            spacy_pkuseg.train(str(train), str(test), str(model_dir), train_iter=iterations)
    return model_dir


@lru_cache(maxsize=4)
def get_segmenter(name: str = "jieba", model_dir: str | None = None) -> Segmenter:
    """The process-wide segmenter of that backend (loaded on first use)."""
    if name == "jieba":
        return JiebaSegmenter()
    if name == "pkuseg":
        if not model_dir:
            raise ConfigError("the pkuseg segmenter needs a model directory")
        return PkusegSegmenter(Path(model_dir))
    raise ValueError(f"unknown segmenter {name!r} (jieba or pkuseg)")
