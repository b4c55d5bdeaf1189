"""Members totals after "có tổng" / "tiêu biểu cho", and a plan floor "ít nhất N" (session 9)."""

from __future__ import annotations

import pytest
from test_facts_indicator_grammar import facts


@pytest.mark.parametrize(
    "body",
    [
        "Đảng bộ xã Diễn Yên có tổng 435 đảng viên sinh hoạt ở 15 chi bộ.",
        "Tham dự có 188 đại biểu chính thức, tiêu biểu cho 876 đảng viên trong toàn Đảng bộ phường.",
    ],
)
def test_total_cues_give_a_members_total(body):
    assert [(i.metric, i.actual) for i in facts(body)] == [
        ("party_members_total", int(body.split(" đảng viên")[0].split()[-1]))
    ]


def test_a_floor_before_the_count_is_a_target():
    (i,) = facts("Phấn đấu đến năm 2025, toàn tỉnh kết nạp ít nhất 7.000 đảng viên mới.")
    assert (i.metric, i.actual, i.target) == ("party_members_admitted", None, 7000)


def test_a_count_without_a_floor_stays_an_actual():
    (i,) = facts("Năm 2023, toàn tỉnh kết nạp 7.000 đảng viên mới.")
    assert (i.actual, i.target) == (7000, None)
