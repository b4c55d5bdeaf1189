"""A CMS date stamp with a two-digit year alone on its line ("18/09/20") is the article's date
line (session 10, blind7 s604)."""

from __future__ import annotations

from datetime import date, datetime

from tasks.anatomy.core import read_anatomy
from tasks.anatomy.dates import short_year_date


def test_a_two_digit_year_stamp_alone_is_a_date():
    assert short_year_date("18/09/20") == datetime(2020, 9, 18)
    assert short_year_date("32/09/20") is None  # no such day
    assert short_year_date("18/09/20 tin") is None  # not alone on its line
    assert short_year_date("1/2") is None


def test_the_stamp_under_the_headline_dates_the_page_and_its_event():
    page = "\n".join(
        [
            "Bàn giao tổ chức đảng và đảng viên Chi bộ Công ty cho Đảng bộ huyện",
            "18/09/20",
            "Sáng 17/9, Đảng ủy Khối tổ chức bàn giao tổ chức đảng và đảng viên Chi bộ Công ty về Đảng bộ "
            "huyện. Căn cứ Quy định số 29-QĐ/TW ngày 25/7/2016 của Ban Chấp hành Trung ương Đảng.",
            "Sau khi tiếp nhận, Đảng bộ huyện có 37 đảng bộ, chi bộ trực thuộc với hơn 2.000 đảng viên.",
        ]
    )
    a = read_anatomy(page)
    assert a.published_at == datetime(2020, 9, 18)
    assert a.event_date == date(2020, 9, 17)
