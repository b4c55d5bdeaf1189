"""Locality from the vietnamadminunits gazetteer: provinces, districts, domains, ambiguity."""
from __future__ import annotations

import pytest

from tasks.anatomy import default_rules


@pytest.fixture(scope="module")
def gaz():
    return default_rules().gazetteer


@pytest.mark.parametrize("title,body,site,want", [
    ("Phó Bí thư làm việc với Thành ủy Hạ Long", ["Đảng bộ TP Hạ Long hiện có 65 chi bộ."], None, "Quảng Ninh"),
    ("Quận 8: Tập trung tham mưu", ["Quận ủy Quận 8 tổ chức Hội nghị."], None, "Hồ Chí Minh"),
    (None, ["Ban Tổ chức Thành ủy tổ chức Hội nghị."], "haiphong.gov.vn", "Hải Phòng"),
    (None, ["Quận ủy tổ chức Hội nghị."], "thanhuytphcm.vn", "Hồ Chí Minh"),
    (None, ["Chủ tịch UBND TP.HCM dự lễ."], None, "Hồ Chí Minh"),
    (None, ["Hội nghị tại tỉnh Khánh Hoà (cách viết cũ)."], None, "Khánh Hòa"),
    (None, ["Tổng kết tại huyện Châu Thành, tỉnh Tiền Giang."], None, "Tiền Giang"),
    ("Tin trong tỉnh", ["Đoàn Đại biểu Quốc hội Hải Phòng làm việc; học tập phong cách Hồ Chí Minh."], None, "Hải Phòng"),
])
def test_locality(gaz, title, body, site, want):
    assert gaz.score(title, body, site) == want


def test_person_name_shaped_like_province_needs_unit_word(gaz):
    # "Khánh Hòa" is also a common given name; "phong cách Hồ Chí Minh" is an idea, not the city
    assert gaz.score(None, ["Bài: Khánh Hòa. Học tập tư tưởng, phong cách Hồ Chí Minh."], None) is None


def test_ambiguous_district_alone_gives_nothing(gaz):
    assert gaz.score(None, ["Hội nghị ở huyện Châu Thành diễn ra sáng nay."], None) is None


def test_lower_case_words_are_not_places(gaz):
    assert gaz.score(None, ["chống diễn biến hòa bình trong nội bộ"], None) is None


def test_title_outweighs_a_single_body_mention(gaz):
    assert gaz.score("Nghệ An tổng kết công tác", ["Đoàn công tác của Hà Tĩnh sang dự."], None) == "Nghệ An"


def test_gazetteer_is_built_from_package_data(gaz):
    assert len(set(gaz.names.values())) == 63
    assert "hạ long" in gaz.districts
