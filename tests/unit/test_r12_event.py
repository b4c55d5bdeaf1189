"""Event years and bylines read in session 13 (issue 12): a council's first session written "kỳ họp lần thứ
nhất", and a congress whose unit holds a city's abbreviation ("Đảng bộ TP. Cần Thơ")."""

from datetime import date

from tasks.anatomy.event import event_date_of


def event(lead):
    return event_date_of(lead, None, [], None, None, lambda: None)


def test_first_session_written_with_lan_dates_the_term_year():
    lead = ["Sáng ngày 30.6, HĐND xã Duy Hoà khóa XIII, nhiệm kỳ 2021 – 2026 tổ chức kỳ họp lần thứ nhất."]
    assert event(lead) == date(2021, 6, 30)


def test_a_city_abbreviation_ends_no_sentence_before_the_congress_term():
    lead = [
        "Sáng ngày 27/9, tại Trung tâm Hội nghị thành phố, Đại hội đại biểu Đảng bộ TP. Cần Thơ lần thứ I, "
        "nhiệm kỳ 2025-2030 chính thức khai mạc."
    ]
    assert event(lead) == date(2025, 9, 27)


def test_a_mid_term_review_is_no_term_year():
    assert event(["Sáng ngày 12/5, Đảng bộ xã tổ chức sơ kết giữa nhiệm kỳ 2020-2025."]) is None


def test_a_byline_with_the_writers_unit_after_a_dash():
    from tasks.anatomy.byline import clean_author

    assert clean_author("Cao Cường- ĐTN Công ty Supe") == "Cao Cường"
    assert clean_author("Đỗ Thuần – Bí thư Chi bộ") == "Đỗ Thuần"
    assert clean_author("Minh Thư - Bùi Tiến") == "Minh Thư - Bùi Tiến"  # two writers
