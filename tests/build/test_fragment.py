"""A fragment's head as the cache index and the fragment's first line keep it."""

import dataclasses

from kg.build.fragment import FragmentHead
from kg.read.document import SourceFile


def test_a_head_is_written_with_every_field_of_its_file_in_order():
    head = FragmentHead("r-1", SourceFile("a.txt", "ab12", 3, "utf-8", "txt"), ["no year"], 2, 5, 7)
    assert head.to_json() == {**dataclasses.asdict(head), "file": dataclasses.asdict(head.file)}
    assert list(head.to_json()) == [f.name for f in dataclasses.fields(FragmentHead)]
    assert list(head.to_json()["file"]) == [f.name for f in dataclasses.fields(SourceFile)]
    assert FragmentHead.from_json(head.to_json()) == head
