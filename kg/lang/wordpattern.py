"""A regular expression that finds any of a set of words, the longest one where several begin at one place.

Why not ``"|".join(sorted(words, key=len, reverse=True))``, which finds the same: Python's ``re`` tries such an
alternation one word after the other at every place whose character begins some word, so a list of a few hundred
names (the measures a report may name unquoted, the endings of a body's name) costs a few hundred comparisons at
every common character — ~0.7 ms of a report of 18 KB, a few per cent of its whole extraction. The same words as
a trie (放管服|放权 → 放(?:管服|权)) are one comparison per character read: the same matches, several times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # the key of a trie node that marks the end of a word


def words_pattern(words: Iterable[str]) -> str:
    """The source of a pattern matching any of ``words`` (non-empty strings, taken literally): at each place, the
    longest of them that stands there — what the alternation of the words, longest first, matches."""
    trie: dict = {}
    for word in words:
        if not word:
            raise ValueError("an empty word matches everywhere")
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _branches(trie) if trie else "(?!)"


def _branches(node: dict) -> str:
    """The pattern of what may follow a trie node: its children, longest first (a greedy optional group when a
    word also ends here, so a longer word is tried before the end)."""
    children = sorted(ch for ch in node if ch != _END)
    parts = [re.escape(ch) + _branches(node[ch]) for ch in children]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    if _END not in node:
        return body
    return f"(?:{body})?" if len(parts) > 1 or len(body) > 1 else f"{body}?"
