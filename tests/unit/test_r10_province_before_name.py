"""A province whose last syllable is also a surname ("Hải Dương", "Bình Dương", "An Giang") ends the
organ's place in a post; the person's name starts after it (session 10, blind8 t405)."""

from __future__ import annotations

import pytest

from tasks.facts.extractor import default_extractor


def _people(body: str) -> dict[str, tuple[str, ...]]:
    return {p.name: p.titles for p in default_extractor().extract(body).people}


@pytest.mark.parametrize(
    ("body", "name", "post"),
    [
        (
            "Theo Trưởng Ban Tổ chức Tỉnh ủy Hải Dương Nguyễn Hồng Sơn, Ban vừa tiếp nhận đơn.",
            "Nguyễn Hồng Sơn",
            "Trưởng Ban Tổ chức Tỉnh ủy Hải Dương",
        ),
        (
            "Chủ tịch UBND tỉnh Bình Dương Võ Văn Minh phát biểu.",
            "Võ Văn Minh",
            "Chủ tịch UBND tỉnh Bình Dương",
        ),
        ("Bí thư Tỉnh ủy An Giang Lê Hồng Quang dự hội nghị.", "Lê Hồng Quang", "Bí thư Tỉnh ủy An Giang"),
    ],
)
def test_the_province_stays_in_the_post(body, name, post):
    assert _people(body) == {name: (post,)}


def test_a_person_named_with_that_surname_is_still_read():
    assert _people("Phó Chủ tịch UBND tỉnh Dương Văn An dự hội nghị.") == {
        "Dương Văn An": ("Phó Chủ tịch UBND tỉnh",)
    }


def test_representing_someone_ends_the_post():
    assert _people("Đ/c Lê Bá Cường, Đảng ủy viên đại diện Đảng ủy nhận danh sách.") == {
        "Lê Bá Cường": ("Đảng ủy viên",)
    }
