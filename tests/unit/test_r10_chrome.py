"""Session 10: chrome lines the cleaner kept as body — comment widgets under the article (counts,
controls, input counters), and the lines after them."""

from __future__ import annotations

import pytest

from tasks.anatomy import read_anatomy

TITLE = "Huyện Minh Phong trao Huy hiệu Đảng cho 120 đảng viên cao niên"
LEAD = (
    "Sáng ngày 02/9/2024, Huyện ủy Minh Phong tổ chức lễ trao Huy hiệu Đảng cho 120 đảng viên "
    "cao niên nhân dịp kỷ niệm Quốc khánh."
)
BODY2 = (
    "Phát biểu tại buổi lễ, đồng chí Bí thư Huyện ủy chúc mừng các đảng viên được nhận Huy hiệu và "
    "mong các đồng chí tiếp tục giữ gìn phẩm chất của người đảng viên."
)
BODY3 = "Dịp này, toàn Đảng bộ huyện có 120 đảng viên được tặng Huy hiệu Đảng, trong đó có 5 đồng chí nhận Huy hiệu 70 năm."

# a sidebar sentence below the widget (a weather box, a poll's note): prose, yet after the body's end
SIDEBAR = "Trời nhiều mây, có mưa rào và dông vài nơi, gió tây nam cấp 3, nhiệt độ cao nhất 33 độ."

EN_TITLE = "Provincial leaders present Party membership badges to veteran members"
EN_LEAD = (
    "On the morning of September 2, the provincial Party Committee presented Party membership "
    "badges to 120 veteran Party members in the district."
)
EN_BODY2 = (
    "Speaking at the ceremony, the official praised the members for their contributions to the locality."
)


def _page(*lines: str):
    return read_anatomy("\n\n".join(lines))


# ---- comment widgets


@pytest.mark.parametrize(
    "widget",
    [
        ["Subscribe", "Notify of", "guest", "0 Comments", "Inline Feedbacks", "View all comments"],
        ["3 bình luận", "Xem tất cả bình luận"],
        ["Viết bình luận mới", "Thăm dò ý kiến", "Theo bạn, nên làm gì để thu hút người trẻ về quê?"],
        ["(2) ý kiến", "Bạn còn 500 ký tự"],
    ],
)
def test_comment_widget_under_the_article_is_not_body(widget):
    an = _page(TITLE, LEAD, BODY2, BODY3, *widget, SIDEBAR)
    assert an.body_lines == [LEAD, BODY2, BODY3]


def test_comment_input_counters_in_an_english_page_are_not_body():
    an = _page(
        EN_TITLE,
        EN_LEAD,
        EN_BODY2,
        "You have 500/500 characters left",
        "Please enter 5 or more characters!!!",
        "The weather will be cloudy with scattered showers and thunderstorms in the afternoon.",
    )
    assert an.body_lines == [EN_LEAD, EN_BODY2]


def test_a_subscribe_label_inside_the_article_does_not_end_the_body():
    an = _page(TITLE, LEAD, "Subscribe", BODY2, BODY3)
    assert an.body_lines == [LEAD, BODY2, BODY3]


# ---- credits under the article


@pytest.mark.parametrize(
    "credit, author",
    [
        (["Thực hiện:", "Hoàng Minh"], "Hoàng Minh"),
        (["Tác giả bài viết: Huyện đoàn Minh Phong"], "Huyện đoàn Minh Phong"),
        # (an office's credit: no person's name, so no author; a long one, no name shape)
        (["Ban Truyền thông Hội Nông dân huyện Minh Phong (T/h)"], None),
        (["Phòng Văn hóa và Thông tin huyện Minh Phong (tổng hợp)"], None),
    ],
)
def test_a_credit_under_the_article_is_a_byline(credit, author):
    an = _page(TITLE, LEAD, BODY2, BODY3, *credit, "Link nội dung: https://baotinh.vn/tin-123.htm")
    assert an.body_lines == [LEAD, BODY2, BODY3]
    assert an.author == author


def test_a_bare_label_without_a_name_under_it_names_nobody():
    an = _page(TITLE, LEAD, BODY2, BODY3, "Thực hiện:", "Link nội dung: https://baotinh.vn/tin-123.htm")
    assert an.body_lines == [LEAD, BODY2, BODY3]
    assert an.author is None


def test_a_column_label_after_the_credited_name_is_no_part_of_it():
    an = _page(
        TITLE,
        LEAD,
        BODY2,
        BODY3,
        "Tác giả: Đức Thiện: Văn hóa",
        "Link nội dung: https://baotinh.vn/tin-123.htm",
    )
    assert an.body_lines == [LEAD, BODY2, BODY3]
    assert an.author == "Đức Thiện"


# ---- residue: a placeholder alt text, a rule drawn in characters


@pytest.mark.parametrize(
    "residue", ["Responsive image", "No image", "-------", "---------------", "* * * *", "======"]
)
def test_residue_between_paragraphs_is_not_body(residue):
    an = _page(TITLE, LEAD, residue, BODY2, BODY3)
    assert an.body_lines == [LEAD, BODY2, BODY3]


# ---- after the article's end: teaser headlines and sidebar headings the cut-paragraph test took


@pytest.mark.parametrize("heading", ["Thông tin nội bộ", "Thông tin hữu ích", "Bài tin liên quan"])
def test_a_sidebar_heading_at_the_page_end_is_no_cut_paragraph(heading):
    an = _page(TITLE, LEAD, BODY2, BODY3, heading)
    assert an.body_lines == [LEAD, BODY2, BODY3]


# ---- a sapo cut without an ellipsis, printed above its paragraph


def test_a_cut_copy_of_a_paragraph_above_it_is_not_body():
    full = (
        "Huyện Minh Phong nằm trên vùng đất đỏ bazan trù phú, xưa nay nổi tiếng với cây cà phê và hồ "
        "tiêu. Chính vì vậy, tỉnh đã định hướng Minh Phong trở thành vùng kinh tế động lực phía tây."
    )
    cut = full[:110].rstrip()
    assert not cut.endswith(".")
    an = _page(TITLE, "27/05/2024 04:06", cut, TITLE, "Hoàng Minh - Khoa Xây dựng Đảng", full, BODY2)
    assert cut not in an.body_lines
    assert full in an.body_lines and BODY2 in an.body_lines


# ---- a headline set again clause by clause


def test_the_headlines_first_clause_set_again_in_the_body_is_not_body():
    title = "Đề nghị kỷ luật nguyên Chủ tịch UBND huyện Minh Phong;Khiển trách hai cán bộ xã"
    an = _page(
        title, "09/09/2024 14:14", LEAD, "Đề nghị kỷ luật nguyên Chủ tịch UBND huyện Minh Phong", BODY2, BODY3
    )
    assert an.body_lines == [LEAD, BODY2, BODY3]
