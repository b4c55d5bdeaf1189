"""Locality from the vietnamadminunits gazetteer: provinces, districts, domains, ambiguity."""

from __future__ import annotations

import pytest

from tasks.anatomy import default_rules


@pytest.fixture(scope="module")
def gaz():
    return default_rules().gazetteer


@pytest.mark.parametrize(
    "title,body,site,want",
    [
        (
            "Phó Bí thư làm việc với Thành ủy Hạ Long",
            ["Đảng bộ TP Hạ Long hiện có 65 chi bộ."],
            None,
            "Quảng Ninh",
        ),
        ("Quận 8: Tập trung tham mưu", ["Quận ủy Quận 8 tổ chức Hội nghị."], None, "Hồ Chí Minh"),
        (None, ["Ban Tổ chức Thành ủy tổ chức Hội nghị."], "haiphong.gov.vn", "Hải Phòng"),
        (None, ["Quận ủy tổ chức Hội nghị."], "thanhuytphcm.vn", "Hồ Chí Minh"),
        (None, ["Chủ tịch UBND TP.HCM dự lễ."], None, "Hồ Chí Minh"),
        (None, ["Hội nghị tại tỉnh Khánh Hoà (cách viết cũ)."], None, "Khánh Hòa"),
        (None, ["Tổng kết tại huyện Châu Thành, tỉnh Tiền Giang."], None, "Tiền Giang"),
        (
            "Tin trong tỉnh",
            ["Đoàn Đại biểu Quốc hội Hải Phòng làm việc; học tập phong cách Hồ Chí Minh."],
            None,
            "Hải Phòng",
        ),
    ],
)
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


# ---- signals added for unseen portals (locate.py, host_place.py, places.py)

from datetime import date  # noqa: E402


def _loc(gaz, body, title=None, host=None, when=None, site=None):
    return gaz.locate(title, body, site, host, when)


def test_commune_named_with_its_unit_word_gives_its_province_with_evidence(gaz):
    got = _loc(gaz, ["Chiều 5/6, Đảng ủy xã Hữu Liên tổ chức hội nghị."])
    assert (got.name, got.evidence) == ("Lạng Sơn", "text: xã Hữu Liên")


def test_commune_name_without_unit_word_is_not_read(gaz):
    assert _loc(gaz, ["Chiều 5/6, Hữu Liên tổ chức hội nghị."]).name is None


def test_ambiguous_commune_counts_only_for_a_province_other_evidence_names(gaz):
    # "Cờ Đỏ" is a commune in Cần Thơ and in Sơn La
    assert _loc(gaz, ["Hội nghị ở xã Cờ Đỏ diễn ra sáng nay."]).name is None
    got = _loc(gaz, ["Hội nghị ở xã Cờ Đỏ diễn ra sáng nay."], host="sonla.gov.vn")
    assert (got.name, got.evidence) == ("Sơn La", "text: xã Cờ Đỏ")


def test_district_with_its_unit_word(gaz):
    got = _loc(gaz, ["Hội nghị tổng kết công tác tuyên giáo.", "UBND huyện Thạch Hà chủ trì."])
    assert (got.name, got.evidence) == ("Hà Tĩnh", "text: UBND huyện Thạch Hà")


def test_name_guard_a_district_inside_a_persons_name_is_not_a_place(gaz):
    body = ["Đồng chí Chẩu Văn Lâm, Bí thư Đảng ủy, phát biểu tại hội nghị."]
    assert _loc(gaz, body).name is None
    from tasks.anatomy.locality import Gazetteer
    from tasks.anatomy.locate import Locator

    cfg = dict(Locator.shipped_cfg(), name_guard=False)
    assert Gazetteer(cfg).locate(None, body, None).name == "Hưng Yên"  # what the guard prevents


def test_district_name_after_a_village_or_street_word_is_not_the_district(gaz):
    assert _loc(gaz, ["Bà con thôn Văn Lâm góp công làm đường."]).name is None
    assert _loc(gaz, ["Bà con huyện Văn Lâm góp công làm đường."]).name == "Hưng Yên"


@pytest.mark.parametrize(
    "host,want",
    [
        ("langson.gov.vn", "Lạng Sơn"),
        ("huulien.langson.gov.vn", "Lạng Sơn"),
        ("baothanhhoa.vn", "Thanh Hóa"),
        ("thanhuyhue.vn", "Thừa Thiên Huế"),
        ("kontum.gov.vn", "Kon Tum"),
        ("ductho.hatinh.gov.vn", "Hà Tĩnh"),
        ("binhthuancpv.org.vn", "Bình Thuận"),
        ("phuyennews.vn", "Phú Yên"),
        ("tuoitrethangbinh.vn", "Quảng Nam"),
        ("vnexpress.net", None),
        ("baochinhphu.vn", None),
        ("dangcongsan.vn", None),
        ("thanhnien.vn", None),
        ("vietnamplus.vn", None),
        ("tapchicongsan.org.vn", None),
        (None, None),
    ],
)
def test_host_fallback_when_the_text_names_no_province(gaz, host, want):
    got = _loc(gaz, ["Sáng nay, Tỉnh ủy tổ chức hội nghị sơ kết."], host=host)
    assert got.name == want
    assert got.evidence == (f"host: {host}" if want else None)


def test_text_outranks_the_host(gaz):
    got = _loc(gaz, ["Sáng nay, Tỉnh ủy Nghệ An tổ chức hội nghị."], host="langson.gov.vn")
    assert (got.name, got.evidence) == ("Nghệ An", "text: Tỉnh ủy Nghệ An")


def test_the_hosts_province_wins_when_the_text_names_it_nearly_as_much(gaz):
    body = [
        "Đảng bộ tỉnh Điện Biên 70 năm xây dựng và trưởng thành.",
        "Năm 1949, Tỉnh ủy Lai Châu được thành lập; tỉnh Lai Châu khi đó gồm cả vùng này, Lai Châu rộng lớn.",
    ]
    got = _loc(gaz, body, host="dienbien.dcs.vn")
    assert got.name == "Điện Biên" and got.evidence.endswith("(host: dienbien.dcs.vn)")
    # another province's host does not pull the article away from the text's province
    assert _loc(gaz, body, host="langson.gov.vn").name == "Lai Châu"


def test_a_host_province_named_far_less_than_the_top_one_does_not_win(gaz):
    body = ["Tỉnh ủy Nghệ An tổ chức hội nghị; tỉnh Nghệ An, Tỉnh ủy Nghệ An và đoàn Lạng Sơn dự."]
    assert _loc(gaz, body, host="langson.gov.vn").name == "Nghệ An"


def test_host_slug_table_is_built_from_the_gazetteer(gaz):
    slugs = gaz.locator.tables.province_slugs
    assert (
        len(set(slugs.values())) == 63 and slugs["langson"] == "Lạng Sơn" and slugs["thuathienhue"] == "Huế"
    )


def test_province_as_at_the_articles_date(gaz):
    body = ["Tỉnh ủy Bình Định tổ chức hội nghị."]
    assert _loc(gaz, body, when=date(2025, 6, 30)).name == "Bình Định"
    assert _loc(gaz, body, when=date(2025, 7, 1)).name == "Gia Lai"  # merged from 2025-07-01
    assert _loc(gaz, body).name == "Bình Định"  # undated: the 63 units
    assert _loc(gaz, ["Tỉnh ủy tổ chức."], host="binhdinh.dcs.vn", when=date(2025, 9, 1)).name == "Gia Lai"


def test_renamed_province_keeps_its_earlier_name_before_the_rename(gaz):
    body = ["Thành ủy Huế tổ chức hội nghị."]
    assert _loc(gaz, body, when=date(2024, 5, 1)).name == "Thừa Thiên Huế"
    assert _loc(gaz, body, when=date(2025, 3, 1)).name == "Huế"


def test_merged_gazetteer_communes_after_the_merger(gaz):
    tables = gaz.locator.tables
    assert len(tables.merged_provinces) == 34 and set(tables.to_merged) == tables.legacy_provinces
    new_only = next(
        k
        for k, v in tables.communes_merged.items()
        if len(v) == 1 and k not in tables.communes_legacy and len(k.split()) == 2
    )
    name = " ".join(w.capitalize() for w in new_only.split())
    got = _loc(gaz, [f"Đảng ủy xã {name} tổ chức hội nghị."], when=date(2025, 8, 1))
    assert got.name == next(iter(tables.communes_merged[new_only]))
    assert _loc(gaz, [f"Đảng ủy xã {name} tổ chức hội nghị."], when=date(2024, 8, 1)).name is None


def test_central_level_article_venue_and_host_do_not_decide(gaz):
    body = [
        "Sáng 21/6, tại TP Hồ Chí Minh, Ban Tuyên giáo Trung ương tổ chức hội nghị báo cáo viên các tỉnh, "
        "thành phố phía Nam."
    ]
    assert _loc(gaz, body, host="baolangson.vn").name is None
    # a central organ as a document's issuer is no actor: a provincial article
    body = ["Sáng 21/6, Ban Thường vụ quán triệt Nghị quyết Trung ương 8 khóa XIII."]
    assert _loc(gaz, body, host="baolangson.vn").name == "Lạng Sơn"
    # a province acting through its organ still counts in a central-level article
    body = ["Bộ Chính trị làm việc với Ban Thường vụ Tỉnh ủy Lạng Sơn về công tác cán bộ."]
    assert _loc(gaz, body, host="baothanhhoa.vn").name == "Lạng Sơn"


def test_no_evidence_without_a_locality(gaz):
    assert _loc(gaz, ["Một bài không nói nơi nào."]) == gaz.locate(None, ["x"], None)
    assert _loc(gaz, ["Một bài không nói nơi nào."]).evidence is None
