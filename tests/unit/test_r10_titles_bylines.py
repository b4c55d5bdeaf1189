"""Headlines and bylines in the shapes session 10 read on blind sets: a writer's block of a name
and post lines under the headline, a slogan banner above the headline, a headline the body span
took in (under captions or a kicker, or above its date line)."""

from __future__ import annotations

from tasks.anatomy.core import read_anatomy

LEAD = (
    "Sáng ngày 12/5, Công đoàn tỉnh tổ chức hội nghị tổng kết công tác năm 2023 và triển khai "
    "nhiệm vụ năm 2024 với sự tham dự của đông đủ đại biểu các công đoàn cơ sở trong tỉnh."
)
MORE = (
    "Tại hội nghị, các đại biểu đã thảo luận, đánh giá kết quả đạt được và những hạn chế, "
    "đồng thời đề ra các giải pháp trọng tâm để thực hiện thắng lợi nhiệm vụ năm 2024."
)


def test_a_name_with_post_lines_under_the_headline_is_the_byline_not_the_title():
    page = "\n".join(
        [
            "CÔNG ĐOÀN TỈNH PHÁT HUY TRUYỀN THỐNG VẺ VANG TRONG GIAI ĐOẠN MỚI",
            "Nguyễn Hữu Long",
            "Ủy viên Ban Chấp hành Đảng bộ tỉnh,",
            "Chủ tịch Liên đoàn Lao động tỉnh",
            LEAD,
            MORE,
        ]
    )
    a = read_anatomy(page)
    assert a.title == "CÔNG ĐOÀN TỈNH PHÁT HUY TRUYỀN THỐNG VẺ VANG TRONG GIAI ĐOẠN MỚI"
    assert a.author == "Nguyễn Hữu Long"
    kinds = {sg.line_no: sg.kind for sg in a.boilerplate}
    assert kinds[1] == kinds[2] == kinds[3] == "byline"
    assert LEAD in a.body_lines


def test_a_name_line_without_a_post_under_it_is_not_made_a_block():
    page = "\n".join(
        ["Công đoàn tỉnh tổng kết công tác năm 2023 và triển khai nhiệm vụ", "Nguyễn Hữu Long", LEAD, MORE]
    )
    a = read_anatomy(page)
    assert not any(sg.kind == "byline" and sg.text.startswith("Chủ tịch") for sg in a.boilerplate)
    assert a.title == "Công đoàn tỉnh tổng kết công tác năm 2023 và triển khai nhiệm vụ"


def test_a_slogan_banner_above_the_headline_is_not_the_title():
    page = "\n".join(
        [
            "Thứ năm, 23/09/2021",
            "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh!",
            "Ba đảng viên nhận Huy hiệu 30 tuổi Đảng đợt 2/9",
            LEAD,
            MORE,
        ]
    )
    # (the headline shares few words with the lead, and the slogan sits next to the date line)
    assert read_anatomy(page).title == "Ba đảng viên nhận Huy hiệu 30 tuổi Đảng đợt 2/9"


def test_an_exclaiming_headline_alone_is_still_the_title():
    page = "\n".join(["Đại hội Công đoàn tỉnh nhiệm kỳ 2023 - 2028 thành công tốt đẹp!", LEAD, MORE])
    assert read_anatomy(page).title == "Đại hội Công đoàn tỉnh nhiệm kỳ 2023 - 2028 thành công tốt đẹp!"


def test_a_headline_above_its_date_line_inside_the_body_is_the_title():
    teaser = (
        "Hội nghị là sự kiện quan trọng, có ý nghĩa đặc biệt đối với công đoàn viên, người lao động "
        "trong tỉnh. Chủ trì hội nghị có đồng chí Chủ tịch Liên đoàn Lao động tỉnh."
    )
    page = "\n".join(
        [teaser, "Công đoàn tỉnh tổng kết công tác năm 2023", "Thứ ba, 20:02, 23/01/2024", LEAD, MORE]
    )
    a = read_anatomy(page)
    assert a.title == "Công đoàn tỉnh tổng kết công tác năm 2023"
    # a sentence above a date line is no headline
    page = "\n".join(
        [teaser, "Công đoàn tỉnh đã tổng kết công tác năm 2023.", "Thứ ba, 20:02, 23/01/2024", LEAD, MORE]
    )
    assert read_anatomy(page).title is None


def test_a_caption_written_twice_above_the_headline_is_passed_over():
    caption = "Chủ tịch Liên đoàn Lao động tỉnh trao Bằng khen cho các tập thể xuất sắc."
    headline = "Công đoàn tỉnh tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024"
    a = read_anatomy("\n".join([caption, caption, headline, LEAD, MORE]))
    assert a.title == headline
    # without the copy, the caption's own sentence and the headline under it are left alone
    assert read_anatomy("\n".join([caption, headline, LEAD, MORE])).title is None


def test_a_headline_printed_again_broken_over_two_lines_is_the_whole_line():
    whole = "ĐẠI HỘI ĐẢNG BỘ BỆNH VIỆN TỈNH LẦN THỨ III NHIỆM KỲ 2020-2025"
    lead = (
        "Ngày 19/5/2020, Đảng bộ Bệnh viện tỉnh tổ chức Đại hội Đảng bộ lần thứ III, nhiệm kỳ 2020-2025 "
        "với sự tham dự của 95 đảng viên đại diện cho các chi bộ trực thuộc."
    )
    page = "\n".join([whole, "ĐẠI HỘI ĐẢNG BỘ BỆNH VIỆN TỈNH LẦN", "THỨ III NHIỆM KỲ 2020-2025", lead, MORE])
    a = read_anatomy(page)
    assert a.title == whole
    assert a.author is None  # a piece of the headline is no byline
