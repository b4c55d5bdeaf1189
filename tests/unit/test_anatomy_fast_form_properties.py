"""Anatomy fast forms: the checks tests/unit/test_fast_forms.py cannot make from generated text
alone. Pairs still go through each module's FAST_FORMS; the rest are properties over all of
Unicode that the hand-written forms rely on."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.anatomy import dates, default_rules, locality, rules
from tasks.fastforms import FastForm

FORMS = {f.name: f for m in (dates, locality, rules) for f in m.FAST_FORMS}

CORES = [
    "5/6/2020",
    "12.10.1999",
    "31 - 12 - 2019",
    "1/2/20201",
    "125/12/2020",
    "1999-12-31",
    "2020-1-1",
    "2019-12-31T",
    "8h30",
    "08:30:15 PM",
    "12:00 SA",
    "23 h 05'",
    "ngày 5 tháng 12 năm 2016",
    "NGÀY 5 THÁNG 12/2016",
    "gmt+7",
    "(GMT +7)",
    "[gmt-5]",
    "gmt",
]
EDGES = ["", "x", " ", "0", "1", "2", "೦", "/", ".", "-", "–", "(", "[", ")", "]", "h", "g", "a1"]


def _agree(form: FastForm, s: str) -> None:
    assert form.fast(s) == form.plain(s), (form.name, s)


@pytest.mark.parametrize("name", [n for n in FORMS if n.startswith("dates.")])
def test_date_forms_agree_next_to_every_edge(name):
    # what stands right before or after a date decides the look-behinds and look-aheads
    for core in CORES:
        for before in EDGES:
            for after in EDGES:
                _agree(FORMS[name], before + core + after)


@pytest.mark.parametrize(
    "text",
    [
        "Chủ tịch UBND TP.HCM dự lễ tại Quận 8 và TP Thủ Đức.",
        "Đoàn công tác tỉnh Bà Rịa - Vũng Tàu, BR-VT và Bà Rịa – Vũng Tàu.",
        'Hội nghị (Hà Nội) “Hải Phòng” "Nam Định" ở Thừa Thiên - Huế, tỉnh Khánh Hoà.',
        "Việt Nam và Hà" + " " * 58 + "Nội; Hà" + " " * 50 + "Nội.",
        "HÀ NỘI - Tin từ NAM ĐỊNH; Hà\u3000Nội;\x1cHải\x1cPhòng",
        "Về Hà, Nội dung; Quảng… Nam, Bà) Rịa - Vũng Tàu; (Hải Phòng, “Cà Mau”",
    ],
)
def test_locality_forms_agree_on_examples(text):
    _agree(FORMS["locality.mentions"], text)
    _agree(FORMS["locality.longest_name"], text)


@pytest.mark.parametrize(
    "key",
    [
        "thời sự / xã hội",
        "trang này dùng cookies",
        "trang này dùng cookies " + "x" * 250,
        "nguồn tin: baohanoi.vn",
        "tin, ảnh: nguyễn văn a",
        "bản quyền " + "x" * 200,
    ],
)
def test_line_rule_forms_agree_on_examples(key):
    # matched only through `requires` (breadcrumb_sep, cookie_notice), long lines
    _agree(FORMS["anatomy.line_rules"], key[: default_rules().max_scan])


def test_dropped_ignorecase_is_exact():
    # _STRIP reads case-folded text without IGNORECASE: no case fold holds a capital its letters
    # ("gmt", "h") would also match; "[nN]" in _VN_LONG is what IGNORECASE equates with "n"
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        assert not any(x in "GMTH" for x in c.casefold()), hex(cp)
        assert bool(re.fullmatch("n", c, re.IGNORECASE)) == (c in "nN"), hex(cp)


NAME_TEXT = st.lists(
    st.sampled_from(
        [
            "Hà",
            "Nội",
            "TP.",
            "Tp.",
            "TP.HCM",
            "Quận",
            "Thủ",
            "Đức",
            "(",
            "“",
            " ",
            ",",
            "Bà",
            "Rịa",
            "-",
            "Vũng",
            "Tàu",
            "tỉnh",
            "x",
        ]
    )
    | st.text(max_size=3),
    max_size=14,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(NAME_TEXT)
def test_name_scan_keeps_every_word_that_can_open_a_name(s):
    g = default_rules().gazetteer
    got = {m.span() for m in g.first_cap_words().finditer(s)}
    for m in re.finditer(rf"(?<!\S)[(“\"]?[{locality._UP}][^\s]*", s):
        w0 = m.group(0).strip(".,;:!?()[]“”\"'‘’…")
        if w0 in g.first_cap or w0[:3] in ("TP.", "Tp."):
            assert m.span() in got


def test_second_word_lookahead_is_a_superset():
    # a next word passes _longest_name when its lower-case form (trailing punctuation stripped)
    # is a second word; the look-ahead's (?i:) must accept every such spelling
    gaz = default_rules().gazetteer
    seconds = {w for ws in gaz.second_words.values() for w in ws}
    letters = {c for w in seconds for c in w}
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if len(low) == 1:
            if low in letters:
                assert re.fullmatch(re.escape(low), c, re.IGNORECASE), hex(cp)
        else:  # "İ" -> "i̇": no second word holds such a lower-case form
            assert not any(low in w for w in seconds), hex(cp)


def test_split_blanks_are_regex_blanks():
    # _longest_name reads the window with str.split(); the regexes use \s
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        assert (("a" + c + "b").split() == ["a", "b"]) == bool(re.fullmatch(r"\s", c)), hex(cp)


def test_date_examples():
    assert str(dates.find_datetime("Thứ Hai, 18/08/2023 | 17:19:17 [GMT +7] A A")) == "2023-08-18 17:19:17"
    assert str(dates.find_datetime("Chủ nhật, ngày 5 tháng 12 năm 2016")) == "2016-12-05 00:00:00"
    assert dates.find_datetime("Mã 125/12/2020") is None
    assert dates.is_date_residue(
        "Cập nhật lúc 20:28, Thứ Sáu, 08/01/2022 (GMT+7)", frozenset({"cập", "nhật", "lúc", "thứ", "sáu"})
    )
    assert dates.year_evidence(["Năm 2019 tăng, tháng 10/2021 và 9/2021; sinh năm 1966"]) == 2021
