"""Word segmentation behind one interface, loaded once per process.

Segmentation is the slow stage (jieba.lcut ~1 MB/s, posseg ~0.2 MB/s per core), so extractors find candidates
with regexes and dictionaries first and ask the segmenter only about the short clauses that need it; the jieba
backend tags those with its own copy of posseg's dictionary route (:class:`_Tagger`, same answers, ~2.4× faster),
and a build asks through a :class:`DocumentMemo`, so a window repeated within a report is tagged once.

Backends:
* ``jieba`` (default): a private :class:`jieba.Tokenizer` with a domain user dictionary generated from the
  shipped vocabularies, so that 行政复议, 综合行政执法, 双随机、一公开 stay whole. The loaded dictionary is saved in
  the user's cache folder (``$XDG_CACHE_HOME/fazhi-kg``, else ``~/.cache/fazhi-kg``), as jieba saves its own in the
  temporary folder: the next process reads it in a third of the time it takes to make (:func:`_dictionary`).
* ``pkuseg``: spacy-pkuseg with a model directory the user supplies (its PyPI wheel ships none, and nothing
  here ever downloads one).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import math
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from kg.errors import ConfigError
from kg.fsutil import atomic_write_bytes
from kg.lang.wordpattern import words_pattern
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
    return _pos_over(tokenizer, dict(default.word_tag_tab))


def _pos_over(tokenizer, tags: dict[str, str]):
    """A jieba POS tagger over ``tokenizer`` with ``tags`` as its table, made without reading a dictionary file
    (``POSTokenizer.__init__`` would)."""
    import jieba.posseg  # noqa: PLC0415

    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer, pos.word_tag_tab = tokenizer, tags
    return pos


# jieba.posseg's patterns for the parts between Han runs, as that module defines them. They are repeated here
# because importing jieba.posseg reads its own tag dictionary (~0.8 s, in every worker process), which a tagger
# loaded from the saved state (:func:`_dictionary`) never needs; tests/test_segment_tagger.py checks they are
# jieba's.
JIEBA_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._]+)")
JIEBA_SKIP = re.compile("(\r\n|\\s)")
JIEBA_ENG = re.compile("[a-zA-Z0-9]+")
JIEBA_NUM = re.compile("[\\.0-9]+")


class _Tagger:
    """``jieba.posseg.POSTokenizer.lcut(text, HMM=False)`` in one function: the same words and tags (the same
    dictionary, the same route scores computed in the same order, ties to the longer word, jieba's own
    patterns for the parts between Han runs), about twice as fast. The extractors tag ~200 short windows per
    report, where jieba's generators, ``pair`` objects and separate DAG and route passes cost more than the
    route itself; ``tests/test_segment_tagger.py`` checks it against jieba on every window of real reports.
    ``tags``: every word's tag, the user words' merged in (as jieba's tagger holds them once it has run)."""

    def __init__(self, freq: dict[str, int], total: int, tags: dict[str, str]) -> None:
        self._freq = freq
        self._logtotal = math.log(total)
        self._tags = tags
        self._han, self._skip = JIEBA_HAN, JIEBA_SKIP
        self._num, self._eng = JIEBA_NUM, JIEBA_ENG

    def tag(self, text: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for block in self._han.split(text):
            if not block:
                continue
            if self._han.match(block):
                self._tag_han(block, out)
                continue
            for piece in self._skip.split(block):
                if self._skip.match(piece):
                    out.append((piece, "x"))
                    continue
                eng = self._eng.match(piece)
                out += [(ch, "m" if self._num.match(ch) else "eng" if eng else "x") for ch in piece]
        return out

    def _route(self, block: str) -> list[int]:
        """For each position, the end of the word the best route takes there (jieba's ``get_DAG`` and ``calc``)."""
        get, logtotal, log = self._freq.get, self._logtotal, math.log
        n = len(block)
        score = [0.0] * n + [0]
        end = [0] * n
        for k in range(n - 1, -1, -1):
            best, best_end = None, k
            i = k
            f = get(block[k])
            while f is not None:  # a word or the prefix of one (frequency 0) starts at k
                if f:
                    s = log(f) - logtotal + score[i + 1]
                    if best is None or s >= best:  # max() of (score, end): a tie goes to the longer word
                        best, best_end = s, i
                i += 1
                if i == n:
                    break
                f = get(block[k : i + 1])
            if best is None:
                best = log(get(block[k]) or 1) - logtotal + score[k + 1]
            score[k], end[k] = best, best_end
        return end

    def _tag_han(self, block: str, out: list[tuple[str, str]]) -> None:
        """jieba's ``__cut_DAG_NO_HMM``: the route's words, runs of single ASCII letters and digits joined as one
        ``eng`` word."""
        end, tags = self._route(block), self._tags
        x, n, buf = 0, len(block), ""
        while x < n:
            y = end[x] + 1
            word = block[x:y]
            if y - x == 1 and word < "\x80" and word.isalnum():
                buf += word
            else:
                if buf:
                    out.append((buf, "eng"))
                    buf = ""
                out.append((word, tags.get(word, "x")))
            x = y
        if buf:
            out.append((buf, "eng"))


def _with_words(tok, words: list[tuple[str, str]]) -> dict[str, str]:
    """``tok`` loaded with jieba's dictionary and ``words`` (in that order: a word's frequency is suggested from
    the words before it); returns every word's tag, as jieba's POS tagger over ``tok`` holds them."""
    tok.initialize()
    for word, tag in words:
        tok.add_word(word, freq=None, tag=tag)
    pos = _pos_tokenizer(tok)
    pos.makesure_userdict_loaded()  # jieba merges the user words' tags on first use; no word is added later
    return pos.word_tag_tab


def _state_path(tok, words: list[tuple[str, str]]) -> Path:
    """Where the loaded dictionary of ``tok`` with ``words`` is kept: named by a hash of what makes it (jieba's
    version and dictionary file, the words), in the user's cache folder."""
    import jieba  # noqa: PLC0415

    dictionary = tok.dictionary or str(Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME))
    st = os.stat(dictionary)
    made_of = repr(("freq-total-tags", jieba.__version__, dictionary, st.st_size, st.st_mtime_ns, words))
    made_of = made_of.encode("utf-8")
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "fazhi-kg"
    return folder / f"jieba-{hashlib.sha256(made_of).hexdigest()[:32]}.marshal"


_STATES_KEPT = 3  # saved dictionaries kept (~10 MB each): other versions of the words, used side by side


def _prune(folder: Path) -> None:
    """Remove all but the newest :data:`_STATES_KEPT` saved dictionaries (each change of a word list makes one)."""
    saved = sorted(folder.glob("jieba-*.marshal"), key=lambda f: f.stat().st_mtime_ns, reverse=True)
    for old in saved[_STATES_KEPT:]:
        old.unlink(missing_ok=True)


def _dictionary(tok, words: list[tuple[str, str]]) -> dict[str, str]:
    """:func:`_with_words`, from the state a process saved before when there is one: ``tok`` loaded, and every
    word's tag returned. Why: jieba reads its own cache with ``marshal.load`` on a file (~1 s), then each word is
    added (~0.15 s), and importing jieba.posseg reads the tags of its dictionary file (~0.8 s); ``marshal.loads``
    of the word frequencies with the words added and of the tags, read at once, takes ~0.5 s, in every worker
    process of every build. The tags are saved under the very key strings of the frequencies (marshal writes a
    string it has written once as a reference), so the loaded table shares them. marshal, not pickle: loading it
    runs no code. A state that cannot be read or saved is made again."""
    path = None
    try:
        path = _state_path(tok, words)  # (no home folder, or jieba's dictionary not a file: made, not saved)
        freq, total, tags = marshal.loads(path.read_bytes())
        if not (isinstance(freq, dict) and isinstance(total, int) and isinstance(tags, dict)):
            raise ValueError(path)
    except (OSError, RuntimeError, EOFError, ValueError, TypeError):
        made = _with_words(tok, words)
        kinds: dict[str, str] = {}  # one string per tag
        tags = {word: kinds.setdefault(made[word], made[word]) for word in tok.FREQ if word in made}
        if path is not None:
            with contextlib.suppress(OSError):
                path.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(path, marshal.dumps((tok.FREQ, tok.total, tags)))
                _prune(path.parent)
        return tags
    tok.FREQ, tok.total, tok.initialized = freq, total, True
    return tags


class JiebaSegmenter:
    """jieba with the domain dictionary. jieba cuts at every punctuation mark before it looks at its dictionary,
    so a name with a 、 inside (双随机、一公开) is protected: its 、 is swapped for a placeholder character while
    cutting and swapped back in the words."""

    name = "jieba"

    def __init__(self) -> None:
        import jieba  # noqa: PLC0415

        jieba.setLogLevel(logging.WARNING)
        words, protected = [], []
        for word, tag in domain_words():
            if "、" in word:
                protected.append(word)
            words.append((word.replace("、", _PLACEHOLDER), tag))
        self._tok = jieba.Tokenizer()
        self._tags = _dictionary(self._tok, words)
        self._protect = re.compile(words_pattern(protected)) if protected else None
        self._tagger = _Tagger(self._tok.FREQ, self._tok.total, self._tags)

    def jieba_tagger(self):
        """jieba.posseg's own tagger over this segmenter's words and tags: what :meth:`tag` answers as, for tests
        (it imports jieba.posseg, which the segmenter itself never needs)."""
        return _pos_over(self._tok, self._tags)

    def _hide(self, text: str) -> str:
        if self._protect is None or "、" not in text:
            return text
        return self._protect.sub(lambda m: m.group().replace("、", _PLACEHOLDER), text)

    def cut(self, text: str) -> list[str]:
        hidden = self._hide(text)
        words = self._tok.lcut(hidden, HMM=True)
        return [w.replace(_PLACEHOLDER, "、") for w in words] if _PLACEHOLDER in hidden else words

    def tag(self, text: str) -> list[tuple[str, str]]:
        """Words with POS tags, without jieba's HMM for unknown words: the extractors tag only short windows
        (a name before its ending, a clause before a number), where an unknown word falling apart into
        characters costs little, and the HMM would double the time of the whole extraction. The words and tags
        of ``jieba.posseg`` (``lcut(text, HMM=False)``), by :class:`_Tagger`."""
        hidden = self._hide(text)
        words = self._tagger.tag(hidden)
        if _PLACEHOLDER not in hidden:
            return words  # (nothing hidden: most windows)
        return [(word.replace(_PLACEHOLDER, "、"), flag) for word, flag in words]


class DocumentMemo:
    """A segmenter's answers remembered for ONE document: make one per document and drop it after (``kg.build``
    does, per input). A report asks about the same short windows again (a body named in several paragraphs, the
    same clause before two figures): about a tenth of the tagged text of a real report repeats within it.

    Never share one across documents or keep it for a process: memory would grow with the corpus, and the
    synthetic benchmark (``scripts/synth.py`` recombines the same paragraphs across reports) would then measure
    the memo, not the segmenter. Callers get their own copy of each list."""

    def __init__(self, segmenter: Segmenter) -> None:
        self.name = segmenter.name
        self._segmenter = segmenter
        self._cuts: dict[str, list[str]] = {}
        self._tags: dict[str, list[tuple[str, str]]] = {}

    def cut(self, text: str) -> list[str]:
        words = self._cuts.get(text)
        if words is None:
            words = self._cuts[text] = self._segmenter.cut(text)
        return list(words)

    def tag(self, text: str) -> list[tuple[str, str]]:
        words = self._tags.get(text)
        if words is None:
            words = self._tags[text] = self._segmenter.tag(text)
        return list(words)


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
