"""Access to shipped data: ``kg/data/*`` tables and the ``ontology/`` Turtle files.

Nothing is downloaded at run time; everything the extractors need is here, read once per process.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from pathlib import Path

import kg

_SOURCE_ONTOLOGY = Path(kg.__file__).resolve().parent.parent / "ontology"


def data_text(name: str) -> str:
    return resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a word-list file."""
    return [ln.strip() for ln in data_text(name).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@cache
def data_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a CSV table; a line starting with ``#`` is a comment (quote a value that starts with #)."""
    lines = [ln for ln in data_text(name).splitlines(keepends=True) if not ln.startswith("#")]
    return tuple(csv.DictReader(io.StringIO("".join(lines))))


def ontology_path(name: str) -> Path:
    """Path of an ontology file: the checkout's ``ontology/`` or, installed, the ``kg.ontology`` package."""
    local = _SOURCE_ONTOLOGY / name
    if local.is_file():
        return local
    return Path(str(resources.files("kg.ontology").joinpath(name)))
