from kg.extract import extract
from kg.read import Document
from kg.resolve import canonical_organisation, classify_kind, resolve
from kg.segment import get_segmenter


def build_corpus(*texts):
    seg = get_segmenter()
    return resolve([extract(Document.from_text(t, f"r{i}.txt"), seg) for i, t in enumerate(texts)])


def test_spellings_of_one_title_are_one_node_with_alt_labels():
    c = build_corpus(
        "某某县人民政府\n2021年，认真贯彻落实《法治政府建设实施纲要(2021-2025年)》。",
        "某某区人民政府\n2022年，学习《法治政府建设实施纲要（2021－2025）》。",
    )
    keys = [k for k, r in c.regulations.items() if r.label.startswith("法治政府建设实施纲要")]
    assert keys == ["法治政府建设实施纲要（2021—2025年）"]


def test_short_law_name_resolves_to_full_title():
    c = build_corpus("2021年，严格执行《行政处罚法》。")
    assert list(c.regulations) == ["中华人民共和国行政处罚法"]
    assert c.regulations["中华人民共和国行政处罚法"].kind == "law"


def test_a_party_rule_and_a_ministries_rule_named_short_resolve_to_their_full_titles():
    c = build_corpus("2023年，组织学习《党章》，贯彻《社区矫正法实施办法》。")
    assert sorted(c.regulations) == ["中华人民共和国社区矫正法实施办法", "中国共产党章程"]


def test_a_central_plan_named_without_its_issuers_takes_its_full_title_with_them():
    # the 八五普法 plan is published as 中央宣传部、司法部关于…的第八个五年规划 (forwarded by the Party's centre)
    c = build_corpus("2022年，落实《关于开展法治宣传教育的第八个五年规划（2021—2025年）》。")
    assert list(c.regulations) == ["中央宣传部、司法部关于开展法治宣传教育的第八个五年规划（2021—2025年）"]


def test_a_law_s_colloquial_abbreviation_and_a_repealed_law_s_name_resolve_to_their_full_titles():
    c = build_corpus("2022年，学习《行诉法》《个保法》，对照《治安管理处罚条例》《食品卫生法》清理文件。")
    assert sorted(c.regulations) == [
        "中华人民共和国个人信息保护法",
        "中华人民共和国治安管理处罚条例",
        "中华人民共和国行政诉讼法",
        "中华人民共和国食品卫生法",
    ]


def test_state_council_regulations_on_trade_named_short_take_their_official_titles():
    c = build_corpus("2023年，宣传《进出口货物原产地条例》《海关行政处罚实施条例》，对照《进出口关税条例》清理文件。")
    assert sorted(c.regulations) == [
        "中华人民共和国海关行政处罚实施条例",
        "中华人民共和国进出口关税条例",
        "中华人民共和国进出口货物原产地条例",
    ]
    assert {r.kind for r in c.regulations.values()} == {"administrative_regulation"}


def test_a_law_named_with_its_version_note_is_the_law():
    c = build_corpus(
        "2023年，学习《行政复议法》，组织学习《中华人民共和国行政复议法（2023年修订）》"
        "和《中华人民共和国安全生产法(2021年第三次修正)》，宣传《中华人民共和国行政处罚法（2021年1月22日修订）》。"
    )
    laws = ["中华人民共和国安全生产法", "中华人民共和国行政处罚法", "中华人民共和国行政复议法"]
    assert sorted(c.regulations) == laws


def test_a_version_note_is_dropped_only_from_a_law_of_the_table():
    c = build_corpus("2023年，落实《某某县物业管理办法（2022年修订）》。")
    assert [r.label for r in c.regulations.values()] == ["某某县物业管理办法（2022年修订）"]


def test_local_title_without_place_is_scoped_to_the_report_area():
    a = "银川市兴庆区人民政府\n2021年，严格执行《行政规范性文件管理规定》。"
    b = "包头市昆都仑区人民政府\n2021年，严格执行《行政规范性文件管理规定》。"
    c = build_corpus(a, b)
    assert len(c.regulations) == 2
    assert {r.scope_area for r in c.regulations.values()} == {"640104", "150203"}


def test_title_naming_its_province_is_provincial_and_global():
    c = build_corpus(
        "银川市兴庆区人民政府\n2021年，贯彻《宁夏回族自治区行政执法监督条例》。",
        "吴忠市利通区人民政府\n2021年，贯彻《宁夏回族自治区行政执法监督条例》。",
    )
    (reg,) = c.regulations.values()
    assert reg.issuer_level == "provincial" and reg.kind == "local_regulation" and reg.scope_area is None


def test_kind_from_title_ending():
    assert classify_kind("某某办法（试行）") == "rule"
    assert classify_kind("某某实施方案") == "normative_document"
    assert classify_kind("某某规划（2021—2025年）") == "plan"
    assert classify_kind("某某法") == "law"


def test_organisation_level_prefix_expands_to_the_report_area():
    from kg.lang.areas import area_table

    t = area_table()
    area = t.ref(t.lookup("兴庆区")[0])
    assert canonical_organisation("区法院", area) == "兴庆区人民法院"
    assert canonical_organisation("市司法局", area) == "银川市司法局"


def test_alt_labels_are_the_surface_forms_seen():
    c = build_corpus(
        "银川市兴庆区人民政府\n2021年，认真贯彻落实《法治政府建设实施纲要(2021-2025年)》。",
        "包头市昆都仑区人民政府\n2022年，学习《法治政府建设实施纲要（2021－2025）》。",
    )
    reg = c.regulations["法治政府建设实施纲要（2021—2025年）"]
    assert reg.alt_labels == {"法治政府建设实施纲要(2021-2025年)", "法治政府建设实施纲要（2021－2025）"}


def test_tier_word_titles_belong_to_the_citing_reports_ancestor():
    title = "《省委办公厅 省政府办公厅关于加强某某工作的意见》"
    c = build_corpus(
        f"银川市兴庆区人民政府\n2021年，贯彻落实{title}。",
        f"吴忠市利通区人民政府\n2021年，贯彻落实{title}。",
        f"太原市小店区人民政府\n2021年，贯彻落实{title}。",
    )
    nodes = sorted(c.regulations.values(), key=lambda r: r.key)
    assert [(r.scope_area, r.issuer_level) for r in nodes] == [("140000", "provincial"), ("640000", "provincial")]


def test_one_reports_two_namings_of_its_own_committee_are_one_document():
    c = build_corpus(
        "银川市兴庆区人民政府\n2021年，印发《兴庆区委全面依法治区委员会2021年工作要点》。"
        "对照《中共银川市兴庆区委全面依法治区委员会2021年工作要点》逐项落实。"
    )
    (reg,) = c.regulations.values()
    assert reg.label == "中共银川市兴庆区委全面依法治区委员会2021年工作要点"
    assert reg.alt_labels == {"兴庆区委全面依法治区委员会2021年工作要点"}
    assert reg.issuer_level == "local" and reg.issuer_area == "640104"


def test_ambiguous_place_names_in_titles_resolve_towards_the_report():
    a = build_corpus("兰州市城关区人民政府\n2021年，印发《城关区行政执法公示办法》。")
    b = build_corpus("拉萨市城关区人民政府\n2021年，印发《城关区行政执法公示办法》。")
    assert [r.issuer_area for r in a.regulations.values()] == ["620102"]
    assert [r.issuer_area for r in b.regulations.values()] == ["540102"]


def test_unknown_local_titles_are_never_merged_fuzzily():
    c = build_corpus("银川市兴庆区人民政府\n2021年，印发《兴庆区行政执法公示办法》和《兴庆区行政执法公示规定》。")
    assert len(c.regulations) == 2


def test_kind_of_a_regulation_depends_on_its_issuer():
    c = build_corpus(
        "银川市兴庆区人民政府\n2021年，贯彻《国务院某某管理条例》《宁夏回族自治区某某条例》，印发《兴庆区某某条例》。"
    )
    kinds = {r.label: (r.kind, r.issuer_level) for r in c.regulations.values()}
    assert kinds == {
        "国务院某某管理条例": ("administrative_regulation", "national"),
        "宁夏回族自治区某某条例": ("local_regulation", "provincial"),
        "兴庆区某某条例": ("normative_document", "local"),
    }


def test_autonomous_county_regulations_are_local_regulations():
    from kg.resolve.regulations import _kind_for_tier

    assert _kind_for_tier("某某自治县自治条例", "county") == "local_regulation"
    assert _kind_for_tier("某某县某某条例", "county") == "normative_document"


def test_document_numbers_are_attached_to_the_node():
    c = build_corpus("2021年，贯彻《国务院关于某某工作的通知》（国发〔2021〕7号）。")
    (reg,) = c.regulations.values()
    assert reg.document_numbers == {"国发〔2021〕7号"}


def test_a_mistyped_character_resolves_to_the_known_title():
    c = build_corpus("银川市兴庆区人民政府\n2021年，落实《法治政府建设与责任落实督查工作规定》。")
    (reg,) = c.regulations.values()
    assert reg.label == "法治政府建设与责任落实督察工作规定"
    assert reg.alt_labels == {"法治政府建设与责任落实督查工作规定"}


def test_a_law_s_own_document_is_not_taken_for_another_one_character_apart():
    """中华人民共和国审计法 is in the law table; its 实施条例 is not, 统计法's is: one character apart, but the
    character is the law's own name, not a typo."""
    c = build_corpus(
        "某某县审计局\n2022年，学习《中华人民共和国审计法实施条例》和《中华人民共和国统计法实施条例》，"
        "对照《中华人民共和国统计法实施条列》自查。"
    )
    assert sorted(r.label for r in c.regulations.values()) == [
        "中华人民共和国审计法实施条例",
        "中华人民共和国统计法实施条例",
    ]


def test_another_places_government_is_not_the_reporting_one():
    c = build_corpus("淄博市人民政府\n2017年，淄博市政府在省委、省政府的坚强领导下，区政府积极配合。")
    assert "山东省人民政府" in c.organisations
    assert list(c.governments) == ["淄博市人民政府"]


def test_merging_reports_resolved_one_by_one_equals_resolving_them_together():
    """What kg.build.pipeline relies on to resolve each report in a worker and cache it (kg.resolve.merge_corpus)."""
    import copy
    from pathlib import Path

    from kg.read import read_path
    from kg.resolve import Corpus, merge_corpus

    seg = get_segmenter()
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    texts = [read_path(p) for p in seeds] + [
        Document.from_text(t, f"x{i}.txt")
        for i, t in enumerate(
            [
                "银川市兴庆区人民政府\n2021年，严格执行《行政规范性文件管理规定》和《行政处罚法》，印发《兴庆区行政执法公示办法》。",
                "银川市兴庆区人民政府\n2022年，修订《兴庆区行政执法公示办法（试行）》，学习《中华人民共和国行政处罚法》。区司法局办理案件3件。",
                "包头市昆都仑区人民政府\n2021年，严格执行《行政规范性文件管理规定》，落实“放管服”改革，区法院审结案件9件。",
            ]
        )
    ]
    extractions = [extract(d, seg) for d in texts]
    together = resolve(copy.deepcopy(extractions))
    merged = Corpus()
    for ex in sorted(copy.deepcopy(extractions), key=lambda e: e.report_id):
        merge_corpus(merged, resolve([ex]))
    for table in ("regulations", "governments", "organisations", "measures", "works", "areas"):
        assert getattr(merged, table) == getattr(together, table), table
    assert len(together.regulations) > 50


def test_a_department_named_by_its_tier_is_expanded_to_the_reports_area():
    from kg.lang.areas import area_table
    from kg.resolve import government_name

    t = area_table()
    assert government_name("县司法局", t.ref(t.lookup("盐池县")[0])) == "吴忠市盐池县司法局"


def test_a_prefectures_bodies_named_by_its_tier_take_its_name():
    from kg.lang.areas import area_table
    from kg.resolve import government_name

    t = area_table()
    hotan = t.ref(t.lookup("和田地区")[0])
    assert government_name("地区司法处", hotan) == "和田地区司法处"
    assert canonical_organisation("地区司法处", hotan) == "和田地区司法处"


def test_a_place_whose_name_starts_with_a_tier_word_is_not_a_tier_prefix():
    from kg.lang.areas import area_table
    from kg.resolve import government_name

    t = area_table()
    for district, city in (("市南区", "青岛市"), ("市中区", "济南市")):
        ref = t.ref(next(a for a in t.lookup(district) if t.chain(a)[-2].name == city))
        assert canonical_organisation(f"{district}司法局", ref) == f"{district}司法局"
        assert government_name(f"{district}人民政府", ref) == f"{city}{district}人民政府"
        assert canonical_organisation("市司法局", ref) == f"{city}司法局"  # the tier word still names the city


def test_a_title_named_again_in_a_report_is_one_node_with_every_number():
    c = build_corpus(
        "银川市兴庆区人民政府\n2021年，印发《兴庆区行政执法公示办法》（兴政发〔2021〕3号）。"
        "修订《兴庆区行政执法公示办法》，落实《兴庆区行政执法公示办法》（兴政发〔2022〕8号）。"
    )
    (reg,) = c.regulations.values()
    assert reg.document_numbers == {"兴政发〔2021〕3号", "兴政发〔2022〕8号"}


def test_resolving_a_report_again_gives_equal_nodes_that_share_nothing():
    seg = get_segmenter()
    ex = extract(
        Document.from_text(
            "银川市兴庆区人民政府\n2021年，印发《兴庆区行政执法公示办法》，执行《行政处罚法》和《行政处罚法》。"
            "区司法局、区法院和区司法局办理案件3件，区政府常务会议研究2次。",
            "r.txt",
        ),
        seg,
    )
    first, again = resolve([ex]), resolve([ex])
    for table in ("regulations", "governments", "organisations", "measures", "works"):
        assert getattr(first, table) == getattr(again, table), table
    for key, node in first.regulations.items():
        node.alt_labels.add("改过")
        assert "改过" not in again.regulations[key].alt_labels


def test_a_report_resolves_alike_whatever_was_resolved_before_it():
    a = "包头市昆都仑区人民政府\n2021年，严格执行《行政规范性文件管理规定》，区司法局办理案件9件。"
    b = "银川市兴庆区人民政府\n2021年，严格执行《行政规范性文件管理规定》和《行政处罚法》，区司法局办理案件3件。"
    alone = build_corpus(b)
    build_corpus(a, a)
    after = build_corpus(b)
    for table in ("regulations", "governments", "organisations", "measures", "works", "areas"):
        assert getattr(after, table) == getattr(alone, table), table
    assert {r.scope_area for r in after.regulations.values()} == {"640104", None}


def test_the_same_body_named_again_is_one_organisation_with_every_spelling():
    c = build_corpus("银川市兴庆区人民政府\n2021年，区司法局、兴庆区司法局和区司法局开展普法，区政府研究3次。")
    assert c.organisations["兴庆区司法局"].alt_labels == {"区司法局"}
    (node,) = c.reports.values()
    assert node.organisation_keys.count("兴庆区司法局") == 3


def test_a_places_party_committee_with_and_without_its_zhonggong_is_one_body():
    from kg.lang.areas import area_table

    t = area_table()
    ref = t.ref(t.lookup("临汾市")[0])
    assert canonical_organisation("临汾市委", ref) == canonical_organisation("中共临汾市委", ref) == "中共临汾市委"
    assert canonical_organisation("市委", ref) == "中共临汾市委"
    assert canonical_organisation("临汾市委办公室", ref) == "临汾市委办公室"  # only the committee itself


def test_a_party_body_that_issues_a_report_is_named_as_it_names_itself():
    from kg.lang.areas import area_table
    from kg.resolve.bodies import government_name

    (pingluo,) = area_table().lookup("平罗县")
    area = area_table().ref(pingluo)
    expected = "中共平罗县委全面依法治县委员会办公室"  # with 中共, without the prefecture (tests/gold/GUIDELINES.md)
    assert government_name("平罗县委依法治县办", area) == expected
    assert government_name("石嘴山市平罗县委全面依法治县委员会办公室", area) == expected
    assert government_name("平罗县司法局", area) == "石嘴山市平罗县司法局"  # a government department keeps it


def test_a_department_naming_itself_without_place_or_by_its_short_name_is_the_reporting_department():
    c = build_corpus(
        "新乡市红旗区民政局2023年法治政府建设情况报告\n2023年，民政局严格落实学法制度，人社局配合开展培训，"
        "市民政局给予指导。",
        "南阳市宛城区人力资源和社会保障局2023年法治政府建设情况报告\n2023年，人社局严格遵循重大行政决策程序。",
    )
    assert "民政局" not in c.organisations and "人力资源和社会保障局" in c.organisations  # 红旗区's: another body
    assert "市民政局" in c.organisations  # a tier word names another level's body
    governments = {g.label: g.alt_labels for g in c.governments.values()}
    assert "民政局" in governments["新乡市红旗区民政局"]
    assert "人社局" in governments["南阳市宛城区人力资源和社会保障局"]


def test_a_league_s_government_written_short_is_one_body_with_its_full_name():
    from kg.lang.areas import area_table

    t = area_table()
    league = t.ref(t.lookup("阿拉善左旗")[0])
    assert canonical_organisation("盟行署", league) == canonical_organisation("阿拉善盟行政公署", league)
    assert canonical_organisation("阿拉善盟行署", league) == "阿拉善盟行政公署"
    # 行署 alone (在盟委、行署的领导下): there is one above a 旗, its 盟's
    assert canonical_organisation("行署", league) == "阿拉善盟行政公署"
    county = t.ref(t.lookup("盐池县")[0])
    assert canonical_organisation("行署", county) == "行政公署"  # a county of a city: no 行政公署 above it
