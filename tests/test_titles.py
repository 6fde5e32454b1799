from kg.lang.titles import match_key, normalise_title


def test_year_range_spellings_are_one_title():
    forms = [
        "法治政府建设实施纲要(2021-2025年)",
        "法治政府建设实施纲要（2021—2025年）",
        "法治政府建设实施纲要（2021-2025）",
        "法治政府建设实施纲要（2021－2025年）",
        "法治政府建设实施纲要 （2021 – 2025 年）",
    ]
    assert {normalise_title(f) for f in forms} == {"法治政府建设实施纲要（2021—2025年）"}


def test_inner_titles_in_angle_brackets_become_book_brackets():
    assert normalise_title("某省贯彻落实<某某条例>的实施方案") == "某省贯彻落实《某某条例》的实施方案"
    assert normalise_title("某省贯彻落实〈某某条例〉的实施方案") == "某省贯彻落实《某某条例》的实施方案"


def test_chinese_punctuation_is_kept_but_fullwidth_digits_are_not():
    assert normalise_title("关于Ａ、Ｂ，２０２２年版") == "关于A、B，2022年版"


def test_corner_quotes_in_a_title_are_the_curly_ones():
    assert normalise_title("关于加快推进政务服务「跨省通办」的指导意见") == "关于加快推进政务服务“跨省通办”的指导意见"
    assert match_key("《吉林省「最多跑一次」改革实施方案》") == match_key("吉林省“最多跑一次”改革实施方案")


def test_a_document_number_typed_inside_the_brackets_is_not_part_of_the_title():
    forms = [
        "某县行政执法公示办法（某政办发〔2022〕15号）",
        "某县行政执法公示办法(某政办发[2022]15号)",
        "某县行政执法公示办法",
    ]
    assert {normalise_title(f) for f in forms} == {"某县行政执法公示办法"}
    assert (
        normalise_title("某县行政执法公示办法（试行）") == "某县行政执法公示办法（试行）"
    )  # a note on its standing stays


def test_a_dash_of_any_width_joining_two_names_is_the_one_dash():
    assert normalise_title("《中国-东盟全面经济合作框架协议》") == normalise_title("中国－东盟全面经济合作框架协议")
    assert normalise_title("中国-东盟全面经济合作框架协议") == "中国—东盟全面经济合作框架协议"
    assert normalise_title("某县法治宣传教育——八五普法读本") == "某县法治宣传教育——八五普法读本"  # (a subtitle's dash)
