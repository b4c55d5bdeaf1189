"""Event dates that English editions and anniversaries date (session 10): "On November 7",
"In the afternoon of August 5, 2011", "on Tuesday" (counted back from the report's own date),
and an anniversary the opening paragraphs celebrate as the year of a day written without one."""

from __future__ import annotations

from datetime import date, datetime

from tasks.anatomy.event import event_date_of, page_anniversary_year


def _ev(lead, published=None, title=None):
    return event_date_of(lead, title, [], published, None, lambda: None)


def test_an_english_lead_opening_with_on_and_its_month_is_dated():
    lead = ["On November 7, the Deputy Secretary of the City Party Committee presented badges."]
    assert _ev(lead, datetime(2022, 11, 8, 9, 0)) == date(2022, 11, 7)


def test_an_english_part_of_the_day_of_a_date_is_the_event():
    lead = ["In the afternoon of August 5, 2011, the student Party cell held an admission ceremony."]
    assert _ev(lead) == date(2011, 8, 5)


def test_an_english_weekday_alone_counts_back_from_the_published_date():
    lead = ["HANOI – The Secretariat on Tuesday discussed disciplinary actions against members."]
    # published on Thursday 11 April 2024: the Tuesday before is the 9th
    assert _ev(lead, datetime(2024, 4, 11, 8, 0)) == date(2024, 4, 9)
    # a weekday with its date after it is read from the date, not counted back
    assert _ev(["The congress opened on Tuesday, April 2, 2024 in Hanoi."], datetime(2024, 4, 11)) == date(
        2024, 4, 2
    )


def test_a_weekday_without_a_published_date_dates_nothing():
    assert _ev(["The Secretariat on Tuesday discussed disciplinary actions."]) is None


def test_the_pages_anniversary_gives_the_year_of_a_day_written_without_one():
    lead = [
        "Ngày 31/1, Huyện ủy tổ chức họp mặt đầu xuân với các đồng chí nguyên lãnh đạo huyện.",
        "Các đại biểu dự buổi họp mặt nhân kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam.",
    ]
    assert _ev(lead) == date(2024, 1, 31)


def test_an_anniversary_of_an_event_and_an_anniversary_span_give_the_year():
    assert page_anniversary_year(["Nhân dịp kỷ niệm 80 năm Cách mạng tháng Tám và Quốc khánh 2/9"]) == 2025
    # a span N years long dates an anniversary of anything ("(1947-2020)" for 73 years)
    assert (
        page_anniversary_year(["Hướng tới kỷ niệm 73 năm ngày Hội truyền thống 27/7 (1947-2020), đoàn …"])
        == 2020
    )
    # a span of another length is not this anniversary's
    assert page_anniversary_year(["kỷ niệm 70 năm ngày Hội truyền thống (1947-2020)"]) is None
    assert page_anniversary_year(["Kỷ niệm chương cho 12 đồng chí."]) is None


def test_the_sentences_own_year_beats_the_pages_anniversary():
    lead = ["Ngày 2/9/2023, xã tổ chức lễ kỷ niệm 80 năm Cách mạng tháng Tám."]
    assert _ev(lead) == date(2023, 9, 2)


def test_a_congress_days_year_is_its_terms_first_year_not_the_years_the_page_cites():
    title = "ĐẠI HỘI ĐẢNG BỘ BỆNH VIỆN LẦN THỨ III NHIỆM KỲ 2020-2025"
    lead = [
        "Thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị và Kế hoạch số 10 năm 2019.",
        "Đại hội Đảng bộ phiên thứ nhất (phiên trù bị) diễn ra vào ngày 19/5 để chuẩn bị một số nội dung.",
    ]
    # the page's years say 2019; the congress opens the 2020-2025 term
    assert event_date_of(lead, title, [], None, None, lambda: 2019) == date(2020, 5, 19)
