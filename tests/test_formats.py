"""The reader on every supported format and on broken files: what text becomes the document, and the one-line
reason when a file cannot be a report."""

from pathlib import Path

import pytest

from kg.read import (
    FORMATS,
    ReadError,
    format_of,
    read_bytes,
    read_path,
    read_pdf,
    readers,
    register_reader,
    unregister_reader,
)
from tests.formats import docx_bytes, html_page, pdf_bytes, report_text

TEXT = report_text("兴庆区", "银川市", 2022, 35)


def test_formats_are_chosen_by_suffix_whatever_its_case():
    assert [format_of(n) for n in ("a.txt", "b.HTML", "c.htm", "d.Pdf", "e.docx", "f.doc", "g")] == [
        "txt",
        "html",
        "html",
        "pdf",
        "docx",
        None,
        None,
    ]


def test_web_page_keeps_the_article_and_its_heading_and_drops_navigation_scripts_styles_and_footer():
    doc = read_bytes(html_page(TEXT), "r.html", "html")
    assert doc.fmt == "html" and doc.encoding == "utf-8"
    assert doc.text.startswith("兴庆区2022年法治政府建设情况报告\n\n银川市兴庆区人民政府\n\n2022年，兴庆区认真贯彻落实")
    for cruft in ("首页", "政务公开", "tracker", "color:red", "版权所有", "_政府网"):
        assert cruft not in doc.text


def test_web_page_paragraphs_are_separated_by_blank_lines_and_inline_tags_join_their_text():
    page = "<html><body><div class=article><p>第一段<b>加粗</b>文字。</p><p>第二段<br>换行。</p></div></body></html>"
    doc = read_bytes(page.encode(), "r.html", "html")
    assert doc.text == "第一段加粗文字。\n\n第二段\n\n换行。"


def test_web_page_in_gbk_is_decoded_by_its_declared_charset():
    doc = read_bytes(html_page(TEXT, "gbk"), "r.htm", "html")
    assert doc.encoding == "gb18030"
    assert "办理行政复议案件35件" in doc.text


def test_web_page_without_a_known_container_takes_the_element_richest_in_paragraphs():
    para = "<p>" + "认真落实行政执法公示制度，全年办理行政复议案件35件。" * 3 + "</p>"
    page = (
        f"<html><body><div class=side><p>友情链接</p></div><div class=x><div class=y>{para * 4}</div></div>"
        "</body></html>"
    )
    doc = read_bytes(page.encode(), "r.html", "html")
    assert "友情链接" not in doc.text and doc.text.count("全年办理行政复议案件35件") == 12


def test_very_deeply_nested_web_page_is_read_without_recursion():
    page = "<div>" * 5000 + "<p>" + "正文。" * 100 + "</p>" + "</div>" * 5000
    assert read_bytes(page.encode(), "deep.html", "html").text == "正文。" * 100


def test_pdf_text_is_read_page_by_page_with_a_blank_line_between_pages():
    doc = read_bytes(pdf_bytes(TEXT, lines_per_page=3), "r.pdf", "pdf")
    assert doc.fmt == "pdf" and doc.encoding is None
    assert doc.text.startswith("银川市兴庆区人民政府\n兴庆区2022年法治政府建设情况报告\n2022年，兴庆区")
    assert "》。\n\n区司法局" in doc.text  # the page break after the third line


def test_docx_paragraphs_and_table_cells_are_read_in_document_order():
    doc = read_bytes(docx_bytes(TEXT, [["指标", "数值"], ["行政复议案件", "35件"]]), "r.docx", "docx")
    assert doc.fmt == "docx"
    assert doc.text.startswith("银川市兴庆区人民政府\n\n兴庆区2022年法治政府建设情况报告")
    assert doc.text.endswith("2023年1月20日\n\n指标\t数值\n\n行政复议案件\t35件")


@pytest.mark.parametrize(
    ("fmt", "data", "reason"),
    [
        ("txt", b"", "empty file"),
        ("txt", b"\x00\x01\x02\x03" * 64, "binary file"),
        ("txt", "某县2022年法治政府建设".encode()[:-1], "truncated UTF-8 text"),
        ("txt", bytes([0xFF, 0x80, 0x30, 0xFF, 0x41]) * 40, "undecodable"),
        ("pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", "corrupt PDF"),
        ("pdf", b"<html>not a pdf</html>", "corrupt PDF"),
        ("docx", b"PK\x03\x04 not really a zip", "corrupt DOCX"),
        ("html", b"\x00\x01\x02\x03" * 64, "binary file"),
        ("html", "<html><body><script>var a = 1;</script><nav>首页</nav></body></html>".encode(), "no article text"),
    ],
)
def test_broken_files_raise_a_one_line_reason(fmt, data, reason):
    with pytest.raises(ReadError, match=reason) as err:
        read_bytes(data, f"bad.{fmt}", fmt)
    assert "\n" not in str(err.value)


def test_truncated_pdf_is_corrupt():
    data = pdf_bytes(TEXT)
    with pytest.raises(ReadError, match="corrupt PDF"):
        read_bytes(data[: len(data) // 2], "half.pdf", "pdf")


def test_truncated_docx_is_corrupt():
    data = docx_bytes(TEXT)
    with pytest.raises(ReadError, match="corrupt DOCX"):
        read_bytes(data[: len(data) // 2], "half.docx", "docx")


def test_pdf_without_text_says_so():
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    pdf.rect(10, 10, 100, 100)  # a drawing, no text: what a scan looks like to a text extractor
    pdf.showPage()
    pdf.save()
    with pytest.raises(ReadError, match="without a text layer"):
        read_bytes(buf.getvalue(), "scan.pdf", "pdf")


def test_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path):
    p = tmp_path / "big.txt"
    p.write_bytes(TEXT.encode() * 10)
    with pytest.raises(ReadError, match=r"too large \(\d+ bytes, limit 100\)"):
        read_path(p, max_bytes=100)


def test_offsets_of_extracted_text_index_the_extracted_text():
    from kg.extract import extract
    from kg.segment import get_segmenter

    for fmt, data in (("html", html_page(TEXT)), ("pdf", pdf_bytes(TEXT)), ("docx", docx_bytes(TEXT))):
        doc = read_bytes(data, f"r.{fmt}", fmt)
        ex = extract(doc, get_segmenter())
        spans = [m.span for m in ex.regulations + ex.figures + ex.organisations + ex.measures]
        assert spans, fmt
        for span in spans:
            assert doc.text[span.start : span.end] == span.text, fmt


# --- the reader registry --------------------------------------------------------------------------------------


@pytest.fixture
def markdown_reader():
    """A reader of ``.md``/``.markdown`` files that strips the leading ``#`` of headings, registered for one test."""
    register_reader("md", (".md", ".Markdown"), lambda data: (data.decode("utf-8").replace("# ", ""), "utf-8"))
    yield
    unregister_reader("md")


def test_the_built_in_readers_are_listed_in_order_with_their_suffixes():
    assert readers() == [("txt", (".txt",)), ("html", (".html", ".htm")), ("pdf", (".pdf",)), ("docx", (".docx",))]
    assert list(FORMATS) == [".txt", ".html", ".htm", ".pdf", ".docx"]


def test_a_reader_registered_for_a_new_suffix_chooses_the_format_and_reads_the_bytes(markdown_reader):
    assert [format_of(n) for n in ("r.md", "r.MARKDOWN", "r.txt")] == ["md", "md", "txt"]
    doc = read_bytes("# 某县2022年法治政府建设情况报告\n\n全年办理行政复议案件35件。".encode(), "r.md", "md")
    assert doc.fmt == "md" and doc.encoding == "utf-8"
    assert doc.text == "某县2022年法治政府建设情况报告\n\n全年办理行政复议案件35件。"
    assert ("md", (".md", ".markdown")) in readers() and FORMATS[".md"] == "md"


def test_a_registered_reader_is_used_by_read_path(markdown_reader, tmp_path: Path):
    p = tmp_path / "report.md"
    p.write_text("# 某县2022年法治政府建设情况报告", encoding="utf-8")
    assert read_path(p).text == "某县2022年法治政府建设情况报告"


def test_an_unregistered_reader_leaves_its_suffix_unread():
    register_reader("md", (".md",), lambda data: (data.decode("utf-8"), "utf-8"))
    unregister_reader("md")
    assert format_of("r.md") is None and ".md" not in FORMATS
    with pytest.raises(ReadError, match="unsupported format 'md'"):
        read_bytes(b"text", "r.md", "md")


def test_a_suffix_read_as_another_format_is_not_taken_silently():
    with pytest.raises(ValueError, match=r"\.htm \(html\)"):
        register_reader("page", (".htm",), lambda data: (data.decode("utf-8"), "utf-8"))
    assert format_of("r.htm") == "html"


def test_registering_a_format_again_replaces_its_reader_in_its_place():
    register_reader("pdf", (".pdf",), lambda data: ("替换的读取器", None))
    try:
        assert read_bytes(b"%PDF-1.4", "r.pdf", "pdf").text == "替换的读取器"
        assert [fmt for fmt, _ in readers()] == ["txt", "html", "pdf", "docx"]
    finally:
        register_reader("pdf", (".pdf",), read_pdf)
