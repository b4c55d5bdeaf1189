"""Page anatomy, the line classes of the fresh/unseen misses (session 3): a lead above the first
full paragraph (hard-wrapped, or a photo caption), a long line after the last paragraph, a
headline set again in two parts, a breadcrumb glued to the headline, bylines with a post or unit
after a dash, the editorial office's credit, and a timestamp with a fraction of a second. Each
test fails without its signal; the page texts are made up in the shape of the gold pages."""

from __future__ import annotations

from tasks.anatomy import default_rules, read_anatomy
from tasks.anatomy.lines import is_caption

HEADLINE = "Trà Tân: Tổ chức kỷ niệm 93 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam"
PARA = (
    "Trong buổi lễ các chi hội đều ôn lại truyền thống vẻ vang của người phụ nữ Việt Nam và những "
    "gương điển hình tiên tiến của các phong trào phụ nữ, tổ chức các trò chơi dân gian."
)
PARA2 = (
    "Qua đợt kỷ niệm, Ban chấp hành Hội Phụ nữ xã đã vận động các nhà hảo tâm được 35 phần quà trao "
    "tặng những hội viên có hoàn cảnh khó khăn, đem lại sự chia sẻ kịp thời."
)


def _lines(*lines: str, sep: str = "\n\n") -> str:
    return sep.join(lines)


def _kinds(a) -> dict[str, str]:
    return {s.text: s.kind for s in a.boilerplate}


def test_hard_wrapped_lead_above_the_first_paragraph_is_body():
    # cut before capitalised names, so neither the rejoin step nor the prose test takes the pieces
    wrapped = [
        "Từ ngày 14/10 đến 20/10/2023, Chi hội Phụ nữ ở 4/4 thôn xã",
        "Trà Tân đều tổ chức lễ kỷ niệm 93 năm Ngày thành lập Hội liên hiệp Phụ nữ Việt",
        "Nam 20/10/1930 - 20/10/2023.",
    ]
    a = read_anatomy(_lines("31/10/2023", HEADLINE, *wrapped, PARA, PARA2, "Văn Quân", sep="\n"))
    assert a.body_lines[:3] == wrapped  # the middle piece shares the headline's words: no copy
    assert a.title == HEADLINE and a.author == "Văn Quân"


def test_lead_opening_with_its_date_but_ending_no_sentence_is_body():
    lead = "Sáng ngày 23/9/2022, Chi bộ Hành chính 2 đã long trọng tổ chức Đại hội Chi bộ nhiệm kỳ 2022-2025"
    a = read_anatomy(_lines("Đại hội Chi bộ Hành chính 2 thành công tốt đẹp", lead, PARA, PARA2))
    assert a.body_lines[0] == lead


def test_a_headline_printed_twice_is_no_lead_even_when_it_opens_with_a_date():
    head = (
        "Sáng ngày 21/7/2018, Ban chỉ đạo xây dựng nông thôn mới xã tổ chức Hội nghị sơ kết 6 tháng đầu năm"
    )
    a = read_anatomy(_lines(head, "24/07/2018 03:16", head, PARA, PARA2))
    assert head not in a.body_lines and a.body_lines[0] == PARA


def test_caption_right_above_the_lead_is_body():
    a = read_anatomy(_lines(HEADLINE, "Toàn cảnh Hội nghị", PARA, PARA2))
    assert a.body_lines[0] == "Toàn cảnh Hội nghị"


def test_photo_label_with_a_caption_is_no_byline():
    a = read_anatomy(_lines("Ảnh: Quang cảnh đại hội", PARA, PARA2))
    assert a.body_lines[0] == "Ảnh: Quang cảnh đại hội" and a.author is None
    # a photographer's credit stays a byline
    assert (
        _kinds(read_anatomy(_lines(HEADLINE, PARA, PARA2, "Ảnh: Trung Kiên")))["Ảnh: Trung Kiên"] == "byline"
    )


def test_is_caption_reads_the_opener_after_a_photo_label():
    rs = default_rules()
    assert is_caption("ảnh: quang cảnh đại hội", rs) and is_caption("toàn cảnh cuộc họp", rs)
    assert not is_caption("ảnh: trung kiên", rs) and not is_caption("quang trung", rs)


def test_long_line_after_the_last_paragraph_is_body():
    caption = (
        "* 32 em đội viên trường PTDTNT THCS Tây Giang được kết nạp vào Đoàn nhân kỷ niệm 133 năm "
        "ngày sinh của Bác (19/5/1890 – 19/05/2023)"
    )
    a = read_anatomy(_lines(HEADLINE, PARA, PARA2, caption, "Trả lời"))
    assert a.body_lines[-1] == caption


def test_shorter_stray_line_after_the_last_paragraph_stays_out():
    stray = "Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập. Thời gian chờ: 60 giây"
    a = read_anatomy(_lines(HEADLINE, PARA, PARA2, stray, "Tổng truy cập: 5050156"))
    assert a.body_lines == [PARA, PARA2]


def test_headline_set_again_as_kicker_and_rest_is_not_the_lead():
    head = (
        "Tổng quan tình hình Xây dựng tổ chức đảng và phát triển đảng viên trong khu vực kinh tế tư "
        "nhân tại Việt Nam thời gian qua"
    )
    rest = "Xây dựng tổ chức đảng và phát triển đảng viên trong khu vực kinh tế tư nhân tại Việt Nam thời gian qua"
    byline = "Phạm Mạnh Khởi – Vụ trưởng Vụ Cơ sở đảng, đảng viên"
    a = read_anatomy(_lines(head, "TỔNG QUAN TÌNH HÌNH", rest, byline, PARA, PARA2))
    assert a.body_lines == [PARA, PARA2]


def test_breadcrumb_ending_on_the_headline_is_header():
    head = "Công đoàn Văn phòng Đoàn ĐBQH và HĐND tỉnh với cuộc vận động “Trung thành, sáng tạo, tận tụy”"
    crumbs = "> Tin tức - Sự kiện > VP Đoàn ĐBQH và HĐND tỉnh > " + head
    a = read_anatomy(_lines(crumbs, head, "27/12/2014", PARA, PARA2))
    assert a.body_lines == [PARA, PARA2]
    assert _kinds(a)[crumbs] == "header"


def test_byline_with_unit_after_a_dash_closes_the_body():
    for byline, author in (
        ("Quý Trường- Huyện đoàn", "Quý Trường"),
        ("Quốc Sự - Uỷ viên UBKT Huyện uỷ", "Quốc Sự"),
    ):
        a = read_anatomy(_lines(PARA, PARA2, byline))
        assert byline not in a.body_lines and a.author == author


def test_editorial_office_credit_is_no_body_and_no_author():
    a = read_anatomy(_lines(HEADLINE, PARA, PARA2, "Ban biên tập Website THM"))
    assert "Ban biên tập Website THM" not in a.body_lines and a.author is None


def test_timestamp_with_fraction_of_a_second_is_a_date_line():
    head = "Lễ công bố Quyết định thành lập Chi bộ Quân sự xã Nga My."
    a = read_anatomy(_lines(head, "2024-03-15 16:17:00.0", PARA, PARA2))
    assert a.body_lines == [PARA, PARA2]
    assert a.published_at is not None and a.published_at.isoformat() == "2024-03-15T16:17:00"
