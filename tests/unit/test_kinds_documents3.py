"""Page kinds, round 3 (kinds_shapes.document_opening): a document printed as the page, known by
its own opening before any lead paragraph (upper-case outline headings, a law's article over its
first clause, an issued text's header block); a report that reprints a document after its lead,
or numbers its sections in lower case, stays an article."""

from __future__ import annotations

from tasks.anatomy import read_anatomy

HEADLINE = "Huyện ủy Nam Giang tổ chức Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2024"
DATE = "Thứ Năm, 18/07/2024 09:15"
LEAD = (
    "Sáng 17/7, Huyện ủy Nam Giang tổ chức Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm, triển "
    "khai nhiệm vụ 6 tháng cuối năm 2024; đồng chí Bí thư Huyện ủy chủ trì hội nghị và phát biểu chỉ đạo."
)
PARA = (
    "Nâng cao nhận thức, ý thức trách nhiệm của cấp ủy đảng, chính quyền, Mặt trận Tổ quốc và các tổ chức "
    "chính trị - xã hội, cán bộ, đảng viên về ý nghĩa, tầm quan trọng của việc triển khai thực hiện quy hoạch."
)


def kind(*lines: str) -> tuple[str, str]:
    an = read_anatomy("\n".join(lines))
    return an.page_kind, an.kind_detail


def test_upper_case_outline_headings_make_a_document():
    k, detail = kind("I. MỤC ĐÍCH, YÊU CẦU", PARA, PARA, "II. NỘI DUNG TUYÊN TRUYỀN", "1. " + PARA)
    assert k == "document" and "outline" in detail


def test_a_part_heading_over_its_numbered_section_makes_a_document():
    k, detail = kind("Tên sáng kiến: " + PARA, "PHẦN MỞ ĐẦU", "1. Bối cảnh chọn đề tài:", PARA, PARA)
    assert k == "document" and "outline" in detail


def test_a_lower_case_section_heading_is_a_report():
    assert kind(HEADLINE, DATE, LEAD, "I. Khái quát tình hình", "1. " + PARA, PARA)[0] == "article"


def test_a_law_article_over_its_first_clause_makes_a_document():
    k, detail = kind(
        "TRÌNH TỰ, THỦ TỤC XỬ LÝ KỶ LUẬT",
        "Điều 47. Trình tự, thủ tục chung",
        "1. Tổ chức sinh hoạt (họp) kiểm điểm.",
        "2. Xác minh, kết luận về hành vi vi phạm kỷ luật.",
        PARA,
        PARA,
    )
    assert k == "document" and "law" in detail


HEADER_BLOCK = ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN", "Số 29-HD/ĐUK", "ĐẢNG CỘNG SẢN VIỆT NAM")
PLACE_DATE = "Thái Nguyên, ngày 16 tháng 4 năm 2024"


def test_an_issued_texts_header_block_makes_a_document():
    k, detail = kind(
        "HƯỚNG DẪN xây dựng mô hình “Dân vận khéo”", *HEADER_BLOCK, PLACE_DATE, "HƯỚNG DẪN", PARA, PARA
    )
    assert k == "document" and "header block" in detail


def test_a_report_reprinting_a_document_after_its_lead_is_an_article():
    page = (HEADLINE, DATE, LEAD, *HEADER_BLOCK, PLACE_DATE, "HƯỚNG DẪN", "I. MỤC ĐÍCH, YÊU CẦU", PARA, PARA)
    assert kind(*page)[0] == "article"
    # the lead may come after a date line, and a place-date line alone is a letter's, not a header
    assert kind(HEADLINE, DATE, PLACE_DATE, LEAD, PARA, PARA)[0] == "article"


# ---------------------------------------------------------------- dated leads, newest first
def teaser(headline: str, day: str, what: str) -> list[str]:
    return [
        headline,
        f"Ngày {day}, {what} tổ chức hội nghị sơ kết công tác xây dựng Đảng, đánh giá kết quả thực hiện "
        "nhiệm vụ chính trị và đề ra phương hướng, nhiệm vụ trọng tâm trong thời gian tới của đơn vị.",
    ]


def test_teasers_dated_newest_first_make_a_listing():
    page = [
        "VĂN HOÁ - XÃ HỘI",
        *teaser("Đảng ủy xã Hồng Sơn sơ kết công tác xây dựng Đảng", "23-2", "Đảng ủy xã Hồng Sơn"),
        *teaser("Chi bộ thôn Thọ Vực tổ chức hội nghị", "15-2", "Chi bộ thôn Thọ Vực"),
        *teaser("Đoàn xã Tân Thanh ra quân đầu xuân", "8-2", "Đoàn Thanh niên xã Tân Thanh"),
    ]
    k, detail = kind(*page)
    assert k == "listing" and "newest first" in detail


def test_untitled_teasers_with_full_dates_newest_first_make_a_listing():
    leads = [teaser("", day, "Đảng bộ phường Đông Thành")[1] for day in ("23/8/2025", "22/8/2025")]
    k, detail = kind("Tuyên truyền Đại hội đảng", "Sáng " + leads[0].lower(), leads[1], PARA)
    assert k == "listing" and "newest first" in detail


def test_a_report_looking_back_after_its_lead_is_an_article():
    lead = teaser("", "3/7", "Chi bộ các khu phố trên địa bàn phường")[1]
    back = teaser("", "5/6/2022", "Chi bộ khu phố 6 được chọn làm điểm,")[1]
    assert kind(HEADLINE, DATE, lead, PARA, back, PARA)[0] == "article"
    # paragraphs told in order are a report's, whatever stands between them
    page = [HEADLINE, DATE, lead, "Quang cảnh hội nghị", teaser("", "5/7", "Đảng ủy phường")[1], PARA]
    assert kind(*page)[0] == "article"


# ---------------------------------------------------------------- headlines over sapos
SAPO = (
    "Ban Thường vụ Tỉnh ủy quyết định thành lập Đảng bộ Ủy ban nhân dân tỉnh trực thuộc Tỉnh ủy và chỉ "
    "định Ban Chấp hành, Ban Thường vụ, Bí thư, Phó Bí thư Đảng bộ nhiệm kỳ 2020 - 2025."
)


def test_every_paragraph_a_sapo_under_its_headline_makes_a_listing():
    page = [
        "# Ban thường vụ tỉnh Hải Dương",
        "Ông Lê Ngọc Châu giữ chức Bí thư Đảng ủy UBND tỉnh Hải Dương",
        SAPO,
        "Hải Dương: Tạm dừng tổ chức Đại hội Đảng bộ cấp cơ sở và bổ nhiệm cán bộ",
        SAPO.replace("thành lập", "kiện toàn"),
        "Hải Dương đánh giá kết quả thực hiện Đề án hợp nhất với thành phố Hải Phòng",
        SAPO.replace("thành lập", "giải thể"),
    ]
    k, detail = kind(*page)
    assert k == "listing" and "each under its own headline" in detail
    # an article's paragraphs follow one another or a photo caption
    assert kind(HEADLINE, DATE, SAPO, "Quang cảnh hội nghị", SAPO, PARA, SAPO)[0] == "article"


# ---------------------------------------------------------------- a table of terms
def test_a_table_of_terms_makes_a_document():
    rows = [
        "1993 - 1995  Đ/c Hoàng Trúc Bào   05",
        "1995 - 2000  Đ/c Hoàng Trúc Bào   12",
        "2000 – 2005  Đ/c Lê Huy Cảnh Đ/c Trịnh Thị Hồng Liên 13",
    ]
    page = ["Lịch sử hình thành và phát triển của Chi bộ", PARA, "Cấp ủy Chi bộ qua các nhiệm kỳ", *rows]
    k, detail = kind(*page)
    assert k == "document" and "table of terms" in detail
    # a report's sentence opening with a term's years is no row
    assert kind(HEADLINE, DATE, "2020 - 2025, " + LEAD[10:], PARA)[0] == "article"
