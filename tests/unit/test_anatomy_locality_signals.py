"""Locality signals: provinces as English-language text writes them, and one-word district names
that open a common word."""

from __future__ import annotations

import pytest

from tasks.anatomy import default_rules


@pytest.fixture(scope="module")
def gaz():
    return default_rules().gazetteer


def _loc(gaz, body, title=None, host=None):
    return gaz.locate(title, body, None, host, None)


@pytest.mark.parametrize(
    "title,body,want",
    [
        ("Four students from Hanoi - Amsterdam High School join the Party", ["The ceremony."], "Hà Nội"),
        (None, ["The Party Committee of Nghe An province held a conference."], "Nghệ An"),
        (None, ["Delegates met in Ho Chi Minh City on Monday."], "Hồ Chí Minh"),
        (None, ["A visit to Da Nang and Hue."], "Đà Nẵng"),
    ],
)
def test_province_written_without_diacritics(gaz, title, body, want):
    assert _loc(gaz, body, title).name == want


def test_ascii_name_that_needs_a_unit_word_still_needs_one(gaz):
    # "President Ho Chi Minh" is the man, not the city
    assert _loc(gaz, ["They visited the exhibition on President Ho Chi Minh."]).name is None
    assert _loc(gaz, ["Mr. Nguyen Van Thai Binh spoke."]).name is None


def test_one_word_district_name_opening_a_common_word_is_not_the_district(gaz):
    assert (
        _loc(gaz, ["Sau 3 tháng huấn luyện, lễ tuyên thệ."], title="Vinh quang được trở thành chiến sĩ").name
        is None
    )
    assert _loc(gaz, ["Vinh dự được đứng trong hàng ngũ của Đảng."]).name is None


def test_one_word_district_name_with_unit_word_or_as_a_name_still_counts(gaz):
    assert _loc(gaz, ["Hội nghị tại thành phố Vinh sáng nay."]).name == "Nghệ An"
    assert _loc(gaz, ["Đoàn công tác đến Vinh, làm việc với lãnh đạo."]).name == "Nghệ An"


def test_the_host_decides_once_a_common_word_is_no_place(gaz):
    got = _loc(
        gaz,
        ["tại Bộ CHQS tỉnh, Trung đoàn tổ chức lễ."],
        title="Vinh quang người chiến sĩ",
        host="thainguyenbeta.mastercms.vn",
    )
    assert got.name == "Thái Nguyên"


def test_diacritic_free_name_in_vietnamese_prose_is_a_person_not_a_province(gaz):
    assert _loc(gaz, ["Để hóa thân thành nghệ sĩ nhân dân Thanh Hoa, các em phải tập luyện."]).name is None
    assert _loc(gaz, ["The artist Thanh Hoa sang in Thanh Hoa province."]).name == "Thanh Hóa"
