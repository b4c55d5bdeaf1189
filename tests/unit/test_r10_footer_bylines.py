"""Footer bylines session 10 read on blind sets: writers with the outlet's domain after a slash,
a name alone in brackets, and a reprint credit to an outlet ("Theo Hà Nội mới"), which is no
author."""

from __future__ import annotations

from tasks.anatomy.byline import author_of, clean_author
from tasks.anatomy.core import read_anatomy

BODY = [
    "Toàn tỉnh kết nạp 1.860 đảng viên mới trong năm 2022",
    "Sáng ngày 12/12, Ban Tổ chức Tỉnh ủy tổ chức hội nghị tổng kết công tác tổ chức xây dựng Đảng "
    "năm 2022 và triển khai nhiệm vụ năm 2023 với sự tham dự của đại biểu các huyện, thị xã.",
    "Trong năm, toàn tỉnh kết nạp được 1.860 đảng viên mới, đạt 103% kế hoạch, thành lập mới 5 tổ "
    "chức cơ sở đảng trong doanh nghiệp ngoài khu vực nhà nước.",
]


def _page(footer: str):
    return read_anatomy("\n".join([*BODY, footer]))


def test_writers_with_the_outlets_domain_after_a_slash():
    a = _page("Minh Thư -  Bùi Tiến/DIENBIENTV.VN")
    assert a.author == "Minh Thư - Bùi Tiến"
    assert a.source_site == "dienbientv.vn"


def test_a_name_alone_in_brackets_is_the_author_an_aside_is_not():
    assert _page("(Lê Thắng)").author == "Lê Thắng"
    assert author_of(["(Nguồn ảnh internet)"]) is None


def test_a_reprint_credit_to_an_outlet_is_no_author_to_a_writer_is():
    assert author_of(["Theo Hà Nội mới"]) is None
    assert author_of(["Theo Nguyễn Văn Hùng"]) == "Nguyễn Văn Hùng"


def test_clean_author_drops_the_site_tail_and_extra_spaces():
    assert clean_author("Minh Thư -  Bùi Tiến/DIENBIENTV.VN") == "Minh Thư - Bùi Tiến"
    assert clean_author("Hồng Nhung - Theo baohatinh.vn") == "Hồng Nhung"


def test_the_outlets_initials_after_a_slash_are_cut():
    assert clean_author("Thu Thảo/THĐT") == "Thu Thảo"
    assert clean_author("Thu Thảo / TTXVN") == "Thu Thảo"
    # a slash inside a name's pair of writers is kept when no initials close it
    assert clean_author("Hoàng Anh - Minh Thu") == "Hoàng Anh - Minh Thu"
