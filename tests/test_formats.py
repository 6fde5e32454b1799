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


# --- files built to hurt: zip bombs, deep pages, encryption ------------------------------------------------------


def _docx_with(document_xml_padding: int) -> bytes:
    """A real .docx whose document.xml carries ``document_xml_padding`` bytes of white space: it zips to almost
    nothing, as a zip bomb does."""
    import io
    import zipfile

    original = zipfile.ZipFile(io.BytesIO(docx_bytes(TEXT)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b" " * document_xml_padding)
            bomb.writestr(info.filename, data)
    return out.getvalue()


def python_docx_must_not_run(monkeypatch):
    import docx

    def refuse(*_args, **_kwargs):
        raise AssertionError("python-docx was handed the file")

    monkeypatch.setattr(docx, "Document", refuse)


def test_a_docx_part_that_unzips_to_hundreds_of_times_its_size_is_refused_before_python_docx_reads_it(monkeypatch):
    data = _docx_with(8 * 1024 * 1024)
    python_docx_must_not_run(monkeypatch)
    assert len(data) < 100_000  # far below any --max-bytes
    with pytest.raises(ReadError, match=r"^refused DOCX: part word/document\.xml unzips \d+ bytes to \d+ \(over 200"):
        read_bytes(data, "bomb.docx", "docx")


def test_a_docx_whose_parts_unzip_to_more_than_the_limit_in_all_is_refused(monkeypatch):
    import kg.read.docx

    data = docx_bytes(TEXT)
    python_docx_must_not_run(monkeypatch)
    monkeypatch.setattr(kg.read.docx, "MAX_UNZIPPED_BYTES", 10_000)
    with pytest.raises(ReadError, match=r"^refused DOCX: unzips to \d+ bytes \(limit 10000\), a likely zip bomb$"):
        read_bytes(data, "big.docx", "docx")


def test_a_word_97_file_named_docx_says_what_it_is():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    with pytest.raises(ReadError, match=r"^a Word 97 \(\.doc\) document named \.docx: .* save it as \.docx$"):
        read_bytes(data, "old.docx", "docx")


def test_the_reason_for_a_zip_that_is_not_a_word_file_names_no_memory_address():
    import io
    import zipfile

    original = zipfile.ZipFile(io.BytesIO(docx_bytes(TEXT)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:  # a workbook's package named .docx
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml", b"spreadsheetml.sheet.main+xml")
            package.writestr(info.filename, data)
    with pytest.raises(ReadError) as err:
        read_bytes(out.getvalue(), "workbook.docx", "docx")
    assert str(err.value).startswith("corrupt DOCX (ValueError: file '<_io.BytesIO object>' is not a Word file")


@pytest.fixture
def lexbor_must_not_run(monkeypatch):
    import selectolax.lexbor

    def refuse(*_args, **_kwargs):
        raise AssertionError("the HTML parser was handed the page")

    monkeypatch.setattr(selectolax.lexbor, "LexborHTMLParser", refuse)


def test_a_web_page_nested_too_deeply_is_refused_before_it_is_parsed(lexbor_must_not_run):
    page = "<html><body>" + "<div>" * 50_000 + "<p>" + "正文。" * 100 + "</p>" + "</div>" * 50_000
    with pytest.raises(ReadError, match=r"^web page nested too deeply \(over 8000 elements inside one another\)"):
        read_bytes(page.encode(), "deep.html", "html")


def test_a_select_of_tens_of_thousands_of_options_is_refused_before_it_is_parsed(lexbor_must_not_run):
    page = "<html><body><select>" + "<option>选项" * 20_000 + "</select><p>" + "正文。" * 100 + "</p>"
    with pytest.raises(ReadError, match=r"^web page too costly to parse \("):
        read_bytes(page.encode(), "options.html", "html")


@pytest.mark.parametrize(
    "unit",
    [
        "<p>段落正文。<li>列表项",  # paragraphs and list items never closed: the parser closes them
        "<tr><td>单元格<td>单元格",  # table rows and cells never closed
        "<dt>术语<dd>释义",
        "<div><i><b>正文</b></i></div>",
        "<!-- <div> --><script>var s = '<div>';</script><div>正文</div>",  # tags in comments and scripts
    ],
)
def test_a_long_page_of_implied_end_tags_is_not_taken_for_a_deep_one(unit):
    page = '<html><body><div id="zoom"><table>' + unit * 20_000 + "</table></div></body></html>"
    assert read_bytes(page.encode(), "long.html", "html").text


def _aes_pdf() -> bytes:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes(TEXT)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_aes_encrypted_pdf_with_an_empty_password_is_read():
    doc = read_bytes(_aes_pdf(), "aes.pdf", "pdf")
    assert doc.text.startswith("银川市兴庆区人民政府\n兴庆区2022年法治政府建设情况报告")


def test_cryptography_is_a_dependency_so_that_aes_pdfs_open_after_an_install():
    tomllib = pytest.importorskip("tomllib")
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    dependencies = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    assert any(d.split(">")[0].split("=")[0].strip() == "cryptography" for d in dependencies)


def test_an_aes_pdf_read_without_cryptography_says_what_is_missing_not_corrupt(tmp_path):
    import subprocess
    import sys

    (tmp_path / "aes.pdf").write_bytes(_aes_pdf())
    script = (
        "import sys; sys.modules['cryptography'] = None\n"  # as on an install without it
        "from kg.read import ReadError, read_path\n"
        "try:\n    read_path(sys.argv[1])\nexcept ReadError as e:\n    print(e)\n"
    )
    run = subprocess.run([sys.executable, "-c", script, str(tmp_path / "aes.pdf")], capture_output=True, text=True)
    assert run.stdout.strip() == "encrypted PDF (AES): decrypting it needs the cryptography package", run.stderr
