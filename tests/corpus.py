"""A small hand-written graph (Turtle) with every number in the analysis tests computable by hand.

Written by hand rather than built from report texts so that the analysis and view tests do not move when the
extractors change. Four districts in two provinces, five reports, six regulations (one titled with a
``<script>``), two measures, one organisation, two indicators with figures, and mentions whose offsets index
``texts/r1.txt``.

==================  ========  ===================================================================
report              district  refers to (c = cites, i = issues); mentions
==================  ========  ===================================================================
r1 (2022)           惠济区    c 纲要, c 处罚法, i 惠济区办法; 放管服, 惠济区司法局, 惠济区人民政府
r2 (2023)           惠济区    c 纲要, c 民法典; 惠济区司法局
r3 (2022)           卫滨区    c 纲要, c 处罚法; 双随机、一公开
r4 (2022)           兴庆区    c 纲要, c <script>…, i 兴庆区规定; 放管服
r5 (2023)           金凤区    (nothing); 放管服
==================  ========  ===================================================================

惠济区 (郑州市) and 卫滨区 (新乡市) are in 河南省; 兴庆区 and 金凤区 (银川市) in 宁夏回族自治区.
"""

from __future__ import annotations

from pathlib import Path

SCRIPT_TITLE = "<script>window.__pwned=1</script>条例"
TEXT_R1 = (
    "郑州市惠济区人民政府\n2022年法治政府建设情况报告\n"
    "2022年，惠济区认真学习《法治政府建设实施纲要（2021—2025年）》，全面推进依法行政。"
    "印发《惠济区行政执法公示办法》。区司法局办理行政复议案件35件。\n"
)
TITLE_GANGYAO = "法治政府建设实施纲要（2021—2025年）"

AREAS = [  # code, label, level, parent
    ("410000", "河南省", "province", None),
    ("410100", "郑州市", "prefecture", "410000"),
    ("410108", "郑州市惠济区", "county", "410100"),
    ("410700", "新乡市", "prefecture", "410000"),
    ("410703", "新乡市卫滨区", "county", "410700"),
    ("640000", "宁夏回族自治区", "province", None),
    ("640100", "银川市", "prefecture", "640000"),
    ("640104", "银川市兴庆区", "county", "640100"),
    ("640106", "银川市金凤区", "county", "640100"),
]
GOVS = {
    "hj": ("郑州市惠济区人民政府", "410108"),
    "wb": ("新乡市卫滨区人民政府", "410703"),
    "xq": ("银川市兴庆区人民政府", "640104"),
    "jf": ("银川市金凤区人民政府", "640106"),
}
REGS = {  # key: label, kind, level
    "gy": (TITLE_GANGYAO, "plan", "national"),
    "cf": ("中华人民共和国行政处罚法", "law", "national"),
    "mf": ("中华人民共和国民法典", "law", "national"),
    "sc": (SCRIPT_TITLE, "other", "provincial"),
    "hb": ("惠济区行政执法公示办法", "normative_document", "local"),
    "xg": ("兴庆区重大行政决策程序规定", "rule", "local"),
}
REPORTS = {  # id: gov, year, cites, issues, mentions
    "r1": ("hj", "2022", ["gy", "cf"], ["hb"], ["measure-fgf", "org-sfj", "gov-hj"]),
    "r2": ("hj", "2023", ["gy", "mf"], [], ["org-sfj"]),
    "r3": ("wb", "2022", ["gy", "cf"], [], ["measure-sjs"]),
    "r4": ("xq", "2022", ["gy", "sc"], ["xg"], ["measure-fgf"]),
    "r5": ("jf", "2023", [], [], ["measure-fgf"]),
}
FIGURES = [  # id, report, value, unit, indicator or None
    ("f1", "r1", "35", "件", "xzfy"),
    ("f2", "r2", "40", "件", "xzfy"),
    ("f3", "r3", "12", "件", "xzfy"),
    ("f4", "r4", "97.5", "%", "ysl"),
    ("f5", "r1", "7", "件", None),
]


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def turtle(with_indicators: bool = True) -> str:
    """The graph as Turtle; ``with_indicators=False`` leaves out every ``kg:indicator`` link and Indicator."""
    out = [
        "@prefix kg: <https://w3id.org/fazhi-kg/ontology#> .",
        "@prefix kgr: <https://w3id.org/fazhi-kg/id/> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        "",
    ]
    for code, label, level, parent in AREAS:
        out.append(
            f"kgr:area-{code} a kg:AdministrativeArea ; rdfs:label {_lit(label)}@zh ; "
            f"kg:adminLevel {_lit(level)} ; kg:divisionCode {_lit(code)}"
            + (f" ; kg:within kgr:area-{parent}" if parent else "")
            + " ."
        )
    for key, (label, area) in GOVS.items():
        out.append(
            f"kgr:gov-{key} a kg:Government , kg:Organisation ; rdfs:label {_lit(label)}@zh ; "
            f"kg:jurisdiction kgr:area-{area} ."
        )
    for key, (label, kind, level) in REGS.items():
        out.append(
            f"kgr:reg-{key} a kg:Regulation ; rdfs:label {_lit(label)}@zh ; kg:kind {_lit(kind)} ; "
            f"kg:issuerLevel {_lit(level)} ."
        )
    out.append('kgr:measure-fgf a kg:Measure ; rdfs:label "放管服"@zh .')
    out.append('kgr:measure-sjs a kg:Measure ; rdfs:label "双随机、一公开"@zh .')
    out.append('kgr:org-sfj a kg:Organisation ; rdfs:label "惠济区司法局"@zh .')
    for rid, (gov, year, cites, issues, mentions) in REPORTS.items():
        label = GOVS[gov][0].replace("人民政府", "") + f"{year}年法治政府建设情况报告"
        parts = [
            f"kgr:report-{rid} a kg:Report",
            f"rdfs:label {_lit(label)}@zh",
            f'kg:sourceFile "{rid}.txt"',
            f'kg:year "{year}"^^xsd:gYear',
            f"kg:issuedBy kgr:gov-{gov}",
        ]
        parts += [f"kg:cites kgr:reg-{c}" for c in cites] + [f"kg:issues kgr:reg-{i}" for i in issues]
        parts += [f"kg:refersTo kgr:reg-{r}" for r in cites + issues]
        parts += [f"kg:mentions kgr:{m}" for m in mentions]
        out.append(" ;\n    ".join(parts) + " .")
    if with_indicators:
        out.append(
            'kgr:indicator-xzfy a kg:Indicator , skos:Concept ; skos:prefLabel "行政复议案件数"@zh ; kg:unit "件" .'
        )
        out.append(
            'kgr:indicator-ysl a kg:Indicator , skos:Concept ; rdfs:label "行政机关负责人出庭应诉率"@zh ; kg:unit "%" .'
        )
    for fid, rid, value, unit, ind in FIGURES:
        out.append(
            f"kgr:figure-{fid} a kg:Figure ; kg:reportedIn kgr:report-{rid} ; "
            f'kg:value "{value}"^^xsd:decimal ; kg:unit {_lit(unit)}'
            + (f" ; kg:indicator kgr:indicator-{ind}" if ind and with_indicators else "")
            + " ."
        )
    # mentions: the 纲要 in r1 (offsets into TEXT_R1), the <script> title in r4 (no text file: falls back)
    s = TEXT_R1.index(TITLE_GANGYAO)
    out.append(
        f"kgr:mention-r1-gy a kg:Mention ; kg:inReport kgr:report-r1 ; kg:denotes kgr:reg-gy ; "
        f"kg:start {s} ; kg:end {s + len(TITLE_GANGYAO)} ; kg:text {_lit(TITLE_GANGYAO)} ."
    )
    out.append(
        f"kgr:mention-r4-sc a kg:Mention ; kg:inReport kgr:report-r4 ; kg:denotes kgr:reg-sc ; "
        f"kg:start 10 ; kg:end {10 + len(SCRIPT_TITLE)} ; kg:text {_lit(SCRIPT_TITLE)} ."
    )
    return "\n".join(out) + "\n"


def write_corpus(folder: Path, with_indicators: bool = True) -> Path:
    """Write ``folder/graph.ttl`` and ``folder/texts/r1.txt``; returns the graph's path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "texts").mkdir(exist_ok=True)
    (folder / "texts" / "r1.txt").write_text(TEXT_R1, encoding="utf-8")
    path = folder / "graph.ttl"
    path.write_text(turtle(with_indicators), encoding="utf-8")
    return path


# Two short reports of two governments, for build and output tests.
REPORT_A = """银川市兴庆区人民政府
兴庆区2022年法治政府建设情况报告
2022年，兴庆区认真贯彻落实《法治政府建设实施纲要（2021-2025年）》和《行政处罚法》，印发《兴庆区行政执法公示办法》。
区司法局全年办理行政复议案件35件，培训执法人员1200余人次。深化“放管服”改革。
银川市兴庆区人民政府
2023年1月20日
"""
REPORT_B = """包头市昆都仑区人民政府
昆都仑区2022年度法治政府建设工作报告
2022年，昆都仑区深入学习《法治政府建设实施纲要(2021—2025年)》，行政机关负责人出庭应诉率100%。
"""
