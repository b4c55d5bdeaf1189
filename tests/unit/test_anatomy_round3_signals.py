"""Page anatomy, round-3 signals: English variants of the chrome rules, a post's meta line that
closes the header, near and cut copies of the headline, honorific-led captions (never bylines,
and body after the last paragraph), and a writer's signature block (name + post) in the body."""

from __future__ import annotations

import pytest

from tasks.anatomy import default_rules, read_anatomy
from tasks.anatomy.copies import ascii_fold, is_truncated_copy, shares_title_words

TITLE = "Thành ủy Đồng Xoài công bố quyết định thành lập các chi bộ cơ sở trực thuộc Đảng bộ thành phố"
LEAD = (
    "Ngày 2-7, Ban Thường vụ Thành ủy Đồng Xoài tổ chức công bố quyết định thành lập 4 chi bộ cơ sở "
    "trực thuộc, với tổng số 31 đảng viên sinh hoạt tại các chi bộ mới."
)
BODY2 = (
    "Phát biểu tại buổi lễ, đồng chí Phó Bí thư Thường trực Thành ủy đề nghị các chi bộ sau khi thành "
    "lập tiếp tục phát huy vai trò lãnh đạo, xây dựng chi bộ trong sạch, vững mạnh."
)
BODY3 = (
    "Các chi bộ mới thành lập đã ra mắt và hứa sẽ thực hiện tốt nhiệm vụ chính trị được giao, góp "
    "phần hoàn thành các chỉ tiêu nghị quyết Đại hội Đảng bộ thành phố."
)
EN_LEAD = (
    "The admission ceremony of four outstanding Youth Union members of the school took place on the "
    "133rd anniversary of President Ho Chi Minh's birthday."
)
EN_BODY = (
    "Before the ceremony commenced, the students offered incense to commemorate Uncle Ho at the "
    "President Ho Chi Minh Memorial room to express their gratitude to the leader of the nation."
)


def _page(*lines: str):
    return read_anatomy("\n\n".join(lines))


def _kinds(a) -> dict[str, str]:
    return {s.text: s.kind for s in a.boilerplate}


# ---- English variants of chrome rules


@pytest.mark.parametrize("line", ["1337 reads", "Views: 120", "Print", "By Thu Hang", "Story: Minh Anh"])
def test_english_chrome_line_between_paragraphs(line):
    a = _page(TITLE, EN_LEAD, line, EN_BODY)
    assert a.body_lines == [EN_LEAD, EN_BODY]


@pytest.mark.parametrize("line", ["Related news", "Other articles", "Comments (2)", "Leave a reply"])
def test_english_trailing_marker_ends_the_body(line):
    a = _page(TITLE, EN_LEAD, EN_BODY, line, EN_BODY.replace("students", "pupils"))
    assert a.body_lines == [EN_LEAD, EN_BODY]


def test_english_source_credit_after_the_body_is_a_credit():
    a = _page(TITLE, EN_LEAD, EN_BODY, "Source: VNA")
    assert _kinds(a)["Source: VNA"] == "source_credit"


def test_by_opening_a_sentence_is_no_byline():
    line = "By the end of 2023, the Party cell had admitted twelve new members from the school."
    assert line in _page(TITLE, EN_LEAD, line, EN_BODY).body_lines


def test_english_photo_stub_is_not_body_but_a_sentence_about_photos_is():
    a = _page(TITLE, EN_LEAD, EN_BODY, "There are some photos about this ceremony:")
    assert a.body_lines == [EN_LEAD, EN_BODY]
    sentence = (
        "Some photos of the ceremony were shown to the new members, who thanked the Party cell for them."
    )
    assert sentence in _page(TITLE, EN_LEAD, sentence, EN_BODY).body_lines


def test_skip_link_is_chrome():
    a = _page("Skip to main content", TITLE, LEAD, BODY2)
    assert a.body_lines == [LEAD, BODY2]


# ---- a post's meta line closes the header


def test_post_meta_line_closes_the_header_above_it():
    error = (
        'The service having id "buzz" is missing, reactivate its module or save again the list of services.'
    )
    headline = "Four students from the High School for the Gifted honored to join the Party"
    a = _page(error, headline, "Post by: trangtrang | 19/05/2023 | 1337 reads", EN_LEAD, EN_BODY)
    assert a.body_lines == [EN_LEAD, EN_BODY]
    assert a.title == headline
    assert a.published_at is not None and a.published_at.date().isoformat() == "2023-05-19"


def test_post_meta_rule_needs_a_date_after_the_author():
    rules = default_rules()
    key = "người đăng: thu hà | 12/05/2023 | lượt xem: 120"
    assert rules.line_rules(key, len(key))[0][0].name == "posted_meta"
    plain = "người đăng: thu hà | ban tuyên giáo"
    assert rules.line_rules(plain, len(plain))[0] is None


# ---- near and cut copies of the headline


def test_near_copy_shares_nearly_all_words_both_ways():
    words = frozenset(ascii_fold(TITLE).split())
    assert shares_title_words(ascii_fold("Ảnh: " + TITLE), words)
    assert shares_title_words(ascii_fold(TITLE.replace("công bố", "trao")), words)
    assert not shares_title_words(ascii_fold(LEAD), words)  # the lead restates it with many more words
    assert not shares_title_words(ascii_fold("Thành lập các chi bộ cơ sở"), words)  # a caption, fewer


def test_truncated_copy_opens_like_the_headline():
    key = ascii_fold(TITLE)
    assert is_truncated_copy("Thành ủy Đồng Xoài công bố quyết định thành lập…", key)
    assert not is_truncated_copy("Thành ủy Đồng Xoài công bố quyết định thành lập", key)  # no ellipsis
    assert not is_truncated_copy("Thành ủy Đồng Xoài…", key)  # too short to tell


def test_labelled_copy_of_the_headline_in_the_body_is_removed():
    a = _page(TITLE, LEAD, "Ảnh: " + TITLE, BODY2, BODY3)
    assert a.body_lines == [LEAD, BODY2, BODY3]


# ---- honorific-led captions


def test_honorific_caption_after_the_last_paragraph_is_body_and_not_a_byline():
    caption = "Đ/c Phạm Văn Bé Năm - Phó bí thư Huyện ủy trao quyết định thành lập chi bộ"
    a = _page(TITLE, LEAD, BODY2, caption, "LĐLĐ huyện Thạnh Phú")
    assert a.body_lines == [LEAD, BODY2, caption]
    assert a.author != caption


def test_a_byline_with_a_post_still_ends_the_body():
    a = _page(TITLE, LEAD, BODY2, "Hồng Nhung - VPHU Quảng Điền")
    assert a.body_lines == [LEAD, BODY2]


# ---- signature block


def test_name_and_post_lines_in_the_body_are_a_signature_block():
    a = _page(TITLE, LEAD, "Lương Hải Sinh", "Bí thư Đảng ủy-Chủ tịch HĐQT NHPT", BODY2, BODY3)
    assert a.body_lines == [LEAD, BODY2, BODY3]
    assert _kinds(a)["Lương Hải Sinh"] == "byline"
    assert a.author == "Lương Hải Sinh"


def test_a_name_before_a_sentence_about_a_post_stays_body():
    line = "Bí thư Đảng ủy phát biểu chỉ đạo hội nghị và giao nhiệm vụ cho các chi bộ trực thuộc."
    a = _page(TITLE, LEAD, "Lương Hải Sinh", line, BODY2, BODY3)
    assert line in a.body_lines
