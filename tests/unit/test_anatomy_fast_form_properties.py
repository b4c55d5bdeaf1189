"""Anatomy fast forms and hand-built scans: the checks tests/unit/test_fast_forms.py cannot make
from generated text alone. Pairs go through each module's FAST_FORMS; the name scan (a regex
trie that must keep every capitalised word that can open a name) is a superset property."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.anatomy import dates, default_rules, locality, rules
from tasks.fastforms import FastForm

FORMS = {f.name: f for m in (dates, rules) for f in m.FAST_FORMS}

def _agree(form: FastForm, s: str) -> None:
    assert form.fast(s) == form.plain(s), (form.name, s)


@pytest.mark.parametrize("text", [
    "Chủ tịch UBND TP.HCM dự lễ tại Quận 8 và TP Thủ Đức.",
    "Đoàn công tác tỉnh Bà Rịa - Vũng Tàu, BR-VT và Bà Rịa – Vũng Tàu.",
    "Hội nghị (Hà Nội) “Hải Phòng” \"Nam Định\" ở Thừa Thiên - Huế, tỉnh Khánh Hoà.",
    "Việt Nam và Hà" + " " * 58 + "Nội; Hà" + " " * 50 + "Nội.",
    "HÀ NỘI - Tin từ NAM ĐỊNH; Hà\u3000Nội;\x1cHải\x1cPhòng",
    "Về Hà, Nội dung; Quảng… Nam, Bà) Rịa - Vũng Tàu; (Hải Phòng, “Cà Mau”",
])
def test_locality_mentions_on_examples(text):
    found = [m[1] for m in default_rules().gazetteer.mentions([(text, 1.0)])]
    assert found, text


@pytest.mark.parametrize("key", ["thời sự / xã hội", "trang này dùng cookies", "trang này dùng cookies " + "x" * 250,
                                 "nguồn tin: baohanoi.vn", "tin, ảnh: nguyễn văn a", "bản quyền " + "x" * 200])
def test_line_rule_forms_agree_on_examples(key):
    # matched only through `requires` (breadcrumb_sep, cookie_notice), long lines
    _agree(FORMS["anatomy.line_rules"], key[:default_rules().max_scan])


NAME_TEXT = st.lists(st.sampled_from(["Hà", "Nội", "TP.", "Tp.", "TP.HCM", "Quận", "Thủ", "Đức", "(", "“", " ", ",",
                                      "Bà", "Rịa", "-", "Vũng", "Tàu", "tỉnh", "x"]) | st.text(max_size=3),
                     max_size=14).map("".join)


@settings(max_examples=300, deadline=None)
@given(NAME_TEXT)
def test_name_scan_keeps_every_word_that_can_open_a_name(s):
    g = default_rules().gazetteer
    got = {m.span() for m in g.name_starts.finditer(s)}
    for m in re.finditer(rf"(?<!\S)[(“\"]?[{locality._UP}][^\s]*", s):
        w0 = m.group(0).strip(".,;:!?()[]“”\"'‘’…")
        if w0 in g.first_cap or w0[:3] in ("TP.", "Tp."):
            assert m.span() in got


def test_date_examples():
    assert str(dates.find_datetime("Thứ Hai, 18/08/2023 | 17:19:17 [GMT +7] A A")) == "2023-08-18 17:19:17"
    assert str(dates.find_datetime("Chủ nhật, ngày 5 tháng 12 năm 2016")) == "2016-12-05 00:00:00"
    assert dates.find_datetime("Mã 125/12/2020") is None
    assert dates.is_date_residue("Cập nhật lúc 20:28, Thứ Sáu, 08/01/2022 (GMT+7)",
                                 frozenset({"cập", "nhật", "lúc", "thứ", "sáu"}))
    assert dates.year_evidence(["Năm 2019 tăng, tháng 10/2021 và 9/2021; sinh năm 1966"]) == 2021
