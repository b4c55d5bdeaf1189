"""Session 9, metadata: title classes (a time stamp closing the headline, a source credit line,
a section label)."""

from __future__ import annotations

from datetime import datetime

import pytest

from tasks.anatomy.title import _GENERIC_PAGE, _photo_caption, split_dated_title


def test_time_stamp_with_hour_closing_a_headline_is_cut_and_kept_as_the_date():
    assert split_dated_title("Lễ trao huy hiệu đảng tại phường Tân Mai (09:30 05/03/2021)") == (
        "Lễ trao huy hiệu đảng tại phường Tân Mai",
        datetime(2021, 3, 5, 9, 30),
    )
    assert split_dated_title("Chi bo meets new members [7h05 - 12/10/2020]") == (
        "Chi bo meets new members",
        datetime(2020, 10, 12, 7, 5),
    )
    # an hour without a date is no time stamp
    assert split_dated_title("Giờ khai mạc (09:30)") == ("Giờ khai mạc (09:30)", None)


@pytest.mark.parametrize(
    "line,want",
    [
        ("awarding party badges to veteran members in long an (source: vna)", True),
        ("đại biểu dâng hoa tại tượng đài (nguồn: báo tỉnh).", True),
        ("nguồn lực cho phát triển đảng viên vùng sâu", False),
        ("source of strength: the party cell in the village", False),
    ],
)
def test_bracketed_source_credit_marks_a_caption(line, want):
    assert _photo_caption(line) is want


@pytest.mark.parametrize(
    "line,want",
    [
        ("Chuyên mục: Hoạt động Đảng", True),
        ("Danh mục - Tin mới", True),
        ("Chuyên môn nghiệp vụ của chi bộ được nâng cao", False),
    ],
)
def test_section_label_is_no_headline(line, want):
    assert (_GENERIC_PAGE.match(line) is not None) is want
