"""Page kinds, round 2 (kinds_shapes): full document texts (bulleted legal bases, an adoption
note, a notice's numbered fields, a quoted legal text), document-sharing and flip-book previews,
search snippets opening mid-sentence, and how-to/blog pages speaking of "the post below". Each
signal: a page it must catch and a real article, quoting a decision or telling time and place,
it must leave an article."""

from __future__ import annotations

from tasks.anatomy import read_anatomy

HEADLINE = "Huyện ủy Nam Giang tổ chức Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2024"
DATE = "Thứ Năm, 18/07/2024 09:15"
PARAS = [
    "Sáng 17/7, Huyện ủy Nam Giang tổ chức Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm, triển "
    "khai nhiệm vụ 6 tháng cuối năm 2024; đồng chí Bí thư Huyện ủy chủ trì hội nghị và phát biểu chỉ đạo.",
    "Theo báo cáo, trong 6 tháng đầu năm, các tổ chức cơ sở đảng đã kết nạp 45 đảng viên mới, đạt 60% kế "
    "hoạch năm; công tác kiểm tra, giám sát được thực hiện nghiêm túc, đúng quy định của Điều lệ Đảng.",
    "Thực hiện Quyết định số 1017-QĐ/TU ngày 25/4/2022 của Ban Thường vụ Tỉnh ủy, Điều 1 của quy định nêu rõ "
    "trách nhiệm người đứng đầu; huyện đã kiện toàn các ban chỉ đạo và phân công nhiệm vụ cụ thể cho từng đồng chí.",
    "Phát biểu kết luận, đồng chí Bí thư Huyện ủy đề nghị các chi, đảng bộ tiếp tục đổi mới phương thức lãnh "
    "đạo, nâng cao chất lượng sinh hoạt chi bộ, hoàn thành thắng lợi các chỉ tiêu nghị quyết đề ra trong năm.",
]


def kind(text: str) -> tuple[str, str]:
    an = read_anatomy(text)
    return an.page_kind, an.kind_detail


def article(*extra: str) -> str:
    return "\n".join([HEADLINE, DATE, *PARAS[:2], *extra, *PARAS[2:]])


def test_the_base_article_is_an_article():
    assert kind(article())[0] == "article"


def test_bulleted_legal_bases_make_a_document():
    bases = [
        "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
        "- Căn cứ Quy định số 30-QĐ/TW, ngày 26/7/2016 của Ban Chấp hành Trung ương;",
        "– Căn cứ Quy chế làm việc của Ủy ban Kiểm tra Trung ương khóa XII;",
    ]
    k, detail = kind("HƯỚNG DẪN\n" + "\n".join(bases) + "\n" + "\n".join(PARAS[1:]))
    assert k == "document" and "Căn cứ" in detail
    assert kind(article(bases[1]))[0] == "article"  # one quoted basis is a report's


def test_an_adoption_note_makes_a_document():
    page = "\n".join(
        [
            "ĐIỀU LỆ",
            "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH",
            "(Đại hội đại biểu toàn quốc lần thứ XI",
            "Đoàn TNCS Hồ Chí Minh thông qua ngày 13/12/2017)",
            *PARAS[1:],
        ]
    )
    k, detail = kind(page)
    assert k == "document" and "adoption" in detail
    assert kind("QUY CHẾ\n(Ban hành kèm theo Quyết định số 12-QĐ/HU ngày 3/3/2023)\n" + "\n".join(PARAS))[
        0
    ] == ("document")
    # a report naming the adoption inside its sentence stays an article
    quoted = "Quy chế (ban hành kèm theo Quyết định số 12-QĐ/HU) được Đảng ủy thông qua ngày 3/3/2023."
    assert (
        kind(article(quoted + " Các chi bộ đã quán triệt nghiêm túc đến toàn thể đảng viên."))[0] == "article"
    )


def test_a_notices_numbered_fields_make_a_document():
    fields = [
        "1. Thời gian: 7 giờ 30 phút, ngày 21 tháng 7 năm 2022 (thứ Năm)",
        "2. Địa điểm: Hội trường C, Trung tâm Hội nghị 25B, thành phố Thanh Hóa.",
    ]
    k, detail = kind("\n".join([PARAS[1], *fields, "Ban Tuyên giáo Tỉnh ủy trân trọng thông báo!"]))
    assert k == "document" and "numbered fields" in detail
    assert kind(article(fields[0]))[0] == "article"  # one field is a report's list item


def test_document_sharing_previews():
    furniture = "Tải bản đầy đủ (.doc) (10 trang)"
    k, detail = kind(furniture + "\n" + "\n".join(PARAS))
    assert k == "preview" and "furniture" in detail
    assert kind("Xem mẫu\n" + "\n".join(PARAS))[0] == "preview"
    assert kind("Bạn đang xem bản rút gọn của tài liệu. Xem và tải ngay bản đầy đủ.\n" + "\n".join(PARAS))[
        0
    ] == ("preview")
    # a report mentioning a download inside its sentence stays an article
    assert (
        kind(article("Xem mẫu hồ sơ tại Trang thông tin điện tử của huyện để hoàn thiện thủ tục đúng hạn."))[
            0
        ]
        == "article"
    )


def test_a_flip_book_page_is_a_preview():
    page = "Page 63 - LỜI GIỚI THIỆU\nP. 63\n" + "\n".join(PARAS)
    assert kind(page)[0] == "preview"
    assert kind("Page 63 - LỜI GIỚI THIỆU\n" + "\n".join(PARAS))[0] != "preview"  # the label alone


def test_a_quoted_legal_text_is_a_document():
    page = "\n".join(
        [
            "Biên bản họp chi bộ đề nghị kết nạp đảng viên?",
            "Căn cứ khoản 3 Điều 4 Điều lệ Đảng quy định như sau:",
            "Điều 4.",
            "[...]",
            PARAS[1],
            "[...]",
            PARAS[3],
        ]
    )
    k, detail = kind(page)
    assert k == "document" and "quoted legal text" in detail
    assert kind(article("Điều 4 của Điều lệ Đảng quy định như sau:"))[0] == "article"


def test_a_search_snippet_opening_mid_sentence():
    page = (
        "sát và thi hành kỷ luật đảng do Ủy ban Kiểm tra Trung ương ban hành như sau:\n"
        "Bước 1: Thành viên ủy ban được phân công chỉ đạo và đại diện đoàn kiểm tra làm việc."
    )
    k, detail = kind(page)
    assert k == "listing" and "snippet" in detail
    assert kind("thiệu\nLưu ý: Người giới thiệu phải là đảng viên chính thức.")[0] == "listing"
    assert kind(HEADLINE + "\n" + PARAS[0])[0] == "article"  # opens with its headline


def test_a_blog_speaking_of_the_post_below_is_a_howto():
    intro = "Sau đây DaiLyWiki mời các bạn theo dõi bài viết dưới đây để nắm rõ quy trình kết nạp Đảng."
    k, detail = kind("Hướng dẫn quy trình kết nạp Đảng viên mới\n" + intro + "\n" + "\n".join(PARAS))
    assert k == "howto" and "bài viết dưới đây" in detail
    # a report inviting its readers to a video, or naming its own post, stays an article
    assert (
        kind(article("Mời bạn đọc theo dõi video ghi lại không khí hội nghị sáng nay tại huyện."))[0]
        == "article"
    )
    assert (
        kind(article("Bài viết này tổng hợp ý kiến của các đại biểu tham dự hội nghị sơ kết."))[0]
        == "article"
    )
