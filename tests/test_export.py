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

from kg.cli import main
from kg.export import FORMATS, export, jsonld_context
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
