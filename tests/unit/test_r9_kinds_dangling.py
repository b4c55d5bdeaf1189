"""Session 9: teasers' meta fields left on their own lines with a dropped field's separator
("Thời sự -", "Minh Anh - Quốc Bảo -") make a list, whatever the body's size; one such line
(a wire story's "VIETNAM, May 3 -") does not."""

from __future__ import annotations

from tasks.anatomy import read_anatomy

SAPOS = [
    "Những năm qua, xã vùng cao biên giới đã có nhiều đổi thay nhờ các chương trình hỗ trợ phát triển "
    "kinh tế, giúp người dân từng bước thoát nghèo và ổn định cuộc sống nơi thôn bản xa xôi.",
    "Ủy ban nhân dân tỉnh vừa chọn hai xã để thí điểm mô hình chuyển đổi số cấp xã, là những nơi có "
    "lợi thế về du lịch cộng đồng và các sản phẩm nghề truyền thống đặc trưng của đồng bào.",
    "Thực hiện nhiệm vụ quản lý đường biên, các chiến sĩ biên phòng tại chốt kiểm soát đã phối hợp với "
    "lực lượng địa phương tuần tra, ngăn chặn kịp thời các trường hợp xuất nhập cảnh trái phép.",
]


def test_dangling_meta_fields_make_a_list():
    an = read_anatomy(
        "\n".join(SAPOS + ["Thời sự -", "Minh Anh - Quốc Bảo -", "09:15, 12/04/2022 " + SAPOS[0]])
    )
    assert an.page_kind == "listing" and "separator" in an.kind_detail
    # one dangling line, a wire story's dateline, is no list
    an = read_anatomy("\n".join(["VIETNAM, May 3 -", *SAPOS]))
    assert an.page_kind == "article"
