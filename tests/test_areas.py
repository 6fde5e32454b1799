"""The shipped GB/T 2260 area table (kg/data/areas.csv, built by scripts/build_area_table.py)."""

from kg.lang.areas import area_table, is_zone


def test_every_current_area_chains_up_to_its_province_without_cycles():
    table = area_table()
    for area in table.by_code.values():
        chain = table.chain(area)
        assert len({a.code for a in chain}) == len(chain), area
        if area.current:
            assert chain[0].level == "province" and chain[0].code == area.code[:2] + "0000", area


def test_levels_and_codes_agree():
    for area in area_table().by_code.values():
        assert len(area.code) == 6 and area.code.isdigit()
        if area.level == "province":
            assert area.code.endswith("0000") and not area.parent
        elif area.level == "prefecture":
            assert area.code.endswith("00") and area.parent == area.code[:2] + "0000"
        else:
            assert area.parent[:2] == area.code[:2]


def test_renamed_areas_keep_their_old_codes_as_history():
    table = area_table()
    assert [a.code for a in table.lookup("偃师区")] == ["410307"]
    assert not table.by_code["410381"].current  # 偃师市 before 2021


def test_prefecture_cities_without_counties_are_prefectures():
    assert area_table().lookup("东莞市")[0].level == "prefecture"


def test_short_names_and_aliases_of_autonomous_areas():
    table = area_table()
    assert table.by_code["632800"].short == "海西"
    assert [a.code for a in table.lookup("海西州")] == ["632800"]
    assert [a.code for a in table.lookup("东乌旗")] == ["152525"]


def test_the_words_that_run_into_county_names_are_those_the_script_makes():
    from kg.resources import data_lines
    from scripts.make_county_word_list import words

    assert list(data_lines("words_into_county_names.txt")) == words()  # python scripts/make_county_word_list.py
    assert {"示范", "完成", "振兴", "提高"} <= set(words())


def test_no_area_is_listed_under_a_parent_of_its_own_name():
    # 嘉峪关市 has no counties; a child row of the same name would make its government 嘉峪关市嘉峪关市人民政府
    t = area_table()
    assert not [a for a in t.by_code.values() if a.parent in t.by_code and t.by_code[a.parent].name == a.name]
    assert t.government_name(t.lookup("嘉峪关市")[0]) == "嘉峪关市人民政府"


def test_development_zones_with_statistical_codes_are_areas_below_their_city():
    table = area_table()
    (zone,) = table.lookup("郑州高新区")
    assert (zone.code, zone.name, zone.level, zone.parent) == ("410172", "郑州高新技术产业开发区", "county", "410100")
    assert is_zone(zone) and not is_zone(table.lookup("金水区")[0])
    assert table.full_name(zone) == "郑州高新技术产业开发区"  # the city's name begins it already
    assert table.government_name(zone) == "郑州高新技术产业开发区管理委员会"
    assert table.lookup("商丘经济开发区")[0].name == "河南商丘经济开发区"  # written without the province


def test_the_zone_table_is_built_from_the_statistical_codes_with_the_short_forms_reports_write(tmp_path):
    from scripts.build_zone_table import zone_rows

    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "provinces.csv").write_text("code,name\n41,河南省\n", encoding="utf-8")
    (dist / "cities.csv").write_text("code,name,provinceCode\n4101,郑州市,41\n4114,商丘市,41\n", encoding="utf-8")
    (dist / "areas.csv").write_text(
        "code,name,cityCode,provinceCode\n410105,金水区,4101,41\n410172,郑州高新技术产业开发区,4101,41\n"
        "411472,河南商丘经济开发区,4114,41\n",
        encoding="utf-8",
    )
    assert zone_rows(dist) == [
        {"code": "410172", "name": "郑州高新技术产业开发区", "parent": "410100", "aliases": "郑州高新区"},
        {"code": "411472", "name": "河南商丘经济开发区", "parent": "411400", "aliases": "商丘经济开发区"},
    ]


def test_every_shipped_zone_lies_below_a_prefecture_and_shares_no_name_with_an_area():
    from kg.resources import data_csv

    table = area_table()
    areas = {r["name"] for r in data_csv("areas.csv")}
    for zone in data_csv("zones.csv"):
        assert zone["code"][4] == "7" and table.by_code[zone["parent"]].level == "prefecture"
        assert zone["name"] not in areas and not set(zone["aliases"].split("|")) & areas


def test_the_traditional_table_keeps_one_character_for_one(tmp_path):
    from scripts.build_traditional_table import pairs

    # 乾, 著 and 齣 are simplified characters too (each is among the forms OpenCC gives): converting them would
    # misspell 乾县 or 著作, so the table leaves them as they are
    assert pairs("國\t国\n乾\t干 乾\n著\t著 着\n㑮\t𫝈\n齣\t出 齣\n") == [("㑮", "𫝈"), ("國", "国")]


def test_a_function_character_after_a_closing_bracket_joins_words_and_spells_no_place():
    t = area_table()
    assert t.find("落实《某某实施意见》（某发〔2017〕17号）和县委办公室《通知》") == []
    assert t.find("和县人民政府")[0][2] == "和县"


def test_the_tier_word_at_a_place_is_the_longest_one_standing_there():
    from kg.lang.areas import tier_word_at, tier_words

    words = dict(tier_words())
    assert tier_word_at("县人民政府办公室关于印发某某办法的通知") == ("县人民政府", words["县人民政府"])
    assert tier_word_at("印发国务院文件", 2) == ("国务院", "national")
    assert tier_word_at("某某县司法局") is None
    # every word of the table is found where it stands, as the longest word there
    for word, _ in tier_words():
        text = word + "办公室"
        found = tier_word_at(text)
        assert found is not None and found[0] == max((w for w, _ in tier_words() if text.startswith(w)), key=len)
