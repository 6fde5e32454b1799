"""Analysis over the hand-written graph of tests/corpus.py: every expected number is computed by hand there."""

import doctest
import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import kg.analyse
import kg.rdf.viewrows
from kg.analyse import (
    FilterError,
    all_reports,
    centrality,
    citation_graph,
    cocitation,
    communities,
    district_ranking,
    graph_from_citations,
    indicator_figures,
    item_ranking,
    mention_graph,
    project,
    regulation_ranking,
    similar_districts,
)
from kg.rdf.store import load_store
from tests.corpus import SCRIPT_TITLE, TITLE_GANGYAO, write_corpus

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return load_store(write_corpus(tmp_path_factory.mktemp("corpus")))


@pytest.fixture(scope="module")
def graph(store):
    return citation_graph(store)


def analyse_modules():
    return [importlib.import_module(f"kg.analyse.{m.name}") for m in pkgutil.iter_modules(kg.analyse.__path__)]


def test_docstring_examples_run():
    results = {m.__name__: doctest.testmod(m) for m in analyse_modules()}
    assert sum(r.attempted for r in results.values()) >= 10
    assert {name: r.failed for name, r in results.items() if r.failed} == {}


def test_every_algorithm_module_has_a_docstring_example():
    examples = {m.__name__: doctest.testmod(m).attempted for m in analyse_modules()}
    without = {name for name, n in examples.items() if n == 0}
    assert without == {"kg.analyse.rows", "kg.analyse.indicators", "kg.analyse.overview"}


def test_the_names_other_modules_use_are_importable_from_the_package():
    used = [
        "DISTRICT",
        "MEASURE",
        "ORGANISATION",
        "REGULATION",
        "ReportRow",
        "Citation",
        "FilterError",
        "all_reports",
        "citation_graph",
        "mention_graph",
        "graph_from_citations",
        "overview",
        "regulation_ranking",
        "district_ranking",
        "item_ranking",
        "cocitation",
        "similar_districts",
        "project",
        "communities",
        "centrality",
        "indicator_figures",
        "example_graph",
        "cited_ranking",
        "resolve_name",
        "Named",
        "NameNotFound",
        "AmbiguousName",
        "find_node",
    ]
    assert [name for name in used if name not in kg.analyse.__all__ or not hasattr(kg.analyse, name)] == []


def test_analyse_has_no_report_info_because_that_name_belongs_to_kg_model():
    assert not hasattr(kg.analyse, "ReportInfo")


def test_no_analyse_module_outgrows_its_job():
    for m in analyse_modules():
        assert len(Path(m.__file__).read_text(encoding="utf-8").splitlines()) <= 400, m.__name__


def test_reports_know_their_district_and_province_through_the_within_chain(store):
    rows = {
        r.report.rsplit("-", 1)[1]: (r.district_label, r.province_label, r.province_code, r.year)
        for r in all_reports(store)
    }
    assert rows == {
        "r1": ("郑州市惠济区", "河南省", "410000", "2022"),
        "r2": ("郑州市惠济区", "河南省", "410000", "2023"),
        "r3": ("新乡市卫滨区", "河南省", "410000", "2022"),
        "r4": ("银川市兴庆区", "宁夏回族自治区", "640000", "2022"),
        "r5": ("银川市金凤区", "宁夏回族自治区", "640000", "2023"),
    }


def test_bipartite_graph_weights_count_reports_and_keep_roles_apart(graph):
    hj, gy = "https://w3id.org/fazhi-kg/id/area-410108", "https://w3id.org/fazhi-kg/id/reg-gy"
    assert graph.edges[hj, gy] == {"weight": 2, "cites": 2, "issues": 0, "years": ["2022", "2023"]}
    assert graph.edges[hj, "https://w3id.org/fazhi-kg/id/reg-hb"]["issues"] == 1
    assert nx.is_bipartite(graph)
    assert graph.graph == {"districts": 4, "reports": 5}
    # 金凤区 refers to nothing but is a district of the corpus
    assert graph.degree("https://w3id.org/fazhi-kg/id/area-640106") == 0


def test_regulation_ranking_matches_hand_counts(graph):
    rows = [
        (r["regulation"], r["districts"], r["citing"], r["issuing"], r["reports"], r["share"])
        for r in regulation_ranking(graph)
    ]
    assert rows == [
        (TITLE_GANGYAO, 3, 3, 0, 4, 0.75),
        ("中华人民共和国行政处罚法", 2, 2, 0, 2, 0.5),
        (SCRIPT_TITLE, 1, 1, 0, 1, 0.25),
        ("中华人民共和国民法典", 1, 1, 0, 1, 0.25),
        ("兴庆区重大行政决策程序规定", 1, 0, 1, 1, 0.25),
        ("惠济区行政执法公示办法", 1, 0, 1, 1, 0.25),
    ]
    assert [r["rank"] for r in regulation_ranking(graph, top=2)] == [1, 2]


def test_district_ranking_matches_hand_counts(graph):
    rows = [
        (r["district"], r["regulations"], r["cited"], r["issued"], r["reports"], r["province"])
        for r in district_ranking(graph)
    ]
    assert rows == [
        ("郑州市惠济区", 4, 3, 1, 2, "河南省"),
        ("银川市兴庆区", 3, 2, 1, 1, "宁夏回族自治区"),
        ("新乡市卫滨区", 2, 2, 0, 1, "河南省"),
        ("银川市金凤区", 0, 0, 0, 1, "宁夏回族自治区"),
    ]


@pytest.mark.parametrize("province", ["河南省", "河南", "410000", "https://w3id.org/fazhi-kg/id/area-410000"])
def test_province_filter_accepts_name_prefix_code_or_iri(store, province):
    g = citation_graph(store, province=province)
    assert g.graph == {"districts": 2, "reports": 3}
    assert [(r["regulation"], r["districts"], r["reports"], r["share"]) for r in regulation_ranking(g, 2)] == [
        (TITLE_GANGYAO, 2, 3, 1.0),
        ("中华人民共和国行政处罚法", 2, 2, 1.0),
    ]


def test_year_filter_keeps_only_that_years_reports(store):
    g = citation_graph(store, year=2023)
    assert g.graph == {"districts": 2, "reports": 2}
    assert [(r["regulation"], r["districts"], r["share"]) for r in regulation_ranking(g)] == [
        ("中华人民共和国民法典", 1, 0.5),
        (TITLE_GANGYAO, 1, 0.5),
    ]


def test_filters_combine(store):
    g = citation_graph(store, year="2022", province="宁夏")
    assert [r["district"] for r in district_ranking(g)] == ["银川市兴庆区"]


def test_a_filter_that_matches_nothing_says_what_there_is(store):
    with pytest.raises(FilterError, match="provinces in the graph: 宁夏回族自治区, 河南省"):
        citation_graph(store, province="四川")
    with pytest.raises(FilterError, match="years in the graph: 2022, 2023"):
        citation_graph(store, year=2019)


def test_cocitation_counts_shared_districts_and_jaccard(graph):
    rows = [(r["a"], r["b"], r["shared"], r["jaccard"]) for r in cocitation(graph, top=5)]
    assert rows == [
        ("中华人民共和国行政处罚法", TITLE_GANGYAO, 2, 0.6667),
        (SCRIPT_TITLE, "兴庆区重大行政决策程序规定", 1, 1.0),
        ("中华人民共和国民法典", "惠济区行政执法公示办法", 1, 1.0),
        ("中华人民共和国民法典", "中华人民共和国行政处罚法", 1, 0.5),
        ("中华人民共和国行政处罚法", "惠济区行政执法公示办法", 1, 0.5),
    ]
    assert len(cocitation(graph, top=None)) == 9


def test_projection_among_the_best_connected_only(graph):
    p = project(graph, "regulation", among=2)
    assert sorted(graph.nodes[n]["label"] for n in p) == ["中华人民共和国行政处罚法", TITLE_GANGYAO]
    assert p.number_of_edges() == 1


def test_projection_agrees_with_networkx_overlap_projection(graph):
    regs = [n for n, t in graph.nodes(data="type") if t == "regulation"]
    ours = project(graph, "regulation", among=None)
    theirs = nx.bipartite.overlap_weighted_projected_graph(graph, regs)
    assert {frozenset(e) for e in ours.edges} == {frozenset(e) for e in theirs.edges}
    for u, v in theirs.edges:
        assert ours.edges[u, v]["jaccard"] == round(theirs.edges[u, v]["weight"], 4)


def test_district_similarity_pairs_and_one_district(graph):
    assert [(r["a"], r["b"], r["shared"], r["jaccard"]) for r in similar_districts(graph)] == [
        ("新乡市卫滨区", "郑州市惠济区", 2, 0.5),
        ("新乡市卫滨区", "银川市兴庆区", 1, 0.25),
        ("郑州市惠济区", "银川市兴庆区", 1, 0.1667),
    ]
    assert [(r["b"], r["shared"], r["jaccard"]) for r in similar_districts(graph, "郑州市惠济区")] == [
        ("新乡市卫滨区", 2, 0.5),
        ("银川市兴庆区", 1, 0.1667),
    ]
    with pytest.raises(KeyError, match="no district named"):
        similar_districts(graph, "成都市武侯区")


def test_measures_ranked_by_districts_mentioning(store):
    g = mention_graph(store, "measure")
    assert [(r["label"], r["districts"], r["reports"], r["share"]) for r in item_ranking(g, "measure")] == [
        ("放管服", 3, 3, 0.75),
        ("双随机、一公开", 1, 1, 0.25),
    ]


def test_organisations_leave_out_governments(store):
    g = mention_graph(store, "organisation")
    assert [(r["label"], r["districts"], r["reports"]) for r in item_ranking(g, "organisation")] == [
        ("惠济区司法局", 1, 2)
    ]


def test_louvain_separates_two_disconnected_groups():
    from kg.analyse import Citation, ReportRow

    reports = [ReportRow("a", "A", "2022", "d:A", "A区"), ReportRow("b", "B", "2022", "d:B", "B区")]
    cites = [Citation("a", "d:A", "A区", f"r:{x}", x, "cites", "2022") for x in ("甲", "乙")] + [
        Citation("b", "d:B", "B区", f"r:{x}", x, "cites", "2022") for x in ("丙", "丁", "戊")
    ]
    rows = communities(graph_from_citations(cites, reports))
    assert [(c["size"], c["districts"], c["regulations"]) for c in rows] == [
        (4, ["B区"], ["丁", "丙", "戊"]),
        (3, ["A区"], ["乙", "甲"]),
    ]


def test_communities_partition_every_node_once(graph):
    rows = communities(graph)
    members = [m for c in rows for m in c["districts"] + c["regulations"]]
    assert sorted(members) == sorted(a["label"] for _, a in graph.nodes(data=True))
    assert [c["size"] for c in rows] == sorted((c["size"] for c in rows), reverse=True)


def test_communities_do_not_depend_on_the_hash_seed(tmp_path):
    path = write_corpus(tmp_path / "c")
    code = (
        "import json,sys; from kg.rdf.store import load_store; from kg.analyse import citation_graph, communities;"
        f"print(json.dumps(communities(citation_graph(load_store({str(path)!r}))), ensure_ascii=False))"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outs) == 1


def test_centrality_degree_by_hand_and_exact_betweenness_on_small_graphs(graph):
    c = centrality(graph)
    by_label = {r["label"]: r for r in c["nodes"]}
    assert by_label["郑州市惠济区"]["degree"] == round(4 / 9, 6)
    assert by_label[TITLE_GANGYAO]["degree"] == round(3 / 9, 6)
    assert c["nodes"][0]["label"] == "郑州市惠济区"
    assert c["methods"] == {"eigenvector": "power iteration", "betweenness": "exact"}
    # 纲要 lies on every shortest path between the three districts that cite it and their own regulations
    assert max(c["nodes"], key=lambda r: r["betweenness"])["label"] == TITLE_GANGYAO


def test_betweenness_is_sampled_and_seeded_above_the_threshold(graph):
    a = centrality(graph, exact_max=5, samples=4, seed=3)
    b = centrality(graph, exact_max=5, samples=4, seed=3)
    assert a == b
    assert a["methods"]["betweenness"] == "estimated from 4 sampled sources (seed 3)"


def test_eigenvector_falls_back_when_power_iteration_does_not_converge(graph):
    c = centrality(graph, max_iter=1)
    assert "power iteration failed: PowerIterationFailedConvergence" in c["methods"]["eigenvector"]
    assert c["methods"]["eigenvector"].startswith(("ARPACK", "degree centrality"))
    assert all(r["eigenvector"] >= 0 for r in c["nodes"])
    assert max(c["nodes"], key=lambda r: r["eigenvector"])["label"] in ("郑州市惠济区", TITLE_GANGYAO)


def test_figures_per_indicator_per_district(store):
    rows = [
        (r["indicator"], r["unit"], r["district"], r["year"], r["figures"], r["values"])
        for r in indicator_figures(store)
    ]
    assert rows == [
        ("行政复议案件数", "件", "新乡市卫滨区", "2022", 1, [12]),
        ("行政复议案件数", "件", "郑州市惠济区", "2022", 1, [35]),
        ("行政复议案件数", "件", "郑州市惠济区", "2023", 1, [40]),
        ("行政机关负责人出庭应诉率", "%", "银川市兴庆区", "2022", 1, [97.5]),
    ]
    assert [r["district"] for r in indicator_figures(store, province="宁夏")] == ["银川市兴庆区"]


def test_figures_per_indicator_is_empty_without_indicators(tmp_path):
    assert indicator_figures(load_store(write_corpus(tmp_path, with_indicators=False))) == []


def test_analyse_spells_no_namespace_iri():
    """Namespaces are declared once, in kg.rdf.namespaces; analysis reads them from there or from SPARQL prefixes."""
    for m in analyse_modules():
        assert "https://w3id.org/" not in Path(m.__file__).read_text(encoding="utf-8"), m.__name__


# Names as users write them (issue 17): full, short, altLabel or partial, and never a silent guess.


def test_a_district_is_found_by_its_name_without_its_prefecture(graph):
    assert kg.analyse.find_node(graph, "兴庆区", "district") == "https://w3id.org/fazhi-kg/id/area-640104"
    assert similar_districts(graph, "惠济区") == similar_districts(graph, "郑州市惠济区")


def test_a_district_name_that_fits_several_is_ambiguous_and_lists_them(graph):
    with pytest.raises(kg.analyse.AmbiguousName) as err:
        kg.analyse.find_node(graph, "银川市", "district")
    assert str(err.value) == "'银川市' fits 2 districts: 银川市兴庆区, 银川市金凤区; give one of these names"


def test_an_unknown_district_lists_the_districts(graph):
    with pytest.raises(kg.analyse.NameNotFound) as err:
        kg.analyse.find_node(graph, "成都市武侯区", "district")
    assert "郑州市惠济区" in str(err.value) and "新乡市卫滨区" in str(err.value)


def test_an_exact_label_wins_over_a_longer_one_that_contains_it():
    from kg.analyse import Named, resolve_name  # noqa: PLC0415

    areas = [Named("a", "城区"), Named("b", "大同市城区"), Named("c", "阳泉市城区")]
    assert resolve_name("城区", areas) == "a"
    with pytest.raises(kg.analyse.AmbiguousName, match="fits 2 names: 大同市城区, 阳泉市城区"):
        resolve_name("市城区", areas)


def test_an_altlabel_that_is_part_of_another_preferred_label_is_ambiguous():
    from kg.analyse import Named, resolve_name  # noqa: PLC0415

    cases = Named("cases", "负责人出庭应诉案件数", ("出庭应诉", "出庭应诉案件"))
    rate = Named("rate", "行政机关负责人出庭应诉率", ("出庭应诉率",))
    assert resolve_name("出庭应诉案件", [cases, rate]) == "cases"
    assert resolve_name("出庭应诉率", [cases, rate]) == "rate"
    with pytest.raises(kg.analyse.AmbiguousName, match="fits 2 names"):
        resolve_name("出庭应诉", [cases, rate])


def test_two_things_with_one_label_are_named_by_their_ids():
    from kg.analyse import Named, resolve_name  # noqa: PLC0415

    with pytest.raises(kg.analyse.AmbiguousName, match=r"甲区 \(id:1\), 甲区 \(id:2\)"):
        resolve_name("甲区", [Named("1", "甲区", ids=("id:1",)), Named("2", "甲区", ids=("id:2",))])


def test_most_cited_leaves_out_what_was_only_issued(graph):
    rows = kg.analyse.cited_ranking(graph)
    assert [(r["regulation"], r["districts"], r["reports"], r["share"]) for r in rows] == [
        (TITLE_GANGYAO, 3, 4, 0.75),
        ("中华人民共和国行政处罚法", 2, 2, 0.5),
        (SCRIPT_TITLE, 1, 1, 0.25),
        ("中华人民共和国民法典", 1, 1, 0.25),
    ]


def test_details_of_some_regulations_are_those_of_all_asked_in_batches(store, monkeypatch):
    """The HTML view reads the details of the regulations it draws only (regulation_details(iris=…)), in
    batches: the same values as the whole table's, nothing for an IRI that is no regulation."""
    from kg.analyse.rows import regulation_details  # noqa: PLC0415

    every = regulation_details(store)
    some = sorted(every)[::2]
    monkeypatch.setattr(kg.rdf.viewrows, "BATCH", 1)
    assert regulation_details(store, [*some, "https://w3id.org/fazhi-kg/id/no/such"]) == {k: every[k] for k in some}
    assert regulation_details(store, []) == {}


def test_a_regulation_none_of_the_citations_refers_to_is_added_with_its_details():
    from kg.analyse import graph_from_citations  # noqa: PLC0415

    details = {"r:纲要": {"label": "纲要", "kind": "plan", "level": "national"}}
    g = graph_from_citations([], [], details, regulations=["r:纲要", "r:无"])
    assert dict(g.nodes(data=True)) == {
        "r:纲要": {"type": "regulation", "bipartite": 1, "label": "纲要", "kind": "plan", "level": "national"},
        "r:无": {"type": "regulation", "bipartite": 1, "label": "r:无", "kind": "other", "level": "unknown"},
    }


def _graph_as_data(g: nx.Graph) -> tuple:
    return list(g.nodes(data=True)), list(g.edges(data=True)), g.graph


def test_the_compact_graph_of_ordered_citations_is_the_networkx_graph(store):
    """compact_from_ordered (the HTML view's drawn graph as arrays) reads as graph_from_citations' graph with
    the role the view gives each edge: the same nodes, attributes, edges, neighbours and counts, in the same order
    — also for districts no report row gives and regulations no citation refers to."""
    from kg.analyse import citations, compact_from_ordered, regulation_details  # noqa: PLC0415

    reports = all_reports(store)
    details = regulation_details(store)
    cites = citations(store, reports=reports, details=details)
    assert len({(c.district, c.regulation) for c in cites}) < len(cites)  # some edge has several citations
    for kept, extra in ((reports, []), (reports[::2], ["r:无"]), ([], [])):
        compact = compact_from_ordered(cites, kept, details, extra)
        g = graph_from_citations(cites, kept, details, extra)
        for _, _, e in g.edges(data=True):
            e["role"] = "issues" if e["issues"] else "cites"
        assert _graph_as_data(compact) == _graph_as_data(g)
        assert list(compact.nodes(data="type")) == list(g.nodes(data="type"))
        assert list(compact.edges()) == list(g.edges())
        assert {n: list(compact.neighbors(n)) for n in compact} == {n: list(g.neighbors(n)) for n in g}
        assert (compact.number_of_nodes(), compact.number_of_edges()) == (g.number_of_nodes(), g.number_of_edges())
        assert all(n in compact for n in g) and "r:无此节点" not in compact
    assert compact_from_ordered(cites, reports, details).number_of_edges() > 0


def test_the_citations_of_one_regulation_share_its_iri_and_role_strings(store):
    """iter_citations gives each regulation's IRI and each role as one string shared by its citations (the HTML
    view holds a million drawn citations at 100,000 reports), equal to the query's."""
    from kg.analyse import citations  # noqa: PLC0415

    cites = citations(store, reports=all_reports(store))
    assert len({id(c.regulation) for c in cites}) == len({c.regulation for c in cites}) < len(cites)
    assert len({id(c.role) for c in cites}) == len({c.role for c in cites})
