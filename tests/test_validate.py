"""SHACL validation (ontology/shapes.ttl, kg/validate.py, `kg validate`, and `kg build`'s own check).

The broken graph is the seeds graph with one break of each kind applied to a different node; each test checks
that its break is reported on its node and path, with a readable line."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from kg.cli import main
from kg.rdf.namespaces import KGR, kg, prov, rdf, rdfs, xsd
from kg.rdf.shacl import validate_file
from kg.rdf.store import load_store
from kg.rdf.turtle import TurtleWriter

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def instances(store, cls) -> list[NamedNode]:
    return sorted((q.subject for q in store.quads_for_pattern(None, rdf.type, cls, DefaultGraph())), key=str)


def replace(store, s, p, new) -> None:
    for q in list(store.quads_for_pattern(s, p, None, DefaultGraph())):
        store.remove(q)
    if new is not None:
        store.add(Quad(s, p, new))


def write(store, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        TurtleWriter().write((q.triple for q in store.quads_for_pattern(None, None, None, DefaultGraph())), f)
    return path


def short(node: NamedNode) -> str:
    return "kgr:" + node.value[len(KGR) :]


def break_graph(store) -> dict[str, list[tuple[str, str]]]:
    """Apply every kind of break; returns {break: [(focus node, result path) …]} as the report should show them."""
    reports, regs = instances(store, kg.Report), instances(store, kg.Regulation)
    figures, mentions = instances(store, kg.Figure), instances(store, kg.Mention)
    areas, files = instances(store, kg.AdministrativeArea), instances(store, kg.SourceFile)
    cited = sorted((q.object for q in store.quads_for_pattern(reports[0], kg.cites, None, DefaultGraph())), key=str)
    expected = {}

    replace(store, regs[0], kg.kind, Literal("statute"))
    expected["kind outside the value set"] = [(short(regs[0]), "kg:kind")]
    store.add(Quad(reports[0], kg.issues, cited[0]))
    expected["cites and issues the same regulation"] = [(short(reports[0]), "kg:cites")]
    referred = {q.object for q in store.quads_for_pattern(reports[1], kg.refersTo, None, DefaultGraph())}
    store.add(Quad(reports[1], kg.refersTo, next(r for r in regs if r not in referred)))
    expected["refersTo without cites or issues"] = [(short(reports[1]), "kg:cites|kg:issues")]
    replace(store, reports[2], kg.issuedBy, regs[2])
    expected["issuedBy points to a regulation"] = [(short(reports[2]), "kg:issuedBy")]
    replace(store, reports[3], kg.year, None)
    expected["no year and no partial"] = [(short(reports[3]), "kg:year|kg:partial")]
    replace(store, figures[0], kg.unit, None)
    expected["figure without unit"] = [(short(figures[0]), "kg:unit")]
    replace(store, figures[1], kg.value, Literal("3"))
    expected["value not a decimal"] = [(short(figures[1]), "kg:value")]
    end = next(store.quads_for_pattern(mentions[0], kg.end, None, DefaultGraph())).object
    replace(store, mentions[0], kg.end, Literal(str(int(end.value) + 1), datatype=xsd.integer))
    expected["offsets do not span the text"] = [(short(mentions[0]), "kg:text")]
    replace(store, mentions[1], kg.start, Literal("100000", datatype=xsd.integer))
    expected["start after end"] = [(short(mentions[1]), "kg:start"), (short(mentions[1]), "kg:text")]  # and length
    replace(store, mentions[2], kg.inReport, None)
    expected["mention without report"] = [(short(mentions[2]), "kg:inReport")]
    replace(store, areas[0], kg.adminLevel, Literal("village"))
    expected["admin level outside the value set"] = [(short(areas[0]), "kg:adminLevel")]
    replace(store, files[0], kg.sha256, Literal("not-a-digest"))
    expected["sha256 not 64 hex digits"] = [(short(files[0]), "kg:sha256")]
    replace(store, reports[4], prov.wasDerivedFrom, None)
    expected["report without source file"] = [(short(reports[4]), "prov:wasDerivedFrom")]
    return expected


@pytest.fixture(scope="module")
def broken(seeds_out, tmp_path_factory):
    store = load_store(seeds_out / "graph.ttl")
    expected = break_graph(store)
    path = write(store, tmp_path_factory.mktemp("broken") / "broken.ttl")
    return path, expected, validate_file(path)


def test_the_seeds_graph_conforms(seeds_out):
    report = validate_file(seeds_out / "graph.ttl")
    assert report.conforms, [r.line() for r in report.violations]
    assert report.focus_nodes > 100


BREAKS = [
    "kind outside the value set",
    "cites and issues the same regulation",
    "refersTo without cites or issues",
    "issuedBy points to a regulation",
    "no year and no partial",
    "figure without unit",
    "value not a decimal",
    "offsets do not span the text",
    "start after end",
    "mention without report",
    "admin level outside the value set",
    "sha256 not 64 hex digits",
    "report without source file",
]


@pytest.mark.parametrize("kind", BREAKS)
def test_each_kind_of_break_is_a_violation_on_its_node_and_path(broken, kind):
    _, expected, report = broken
    found = {(r.focus, r.path) for r in report.violations}
    assert set(expected[kind]) <= found, (kind, expected[kind])


def test_the_broken_graph_has_no_other_violations(broken):
    _, expected, report = broken
    assert {(r.focus, r.path) for r in report.violations} == {pair for pairs in expected.values() for pair in pairs}


def test_results_do_not_depend_on_the_chunk_size(broken):
    path, _, report = broken
    assert validate_file(path, chunk_size=50).results == report.results


def test_a_partial_report_may_lack_its_year(seeds_out, tmp_path):
    store = load_store(seeds_out / "graph.ttl")
    report = instances(store, kg.Report)[0]
    replace(store, report, kg.year, None)
    replace(store, report, kg.partial, Literal("year not found"))
    assert validate_file(write(store, tmp_path / "g.ttl")).conforms


def test_a_government_without_jurisdiction_is_a_warning_only(seeds_out, tmp_path):
    store = load_store(seeds_out / "graph.ttl")
    gov = instances(store, kg.Government)[0]
    replace(store, gov, kg.jurisdiction, None)
    report = validate_file(write(store, tmp_path / "g.ttl"))
    assert report.conforms
    assert [(r.severity, r.focus, r.path) for r in report.results] == [("Warning", short(gov), "kg:jurisdiction")]


def test_kg_validate_prints_one_readable_line_per_violation_and_exits_1(broken):
    path, expected, _ = broken
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    lines = [ln for ln in result.output.splitlines() if ln.startswith("Violation: ")]
    assert len(lines) == sum(len(pairs) for pairs in expected.values())
    regulation_line = next(ln for ln in lines if "kg:kind" in ln)
    assert '[value: "statute"]' in regulation_line and "(kgr:reg-" in regulation_line
    assert f"{len(lines)} violations" in result.output and "Traceback" not in result.output


def test_kg_validate_on_the_seeds_exits_0(seeds_out):
    result = CliRunner().invoke(main, ["validate", str(seeds_out / "graph.ttl")])
    assert result.exit_code == 0 and result.output.rstrip().endswith("conforms")


def test_kg_validate_on_a_missing_file_is_one_line(tmp_path):
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "none.ttl")])
    assert result.exit_code == 1 and "no such graph file" in result.output and "Traceback" not in result.output


def test_build_fails_loudly_and_leaves_no_valid_looking_graph(tmp_path, monkeypatch):
    from kg.build import merge

    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("# an earlier build\n", encoding="utf-8")
    (out / "graph.html").write_text("<html></html>", encoding="utf-8")
    real = merge.entity_statements

    def with_a_bad_regulation(*args, **kwargs):
        return [*real(*args, **kwargs), (KGR + "reg-broken", rdf.type.value, kg.Regulation.value)]

    monkeypatch.setattr(merge, "entity_statements", with_a_bad_regulation)
    result = CliRunner().invoke(main, ["build", str(SEEDS / "000_5bf5264dd4bbb5b6.txt"), "-o", str(out), "-q"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "violates ontology/shapes.ttl" in result.output and "kgr:reg-broken" in result.output
    assert not (out / "graph.ttl").exists() and not (out / "graph.html").exists()
    assert "kgr:reg-broken" in (out / "graph.invalid.ttl").read_text(encoding="utf-8")
    assert "Violation: kgr:reg-broken rdfs:label" in (out / "validation.txt").read_text(encoding="utf-8")
    assert json.loads((out / "build-report.json").read_text(encoding="utf-8"))["validation"]["conforms"] is False

    monkeypatch.setattr(merge, "entity_statements", real)
    result = CliRunner().invoke(main, ["build", str(SEEDS / "000_5bf5264dd4bbb5b6.txt"), "-o", str(out), "-q"])
    assert result.exit_code == 0 and "valid (ontology/shapes.ttl)" in result.output
    assert (out / "graph.ttl").exists()
    assert not (out / "graph.invalid.ttl").exists() and not (out / "validation.txt").exists()


def test_build_no_validate_skips_the_check(tmp_path):
    result = CliRunner().invoke(
        main,
        ["build", str(SEEDS / "000_5bf5264dd4bbb5b6.txt"), "-o", str(tmp_path), "-q", "--no-html", "--no-validate"],
    )
    assert result.exit_code == 0 and "valid (ontology/shapes.ttl)" not in result.output
    report = json.loads((tmp_path / "build-report.json").read_text(encoding="utf-8"))
    assert report["validation"] == {"validated": False}


def test_a_large_build_validates_a_sample_of_its_reports_with_what_they_refer_to(tmp_path, monkeypatch):
    from kg.build import BuildOptions, build, writer

    monkeypatch.setattr(writer, "VALIDATE_ALL_REPORTS", 2)
    result = build([SEEDS], tmp_path, BuildOptions(html=False))
    assert result.validation.conforms
    report = json.loads((tmp_path / "build-report.json").read_text(encoding="utf-8"))
    assert report["validation"]["sample"] == "2 of 5 reports and the resources they refer to"


def test_a_sample_still_catches_a_broken_resource_a_sampled_report_refers_to(tmp_path, monkeypatch):
    from kg.build import BuildOptions, build, merge, writer
    from kg.errors import GraphInvalid

    monkeypatch.setattr(writer, "VALIDATE_ALL_REPORTS", 1)
    real = merge.entity_statements

    def without_labels(*args, **kwargs):  # every regulation loses its label: the sampled report cites some
        return [(s, p, o) for s, p, o in real(*args, **kwargs) if not (p == rdfs.label.value and "reg-" in s)]

    monkeypatch.setattr(merge, "entity_statements", without_labels)
    with pytest.raises(GraphInvalid, match="violates ontology/shapes.ttl"):
        build([SEEDS], tmp_path, BuildOptions(html=False, cache=False))


KG_PREFIX = "PREFIX kg: <https://w3id.org/fazhi-kg/ontology#>\n"


@pytest.mark.parametrize(
    ("query", "monotone"),
    [
        # the mention-span target of ontology/shapes.ttl: patterns and a filter over the solution alone
        (
            "SELECT ?this WHERE { ?this a kg:Mention ; kg:start ?s ; kg:end ?e ; kg:text ?t . "
            "FILTER (?e - ?s != STRLEN(?t)) }",
            True,
        ),
        ("SELECT DISTINCT ?this WHERE { ?this kg:start ?s . FILTER (?s < 0 || !(?s >= 0)) }", True),
        # what a part of the graph may answer otherwise than the whole
        ("SELECT ?this WHERE { ?this a kg:Mention . FILTER NOT EXISTS { ?this kg:text ?t } }", False),
        ("SELECT ?this WHERE { ?this a kg:Mention . OPTIONAL { ?this kg:text ?t } FILTER (!BOUND(?t)) }", False),
        ("SELECT ?this WHERE { ?this a kg:Mention . MINUS { ?this kg:text ?t } }", False),
        ("SELECT ?this (COUNT(?t) AS ?n) WHERE { ?this kg:text ?t } GROUP BY ?this", False),
        ("SELECT ?this WHERE { ?this a kg:Mention . FILTER (RAND() < 0.5) }", False),  # other answers each time
        ("SELECT ?this WHERE { ?this a kg:Mention", False),  # unreadable
    ],
)
def test_a_sparql_target_is_judged_on_the_whole_graph_only_when_a_part_cannot_answer_more(query, monotone):
    from kg.rdf.shacl import _monotone

    assert _monotone(KG_PREFIX + query) is monotone
