"""The records' JSON form (kg.model.to_json / extraction_from_json): the extraction cache and the workers' replies
are this JSON, so it must be exactly what the dataclasses hold — Decimals as exact strings, tuples as lists —
and read back to equal records."""

import dataclasses
import json
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from kg.extract import extract
from kg.model import extraction_from_json, to_json, to_json_text
from kg.read import read_bytes
from kg.segment import get_segmenter

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def reference(value):
    """The JSON form spelled out with dataclasses.asdict's own walk."""
    if isinstance(value, Decimal):
        return str(value)
    if dataclasses.is_dataclass(value):
        return {f.name: reference(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [reference(v) for v in value]
    return value


def test_an_extractions_json_is_its_fields_with_exact_decimals_and_reads_back_equal():
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        ex = extract(read_bytes(path.read_bytes(), path.name, "txt", 10**8), get_segmenter())
        plain = to_json(ex)
        assert plain == reference(ex) and list(plain) == [f.name for f in dataclasses.fields(ex)]
        assert extraction_from_json(plain) == ex and any(isinstance(f["value"], str) for f in plain["figures"])


class Kind(StrEnum):
    LAW = "law"


class Pair(NamedTuple):
    a: int
    b: Decimal


@dataclasses.dataclass
class Record:
    kind: Kind
    pair: Pair
    items: tuple
    table: dict
    flag: bool = True
    ratio: float = 0.5


def test_subclasses_of_plain_types_keep_their_json_form():
    record = Record(Kind.LAW, Pair(1, Decimal("2.50")), (Decimal("1E+3"), None), {"k": [1]})
    assert to_json(record) == reference(record)
    assert to_json(record) == {
        "kind": "law",
        "pair": [1, "2.50"],
        "items": ["1E+3", None],
        "table": {"k": [1]},
        "flag": True,
        "ratio": 0.5,
    }


def _json_module(value) -> str:
    return json.dumps(to_json(value), ensure_ascii=False, separators=(",", ":"))


def test_the_json_text_of_a_record_is_what_the_json_module_writes_of_its_plain_form():
    record = Record(Kind.LAW, Pair(1, Decimal("2.50")), (Decimal("1E+3"), None, '引号"\n\u2028'), {"k": [1]})
    assert to_json_text(record) == _json_module(record)


def test_the_json_text_of_every_extraction_of_the_dev_texts_is_what_the_json_module_writes():
    segmenter = get_segmenter()
    for path in sorted((SEEDS.parent / "tests/gold/dev/docs").glob("*.txt"))[::8]:
        ex = extract(read_bytes(path.read_bytes(), path.name, "txt", 10**8), segmenter)
        assert to_json_text(ex) == _json_module(ex), path.name
