"""The reader: decoding, cleaning, and the clean → original offset map."""

import ast
import os
import signal
from pathlib import Path

import pytest

import kg.read
from kg.read import Document, ReadError, header_meta, is_cruft, read_path


def test_offsets_index_the_original_text_after_cleaning():
    text = (
        "您现在的位置: 首页>政务公开>工作报告\n\n某县 2022 年法治政府建设情况\n\n**一是强化领导。**全年召开 3 次会议。"
    )
    doc = Document.from_text(text)
    i = doc.clean.find("3次会议")
    span = doc.span(i, i + len("3次会议"))
    assert doc.text[span.start : span.end] == span.text == "3 次会议"


def test_navigation_and_font_buttons_are_dropped():
    doc = Document.from_text("您现在的位置：首页 > 政府信息公开\n【字体：小 中 大】\n正文第一句。\n分享到：")
    assert doc.clean == "正文第一句。"


def test_the_headlines_under_a_related_links_head_are_furniture_until_text_comes_back():
    text = (
        "县政府印发《某县行政执法公示办法》。\n相关链接：\n· 关于印发《某县工作要点》的通知\n"
        "· 《某县重大行政决策程序规定》政策解读\n\n热点推荐\n《某省优化营商环境条例》全文\n"
        "2023年，县政府将继续深入推进法治政府建设，全面提升依法行政水平，为经济社会发展提供法治保障，不断增强人民群众的获得感。"
    )
    doc = Document.from_text(text)
    assert doc.clean == (
        "县政府印发《某县行政执法公示办法》。\n"
        "2023年，县政府将继续深入推进法治政府建设，全面提升依法行政水平，为经济社会发展提供法治保障，不断增强人民群众的获得感。"
    )


def test_markdown_bold_markers_are_removed():
    doc = Document.from_text("**加强组织领导。**认真落实责任。")
    assert doc.clean == "加强组织领导。认真落实责任。"


def test_word_split_by_page_break_is_joined_and_maps_back():
    para = "通过自查、督查的方式，对各执法单位的行政处罚案卷进行集中评查，进一步提高执"
    doc = Document.from_text(para + "\n\n法水平。下一句。")
    assert "提高执法水平。" in doc.clean
    i = doc.clean.find("执法水平")
    assert doc.span(i, i + 4).text == "执\n\n法水平"


def test_heading_lines_are_not_joined():
    doc = Document.from_text("一、加强组织领导\n\n（一）高度重视，统筹推进。")
    assert doc.clean == "一、加强组织领导\n（一）高度重视，统筹推进。"


def test_a_long_report_title_is_not_joined_to_the_paragraph_after_it():
    title = "中共某某县委全面依法治县委员会办公室关于某某县2021年度法治政府建设情况的报告"  # 43 characters
    doc = Document.from_text(title + "\n2021年，县委依法治县办统筹推进法治政府建设。")
    assert doc.clean == title + "\n2021年，县委依法治县办统筹推进法治政府建设。"
    # a paragraph's line as long, with its commas, still goes on (现将有关工作情况 / 报告如下)
    line = "2021年，在县委的坚强领导下，全面推进法治政府建设，取得明显成效，现将有关工作情况"
    assert Document.from_text(line + "\n报告如下。").clean == line + "报告如下。"


def test_a_signature_set_to_the_right_margin_stays_apart_from_its_date():
    pad = " " * 36  # as a word processor's right-aligned signature block is pasted
    doc = Document.from_text(f"完成文件清理。\n\n{pad}某某县人民政府\n{pad}2023年1月30日\n")
    assert doc.clean == "完成文件清理。\n某某县人民政府\n2023年1月30日"


def test_a_line_that_starts_as_no_line_may_continues_the_line_before():
    doc = Document.from_text("全年调处矛盾纠纷512件，调解成功率99\n.1%，涉及农民工1\n,024人。")
    assert doc.clean == "全年调处矛盾纠纷512件，调解成功率99.1%，涉及农民工1,024人。"


def test_the_lines_of_a_fixed_width_layout_are_one_paragraph():
    # text taken from a PDF of an official document: 28 characters a line, whatever falls at the break
    para = (
        "2023年，县政府坚持依法行政，严格执行《重大行政决策程序暂行条例》，全年审核规范性文件18件，"
        "审计资金12.7亿元，组织领导干部旁听庭审3次，完成《某某县行政执法公示办法》修订工作，推进执法规范化。"
    )
    wrapped = "\n".join(para[i : i + 28] for i in range(0, len(para), 28))
    assert Document.from_text("某某县2023年法治政府建设情况报告\n" + wrapped).clean.split("\n") == [
        "某某县2023年法治政府建设情况报告",
        para,
    ]


def test_a_paragraph_opening_with_a_title_after_a_heading_is_its_own_line():
    doc = Document.from_text("一、学习宣传\n《中华人民共和国民法典》颁布以来，县政府组织学习。")
    assert doc.clean.split("\n")[1].startswith("《中华人民共和国民法典》")


def test_a_breadcrumb_or_a_piece_of_one_is_cruft():
    doc = Document.from_text("某某区人民政府信息公开专栏 >> 某某区人民政府办公室\n2023年，我区坚持依法行政。")
    assert doc.clean == "2023年，我区坚持依法行政。"
    assert Document.from_text("贯彻<<某某管理办法>>").clean == "贯彻《某某管理办法》"  # a title, not a breadcrumb
    # a title after a short heading with >>, or one closed by a mistyped >>: the line is text
    assert Document.from_text("规范性文件 >> 《某县行政执法公示办法》").clean.endswith("《某县行政执法公示办法》")
    # a title closed by a mistyped >> (no 《 opened it as a breadcrumb's would): the line is text
    doc = Document.from_text("县政府常务会议学习《中华人民共和国行政许可法>>，全年集中学法6次。")
    assert doc.clean == "县政府常务会议学习《中华人民共和国行政许可法》，全年集中学法6次。"


def test_a_heading_spaced_letter_by_letter_ends_its_line_in_a_fixed_width_layout():
    text = (
        "某 某 县 人 民 政 府\n关于2022年法治政府建设工作的报告\n\n"
        "一 、 完 善 制 度 体 系\n    县司法局审核文件12件。\n"
        "二 、 强 化 执 法 监 督\n    县市场监督管理局开展检查6次。\n"
        "三 、 化 解 行 政 争 议\n    县人民法院审结案件15件。\n"
    )
    lines = Document.from_text(text).clean.split("\n")
    assert lines[1:4] == ["关于2022年法治政府建设工作的报告", "一、完善制度体系", "县司法局审核文件12件。"]


def test_a_quoted_phrase_broken_across_two_lines_is_read_whole():
    assert (
        Document.from_text("二、深化“放管\n服”改革，推行“互联网+\n监管”。").clean
        == "二、深化“放管服”改革，推行“互联网+监管”。"
    )
    # a quote opened at a line's end that the next line does not close soon stays where it was
    assert Document.from_text("二、坚持“\n一是加强组织领导。").clean == "二、坚持“\n一是加强组织领导。"


def test_a_sites_menu_on_one_line_between_bars_is_cruft_and_a_tables_row_is_text():
    doc = Document.from_text(
        "某某市人民政府 网站首页 | 政务公开 | 政务服务 | 互动交流 | 走进某某\n"
        "某某市人民政府关于2023年度法治政府建设情况的报告"
    )
    assert doc.clean == "某某市人民政府关于2023年度法治政府建设情况的报告"
    row = "| 3月 | 中华人民共和国行政处罚法 | 县司法局 |"
    assert "行政处罚法" in Document.from_text(row).clean
    assert "1200条" in Document.from_text("3 | 推进政务公开 | 公开信息1200条 | 已完成").clean  # (a row of figures)
    sentence = "一是优化政务服务 | 二是深化“放管服”改革，推行“一网通办” | 三是强化监督"
    assert "放管服" in Document.from_text(sentence).clean  # (a sentence's punctuation: text)


def test_header_fields_in_table_cells_publishers_and_rows_of_site_links_are_cruft():
    doc = Document.from_text(
        "某某市人民政府门户网站 www.example.gov.cn 时间:2024-02-01\n中国政府网 某某省政府网 某某市政府网\n"
        "| 发文机关:中共某某县委 某某县人民政府 | 主题词: |\n发布单位:县政府办公室\n阅读量: 57\n字体大小\n【小】\n"
        "2023年，我县坚持依法行政。"
    )
    assert doc.clean == "2023年，我县坚持依法行政。"
    assert doc.meta["issuing_body"] == "中共某某县委" and doc.meta["source"] == "县政府办公室"
    # a heading of figures of speech, a body line that ends with a site's name and a table header are text
    kept = "织密监管网 筑牢安全网\n2023年，我县全面推行“一网通办”，依托某某政务服务网\n\n名称 数量 单位"
    assert Document.from_text(kept).clean.startswith("织密监管网筑牢安全网\n2023年")
    assert "名称数量单位" in Document.from_text(kept).clean


def test_a_page_field_after_other_chrome_on_its_line_is_cruft_and_still_read():
    doc = Document.from_text("浏览次数：23      大    中    小      来源: 某某县司法局\n2023年，我县坚持依法行政。")
    assert doc.clean == "2023年，我县坚持依法行政。" and doc.meta["source"] == "某某县司法局"
    body = "2023年，我县坚持依法行政，全面完成年度各项任务，法治政府建设迈上新台阶，群众满意度持续提升。\n"
    kept = Document.from_text(body + "二是拓宽信访渠道 来源：12345热线工单\n办理案件3件。")
    assert "来源：12345热线工单" in kept.clean  # in the report, not above it: text
    assert "source" not in Document.from_text(body + "二是拓宽信访渠道 来源：各乡镇上报\n办理案件3件。").meta


def test_straight_quotes_that_pair_up_are_read_as_the_curly_pairs_they_stand_for():
    doc = Document.from_text('费用"零"成本，落实"双随机、一公开"监管。\n他说"12寸')
    assert doc.clean == '费用“零”成本，落实“双随机、一公开”监管。\n他说"12寸'  # an odd count is left alone


def test_spaces_between_chinese_and_digits_are_removed_but_latin_words_keep_theirs():
    doc = Document.from_text("全年学法 8 次，使用 Windows 10 系统")
    assert doc.clean == "全年学法8次，使用Windows 10系统"


def test_publication_date_is_read_from_the_web_header():
    doc = Document.from_text("来源:某区司法局   发布时间:2023-02-17 18:53\n某区2022年法治政府建设年度报告")
    assert doc.meta["published"] == "2023-02-17"
    assert doc.clean == "某区2022年法治政府建设年度报告"


def test_same_text_has_same_id_whatever_the_name():
    assert Document.from_text("报告正文。", "a.txt").id == Document.from_text("报告正文。", "b.txt").id


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    ],
)
def test_bad_files_raise_a_one_line_reason(tmp_path: Path, data: bytes, reason: str):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(ReadError, match=reason) as err:
        read_path(p)
    assert "\n" not in str(err.value)


def test_gb18030_and_utf16_files_decode(tmp_path: Path):
    text = "某县2021年法治政府建设工作报告\n办理行政复议案件12件。"
    for enc in ("gb18030", "utf-16", "utf-8-sig"):
        p = tmp_path / f"r-{enc}.txt"
        p.write_bytes(text.encode(enc))
        doc = read_path(p)
        assert doc.text == text, enc


def test_crlf_line_ends_are_unified(tmp_path: Path):
    p = tmp_path / "r.txt"
    p.write_bytes("第一段。\r\n第二段。".encode())
    assert read_path(p).text == "第一段。\n第二段。"


def test_missing_file_is_a_read_error(tmp_path: Path):
    with pytest.raises(ReadError, match="no such file"):
        read_path(tmp_path / "nope.txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.txt")

    def fail(*_):
        raise AssertionError("read_path waited on the FIFO")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(20)
    try:
        with pytest.raises(ReadError, match=r"^a FIFO \(named pipe\), not a regular file: not read$"):
            read_path(tmp_path / "pipe.txt")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_folder_given_as_a_file_is_refused(tmp_path: Path):
    with pytest.raises(ReadError, match="^is a directory$"):
        kg.read.read_file_bytes(tmp_path)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("通知.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "a Word 97 document: save it as .docx"),
        ("扫描件.PNG", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "an image: needs OCR"),
        ("附件.zip", b"PK\x05\x06" + b"\x00" * 18, "an archive: unzip it first"),
    ],
)
def test_a_file_of_another_format_says_what_it_is_instead_of_binary_file(tmp_path: Path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    with pytest.raises(ReadError) as err:
        read_path(tmp_path / name)
    assert str(err.value) == reason


def test_a_reason_holds_no_memory_address_so_it_is_the_same_on_every_run():
    import io

    reasons = {kg.read.one_line(ValueError(f"Package not found at '{io.BytesIO()}'")) for _ in range(3)}
    assert reasons == {"ValueError: Package not found at '<_io.BytesIO object>'"}


def test_a_file_name_that_is_not_utf8_is_shown_with_replacement_characters():
    name = os.fsdecode(b"\xe6\x8a\xa5\xe5\x91\x8a\xff.txt")  # 报告, then a byte that is not UTF-8
    assert not kg.read.is_printable_name(name)
    assert kg.read.printable_name(name) == "报告\ufffd.txt"


def test_the_examples_of_the_file_and_error_modules_run():
    import doctest

    import kg.read.errors
    import kg.read.files

    for module in (kg.read.files, kg.read.errors):
        assert doctest.testmod(module).failed == 0, module.__name__


def test_the_names_the_rest_of_kg_imports_from_kg_read_are_still_there():
    used = (
        "Document",
        "SourceFile",
        "ReadError",
        "HEADING",
        "FORMATS",
        "MAX_BYTES_DEFAULT",
        "decode",
        "format_of",
        "one_line",
        "read_bytes",
        "read_file_bytes",
        "read_path",
        "stat_file",
        "clean_text",
        "text_id",
    )
    assert [name for name in (*used, *kg.read.__all__) if not hasattr(kg.read, name)] == []


def test_each_reader_module_is_small_and_its_functions_short():
    for path in sorted(Path(kg.read.__file__).parent.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert len(source.splitlines()) <= 400, path.name
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef):
                assert node.end_lineno - node.lineno < 60, f"{path.name}: {node.name}"


def test_a_page_in_traditional_characters_is_read_in_simplified_with_the_original_offsets():
    text = "某某縣2024年法治政府建(jiàn)設工作報告\n2024年，我縣堅持依法行政，全面推進法治政府建設，乾縣經驗得到推廣。"
    doc = Document.from_text(text)
    assert (
        doc.clean
        == "某某县2024年法治政府建设工作报告\n2024年，我县坚持依法行政，全面推进法治政府建设，乾县经验得到推广。"
    )
    at = doc.clean.index("建设")
    assert doc.span(at, at + 2).text == "建(jiàn)設"  # provenance quotes the page as it was
    # a character that simplified text uses itself (乾 of 乾县, 著 of 著作权) is never converted
    simplified = "某县依法行政，" * 60 + "著作权" * 12
    assert Document.from_text(simplified).clean == simplified


def test_a_title_or_passage_in_traditional_characters_inside_a_simplified_report_is_read_in_simplified():
    text = "某某县人民政府\n2023年，全县学习《中華人民共和國民法典》和《優化營商環境條例》，" + "坚持依法行政。" * 40
    doc = Document.from_text(text)
    assert "《中华人民共和国民法典》和《优化营商环境条例》" in doc.clean
    assert "(" not in doc.clean and len(doc.clean) == len(text)  # same length: the offsets stay the page's
    at = doc.clean.index("中华")
    assert doc.span(at, at + 4).text == "中華人民"
    # a pinyin gloss is blanked only on a page written in traditional characters: here it is the report's own text
    assert "(jiàn)" in Document.from_text("建(jiàn)設，" + "坚持依法行政。" * 40).clean


def test_the_location_line_and_a_service_portals_name_are_cruft():
    doc = Document.from_text("某某政务服务网\n你所在的位置: 首页 新闻中心 通知公告 正文\n2019年，某某区坚持依法行政。")
    assert doc.clean == "2019年，某某区坚持依法行政。"


def test_a_menu_written_as_a_list_above_the_report_and_header_fields_as_list_items_are_cruft():
    doc = Document.from_text(
        "  • 首页\n  • 走进某某\n  • 索 引 号:000000/2025-00001\n  • 发布机构:某某乡\n  • 成文时间:2025年02月10日\n"
        "  • 效力状态:有效\n某某县某某乡2024年度法治政府建设情况报告\n"
        "2024年，某某乡在县委、县政府的领导下坚持依法行政，推进法治政府建设，取得了明显成效。\n"
        "• 加强组织领导\n• 办理案件12件"
    )
    assert doc.clean.startswith("某某县某某乡2024年度法治政府建设情况报告\n2024年，某某乡")
    assert doc.clean.endswith("•加强组织领导\n•办理案件12件")  # in the report, a bulleted line is text


def test_a_space_left_as_its_html_entity_is_a_space():
    doc = Document.from_text("县政府出台《某县行政执法公示办法&nbsp;（试行）》，全年&NBSP;办理&#12288;案件12件。")
    assert doc.clean == "县政府出台《某县行政执法公示办法（试行）》，全年办理案件12件。"
    assert "&" not in doc.clean and doc.text.count("&") == 3  # (the text as read keeps them: spans index it)


@pytest.mark.parametrize("page", ["— 2 —", "- 13 -", "第 4 页  共 6 页", "第4页/共6页", "共6页 第4页"])
def test_a_page_number_between_two_pages_is_not_text(page):
    doc = Document.from_text(f"县司法局印发《关于进一步加强行政规范性文件合\n        {page}\n法性审核工作的通知》。")
    assert doc.clean == "县司法局印发《关于进一步加强行政规范性文件合\n法性审核工作的通知》。"


@pytest.mark.parametrize(
    ("line", "clean"),
    [
        ("严格执行『中华人民共和国安全生产法』。", "严格执行《中华人民共和国安全生产法》。"),
        ("市政府制定「某市行政执法公示办法（试行）」。", "市政府制定《某市行政执法公示办法（试行）》。"),
        ("贯彻落实〈法律援助法〉。", "贯彻落实《法律援助法》。"),  # a 〈〉 of its own, a law of the table
        ("推行「跨省通办」，倡导『尊法学法守法用法』。", "推行「跨省通办」，倡导『尊法学法守法用法』。"),  # phrases
        ("落实「三个规定」。", "落实「三个规定」。"),  # a count of rules
        (
            "严格落实<某某条例>，全面落实＜中华人民共和国民法典＞。",
            "严格落实《某某条例》，全面落实《中华人民共和国民法典》。",
        ),
        ("贯彻‹优化营商环境条例>。", "贯彻《优化营商环境条例》。"),
        ("学习‘中华人民共和国行政复议法’和‘某省监督办法’。", "学习《中华人民共和国行政复议法》和《某省监督办法》。"),
        ("树牢“‘八五’普法”理念，做到‘两个维护’。", "树牢“‘八五’普法”理念，做到‘两个维护’。"),  # quotes inside quotes
        (
            "市政府印发《某市行政执法公示办法>，贯彻《某省行政程序规定＞。",
            "市政府印发《某市行政执法公示办法》，贯彻《某省行政程序规定》。",
        ),
        ("当 a<b> 时，<br>换行，<网站首页>", "当a<b>时，<br>换行，<网站首页>"),  # no document in the pair
        (
            "印发《贯彻〈某省法治政府建设实施方案〉的分工方案》。",
            "印发《贯彻〈某省法治政府建设实施方案〉的分工方案》。",
        ),
    ],
)
def test_a_title_in_other_brackets_is_read_as_a_title_and_a_quoted_phrase_is_not(line, clean):
    assert Document.from_text(line).clean == clean


def test_the_rows_of_a_table_laid_out_in_columns_of_spaces_stay_lines_of_their_own():
    text = (
        "文件如下：\n    序号    文件名称                        文号\n"
        "    1       《某县行政执法公示办法》        某政发〔2022〕1号"
    )
    assert Document.from_text(text).clean == "文件如下：\n序号文件名称文号\n1《某县行政执法公示办法》某政发〔2022〕1号"


def test_a_related_links_head_in_brackets_opens_page_furniture_too():
    doc = Document.from_text(
        "全年办理案件12件。\n\n【相关链接】\n某某省司法厅关于印发某某办法的通知\n某县2021年法治政府建设报告"
    )
    assert doc.clean == "全年办理案件12件。"


@pytest.mark.parametrize("head", ["相关文件", "【相关政策】", "相关稿件：", "附件下载"])
def test_a_list_of_other_documents_after_the_report_is_page_furniture(head):
    doc = Document.from_text(
        f"全年办理案件12件。\n某县人民政府\n{head}\n关于印发《某县行政执法公示办法》的通知\n《某县物业管理办法》"
    )
    assert doc.clean == "全年办理案件12件。\n某县人民政府"


def test_a_character_left_as_its_html_entity_is_that_character_and_spans_cover_the_entity():
    text = "县政府印发《关于贯彻&lt;某省行政执法条例&gt;的实施意见》，深化&ldquo;放管服&rdquo;改革，R&amp;D投入。"
    doc = Document.from_text(text)
    assert doc.clean == "县政府印发《关于贯彻<某省行政执法条例>的实施意见》，深化“放管服”改革，R&D投入。"
    inner = doc.clean.index("<")
    assert doc.text[doc.span(inner, inner + 10).start :].startswith("&lt;某省行政执法条例&gt;")
    assert doc.span(inner, inner + 10).text == "&lt;某省行政执法条例&gt;"  # (an opening and a closing entity)


def test_an_ampersand_that_is_no_entity_is_kept():
    assert Document.from_text("编号A&B；&copy2021；某&nbsp某。").clean == "编号A&B；&copy2021；某&nbsp某。"


@pytest.mark.parametrize(
    "line",
    [
        "严格执行《某省重大行政决策程序规定》，督促决策承办单位履行公众参与、专家论证程序。",
        "指导承办单位完成风险评估4项，",
        "认真贯彻《中华人民共和国无障碍环境建设法》",
        "推进无障碍环境建设，改造无障碍设施12处，",
        "设立联系我们、投诉建议专栏，方便群众反映问题。",
        "图片：区司法局在东阳镇开展“法律明白人”培训",  # a caption is a sentence of the report, not a credit
        "图片：县司法局开展宪法宣传周活动",  # short, without punctuation, still a caption (REVIEW32b)
        "原创普法作品12件获省级奖项。",
    ],
)
def test_a_footer_word_in_a_sentence_of_the_report_is_text(line):
    assert Document.from_text(f"某县2023年法治政府建设情况报告\n{line}").clean.endswith(line)


@pytest.mark.parametrize(
    "line",
    [
        "原创 某某县司法局 某某普法 2024-01-05 为进一步推进法治政府建设，我县出台《某县办法》。",  # text after a byline
        "| 原创 | 普法短视频 | 2023年12月 |",  # a table's row (REVIEW32b)
    ],
)
def test_a_line_that_begins_as_a_byline_but_goes_on_is_no_furniture(line):
    assert not is_cruft(line)


@pytest.mark.parametrize(
    "line",
    [
        "主办单位：某某县人民政府办公室  承办单位：某某县大数据中心",
        "某某县人民代表大会常务委员会 主办",  # the site's host atop the page, spaced from 主办
        "【信息来源：某某市法制办】",  # a byline in brackets
        "图片：某某县司法局",  # a credit: a name and nothing more
        "摄影丨王某",
        "原创 某某县司法局 某某普法 2024-01-05 08:30",  # a new-media post's byline
        "原创 某某县人民政府办公室 某某发布 2023-02-15 18:00 发表于某省",
        "📝 文字：某某县司法局",  # a credit after an emoji
        "（来源：某某县司法局）",
        "某某市人民政府办公室 主办  某某市大数据中心 承办",
        "网站标识码：1234567890  ICP备12345678号",
        "版权所有：某某县人民政府 | 网站地图 | 联系我们",
        "无障碍浏览",
        "|---|---|---|---|",
        "| --- | :---: |",
        "日期：2023-01-05  浏览量：1,024次",  # a byline's view counter is no figure
        "【相关链接】 某某市人民政府 | 某某省司法厅 | 某某市司法局",  # a related-links list on its head's line
        "附件下载：1、某县2022年度法治政府建设考核评分细则.pdf  2、某县行政执法统计表.doc",
        "相关文档：《某县2021年法治政府建设工作要点》(5份)  《某市法治政府建设示范创建实施方案》 3页",  # a copy site's
        "相关推荐：《某市法治政府建设实施方案（2021—2025年）》解读 | 《某区2023年法治政府建设工作要点》",
    ],
)
def test_a_footers_fields_and_a_tables_rule_line_are_cruft(line):
    assert is_cruft(line)


def test_the_fields_of_a_header_written_as_a_table_are_read():
    meta = header_meta(
        "| 标题: | 某某区司法局2024年度法治政府建设情况报告 | ||\n|---|---|---|---|\n"
        "| 发文日期: | 2025-01-15 | 发布机构: | 某某区司法局 |\n2024年，我局坚持依法行政。"
    )
    assert meta == {
        "title": "某某区司法局2024年度法治政府建设情况报告",
        "published": "2025-01-15",
        "issuing_body": "某某区司法局",
    }


def test_an_attachment_line_that_names_documents_is_text():
    line = "附件下载：1、某县考核评分细则.pdf  2、《某县重大行政执法决定法制审核目录清单》.doc"
    assert not is_cruft(line)


def test_a_heading_run_into_its_paragraph_on_one_line_is_split_where_the_space_was():
    doc = Document.from_text("（二）坚持依法决策 市政府制定《某市重大行政决策程序规定》，全年审议事项12项。")
    assert doc.clean == "（二）坚持依法决策\n市政府制定《某市重大行政决策程序规定》，全年审议事项12项。"
    assert Document.from_text("（一）强化统筹 县委常委会召开会议3次").clean == "（一）强化统筹\n县委常委会召开会议3次"
    glued = Document.from_text("审议事项12项。（三）严格规范公正文明执法 县司法局牵头修订《某县行政执法公示办法》。")
    assert glued.clean == "审议事项12项。（三）严格规范公正文明执法\n县司法局牵头修订《某县行政执法公示办法》。"
    for kept in ("3.兰考 县人民政府开展普法活动。", "一、加强组织领导", "办结。1.2万 人次参加培训活动。"):
        assert "\n" not in Document.from_text(kept).clean


@pytest.mark.parametrize(
    "line",
    [
        "时间：2023年5月12日，县政府常务会议审议《某县行政执法公示办法》。",
        "相关法规规章清理工作全面完成，废止《某县管理办法》等3件。",
        "推荐阅读法律书籍12本，",
    ],
)
def test_a_sentence_that_opens_with_a_furniture_word_is_text(line):
    assert not is_cruft(line)


def test_html_entities_in_runs_and_at_a_mentions_end_are_covered_by_its_span():
    doc = Document.from_text("办结率12&#37;，学习&lt;&lt;某省行政执法条例&gt;&gt;，深化&quot;放管服&quot;改革。")
    assert doc.clean == "办结率12%，学习《某省行政执法条例》，深化“放管服”改革。"
    assert doc.span(3, 6).text == "12&#37;"
    title = doc.clean.index("《")
    assert doc.span(title, title + 10).text == "&lt;&lt;某省行政执法条例&gt;&gt;"


def test_a_title_field_on_a_line_with_other_fields_ends_before_them():
    meta = header_meta("标题：某某区司法局2024年度法治政府建设情况报告 发布日期：2025-01-02\n2024年，我局…")
    assert meta["title"] == "某某区司法局2024年度法治政府建设情况报告" and meta["published"] == "2025-01-02"


def test_a_breadcrumb_of_a_department_s_page_is_cruft():
    for crumb in ("某某县人民政府门户网站 | 部门动态 | 县医疗保障局", "某某县人民政府 > 部门动态 > 县水利局"):
        doc = Document.from_text(f"{crumb}\n县水利局2022年法治政府建设情况\n2022年，某某县水利局依法管水。")
        assert doc.clean.startswith("县水利局2022年"), crumb
    text = "全年办理案件12件，其中涉及部门动态调整的3件。"  # a sentence keeps its words
    assert Document.from_text(text).clean == text


def test_a_printed_work_in_other_title_brackets_is_read_as_a_title_and_a_quoted_phrase_keeps_its_brackets():
    doc = Document.from_text("发放『法律明白人读本』1000册，印发「农民工维权口袋书」，推行「跨省通办」。")
    assert doc.clean == "发放《法律明白人读本》1000册，印发《农民工维权口袋书》，推行「跨省通办」。"


def test_a_breadcrumb_with_a_disclosure_channel_anywhere_is_cruft():
    for crumb in ("首页 -> 政务公开 -> 其他政府信息 -> 工作报告 -> 部门工作报告", "网站首页 > 政府信息公开年报"):
        assert Document.from_text(f"{crumb}\n2021年，某某市坚持依法行政。").clean == "2021年，某某市坚持依法行政。"


def test_a_site_s_name_with_its_address_and_a_byline_dated_with_dashes_are_cruft():
    text = (
        "某某市人民政府 www.example.gov.cn\n某某区2022年法治政府建设工作报告\n某某区司法局 2023-03-01\n"
        "2022年，某某区坚持依法行政。"
    )
    assert Document.from_text(text).clean == "某某区2022年法治政府建设工作报告\n2022年，某某区坚持依法行政。"
    signed = "2022年，某某区坚持依法行政。\n某某区人民政府\n2023年1月10日"
    assert Document.from_text(signed).clean == signed  # a signature and its date stay
    dashed = (
        "2022年，某某区坚持依法行政，全年办理行政复议案件12件，推进法治政府建设，各项工作取得明显成效。\n"
        "某某区人民政府 2023-01-10"
    )
    assert Document.from_text(dashed).clean.endswith("\n某某区人民政府2023-01-10")  # at its end, even dated so


def test_a_tab_between_two_cells_of_a_row_is_kept_as_one_tab_while_spaces_inside_chinese_go():
    doc = Document.from_text("序号\t法律名称\t\t责任单位\n1 \t 宪法\t县委宣传部\n县司法局 县公安局")
    assert doc.clean == "序号\t法律名称\t责任单位\n1\t宪法\t县委宣传部\n县司法局县公安局"
    at = doc.clean.index("宪法")
    assert doc.text[doc.clean_to_text[at]] == "宪"  # (the cells' text still maps back to the original)


def test_a_lone_tab_is_no_cell_gap_and_goes_like_a_space():
    # a numbered heading's tab (一、⇥坚持…) or a stray one inside a word: one tab gap in the line is no table row
    assert (
        Document.from_text("一、\t坚持依法行政\n县人民\t政府召开常务会议。").clean
        == "一、坚持依法行政\n县人民政府召开常务会议。"
    )


def test_a_sites_name_above_its_navigation_is_a_banner_and_a_heading_above_a_title_is_not():
    from kg.read.banner import site_banner_end

    page = "某某县人民政府\n首页 > 政务公开 > 法治政府建设\n某某县2022年法治政府建设工作报告\n"
    assert site_banner_end("某某县人民政府2018年度法治政府建设工作报告\n发布单位: 时间: 2019-04-19\n正文。") == 0
    assert page[: site_banner_end(page)] == "某某县人民政府"
    assert site_banner_end("某某县人民政府\n\n索  引 号: 11140522K/2023-00027\n正文。") > 0
    assert site_banner_end("某某镇人民政府\n关于2024年度法治政府建设的情况报告\n正文。") == 0
    assert site_banner_end("2023年，我县坚持依法行政。\n首页 > 政务公开\n") == 0  # (a sentence is no banner)
