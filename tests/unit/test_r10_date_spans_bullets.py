"""Date lines session 10 read on blind6 (q911): a span of two dates is no page stamp, and a list
bullet before a stamp leaves it a date line."""

from __future__ import annotations

from datetime import datetime

from tasks.anatomy.core import read_anatomy
from tasks.anatomy.dates import is_date_span

BODY = [
    "Sau thất bại nặng nề trong chiến dịch Thu Đông năm 1947, quân Pháp được tăng viện tiếp tục mở "
    "rộng chiếm đóng các vùng trong tỉnh, đặt ra nhiều yêu cầu mới cho phong trào cách mạng.",
    "Ngày 10/10/1949, Ban Cán sự Đảng tỉnh được thành lập, gồm các đồng chí do Xứ ủy chỉ định, đánh "
    "dấu bước ngoặt trong lịch sử đấu tranh cách mạng của Đảng bộ và Nhân dân các dân tộc trong tỉnh.",
]


def test_two_dates_are_a_span():
    assert is_date_span("(10/10/1949 - 10/10/2019)")
    assert not is_date_span("Thứ ba, 23/09/2025 20:02")


def test_an_anniversary_span_under_the_headline_is_not_the_published_date():
    page = "\n".join(
        [
            "ĐẢNG BỘ TỈNH 70 NĂM CHIẾN ĐẤU, XÂY DỰNG VÀ TRƯỞNG THÀNH",
            "(10/10/1949 - 10/10/2019)",
            *BODY,
        ]
    )
    assert read_anatomy(page).published_at is None


def test_a_bulleted_stamp_is_the_published_date():
    page = "\n".join(["• Trang chủ > Giới thiệu chung", "• Thời gian đăng: 26/11/2018 01:49:17 PM", *BODY])
    assert read_anatomy(page).published_at == datetime(2018, 11, 26, 13, 49, 17)
