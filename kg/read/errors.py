"""How a file that cannot be read is reported: a :class:`~kg.errors.ReadError` whose message is one line, so that
a corpus crawl with broken files builds the rest and says what was wrong with each.

Its own module because every reader needs it and the readers must not import the package that registers them."""

from __future__ import annotations

from kg.errors import ReadError

__all__ = ["ReadError", "one_line"]


def one_line(exc: BaseException) -> str:
    """An exception as a short single line, for reasons in build-report.json."""
    msg = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {msg[:160]}" if msg else type(exc).__name__
