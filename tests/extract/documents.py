"""What the regulation tests ask of a composed text: its document mentions, and their roles."""

from kg.extract.regulations import extract_regulations
from kg.lang.areas import area_table
from kg.read import Document


def area(name):
    t = area_table()
    return t.ref(t.lookup(name)[0])


def regs(text, where=None):
    """The document mentions of ``text``, read as a report of the area named ``where`` (if any)."""
    return extract_regulations(Document.from_text(text), area(where) if where else None)


def roles(text, where=None):
    """(title, role) of each regulation ``text`` names."""
    return [(m.title, m.role) for m in regs(text, where) if m.category == "regulation"]
