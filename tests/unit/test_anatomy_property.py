"""Property tests: read_anatomy never raises, accounts for every line, and is deterministic."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks.anatomy import Signals, chrome_key, read_anatomy, unaccounted_lines

ABLATIONS = [
    Signals(shape=s, position=p, repetition=r)
    for s in (False, True)
    for p in (False, True)
    for r in (False, True)
    if not (s and p and r)
]
KINDS = {
    "header",
    "title",
    "dateline",
    "byline",
    "source_credit",
    "related_news",
    "cookie_notice",
    "comments",
    "share_tools",
    "links",
    "repeated_chrome",
    "other",
}

PIECES = [
    "Tin khác",
    "Hoàng Tùng",
    "Nguồn tin: haiphong.gov.vn",
    "11/12/2025",
    "A A",
    "QR CODE: Tiêu đề",
    "Thứ Sáu, 22/11/2024 19:17 (GMT +7)",
    "Hôm nay, Thứ ba ngày 22/06/2021",
    "(Thanhuytphcm.vn) - ",
    "(TTV) ",
    " date 2026-01-30 ",
    "Chiều 21/10, Ban Tổ chức Thành ủy tổ chức Hội nghị giao ban.",
    "Đại biểu phát biểu ý kiến tại Hội nghị.",
    "Tiếp tục chương trình Kỳ họp thứ 32…",
    "PHƯƠNG LAN",
    "H.H",
    "Ý kiến bạn đọc",
    "This website uses cookies.",
    "Tin, ảnh: Trung Kiên (TTXVN)",
    ".",
    "-",
    "\u00a0",
    "Quận 8",
    "TP.HCM",
    "tỉnh Khánh Hoà",
    "Thành ủy Hạ Long",
    " ./. Nguồn: dangcongsan.vn",
    "…",
    "(",
    ")",
]
piece_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=30), max_size=25).map(
    lambda xs: "".join(x if i % 3 else x + "\n" for i, x in enumerate(xs))
)


def _check(text: str, chrome: frozenset[str]) -> None:
    an = read_anatomy(text, chrome_lines=chrome)
    assert unaccounted_lines(text, an) == []
    assert all(s.kind in KINDS for s in an.boilerplate)
    assert all(b and b == b.strip() for b in an.body_lines)
    assert read_anatomy(text, chrome_lines=chrome) == an  # deterministic, line cache warm or not
    for sig in ABLATIONS:  # every strategy accounts for every line
        assert unaccounted_lines(text, read_anatomy(text, chrome_lines=chrome, signals=sig)) == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text(text):
    _check(text, frozenset())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(piece_text, st.lists(st.sampled_from(PIECES), max_size=4))
def test_chrome_like_text(text, rep):
    _check(text, frozenset(chrome_key(r) for r in rep))
