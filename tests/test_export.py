"""`kg export` on the seeds graph: every format parses back (rdflib, networkx) to what the graph holds, and the
bytes do not depend on the process (hash seed) that wrote them."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner
from lxml import etree

from kg.cli import main
from kg.errors import GraphError
from kg.export import FORMATS, ExportError, export, jsonld_context
from kg.rdf.store import load_store, select
from kg.resources import ontology_path

ROOT = Path(__file__).resolve().parent.parent
SUFFIX = {"turtle": "ttl", "ntriples": "nt", "jsonld": "jsonld", "graphml": "graphml", "gexf": "gexf", "csv": "csv"}


@pytest.fixture(scope="module")
def store(seeds_out):
    return load_store(seeds_out / "graph.ttl")


@pytest.fixture(scope="module")
def exported(store, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("export")
    paths = {}
    for fmt in FORMATS:
        paths[fmt] = folder / f"graph.{SUFFIX[fmt]}"
        export(store, fmt, paths[fmt])
    return paths


@pytest.fixture(scope="module")
def rdf(seeds_out) -> set:
    return set(rdflib.Graph().parse(seeds_out / "graph.ttl"))


@pytest.fixture(scope="module")
def expected_network(store):
    """What the network view must hold, computed with SPARQL: non-mention resources, resource-valued edges."""
    nodes = select(
        store,
        """SELECT DISTINCT ?n WHERE {
        { ?n ?p ?o } UNION { ?s ?p ?n FILTER(isIRI(?n) && ?p != rdf:type) }
        FILTER NOT EXISTS { ?n a kg:Mention } }""",
    )
    edges = select(
        store,
        """SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(isIRI(?o) && ?p != rdf:type)
        FILTER NOT EXISTS { ?s a kg:Mention } }""",
    )
    reports = select(store, "SELECT ?r ?label WHERE { ?r a kg:Report ; rdfs:label ?label }")
    return len(nodes), edges, reports


def test_turtle_export_is_the_built_graph_byte_for_byte(exported, seeds_out):
    assert exported["turtle"].read_bytes() == (seeds_out / "graph.ttl").read_bytes()


def test_ntriples_parse_back_to_the_same_triples_and_are_sorted(exported, rdf):
    lines = exported["ntriples"].read_bytes().splitlines()
    assert lines == sorted(lines)
    assert set(rdflib.Graph().parse(exported["ntriples"], format="nt")) == rdf


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # inside rdflib's parser
def test_jsonld_parses_back_to_the_same_triples_with_the_shipped_context(exported, rdf):
    text = exported["jsonld"].read_text(encoding="utf-8")
    assert set(rdflib.Graph().parse(data=text, format="json-ld")) == rdf
    doc = json.loads(text)
    assert doc["@context"] == json.loads(ontology_path("context.jsonld").read_text(encoding="utf-8"))["@context"]
    reports = [n for n in doc["@graph"] if n.get("type") == "Report"]
    assert len(reports) == 5
    assert all(n["id"].startswith("kgr:report-") and isinstance(n["sourceFile"], str) for n in reports)


def test_the_jsonld_context_names_every_ontology_term():
    onto = rdflib.Graph().parse(ontology_path("kg.ttl"))
    kg_ns = "https://w3id.org/fazhi-kg/ontology#"
    terms = {str(s) for s in onto.subjects(rdflib.RDF.type, None) if str(s).startswith(kg_ns) and str(s) != kg_ns}
    context = jsonld_context()
    named = {v if isinstance(v, str) else v.get("@id") for v in context.values() if isinstance(v, (str, dict))}
    assert {"kg:" + t[len(kg_ns) :] for t in terms} <= named


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_gephi_formats_have_every_node_with_label_and_type_and_every_edge(exported, expected_network, fmt, read):
    n_nodes, edges, reports = expected_network
    g = read(exported[fmt])
    assert g.number_of_nodes() == n_nodes and g.number_of_edges() == len(edges)
    for row in reports:
        node = g.nodes["kgr:" + row["r"].rsplit("/", 1)[1]]
        assert (node["label"], node["type"]) == (row["label"], "Report")
    cites = [d for _, _, d in g.edges(data=True) if d["predicate"] == "kg:cites"]
    assert len(cites) == sum(e["p"].endswith("#cites") for e in edges)


def test_a_government_node_has_its_most_specific_type(exported):
    g = nx.read_graphml(exported["graphml"])
    govs = [d for _, d in g.nodes(data=True) if "kg:Government" in d["types"].split()]
    assert govs and all(d["type"] == "Government" and "kg:Organisation" in d["types"] for d in govs)


def test_gexf_has_no_write_date(exported):
    assert "lastmodifieddate" not in exported["gexf"].read_text(encoding="utf-8")


def test_csv_is_a_folder_of_nodes_and_edges_that_join(exported, expected_network):
    n_nodes, edges, _ = expected_network
    with (exported["csv"] / "nodes.csv").open(encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with (exported["csv"] / "edges.csv").open(encoding="utf-8") as f:
        links = list(csv.DictReader(f))
    ids = [n["id"] for n in nodes]
    assert len(ids) == len(set(ids)) == n_nodes and len(links) == len(edges)
    assert {e["source"] for e in links} | {e["target"] for e in links} <= set(ids)
    assert list(nodes[0])[:5] == ["id", "label", "type", "types", "iri"]


def test_mentions_are_kept_on_request(store, expected_network, tmp_path):
    mentions = select(store, "SELECT (COUNT(?m) AS ?n) WHERE { ?m a kg:Mention }")[0]["n"]
    result = export(store, "graphml", tmp_path / "m.graphml", mentions=True)
    assert result.nodes == expected_network[0] + int(mentions)


def test_exports_do_not_depend_on_the_process_hash_seed(seeds_out, exported, tmp_path):
    code = (
        "import sys; from pathlib import Path; from kg.export import export; from kg.rdf.store import load_store; "
        "s = load_store(Path(sys.argv[1])); [export(s, f, Path(sys.argv[2]) / f) for f in "
        "('jsonld', 'graphml', 'gexf', 'csv')]"
    )
    for seed in ("1", "2"):
        (tmp_path / seed).mkdir()
        subprocess.run(
            [sys.executable, "-c", code, str(seeds_out / "graph.ttl"), str(tmp_path / seed)],
            check=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
    for fmt in ("jsonld", "graphml", "gexf"):
        assert (
            (tmp_path / "1" / fmt).read_bytes() == (tmp_path / "2" / fmt).read_bytes() == exported[fmt].read_bytes()
        ), fmt
    for name in ("nodes.csv", "edges.csv"):
        assert (tmp_path / "1" / "csv" / name).read_bytes() == (exported["csv"] / name).read_bytes()


@pytest.mark.parametrize("fmt", FORMATS)
def test_kg_export_cli_writes_each_format(seeds_out, tmp_path, fmt):
    out = tmp_path / f"g.{SUFFIX[fmt]}"
    result = CliRunner().invoke(main, ["export", str(seeds_out / "graph.ttl"), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert str(out) in result.output and out.exists()


def test_csv_onto_an_existing_file_is_a_one_line_error(seeds_out, tmp_path):
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["export", str(seeds_out / "graph.ttl"), "--format", "csv", "-o", str(tmp_path / "taken")]
    )
    assert result.exit_code == 1 and "not a file" in result.output and "Traceback" not in result.output


def test_export_of_a_missing_graph_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(
        main, ["export", str(tmp_path / "none.ttl"), "--format", "turtle", "-o", str(tmp_path / "x.ttl")]
    )
    assert result.exit_code == 1 and "no such graph file" in result.output


# ------------------------------------------------------------------ exports other tools accept (issue 17)

XSD_DIR = ROOT / "tests" / "data" / "xsd"
SCHEMAS = {"graphml": "graphml.xsd", "gexf": "gexf.xsd"}
PREFIXES = """@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def schema_errors(fmt: str, path: Path) -> list[str]:
    """What the GraphML or GEXF XSD says of the file (lxml; a file that is not well-formed XML raises)."""
    schema = etree.XMLSchema(etree.parse(str(XSD_DIR / SCHEMAS[fmt])))
    ok = schema.validate(etree.parse(str(path)))
    return [] if ok else [f"{e.line}: {e.message}" for e in schema.error_log][:5]


def turtle_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "user.ttl"
    path.write_text(PREFIXES + body, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", SCHEMAS)
def test_graphml_and_gexf_of_the_seeds_pass_their_xml_schemas(exported, fmt):
    assert schema_errors(fmt, exported[fmt]) == []


def test_graphml_edges_have_unique_ids_in_sorted_order(exported):
    ids = [e.get("id") for e in etree.parse(str(exported["graphml"])).iter("{*}edge")]
    assert len(ids) == len(set(ids)) and ids[:3] == ["e0", "e1", "e2"]


@pytest.mark.parametrize("fmt", SCHEMAS)
def test_iris_outside_our_prefixes_give_valid_xml_ids_and_attribute_names(tmp_path, fmt):
    path = turtle_file(
        tmp_path,
        """<http://example.org/a/b?x=1> ex:links <http://example.org/c#d> ; <http://example.org/has/value> "7" .
        <urn:isbn:123> ex:links <http://example.org/a/b?x=1> .""",
    )
    export(load_store(path), fmt, tmp_path / f"out.{fmt}")
    assert schema_errors(fmt, tmp_path / f"out.{fmt}") == []
    g = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(tmp_path / f"out.{fmt}")
    iris = {d["iri"] for _, d in g.nodes(data=True)}
    assert iris == {"http://example.org/a/b?x=1", "http://example.org/c#d", "urn:isbn:123"}
    assert g.number_of_edges() == 2


@pytest.mark.parametrize("fmt", SCHEMAS)
def test_graphml_and_gexf_stay_well_formed_when_a_literal_holds_nul_esc_or_ufffe(tmp_path, fmt):
    path = turtle_file(tmp_path, r'ex:a rdfs:label "N\u0000U\u001bL\uFFFEL" ; ex:links ex:b .')
    export(load_store(path), fmt, tmp_path / f"out.{fmt}")
    assert schema_errors(fmt, tmp_path / f"out.{fmt}") == []  # parses: well-formed
    g = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(tmp_path / f"out.{fmt}")
    assert {d["label"] for _, d in g.nodes(data=True)} == {"NULL", "http://example.org/b"}


def as_written(text: str, fmt: str) -> set:
    """The triples rdflib reads, lexical forms as written (rdflib canonicalises them by default)."""
    old, rdflib.NORMALIZE_LITERALS = rdflib.NORMALIZE_LITERALS, False
    try:
        return set(rdflib.Graph().parse(data=text, format=fmt))
    finally:
        rdflib.NORMALIZE_LITERALS = old


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # inside rdflib's parser
def test_an_export_of_a_turtle_file_keeps_every_lexical_form_as_written(tmp_path):
    written = ['"1.0"^^xsd:decimal', '"01"^^xsd:integer', '"1E0"^^xsd:double', '"5"^^xsd:byte', '"tRUE"^^xsd:boolean']
    path = turtle_file(tmp_path, f"ex:s ex:p {', '.join(written)} .")
    export(path, "ntriples", tmp_path / "out.nt")
    nt = (tmp_path / "out.nt").read_text(encoding="utf-8")
    for lexical in (
        '"1.0"^^<http://www.w3.org/2001/XMLSchema#decimal>',
        '"01"^^',
        '"1E0"^^',
        '"5"^^<http://www.w3.org/2001/XMLSchema#byte>',
        '"tRUE"^^',
    ):
        assert lexical in nt
    export(path, "turtle", tmp_path / "out.ttl")
    export(path, "jsonld", tmp_path / "out.jsonld")
    want = as_written(path.read_text(encoding="utf-8"), "turtle")
    assert as_written((tmp_path / "out.ttl").read_text(encoding="utf-8"), "turtle") == want
    assert as_written((tmp_path / "out.jsonld").read_text(encoding="utf-8"), "json-ld") == want
    export(path, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "nodes.csv").open(encoding="utf-8", newline="") as f:
        (s,) = [row for row in csv.DictReader(f) if row["id"] == "http://example.org/s"]
    assert s["http://example.org/p"] == "01 | 1.0 | 1E0 | 5 | tRUE"


def test_jsonld_writes_canonical_numbers_as_json_numbers_and_others_as_strings(tmp_path):
    path = turtle_file(tmp_path, 'ex:s ex:p 12, "012"^^xsd:integer, true, "1"^^xsd:boolean, "2.5E0"^^xsd:double .')
    export(path, "jsonld", tmp_path / "out.jsonld")
    (node,) = json.loads((tmp_path / "out.jsonld").read_text(encoding="utf-8"))["@graph"]
    values = node["http://example.org/p"]
    assert 12 in values and True in values
    strings = sorted(v["@value"] for v in values if isinstance(v, dict))
    assert strings == ["012", "1", "2.5E0"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_export_of_a_graph_with_blank_nodes_is_the_same_bytes_every_time(tmp_path, fmt):
    path = ontology_path("kg.ttl")  # OWL: blank nodes (restrictions, lists)
    outs = [tmp_path / f"{i}.{SUFFIX[fmt]}" for i in range(3)]
    for source, out in zip([path, load_store(path), load_store(path)], outs, strict=True):  # a store: random labels
        export(source, fmt, out)
    read = (lambda p: b"".join(f.read_bytes() for f in sorted(p.iterdir()))) if fmt == "csv" else Path.read_bytes
    assert read(outs[0]) == read(outs[1]) == read(outs[2])
    assert b"_:" in read(outs[0])


def test_kg_export_of_the_ontology_works_in_every_format(tmp_path):
    for fmt in FORMATS:
        out = tmp_path / f"kg.{SUFFIX[fmt]}"
        result = CliRunner().invoke(main, ["export", str(ontology_path("kg.ttl")), "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0 and "Traceback" not in result.output, (fmt, result.output)


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_get_a_leading_quote(tmp_path):
    labels = ['=HYPERLINK("http://x","y")', "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1", "-5", "2022年"]
    body = " .\n".join(f"ex:n{i} rdfs:label {json.dumps(label)} ; ex:links ex:n{i}" for i, label in enumerate(labels))
    export(load_store(turtle_file(tmp_path, body + " .")), "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "nodes.csv").open(encoding="utf-8", newline="") as f:
        got = {row["iri"]: row["label"] for row in csv.DictReader(f)}
    assert [got[f"http://example.org/n{i}"] for i in range(len(labels))] == [
        "'" + label for label in labels[:5]
    ] + labels[5:]


def test_a_carriage_return_in_a_csv_value_is_quoted(tmp_path):
    export(load_store(turtle_file(tmp_path, r'ex:a rdfs:label "one\rtwo" ; ex:links ex:b .')), "csv", tmp_path / "csv")
    text = (tmp_path / "csv" / "nodes.csv").read_bytes()
    assert b'"one\rtwo"' in text
    with (tmp_path / "csv" / "nodes.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 2 and "one\rtwo" in {r["label"] for r in rows}


def test_an_unreadable_turtle_file_is_a_graph_error_naming_it(tmp_path):
    path = turtle_file(tmp_path, "ex:s ex:p .")
    with pytest.raises(GraphError, match=r"user\.ttl: not a readable Turtle graph") as info:
        export(path, "turtle", tmp_path / "out.ttl")
    assert "\n" not in str(info.value) and not (tmp_path / "out.ttl").exists()


def test_jsonld_of_rdf_1_2_terms_is_an_export_error_naming_the_output(tmp_path):
    path = turtle_file(tmp_path, "ex:s ex:p <<( ex:a ex:b ex:c )>> .")
    with pytest.raises(ExportError, match=r"out\.jsonld: cannot write JSON-LD"):
        export(path, "jsonld", tmp_path / "out.jsonld")
    assert not (tmp_path / "out.jsonld").exists()
