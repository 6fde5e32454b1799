"""A large report, and one that names the same thing thousands of times, builds in time that grows with its
length, not with the square of its mentions (issue 19). Generated here, never committed; the guard only catches a
hang or a return of the quadratic step (the build itself takes seconds)."""

import signal

import kg

FILLER = (
    "坚持以人民为中心的发展思想，深入推进依法行政，着力提高政府工作人员的法治意识和依法办事能力，"
    "推动法治政府建设各项任务落地见效，不断提升治理体系和治理能力现代化水平。"
) * 3
LINE = "全县认真贯彻落实《中华人民共和国行政处罚法》，" + FILLER + "\n"
GUARD_SECONDS = 120


def _timeout(signum, frame):
    raise TimeoutError(f"a 4 MB report took over {GUARD_SECONDS} s")


def test_a_4_mb_report_mentioning_one_law_thousands_of_times_builds_within_the_guard():
    text = "盐池县2022年法治政府建设工作报告\n" + LINE * int(4e6 / len(LINE.encode("utf-8")))
    old = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(GUARD_SECONDS)
    try:
        g = kg.build_graph([("big.txt", text)])
        rows = g.query(
            "SELECT (COUNT(?m) AS ?n) WHERE { ?m a kg:Mention ; kg:text ?t . FILTER(CONTAINS(?t, '行政处罚法')) }"
        )
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert len(text.encode("utf-8")) > 3.9e6
    assert int(rows[0]["n"]) == text.count("《中华人民共和国行政处罚法》")
