"""The exceptions the library raises. Each message is one line that names the file or value and the problem,
and no command-line flag: the CLI adds its own wording, a notebook user reads the message as it is.

Every one derives from :class:`KgError`, so ``except kg.KgError`` catches whatever fazhi-kg reports about its
input, while a bug still surfaces as an ordinary exception."""

from __future__ import annotations


class KgError(Exception):
    """Base class of the errors fazhi-kg reports about its input or configuration."""


class ReadError(KgError):
    """A file that cannot be read as a report. ``str(err)`` is the one-line reason (without the file name)."""


class ConfigError(KgError, ValueError):
    """An option that cannot work (a segmenter without its model, an unknown executor)."""


class BuildError(KgError):
    """The build cannot go on at all (nothing readable, or a skipped input in a strict build)."""


class GraphInvalid(BuildError):
    """The built graph violates the shapes; ``report`` holds every result (the message is one line)."""

    def __init__(self, message: str, report: object) -> None:
        super().__init__(message)
        self.report = report


class GraphError(KgError):
    """A graph file that cannot be loaded; the message names the file and the problem."""


class EvalError(KgError):
    """Gold or documents that cannot be evaluated; the message names the file."""
