"""Acceptance checks on the graph of the bundled seed reports: one node per real document, areas with their
codes and parents. The expected spellings were read from the seed texts by hand."""

import re

from kg.rdf.store import load_store, select

OUTLINE = "法治政府建设实施纲要（2021—2025年）"


def test_every_spelling_of_the_outline_is_one_node_cited_by_its_three_reports(seeds_out):
    store = load_store(seeds_out / "graph.ttl")
    rows = select(
        store,
        f"""SELECT ?reg ?alt WHERE {{ ?reg a kg:Regulation ; rdfs:label "{OUTLINE}"@zh .
                               OPTIONAL {{ ?reg skos:altLabel ?alt }} }}""",
    )
    assert len({r["reg"] for r in rows}) == 1
    names = {OUTLINE} | {r["alt"] for r in rows}
    # the five ways the seeds write it, one of them nested inside the title of a provincial plan
    written = {
        "法治政府建设实施纲要(2021-2025年)",
        "法治政府建设实施纲要（2021-2025）",
        "法治政府建设实施纲要（2021—2025年）",
        "法治政府建设实施纲要（2021－2025年）",
        "法治政府建设实施纲要(2021—2025年)",
    }
    assert written <= names
    citing = select(
        store,
        f"""SELECT DISTINCT ?file WHERE {{ ?r kg:cites ?reg ; kg:sourceFile ?file .
                                 ?reg rdfs:label "{OUTLINE}"@zh }}""",
    )
    assert sorted(r["file"][:3] for r in citing) == ["001", "002", "004"]
    nested = select(
        store,
        f"""SELECT ?outer WHERE {{ ?outer kg:implementsRegulation ?reg .
                                ?reg rdfs:label "{OUTLINE}"@zh }}""",
    )
    assert len(nested) == 1


def test_every_area_has_its_code_and_parent_chain(seeds_out):
    store = load_store(seeds_out / "graph.ttl")
    rows = select(
        store,
        """SELECT ?a ?label ?level ?code ?parent ?parentLevel WHERE {
        ?a a kg:AdministrativeArea ; rdfs:label ?label ; kg:adminLevel ?level ; kg:divisionCode ?code .
        OPTIONAL { ?a kg:within ?parent . ?parent kg:adminLevel ?parentLevel } }""",
    )
    assert rows
    for r in rows:
        assert re.fullmatch(r"\d{6}", r["code"]) and r["a"].endswith(r["code"])
        if r["level"] == "province":
            assert r["parent"] is None and r["code"].endswith("0000")
        else:
            assert r["parent"] is not None and r["code"][:2] == r["parent"].rsplit("-", 1)[1][:2]
    issuers = select(
        store, """SELECT ?file ?area WHERE { ?r kg:sourceFile ?file ; kg:issuedBy/kg:jurisdiction ?area }"""
    )
    assert len(issuers) == 5
    chains = select(
        store,
        """SELECT ?file (COUNT(?up) AS ?n) WHERE { ?r kg:sourceFile ?file ;
        kg:issuedBy/kg:jurisdiction/kg:within+ ?up } GROUP BY ?file""",
    )
    assert sorted(int(r["n"]) for r in chains) == [2, 2, 2, 2, 2]  # county → prefecture → province


def test_works_that_are_not_regulations_are_kept_apart(seeds_out):
    store = load_store(seeds_out / "graph.ttl")
    rows = select(store, "SELECT ?type ?label WHERE { ?w a kg:CitedWork ; kg:workType ?type ; rdfs:label ?label }")
    types = {r["type"] for r in rows}
    assert {"report", "project"} <= types
    overlap = select(store, "SELECT ?w WHERE { ?w a kg:CitedWork , kg:Regulation }")
    assert overlap == []
