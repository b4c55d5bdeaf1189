"""Metadata signals of the fourth round (classes from the unseen set): a unit word counts only as
a whole word, host-only province slugs, an English wire dateline is not the article's place nor
its headline, a bracketed date closing a headline, lone-letter bylines, "Name- Office" bylines."""

from __future__ import annotations

from datetime import datetime

import pytest

from tasks.anatomy import default_rules, read_anatomy
from tasks.anatomy.byline import author_of
from tasks.anatomy.locality import ends_with_word
from tasks.anatomy.signature import name_of
from tasks.anatomy.title import _is_wire_dateline, split_dated_title


@pytest.fixture(scope="module")
def gaz():
    return default_rules().gazetteer


def _loc(gaz, body, title=None, host=None):
    return gaz.locate(title, body, None, host, None)


def test_unit_word_must_be_a_whole_word():
    assert ends_with_word("tỉnh tp", ("tp",))
    assert ends_with_word("tp", ("tp",))
    assert not ends_with_word("đội tntp", ("tp",))


def test_pioneers_organisation_name_is_no_city(gaz):
    body = ["Huyện đoàn Tây Giang tổ chức Lễ kết nạp đoàn viên mới từ đội viên Đội TNTP Hồ Chí Minh."]
    assert _loc(gaz, body).name != "Hồ Chí Minh"
    assert _loc(gaz, ["Hội nghị diễn ra tại TP Hồ Chí Minh."]).name == "Hồ Chí Minh"


def test_host_only_slug_names_the_province(gaz):
    body = ["Chi bộ Trường THCS Đoàn Kết tổ chức đại hội chi bộ."]
    assert _loc(gaz, body, host="thcsdoanket.hcm.edu.vn").name == "Hồ Chí Minh"
    assert _loc(gaz, body, host="thcsdoanket.edu.vn").name is None


def test_english_wire_dateline_is_not_the_place(gaz):
    body = [
        "HÀ NỘI — The Inspection Commission of the Party Central Committee proposed discipline.",
        "The commission met officials.",
    ]
    assert _loc(gaz, body).name is None
    # a Vietnamese paper's dateline stays evidence
    assert _loc(gaz, ["HẢI PHÒNG - Sáng 5/8, Thành ủy tổ chức hội nghị."]).name == "Hải Phòng"


@pytest.mark.parametrize(
    "line,want", [("VIETNAM, August 18 -", True), ("HANOI, Dec. 2 —", True), ("Vietnam, a country", False)]
)
def test_wire_dateline_shape(line, want):
    assert _is_wire_dateline(line) is want


def test_bracketed_date_closing_a_headline():
    assert split_dated_title("Hội nghị sơ kết huyện Bàu Bàng (26/07/2022)") == (
        "Hội nghị sơ kết huyện Bàu Bàng",
        datetime(2022, 7, 26),
    )
    assert split_dated_title("Kỷ niệm ngày 30/4 (1975)") == ("Kỷ niệm ngày 30/4 (1975)", None)
    assert split_dated_title(None) == (None, None)


def test_headline_date_gives_published_at_when_no_other():
    page = (
        "Thường trực Hội Nông dân tỉnh dự sinh hoạt chi Hội khu phố Đồng Sổ (26/07/2022)\n"
        "Vừa qua, chiều ngày 24/7, tại Văn phòng khu phố Đồng Sổ, Chi Hội Nông dân khu phố đã tổ chức "
        "sinh hoạt chi Hội quý III và sơ kết hoạt động 6 tháng đầu năm 2022 với hơn 130 hội viên.\n"
        "Tại buổi sinh hoạt, các đại biểu trao đổi, thảo luận, đánh giá kết quả hoạt động của chi Hội "
        "trong 6 tháng đầu năm 2022 và đề ra nhiệm vụ 6 tháng cuối năm.\n"
    )
    an = read_anatomy(page)
    assert an.title == "Thường trực Hội Nông dân tỉnh dự sinh hoạt chi Hội khu phố Đồng Sổ"
    assert an.published_at == datetime(2022, 7, 26)


def test_lone_letter_is_no_byline():
    assert author_of(["L"]) is None
    assert author_of(["TQ"]) == "TQ"


def test_name_dash_office_byline():
    assert name_of("Quý Trường- Huyện đoàn") == "Quý Trường"
    assert name_of("Ngọc Hà - Đặng Dũng") == "Ngọc Hà - Đặng Dũng"


def test_university_host_names_its_city(gaz):
    body = ["The Party cell held the ceremony to admit new members."]
    assert _loc(gaz, body, host="education.vinhuni.edu.vn").name == "Nghệ An"


def test_english_event_date_beside_vietnamese_names():
    from tasks.anatomy.event import _english, _phrases

    line = "HÀ NỘI — The Party Central Committee’s Inspection Commission held its session on August 16-17."
    assert [(p.day, p.month) for p in _phrases(line)] == [(16, 8)]
    assert not _english("Con đường on Dec 5 của chi bộ được tổ chức trang trọng tại hội trường")


def test_english_document_issue_date_is_no_event():
    from tasks.anatomy.event import _phrases

    line = "The Subcommittee was established by Decision No 4896-QĐ/TU on August 2, 2024 by the Committee."
    assert list(_phrases(line)) == []


@pytest.mark.parametrize(
    "text,want",
    [
        (
            "Tại Đại hội, các đại biểu đã nghe Báo cáo dự thảo tổng kết công tác Đảng nhiệm kỳ 2020 - 2022; "
            "báo cáo kiểm điểm cấp ủy nhiệm kỳ 2020-2022…",
            True,
        ),
        ("Đại hội Chi bộ Hành chính 2 thành công tốt đẹp", False),
        (
            "Phòng, chống dịch bệnh viêm đường hô hấp cấp do chủng mới của vi rút Corona gây ra trong hoạt "
            "động văn hóa, văn nghệ, TDTT",
            False,
        ),
    ],
)
def test_lead_sentence_shape(text, want):
    from tasks.anatomy.title import _is_lead_sentence

    assert _is_lead_sentence(text, len(text.split())) is want


def test_headline_preferred_over_a_lead_paragraph_left_in_the_header():
    page = (
        "Đảng uỷ\n\n"
        "Đại hội Chi bộ Hành chính 2 thành công tốt đẹp\n\n"
        "Sáng ngày 23/9/2022, Chi bộ Hành chính 2 đã long trọng tổ chức Đại hội Chi bộ nhiệm kỳ 2022-2025\n\n"
        "Tại Đại hội, các đại biểu đã nghe Báo cáo dự thảo tổng kết công tác Đảng nhiệm kỳ 2020 - 2022; "
        "báo cáo kiểm điểm cấp ủy nhiệm kỳ 2020-2022…\n\n"
        "Nhiệm kỳ qua, Chi bộ Hành chính 2 đã lãnh đạo đảng viên nghiên cứu, học tập, quán triệt, triển khai "
        "thực hiện các nghị quyết, kết luận của Đảng, của Đảng ủy Khối. Chi ủy Chi bộ đã lựa chọn và xác định "
        "nhiệm vụ trọng tâm, xuyên suốt về triển khai thực hiện Nghị quyết của cấp trên.\n\n"
        "Với tinh thần dân chủ, khách quan, Đại hội tiến hành bầu Ban chi ủy, Bí thư, Phó Bí thư nhiệm kỳ "
        "2022 - 2025.\n"
    )
    an = read_anatomy(page)
    assert an.title == "Đại hội Chi bộ Hành chính 2 thành công tốt đẹp"


def test_english_short_name_of_the_southern_city(gaz):
    # English editions write "HCM City"; "HCM" alone is as often the man and is no alias
    assert _loc(gaz, ["The Party Committee of HCM City held a conference."]).name == "Hồ Chí Minh"
    assert _loc(gaz, ["Students studied HCM thought."]).name is None
