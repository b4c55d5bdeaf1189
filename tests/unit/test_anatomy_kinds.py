"""Page kinds (listing/tag/search/category/home, poem, document), formats (front matter, HTML
pieces, hard wraps) and the dates/bylines classes of issue 12 — each able to fail."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tasks.anatomy import read_anatomy, unaccounted_lines
from tasks.anatomy.kinds import not_article_kind, url_kind
from tasks.ingest.normalise import normalise_text

LEAD = (
    "Sáng 21/10, Ban Thường vụ Huyện ủy tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024, "
    "triển khai nhiệm vụ trọng tâm năm 2025 với sự tham dự của các đồng chí lãnh đạo huyện."
)
PARA = (
    "Tại hội nghị, các đại biểu đã thảo luận và thống nhất nhiều giải pháp nâng cao chất lượng sinh hoạt "
    "chi bộ, công tác phát triển đảng viên mới trong thời gian tới tại các cơ sở đảng trực thuộc."
)


# ---------------------------------------------------------------- addresses
@pytest.mark.parametrize(
    "url, kind",
    [
        ("https://doanhnhan.vn/tag/dai-hoi-dang", "tag"),
        ("https://baovephapluat.vn/tim-kiem/q/abc", "search"),
        ("https://baoninhbinh.org.vn/s/abc?page=34", "search"),
        ("https://tuoitrexahoi.vn/c/chinh-tri", "category"),
        ("http://www.baonamdinh.com.vn/channel/5084/", "category"),
        ("http://baolongan.vn/chinh-tri-xa-hoi/van-de-su-kien/", "category"),
        ("https://baotuyenquang.com.vn/chinh-tri/trang-29.html", "listing"),
        ("https://tuyphong.binhthuan.dcs.vn", "home"),
        ("https://tuson.bacninh.gov.vn/web/xa-tuong-giang/trang-chu", "home"),  # a sub-site's home
        ("host.vn/tag/bau-cu/index.html", "tag"),  # a stored path laid out by host
    ],
)
def test_listing_addresses(url, kind):
    assert url_kind(url).kind == kind


@pytest.mark.parametrize(
    "url",
    [
        "https://baogialai.com.vn/trao-huy-hieu-dang-cho-13-dang-vien-post565000.html",
        "https://old.baolangson.vn/en/?p=19744",  # a WordPress post id, not a page number
        "https://example.vn/2020/05/10/mot-bai-viet-ve-dai-hoi-dang-bo-tinh/",
        "baoninhbinh.org.vn/042_page.txt",
        "https://x.gov.vn/web/trang-chu/tin-tuc/hoi-nghi-tong-ket-cong-tac-dang-nam-2024",
    ],
)
def test_article_addresses(url):
    assert url_kind(url) is None


def test_listing_address_does_not_overrule_a_full_article():
    an = read_anatomy("\n".join(["Tiêu đề bài viết về công tác đảng viên năm nay", LEAD] + [PARA] * 4))
    assert an.page_kind == "article"
    assert not_article_kind(an, "https://x.vn/tag/dang-vien") is None
    short = read_anatomy("Tiêu đề bài viết về công tác đảng viên năm nay\n" + LEAD)
    assert not_article_kind(short, "https://x.vn/tag/dang-vien").kind == "tag"


# ---------------------------------------------------------------- page shapes
def test_teaser_only_page_is_a_listing():
    an = read_anatomy("Cấp ủy cần giúp doanh nghiệp tháo gỡ khó khăn, vận động thành lập tổ chức Đảng...")
    assert an.page_kind == "listing" and "teaser" in an.kind_detail


def test_read_more_after_the_text_is_a_listing():
    an = read_anatomy("Xã Vĩnh Bình chuẩn bị bầu cử đại biểu Quốc hội khóa mới\n" + LEAD + "\nĐọc tiếp\n")
    assert an.page_kind == "listing" and "read more" in an.kind_detail


def test_headlines_glued_to_dates_and_pager_make_a_listing():
    text = "\n".join(
        [
            "63 Đảng bộ tỉnh, thành phố đã tiến hành Đại hội 28/10/2020 16:51",
            "20 Bí thư Tỉnh ủy, Thành ủy lần đầu đắc cử27/10/2020 16:07",
            "Chân dung 15 Bí thư Tỉnh ủy lần đầu đắc cử 17/10/2020 17:28",
            LEAD,
            "1 2 3 4 »",
        ]
    )
    assert read_anatomy(text).page_kind == "listing"


def test_article_with_related_news_stays_an_article():
    text = "\n".join(
        [
            "Huyện ủy tổng kết công tác xây dựng Đảng năm 2024",
            "21/10/2024 08:00",
            LEAD,
            PARA,
            PARA,
            "Tin khác",
            "Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 12 20/10/2024 10:00",
            "Kết nạp đảng viên mới tại chi bộ thôn 3 19/10/2024 09:00",
            "Xem thêm",
            "1 2 3 »",
        ]
    )
    an = read_anatomy(text)
    assert an.page_kind == "article" and LEAD in an.body_lines


def test_poem_is_not_an_article():
    text = "\n".join(
        [
            "Chín mươi mùa xuân Đảng chẳng già",
            "Đảng luôn trẻ mãi trong lòng ta",
            "Vì dân vì nước Đảng không quản",
            "Mang đến sắc xuân khắp mọi nhà!",
            "Trung Kiên",
        ]
    )
    assert read_anatomy(text).page_kind == "poem"


def test_numbered_clauses_are_a_document():
    text = "\n".join(
        [
            "QUYẾT ĐỊNH",
            "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
            "Điều 1: Ban hành kèm theo Quyết định này Hướng dẫn tiêu chuẩn.",
            "Điều 2: Quyết định này có hiệu lực kể từ ngày ký.",
            "Điều 3: Các chi bộ chịu trách nhiệm thi hành Quyết định này.",
        ]
    )
    assert read_anatomy(text).page_kind == "document"


def test_pager_regex_is_linear_on_long_digit_runs():
    import time

    t = time.process_time()
    read_anatomy("1" * 150 + " x\n" + "12 " * 60 + "x\n" + LEAD)
    assert time.process_time() - t < 1.0


# ---------------------------------------------------------------- formats
def test_json_front_matter_gives_title_and_local_date():
    text = (
        '---json\n{\n "title": "Phòng, chống dịch bệnh trong hoạt động văn hóa",\n'
        ' "date": "2020-02-02T23:55:00.000Z",\n "description": ""\n}\n---\n' + LEAD + "\n" + PARA + "\nH.M\n"
    )
    an = read_anatomy(text)
    assert an.title == "Phòng, chống dịch bệnh trong hoạt động văn hóa"
    assert an.published_at == datetime(2020, 2, 3, 6, 55)  # UTC + 7
    assert an.body_lines == [LEAD, PARA] and an.author == "H.M"
    assert unaccounted_lines(text, an) == []


def test_yaml_front_matter_with_author():
    text = (
        "---\ntitle: Hội nghị tổng kết năm 2024\ndate: 2024-12-20\nauthor: Vương Hợp\n---\n"
        + LEAD
        + "\n"
        + PARA
    )
    an = read_anatomy(text)
    assert (an.title, an.published_at, an.author) == (
        "Hội nghị tổng kết năm 2024",
        datetime(2024, 12, 20),
        "Vương Hợp",
    )
    assert "title: Hội nghị tổng kết năm 2024" not in an.body_lines


def test_broken_front_matter_is_left_alone():
    an = read_anatomy("---\n: : [\n---\n" + LEAD)
    assert LEAD in an.body_lines


def test_html_pieces_in_text_are_stripped_and_unescaped():
    out = normalise_text(
        "<p>Th&agrave;nh ủy tổ chức c&ocirc;ng t&aacute;c.</p>\n<p>&nbsp;</p>\n<p>Dòng <b>hai</b>.</p>"
    )
    assert "Thành ủy tổ chức công tác." in out.split("\n")
    assert "Dòng hai." in out.split("\n") and "<" not in out and "&" not in out


def test_hard_wrapped_lines_are_rejoined():
    wrapped = (
        "Hội nghị Cấp cao Đặc biệt kỷ niệm 50 năm quan hệ ASEAN\nvà Australia được tổ chức tại Melbourne với sự\n"
        "tham dự của lãnh đạo các nước ASEAN và Tổng Thư ký ASEAN trong khuôn\nkhổ Hội nghị.\nAustralia tham dự."
    )
    assert normalise_text(wrapped).split("\n") == [
        "Hội nghị Cấp cao Đặc biệt kỷ niệm 50 năm quan hệ ASEAN và Australia được tổ chức tại Melbourne với sự "
        "tham dự của lãnh đạo các nước ASEAN và Tổng Thư ký ASEAN trong khuôn khổ Hội nghị.",
        "Australia tham dự.",
    ]


def test_a_single_short_break_is_not_a_hard_wrap():
    assert normalise_text("Liên kết website\ný kiến ()\n") == "Liên kết website\ný kiến ()\n"


# ---------------------------------------------------------------- dates
def test_print_view_place_date_is_neither_title_nor_published_but_bounds_the_event_year():
    text = (
        "Hải Phòng, ngày 26 tháng 02 năm 2020\n\nNgày 11/7, Thành ủy tổ chức hội nghị cán bộ thành phố quán triệt Nghị quyết số 45.\n"
        + PARA
    )
    an = read_anatomy(text)
    assert an.title is None and an.published_at is None
    assert an.event_date == date(2019, 7, 11)


def test_view_counter_with_sent_time_is_the_date_line():
    an = read_anatomy("Lượt xem: 7370 | Gửi lúc: 05/12/2013 15:42:27\n" + LEAD + "\n" + PARA)
    assert an.published_at == datetime(2013, 12, 5, 15, 42, 27)
    assert an.title is None


def test_unpunctuated_headline_ending_in_parenthesis_is_the_title():
    head = "Hội nghị quán triệt Nghị quyết số 45 của Bộ Chính trị, kết quả hội nghị Trung ương 10 (khóa XII)"
    an = read_anatomy(head + "\n" + LEAD + "\n" + PARA)
    assert an.title == head and head not in an.body_lines


# ---------------------------------------------------------------- bylines
def test_byline_with_a_post_gives_the_name():
    an = read_anatomy(LEAD + "\n" + PARA + "\nĐỗ Thuần – Bí thư Chi bộ Các cơ quan Đảng\n")
    assert an.author == "Đỗ Thuần"
    assert "Đỗ Thuần – Bí thư Chi bộ Các cơ quan Đảng" not in an.body_lines


@pytest.mark.parametrize("credit", ["Đài Kim Bảng", "Tin, ảnh: VHXH", "Trung tâm VHTT&TT"])
def test_office_credit_is_not_an_author(credit):
    an = read_anatomy(LEAD + "\n" + PARA + "\n" + credit + "\n")
    assert an.author is None
    assert credit not in an.body_lines


def test_truncated_last_paragraph_is_kept():
    cut = (
        "Tổ 4 do ông Nguyễn Phước Lộc, Phó Bí thư Thành ủy, Chủ tịch Ủy ban Mặt trận Tổ quốc thành phố làm tổ"
    )
    an = read_anatomy(LEAD + "\n" + PARA + "\n" + cut)
    assert cut in an.body_lines
