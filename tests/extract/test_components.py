"""The extraction pipeline's components declare what they need and what they set (kg.extract.COMPONENTS)."""

from dataclasses import fields

from kg.extract import COMPONENTS, Annotations, extract
from kg.model import Extraction
from kg.read import Document


def test_every_component_requires_known_annotations_and_assigns_a_list_of_the_extraction():
    annotations = {f.name for f in fields(Annotations)}
    lists = {f.name for f in fields(Extraction)} - {"report_id", "source_name", "info"}
    assert all(set(c.requires) <= annotations for c in COMPONENTS)
    assert sorted(c.assigns for c in COMPONENTS) == sorted(lists)


def test_a_component_can_be_left_out():
    ex = extract(Document.from_text("2022年，盐池县办理行政复议案件12件，落实《行政处罚法》。"), exclude=("figures",))
    assert ex.figures == [] and [r.title for r in ex.regulations] == ["行政处罚法"]
