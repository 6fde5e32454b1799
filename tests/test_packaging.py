"""What `pip install .` ships: every data and ontology file must be covered by the package-data globs, or an
installed kg fails at run time on a file that exists only in the checkout."""

import fnmatch
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent


def test_every_data_and_ontology_file_is_shipped():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    dirs = {"kg.data": ROOT / "kg" / "data", "kg.ontology": ROOT / config["package-dir"]["kg.ontology"]}
    for package, folder in dirs.items():
        globs = config["package-data"][package]
        for f in folder.iterdir():
            if f.is_file() and f.name != "__init__.py" and not f.name.startswith("."):
                assert any(fnmatch.fnmatch(f.name, g) for g in globs), f"{f} is not in package-data of {package}"
