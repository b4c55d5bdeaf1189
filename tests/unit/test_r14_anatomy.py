"""Page-anatomy classes read in session 14 (issue 12), each from tuned sets' misses: a page the
crawl cut on a space ends on a body line however short; a gallery's captions after its
announcement are body; a long first paragraph that ends on a comma is the lead, not a headline;
a weekday's number is no hour; an issued text's genre heading over its preamble is a document."""

from tasks.anatomy import read_anatomy
from tasks.anatomy.dates import find_datetime

TITLE = "Chi bộ trường Tiểu học tổ chức lễ kết nạp đảng viên mới"
LEAD = (
    "Sáng ngày 12/7/2022, được sự nhất trí của Ban Thường vụ Đảng ủy xã, Chi bộ trường Tiểu học đã "
    "long trọng tổ chức Lễ kết nạp đảng viên mới cho quần chúng ưu tú Nguyễn Thị Hoa."
)
BODY2 = (
    "Phát biểu tại buổi lễ, đồng chí Bí thư Chi bộ đã biểu dương những cố gắng của đảng viên mới và "
    "đề nghị đồng chí tiếp tục rèn luyện, phấn đấu để trở thành đảng viên chính thức."
)


def test_a_page_cut_on_a_space_keeps_its_short_last_line():
    cut = read_anatomy("\n".join([TITLE, LEAD, BODY2, "Trong đợt "]))
    assert cut.body_lines[-1] == "Trong đợt"
    # the same stray line on a page that ends normally is a label, not body
    whole = read_anatomy("\n".join([TITLE, LEAD, BODY2, "Trong đợt"]))
    assert "Trong đợt" not in whole.body_lines


def test_gallery_captions_after_the_announcement_are_body():
    captions = ["Mở đầu là nghi thức chào cờ", "Đảng viên mới đọc lời tuyên thệ", "Chụp hình lưu niệm"]
    an = read_anatomy("\n".join([TITLE, LEAD, BODY2, "Một số hình ảnh của buổi lễ:", *captions]))
    assert an.body_lines[-3:] == captions
    assert "Một số hình ảnh của buổi lễ:" not in an.body_lines


def test_a_social_sites_alt_text_after_a_gallery_is_no_caption():
    alt = "Có thể là hình ảnh về 19 người, mọi người đang đứng và trong nhà"
    an = read_anatomy("\n".join([TITLE, LEAD, BODY2, "Một số hình ảnh tiêu biểu", alt]))
    assert alt not in an.body_lines


def test_a_first_paragraph_ending_on_a_comma_is_the_lead():
    lead = (
        "Thực hiện Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị và căn cứ các kế hoạch chỉ đạo "
        "của Đảng ủy Tập đoàn Dệt May Việt Nam và Đảng ủy Trường Cao đẳng Công nghệ TP.HCM về tổ chức "
        "Đại hội Đảng bộ các cấp tiến tới Đại hội đại biểu lần thứ IV Đảng bộ Tập đoàn, nhiệm kỳ 2025-2030,"
    )
    text = "\n".join(
        [
            "TRƯỜNG CAO ĐẲNG CÔNG NGHỆ THÀNH PHỐ HỒ CHÍ MINH",
            "HCT-TỔ CHỨC PHIÊN TRÙ BỊ ĐẠI HỘI ĐẢNG BỘ LẦN THỨ XIII, NHIỆM KỲ 2025 – 2030",
            "24/04/2025",
            lead,
            "Hôm nay, ngày 24/4/2025, Đảng bộ Trường tổ chức phiên trù bị Đại hội nhằm chuẩn bị cho phiên "
            "chính thức diễn ra vào ngày 25/4/2025, đảm bảo đủ điều kiện theo quy định.",
        ]
    )
    an = read_anatomy(text)
    assert an.title == "HCT-TỔ CHỨC PHIÊN TRÙ BỊ ĐẠI HỘI ĐẢNG BỘ LẦN THỨ XIII, NHIỆM KỲ 2025 – 2030"
    assert an.body_lines[0] == lead


def test_a_weekdays_number_is_no_hour():
    assert str(find_datetime("Thứ 5: 07:59 ngày 04/09/2014")) == "2014-09-04 07:59:00"
    assert str(find_datetime("Thứ 5, 15:30 ngày 04/09/2014")) == "2014-09-04 15:30:00"


def test_a_genre_heading_over_its_preamble_is_a_document():
    text = "\n".join(
        [
            "KẾ HOẠCH",
            "Tổ chức đại hội Đoàn các cấp, nhiệm kỳ 2012 - 2017",
            "Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh và Kế hoạch số 298 KH/TWĐTN ngày 14/7/2011 của Ban Chấp "
            "hành Trung ương Đoàn, Ban Chấp hành Thành đoàn ban hành Kế hoạch tổ chức đại hội đoàn các cấp "
            "cụ thể như sau:",
            "I. YÊU CẦU",
            "1. Đại hội Đoàn các cấp phải quán triệt sâu sắc tư tưởng chỉ đạo của Nghị quyết Đại hội Đảng.",
        ]
    )
    assert read_anatomy(text).page_kind == "document"
    # a report that names the plan in its headline is still an article
    report = "\n".join([TITLE, LEAD, BODY2])
    assert read_anatomy(report).page_kind == "article"


def test_an_event_day_takes_the_year_its_paragraph_writes_for_that_day():
    lead = (
        "Sáng 3-2, Đảng ủy Khối các cơ quan thành phố tổ chức lễ trao tặng Huy hiệu Đảng, khen thưởng các tổ "
        "chức đảng tiêu biểu năm 2022 nhân kỷ niệm 93 năm ngày thành lập Đảng (3-2-1930 – 3-2-2023)."
    )
    body2 = (
        "Trong năm 2022, Ban Chấp hành Đảng ủy Khối đã tập trung đổi mới phương thức lãnh đạo, chỉ đạo các cơ "
        "quan tham mưu, giúp việc Đảng ủy Khối trong năm 2022."
    )
    an = read_anatomy("\n".join(["KỶ NIỆM 93 NĂM NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT NAM", lead, body2]))
    assert str(an.event_date) == "2023-02-03"


def test_the_outlets_domain_as_the_leads_dateline_is_the_source_site():
    lead = (
        "Laocaitv.vn - Ngày 10/5/1959, Ban Thường vụ Tỉnh ủy Lào Cai ra quyết định thành lập Đảng bộ Chính Dân "
        "Đảng, tổ chức tiền thân của Đảng bộ Khối các cơ quan tỉnh."
    )
    an = read_anatomy("\n".join([TITLE, lead, BODY2]))
    assert an.source_site == "laocaitv.vn"
    assert an.body_lines[0].startswith("Ngày 10/5/1959")
    # a city written so is no domain
    city = read_anatomy("\n".join([TITLE, "TP.HCM - " + LEAD, BODY2]))
    assert city.source_site is None


def test_a_headline_in_capitals_closed_by_a_full_stop_is_the_headline():
    head = (
        "HỌC TẬP, QUÁN TRIỆT VÀ TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ SỞ Y TẾ LẦN THỨ IX, "
        "NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ THÀNH PHỐ LẦN THỨ XI, NHIỆM KỲ 2020 – 2025."
    )
    lead = (
        "Sáng ngày 15/01/2021, Đảng bộ Bệnh viện Ung Bướu tổ chức học tập, quán triệt và triển khai thực hiện "
        "Nghị quyết Đại hội đại biểu Đảng bộ thành phố lần thứ XI, nhiệm kỳ 2020-2025."
    )
    more = (
        "Tham dự hội nghị có 200 đồng chí trong Đảng ủy, Ban giám đốc, Ban Chấp hành các đoàn thể, Ban Chủ "
        "nhiệm các khoa phòng cùng tất cả đảng viên Đảng bộ Bệnh viện."
    )
    an = read_anatomy("\n\n".join([head, "Toàn cảnh hội nghị.", lead, more]))
    assert an.page_kind == "article"  # it was read as a stack of teasers with no headline
    assert an.title == head
    assert an.body_lines[-2:] == [lead, more]


def test_an_attendance_sentence_or_a_delegates_caption_opening_an_excerpt_is_no_headline():
    for first in (
        "Tham dự buổi lễ có đồng chí Tôn Văn Thâm – Bí thư chi bộ trường THCS Trần Phú cùng toàn thể đảng "
        "viên trong chi bộ và quần chúng ưu tú Phan Thu Thảo.",
        "Đại biểu tham dự Đại hội",
    ):
        an = read_anatomy("\n".join([first, LEAD, BODY2]))
        assert an.title is None and an.body_lines[0] == first


def test_a_last_paragraph_cut_inside_a_name_is_body_a_byline_is_not():
    cut = "Thay mặt cán bộ, chiến sĩ Ban Chỉ huy Quân"
    an = read_anatomy("\n".join([TITLE, LEAD, BODY2, cut]))
    assert an.body_lines[-1] == cut
    for byline in ("Lệ Thủy – Văn Huyến – Quang Hiếu", "LĐLĐ huyện Thạnh Phú"):
        assert byline not in read_anatomy("\n".join([TITLE, LEAD, BODY2, byline])).body_lines


def test_a_caption_closed_by_its_photo_credit_above_the_lead_is_body():
    caption = "Toàn thể đại biểu dự hội nghị chụp ảnh lưu niệm tại hội trường. (Ảnh: Quang Tuấn)"
    an = read_anatomy("\n".join([TITLE, caption, LEAD, BODY2]))
    assert an.title == TITLE
    assert an.body_lines[0] == caption
