"""The shipped GB/T 2260 area table (kg/data/areas.csv, built by scripts/build_area_table.py)."""

from kg.lang.areas import area_table


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
