"""Page anatomy, session-2 signals: image residue, headline copies and auto teasers in the body,
photo alt stubs, comment-policy notice, slogan above the headline, chrome under an unpunctuated
headline, and the crawl's cut last paragraph (after a caption or punctuation debris)."""

from __future__ import annotations

import pytest

from tasks.anatomy import read_anatomy
from tasks.anatomy.copies import ascii_fold, is_auto_teaser, is_title_copy

TITLE = "Hội nghị tổng kết công tác xây dựng Đảng năm 2017, triển khai nhiệm vụ năm 2018"
LEAD = (
    "Sáng ngày 06/01/2018, Đảng ủy xã Nam Hương đã tổ chức Hội nghị tổng kết tình hình thực hiện "
    "nhiệm vụ chính trị, công tác xây dựng Đảng năm 2017 và triển khai nhiệm vụ năm 2018."
)
BODY2 = (
    "Năm 2017 là năm thứ 3 thực hiện Nghị quyết của Đại hội Đảng bộ nhiệm kỳ 2015 - 2020 và tập "
    "trung cao nhiệm vụ xây dựng nông thôn mới, các chi bộ đã hoàn thành tốt nhiệm vụ được giao."
)
BODY3 = (
    "Cũng tại Hội nghị, đồng chí Phó Bí thư Đảng ủy đã trình bày phương hướng, nhiệm vụ trọng tâm "
    "năm 2018 gồm 13 chỉ tiêu chủ yếu về kinh tế, xã hội và xây dựng Đảng."
)


def _page(*lines: str):
    return read_anatomy("\n\n".join(lines))


# ---- image residue


@pytest.mark.parametrize(
    "residue",
    [
        "![]() |",
        "![05.02.25 trao huy hieu dang0.jpg](/TinTucHinhAnh/05.02.25%20trao%20huy%20hieu%20dang0.jpg)",
        '<image>data:image/s3,"s3://crabby-images/bd58c/bd58cdd2d8ab5597afc03a1dc87a2a5b3e8c1acc" alt="Nhấn vào ảnh để phóng to"</image>',
        "Đạng bộ Thị trấn Hữu Lũng trao tặng huy hiệu Đảng cho các đảng viên 65 năm tuổi Đảng .jpg",
        "IMG 0214 copy",
        "DSC_1234",
    ],
)
def test_image_residue_is_not_body(residue):
    an = _page(TITLE, LEAD, residue, BODY2, BODY3)
    assert residue not in an.body_lines
    assert an.body_lines == [LEAD, BODY2, BODY3]


def test_caption_beside_an_image_stays_body():
    caption = "Đồng chí Phan Thế Vinh, Phó Bí thư Thường trực Huyện ủy trao Huy hiệu 75 năm tuổi Đảng. |"
    mentions_file = "Ban Tổ chức gửi kèm tệp danhsach.jpg cùng văn bản số 12 tới các chi bộ trực thuộc."
    an = _page(TITLE, LEAD, "![]() |", caption, mentions_file, BODY2)
    assert caption in an.body_lines
    assert mentions_file in an.body_lines  # a sentence naming a file is no file name


# ---- headline copies


def test_ascii_fold_drops_diacritics_case_and_punctuation():
    assert ascii_fold("Đề nghị Bộ Chính trị: khai trừ!") == "de nghi bo chinh tri khai tru"


@pytest.mark.parametrize(
    "copy",
    [
        TITLE,
        "Hoi nghi tong ket cong tac xay dung Dang nam 2017, trien khai nhiem vu nam 2018",
        TITLE + "- Ảnh 1.",
    ],
)
def test_headline_copy_in_body_is_chrome(copy):
    an = _page(TITLE, LEAD, copy, BODY2, BODY3)
    assert an.title == TITLE
    assert copy not in an.body_lines
    assert an.body_lines == [LEAD, BODY2, BODY3]


def test_paragraph_opening_with_a_short_headline_stays_body():
    key = ascii_fold("Tiếp xúc cử tri")
    assert not is_title_copy("Tiếp xúc cử tri tại xã Hồng Thái có hơn 50 cử tri tham dự.", key, 4)
    long_key = ascii_fold(TITLE)
    # the headline and then a whole sentence: a paragraph, not a copy
    assert not is_title_copy(
        TITLE + " đã được tổ chức trang trọng tại hội trường xã với sự tham dự của đông đảo đại biểu.",
        long_key,
        long_key.count(" ") + 1,
    )


def test_auto_teaser_repeating_the_next_paragraph():
    teaser = BODY2 + " " + BODY3[:80] + "..."
    assert is_auto_teaser(teaser, BODY2)
    assert not is_auto_teaser(BODY2, BODY3)  # no ellipsis
    assert not is_auto_teaser("Năm 2017 là năm thứ 3...", BODY2)  # too short a repeat
    an = _page(TITLE, LEAD, teaser, BODY2, BODY3)
    assert teaser not in an.body_lines
    assert an.body_lines == [LEAD, BODY2, BODY3]


# ---- photo alt stubs


def test_alt_text_stubs_between_paragraphs():
    an = _page(TITLE, LEAD, "tổ 2", "tô 2 1", BODY2, BODY3)
    assert an.body_lines == [LEAD, BODY2, BODY3]


def test_lower_case_continuation_after_an_unfinished_line_stays_body():
    opening = "Tại buổi tiếp xúc, cử tri xã Hồng Thái đã được nghe đại biểu thông báo nội dung kỳ họp"
    an = _page(TITLE, LEAD, opening, "giữa năm 2024", BODY2)
    assert "giữa năm 2024" in an.body_lines


# ---- comment-policy notice


def test_comment_policy_notice_ends_the_body_and_frees_the_byline():
    notice = (
        "LƯU Ý: BDO sẽ biên tập ý kiến của bạn đọc trước khi xuất bản. BDO hoan nghênh những ý kiến "
        "khách quan, có tính xây dựng."
    )
    an = _page(TITLE, LEAD, BODY2, "HỒ VĂN", "Chia sẻ bài viết", notice)
    assert an.body_lines == [LEAD, BODY2]
    assert an.author == "HỒ VĂN"


# ---- top of the page


def test_quoted_slogan_above_the_headline_is_not_the_lead():
    slogan = (
        "“Ngày 23/5/2021, cử tri cả nước đi bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng "
        "nhân dân các cấp nhiệm kỳ 2021-2026”"
    )
    headline = "Học tập, quán triệt Nghị quyết Hội nghị lần thứ 6 Ban Chấp hành Trung ương Đảng (Khóa XII)"
    an = _page(slogan, headline, LEAD, BODY2)
    assert an.body_lines == [LEAD, BODY2]


def test_quoted_lead_paragraph_stays_body():
    quoted = "“Xây dựng Đảng là nhiệm vụ then chốt, phải được thực hiện thường xuyên và liên tục.”"
    an = _page(TITLE, quoted, LEAD, BODY2)
    assert quoted in an.body_lines


def test_chrome_between_an_unpunctuated_headline_and_the_lead():
    headline = (
        "Sở Giáo dục và Đào tạo Quảng Ngãi tổ chức học tập quán triệt Nghị quyết Hội nghị lần thứ 4 "
        "Ban Chấp hành Trung ương Đảng khóa XII"
    )
    an = _page(headline, "Lượt xem:", "IMG 0214 copy", LEAD, BODY2)
    assert an.body_lines == [LEAD, BODY2]


def test_lead_closed_by_a_split_off_full_stop_is_not_a_headline():
    lead = (
        "Chiều ngày 17/5/2024, Chi bộ thôn Hiền Phong tổ chức Lễ kết nạp đảng viên cho đoàn viên ưu tú "
        "Hồ Viết Thư. Chúc mừng đồng chí đã vinh dự đứng vào hàng ngũ của Đảng"
    )
    an = _page(lead, ".", BODY2)
    assert lead in an.body_lines


# ---- the crawl's cut last paragraph


@pytest.mark.parametrize(
    "cut",
    [
        "Buổi lễ kết nạp đản",
        "Trong năm 2025, lực l",
        "Cũng tại Hội nghị, Ủy ban Kiểm tra Tỉnh ủy đã triển khai các văn bản hướng dẫn của Ủy ban Kiểm tra Tru",
        # cut inside a word after two or three words: a lone letter, or a lone digit after a phrase
        "Hội nghị đ",
        "Đồng thời, Ủ",
        "Trân trọng gắn Huy hiệu 8",
    ],
)
def test_cut_last_paragraph_is_body(cut):
    an = _page(TITLE, LEAD, BODY2, cut)
    assert cut in an.body_lines


def test_cut_last_paragraph_after_a_caption_and_before_debris():
    caption = "Cán bộ Ủy ban Kiểm tra Thị ủy Cửa Lò trao đổi nghiệp vụ. Ảnh tư liệu Thu Giang"
    cut = "Ngày 17/5 vừa qua, Ban Tổ chức Tỉnh ủy đã ban hành Hướng dẫn số 42 - HD/BTCTU v"
    an = _page(TITLE, LEAD, BODY2, caption, cut, ";", ".")
    assert an.body_lines[-2:] == [caption, cut]


@pytest.mark.parametrize(
    "tail", ["Một dòng lạ", "Ngọc Hà - Đặng Dũng", "TÀI LIỆU", "Nguyễn Văn A", "Trang 2"]
)
def test_short_label_or_name_printed_last_is_not_body(tail):
    an = _page(TITLE, LEAD, BODY2, tail)
    assert tail not in an.body_lines
