"""Metadata classes of the fifth round (pages nobody tuned on): bylines ("Tin ảnh:", "- TH",
three initials, "Trường Đức-Văn Vĩnh", a column label after the name, a closing full stop, a
name above a CMS error line), headlines (ALL-CAPS and ASCII, a slogan copy, a broken first word,
a headline left at the top of the body), stamps under the article and "27 tháng 4, 2021", and
event dates (adoption dates, "từ ngày … đến ngày …", a dated sentence further in, "năm mới")."""

from __future__ import annotations

from datetime import date, datetime

from tasks.anatomy import read_anatomy
from tasks.anatomy.byline import author_of, is_office_credit
from tasks.anatomy.event import event_date_of
from tasks.anatomy.header_date import _stamp
from tasks.anatomy.signature import name_of

LEAD = (
    "Chiều 28/8, Đảng ủy phường Hòa Xuân công bố quyết định thành lập chi bộ Trường Mầm non Blue Bee, "
    "với sự tham dự của đông đảo cán bộ, đảng viên và người lao động trong đơn vị."
)
PARA = (
    "Chi bộ được thành lập theo quyết định của Đảng ủy phường, gồm 3 đảng viên chính thức; đồng chí "
    "Nguyễn Văn An được chỉ định làm Bí thư Chi bộ nhiệm kỳ đầu tiên của chi bộ mới thành lập."
)


def _ev(lead, published=None, title=None):
    return event_date_of(lead, title, [], published, None, lambda: None)


# --- bylines


def test_tin_anh_label_is_read_whole():
    assert author_of(["Tin ảnh: Anh Thư"]) == "Anh Thư"


def test_compiled_mark_after_name_is_dropped():
    assert author_of(["CTV Yến Khanh - TH"]) == "Yến Khanh"
    assert author_of(["Minh Thư (ST)"]) == "Minh Thư"


def test_three_initials_are_a_writer_unless_an_office():
    assert author_of(["TVB"]) == "TVB"
    assert author_of(["BTG"]) is None
    assert is_office_credit("UBND")


def test_truong_doan_names_are_people_unless_a_body_word_follows():
    assert author_of(["Trường Đức-Văn Vĩnh"]) == "Trường Đức-Văn Vĩnh"
    assert author_of(["Đoàn Văn Minh"]) == "Đoàn Văn Minh"
    assert is_office_credit("Trường Tiểu học Chà Là")
    assert is_office_credit("Trường THCS Lê Lợi")
    assert is_office_credit("Đoàn Thanh niên")


def test_column_label_after_labelled_name():
    assert name_of("Tác giả: Đức Thiện: Văn hóa") == "Đức Thiện"


def test_signature_closed_with_full_stop():
    assert name_of("Quang Minh.") == "Quang Minh"
    assert name_of("L.H.") == "L.H"
    assert name_of("Kết thúc.") is None


def test_name_above_cms_error_line():
    page = "\n".join(
        [
            "Phấn đấu hoàn thành kế hoạch kết nạp đảng viên mới",
            "",
            LEAD,
            "",
            PARA,
            "",
            "Quang Huấn",
            "",
            "The website encountered an unexpected error. Please try again later.",
        ]
    )
    assert read_anatomy(page).author == "Quang Huấn"


# --- titles


# the opening of a heldout page (m104): a lone ALL-CAPS headline over widget lines
M104 = [
    "LỄ KẾT NẠP ĐẢNG",
    "",
    "Lượt xem:",
    "",
    "Đọc bài viết",
    "",
    "Sinh thời Chủ tịch Hồ Chí Minh đã khẳng định: “Vấn đề phát triển Đảng là vấn đề quan trọng trong xây dựng Đảng. Đảng phải có một số lượng đảng viên nhất định mới hình thành nên tổ chức đảng. Sự nghiệp lãnh đạo cách mạng của Đảng là sự nghiệp vĩ đại lâu dài phải do nhiều thế hệ chiến sĩ cộng sản tham gia gánh vác. Năng lực lãnh đạo và sức chiến đấu chỉ có thể có trên cơ sở số lượng, chất lượng đội ngũ đảng viên tương ứng. Do đó, Đảng phải thường xuyên làm tốt công tác phát triển đảng”.",
    "",
    "Căn cứ Điều lệ Đảng Cộng sản Việt Nam được Đại hội Đại biểu toàn quốc lần thứ XI của Đảng thông qua ngày 19/01/2011 và Quy định số 45-QĐ/TW thi hành Điều lệ Đảng quy định chi tiết một số điều, khoản trong Điều lệ Đảng.",
    "",
    "Được sự đồng ý của Đảng uỷ xã Bình Minh, Chi bộ Trường Mẫu giáo Bình Minh tổ chức Lễ kết nạp đảng viên mới cho quần chúng Trần Thị Yến Oanh và kết nạp đảng viên chính thức cho 3 đồng chí:  Phan Thị Hưởng, Phan Thị Chúc và Đặng Thị Tú Trinh là giáo viên trường Mẫu giáo Bình Minh vào Đảng Cộng sản Việt Nam.",
    "",
    "Tới dự với buổi Lễ kết nạp đảng viên của chi bộ Ban tổ chức xin nhiệt liệt chào đón và trân trọng giới thiệu:",
    "",
]


def test_all_caps_headline_whose_words_the_lead_repeats():
    assert read_anatomy("\n".join(M104)).title == "LỄ KẾT NẠP ĐẢNG"


def test_stray_mark_before_headline():
    page = "\n".join([".LỄ KẾT NẠP ĐẢNG VIÊN MỚI TẠI CHI BỘ TRƯỜNG MẦM NON BLUE BEE", "", LEAD, "", PARA])
    assert read_anatomy(page).title == "LỄ KẾT NẠP ĐẢNG VIÊN MỚI TẠI CHI BỘ TRƯỜNG MẦM NON BLUE BEE"


def test_copy_with_slogan_tail_gives_way_to_plain_headline():
    page = "\n".join(
        [
            "ĐẠI HỘI CHI BỘ TRƯỜNG MẦM NON BLUE BEE LẦN THỨ I NHIỆM KỲ 2025–2027",
            "ĐẠI HỘI CHI BỘ TRƯỜNG MẦM NON BLUE BEE LẦN THỨ I, NHIỆM KỲ 2025–2027 THÀNH CÔNG TỐT ĐẸP!",
            "",
            LEAD,
            "",
            PARA,
        ]
    )
    assert read_anatomy(page).title == "ĐẠI HỘI CHI BỘ TRƯỜNG MẦM NON BLUE BEE LẦN THỨ I NHIỆM KỲ 2025–2027"


def test_headline_first_word_broken_onto_line_above():
    page = "\n".join(["ĐẠI", "HỘI CHI BỘ TRƯỜNG MẦM NON BLUE BEE NHIỆM KỲ 2025-2027", "", LEAD, "", PARA])
    assert read_anatomy(page).title == "ĐẠI HỘI CHI BỘ TRƯỜNG MẦM NON BLUE BEE NHIỆM KỲ 2025-2027"


# the opening of a heldout page (m205): a date line, then the headline at the body's top
M205 = [
    "Thứ sáu, 21/06/2024 GMT+7",
    "",
    "Góc chiếu thẳng: Không thể phá vỡ “luỹ thép biên phòng nhân dân”",
    "",
    'Bộ đội Biên phòng là lực lượng nòng cốt “chuyên trách trong quản lý, bảo vệ biên giới quốc gia”. Qua hơn 5 năm thực hiện Nghị quyết 33/NQ-TW, lực lượng đã góp phần giữ vững an ninh chính trị, trật tự an toàn xã hội khu vực biên giới, xây dựng "luy thép biên phòng nhân dân" ngày càng vững chắc, đập tan luận điệu xuyên tạc về chủ trương của Đảng, Nhà nước ta với công tác biên giới, chính sách dân tộc, tôn giáo.',
    "",
]


def test_headline_left_at_top_of_body_after_date_line():
    a = read_anatomy("\n".join(M205))
    assert a.title == "Góc chiếu thẳng: Không thể phá vỡ “luỹ thép biên phòng nhân dân”"
    assert a.title not in a.body_lines


def test_ascii_caps_headline_after_sapo():
    page = "\n".join([LEAD, "", "HUYEN UY DAK GLEI KET NAP GAN 640 DANG VIEN MOI", "", PARA, "", PARA])
    assert read_anatomy(page).title == "HUYEN UY DAK GLEI KET NAP GAN 640 DANG VIEN MOI"


def test_first_sentence_is_not_made_a_headline():
    page = "\n".join([LEAD, "", PARA, "", PARA])
    assert read_anatomy(page).title is None


# --- published_at


def test_month_comma_year_stamp():
    assert _stamp("27 tháng 4, 2021") == datetime(2021, 4, 27)


def test_lone_date_line_under_the_article():
    page = "\n".join(
        [
            "Xây dựng Đảng - bài học lớn từ những câu chuyện nhỏ",
            "",
            LEAD,
            "",
            PARA,
            "",
            "4,111",
            "",
            "29.03.2019",
        ]
    )
    assert read_anatomy(page).published_at == datetime(2019, 3, 29)


# --- event_date


def test_document_adoption_date_is_no_event():
    lead = [
        "Căn cứ Điều lệ Đảng được Đại hội lần thứ XI của Đảng thông qua ngày 19/01/2011 và Quy định thi hành."
    ]
    assert _ev(lead) is None


def test_from_to_span_is_dated_by_its_first_day_and_its_year():
    lead = ["Năm nay thời gian học đợt 1 từ ngày 12/3 đến ngày 17/3/2018 tại Trung tâm Chính trị huyện."]
    assert _ev(lead) == date(2018, 3, 12)


def test_dated_sentence_beyond_the_head_of_the_line():
    lead = [
        "Công tác bồi dưỡng đoàn viên ưu tú cho Đảng là nhiệm vụ quan trọng của Đoàn thanh niên.",
        "Được sự quan tâm chỉ đạo của Đảng ủy, công tác phát triển Đảng có những bước chuyển biến. " * 4
        + "Chi đoàn tổ chức Lễ kết nạp đảng vào ngày 03/03/2023 cho hai đoàn viên.",
    ]
    assert lead[1].index("ngày 03") > 300
    assert _ev(lead, published=datetime(2023, 3, 3)) == date(2023, 3, 3)


def test_background_date_further_in_is_no_event():
    lead = [
        "Công tác bồi dưỡng đoàn viên ưu tú cho Đảng là nhiệm vụ quan trọng của Đoàn thanh niên.",
        "Được sự quan tâm chỉ đạo của Đảng ủy, công tác phát triển Đảng có những bước chuyển biến. " * 4
        + "Ngày 10/12/2019, Ban Thường vụ Đảng ủy ban hành kế hoạch.",
    ]
    assert _ev(lead, published=datetime(2020, 3, 20)) is None


def test_new_year_names_the_year():
    lead = [
        "Sáng ngày 01/01, ngày đầu tiên của năm mới 2020, Ban chấp hành Đảng bộ huyện tổ chức lễ công bố."
    ]
    assert _ev(lead) == date(2020, 1, 1)
