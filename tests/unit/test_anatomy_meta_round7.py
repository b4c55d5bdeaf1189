"""Event dates of the seventh round (blind5 pages nobody tuned on): a comma after "Sáng nay", the
year of a turn-of-the-year review, a congress's yearless day dated by the term the page gives it,
and a submission window that is no event."""

from __future__ import annotations

from datetime import date

from tasks.anatomy.event import event_date_of


def _ev(lead, title=None):
    return event_date_of(lead, title, [], None, None, lambda: None)


def test_comma_after_sang_nay_still_dates_the_event():
    assert _ev(["Sáng nay, 28/01/2016, Chi bộ Viện Địa lý tổ chức họp thường kỳ."]) == date(2016, 1, 28)
    # a comma after a bare time-of-day word is not read: "ánh sáng, 2.3" is no date
    assert _ev(["Hệ thống ánh sáng, 2.3 triệu đồng được lắp đặt tại hội trường xã."]) is None


def test_turn_of_year_review_takes_the_planned_year_in_january():
    lead = [
        "Ngày 03/01 Đảng ủy phường Quyết Tiến tổ chức hội nghị tổng kết đánh giá tình hình thực hiện "
        "nhiệm vụ chính trị năm 2024, triển khai phương hướng, nhiệm vụ trọng tâm năm 2025."
    ]
    assert _ev(lead) == date(2025, 1, 3)


def test_turn_of_year_review_takes_the_reviewed_year_in_december():
    lead = ["Ngày 7/12, Đảng ủy Quân đoàn dự hội nghị Quân Chính năm 2023, triển khai nhiệm vụ năm 2024."]
    assert _ev(lead) == date(2023, 12, 7)


def test_mid_year_date_gets_no_year_from_a_review_and_plan():
    lead = ["Ngày 15/6, Đảng ủy xã tổng kết năm 2023, triển khai nhiệm vụ năm 2024."]
    assert _ev(lead) is None


def test_congress_day_dated_by_the_term_the_page_gives_it():
    title = "Chân dung Bí thư Tỉnh Đoàn Thanh Hóa nhiệm kỳ 2022 - 2027"
    lead = [
        "Đồng chí Lê Văn Châu tiếp tục được bầu làm Bí thư Tỉnh Đoàn Thanh Hoá nhiệm kỳ mới.",
        "Đại hội đại biểu Đoàn TNCS Hồ Chí Minh tỉnh Thanh Hóa khóa XIX nhiệm kỳ 2022 - 2027 thực hiện "
        "bốn nội dung trọng tâm.",
        "Chiều ngày 29/9, đại hội đã bầu Ban chấp hành Tỉnh Đoàn Thanh Hóa khóa XIX gồm 44 đồng chí.",
    ]
    assert _ev(lead, title) == date(2022, 9, 29)
    # the same day in a sentence that is not about a congress takes no year from the page's term
    lead[2] = "Chiều ngày 29/9, Ban Thường vụ Tỉnh Đoàn đã họp bàn công tác tuyên truyền."
    assert _ev(lead, title) is None


def test_submission_window_is_no_event():
    lead = [
        "Đảng ủy xã Tam Giang vừa tổ chức phát động cuộc thi viết về tấm gương người tốt việc tốt.",
        "Thời gian nhận bài dự thi từ ngày 19.5 đến ngày 18.11.2018.",
    ]
    assert _ev(lead) is None
    # a course's own span is its event
    course = ["Năm nay thời gian học đợt 1 từ ngày 12/3 đến ngày 17/3/2018 tại Trung tâm chính trị huyện."]
    assert _ev(course) == date(2018, 3, 12)


# --- a list closing the body


def test_list_closing_the_body_keeps_its_short_items():
    from tasks.anatomy import read_anatomy

    text = "\n\n".join(
        [
            "LỄ KẾT NẠP ĐẢNG",
            "Được sự đồng ý của Đảng uỷ xã Bình Minh, Chi bộ Trường Mẫu giáo Bình Minh tổ chức Lễ kết nạp "
            "đảng viên mới cho quần chúng ưu tú, với sự tham dự của đông đủ đảng viên trong chi bộ nhà trường.",
            "Tới dự với buổi Lễ kết nạp đảng viên của chi bộ Ban tổ chức xin nhiệt liệt chào đón và trân trọng "
            "giới thiệu các đại biểu đến dự buổi lễ hôm nay:",
            "+ Bà La Thị Mỹ Diệu, Chủ tịch Hội phụ nữ xã Bình Minh, Đại diện Đảng Ủy xã Bình Minh.",
            "– Về phía Chi bộ trường MGBM",
            "+ Bà Lê Thị Tú Thắm – Bí thư chi bộ",
            "+ Bà Búi Ngọc Hiền – Phó bí thư chi bộ",
            "+ Và đông đủ các đồng chí",
        ]
    )
    body = read_anatomy(text).body_lines
    assert body[-3:] == [
        "+ Bà Lê Thị Tú Thắm – Bí thư chi bộ",
        "+ Bà Búi Ngọc Hiền – Phó bí thư chi bộ",
        "+ Và đông đủ các đồng chí",
    ]


# --- print views and mastheads: the site the page names, the staff lines no title

LEAD_29_12 = (
    "Chiều 29-12, ông Nguyễn Hữu Từ, Phó Bí thư Tỉnh ủy đã đến dự Lễ công bố quyết định thành lập Đảng bộ "
    "khu công nghiệp, cùng đông đủ cán bộ, đảng viên và người lao động của các doanh nghiệp trong khu."
)


def test_masthead_names_the_site_and_its_staff_lines_are_no_title():
    from tasks.anatomy import read_anatomy

    text = "\n".join(
        [
            "Báo Bình Dương điện tử - www.baobinhduong.vn",
            "Tổng Biên tập: LÊ MINH TÙNG",
            "Phó Tổng Biên tập: HUỲNH MINH DÂN - NGUYỄN QUỐC LIÊM",
            LEAD_29_12,
            LEAD_29_12.replace("Chiều 29-12, ông", "Thay mặt lãnh đạo Tỉnh ủy, ông"),
        ]
    )
    an = read_anatomy(text)
    assert an.source_site == "baobinhduong.vn"
    assert an.title is None


def test_print_view_link_names_the_site():
    from tasks.anatomy import read_anatomy

    text = "\n".join(
        [
            "Chi bộ Hội Doanh nhân trẻ Đồng Nai kết nạp đảng viên mới",
            LEAD_29_12,
            LEAD_29_12.replace("Chiều 29-12, ông", "Thay mặt lãnh đạo Tỉnh ủy, ông"),
            "Link nội dung: https://kinhtevadoisong.vn/chi-bo-hoi-doanh-nhan-tre-ket-nap-a188532.html",
        ]
    )
    an = read_anatomy(text)
    assert an.source_site == "kinhtevadoisong.vn"
    assert not any("kinhtevadoisong" in line for line in an.body_lines)


def test_caption_heading_glued_to_the_last_paragraph_is_no_byline():
    from tasks.anatomy import read_anatomy

    last = (
        "Với tinh thần đoàn kết, sáng tạo, Ban Chấp hành Đảng bộ quyết tâm chỉ đạo Nhà trường thực hiện "
        "thắng lợi các chỉ tiêu nhiệm vụ năm 2025, phát huy những kết quả đã đạt được, khắc phục những hạn "
        "chế còn tồn tại trong công tác xây dựng Đảng của năm 2024."
    )
    an = read_anatomy("\n".join([LEAD_29_12, last + " MỘT SỐ HÌNH ẢNH"]))
    assert an.author is None
    # a name glued so is still the byline
    assert read_anatomy("\n".join([LEAD_29_12, last + " Thành Duy"])).author == "Thành Duy"


def test_caption_with_a_photo_credit_is_no_headline():
    from tasks.anatomy.title import _photo_caption

    assert _photo_caption("tổng bí thư tô lâm trao huân chương cho đài truyền hình. ảnh: phan phương - ttxvn")
    assert _photo_caption("lãnh đạo tỉnh trao quyết định (ảnh: thu hà)")
    assert not _photo_caption("tin ảnh: lễ kết nạp đảng viên mới tại chi bộ thôn 3")
    assert not _photo_caption("hội nghị triển khai công tác xây dựng đảng năm 2025")


# --- people: a list of names whose first one an address form marks


def _people(body: str) -> list[str]:
    from tasks.facts.extractor import default_extractor

    return [p.name for p in default_extractor().extract(body).people]


def test_names_listed_after_an_addressed_name_are_people():
    body = (
        "Chi bộ đã tổ chức Lễ kết nạp đảng viên mới đối với 2 quần chúng ưu tú Trương Hải Nam và Lê Văn "
        "Thường thuộc chuyên ngành Khai thác máy tàu biển."
    )
    assert _people(body) == ["Trương Hải Nam", "Lê Văn Thường"]
    dashes = "Lễ kết nạp đảng viên mới cho 04 quần chúng ưu tú Nguyễn Thị Hoa- Nguyễn Thị Hằng- Nguyễn Thị Dung và Trần Hồng Điệp."
    assert _people(dashes) == ["Nguyễn Thị Hoa", "Nguyễn Thị Hằng", "Nguyễn Thị Dung", "Trần Hồng Điệp"]


def test_a_post_head_with_a_typo_after_a_listed_name_is_no_person():
    body = "Đồng chí Bùi Đức Hinh, Phí Bí thư Tỉnh ủy, Chủ tịch Ủy ban MTTQ tỉnh phát biểu chỉ đạo Đại hội."
    assert "Phí Bí" not in _people(body)
