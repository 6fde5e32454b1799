"""Makers of report files in every supported format, for the reader's and the build's tests. Everything is made
in the test (PDF with reportlab's CID font STSong-Light, which needs no font file; DOCX with python-docx)."""

from __future__ import annotations

import io

COUNTIES = [
    ("兴庆区", "银川市"),
    ("金凤区", "银川市"),
    ("西夏区", "银川市"),
    ("昆都仑区", "包头市"),
    ("大武口区", "石嘴山市"),
    ("新荣区", "大同市"),
    ("惠济区", "郑州市"),
    ("峄城区", "枣庄市"),
    ("永宁县", "银川市"),
    ("贺兰县", "银川市"),
    ("平罗县", "石嘴山市"),
    ("盐池县", "吴忠市"),
]
"""(county, prefecture) pairs for reports made with :func:`report_text`: a build's tests take as many as they need."""


def report_text(county: str, prefecture: str, year: int, cases: int) -> str:
    """A small but complete report: issuer, title, year, a cited law, a figure, a body and a measure."""
    return (
        f"{prefecture}{county}人民政府\n\n"
        f"{county}{year}年法治政府建设情况报告\n\n"
        f"{year}年，{county}认真贯彻落实《法治政府建设实施纲要（2021—2025年）》和《中华人民共和国行政处罚法》。\n\n"
        f"区司法局全年办理行政复议案件{cases}件，深化“放管服”改革。\n\n"
        f"{prefecture}{county}人民政府\n\n{year + 1}年1月20日\n"
    )


def html_page(text: str, charset: str = "utf-8") -> bytes:
    """A government web page: navigation, a script, a style and a footer around the article (in #zoom)."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    title, body = paragraphs[1], paragraphs[:1] + paragraphs[2:]
    page = (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}_政府网</title>'
        "<style>.nav{color:red}</style><script>var tracker = '首页 统计';</script></head><body>"
        '<div class="nav"><nav><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></nav></div>'
        f"<h1>{title}</h1>"
        '<div id="zoom">' + "".join(f"<p>{p}</p>" for p in body) + "</div>"
        "<footer>主办单位：某某人民政府办公室 版权所有</footer></body></html>"
    )
    return page.encode(charset)


def pdf_bytes(text: str, lines_per_page: int = 3) -> bytes:
    """A PDF of ``text``, a few lines per page, in reportlab's built-in Chinese CID font."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, invariant=1)  # invariant: no timestamp, so the same text gives the same bytes
    lines = [ln for ln in text.split("\n") if ln.strip()]
    for start in range(0, len(lines), lines_per_page):
        pdf.setFont("STSong-Light", 10)
        y = 800
        for line in lines[start : start + lines_per_page]:
            pdf.drawString(40, y, line)
            y -= 20
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def docx_bytes(text: str, table: list[list[str]] | None = None) -> bytes:
    """A Word file: one paragraph per line of ``text``, then a table when given."""
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
