"""Session 9: a document printed as one line -- a register table's column heads run together
(its cells lost), or an issued text's header block (number, place and date, genre) glued into
the text's first line. A report naming a decision, or a title "về việc ban hành", stays an
article."""

from __future__ import annotations

from test_kinds_documents3 import kind  # page kind and its evidence of the joined lines

LEAD = (
    "Sáng 12/3, Ban Thường vụ Huyện ủy tổ chức hội nghị quán triệt Quyết định số 125-QĐ/HU ngày 2 tháng 3 "
    "năm 2024 về việc ban hành quy chế làm việc của Ban Chấp hành Đảng bộ huyện nhiệm kỳ 2020 - 2025."
)
PARA = (
    "Tại hội nghị, các đại biểu đã thảo luận và thống nhất nhiều giải pháp nâng cao chất lượng sinh hoạt "
    "chi bộ, công tác phát triển đảng viên mới trong thời gian tới tại các cơ sở đảng trực thuộc."
)


def test_register_column_heads_in_one_line_make_a_document_list():
    k, detail = kind("STT Số / ký hiệu Ngày ban hành Trích yếu nội dung")
    assert k == "document" and "column heads" in detail
    k, detail = kind("Tên văn bản Loại văn bản Cơ quan ban hành Người ký")
    assert k == "document" and "column heads" in detail
    # a decision's title naming its subject holds only two of the heads' words
    k, _ = kind("Quyết định về việc ban hành quy chế làm việc của Huyện ủy", LEAD, PARA)
    assert k == "article"


def test_an_issued_texts_header_glued_into_the_first_line_makes_a_document():
    glued = (
        "HUYỆN ỦY NAM GIANG***Số: 125 - QĐ/HU ĐẢNG CỘNG SẢN VIỆT NAM Nam Giang, ngày 2 tháng 3 năm 2024 "
        "QUYẾT ĐỊNHVề việc ban hành quy chế làm việc của Ban Chấp hành Đảng bộ huyện nhiệm kỳ 2020 - 2025 "
        "Căn cứ Điều lệ Đảng Cộng sản Việt Nam; căn cứ quy chế làm việc của Ban Chấp hành Đảng bộ huyện"
    )
    k, detail = kind(glued)
    assert k == "document" and "header glued" in detail
    # a report names the decision inside its lead ("Quyết định số 125-QĐ/HU ngày 2 tháng 3 năm 2024")
    k, _ = kind("Huyện ủy quán triệt quy chế làm việc mới", LEAD, PARA, PARA)
    assert k == "article"
