"""Metadata lines read on blind10 (session 11): English editions' date stamps, a stamp written with
spaces for its slashes, a wire-prefixed lead above the date line, the page's meta fields on the
byline's line, a byline after the date ("14/10/2020 | Nguyen Trang"), a compiled-by label ("T/h:")
and English captions that name someone by post."""

from __future__ import annotations

from datetime import datetime

from tasks.anatomy import dates
from tasks.anatomy.byline import clean_author
from tasks.anatomy.core import read_anatomy

EN_BODY = [
    "Participants at the ceremony included members of the Political Bureau, leaders of central "
    "agencies and of the provinces, who congratulated the new officials on their posts.",
    "The Political Bureau assigned the tasks under a decision signed on Friday, the Party's "
    "Organisation Commission said in a statement released after the ceremony.",
]


def test_english_month_name_stamps_are_dates():
    assert dates.find_datetime("February 06, 2021 2:42 PM GMT+7") == datetime(2021, 2, 6, 14, 42)
    assert dates.find_datetime("Feb. 6, 2021") == datetime(2021, 2, 6)
    assert dates.find_datetime("Saturday, 6 February 2021, 14:05") == datetime(2021, 2, 6, 14, 5)
    assert dates.find_datetime("Maybe 6, 2021") is None  # a word that opens like a month is none


def test_an_english_date_line_is_the_published_date_not_body():
    a = read_anatomy(
        "\n".join(["New permanent member of the Secretariat named", "Feb 6, 2021 2:42 PM", *EN_BODY])
    )
    assert a.published_at == datetime(2021, 2, 6, 14, 42)
    assert [s.kind for s in a.boilerplate if s.text == "Feb 6, 2021 2:42 PM"] == ["dateline"]


def test_a_stamp_with_spaces_for_slashes_is_a_date_line():
    assert dates.spaced_date("12 03 2015") == datetime(2015, 3, 12)
    assert dates.spaced_date("12 03 15") is None and dates.spaced_date("Khóa 12 03 2015") is None
    lead = (
        "Sáng 11/3, tại sân vận động huyện, Đoàn trường tổ chức lễ khởi động Tháng Thanh niên năm 2015 "
        "với sự tham gia của hơn 500 đoàn viên, thanh niên."
    )
    a = read_anatomy("\n".join(["Đoàn trường khởi động Tháng Thanh niên 2015.", "12 03 2015", lead, lead]))
    assert a.published_at == datetime(2015, 3, 12)
    assert a.title == "Đoàn trường khởi động Tháng Thanh niên 2015."


def test_a_lead_with_a_wire_prefix_above_the_date_line_stays_the_lead():
    lead = "VGP – The Political Bureau organized a ceremony on Saturday to announce decisions on tasks."
    a = read_anatomy(
        "\n".join(["New permanent member of the Secretariat named", lead, "06/02/2021 14:42", *EN_BODY])
    )
    assert a.title == "New permanent member of the Secretariat named"
    assert any(line.startswith("The Political Bureau organized") for line in a.body_lines)


def test_meta_fields_on_the_bylines_line_are_no_author():
    assert clean_author("Tác giả: - Nguồn: TTXVN - Số lần được xem: 38") is None
    assert clean_author("Minh Anh - Nguồn: Báo Hà Tĩnh") == "Minh Anh"
    assert clean_author("14/10/2020 | Nguyen Trang") == "Nguyen Trang"
    assert clean_author("trangtrang | 19/05/2023 | 1337 reads") == "trangtrang"
    assert clean_author("T/h: Minh Trí") == "Minh Trí"


def test_a_byline_after_the_date_under_the_headline_is_read():
    a = read_anatomy(
        "\n".join(
            ["Develop Party organizations in private enterprises", "14/10/2020 | Nguyen Trang", *EN_BODY]
        )
    )
    assert a.author == "Nguyen Trang"


def test_an_english_caption_naming_someone_by_post_is_no_byline():
    a = read_anatomy(
        "\n".join(
            ["Provincial Party Committee reviews the first half", *EN_BODY, "PPC’s Vice Chairman Võ Phiên"]
        )
    )
    assert a.author is None


def test_a_month_written_as_a_word_without_nam_is_a_date():
    assert dates.find_datetime("- Được đăng: Thứ ba, 13 Tháng 10 2015 09:10") == datetime(2015, 10, 13, 9, 10)
    assert dates.find_datetime("trong 113 Tháng 10 2015") is None


def test_a_caption_saying_where_someone_stands_above_the_lead_is_body():
    caption = "Bí thư Tỉnh ủy Đào Hồng Lan (thứ 4 từ trái qua) trao tặng Huy hiệu Đảng cho các đảng viên"
    lead = (
        "Trong số 925 đảng viên được trao tặng Huy hiệu Đảng đợt này có 03 đảng viên vinh dự đón nhận "
        "Huy hiệu 75 năm tuổi Đảng, 12 đảng viên nhận Huy hiệu 70 năm tuổi Đảng."
    )
    a = read_anatomy("\n".join([caption, lead, lead.replace("925", "926")]))
    assert caption in a.body_lines
