"""Session 9: an untitled article of one-sentence paragraphs is no stack of teasers when one of them
ends in the colon that introduces its list ("… kỷ luật Cảnh cáo các đồng chí:" over the names);
a stack of one-sentence teasers with no such line is still demoted (labels.demote_listing)."""

from __future__ import annotations

from tasks.anatomy import read_anatomy

SENTENCES = [
    "Trong hai ngày 10 và 11/6/2024, tại Hà Nội, Ủy ban Kiểm tra Tỉnh ủy đã họp kỳ thứ 21 xem xét kỷ luật đảng viên.",
    "Đồng chí Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy chủ trì kỳ họp với sự tham dự của các ủy viên chuyên trách.",
    "Tại kỳ họp này, Ủy ban Kiểm tra đã xem xét kết quả kiểm tra khi có dấu hiệu vi phạm đối với một số đảng viên.",
]
INTRO = "Ủy ban Kiểm tra Tỉnh ủy quyết định thi hành kỷ luật bằng hình thức khiển trách các đồng chí:"
NAMES = [
    "- Trần Văn Hòa, Huyện ủy viên, Phó Chủ tịch Ủy ban nhân dân huyện phụ trách khối kinh tế;",
    "- Lê Thị Mai, Bí thư Đảng ủy, Chủ tịch Ủy ban nhân dân xã Tân Lập trong nhiệm kỳ vừa qua.",
]


def test_a_colon_introducing_a_list_keeps_the_article():
    an = read_anatomy("\n\n".join(SENTENCES + [INTRO] + NAMES))
    assert an.page_kind == "article" and INTRO in an.body_lines
    # without the list's introduction the same one-sentence lines still read as a teaser stack
    teasers = read_anatomy("\n\n".join(SENTENCES + [SENTENCES[0].replace("21", "22")]))
    assert teasers.page_kind != "article" or not teasers.body_lines
