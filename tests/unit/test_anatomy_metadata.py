"""Article metadata beyond the line rules: the event's date (event.py), bylines by the shape of a
name (signature.py), header stamps (header_date.py) and headline choice (title.py). Real short
Vietnamese page shapes from the gold sets, positive and negative."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tasks.anatomy import read_anatomy
from tasks.anatomy.signature import name_of

P1 = (
    "Phát biểu tại hội nghị, đồng chí Bí thư Huyện ủy đề nghị các cấp ủy tiếp tục quan tâm đến công "
    "tác phát triển đảng viên, nâng cao chất lượng sinh hoạt chi bộ trong thời gian tới."
)
P2 = (
    "Qua nghe báo cáo và ý kiến của các đại biểu, đồng chí Trưởng Ban Tổ chức ghi nhận các địa "
    "phương đã quan tâm đến công tác xây dựng đảng và thực hiện tốt các nhiệm vụ được giao."
)
TITLE = "Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 16"


def page(*lines: str):
    return read_anatomy("\n".join(lines))


# ----------------------------------------------------------------------------- event date
def test_range_is_dated_by_its_first_day():
    lead = "Trong hai ngày 21- 22/4/2016, Ủy ban Kiểm tra Trung ương họp kỳ thứ 2 và thứ 3 tại Hà Nội."
    assert page(TITLE, lead, P1).event_date == date(2016, 4, 21)
    lead = "Từ ngày 22 đến ngày 26/3/2023, toàn huyện đồng loạt trao danh sách đoàn viên ưu tú cho Đảng."
    assert page(TITLE, lead, P1).event_date == date(2023, 3, 22)


def test_crawler_month_stamp_gives_the_year():
    lead = " date 2023-12 Sáng nay 18/12, Huyện ủy Nam Giang tổ chức Hội nghị lần thứ 16 năm 2024."
    assert page(lead, P1, P2).event_date == date(2023, 12, 18)


def test_dated_sentence_after_quote_and_caption():
    quote = '"Mỗi cán bộ, đảng viên phải toàn tâm, toàn ý với công việc, gần dân, trọng dân, hiểu dân."'
    lead = "Ngày 29-9, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị đánh giá kết quả 9 tháng năm 2023."
    assert page(TITLE, quote, "Toàn cảnh hội nghị.", lead, P1).event_date == date(2023, 9, 29)


def test_event_phrase_in_the_headline():
    title = "Sáng ngày 21/7/2018, Ban chỉ đạo xây dựng nông thôn mới xã tổ chức Hội nghị sơ kết"
    assert page(title, "24/07/2018 03:16", P1, P2).event_date == date(2018, 7, 21)


def test_statistics_cut_off_is_not_the_event():
    lead = "Qua theo dõi, tính đến ngày 26/9/2017 toàn Đảng bộ tỉnh kết nạp được 1383 đảng viên mới."
    assert page(TITLE, lead, P1).event_date is None


def test_historical_date_is_not_the_event():
    lead = "Ngày 28/8/1945, Bộ Nội vụ được thành lập; 70 năm qua ngành đã không ngừng lớn mạnh."
    assert page(TITLE, "Đăng ngày 28 - 08 - 2015", lead, P1).event_date is None
    assert (
        page("Laocaitv.vn - Ngày 10/5/1959, Ban Thường vụ Tỉnh ủy ra quyết định thành lập.", P1).event_date
        is None
    )


def test_birth_date_is_not_year_evidence():
    lead = "Chiều 26/6, Thành ủy trao quyết định điều động đồng chí Hoàng Minh Dũng Tiến làm Bí thư."
    born = "Đồng chí Hoàng Minh Dũng Tiến sinh ngày 5/2/1966, từng là Chánh Văn phòng Thành ủy."
    assert page(TITLE, lead, born, P1).event_date is None


def test_english_event_phrase():
    title = "Party admits over 143,000 new members in 2019"
    lead = "The Party has admitted over 143,000 new members in 2019, it was reported at a conference on December 25."
    assert page(title, "Thứ Tư, 25/12/2019", lead, P1).event_date == date(2019, 12, 25)


def test_front_matter_description_holds_the_event():
    text = "\n".join(
        [
            "---json",
            "{",
            '  "title": "Ban Tuyên giáo tổng kết công tác năm 2019",',
            '  "date": "2020-03-05T02:00:00.000Z",',
            '  "description": "Sáng ngày 27/2/2020, Ban Tuyên giáo Huyện ủy tổ chức hội nghị tổng kết."',
            "}",
            "---",
            P1,
            P2,
        ]
    )
    assert read_anatomy(text).event_date == date(2020, 2, 27)


def test_congress_term_dates_an_undated_congress():
    lead = "Ngày 26/10, xã Vân Canh tổ chức Đại hội Đại biểu Hội Cựu chiến binh xã lần thứ nhất, nhiệm kỳ 2025–2030."
    assert page(lead, P1).event_date == date(2025, 10, 26)
    lead = "Ngày 18/11, thôn Pá Chí tổ chức bầu cử trưởng thôn nhiệm kỳ 2025-2027 tại nhà văn hóa thôn."
    assert page(lead, P1).event_date is None  # not a congress: the term says nothing of the year


# ----------------------------------------------------------------------------- bylines
@pytest.mark.parametrize(
    "line,want",
    [
        ("Q.Như-N.Phương", "Q.Như-N.Phương"),
        ("Ngọc Hà - Đặng Dũng", "Ngọc Hà - Đặng Dũng"),
        ("Bội Phương - VPHU Quảng Điền", "Bội Phương"),
        ("Tác giả: Kien Le Viet", "Kien Le Viet"),
        ("Thanh TuyềnTAG:", "Thanh Tuyền"),
        ("Reported by L.H, Translated by Duy Minh", "L.H"),
        ("NGUYÊN ĐOAN |", "NGUYÊN ĐOAN"),
        ("Hà An 14:36 01/03/2026", "Hà An"),
        ("Thứ Năm, 30/09/2021", None),
        ("Android APK", None),
        ("Tin Liên Quan", None),
        ("THÔNG BÁO", None),
        ("Toàn cảnh hội nghị", None),
        ("Xây dựng Đảng", None),
    ],
)
def test_name_of(line, want):
    assert name_of(line) == want


def test_byline_under_the_headline():
    assert page(TITLE, "Nguyễn Hiền", "23/09/2025, 10:18", P1, P2).author == "Nguyễn Hiền"


def test_byline_after_the_last_paragraph():
    assert page(TITLE, P1, P2, "Huỳnh Minh Liên", "In tin bài").author == "Huỳnh Minh Liên"
    assert page(TITLE, P1, P2, "Văn Sanh – Thống Nhất").author == "Văn Sanh – Thống Nhất"


def test_name_over_a_post_line_is_a_byline():
    an = page(TITLE, P1, "Lương Hải Sinh", "Bí thư Đảng ủy-Chủ tịch HĐQT NHPT", P2)
    assert an.author == "Lương Hải Sinh"


def test_glued_initials_after_the_last_sentence():
    assert page(P1, P2 + " Đ.LAM").author == "Đ.LAM"


def test_not_bylines():
    assert page(TITLE, P1, "Ảnh: Viết Thành", P2).author is None  # a photo credit alone
    assert page(TITLE, P1, P2, "Tr").author is None  # a cut stub
    assert page(TITLE, P1, P2, "Các tin khác", "TÀI LIỆU").author is None  # after related news
    assert page(TITLE, P1, P2, "Đài Kim Bảng").author is None  # a station credit


# ----------------------------------------------------------------------------- header stamps, title
def test_category_and_date_under_the_headline():
    an = page(TITLE, "Chính trị | 15:29 Thứ Tư ngày 11/01/2017", P1, P2)
    assert an.published_at == datetime(2017, 1, 11, 15, 29)
    an = page(TITLE, "Xây dựng Đảng - Ngày đăng : 08:50, 30/03/2021", P1, P2)
    assert an.published_at == datetime(2021, 3, 30, 8, 50)


def test_byline_and_date_on_one_line():
    an = page(TITLE, "Hà An 14:36 01/03/2026", P1, P2)
    assert (an.author, an.published_at) == ("Hà An", datetime(2026, 3, 1, 14, 36))


def test_english_updated_stamp():
    an = page(TITLE, "Updated : Wednesday, December 05, 2018 1:20 PM (GMT+0700)", P1, P2)
    assert an.published_at == datetime(2018, 12, 5, 13, 20)


def test_sentence_with_a_date_is_no_stamp():
    an = page(TITLE, "Hội nghị được tổ chức vào sáng 11/01/2017 tại hội trường lớn của Thành ủy.", P1)
    assert an.published_at is None


def test_breadcrumb_tail_is_the_headline():
    an = page("Trang chủNewsThời sựNẻo về nguồn cội", "Nẻo về nguồn cội", P1, P2)
    assert an.title == "Nẻo về nguồn cội"


def test_generic_page_title_is_no_headline():
    assert page("Chi tiết - Sở Tư pháp", P1, P2).title is None
