"""The anatomy speed-ups are exact: each fast scan finds what the plain form finds."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tasks.anatomy import dates, locality
from tasks.anatomy.core import _load, _repeated, chrome_key
from tasks.textnorm import match_key

PIECES = [" ", "  ", "\t", "(", "“", '"', ")", ".", ",", "-", "/", "x", "1", "21/10", "7 và 8-5", "2021",
          "sáng", "SÁNG", "ſáng", "Chiều", "ngày", "NGÀY", "hôm nay", "Hôm qua", "tối", "Đêm", "trưa nay",
          "tháng", "sá", "ng", "ày", "Hà", "Nội", "HÀ", "nội", "TP.", "Tp.", "TP", "HCM", "Nam", "Định",
          "Bà", "Rịa", "Vũng", "Tàu", "Quận", "Thủ", "Đức", "tỉnh", "hoà", "Hòa", "thuỷ", "…"]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_event_scan_finds_what_finditer_finds(s):
    assert [m.span() for m in dates._event_matches(s)] == [m.span() for m in dates._EVENT.finditer(s)]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_capword_scan_is_the_plain_one(s):
    assert [m.span() for m in locality._CAPWORD.finditer(s)] == [m.span() for m in locality._CAPWORD_SLOW.finditer(s)]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_name_scan_keeps_every_word_that_can_open_a_name(s):
    g = _load().gazetteer()
    got = {m.span() for m in g.first_cap_words.finditer(s)}
    for m in locality._CAPWORD_SLOW.finditer(s):
        w0 = m.group(0).strip(locality._TOKEN_PUNCT)
        if w0 in g.first_cap or w0[:3] in ("TP.", "Tp."):
            assert m.span() in got


@settings(max_examples=400, deadline=None)
@given(texts)
def test_chrome_key_is_the_match_key_form(s):
    t = s.strip()
    want = "" if not t or len(t) > 200 else "".join(
        "0" if c.isdecimal() else c for c in " ".join(match_key(t).split()))
    assert chrome_key(s) == want


def test_repetition_memo_follows_the_chrome_set():
    rs = _load()
    ln = rs.cached_line_info("Tin khác", False, True)
    a, b = frozenset({chrome_key("Tin khác")}), frozenset({"x"})
    assert _repeated(ln, a) and not _repeated(ln, b) and _repeated(ln, a)
    assert _repeated(ln, {chrome_key("Tin khác")})


RULE_PIECES = ["nguồn: ", "nguồn tin:", "baohanoi.vn", "theo ", "tin: ", "ảnh: ", "bài và ảnh: ", "qr code: ",
               "ths. ", "pgs, ts ", "tin khác", "xem thêm", " / ", " » ", " > ", "cookie", "cookies", "©",
               "bản quyền", "print ", " gốc", "hôm nay", "3 giờ trước", "a+ a-", "tags:", ">> ", "»", "Nguyễn Văn A"]
rule_keys = st.lists(st.sampled_from(RULE_PIECES + PIECES) | st.text(max_size=3), max_size=8).map(
    lambda xs: "".join(xs).casefold())


def _match_by_groupdict(rs, regex, key):
    """The rule match read the plain way: lastgroup names the rule, groupdict() its captures."""
    m = regex.match(key)
    if not m:
        return None
    idx = int(m.lastgroup[1:].split("_")[0])
    return rs.rules[idx], {k.split("_", 1)[1]: v for k, v in m.groupdict().items()
                           if v is not None and k.startswith(f"r{idx}_")}


@settings(max_examples=500, deadline=None)
@given(rule_keys, st.sampled_from([None, 180, 250]))
@example("thời sự / xã hội", None)           # matched only through `requires` (breadcrumb_sep)
@example("trang này dùng cookies", None)
@example("trang này dùng cookies", 250)
def test_line_rules_pre_checks_only_reject_non_matches(key, pad):
    rs = _load()
    if pad:
        key = (key + " " + "x" * pad)[:rs.max_scan]
    if len(key) <= rs.short_len:
        want = _match_by_groupdict(rs, rs.re_h, key), _match_by_groupdict(rs, rs.re_f, key)
    else:
        want = _match_by_groupdict(rs, rs.re_h_long, key), _match_by_groupdict(rs, rs.re_f_long, key)
    assert rs.line_rules(key, len(key)) == want
