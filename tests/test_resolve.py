from kg.extract import extract
from kg.read import Document
from kg.resolve import canonical_organisation, classify_kind, resolve
from kg.segment import get_segmenter


def build_corpus(*texts):
    seg = get_segmenter()
    return resolve([extract(Document.from_text(t, f"r{i}.txt"), seg) for i, t in enumerate(texts)])


def test_spellings_of_one_title_are_one_node_with_alt_labels():
    c = build_corpus("某某县人民政府\n2021年，认真贯彻落实《法治政府建设实施纲要(2021-2025年)》。",
                     "某某区人民政府\n2022年，学习《法治政府建设实施纲要（2021－2025）》。")
    keys = [k for k, r in c.regulations.items() if r.label.startswith("法治政府建设实施纲要")]
    assert keys == ["法治政府建设实施纲要（2021—2025年）"]


def test_short_law_name_resolves_to_full_title():
    c = build_corpus("2021年，严格执行《行政处罚法》。")
    assert list(c.regulations) == ["中华人民共和国行政处罚法"]
    assert c.regulations["中华人民共和国行政处罚法"].kind == "law"


def test_local_title_without_place_is_scoped_to_the_report_area():
    a = "银川市兴庆区人民政府\n2021年，严格执行《行政规范性文件管理规定》。"
    b = "包头市昆都仑区人民政府\n2021年，严格执行《行政规范性文件管理规定》。"
    c = build_corpus(a, b)
    assert len(c.regulations) == 2
    assert {r.scope_area for r in c.regulations.values()} == {"640104", "150203"}


def test_title_naming_its_province_is_provincial_and_global():
    c = build_corpus("银川市兴庆区人民政府\n2021年，贯彻《宁夏回族自治区行政执法监督条例》。",
                     "吴忠市利通区人民政府\n2021年，贯彻《宁夏回族自治区行政执法监督条例》。")
    (reg,) = c.regulations.values()
    assert reg.issuer_level == "provincial" and reg.kind == "local_regulation" and reg.scope_area is None


def test_kind_from_title_ending():
    assert classify_kind("某某办法（试行）") == "rule"
    assert classify_kind("某某实施方案") == "normative_document"
    assert classify_kind("某某规划（2021—2025年）") == "plan"
    assert classify_kind("某某法") == "law"


def test_organisation_level_prefix_expands_to_the_report_area():
    from kg.areas import area_table

    t = area_table()
    area = t.ref(t.lookup("兴庆区")[0])
    assert canonical_organisation("区法院", area) == "兴庆区人民法院"
    assert canonical_organisation("市司法局", area) == "银川市司法局"
