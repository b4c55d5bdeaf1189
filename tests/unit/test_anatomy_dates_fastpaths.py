"""The date regexes written to open with a class or literal match what their plain forms (a
leading look-behind, IGNORECASE) match, and the helpers built on them return the same."""
from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.anatomy import dates

# the plain forms
DMY = re.compile(
    r"(?<![\d/.-])(?P<d>[0-3]?\d)\s*[/.\-–]\s*(?P<m>[01]?\d)\s*[/.\-–]\s*(?P<y>(?:19|20)\d\d)(?![\d/])")
VN_LONG = re.compile(
    r"ngày\s+(?P<d>[0-3]?\d)\s+tháng\s+(?P<m>[01]?\d)\s*(?:năm|,|/)\s*(?P<y>(?:19|20)\d\d)", re.IGNORECASE)
ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
TIME = re.compile(
    r"(?<!\d)(?P<h>[0-2]?\d)\s*(?::|h)\s*(?P<mi>[0-5]\d)(?:\s*:\s*(?P<s>[0-5]\d))?'?\s*(?P<ap>AM|PM|SA|CH)?(?!\d)",
    re.IGNORECASE)
STRIP = re.compile(
    r"(?:(?<![\d])[0-3]?\d\s*[/.\-–]\s*[01]?\d\s*[/.\-–]\s*(?:19|20)\d\d)|(?:(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?)"
    r"|(?:[0-2]?\d\s*(?::|h)\s*[0-5]\d(?:\s*:\s*[0-5]\d)?'?)|\(?gmt\s*[+-]?\s*\d*\)?|\[?gmt\s*[+-]?\s*\d*\]?"
    r"|[\[\](),|:'’\-–—+]|\d+", re.IGNORECASE)
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")

PIECES = [" ", "  ", "\t", "/", ".", "-", "–", "—", ":", "'", "’", "+", "(", ")", "[", "]", "|", ",",
          "0", "1", "2", "3", "9", "12", "19", "20", "31", "2019", "2020", "1999", "05", "h", "H", "gmt", "GMT",
          "Gmt", "ngày", "NGÀY", "Ngày", "tháng", "THÁNG", "năm", "am", "PM", "sa", "CH", "thứ", "hai",
          "cập nhật", "lúc", "năm 2019", "tháng 10/2021", "quý II/", "sinh năm", "ſ", "K", "İ", "೦", "١٢"]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=16).map("".join)


def _spans(rx, s):
    return [(m.span(), m.groupdict()) for m in rx.finditer(s)]


@settings(max_examples=800, deadline=None)
@given(texts)
def test_regexes_match_their_plain_forms(s):
    for fast, plain in ((dates._DMY, DMY), (dates._VN_LONG, VN_LONG), (dates._ISO, ISO), (dates._TIME, TIME)):
        assert _spans(fast, s) == _spans(plain, s)
    assert dates._STRIP.sub(" ", s.casefold()) == STRIP.sub(" ", s.casefold())
    assert sorted(m.span() for y in dates._YEARS for m in y.finditer(s)) == [m.span() for m in YEAR.finditer(s)]


CORES = ["5/6/2020", "12.10.1999", "31 - 12 - 2019", "1/2/20201", "125/12/2020", "1999-12-31", "2020-1-1",
         "2019-12-31T", "8h30", "08:30:15 PM", "12:00 SA", "23 h 05'", "ngày 5 tháng 12 năm 2016",
         "NGÀY 5 THÁNG 12/2016", "gmt+7", "(GMT +7)", "[gmt-5]", "gmt"]
EDGES = ["", "x", " ", "0", "1", "2", "೦", "/", ".", "-", "–", "(", "[", ")", "]", "h", "g", "a1"]


def test_regexes_match_their_plain_forms_next_to_every_edge():
    # what stands right before or after a date decides the look-behinds and look-aheads
    for core in CORES:
        for before in EDGES:
            for after in EDGES:
                s = before + core + after
                for fast, plain in ((dates._DMY, DMY), (dates._VN_LONG, VN_LONG), (dates._ISO, ISO),
                                    (dates._TIME, TIME)):
                    assert _spans(fast, s) == _spans(plain, s), (s, plain.pattern)
                assert dates._STRIP.sub(" ", s.casefold()) == STRIP.sub(" ", s.casefold()), s
                assert sorted(m.span() for y in dates._YEARS for m in y.finditer(s)) == \
                    [m.span() for m in YEAR.finditer(s)], s


def _plain_find_datetime(s):
    any_date = DMY.search(s) or VN_LONG.search(s) or ISO.search(s)
    if not any_date:
        return None
    y, mo, d = int(any_date.group("y")), int(any_date.group("m")), int(any_date.group("d"))
    hh = mi = ss = 0
    t = TIME.search(s)
    if t:
        hh, mi, ss = int(t.group("h")), int(t.group("mi")), int(t.group("s") or 0)
        ap = (t.group("ap") or "").upper()
        if ap in ("PM", "CH") and hh < 12:
            hh += 12
        elif ap in ("AM", "SA") and hh == 12:
            hh = 0
        if hh > 23:
            hh = mi = ss = 0
    return dates._mk_dt(y, mo, d, hh, mi, ss)


@settings(max_examples=800, deadline=None)
@given(texts)
def test_helpers_return_what_the_plain_forms_give(s):
    assert dates.find_datetime(s) == _plain_find_datetime(s)
    words = frozenset({"thứ", "hai", "cập", "nhật", "lúc", "gmt", "ngày", "tháng", "năm", "/", "."})
    assert dates.is_date_residue(s, words) == all(w in words for w in STRIP.sub(" ", s.casefold()).split())


def test_dropped_ignorecase_is_exact():
    # _STRIP reads case-folded text without IGNORECASE: no case fold holds a capital its letters
    # ("gmt", "h") would also match; "[nN]" in _VN_LONG is what IGNORECASE equates with "n"
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        assert not any(x in "GMTH" for x in c.casefold()), hex(cp)
        assert bool(re.fullmatch("n", c, re.IGNORECASE)) == (c in "nN"), hex(cp)


def test_examples():
    assert str(dates.find_datetime("Thứ Hai, 18/08/2023 | 17:19:17 [GMT +7] A A")) == "2023-08-18 17:19:17"
    assert str(dates.find_datetime("Chủ nhật, ngày 5 tháng 12 năm 2016")) == "2016-12-05 00:00:00"
    assert dates.find_datetime("Mã 125/12/2020") is None
    assert dates.is_date_residue("Cập nhật lúc 20:28, Thứ Sáu, 08/01/2022 (GMT+7)",
                                 frozenset({"cập", "nhật", "lúc", "thứ", "sáu"}))
    assert dates.year_evidence(["Năm 2019 tăng, tháng 10/2021 và 9/2021; sinh năm 1966"]) == 2021
