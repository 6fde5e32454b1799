"""Shared fixtures. The seeds graph is built once per test session (a few seconds) and shared read-only by the
linked-data tests; a test that needs to change it copies it first."""

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory) -> Path:
    """The output folder of `kg build seeds/` (graph.ttl, texts/, build-report.json; no HTML)."""
    from kg.build import BuildOptions, build

    out = tmp_path_factory.mktemp("seeds-build")
    result = build([SEEDS], out, BuildOptions(html=False))
    assert result.validation is not None and result.validation.conforms
    return out
