"""How deeply a web page nests, measured before it is parsed: a page of 200,000 nested ``<div>`` (2.2 MB) takes
the HTML parser minutes, because an HTML parser's work per tag grows with the number of open elements (it looks
through them for the element a tag closes or is scoped by). Real pages nest tens of elements deep.

:func:`check_nesting` follows the open elements the way an HTML parser does, roughly and in one pass (void
elements, end tags that close what they match, the implied ends of ``p``, ``li``, ``dd``/``dt``, table cells, rows
and sections, ``option``; table parts outside a table ignored; misnested ``</b>``-like end tags leaving what is
inside open, as the parser reopens it; comments, script and style text skipped), and refuses a page whose open
elements ever exceed :data:`MAX_DEPTH`, or whose open elements summed over every start tag (the parser's work;
plus, in a ``<select>``, the options before each option, which the parser looks through) exceed :data:`MAX_WORK`.
"""

from __future__ import annotations

import re

from kg.read.errors import ReadError

MAX_DEPTH = 8_000  # elements inside one another (a real page: tens; 8,000 parse in ~0.15 s)
MAX_WORK = 50_000_000  # open elements summed over every start tag: ~0.2 s of parsing (a real page: a few million)


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TAG = re.compile(r"<!--|<(/?)([A-Za-z][^\s/<>]*)([^<>]*)>")
_VOID = _names(
    "area base basefont bgsound br col embed frame hr image img input keygen link meta param source track wbr"
)
_IGNORED = _names("html head body")  # a repeated one is merged into the first, never nested
_RAW = _names("script style textarea title xmp iframe noembed noframes plaintext")
_CLOSES_P = _names(
    "address article aside blockquote center dd details dialog dir div dl dt fieldset figcaption figure footer li "
    "form h1 h2 h3 h4 h5 h6 header hgroup hr listing main menu nav ol p pre search section summary table "
    "ul xmp"
)
_SCOPE = _names("applet caption html table td th marquee object template")  # an end tag's scope
_BUTTON_SCOPE = _SCOPE | {"button"}
_SPECIAL = (  # what stops an li/dd/dt from closing an earlier one (the parser's "special" elements but address, div, p)
    _SCOPE
    | _VOID
    | _names(
        "article aside blockquote body button center dd details dir dl dt fieldset figcaption figure footer "
        "form frameset h1 h2 h3 h4 h5 h6 head header hgroup iframe li listing main menu nav noembed noframes "
        "noscript ol plaintext pre script search section select style summary tbody textarea tfoot thead "
        "title tr ul xmp"
    )
)
_SECTIONS = ("tbody", "thead", "tfoot")
_TABLE_PARTS = _names("caption colgroup tbody td tfoot th thead tr")  # ignored by the parser outside a table
# An end tag of these, misnested (another element still open inside), leaves what is inside open: the parser
# reopens it (the "adoption agency"), so <i><b>x</i> repeated nests b and i ever deeper.
_FORMATTING = _names("a b big code em font i nobr s small strike strong tt u")
# Start tags that may open nothing or close something first; any other (span, a, font, …) is simply pushed.
_NOT_PLAIN = _VOID | _IGNORED | _TABLE_PARTS | _CLOSES_P | _names("li dd dt option optgroup")


class _Open:
    """The stack of open elements, with the positions of each name and of each kind of scope boundary."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.where: dict[str, list[int]] = {}
        self.marks: dict[frozenset, list[int]] = {_SCOPE: [], _BUTTON_SCOPE: [], _SPECIAL: []}
        self._kinds: dict[str, tuple[list[int], ...]] = {}  # name → the marks it is counted in

    def last(self, name: str) -> int:
        where = self.where.get(name)
        return where[-1] if where else -1

    def last_of(self, *names: str) -> int:
        return max(map(self.last, names))

    def mark(self, kind: frozenset) -> int:
        marks = self.marks[kind]
        return marks[-1] if marks else -1

    def _marks_of(self, name: str) -> tuple[list[int], ...]:
        kinds = self._kinds.get(name)
        if kinds is None:
            kinds = self._kinds[name] = tuple(marks for kind, marks in self.marks.items() if name in kind)
        return kinds

    def push(self, name: str) -> None:
        at = len(self.names)
        self.names.append(name)
        where = self.where.get(name)
        if where is None:
            self.where[name] = [at]
        else:
            where.append(at)
        for marks in self._marks_of(name):
            marks.append(at)

    def pop_to(self, at: int) -> None:
        """Close the element at ``at`` and every element opened inside it."""
        names, where = self.names, self.where
        while len(names) > at:
            name = names.pop()
            where[name].pop()
            for marks in self._marks_of(name):
                marks.pop()


def _close_implied(stack: _Open, name: str) -> None:
    """Close what a start tag ``name`` ends without an end tag (an open p, the previous li, cell, row …)."""
    if name in _CLOSES_P and stack.last("p") > stack.mark(_BUTTON_SCOPE):
        stack.pop_to(stack.last("p"))
    if name == "li" and stack.last("li") >= max(stack.mark(_SPECIAL), 0):
        stack.pop_to(stack.last("li"))
    elif name in ("dd", "dt") and stack.last_of("dd", "dt") >= max(stack.mark(_SPECIAL), 0):
        stack.pop_to(stack.last_of("dd", "dt"))
    elif name in ("td", "th") and stack.last_of("td", "th") > stack.last_of("table", "tr"):
        stack.pop_to(stack.last_of("td", "th"))
    elif name == "tr" and stack.last("tr") > stack.last_of("table", *_SECTIONS):
        stack.pop_to(stack.last("tr"))
    elif name in _SECTIONS and stack.last_of(*_SECTIONS) > stack.last("table"):
        stack.pop_to(stack.last_of(*_SECTIONS))
    elif name in ("option", "optgroup") and stack.names and stack.names[-1] == "option":
        stack.pop_to(len(stack.names) - 1)


def _close(stack: _Open, name: str) -> None:
    """An end tag: close the element it names and everything inside it, when that element is open in scope."""
    at = stack.last(name)
    scope = stack.last("table") if name in _TABLE_PARTS or name == "table" else stack.mark(_SCOPE)
    if name in _IGNORED or at < 0 or at < scope:
        return
    if name in _FORMATTING and at != len(stack.names) - 1:
        return  # misnested: what is inside stays open (see _FORMATTING)
    stack.pop_to(at)


def _start(stack: _Open, name: str) -> bool:
    """A start tag of :data:`_NOT_PLAIN`: close what it ends; False when it opens nothing."""
    if name in _VOID or name in _IGNORED or (name in _TABLE_PARTS and stack.last("table") < 0):
        return False
    _close_implied(stack, name)
    return True


def check_nesting(source: str) -> None:
    """Raise :class:`ReadError` when the page nests deeper than the parser can take in reasonable time."""
    tags_at_most = source.count("<")
    if tags_at_most * (tags_at_most + 1) <= MAX_WORK and tags_at_most <= MAX_DEPTH:
        return  # too few tags to reach either limit (most pages): not worth the walk
    stack = _Open()
    names = stack.names
    work = tags = options = pos = 0
    for m in _TAG.finditer(source):
        if m.start() < pos:  # inside a comment or a script skipped below
            continue
        closing, name = m.group(1, 2)
        if name is None:  # a comment
            pos = source.find("-->", m.end())
            if pos < 0:
                return
            continue
        name = name.lower()
        if closing:
            _close(stack, name)
            continue
        if name in _RAW:
            end = re.compile(rf"</{re.escape(name)}\b", re.I).search(source, m.end())
            if end is None or name == "plaintext":
                return
            pos = end.start()
            continue
        if name in _NOT_PLAIN and not _start(stack, name):
            continue
        stack.push(name)
        tags += 1
        work += len(names)
        if name == "select":
            options = 0
        elif name == "option" and stack.last("select") >= 0:
            options += 1  # the parser looks through a select's options at each new one
            work += options
        if len(names) > MAX_DEPTH:
            raise ReadError(f"web page nested too deeply (over {MAX_DEPTH} elements inside one another): not parsed")
        if work > MAX_WORK:
            raise ReadError(
                f"web page too costly to parse ({tags} elements, each inside {work // tags} others on average; "
                f"limit {MAX_WORK} in all): not parsed"
            )
