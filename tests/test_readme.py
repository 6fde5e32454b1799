"""The README's SPARQL examples ("For SPARQL users") are true: each query block shows its query file verbatim
and exactly the rows `kg query FILE --format csv` returns on a fresh build of the seeds."""

import importlib.util
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("readme_queries", ROOT / "scripts" / "readme_queries.py")
readme_queries = importlib.util.module_from_spec(spec)
spec.loader.exec_module(readme_queries)

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = {m.group("path"): m.group("body") for m in readme_queries.blocks(README)}


def test_the_readme_has_five_query_blocks_with_their_files():
    assert len(BLOCKS) == 5
    assert all((ROOT / path).is_file() for path in BLOCKS)


@pytest.mark.parametrize("path", sorted(BLOCKS))
def test_each_readme_query_shows_its_file_and_exactly_its_rows_on_the_seeds(seeds_out, path):
    body = BLOCKS[path]
    shown_query = re.search(r"```sparql\n(.*?)\n```", body, re.S).group(1)
    assert shown_query == (ROOT / path).read_text(encoding="utf-8").rstrip()
    result = CliRunner().invoke(main, ["query", str(ROOT / path), "--graph", str(seeds_out / "graph.ttl"),
                                       "--format", "csv"])
    assert result.exit_code == 0, result.output
    shown_rows = re.search(r"```csv\n(.*?)\n```", body, re.S).group(1)
    assert shown_rows == result.output.rstrip("\n"), f"{path}: run scripts/readme_queries.py --update"


def test_the_script_agrees_with_the_readme(seeds_out):
    new, _ = readme_queries.expected(README, seeds_out / "graph.ttl")
    assert new == README
