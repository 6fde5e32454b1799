"""Web pages (``.html``/``.htm``): the article body of a government page, without its navigation, scripts and
styles, one paragraph per block.

The page is decoded by its BOM, else its ``<meta charset>`` (when that declaration holds), else as a text file is;
the article is a known content container of the content systems Chinese government sites run (TRS, Hanweb, UCAP),
else the element whose paragraphs hold the most text (selectolax's lexbor parser: fast on large pages). A page nested
too deeply for the parser to finish in reasonable time is refused before it is parsed (:mod:`kg.read.nesting`)."""

from __future__ import annotations

import re

from kg.read.errors import ReadError, one_line
from kg.read.nesting import check_nesting
from kg.read.text import decode, looks_like_text

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "utf8": "utf-8"}
# Never article text: scripts and styles, and the page furniture around an article.
_HTML_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "canvas",
    "iframe",
    "object",
    "head",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "textarea",
    "menu",
)
# Containers that Chinese government sites (TRS, Hanweb, UCAP content systems) put the article in.
_HTML_ARTICLE = (
    "#zoom",
    "#Zoom",
    ".TRS_Editor",
    "#UCAP-CONTENT",
    ".article-content",
    ".article_content",
    "#article-content",
    ".pages_content",
    "#content",
    ".content",
    "article",
    "[role=main]",
    "main",
)
_HTML_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "blockquote",
    "pre",
    "hr",
    "center",
    "address",
    "figure",
    "figcaption",
    "caption",
    "title",
    "body",
    "html",
}
_HTML_CELL = {"td", "th"}
_WS = re.compile(r"[ \t\r\n\f\v]+")
_ARTICLE_MIN = 200  # characters: a smaller container is a teaser box, not the article


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode a web page: a BOM, else the ``<meta charset>`` it declares, else as text is decoded."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:2048]:
        return decode(data)
    m = _CHARSET.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii").lower()
        declared = _CHARSET_ALIASES.get(declared, declared)
        try:
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: fall back to detection
        else:
            if looks_like_text(text):
                return text, declared
    return decode(data)


def _html_text(node) -> str:
    """The text of an element, one paragraph per block (paragraph, heading, list item, table row; a blank line
    between them), runs of white space inside a block collapsed to one space as a browser shows them (so a table
    row's cells are separated by a space)."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _WS.sub(" ", "".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    stack: list[tuple[object, bool]] = [(node, False)]  # (node, leaving); iterative: pages can nest very deep
    while stack:
        n, leaving = stack.pop()
        tag = n.tag
        if leaving:
            if tag in _HTML_BLOCK:
                flush()
            elif tag in _HTML_CELL:
                current.append("\t")
            continue
        if tag == "-text":
            current.append(n.text_content or "")
            continue
        if tag in _HTML_DROP or tag.startswith("-"):  # comments, doctype
            continue
        if tag == "br":
            flush()
            continue
        if tag in _HTML_BLOCK:
            flush()
        stack.append((n, True))
        children = list(n.iter(include_text=True))
        stack.extend((c, False) for c in reversed(children))
    flush()
    return "\n\n".join(lines)


def _article_node(tree):
    """The element holding the article: a known content container, else the element whose paragraphs hold the
    most text (a small readability: each <p>'s text counts for its parent, half for its grandparent)."""
    body = tree.body
    if body is None:
        return None
    for selector in _HTML_ARTICLE:
        for node in tree.css(selector):
            if len(_WS.sub("", node.text(deep=True))) >= _ARTICLE_MIN:
                return node
    scores: dict[int, float] = {}
    nodes: dict[int, object] = {}
    order: dict[int, int] = {}
    for p in tree.css("p"):
        length = len(_WS.sub("", p.text(deep=True)))
        if length < 10:
            continue
        parent = p.parent
        for weight in (1.0, 0.5):
            if parent is None or parent.tag in ("html", "-undef"):
                break
            key = parent.mem_id
            if key not in nodes:
                nodes[key] = parent
                order[key] = len(order)  # ties go to the element met first, never to a memory address
            scores[key] = scores.get(key, 0.0) + length * weight
            parent = parent.parent
    if scores:
        best = max(scores, key=lambda k: (scores[k], -order[k]))
        if scores[best] >= _ARTICLE_MIN:
            return nodes[best]
    return body


def read_html(data: bytes) -> tuple[str, str]:
    """A web page's article text (with its heading when that sits outside the article) and the page's encoding."""
    from selectolax.lexbor import LexborHTMLParser  # noqa: PLC0415 - only for web pages

    source, encoding = decode_html(data)
    check_nesting(source)  # before the parser, whose work grows with the depth of the page
    try:
        tree = LexborHTMLParser(source)
    except Exception as exc:  # noqa: BLE001 - any parser failure is a corrupt page
        raise ReadError(f"corrupt HTML ({one_line(exc)})") from None
    for tag in _HTML_DROP:
        for node in tree.css(tag):
            node.decompose()
    article = _article_node(tree)
    if article is None:
        raise ReadError("corrupt HTML (no body)")
    text = _html_text(article)
    heading = None
    if article.css_first("h1") is None:
        h1 = tree.css_first("h1")
        if h1 is not None:
            heading = _WS.sub(" ", h1.text(deep=True)).strip()
    if heading and not text.startswith(heading):
        text = heading + "\n\n" + text
    if not text.strip():
        raise ReadError("no article text in the web page")
    return text, encoding
