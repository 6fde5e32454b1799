"""The README's "Python API" examples run, in order, as one notebook would run them."""

import re
from pathlib import Path

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
SECTION = re.search(r"^## Python API\n(.*?)^## ", README, re.S | re.M).group(1)
BLOCKS = re.findall(r"```python\n(.*?)```", SECTION, re.S)


def test_the_python_api_section_has_examples():
    assert len(BLOCKS) >= 4 and "kg.build_graph" in SECTION and "kg.extract_text" in SECTION


def test_every_python_api_example_runs_in_order():
    namespace: dict = {}
    for block in BLOCKS:
        exec(compile(block, "README.md (Python API)", "exec"), namespace)  # noqa: S102 - our own README
