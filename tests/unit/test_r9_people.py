"""People of session 9's classes: northern minority and rare Kinh surnames, and a post head's first
syllable glued onto an addressed name."""

from __future__ import annotations

import pytest
from test_facts_people_classes import people


@pytest.mark.parametrize(
    ("body", "name", "post"),
    [
        (
            "Dự có đồng chí Vừ A Tống - TUV, Bí thư Huyện ủy Mường Nhé.",
            "Vừ A Tống",
            "Bí thư Huyện ủy Mường Nhé",
        ),
        ("Đồng chí Quản Văn Hòa, Bí thư Tỉnh ủy phát biểu.", "Quản Văn Hòa", "Bí thư Tỉnh ủy"),
        (
            "đồng chí Ong Thị Lan, Phó Bí thư Thường trực Huyện ủy dự.",
            "Ong Thị Lan",
            "Phó Bí thư Thường trực Huyện ủy",
        ),
    ],
)
def test_minority_and_rare_surnames(body, name, post):
    assert post in people(body)[name]


def test_a_post_heads_first_syllable_glued_to_an_addressed_name_is_cut_off():
    ps = people("Trong không khí trang nghiêm, đ/c Huỳnh Thị Mai Bí thư chi bộ đã đọc quyết định kết nạp.")
    assert ps == {"Huỳnh Thị Mai": ("Bí thư chi bộ",)}
