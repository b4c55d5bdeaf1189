"""Teaser stubs (kinds_shapes.teaser_stub): a tag/category/author page cut down to its first item
is one short paragraph, alone or under its headline, with no date line, byline or day named in
its lead. Each case: a stub it must catch and a short article it must leave alone."""

from __future__ import annotations

from tasks.anatomy import read_anatomy

HEADLINE = "Thủ tướng Chính phủ: Không để độ trễ sau Tết, chỉ bàn làm - không bàn lùi"
SUMMARY = (
    "Sau kỳ nghỉ Tết Nguyên đán, Thủ tướng Chính phủ yêu cầu các bộ, ngành, địa phương khẩn trương bắt tay "
    "vào công việc ngay từ ngày đầu năm mới, sớm ban hành Chỉ thị đôn đốc thực hiện các nhiệm vụ trọng tâm."
)  # a sapo: it summarises, it names no day
DATED = (
    "Sáng 27/7, Hội đồng thẩm định nông thôn mới tỉnh tổ chức họp xét, công nhận các xã đạt chuẩn nông thôn "
    "mới năm 2022; các thành viên hội đồng đã thảo luận và thống nhất đề nghị công nhận ba xã đạt chuẩn."
)
MID_DATED = (
    "Thực hiện kế hoạch bàn giao, tiếp nhận chiến sĩ mới năm 2017, sáng ngày 13/02/2017, các địa phương "
    "trong tỉnh đã tổ chức lễ giao nhận quân trang trọng, an toàn, đúng quy định cho các đơn vị nhận quân."
)


def kind(text: str):
    an = read_anatomy(text)
    return an.page_kind, an.kind_detail


def test_headline_and_an_undated_summary_is_a_teaser_stub():
    k, detail = kind(HEADLINE + "\n" + SUMMARY)
    assert k == "listing" and "teaser stub" in detail


def test_an_undated_summary_alone_is_a_teaser_stub():
    assert kind(SUMMARY)[0] == "listing"


def test_stub_furniture_beside_the_teaser_does_not_hide_it():
    assert kind(SUMMARY + "\nThẻ:")[0] == "listing"
    assert kind(HEADLINE + "\n" + SUMMARY + "\nVideo không hợp lệ")[0] == "listing"


def test_a_lead_naming_its_day_stays_an_article():
    assert kind(HEADLINE + "\n" + DATED)[0] == "article"
    assert kind(MID_DATED)[0] == "article"  # the day later in the first sentence
    assert (
        kind(HEADLINE + "\nChiều ngày 29 tháng 4 năm 2022, " + SUMMARY[0].lower() + SUMMARY[1:])[0]
        == "article"
    )
    assert kind(HEADLINE + "\nSáng nay, " + SUMMARY[0].lower() + SUMMARY[1:])[0] == "article"


def test_a_date_line_or_a_byline_makes_it_a_page_of_its_own():
    assert kind("09/12/2022\n" + HEADLINE + "\n" + SUMMARY)[0] == "article"
    assert kind(HEADLINE + "\n" + SUMMARY + "\nNGUYÊN ĐOAN")[0] == "article"


def test_two_paragraphs_or_a_long_paragraph_stay_an_article():
    assert kind(HEADLINE + "\n" + SUMMARY + "\n" + SUMMARY.replace("Tết", "lễ"))[0] == "article"
    long_para = " ".join([SUMMARY] * 4)  # over a teaser's 120 words: a whole article on one line
    assert kind(HEADLINE + "\n" + long_para)[0] == "article"


def test_an_english_page_is_left_to_the_other_signals():
    text = (
        "Party General Secretary has asked participants at the ongoing plenum to focus on reviewing the "
        "implementation of the resolution and to propose solutions for the coming years."
    )
    assert kind("Fifth plenum focuses on reviewing the resolution\n" + text)[0] == "article"


# ---------------------------------------------------------------- "headline | blurb" lists
BLURB = (
    "Sáng ngày 3/1, Bộ Văn hóa, Thể thao và Du lịch tổ chức Hội nghị trực tuyến toàn quốc tổng kết công tác "
    "năm 2023 và triển khai nhiệm vụ năm 2024 với sự tham dự của lãnh đạo các địa phương."
)


def test_headlines_ending_in_the_list_separator_are_a_listing():
    items = [
        f"Tin thứ {i} của chuyên mục tin địa phương trong tuần |\n0{i}/01/2024\n{BLURB}" for i in range(1, 4)
    ]
    k, detail = kind("\n".join(items))
    assert k == "listing" and "headline | blurb" in detail


def test_separator_lines_between_headline_and_blurb_are_a_listing():
    items = [f"Security fulcrum number {i} in ethnic minority areas\n|\n{BLURB}" for i in range(1, 5)]
    assert kind("\n".join(items))[0] == "listing"


def test_a_byline_ending_in_a_separator_stays_an_article():
    assert (
        kind("\n".join([HEADLINE, "NGUYÊN ĐOAN |", DATED, BLURB, DATED.replace("27/7", "28/7")]))[0]
        == "article"
    )
