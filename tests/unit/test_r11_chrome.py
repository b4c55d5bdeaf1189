"""Chrome classes read on blind8/blind9 (session 11): an editor's credit ("Bt: Như Ý"), a photo
credited to an agency ("Ảnh minh họa: TTXVN"), an invitation to the outlet's section under the
article, a forum widget's heading, and an image's file stem left between paragraphs."""

from __future__ import annotations

from tasks.anatomy.byline import author_of
from tasks.anatomy.core import read_anatomy

TITLE = "Huyện ủy tổng kết công tác xây dựng Đảng năm 2023"
BODY = [
    "Sáng ngày 12/12, Ban Thường vụ Huyện ủy tổ chức hội nghị tổng kết công tác xây dựng Đảng năm "
    "2023 và triển khai nhiệm vụ năm 2024 với sự tham dự của đại biểu các xã, thị trấn.",
    "Trong năm, toàn huyện kết nạp được 186 đảng viên mới, đạt 103% kế hoạch, thành lập mới 5 tổ "
    "chức cơ sở đảng trong doanh nghiệp ngoài khu vực nhà nước.",
    "Hội nghị đã biểu dương các tổ chức đảng có thành tích xuất sắc trong năm và đề ra các giải "
    "pháp trọng tâm cho năm tới.",
]


def _read(*, before: list[str] = (), between: str | None = None, after: list[str] = ()):
    body = [BODY[0], *([between] if between else []), *BODY[1:]]
    return read_anatomy("\n".join([TITLE, *before, *body, *after]))


def _segment_kind(anatomy, text: str) -> str | None:
    return next((s.kind for s in anatomy.boilerplate if s.text == text), None)


def test_an_editors_credit_closes_the_body_as_its_byline():
    a = _read(after=["Bt: Như Ý"])
    assert "Bt: Như Ý" not in a.body_lines
    assert _segment_kind(a, "Bt: Như Ý") == "byline"
    assert a.author == "Như Ý"
    assert author_of(["Biên tập: Lê Hà"]) == "Lê Hà"


def test_a_photo_credited_to_an_agency_is_a_credit_a_caption_stays_body():
    a = _read(before=["Ảnh minh họa: TTXVN"])
    assert _segment_kind(a, "Ảnh minh họa: TTXVN") == "source_credit"
    caption = "Ảnh minh họa: Quang cảnh hội nghị tổng kết công tác xây dựng Đảng của huyện."
    assert caption in _read(between=caption).body_lines


def test_an_invitation_to_the_section_ends_the_body_and_frees_the_byline_above_it():
    invite = "* Mời bạn đọc vào chuyên mục Quốc phòng an ninh xem các tin, bài liên quan."
    a = _read(after=["TRẦN MINH", invite])
    assert invite not in a.body_lines
    assert _segment_kind(a, invite) == "related_news"
    assert a.author == "TRẦN MINH"


def test_a_forum_widgets_heading_is_comment_chrome():
    a = _read(after=["Các trao đổi mới nhất"])
    assert _segment_kind(a, "Các trao đổi mới nhất") == "comments"


def test_an_image_file_stem_between_paragraphs_is_not_body_a_hyphenated_word_in_prose_is():
    a = _read(between="Anh-tin-bai")
    assert "Anh-tin-bai" not in a.body_lines
    assert all(line in a.body_lines for line in BODY)


def test_a_navigation_menu_above_an_article_does_not_make_the_page_a_listing():
    menu = [f"• {p}" for p in ("An Giang", "Bình Dương", "Bình Phước", "Bình Thuận", "Bình Định")] * 2
    menu += [f"• {p}" for p in ("Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Cao Bằng")]
    menu += [f"• {p}" for p in ("Cà Mau", "Cần Thơ", "Điện Biên", "Đà Nẵng", "Đắk Lắk", "Đồng Nai")]
    a = read_anatomy("\n".join([*menu, TITLE, *BODY]))
    assert a.page_kind == "article", a.kind_detail
    assert all(line in a.body_lines for line in BODY)


def test_the_same_stub_printed_again_and_again_is_no_menu():
    from tasks.anatomy.core import default_classifier
    from tasks.anatomy.kinds_model import navigation_runs
    from tasks.anatomy.lines import read_page_lines

    stubs = read_page_lines("\n".join(["image advertisement"] * 9 + BODY), default_classifier(), set(), True)
    assert navigation_runs(stubs.lines) == frozenset()
    menu = read_page_lines(
        "\n".join([f"Mục {k}" for k in range(9)] + BODY), default_classifier(), set(), True
    )
    assert navigation_runs(menu.lines) == frozenset(range(9))
