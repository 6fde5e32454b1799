"""Keep the README's SPARQL examples true: every block between

    <!-- query: docs/queries/NAME.rq -->
    <!-- /query -->

is regenerated from the query file and its real output on the seeds (`kg query FILE --format csv`). The extractors
keep improving, so the documented rows are never typed by hand.

    python scripts/readme_queries.py            # check: exit 1 and name the blocks that are out of date
    python scripts/readme_queries.py --update   # rewrite the blocks in README.md
    python scripts/readme_queries.py --graph output/graph.ttl   # use a graph already built from seeds/

Without --graph the seeds are built into a temporary folder first. tests/test_readme.py runs the same check.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- query: (?P<path>[^ ]+\.rq) -->\n)(?P<body>.*?)(<!-- /query -->)", re.S)


def query_csv(graph: Path, query_file: Path) -> str:
    """What `kg query QUERY_FILE --graph GRAPH --format csv` prints."""
    from kg.query import format_rows, read_query, run_query  # noqa: PLC0415
    from kg.rdf.store import load_store  # noqa: PLC0415

    names, rows = run_query(load_store(graph), read_query(str(query_file)))
    return format_rows(names, rows, "csv")


def render(path: str, query: str, output: str) -> str:
    """The generated body of one block: the query, the command, and its output."""
    return (
        f"```sparql\n{query.rstrip()}\n```\n\n"
        f"`kg query {path} --format csv` on the seeds:\n\n"
        f"```csv\n{output.rstrip()}\n```\n"
    )


def blocks(text: str) -> list[re.Match]:
    return list(BLOCK.finditer(text))


def expected(text: str, graph: Path) -> tuple[str, list[str]]:
    """The README text with every query block regenerated against ``graph``, and the queries that return no
    rows (a poor example: worth a warning)."""
    empty: list[str] = []

    def body(m: re.Match) -> str:
        path = m.group("path")
        query_file = ROOT / path
        output = query_csv(graph, query_file)
        if output.count("\n") <= 1:
            empty.append(path)
        return m.group(1) + render(path, query_file.read_text(encoding="utf-8"), output) + m.group(4)

    return BLOCK.sub(body, text), empty


def build_seeds(folder: Path) -> Path:
    from kg.build import BuildOptions, build  # noqa: PLC0415

    build([ROOT / "seeds"], folder, BuildOptions(html=False))
    return folder / "graph.ttl"


def main() -> int:
    ap = argparse.ArgumentParser(description="Check or rewrite the README's SPARQL example outputs.")
    ap.add_argument("--update", action="store_true", help="rewrite README.md instead of checking it")
    ap.add_argument("--graph", type=Path, help="a graph built from seeds/ (default: build one in a temp folder)")
    args = ap.parse_args()
    text = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        graph = args.graph or build_seeds(Path(tmp))
        new, empty = expected(text, graph)
    stale = [
        m.group("path") for m, n in zip(blocks(text), blocks(new), strict=False) if m.group("body") != n.group("body")
    ]
    for path in empty:
        print(f"warning: {path} returns no rows on the seeds", file=sys.stderr)
    if args.update:
        if new != text:
            README.write_text(new, encoding="utf-8")
        print(f"README.md: {len(blocks(new))} query blocks, {len(stale)} rewritten")
        return 0
    for path in stale:
        print(f"README.md: the block of {path} is out of date (run scripts/readme_queries.py --update)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
