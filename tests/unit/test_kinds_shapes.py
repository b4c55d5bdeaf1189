"""Page kinds from shape (kinds_shapes): documents, press digests, stacks of sapos and teaser
furniture; each signal with a page it must catch and an article it must leave alone."""

from __future__ import annotations

import pytest

from tasks.anatomy import read_anatomy
from tasks.anatomy.kinds import url_kind

HEADLINE = "Triển khai Đề án số 20-ĐA/TU: Chú trọng công tác phát triển Đảng cho thế hệ trẻ"
SAPO = (
    "Sáng 8/5, Phó Bí thư Thành ủy Nguyễn Văn Phong chủ trì Hội nghị sơ kết việc thực hiện công tác "
    "phát triển đảng viên trong thế hệ trẻ của Đảng bộ Thành phố."
)  # 29 words: a listing's sapo
LONG_LEAD = (
    "Mỗi kỳ Đại hội Đảng bộ thành phố là một mốc son đánh dấu từng chặng đường lịch sử đấu tranh cách mạng "
    "và xây dựng thành phố. Từ Đại hội Đảng bộ lần thứ nhất đến Đại hội Đảng bộ lần thứ XV là một quá "
    "trình phấn đấu, trưởng thành của Đảng bộ trên các mặt nhận thức, bản lĩnh, năng lực và kinh nghiệm "
    "lãnh đạo, chỉ đạo, ra sức phấn đấu xây dựng thành phố giàu mạnh, văn minh, hiện đại."
)  # 75 words: a one-paragraph article
PARA = (
    "Tại hội nghị, các đại biểu đã thảo luận và thống nhất nhiều giải pháp nâng cao chất lượng sinh hoạt "
    "chi bộ, công tác phát triển đảng viên mới trong thời gian tới tại các cơ sở đảng trực thuộc."
)


def kind(text: str) -> str:
    return read_anatomy(text).page_kind


# ---------------------------------------------------------------- documents
def test_legal_basis_list_is_a_document():
    text = "\n".join(
        [
            "ĐỀ CƯƠNG TUYÊN TRUYỀN SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP XÃ GIAI ĐOẠN 2023-2025",
            "I. Căn cứ pháp lý",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
            "Căn cứ Nghị quyết số 37-NQ/TW ngày 24/12/2018 của Bộ Chính trị về việc sắp xếp các đơn vị hành chính;",
            "Căn cứ Chỉ thị số 36-CT/TU ngày 28/02/2024 của Ban Thường vụ Thành ủy;",
            PARA,
        ]
    )
    an = read_anatomy(text)
    assert an.page_kind == "document" and "legal-basis" in an.kind_detail


def test_an_article_citing_one_legal_basis_stays_an_article():
    text = "\n".join(
        [HEADLINE, SAPO, "Căn cứ Điều lệ Đảng, chi bộ đã xét kết nạp hai quần chúng ưu tú.", PARA, PARA]
    )
    assert kind(text) == "article"


NOTICE = [
    "Thông báo lịch tiếp công dân của Chủ tịch HĐND huyện Ngân Sơn khóa XIX, nhiệm kỳ 2016-2021",
    "Chủ tịch HĐND huyện Ngân Sơn thông báo lịch tiếp công dân như sau:",
    "1. Thời gian: Tiếp công dân định kỳ vào ngày 20 hàng tháng.",
    "2. Địa điểm: Phòng Tiếp công dân, trụ sở HĐND&UBND huyện.",
    "Với nội dung trên, HĐND huyện thông báo để các đơn vị, nhân dân biết và thực hiện./.",
]


def test_notice_with_its_formula_is_a_document():
    an = read_anatomy("\n".join(NOTICE))
    assert an.page_kind == "document" and "formula" in an.kind_detail


def test_news_of_a_notice_without_the_formula_stays_an_article():
    text = "\n".join(["Thông báo kết quả Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15", SAPO, PARA, PARA])
    assert kind(text) == "article"


def test_the_formula_without_a_genre_title_stays_an_article():
    text = "\n".join([HEADLINE, SAPO, PARA, "Huyện ủy thông báo để các chi bộ biết và thực hiện."])
    assert kind(text) == "article"


def test_chapter_heading_alone_counts_as_a_clause():
    text = "\n".join(
        [
            "Quy chế làm việc của Ủy ban nhân dân huyện",
            "Chương V",
            "CÁC CUỘC HỌP, HỘI NGHỊ, TIẾP KHÁCH",
            "Điều 20. Các cuộc họp, hội nghị của Uỷ ban nhân dân huyện.",
            "1. Phiên họp Uỷ ban nhân dân huyện thường kỳ và bất thường;",
            "Điều 21. Phiên họp Uỷ ban nhân dân huyện.",
        ]
    )
    assert kind(text) == "document"


def test_chuong_trinh_is_not_a_chapter():
    text = "\n".join([HEADLINE, "Chương trình", SAPO, "Điều 1. Thống nhất nội dung.", PARA, PARA])
    assert kind(text) == "article"


DIGEST = (
    "Báo Điện tử Đảng Cộng sản, Điện tử Chính phủ, Đại biểu Nhân dân, Nhân Dân, Đại đoàn kết, Lao động, "
    "Pháp luật Việt Nam, Quân đội nhân dân, Công an nhân dân, Thanh tra, Dân trí, VietnamNet, TTXVN (04-11) "
    "tiếp tục phản ánh các nội dung của tuần làm việc thứ 3, Phiên họp thứ 8, Quốc hội khóa XIV."
)


def test_press_digest_is_not_an_article():
    an = read_anatomy("CÔNG TÁC NỘI CHÍNH\n" + DIGEST)
    assert an.page_kind == "digest" and "media outlets" in an.kind_detail


def test_article_naming_a_few_papers_stays_an_article():
    text = (
        "Dự buổi lễ có đại diện các cơ quan báo chí Nhân Dân, Quân đội nhân dân, Lao động, Thanh niên, "
        "Tuổi trẻ và đông đảo phóng viên, biên tập viên của các cơ quan thông tấn trên địa bàn tỉnh."
    )
    assert kind("\n".join([HEADLINE, SAPO, text, PARA])) == "article"


# ---------------------------------------------------------------- stacks of sapos
STACK = [
    "Ngày 21/4/2023, Công đoàn cơ sở Sở Nội vụ đã tổ chức Đại hội lần thứ XVIII, nhiệm kỳ 2023-2028.",
    "Nhà nước kiến tạo thì phải đồng hành với người dân và doanh nghiệp. Phải rà soát lại hết các cơ chế.",
    "Sáng 20-5, tại chùa An Vinh, Ban Trị sự Giáo hội Phật giáo tỉnh tổ chức kỷ niệm Đại lễ Phật đản.",
    "Ngày 18-4, UBND tỉnh tổ chức Lễ phát động thi đua chuyển đổi số - Năm dữ liệu số Tuyên Quang năm 2023.",
]


def test_untitled_sapos_each_with_its_own_dateline_are_a_listing():
    an = read_anatomy("\n".join(STACK))
    assert an.page_kind == "listing" and "untitled sapos" in an.kind_detail


def test_an_article_with_one_dated_lead_stays_an_article():
    text = "\n".join([STACK[0], STACK[1], "Đại hội đã bầu Ban Chấp hành khóa mới gồm 7 đồng chí.", PARA])
    assert kind(text) == "article"


# ---------------------------------------------------------------- teaser furniture
def test_section_label_before_headline_and_one_paragraph_is_a_listing():
    an = read_anatomy("\n".join(["Chính trị", HEADLINE, LONG_LEAD]))
    assert an.page_kind == "listing" and "section label" in an.kind_detail


def test_section_label_before_a_full_article_stays_an_article():
    assert kind("\n".join(["Chính trị", HEADLINE, LONG_LEAD, PARA, PARA])) == "article"


def test_headline_twice_over_a_short_sapo_is_a_listing():
    an = read_anatomy(
        "\n".join(["Thủ tướng bổ nhiệm 3 Thứ trưởng mới", "Thủ tướng bổ nhiệm 3 Thứ trưởng mới", SAPO])
    )
    assert an.page_kind == "listing" and "printed twice" in an.kind_detail


def test_headline_twice_over_a_long_paragraph_stays_an_article():
    title = "Đảng bộ thành phố Hải Phòng từ Đại hội đến Đại hội"
    assert kind("\n".join([title, title, LONG_LEAD, title])) == "article"


def test_one_short_paragraph_alone_stays_an_article():
    assert kind("13/10/2020, 20:57\n" + SAPO) == "article"
    assert kind(HEADLINE + "\n" + SAPO) == "article"


def test_bulleted_list_item_date_is_a_listing():
    an = read_anatomy("• Ðảng ta đồng hành cùng mùa xuân đất nước\n• 09:41 21/01/2021\n• " + LONG_LEAD)
    assert an.page_kind == "listing" and "list-item dates" in an.kind_detail


def test_punctuation_residue_of_widgets_is_a_listing():
    an = read_anatomy(",\nCập nhật lúc: 18:00 |22/05/2022\n" + LONG_LEAD + "\n,\n,\n.\n,\n")
    assert an.page_kind == "listing" and "punctuation-residue" in an.kind_detail


def test_one_comma_line_stays_an_article():
    assert kind(",\nCập nhật lúc: 18:00 |22/05/2022\n" + LONG_LEAD) == "article"


CUT = (
    "Sáng nay, sau khi thông qua nghị quyết về kế hoạch phát triển kinh tế xã hội, Quốc hội đã bàn bạc vấn đề "
    "công tác nhân sự. Thủ tướng đã lần lượt đọc hai tờ trình về việc đề nghị bổ sung thêm một Phó thủ tướng "
    "làm công tác ngoại giao, và tờ trình..."
)  # 57 words, over 220 characters: longer than a one-line teaser


def test_lone_short_paragraph_cut_with_ellipsis_is_a_listing():
    cut = CUT
    an = read_anatomy("Hai tân phó thủ tướng dự kiến ra mắt ngày 13/11\n" + cut)
    assert an.page_kind == "listing" and "ellipsis" in an.kind_detail


# a one-paragraph report under its headline names its day (an undated one is a teaser stub)
DATED_LEAD = "Sáng 24/7, " + LONG_LEAD[0].lower() + LONG_LEAD[1:]


def test_enumeration_ending_in_ellipsis_stays_an_article():
    text = DATED_LEAD[:-1] + ", nhảy dây, chạy bộ, tập gym..."  # a long paragraph, not a sapo
    assert kind("Hai tân phó thủ tướng dự kiến ra mắt ngày 13/11\n" + text) == "article"


def test_closing_mark_is_not_a_cut():
    assert kind("Hai tân phó thủ tướng dự kiến ra mắt ngày 13/11\n" + DATED_LEAD[:-1] + "./.") == "article"


def test_empty_lines_after_a_lone_teaser_are_a_listing():
    an = read_anatomy("Hội nghị Ban thường vụ Tỉnh ủy\n" + SAPO + "\n" * 24)
    assert an.page_kind == "listing" and "empty-line" in an.kind_detail
    assert kind("Hội nghị Ban thường vụ Tỉnh ủy\n" + SAPO + "\n" * 4) == "article"


def test_headline_and_sapo_pairs_are_a_listing():
    text = "\n".join(
        [
            "Phó Giám đốc Sở Nông nghiệp và Phát triển nông thôn tỉnh Thanh Hóa",
            'Một Sở "lập kỷ lục" khi bổ nhiệm... 10 phó giám đốc8',  # a comment count glued on
            "Một số báo đưa tin Chủ tịch UBND tỉnh Thanh Hóa ký quyết định bổ nhiệm thêm 2 Phó giám đốc Sở "
            "Nông nghiệp và Phát triển nông thôn, trong khi Sở này đã có 8 Phó Giám đốc!",
            "Thủ tướng yêu cầu Bộ Nội vụ báo cáo việc 1 Sở bổ nhiệm 10 Phó giám đốc",
            "Thủ tướng yêu cầu Bộ Nội vụ kiểm tra việc bổ nhiệm Phó Giám đốc Sở Nông nghiệp và Phát triển "
            "nông thôn tỉnh Thanh Hóa, báo cáo Thủ tướng trước ngày 15 tháng này.",
        ]
    )
    an = read_anatomy(text)
    assert an.page_kind == "listing" and "pairs" in an.kind_detail


# ---------------------------------------------------------------- addresses (source_url / crawl path)
@pytest.mark.parametrize(
    "address, want",
    [
        ("https://tinhuybinhphuoc.vn/news/tag/x%C3%A2y-d%E1%BB%B1ng/page-8", "tag"),
        ("https://hoinongdan.bacgiang.gov.vn/tin-tuc/trong-nuoc/page/20", "listing"),
        ("http://vinhphuctv.vn/Quan-tri/Tin-tuc-chung/currentpage/16", "listing"),
        ("https://viettimes.vn/thu-tuong-bo-nhiem-tag1114.html", "tag"),
        ("vinhphuctv.vn/Tin-tuc-chung/currentpage/16/index.html", "listing"),
        ("https://vnews.gov.vn/nvideo/be-mac-dai-hoi-dang-bo-tinh-thai-nguyen-193363.htm", None),
        ("anhp.vn/f048_anhp.txt", None),
    ],
)
def test_listing_addresses_when_known(address, want):
    got = url_kind(address)
    assert (got.kind if got else None) == want


def test_genre_words_match_without_tone_folding():
    from tasks.anatomy.kinds_shapes import _fold, kinds_lexicon

    assert all(g == _fold(g) == g.casefold() for g in kinds_lexicon().genres)
