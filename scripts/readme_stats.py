"""Regenerate the `kg stats regulations --top 5` example in README.md from a fresh build of seeds/.

    python scripts/readme_stats.py          # rewrite the block between the markers
    python scripts/readme_stats.py --check  # exit 1 if the README is out of date

The numbers move as extraction improves, so the README block is regenerated rather than tested for its counts
(tests/test_readme.py checks only that it is the real command's table).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.cli import main as kg  # noqa: E402

BEGIN = "<!-- begin: kg stats regulations --top 5 (scripts/readme_stats.py) -->"
END = "<!-- end: kg stats regulations --top 5 -->"


def current_output() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        runner = CliRunner()
        built = runner.invoke(kg, ["build", str(ROOT / "seeds"), "-o", tmp, "-q", "--no-html"])
        if built.exit_code != 0:
            raise SystemExit(built.output)
        return runner.invoke(
            kg,
            ["stats", "regulations", "--top", "5", "--graph", str(Path(tmp) / "graph.ttl")],
            terminal_width=80,
            env={"COLUMNS": "80"},  # a table piped to a file is as wide as it needs; the README shows 80 columns
        ).stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    block = f"{BEGIN}\n```\n{current_output()}```\n{END}"
    new = re.sub(re.escape(BEGIN) + r".*?" + re.escape(END), lambda _: block, text, flags=re.S)
    if new == text:
        print("README.md is up to date")
        return
    if args.check:
        print("README.md's kg stats example is out of date: run python scripts/readme_stats.py")
        sys.exit(1)
    readme.write_text(new, encoding="utf-8")
    print("README.md updated")


if __name__ == "__main__":
    main()
