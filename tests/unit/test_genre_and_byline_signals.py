"""Genre signals of non-articles (decimal sub-clauses, schedule notices, glued teaser stamps,
encyclopedia entries, document registers, file stubs) and byline / event-date signals (address
forms, sentence tails, widget labels, person credits, English header bylines, day ranges, a
term's first session, founding anniversaries). Each with a page it must catch and one it must
leave alone."""

from __future__ import annotations

from datetime import date

from tasks.anatomy import read_anatomy
from tasks.anatomy.byline import author_of
from tasks.anatomy.event import _term_or_anniversary_year
from tasks.anatomy.kinds_shapes import attached_file, glued_stamps
from tasks.anatomy.signature import credited_person

HEADLINE = "Đảng bộ phường Mỹ Quý tổ chức Hội nghị sơ kết 06 tháng đầu năm 2023"
PARA = (
    "Tại hội nghị, các đại biểu đã thảo luận và thống nhất nhiều giải pháp nâng cao chất lượng sinh hoạt "
    "chi bộ, công tác phát triển đảng viên mới trong thời gian tới tại các cơ sở đảng trực thuộc."
)
LEAD = (
    "Chiều 9/6/2023, Đảng bộ phường Mỹ Quý tổ chức Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm "
    "và triển khai phương hướng, nhiệm vụ 6 tháng cuối năm 2023."
)


def kind(text: str) -> str:
    return read_anatomy(text).page_kind


# ---------------------------------------------------------------- documents
PROCEDURE = [
    "Căn cứ thực hiện",
    "- Điều 1, 2, 3, 4, 5 Điều lệ Đảng;",
    "1. Tiêu chuẩn kết nạp đảng viên",
    "1.1. Về tuổi đời: Tại thời điểm chi bộ xét kết nạp, người vào Đảng phải đủ 18 tuổi đến đủ 60 tuổi.",
    "1.2. Về trình độ học vấn: Phải có bằng tốt nghiệp trung học cơ sở trở lên.",
    "1.3. Về tiêu chuẩn chính trị: Thực hiện theo Quy định số 58-QĐ/TW, ngày 8/2/2022 của Bộ Chính trị.",
    PARA,
]


def test_decimal_numbered_sub_clauses_make_a_document():
    an = read_anatomy("\n".join(PROCEDURE))
    assert an.page_kind == "document" and "decimal" in an.kind_detail


def test_a_report_with_two_decimal_items_stays_an_article():
    text = "\n".join([HEADLINE, LEAD, "1.1. Kết quả lãnh đạo kinh tế đạt khá.", PARA, PARA])
    assert kind(text) == "article"


SCHEDULE = [
    "Lịch tiếp dân, đối thoại với dân của đồng chí Bí thư Huyện uỷ năm 2019",
    "Thực hiện Quy định số 11-QĐi/TW, ngày 18/02/2019 của Bộ Chính trị về trách nhiệm của người đứng đầu "
    "cấp uỷ trong việc tiếp dân, Ban Thường vụ Huyện uỷ xây dựng lịch tiếp dân cụ thể như sau:",
    "STT",
    "Tháng",
    "Ngày tiếp công dân",
    "1",
    "Tháng 6",
    "Ngày 18 (thứ Ba)",
]


def test_a_schedule_notice_with_its_table_is_a_document():
    assert kind("\n".join(SCHEDULE)) == "document"


def test_news_of_a_reception_day_stays_an_article():
    text = "\n".join(
        ["Lịch tiếp dân định kỳ được Bí thư Huyện ủy duy trì nghiêm túc", LEAD, PARA, "Tháng 6", PARA]
    )
    assert kind(text) == "article"


def test_document_register_fields_make_a_document():
    text = "\n".join(
        [
            "Quyết định về việc ban hành Quy chế làm việc của Ban Chấp hành Đảng bộ huyện",
            "Số ký hiệu: 125-QĐ/HU",
            "Ngày ban hành: 12/03/2021",
            "Trích yếu: Ban hành Quy chế làm việc của Ban Chấp hành Đảng bộ huyện khóa XXIV",
            "Người ký: Nguyễn Văn An",
        ]
    )
    assert kind(text) == "document"


def test_a_file_stub_is_a_document_and_an_article_sentence_is_not_a_file():
    assert attached_file(["tải về: qd-125-hu.pdf"]) == "tải về: qd-125-hu.pdf"
    assert attached_file(["hội nghị đã thông qua nghị quyết về công tác cán bộ."]) is None
    stub = [
        "Quyết định ban hành Quy chế làm việc của Ban Chấp hành Đảng bộ huyện khóa XXIV",
        "Ban Thường vụ Huyện ủy ban hành Quyết định số 125-QĐ/HU về Quy chế làm việc của Ban Chấp hành "
        "Đảng bộ huyện khóa XXIV, nhiệm kỳ 2020 - 2025, các đơn vị xem toàn văn tại tệp đính kèm.",
        "Tải về: QD-125-HU.pdf",
    ]
    assert kind("\n".join(stub)) == "document"
    # an article with a full body keeps its attachment line
    assert kind("\n".join([HEADLINE, LEAD, PARA, PARA, PARA, "Tải về: QD-125-HU.pdf"])) == "article"


# ---------------------------------------------------------------- encyclopedia entries
def test_wiki_furniture_makes_a_reference_entry():
    text = "\n".join(
        [
            "Đảng bộ tỉnh Cao Bằng",
            "Bách khoa toàn thư mở Wikipedia",
            "Đảng bộ tỉnh Cao Bằng là cơ quan lãnh đạo của Đảng Cộng sản Việt Nam tại tỉnh Cao Bằng, "
            "được thành lập năm 1930 và hoạt động liên tục từ đó đến nay trên địa bàn tỉnh.",
            PARA,
        ]
    )
    an = read_anatomy(text)
    assert an.page_kind == "reference"


def test_encyclopedia_headings_make_a_reference_entry():
    text = "\n".join([HEADLINE, LEAD, PARA, "Chú thích", "Tham khảo", "Liên kết ngoài"])
    assert kind(text) == "reference"


def test_an_article_with_one_see_also_heading_stays_an_article():
    text = "\n".join([HEADLINE, LEAD, PARA, PARA, "Xem thêm"])
    assert kind(text) == "article"


# ---------------------------------------------------------------- glued teaser stamps
class _Info:
    def __init__(self, text: str) -> None:
        self.text = text


class _Line:
    def __init__(self, text: str) -> None:
        self.info = _Info(text)


def test_teaser_fields_glued_to_a_time_stamp():
    glued = (
        "Bộ Chính trị, Ban Bí thư sẽ chỉ định bí thư tỉnh, thành ủy sau sáp nhậpThời sự - 26/04 19:05"
        "Ban Tổ chức Trung ương sẽ tham mưu Bộ Chính trị."
    )
    assert glued_stamps([_Line(glued)]) == 1
    assert kind(glued) == "listing"


def test_a_weekday_stamp_on_its_own_line_is_not_glued():
    assert glued_stamps([_Line("Thứ sáu - 06/02/2026 10:02")]) == 0
    assert glued_stamps([_Line("Hội nghị khai mạc lúc 8 giờ, Thời sự - 26/04 19:05 phát lại.")]) == 0


# ---------------------------------------------------------------- bylines
def test_an_address_form_opens_a_caption_not_a_byline():
    caption = "Đ/c Phạm Văn Bé Năm - Phó bí thư Huyện ủy trao quyết định thành lập chi bộ"
    assert author_of([caption]) is None
    assert author_of(["Phạm Văn Bé Năm"]) == "Phạm Văn Bé Năm"


def test_a_lower_case_sentence_tail_is_no_byline_but_a_user_name_is():
    assert author_of(["đó, chi bộ khóm Mỹ Thọ và chi bộ Quân sự là 02"]) is None
    assert author_of(["Post by: trangtrang | 19/05/2023 | 1337 reads"]) == "trangtrang"


def test_a_widget_label_is_no_byline():
    assert author_of(["TRỌN BỘ"]) is None
    assert author_of(["NGUYÊN ĐOAN"]) == "NGUYÊN ĐOAN"


def test_a_source_credit_names_a_person_only_with_a_post():
    assert credited_person("Nguồn tin: Bùi Trinh - Cán bộ Huyện đoàn:") == "Bùi Trinh"
    assert credited_person("Nguồn tin: Báo Quảng Ninh điện tử") is None
    assert credited_person("Bùi Trinh - Cán bộ Huyện đoàn") is None


def test_person_credit_under_the_body_is_the_author():
    text = "\n".join([HEADLINE, LEAD, PARA, "Nguồn tin: Bùi Trinh - Cán bộ Huyện đoàn:"])
    assert read_anatomy(text).author == "Bùi Trinh"


def test_english_header_byline_gives_title_author_and_date():
    text = "\n".join(
        [
            'The service having id "buzz" is missing, reactivate its module or save again the list of services.',
            "Four students from Hanoi - Amsterdam High School for the Gifted honored to join the Party",
            "Post by: trangtrang | 19/05/2023 | 1337 reads",
            "The admission ceremony of four outstanding Youth Union members of the school took place on the "
            "133rd anniversary of President Ho Chi Minh's birthday, and it was also a political activity.",
            "Following three successful admission ceremonies in the past two years, the Party Committee of "
            "the school held an admission ceremony for four comrades from three departments.",
        ]
    )
    an = read_anatomy(text)
    assert an.title and an.title.startswith("Four students")
    assert an.author == "trangtrang"
    assert an.published_at is not None and an.published_at.date() == date(2023, 5, 19)


# ---------------------------------------------------------------- event dates
def test_a_day_range_after_tu_is_dated_by_its_first_day():
    text = "\n".join(
        [
            "Công tác phát triển đảng viên là học sinh được coi là một trong những nhiệm vụ quan trọng "
            "của các chi bộ trường học trên địa bàn huyện trong năm học vừa qua.",
            "Trong hai ngày từ 3-4/7/2022, Đảng bộ trường THPT Nguyễn Đình Liễn và THPT Cẩm Xuyên đã tổ "
            "chức Lễ kết nạp Đảng cho 19 em học sinh là quần chúng ưu tú của nhà trường.",
        ]
    )
    assert read_anatomy(text).event_date == date(2022, 7, 3)


def test_a_new_terms_first_session_gives_the_terms_first_year():
    text = (
        "Sáng 24/9, Ban Chấp hành Đảng bộ tỉnh Kon Tum khóa XVI, nhiệm kỳ 2020 - 2025 đã họp phiên thứ nhất"
    )
    assert _term_or_anniversary_year(text) == 2020
    assert (
        _term_or_anniversary_year("Sáng 24/9, chi bộ sinh hoạt chuyên đề về Nghị quyết nhiệm kỳ 2020 - 2025")
        is None
    )


def test_a_founding_anniversary_gives_the_year():
    text = "Chiều 2/2, Đảng bộ Văn phòng Trung ương tổ chức lễ đúng dịp kỷ niệm 93 năm Ngày thành lập Đảng Cộng sản Việt Nam."
    assert _term_or_anniversary_year(text) == 2023
    # a local Party committee's founding year is not the national one
    assert _term_or_anniversary_year("Sáng 2/2, kỷ niệm 70 năm thành lập Đảng bộ huyện Thạnh Phú.") is None
