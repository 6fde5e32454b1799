"""Write the plain tables of the shipped SKOS schemes that extraction reads (issue 16: extraction never imports
an RDF library): ``kg/data/measure_scheme.csv`` from ``ontology/measures.ttl`` and
``kg/data/indicator_scheme.csv`` from ``ontology/indicators.ttl``.

    python scripts/build_scheme_tables.py           # rewrite both tables
    python scripts/build_scheme_tables.py --check   # exit 1 when a table is out of date

tests/lang/test_schemes.py runs the same comparison, so an edited scheme with a stale table fails the tests.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.lang.schemes import TABLES, render_table  # noqa: E402
from kg.rdf.schemes import scheme_rows  # noqa: E402


def expected(name: str) -> str:
    return render_table(scheme_rows(ROOT / "ontology" / TABLES[name]), name)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    stale = []
    for name in TABLES:
        path = ROOT / "kg" / "data" / name
        text = expected(name)
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    for name in stale:
        print(f"kg/data/{name} is out of date: python scripts/build_scheme_tables.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
