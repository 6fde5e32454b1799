"""Issuer, area and year of a report. Every text here is composed for the test."""

from kg.extract.issuer import extract_report_info
from kg.extract.report_head import after_salutation, lines_of
from kg.read import Document


def info(text):
    return extract_report_info(Document.from_text(text))


def test_issuer_year_and_area_from_title_and_signature():
    i = info(
        "某某网站\n2021年度法治政府建设情况报告\n2021年，我县坚持依法行政。\n"
        "一、主要工作\n全年办理案件10件。\n吴忠市盐池县人民政府\n2022年1月10日"
    )
    assert (i.year, i.issuer, i.area.code, i.issuer_level) == (2021, "吴忠市盐池县人民政府", "640323", "county")


def test_year_from_signature_date_when_no_title_year():
    assert info("正文第一段，推进依法行政。\n某某县人民政府\n2023年12月30日").year == 2023
    assert info("正文第一段，推进依法行政。\n某某县人民政府\n2024年1月5日").year == 2023


def test_the_publication_date_of_a_web_page_is_not_the_year():
    i = info("发布时间：2023-03-01\n兴庆区2022年法治政府建设情况报告\n2022年，兴庆区坚持依法行政。")
    assert i.year == 2022 and i.published == "2023-03-01"


def test_a_year_range_in_the_title_reports_its_last_year():
    assert info("某某旗人民政府关于2016-2020年度法治政府建设情况的报告\n正文。").year == 2020


def test_department_issuer_resolves_its_area_from_the_name():
    i = info("峨山县司法局2022年度法治政府建设情况的报告\n2022年，县司法局坚持依法行政。")
    assert i.issuer == "峨山县司法局" and i.issuer_level == "department" and i.area.name.startswith("峨山")


def test_the_subject_of_the_opening_sentence_not_its_superior():
    i = info("2021年，在吴忠市委、市政府的坚强领导下，盐池县坚持依法行政，全县法治政府建设取得成效。")
    assert i.area.name == "盐池县" and i.issuer == "吴忠市盐池县人民政府"


def test_autonomous_areas_by_their_short_names():
    assert info("2020年，海西州坚持依法行政。").area.name == "海西蒙古族藏族自治州"
    assert info("东乌旗人民政府关于2020年度法治政府建设情况的报告\n正文。").area.name == "东乌珠穆沁旗"


def test_ambiguous_area_names_resolve_by_context():
    assert info("兰州市城关区人民政府\n2021年，城关区坚持依法行政。").area.code == "620102"
    assert info("拉萨市城关区人民政府\n2021年，城关区坚持依法行政。").area.code == "540102"


def test_missing_issuer_and_year_are_reported_as_problems():
    i = info("推进依法行政，建设法治政府。")
    assert i.problems == ["year not found", "issuing area not found"]


# --- failure classes seen on unseen reports (issue 15); every text composed -----------------------------------


def test_a_function_character_and_a_tier_word_are_not_a_place():
    i = info("2022年法治政府建设情况报告\n2022年，我县坚决贯彻市委和县委的部署，推进依法行政。")
    assert i.area is None and "issuing area not found" in i.problems  # not 和县 (安徽省马鞍山市)
    i = info("2022年，盐池县坚决贯彻市委和县委的部署，推进依法行政。")
    assert i.area.name == "盐池县"


def test_a_two_character_place_is_read_where_the_text_names_it_as_one():
    assert (
        info("马鞍山市和县人民政府\n关于2022年法治政府建设情况的报告\n一年来，我县坚持依法行政。").area.name == "和县"
    )
    assert info("2022年，和县坚持依法行政，法治政府建设取得成效。").area.name == "和县"


def test_we_county_takes_its_place_from_the_titles_it_issued_not_from_its_superior():
    i = info(
        "2022年，在银川市委、市政府的坚强领导下，我县坚持依法行政。县政府印发《永宁县重大行政决策程序规定》"
        "《永宁县人民政府关于加强行政执法工作的意见》，全县法治政府建设取得成效。"
    )
    assert i.area.name == "永宁县" and i.issuer == "银川市永宁县人民政府"


def test_we_county_never_falls_back_to_the_province_or_the_city_of_the_opening():
    i = info("2022年，在宁夏回族自治区党委和银川市委的坚强领导下，我县坚持依法行政，县政府常务会议听取汇报4次。")
    assert i.area is None and i.issuer is None


def test_a_report_signed_by_a_government_office_is_issued_by_that_office():
    i = info(
        "2023年，县政府办公室坚持依法行政。\n一、主要工作\n全年办理案件10件。\n吴忠市盐池县人民政府办公室\n2024年1月6日"
    )
    assert (i.issuer, i.issuer_level, i.area.name) == ("吴忠市盐池县人民政府办公室", "department", "盐池县")


def test_a_department_heading_the_title_with_a_bracketed_alias_is_the_issuer():
    i = info("某某网\n贡觉县民族宗教事务局（县宗教局）2023年法治政府建设年度报告\n2023年，我局坚持依法行政。")
    assert i.issuer == "贡觉县民族宗教事务局（县宗教局）" and i.issuer_level == "department"
    assert i.area.name == "贡觉县"


def test_a_party_committee_office_heading_the_title_is_the_issuer():
    i = info("中共盐池县委全面依法治县委员会办公室2023年法治建设工作报告\n2023年，县委依法治县办坚持依法治县。")
    assert i.issuer == "中共盐池县委全面依法治县委员会办公室" and i.issuer_level == "department"


def test_a_joint_report_of_party_committee_and_government_is_the_governments():
    i = info("中共盐池县委 盐池县人民政府关于2022年度法治政府建设情况的报告\n2022年，全县坚持依法行政。")
    assert i.issuer == "盐池县人民政府" and i.issuer_level == "county" and i.area.name == "盐池县"


def test_an_autonomous_prefecture_written_short_and_full_is_one_area():
    short = info("黔西南州2022年法治政府建设情况报告\n2022年，全州坚持依法行政。").area
    full = info("黔西南布依族苗族自治州2022年法治政府建设情况报告\n2022年，全州坚持依法行政。").area
    assert short.code == full.code and short.name == "黔西南布依族苗族自治州"


def test_a_league_is_governed_by_its_administrative_office():
    i = info("锡林郭勒盟2022年法治政府建设情况报告\n2022年，全盟坚持依法行政。")
    assert i.issuer == "锡林郭勒盟行政公署" and i.issuer_level == "city"


def test_we_district_in_an_autonomous_regions_report_is_the_region():
    i = info("2022年，内蒙古自治区坚持依法行政，我区法治政府建设取得成效。")
    assert i.area.name == "内蒙古自治区" and i.issuer_level == "province"


def test_document_numbers_and_dates_of_a_disclosure_page_are_not_the_year_reported_on():
    i = info("发文字号：盐政发〔2025〕1号\n发布日期：2025年02月27日\n2024年，盐池县坚持依法行政，成效明显。")
    assert i.year == 2024


def test_a_department_the_opening_names_as_reporting_is_the_issuer():
    i = info("某某网\n2023年度法治政府建设工作报告\n2023年，盐池县司法局坚持以习近平法治思想为指导，推进依法行政。")
    assert (i.issuer, i.issuer_level, i.area.name) == ("盐池县司法局", "department", "盐池县")


def test_a_government_the_opening_names_is_not_a_department():
    i = info("2023年，县委县政府坚持依法行政，盐池县法治政府建设成效明显。")
    assert i.issuer == "吴忠市盐池县人民政府" and i.issuer_level == "county"


def test_a_place_written_short_right_after_the_year_is_the_subject():
    i = info("2022年，曲阜坚持以习近平法治思想为指导，济宁市依法治市专题培训班在曲阜举办，代表济宁市迎接评估。")
    assert (i.area.name, i.issuer_level) == ("曲阜市", "county_city")


def test_a_short_word_after_the_year_that_is_no_place_is_not_an_area():
    assert info("2022年，我们坚持以习近平法治思想为指导，推进依法行政。").area is None


def test_a_prefectures_department_reporting_since_the_year_is_the_issuer():
    i = info("2024年以来，地区司法处坚持以习近平法治思想为指导，和田地区行政执法质量持续提升。")
    assert (i.issuer, i.issuer_level, i.area.name) == ("地区司法处", "department", "和田地区")


def test_the_pages_publisher_gives_the_area_when_the_report_says_only_we():
    i = info("来源：莒县人民政府  发布时间：2024-01-05\n2023年度法治政府建设情况报告\n2023年，我县坚持依法行政。")
    assert (i.area.name, i.issuer_level) == ("莒县", "county")


def test_a_publisher_of_a_higher_tier_is_not_the_issuer():
    assert info("来源：日照市人民政府\n2023年度法治政府建设情况报告\n2023年，我县坚持依法行政。").area is None


# A county's report carried by its superior's portal: the portal's name above it is not the report's issuer.
def test_the_name_of_the_portal_that_carries_the_page_is_not_the_issuer():
    i = info(
        "临汾市人民政府门户网站\n首页 > 政务公开 > 法治政府建设\n2023年，浮山县坚持依法行政，全面推进法治政府建设。"
    )
    assert i.issuer == "临汾市浮山县人民政府" and i.issuer_level == "county"


def test_a_superior_government_named_above_the_opening_of_a_lower_one_is_a_banner():
    i = info("临汾市人民政府\n2023年，浮山县坚持依法行政，全面推进法治政府建设。")
    assert i.issuer == "临汾市浮山县人民政府"


def test_a_province_above_a_report_that_speaks_as_a_county_government_is_never_its_issuer():
    i = info(
        "山西省人民政府\n2020年，在县委的正确领导下，县政府坚持依法行政，印发《浮山县人民政府关于推进依法行政的意见》，"
        "执行《浮山县行政执法公示办法》。"
    )
    assert i.area.name == "浮山县" and i.issuer_level == "county"


def test_a_body_heading_its_own_report_is_kept():
    i = info("浮山县人民政府\n2023年，浮山县坚持依法行政。")
    assert i.issuer == "浮山县人民政府" and i.area.name == "浮山县"
    i = info("临汾市司法局\n2023年，市司法局坚持依法行政，指导浮山县推进法治政府建设。")
    assert i.issuer == "临汾市司法局" and i.issuer_level == "department"


def test_a_prefectures_department_on_its_provinces_portal_is_the_issuer_not_the_province():
    i = info(
        "山西省人民政府\n山西省人民政府门户网站\n2023年，市司法局坚持依法行政，"
        "推进临汾市法治政府建设，指导各县（市、区）开展工作。"
    )
    assert i.issuer == "市司法局" and i.issuer_level == "department" and i.area.name == "临汾市"


def test_a_district_whose_name_is_an_ordinary_word_is_a_place_only_after_its_prefecture():
    text = "近年来，我市坚持依法行政，城区、矿区、郊区均建成公共法律服务中心，推进临汾市法治政府建设。"
    assert info(text).area.name == "临汾市"
    assert info("2023年，阳泉市矿区坚持依法行政。").area.name == "矿区"


def test_a_department_reporting_by_what_it_takes_as_its_lever_is_the_issuer():
    i = info("2024年，区司法局以“深化法治建设”为抓手，推进临汾市尧都区法治政府建设。")
    assert i.issuer == "区司法局" and i.issuer_level == "department" and i.area.name == "尧都区"


def test_years_written_in_chinese_digits_in_the_title_the_opening_and_the_signature():
    assert info("浮山县人民政府关于二〇二三年度法治政府建设情况的报告\n正文。").year == 2023
    assert info("二○二三年，浮山县坚持依法行政。").year == 2023
    signed = info("正文第一段，推进依法行政。\n临汾市浮山县人民政府\n二〇二四年一月十五日")
    assert (signed.year, signed.issuer) == (2023, "临汾市浮山县人民政府")  # signed in January: the year before
    assert info("正文第一段。\n临汾市浮山县人民政府\n二〇二三年十二月二十八日").year == 2023


def test_a_title_keeps_its_chinese_digits():
    assert info("浮山县人民政府关于二〇二三年度法治政府建设情况的报告\n正文。").title.endswith(
        "二〇二三年度法治政府建设情况的报告"
    )


def test_a_common_word_running_into_a_one_character_countys_name_spells_no_place():
    # 范县, 成县, 兴县 are real counties; 示范县, 完成县委, 振兴县域 only spell them
    i = info("2022年，在县委的坚强领导下，我县以创建法治政府建设示范县为抓手，完成县委交办任务，振兴县域经济。")
    assert i.area is None
    assert info("2022年，范县坚持依法行政。").area.name == "范县"


def test_a_government_named_by_its_tier_is_led_by_its_own_committee():
    i = info("2021年，在潍坊市委、市政府和寿光市委的坚强领导下，市政府坚持依法行政。")
    assert i.area.name == "寿光市" and i.issuer == "潍坊市寿光市人民政府"


def test_a_city_that_speaks_is_never_its_province():
    assert info("2022年，市政府在省委、省政府和市委的坚强领导下，深入贯彻落实关于辽宁振兴发展的部署。").area is None
    assert info("2022年，市司法局坚持依法行政，推动辽宁省法治建设。").area is None


def test_a_joint_heading_or_signature_on_a_line_of_its_own_is_the_governments():
    i = info("中共浮山县委 浮山县人民政府\n关于2023年度法治政府建设情况的报告\n2023年，我县坚持依法行政。")
    assert (i.issuer, i.issuer_level, i.issuer_span.text) == ("浮山县人民政府", "county", "浮山县人民政府")
    signed = info("2023年，我县坚持依法行政。\n全年办理案件10件。\n中共浮山县委 浮山县人民政府\n2024年1月15日")
    assert signed.issuer == "浮山县人民政府"


def test_a_body_whose_name_speaks_of_the_rule_of_law_heads_its_own_report():
    i = info("浮山县法治政府建设领导小组办公室\n关于2023年法治政府建设工作情况的报告\n2023年，我县坚持依法行政。")
    assert (i.issuer, i.issuer_level) == ("浮山县法治政府建设领导小组办公室", "department")


def test_a_place_name_two_areas_share_is_no_issuer_until_the_text_says_which():
    assert info("2024年，青山区坚持依法行政，全面推进法治政府建设。").area is None  # 包头 and 武汉 both have one
    assert info("2024年，在包头市委、市政府的领导下，青山区坚持依法行政。").area.code == "150204"


def test_a_provinces_banner_above_a_report_that_speaks_as_a_city_or_a_prefectures_department():
    i = info("山西省人民政府\n近年来，我市坚持依法行政，推进临汾市法治政府建设，印发《临汾市行政执法公示办法》。")
    assert i.area.name == "临汾市"
    i = info("西藏自治区人民政府\n2023年以来，地区司法处坚持依法行政，推进阿里地区法治建设。")
    assert i.issuer == "地区司法处" and i.area.name == "阿里地区"


def test_a_joint_heading_written_one_body_per_line_is_the_governments():
    i = info("中共同心县委\n同心县人民政府\n关于同心县2023年法治政府建设工作\n情况的报告\n2023年，我县坚持依法行政。")
    assert (i.issuer, i.issuer_level, i.area.name) == ("同心县人民政府", "county", "同心县")


def test_a_committee_and_government_named_by_the_short_place_speak_for_it():
    i = info("2024年，在省委、省政府的正确领导下，临汾委、政府坚持以习近平法治思想为指导，扎实推进依法行政。")
    assert i.area.name == "临汾市" and i.issuer == "临汾市人民政府"


def test_a_text_that_speaks_of_its_province_is_no_district_of_a_municipality():
    text = "西城区2023年法治政府建设工作总结\n2023年，在市委、市政府的领导下，我区对标省市县三级目标，推进依法行政。"
    assert info(text).area is None  # only 北京 has a 西城区 in the table, and 北京 has no 省
    assert info("2023年，在市委、市政府坚强领导下，西城区坚持依法行政，推进法治政府建设。").area.code == "110102"
    # another province's 省 says nothing; a text that names the municipality is its district's
    assert info("2022年，西城区坚持依法行政，配合河北省政府推进协同立法。").area.code == "110102"
    assert info("北京市西城区2022年法治政府建设情况报告\n2022年，在省委的支持下开展交流。").area.code == "110102"


def test_a_year_in_the_places_history_is_not_the_year_reported_on():
    i = info("某某市\n某某是最年轻的地级市之一。2004年撤县设市，辖两区一县。2020年，我市坚持依法行政。")
    assert i.year == 2020


def test_a_townships_report_is_its_governments_not_the_countys():
    i = info(
        "同心县某某乡2025年法治政府建设工作报告\n2025年，我乡坚持依法行政，全乡法治建设取得成效。本乡召开会议3次。"
    )
    assert (i.issuer, i.issuer_level, i.area.name) == ("吴忠市同心县某某乡人民政府", "department", "同心县")
    i = info("2023年，我镇根据盐池县的要求推进依法行政，强化盐池镇法治建设。现将本镇工作报告如下。")
    assert i.issuer == "吴忠市盐池县盐池镇人民政府" and i.area.name == "盐池县"
    headed = info(
        "大武口区某某街道2025年度法治政府建设情况报告\n今年以来，某某街道在区委、区政府的领导下，坚持依法行政。"
    )
    assert headed.issuer == "石嘴山市大武口区某某街道办事处"  # a title that starts with the township says so alone
    unnamed = info("2023年，我镇根据某某旗的要求推进依法行政，全镇法治建设取得成效。现将本镇工作报告如下。")
    assert unnamed.issuer is None  # a township that never names itself is not its county's government


def test_a_countys_report_that_speaks_of_its_townships_stays_the_countys():
    county = "吴忠市盐池县人民政府"
    i = info("盐池县2023年法治政府建设工作报告\n2023年，盐池县坚持依法行政。某某镇坚持“枫桥经验”，化解矛盾。")
    assert i.issuer == county
    i = info("2023年，盐池县坚持依法行政。\n某某镇2023年获评先进。本乡本土人才回流，本乡本土企业发展。")
    assert i.issuer == county
    signed = info("2023年，我镇、我乡、全镇推进依法行政。\n盐池县人民政府\n2024年1月10日")
    assert signed.issuer == "盐池县人民政府"  # the signature names the body


def test_a_development_zones_committee_reports_for_the_zone():
    i = info("洛阳高新技术产业开发区管理委员会2020年度法治政府建设工作报告\n2020年，洛阳高新区坚持依法行政。")
    assert (i.issuer, i.area.code, i.issuer_level) == ("洛阳高新技术产业开发区管理委员会", "410371", "district")
    joint = info(
        "中共新乡经济技术开发区工作委员会\n新乡经济技术开发区管委会\n关于2022年度法治政府建设情况的报告\n"
        "2022年，新乡经开区坚持依法行政。"
    )
    assert joint.issuer == "新乡经济技术开发区管委会" and joint.area.code == "410772"


def test_a_report_led_by_a_city_is_never_its_provinces():
    text = "今年以来，在市委、市政府的坚强领导下，我局持续优化营商环境，两件案例入选某某省优秀案例。"
    assert info(text.replace("某某省", "山西")).area is None
    # a municipality's 市委 and an autonomous region's 区党委 are its own
    assert info("2022年，在党中央、国务院和市委的坚强领导下，重庆市坚持依法行政。").area.name == "重庆市"
    region = "2022年，在自治区党委、区政府的坚强领导下，宁夏回族自治区坚持依法行政。"
    assert info(region).area.name == "宁夏回族自治区"


def test_a_provinces_law_named_in_the_head_is_no_evidence_of_who_reports():
    text = "某某经开区2024年法治政府建设年度报告\n2024年，某某经开区坚持依法行政。\n学习《山西省安全生产条例》。"
    assert info(text).area is None
    province = info(
        "2021年，自治区坚持依法行政，深入推进法治政府建设。\n一、工作\n制定《宁夏回族自治区行政执法监督办法》。"
    )
    assert province.area.name == "宁夏回族自治区"  # a report that speaks as a province names its own laws


def test_a_city_that_says_only_wo_shi_is_named_by_the_titles_it_issued():
    i = info(
        "2019年法治政府建设工作报告\n2019年，在省委、省政府的坚强领导下，我市深入推进依法行政，在河南省法治政府"
        "建设考评中位列全省前列。一是印发《开封市人民政府关于进一步规范行政执法行为的意见》，二是制定"
        "《开封市重大行政决策程序规定》。"
    )
    assert (i.issuer, i.issuer_level) == ("开封市人民政府", "city")


def test_a_county_level_city_led_by_its_prefecture_is_not_the_prefecture():
    i = info(
        "2020年法治政府建设工作报告\n2020年，在郑州市委、市政府的正确领导下，我市坚持依法行政。认真贯彻"
        "《郑州市人民政府关于深化放管服改革的意见》和《郑州市行政执法监督办法》，印发《新密市人民政府关于推行"
        "行政执法公示制度的通知》。"
    )
    assert (i.area.name, i.issuer_level) == ("新密市", "county_city")


def test_a_place_at_the_head_of_a_followed_title_is_not_the_subject_of_the_opening():
    i = info(
        "2022年法治政府建设工作报告\n2022年，认真贯彻《吴忠市行政执法监督办法》，盐池县坚持依法行政，全县法治"
        "政府建设取得成效。"
    )
    assert i.area.name == "盐池县"


def test_a_partner_or_destination_named_in_the_body_is_not_the_issuer():
    i = info(
        "2022年，本区坚持依法行政，深入推进法治政府建设，各项工作取得新成效。\n"
        "一是健全执法协作。与东港市、振安区签订行政执法协作协议，组织执法骨干赴沈阳市和平区学习考察。"
    )
    assert i.area is None and i.issuer is None


def test_a_place_below_the_government_that_speaks_is_one_of_its_own():
    i = info(
        "2021年，州政府坚持依法行政，统筹推进全州法治政府建设。\n"
        "（一）优化营商环境。门源回族自治县、祁连县率先推行改革，州委全面依法治州委员会印发"
        "《海北藏族自治州法治政府建设实施方案（2021—2025年）》。"
    )
    assert i.area.name == "海北藏族自治州" and i.issuer_level == "city"


def test_a_title_broken_across_two_lines_is_read_whole_with_the_body_it_starts_with():
    i = info("字号 大 中 小\n阿拉善盟司法局2022年度法治政府\n建设情况报告\n一、主要工作\n全年办理案件12件。")
    assert (i.issuer, i.issuer_level, i.year) == ("阿拉善盟司法局", "department", 2022)


def test_a_body_on_its_own_line_above_its_title_is_not_joined_to_it():
    i = info("吴忠市人民政府\n盐池县2022年法治政府建设工作报告\n2022年，我县坚持依法行政。")
    assert i.area.name == "盐池县"


def test_a_colloquial_short_name_of_a_league_is_the_league():
    i = info("锡盟司法局关于2022年度法治政府建设情况的报告\n2022年，我局坚持依法行政。")
    assert (i.area.name, i.issuer_level) == ("锡林郭勒盟", "department")


def test_a_report_of_the_rule_of_law_s_kin_names_its_body_in_its_title():
    i = info("盐池县司法局关于全县“七五”普法工作情况的报告\n（2020年9月25日）\n五年来，我县坚持依法治县。")
    assert (i.issuer, i.issuer_level) == ("盐池县司法局", "department")


def test_a_column_s_name_above_a_one_line_title_is_not_joined_to_it():
    i = info("工作动态\n盐池县司法局2022年法治政府建设情况报告\n2022年，县司法局坚持依法行政。")
    assert (i.title, i.issuer) == ("盐池县司法局2022年法治政府建设情况报告", "盐池县司法局")


def test_a_place_after_tong_in_tongshi_is_not_a_partner():
    i = info("2022年，全县干部群众同盐池县各界一道，推进法治建设，全县法治政府建设取得新成效。")
    assert i.area is not None and i.area.name == "盐池县"


def test_a_place_that_visits_or_acts_on_the_report_s_own_area_is_not_the_issuer():
    i = info(
        "今年以来，嵩县司法局到我县考察交流法治政府建设工作，市督察组对我县开展法治督察。\n"
        "2023年，在市委、市政府的正确领导下，我县坚持依法行政，认真实施《栾川县2023年法治政府建设工作要点》。"
    )
    assert i.area.name == "栾川县"


def test_a_place_that_speaks_and_then_names_its_own_tier_is_still_the_issuer():
    i = info("2023年，宜阳县坚持以习近平法治思想为指导，对我县重大行政决策全部开展合法性审查。")
    assert i.area.name == "宜阳县"


def test_a_department_named_after_the_clauses_of_its_superiors_reports():
    i = info(
        "2023年，在市委、市政府的正确领导下，在市法治政府建设领导小组办公室的悉心指导下，"
        "焦作市自然资源和规划局全面贯彻习近平法治思想，依法履行职能。"
    )
    assert i.issuer == "焦作市自然资源和规划局" and i.issuer_level == "department"
    assert i.area.name == "焦作市"


def test_a_county_s_own_banner_above_a_township_s_title_is_the_portal_of_its_townships():
    i = info(
        "芒康县人民政府\n政府信息公开\n曲孜卡乡2024年法治政府建设情况报告\n"
        "2024年，在县委、县政府的坚强领导下，曲孜卡乡坚持以习近平法治思想为指导，推进依法治乡。"
    )
    assert i.area.name == "芒康县"
    assert i.issuer == "昌都市芒康县曲孜卡乡人民政府" and i.issuer_level == "department"


def test_a_county_s_own_banner_above_its_own_title_stays_the_issuer():
    i = info("芒康县人民政府\n芒康县2024年法治政府建设情况报告\n2024年，我县坚持依法行政。")
    assert i.area.name == "芒康县" and i.issuer_level == "county"


def test_a_peer_ranked_beside_the_report_s_own_area_is_not_the_issuer():
    i = info(
        "在年度考核中，中原区和我区并列第一。\n"
        "2023年，在市委的坚强领导下，我区坚持依法行政，认真实施《金水区2023年法治政府建设工作要点》。"
    )
    assert i.area.name == "金水区"


def test_places_in_a_list_of_peers_are_not_the_subject_of_the_opening():
    i = info(
        "今年以来，我区坚持依法行政，持续深化“放管服”改革，印发《即墨区2024年法治政府建设工作要点》。\n"
        "市南区人民政府、即墨区人民政府被评为全省法治政府建设示范单位。"
    )
    assert i.area.name == "即墨区"


def test_the_body_whose_arrangements_are_followed_is_a_superior():
    i = info(
        "根据郑州市全面依法治市委员会办公室的统一部署，2023年，我市坚持依法行政，"
        "印发《登封市2023年法治政府建设工作要点》。"
    )
    assert i.area.name == "登封市"


def test_the_body_whose_notice_asked_for_the_report_is_a_superior():
    for opening in (
        "根据晋中市全面依法治市委员会办公室《关于做好2023年度法治政府建设情况报告工作的通知》要求，",
        "按照晋中市人民政府办公室《关于报送法治政府建设情况的通知》的要求，",
    ):
        i = info(f"2023年度法治政府建设情况报告\n{opening}现将平遥县有关情况报告如下。")
        assert i.area.name == "平遥县", opening


def test_a_city_s_portal_above_a_county_level_city_that_says_wo_shi_is_a_superior_s():
    i = info(
        "郑州市人民政府\n2023年，我市坚持依法行政，深入推进法治政府建设，印发《新密市2023年法治政府建设工作要点》。"
    )
    assert i.area.name == "新密市" and i.issuer_level == "county_city"


def test_a_city_s_portal_above_a_township_s_report_is_a_superior_s():
    i = info(
        "晋城市人民政府\n2025年，郑庄镇在沁水县委、县政府的坚强领导下，坚持以习近平法治思想为指导，"
        "推进依法治镇，我镇法治建设取得新成效。"
    )
    assert i.area.name == "沁水县" and i.issuer_level == "department"


def test_a_salutation_names_whom_the_report_is_sent_to_not_who_sends_it():
    sent_up = (
        "关于2023年度法治政府建设情况的报告\n\n{to}：\n"
        "    2023年，平遥县人民政府在市委、市政府的领导下，坚持依法行政。\n"
    )
    for to in ("晋中市人民政府", "中共晋中市委、晋中市人民政府", "尊敬的晋中市人民政府"):
        assert info(sent_up.format(to=to)).area.name == "平遥县", to
    untitled = info("山西省人民政府:\n2023年，晋中市深入推进依法行政。\n")
    assert untitled.area.name == "晋中市"


def test_a_line_that_ends_with_a_colon_but_names_no_body_is_no_salutation():
    for line, salutation in (("主要做法：", False), ("平遥县基本情况：", False), ("晋中市人民政府：", True)):
        text = f"{line}\n2023年，我县坚持依法行政。"
        assert after_salutation(text, lines_of(text), 0) == (len(line) if salutation else 0), line


def test_a_township_or_a_department_writing_to_its_own_county_keeps_the_county_it_names_there():
    town = info("古陶镇关于2023年度法治政府建设情况的报告\n平遥县人民政府：\n2023年，我镇坚持依法行政。\n2024年1月10日")
    assert (town.issuer, town.area.name) == ("晋中市平遥县古陶镇人民政府", "平遥县")
    office = info("关于2023年度法治政府建设情况的报告\n平遥县人民政府：\n2023年，我局坚持依法行政。\n2024年1月10日")
    assert office.area.name == "平遥县"


def test_a_salutation_below_a_page_s_fields_is_found_up_to_the_first_paragraph():
    page = "分类：其他；报告\n发文字号：平政发〔2024〕1号\n晋中市人民政府：\n2023年，平遥县坚持依法行政，推进法治建设。"
    assert info(page).area.name == "平遥县"


def test_a_district_named_by_an_ordinary_word_heads_its_own_report():
    titled = "城区人民政府关于2023年法治政府建设情况的报告\n2023年，在阳泉市委、市政府的领导下，我区坚持依法行政。"
    assert info(titled).area.code == "140302"
    signed = "城区2023年法治政府建设年度报告\n2023年，我区坚持依法行政。\n晋城市城区人民政府\n2024年1月5日"
    assert info(signed).area.code == "140502"
    in_a_city_s_report = "阳泉市2023年法治政府建设年度报告\n2023年，我市坚持依法行政。\n城区2023年完成改造。"
    assert info(in_a_city_s_report).area.name == "阳泉市"


def test_a_zone_the_area_table_does_not_list_reports_through_its_committee_not_its_city():
    text = (
        "银川高新区2022年法治政府建设工作报告\n\n"
        "2022年，高新区管委会在市委、市政府的领导下，认真贯彻落实《法治政府建设实施纲要（2021—2025年）》。"
    )
    found = info(text)
    assert found.issuer == "银川高新区管理委员会" and found.issuer_level == "department"
    assert found.area is not None and found.area.name == "银川市"  # the zone lies in its city


def test_an_opening_that_speaks_for_an_unlisted_zone_is_the_zones_report_not_a_cited_titles():
    text = (
        "市委、市政府：\n一年来，银川新区坚持以习近平法治思想为引领，不断开创“法治新区”建设新局面。"
        "对《银川经济技术开发区条例》进行立法后评估。"
    )
    found = info(text)
    assert found.issuer == "银川新区管理委员会" and found.area.name == "银川市"


def test_a_city_s_own_report_stays_its_government_s():
    found = info(
        "银川市2022年法治政府建设工作报告\n\n2022年，市政府认真贯彻落实《法治政府建设实施纲要（2021—2025年）》。"
    )
    assert found.issuer == "银川市人民政府"


def test_a_body_heading_its_own_about_title_below_the_site_banner_issues_the_report():
    # the site's banner names the government; the report's own heading, below the page's title, names its body
    i = info(
        "某某市沁源县人民政府\n首页 > 政务公开 > 法治政府建设\n沁源县2022年度法治政府建设工作情况报告\n"
        "发布时间：2023-02-08\n沁源县司法局\n关于2022年度法治政府建设工作情况的报告\n"
        "2022年，县司法局坚持依法行政，全年办理案件10件。"
    )
    assert (i.issuer, i.issuer_level, i.area.name) == ("沁源县司法局", "department", "沁源县")
    # a government's own report under its banner is the government's still
    i = info("沁源县人民政府\n沁源县2022年度法治政府建设工作情况报告\n2022年，我县坚持依法行政。")
    assert i.issuer_level == "county"


# A disclosure page whose header is a table (as a converted page writes it), its title only in the title field
def test_the_title_field_of_a_header_written_as_a_table_names_the_issuer():
    head = "| 标题: | {} | ||\n|---|---|---|---|\n| 发文日期: | 2025-01-15 | 发布机构: | {} |\n"
    county = info(head.format("高青县人民政府关于2024年度法治政府建设情况的报告", "") + "2024年，我县坚持依法行政。")
    assert (county.issuer, county.issuer_level, county.area.name) == ("高青县人民政府", "county", "高青县")
    bureau = info(head.format("张店区司法局2024年度法治政府建设情况报告", "张店区司法局") + "2024年，我局依法行政。")
    assert (bureau.issuer, bureau.issuer_level, bureau.area.name) == ("张店区司法局", "department", "张店区")
    assert bureau.issuer_span is None  # the field is furniture: no span of the text names it


def test_a_townships_county_may_come_from_the_pages_publisher_alone():
    i = info(
        "皇城镇人民政府2025年度法治政府建设情况报告\n发布机构：临淄区皇城镇人民政府\n"
        "2025年，皇城镇人民政府坚持依法行政，推进法治政府建设。"
    )
    assert (i.issuer, i.issuer_level, i.area.name) == ("淄博市临淄区皇城镇人民政府", "department", "临淄区")


def test_a_head_s_report_is_the_report_of_the_body_he_heads():
    """述法 and 第一责任人 reports: the title or the signature names the body, then the position its head holds."""
    bureau = info("盐池县司法局局长2022年度述法报告\n现将本人2022年度履行推进法治建设第一责任人职责情况报告如下。")
    assert (bureau.issuer, bureau.area.code, bureau.issuer_level) == ("盐池县司法局", "640323", "department")
    two = info("盐池县教育局党组书记、局长2023年度述法报告\n一、带头学法。本人组织局党组会议学法8次。")
    assert two.issuer == "盐池县教育局"  # (not its 党组: 党组书记 is the position)
    head = info("盐池县人民政府县长2021年度述法报告\n一、带头学法。本人坚持会前学法。")
    assert (head.issuer, head.issuer_level) == ("盐池县人民政府", "county")
    signed = info(
        "2022年度述法报告\n现将本人2022年度履行法治建设第一责任人职责情况报告如下。\n盐池县司法局局长  李某某\n"
        "2023年1月20日"
    )
    assert (signed.issuer, signed.year) == ("盐池县司法局", 2022)


def test_a_department_its_title_names_by_the_tier_word_alone_is_the_issuer():
    """As a department the opening names (2023年，区司法局坚持…): its name as written, its area the text's."""
    named = info("县医疗保障局2022年法治政府建设工作总结\n2022年，盐池县医疗保障局以守护医保基金安全为目标，依法监管。")
    assert (named.issuer, named.area.code, named.issuer_level) == ("县医疗保障局", "640323", "department")
    government = info("县政府2022年法治政府建设工作报告\n2022年，盐池县坚持依法行政。")
    assert government.issuer == "吴忠市盐池县人民政府"  # a government is named as the area's, as before


def test_a_title_that_begins_with_a_word_of_a_tier_character_is_no_department_named_by_its_tier():
    market = info("市场监管局2022年法治政府建设工作报告\n2022年，盐池县市场监督管理局坚持依法行政。")
    assert market.issuer == "盐池县市场监督管理局"  # (the opening names it: 市场 is no 市)
    other_tier = info("州人民检察院2022年法治政府建设工作报告\n2022年，盐池县坚持依法行政。")
    assert other_tier.issuer == "吴忠市盐池县人民政府"  # a 州 body does not head a county's report as its department


def test_a_commission_of_the_government_reporting_is_the_issuer_and_a_party_committee_is_no_department():
    health = info("2025年，吴忠市卫生健康委坚持依法行政，紧紧围绕年度工作要点抓落实。现将情况报告如下：")
    assert (health.issuer, health.issuer_level) == ("吴忠市卫生健康委", "department")
    party = info("2023年，盐池县委坚持依法治县，推进法治政府建设。")
    assert party.issuer == "吴忠市盐池县人民政府"
    for body in ("宁夏回族自治区党委", "盐池县委政法委", "盐池县纪委", "盐池县直机关工委"):
        assert info(f"2023年，{body}坚持依法治县，推进法治建设。").issuer_level != "department", body


def test_a_party_office_s_long_heading_under_a_government_s_banner_names_the_issuer():
    text = (
        "沂水县人民政府\n首页 / 新闻中心 / 通知公告\n"
        "中共沂水县委全面依法治县委员会办公室关于沂水县2021年度法治政府建设情况的报告\n发布时间：2022-01-20\n"
        "2021年，县委依法治县办在县委的坚强领导下，统筹推进法治政府建设。\n"
    )
    found = info(text)
    assert (found.issuer, found.issuer_level) == ("中共沂水县委全面依法治县委员会办公室", "department")


def test_a_report_posted_under_its_cover_letter_is_the_signing_government_s():
    pad = " " * 36
    text = (
        f"某某县人民政府办公室\n关于报送《汶上县2023年度法治政府建设情况报告》的函\n\n市司法局：\n"
        f"    现将《汶上县2023年度法治政府建设情况报告》报送你局。\n\n{pad}汶上县人民政府办公室\n{pad}2024年1月30日\n\n"
        f"附件\n\n汶上县2023年度法治政府建设情况报告\n\n    2023年，县政府全面推进法治政府建设，取得明显成效。\n\n"
        f"{pad}汶上县人民政府\n{pad}2024年1月29日\n"
    )
    assert (info(text).issuer, info(text).issuer_level) == (
        "汶上县人民政府",
        "county",
    )  # the report's, not the letter's
