"""Locality: a ward's unit word picks the ward among same-named communes; a person's home town
or address is not where the article is."""

from functools import lru_cache

from tasks.anatomy.locality import Gazetteer
from tasks.anatomy.locate import Locator, _in_personal_details


@lru_cache(maxsize=1)
def _g() -> Gazetteer:
    return Gazetteer(Locator.shipped_cfg())


def test_ward_word_picks_the_ward_among_same_named_communes():
    got = _g().locate(
        None, ["Thực hiện kế hoạch của Đảng ủy phường Phước Ninh, Chi bộ Trường Tiểu học"], None, None, None
    )
    assert got.name == "Đà Nẵng"
    assert got.evidence == "text: phường Phước Ninh"


def test_commune_word_keeps_the_communes_ambiguous():
    # "xã Phước Ninh" is a commune in three provinces: no one of them without other evidence
    got = _g().locate(None, ["Đảng ủy xã Phước Ninh tổ chức hội nghị"], None, None, None)
    assert got.name is None


def test_home_town_of_a_new_member_is_not_the_locality():
    body = [
        "Kết nạp quần chúng Trần Thị Hương Giang; sinh ngày 07/8/1989; quê quán: Xã Nam Giang, "
        "Huyện Nam Đàn, Tỉnh Nghệ An vào Đảng Cộng sản Việt Nam.",
        "Đồng chí Bí thư Đảng ủy Văn phòng UBND tỉnh phát biểu chỉ đạo",
    ]
    got = _g().locate(None, body, None, "vpubnd.kontum.gov.vn", None)
    assert got.name == "Kon Tum"
    assert got.evidence == "host: vpubnd.kontum.gov.vn"


def test_personal_detail_clause_ends_at_a_full_stop():
    t = "Quê quán: xã A. Hội nghị tại Tỉnh ủy Nghệ An"
    assert not _in_personal_details(t, t.index("Nghệ An"))
    t2 = "trú tại phường B, Tỉnh Nghệ An"
    assert _in_personal_details(t2, t2.index("Nghệ An"))


def test_a_district_education_office_host_names_its_province():
    # "pgdsapa": Phòng GD&ĐT of Sa Pa district; the school's page names no place in its text
    got = _g().locate(
        None, ["Chi bộ trường tổ chức lễ kết nạp đảng viên mới."], None, "mnnamsai.pgdsapa.edu.vn", None
    )
    assert (got.name, got.evidence) == ("Lào Cai", "host: mnnamsai.pgdsapa.edu.vn")
    # an unknown prefix before a short district slug still names nothing
    assert _g().locate(None, ["Chi bộ trường tổ chức lễ kết nạp."], None, "xyzsapa.edu.vn", None).name is None


def test_a_commune_written_one_syllable_longer_is_another_commune():
    # "xã Quế Trung" (Quảng Nam) is not "xã Quế" (Hà Nam): with the host the province is Quảng Nam
    body = ["Chiều ngày 27.6, Chi bộ thôn Đại Bình (xã Quế Trung) tổ chức đại hội chi bộ."]
    got = _g().locate(None, body, None, "nongson.quangnam.gov.vn", None)
    assert (got.name, got.evidence) == ("Quảng Nam", "host: nongson.quangnam.gov.vn")
    # a person's name after the commune still leaves the commune read
    got = _g().locate(None, ["Chủ tịch UBND xã Hữu Liên Hoàng Văn Tú dự hội nghị."], None, None, None)
    assert (got.name, got.evidence) == ("Lạng Sơn", "text: xã Hữu Liên")
