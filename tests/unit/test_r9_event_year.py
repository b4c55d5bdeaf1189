"""The year of an event day written without one, against the page's date (session 9)."""

from __future__ import annotations

from datetime import date, datetime

from tasks.anatomy.event import event_date_of


def _ev(lead, published):
    return event_date_of(lead, None, [], published, None, lambda: None)


def test_a_later_day_of_the_pages_own_month_is_a_preview_of_this_year():
    lead = ["Hội thao sẽ diễn ra từ ngày 22 đến 24/9 tại Nhà thi đấu tỉnh."]
    assert _ev(lead, datetime(2024, 9, 16, 8, 0)) == date(2024, 9, 22)


def test_a_later_month_than_the_pages_date_is_still_last_year():
    lead = ["Ngày 28/11, Đảng ủy xã tổ chức Hội nghị tổng kết công tác xây dựng Đảng."]
    assert _ev(lead, datetime(2024, 2, 3, 9, 0)) == date(2023, 11, 28)
