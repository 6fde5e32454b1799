"""The merged corpus kept as counts (kg.build.tally, kg.build.merge): counting reports' shares in and out, in any
order, gives the nodes kg.resolve.merge_corpus makes of the shares that remain, merged in report-id order."""

import json
import random

import pytest

import kg.build.tallies
from kg.build.fragment import corpus_from_json, corpus_to_json
from kg.build.state import State
from kg.build.tallies import KINDS, Tallies, count_in, count_out, settle
from kg.build.tally import UNKEPT
from kg.resolve import Corpus, merge_corpus

TABLES = ("regulations", "governments", "organisations", "measures", "works", "areas")


def regulation(key, label, level="unknown", kind="other", fixed=False, alts=(), numbers=(), implements=()):
    return {
        "key": key,
        "label": label,
        "kind": kind,
        "issuer_level": level,
        "scope_area": None,
        "issuer_area": None,
        "fixed_label": fixed,
        "alt_labels": sorted(alts),
        "document_numbers": sorted(numbers),
        "implements": sorted(implements),
    }


def body(key, area=None, alts=()):
    return {"key": key, "label": key, "alt_labels": sorted(alts), "area": area, "concept": None}


def share(regulations=(), organisations=(), works=(), indicators=(), governments=()):
    corpus = {table: {} for table in TABLES}
    corpus["regulations"] = {r["key"]: r for r in regulations}
    corpus["governments"] = {g["key"]: g for g in governments}
    corpus["organisations"] = {o["key"]: o for o in organisations}
    corpus["works"] = {w["key"]: w for w in works}
    return {"corpus": corpus, "indicators": sorted(indicators)}


# Shares that disagree on every kind of field: what the first report decides, what the first that knows decides,
# the longest label (ties: the first in code-point order), and what every report adds.
SHARES = {
    "r1": share(
        [
            regulation("规定", "规定", alts={"本规定"}),
            regulation("纲要", "纲要（2021—2025年）", "national", "plan", fixed=True),
        ],
        [body("县司法局", "640181", {"司法局"})],
        indicators={"ind-a"},
        governments=[body("某县人民政府", "640181", {"县政府"})],
    ),
    "r2": share(
        [regulation("规定", "行政规范性文件管理规定", "provincial", "rule", numbers={"宁政发〔2021〕1号"})],
        [body("县司法局", "640104")],
        [{"key": "报告", "label": "政府工作报告", "work_type": "report", "alt_labels": ["工作报告"]}],
        {"ind-a", "ind-b"},
    ),
    "r3": share(
        [
            regulation("规定", "管理规定甲", "municipal", "rule", implements={"纲要"}),
            regulation("纲要", "纲要", alts={"实施纲要"}),
        ],
        [body("县司法局", "640181", {"县司法局（所）"})],
        governments=[body("某县人民政府", "640104")],
    ),
    "r4": share(
        [regulation("规定", "管理规定乙", alts={"规定"}, numbers={"宁政发〔2021〕1号"})],
        [body("区法院", "640104")],
        [{"key": "报告", "label": "工作报告", "work_type": "other", "alt_labels": []}],
        {"ind-b"},
    ),
}


def merged_by_resolve(shares: dict) -> dict:
    """What kg.resolve.merge_corpus makes of the shares, in report-id order, keyed like the tallies."""
    corpus, indicators = Corpus(), set()
    for report in sorted(shares):
        merge_corpus(corpus, corpus_from_json(shares[report]["corpus"]))
        indicators |= set(shares[report]["indicators"])
    out = {
        f"{KINDS[t]}|{key}": {**node, **UNKEPT.get(t, {})}  # (an organisation's area is not kept: no triple shows it)
        for t, nodes in corpus_to_json(corpus).items()
        for key, node in nodes.items()
    }
    return out | {f"ind|{i}": {} for i in indicators}


def counted(steps: list[tuple[str, str]], shares: dict) -> dict:
    """The merged nodes after counting shares in (+) and out (-), in that order."""
    state = State(None)
    tallies = Tallies(state)
    for sign, report in steps:
        (count_in if sign == "+" else count_out)(tallies, report, shares[report])
    nodes = {}
    for batch in settle(state, tallies.rows(everything=True), {}):  # the nodes to render, a batch at a time
        nodes.update((f"{kind}|{key}", node) for kind, key, node, _, _ in batch if node is not None)
    return nodes


def test_counting_every_share_in_gives_the_nodes_merge_corpus_makes():
    assert counted([("+", r) for r in sorted(SHARES)], SHARES) == merged_by_resolve(SHARES)


@pytest.mark.parametrize("seed", range(12))
def test_shares_counted_in_and_out_in_any_order_give_the_nodes_of_the_shares_that_remain(seed):
    rng = random.Random(seed)
    reports = list(SHARES)
    rng.shuffle(reports)
    gone = set(rng.sample(reports, rng.randint(1, len(reports) - 1)))
    steps = [("+", r) for r in reports]
    steps += [("-", r) for r in rng.sample(sorted(gone), len(gone))]
    again = rng.choice(sorted(gone))  # one report taken out and counted in again
    steps.append(("+", again))
    remaining = {r: SHARES[r] for r in SHARES if r not in gone or r == again}
    assert counted(steps, SHARES) == merged_by_resolve(remaining)


@pytest.mark.parametrize("seed", range(4))
def test_tallies_written_out_and_read_back_midway_give_the_same_nodes(seed, monkeypatch):
    monkeypatch.setattr(kg.build.tallies, "HELD", 2)  # a large corpus: tallies written out as they pile up
    rng = random.Random(seed)
    reports = rng.sample(sorted(SHARES), len(SHARES))
    steps = [("+", r) for r in reports] + [("-", reports[0]), ("-", reports[2]), ("+", reports[0])]
    remaining = {r: SHARES[r] for r in SHARES if r != reports[2]}
    assert counted(steps, SHARES) == merged_by_resolve(remaining)


def test_taking_out_the_first_report_hands_its_fields_to_the_next_one():
    nodes = counted([("+", r) for r in ("r1", "r2", "r3", "r4")] + [("-", "r1"), ("-", "r2")], SHARES)
    assert nodes["gov|某县人民政府"]["area"] == "640104"  # r3's area now; r1's before
    assert nodes["reg|规定"]["issuer_level"] == "municipal"  # r3 knows first now; r2 before
    assert (nodes["work|报告"]["label"], nodes["work|报告"]["work_type"]) == ("工作报告", "other")  # r4's; r2's before
    assert nodes["reg|纲要"]["label"] == "纲要" and not nodes["reg|纲要"]["fixed_label"]  # r3's node alone


def test_a_node_no_report_gives_any_more_is_gone():
    nodes = counted([("+", "r2"), ("+", "r4"), ("-", "r4")], SHARES)
    assert "org|区法院" not in nodes and "ind|ind-b" in nodes
    assert nodes["reg|规定"]["alt_labels"] == [] and nodes["reg|规定"]["document_numbers"] == ["宁政发〔2021〕1号"]


def test_the_seeds_shares_counted_in_and_out_give_what_merge_corpus_makes(seeds_out):
    shares = {}
    for frag in sorted((seeds_out / ".cache").glob("*/*/*.frag")):
        with open(frag, "rb") as f:
            f.readline()  # the seal
            head = json.loads(f.readline())
            shares[head["report_id"]] = json.loads(f.readline())
    assert len(shares) == 5
    reports = sorted(shares)
    steps = [("+", r) for r in reversed(reports)] + [("-", reports[0]), ("-", reports[3])]
    remaining = {r: shares[r] for r in reports if r not in (reports[0], reports[3])}
    assert counted(steps, shares) == merged_by_resolve(remaining)
    assert counted([("+", r) for r in reports], shares) == merged_by_resolve(shares)
