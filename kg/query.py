"""SPARQL over a built graph (pyoxigraph, SPARQL 1.1): reading the query, checking it, running it, and the
output formats of ``kg query``.

The prefixes of :data:`kg.rdf.namespaces.PREFIXES` are predeclared: a query may use ``kg:`` or ``rdfs:`` without
declaring them, and a prefix the query declares itself wins. They are handed to the parser (never pasted before
the text), so an error names the user's own line and column. Queries are read-only (an update is refused with a
message that says so), and federated queries (``SERVICE``) are refused unless allowed, because they make this
machine send requests to any address the query names. ``kg serve`` checks queries with the same functions.

>>> check_query("SELECT ?r WHERE { ?r a kg:Report }")
>>> check_query("INSERT DATA { <urn:a> <urn:b> <urn:c> }")  # doctest: +ELLIPSIS
Traceback (most recent call last):
kg.query.QueryError: SPARQL updates (INSERT) are not supported: the graph is read-only; give a SELECT, ASK, ...
>>> sorted(undeclared_prefixes("PREFIX kg: <urn:x#> SELECT * WHERE { ?s ?p ?o }"))[:3]
['dct', 'kgr', 'owl']
"""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph

from kg.rdf.namespaces import PREFIXES, XSD
from kg.rdf.store import GraphError

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
QUERY_SUFFIXES = (".rq", ".sparql", ".txt")
_NEAR = 24  # characters of the query quoted in a syntax error

# Comments, strings and IRIs: blanked out before looking for keywords, so that a word inside them is not one.
_OPAQUE = re.compile(
    r"""\#[^\n]*
    | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\" | '''(?:[^'\\]|\\.|'(?!''))*'''
    | "(?:[^"\\\n]|\\.)*" | '(?:[^'\\\n]|\\.)*'
    | <[^<>"{}|^`\\\x00-\x20]*>""",
    re.X | re.S,
)
_PROLOGUE = re.compile(r"\s*(?:(?:BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)\s*)*([A-Za-z]*)", re.I)
_DECLARED = re.compile(r"(?<![\w:?$])PREFIX\s+([^\s:]*):", re.I)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.I)
_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
_PNAME_BEFORE = re.compile(r"([A-Za-z\u00C0-\uFFFD][\w.\-\u00B7-\uFFFD]*)?:[^\s:(){}\[\],;/|^<>\"']*$")


class QueryError(GraphError):
    """A query that cannot be run: a syntax error (with the user's own line and column), an update, a SERVICE
    call that is not allowed, or a failure while evaluating it. The message is one line."""


def read_query(query_or_file: str) -> str:
    """The query text: the contents of the file ``query_or_file`` names when it is an existing file, else the
    argument itself. A one-line argument that looks like a query file name but names none is an error rather than
    a query (``q.rq: no such query file``); a file that is not UTF-8 text is a one-line error too."""
    one_line = len(query_or_file) < 4096 and "\n" not in query_or_file and "\x00" not in query_or_file
    path = Path(query_or_file)
    try:  # a long one-line query is no file name: the system says so with an error
        kind = ("dir" if path.is_dir() else "file" if path.is_file() else None) if one_line else None
    except OSError:
        kind = None
    if kind == "dir":
        raise QueryError(f"{path}: a folder, not a query file")
    if kind == "file":
        try:
            return path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise QueryError(
                f"{path}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})"
            ) from None
        except OSError as exc:
            raise QueryError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if one_line and path.suffix.lower() in QUERY_SUFFIXES and query_form(query_or_file) not in QUERY_FORMS:
        raise QueryError(f"{path}: no such query file")
    return query_or_file


def masked(query: str) -> str:
    """``query`` with its comments, strings and IRIs blanked (same length, newlines kept): what is left are
    keywords, names and punctuation."""

    def blank(m: re.Match) -> str:
        text = m.group(0)
        inner = re.sub(r"[^\n]", " ", text[1:-1])
        return ("<" + inner + ">") if text.startswith("<") else re.sub(r"[^\n]", " ", text)

    return _OPAQUE.sub(blank, query)


def query_form(query: str) -> str:
    """The first keyword after the prologue (PREFIX and BASE declarations), upper-cased: SELECT, ASK, …

    >>> query_form("# a comment\\nPREFIX x: <urn:x#> select * where { ?s ?p ?o }")
    'SELECT'
    """
    return _PROLOGUE.match(masked(query)).group(1).upper()


def declared_prefixes(query: str) -> set[str]:
    """The prefixes ``query`` declares itself (``PREFIX p: <…>``)."""
    return set(_DECLARED.findall(masked(query)))


def undeclared_prefixes(query: str) -> dict[str, str]:
    """The predeclared prefixes ``query`` does not declare itself."""
    own = declared_prefixes(query)
    return {p: ns for p, ns in PREFIXES.items() if p not in own}


def uses_service(query: str) -> bool:
    """Whether ``query`` calls another endpoint (``SERVICE``), outside comments, strings and IRIs.

    >>> uses_service("SELECT ?service WHERE { ?s kg:service ?o } # SERVICE")
    False
    """
    return bool(_SERVICE.search(masked(query)))


def with_predeclared(query: str) -> tuple[str, int]:
    """``query`` with the predeclared prefixes it does not declare itself written before it, on its first line
    (so that its line numbers stay its own), and how many characters were put before it: for a SPARQL server,
    which cannot be handed prefixes.

    >>> text, shift = with_predeclared("ASK { ?s a kg:Report }")
    >>> text[shift:], text.startswith("PREFIX "), len(text.splitlines())
    ('ASK { ?s a kg:Report }', True, 1)
    """
    head = "".join(f"PREFIX {p}: <{ns}> " for p, ns in undeclared_prefixes(query).items())
    return head + query, len(head)


def check_query(query: str, allow_service: bool = False) -> None:
    """Refuse, with a one-line :class:`QueryError`, an update, a text that is no query form, and (unless
    ``allow_service``) a federated query. Syntax is checked by :func:`parse_error` when the query is parsed."""
    form = query_form(query)
    if form in UPDATE_FORMS:
        raise QueryError(
            f"SPARQL updates ({form}) are not supported: the graph is read-only; "
            "give a SELECT, ASK, CONSTRUCT or DESCRIBE query"
        )
    if form not in QUERY_FORMS:
        shown = f"{form!r}" if form else "nothing"
        raise QueryError(
            f"a SPARQL query starts with SELECT, ASK, CONSTRUCT or DESCRIBE (after its PREFIX lines), not {shown}"
        )
    if not allow_service and uses_service(query):
        raise QueryError(
            "SERVICE (a federated query) is not allowed: it would send requests to the address it names; "
            "query this graph only, or allow SERVICE explicitly"
        )


def _expected(message: str) -> str:
    """The tokens pyoxigraph says it expected, without its character-class dumps."""
    if not message.startswith("expected"):
        return message.splitlines()[0]
    body = message.partition("expected")[2].strip().removeprefix("one of")
    items = re.findall(r'"[^"]*"|\[[^\]]*\]|[A-Za-z][A-Za-z ]*[A-Za-z]', body)
    words = [i for i in items if not i.startswith("[") and i != "Prefix not found"]
    return ("expected " + ", ".join(words)) if words else "unexpected text"


def parse_error(query: str, error: SyntaxError | str, shift: int = 0) -> str:
    """A one-line message for Oxigraph's syntax error on ``query``: the user's line and column, what was
    expected (or which prefix is unknown) and the text there. ``shift``: characters the parser saw before the
    query on its first line (:func:`with_predeclared`)."""
    text = str(error).strip()
    found = _POSITION.match(text.replace("Error at", "error at", 1))
    if not found:
        return f"SPARQL syntax error: {text.splitlines()[0] if text else type(error).__name__}"
    line_no, col, message = int(found.group(1)), int(found.group(2)), found.group(3)
    col = col - shift if line_no == 1 else col
    lines = query.split("\n")
    line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    where = f"SPARQL syntax error at line {line_no}, column {col}"
    if "Prefix not found" in message:
        pname = _PNAME_BEFORE.search(line[: col - 1])
        if pname:  # named where the prefixed name starts, not after it where the parser stopped
            prefix, start = pname.group(1) or "", pname.start() + 1
            known = ", ".join(f"{p}:" for p in sorted(PREFIXES))
            return (
                f"SPARQL syntax error at line {line_no}, column {start}: unknown prefix '{prefix}:' in "
                f"{pname.group(0)!r} (declare it with PREFIX {prefix}: <…>; predeclared: {known})"
            )
    rest = line[col - 1 :].strip() if col - 1 < len(line) else ""
    if rest:
        near = f" (before {rest[:_NEAR]!r}{'…' if len(rest) > _NEAR else ''})"
    else:
        near = " (the end of the query)" if line_no >= len(lines) else " (the end of the line)"
    return f"{where}{near}: {_expected(message)}"


@dataclass
class Result:
    """What a query returned: ``kind`` "select" (``variables``, ``rows`` of pyoxigraph terms or None), "ask"
    (``boolean``) or "graph" (CONSTRUCT/DESCRIBE: rows of subject, predicate, object)."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[list[object]] = field(default_factory=list)
    boolean: bool | None = None

    def lexical(self) -> tuple[list[str], list[list[str]]]:
        """Column names and rows of lexical values ("" when unbound; ASK: one column ``ask``)."""
        if self.kind == "ask":
            return ["ask"], [[str(self.boolean).lower()]]
        return self.variables, [[_lexical(t) for t in row] for row in self.rows]


def _lexical(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.Triple):
        return f"<< {_lexical(term.subject)} {_lexical(term.predicate)} {_lexical(term.object)} >>"
    return term.value


def execute(store: pyoxigraph.Store, query: str, allow_service: bool = False) -> Result:
    """Check ``query`` (:func:`check_query`), run it with our prefixes predeclared and read every result.
    Every failure is a one-line :class:`QueryError`."""
    check_query(query, allow_service)
    try:
        result = store.query(query, prefixes=PREFIXES)
        if isinstance(result, pyoxigraph.QueryBoolean):
            return Result("ask", boolean=bool(result))
        if isinstance(result, pyoxigraph.QueryTriples):
            rows = [[t.subject, t.predicate, t.object] for t in result]
            return Result("graph", ["subject", "predicate", "object"], rows)
        names = [v.value for v in result.variables]
        return Result("select", names, [[s[n] for n in names] for s in result])
    except SyntaxError as exc:
        raise QueryError(parse_error(query, exc)) from None
    except (OSError, ValueError, RuntimeError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise QueryError(f"the query could not be evaluated: {first}") from None


def run_query(store: pyoxigraph.Store, query: str, allow_service: bool = False) -> tuple[list[str], list[list[str]]]:
    """Run SELECT/ASK/CONSTRUCT/DESCRIBE; returns (column names, rows of lexical values)."""
    return execute(store, query, allow_service).lexical()


def term_json(term: object) -> dict:
    """One RDF term as in the W3C SPARQL 1.1 Query Results JSON Format (``type``, ``value``, ``datatype`` or
    ``xml:lang``; a quoted triple as ``type`` "triple", as SPARQL 1.2 writes it)."""
    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, pyoxigraph.Triple):
        parts = ("subject", "predicate", "object")
        return {"type": "triple", "value": {p: term_json(getattr(term, p)) for p in parts}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD + "string":
        out["datatype"] = term.datatype.value
    return out


def sparql_json(result: Result) -> str:
    """``result`` in the W3C SPARQL 1.1 Query Results JSON Format (a CONSTRUCT/DESCRIBE result as the bindings
    of ``subject``, ``predicate`` and ``object``)."""
    if result.kind == "ask":
        doc: dict = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [
            {name: term_json(t) for name, t in zip(result.variables, row, strict=True) if t is not None}
            for row in result.rows
        ]
        doc = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def format_rows(names: list[str], rows: list[list[str]], fmt: str = "csv") -> str:
    """Rows of lexical values as CSV (``fmt`` "csv", the only one: JSON is :func:`sparql_json`)."""
    if fmt != "csv":
        raise ValueError(f"unknown format {fmt!r}")
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(names)
    writer.writerows(rows)
    return buf.getvalue()


def format_result(result: Result, fmt: str) -> str:
    """``result`` as "csv" (lexical values) or "json" (W3C SPARQL 1.1 Query Results JSON)."""
    if fmt == "json":
        return sparql_json(result)
    return format_rows(*result.lexical(), fmt)


def protocol_query(method: str, target: urllib.parse.SplitResult, content_type: str, body: bytes):
    """The query of a SPARQL protocol request (GET ``?query=``, or POST as ``application/sparql-query`` or a
    form) and a function that gives the request's (path, body) with another query in its place; (None, None) when
    the request holds no query. A body that is not UTF-8 raises UnicodeDecodeError."""
    params = urllib.parse.parse_qsl(target.query, keep_blank_values=True)
    form = method == "POST" and content_type == "application/x-www-form-urlencoded"
    if form:
        params = urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True)
    if method == "POST" and content_type == "application/sparql-query":
        return body.decode("utf-8"), lambda q: (target.path + ("?" + target.query if target.query else ""), q.encode())
    query = next((v for k, v in params if k == "query"), None)

    def rebuild(q: str) -> tuple[str, bytes | None]:
        encoded = urllib.parse.urlencode([(k, q if k == "query" else v) for k, v in params])
        return (target.path, encoded.encode()) if form else (f"{target.path}?{encoded}", body or None)

    return (query, rebuild) if query is not None else (None, None)
