"""How a file that cannot be read is reported: a :class:`~kg.errors.ReadError` whose message is one line, so that
a corpus crawl with broken files builds the rest and says what was wrong with each.

Its own module because every reader needs it and the readers must not import the package that registers them."""

from __future__ import annotations

import re

from kg.errors import ReadError

__all__ = ["ReadError", "one_line"]

# "<_io.BytesIO object at 0x7f…>": a memory address differs between runs, and a reason must not.
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+\b")


def one_line(exc: BaseException) -> str:
    """An exception as a short single line, for reasons in build-report.json; the same on every run (the
    memory address in an object's repr is dropped).

    >>> import io
    >>> one_line(ValueError(f"Package not found at '{io.BytesIO()}'"))
    "ValueError: Package not found at '<_io.BytesIO object>'"
    """
    msg = _ADDRESS.sub("", " ".join(str(exc).split()))
    return f"{type(exc).__name__}: {msg[:160]}" if msg else type(exc).__name__
