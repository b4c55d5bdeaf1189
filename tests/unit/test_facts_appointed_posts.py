"""Appointed posts, org-phrase edges and name edges (session 2 classes of post-title misses)."""

from tasks.facts import extract_facts


def people(body, author=None):
    return {p.name: p.titles for p in extract_facts(body, author=author).people}


def test_post_after_a_list_goes_to_every_listed_name():
    ps = people(
        "Theo đó, điều động và bổ nhiệm các đồng chí Trần Hợp, Trưởng Ban Tôn giáo và Trịnh Văn Minh, "
        "Phó Giám đốc Sở Văn hoá-Thông tin làm Phó Giám đốc Sở Nội vụ."
    )
    assert ps["Trần Hợp"] == ("Trưởng Ban Tôn giáo", "Phó Giám đốc Sở Nội vụ")
    assert ps["Trịnh Văn Minh"] == ("Phó Giám đốc Sở Văn hoá-Thông tin", "Phó Giám đốc Sở Nội vụ")


def test_post_is_not_shared_across_a_verb():
    ps = people(
        "Đồng chí Lê Văn An, Bí thư Tỉnh ủy trao quyết định cho đồng chí Trần Văn Bình giữ chức vụ "
        "Giám đốc Sở Nội vụ."
    )
    assert ps["Lê Văn An"] == ("Bí thư Tỉnh ủy",)
    assert ps["Trần Văn Bình"] == ("Giám đốc Sở Nội vụ",)


def test_office_before_doi_voi_goes_to_the_names_after_it():
    ps = people(
        "Chủ tịch nước bổ nhiệm chức vụ phó thủ tướng Chính phủ đối với các ông Nguyễn Hòa Bình, "
        "Bùi Thanh Sơn; Bộ trưởng Bộ Tư pháp đối với ông Nguyễn Hải Ninh."
    )
    assert ps["Nguyễn Hòa Bình"] == ("phó thủ tướng Chính phủ",)
    assert ps["Bùi Thanh Sơn"] == ("phó thủ tướng Chính phủ",)
    assert ps["Nguyễn Hải Ninh"] == ("Bộ trưởng Bộ Tư pháp",)


def test_term_between_office_and_doi_voi_is_left_out():
    ps = people(
        "Kỳ họp miễn nhiệm chức vụ Chủ tịch UBND huyện khóa XVIII, nhiệm kỳ 2011 - 2016 đối với ông Hoàng Mạnh Sơn."
    )
    assert ps["Hoàng Mạnh Sơn"] == ("Chủ tịch UBND huyện",)


def test_doi_voi_without_an_office_gives_no_post():
    ps = people(
        "Đồng chí Phạm Văn Hiệu đã thông qua quyết định kết nạp đảng viên đối với quần chúng Đặng Ngọc Đông."
    )
    assert ps.get("Đặng Ngọc Đông", ()) == ()


def test_lower_case_post_after_giu_chuc_vu_but_not_after_lam():
    assert people("Cử tri bầu ông Trương Văn Tiến giữ chức vụ trưởng thôn Pá Chí nhiệm kỳ 2025-2027.") == {
        "Trương Văn Tiến": ("trưởng thôn Pá Chí",)
    }
    assert (
        people("Ông Vũ Đức Bảo cho biết hai cán bộ được điều động về Sở làm phó giám đốc.")["Vũ Đức Bảo"]
        == ()
    )


def test_glued_hyphen_before_a_post_separates_titles_but_not_names():
    ps = people("Về dự có đồng chí Vũ Thị Bích Nương- Bí thư Đảng ủy- Chủ tịch HĐND thị trấn An Lão.")
    assert ps["Vũ Thị Bích Nương"] == ("Bí thư Đảng ủy", "Chủ tịch HĐND thị trấn An Lão")
    ps = people("Ông Nguyễn Thành Long, Phó Chủ tịch UBND tỉnh Bà Rịa- Vũng Tàu dự.")
    assert ps["Nguyễn Thành Long"] == ("Phó Chủ tịch UBND tỉnh Bà Rịa- Vũng Tàu",)


def test_numbered_units_but_not_document_numbers():
    ps = people("Ông Võ Thành Khối, nguyên Giám đốc Học viện Chính trị khu vực 2 dự.")
    assert ps["Võ Thành Khối"] == ("nguyên Giám đốc Học viện Chính trị khu vực 2",)
    ps = people("Bà Vũ Thị Luyên, Hiệu trưởng Trường THCS Suối Bau số 05/KL-UBND dự.")
    assert ps["Vũ Thị Luyên"] == ("Hiệu trưởng Trường THCS Suối Bau số",)


def test_remit_words_of_committees_and_councils():
    ps = people("Đồng chí Hồ Tiến Thiệu, Chủ tịch Ủy ban bầu cử tỉnh, Chủ tịch Hội đồng thẩm định tỉnh dự.")
    assert ps["Hồ Tiến Thiệu"] == ("Chủ tịch Ủy ban bầu cử tỉnh", "Chủ tịch Hội đồng thẩm định tỉnh")


def test_name_after_an_address_form_before_any_verb():
    assert "Nguyễn Hoài Thu" in people(
        "Chủ đầu tư chỉ định thầu cho ông Nguyễn Hoài Thu thi công công trình."
    )
    assert "Phạm Thị Hòa" in people("Đ/c Phạm Thị Hòa thông qua báo cáo sơ kết.")
    # a long run may have the next sentence's first word glued on
    assert people("Ông Nguyễn Thiện Nhân Cụ thể là vậy.") == {}


def test_namesake_of_a_unit_is_not_a_person():
    ps = people(
        "Đồng chí Trần Công Lượng, Giảng viên Trường Đại học Phạm Văn Đồng, báo cáo viên Đảng ủy Khối các "
        "cơ quan tỉnh dự. Bầu ông Nguyễn Lê Mạnh Sơn giữ chức vụ Chủ tịch Hội CCB phường Nguyễn Trung Trực."
    )
    assert ps["Trần Công Lượng"] == (
        "Giảng viên Trường Đại học Phạm Văn Đồng",
        "báo cáo viên Đảng ủy Khối các cơ quan tỉnh",
    )
    assert set(ps) == {"Trần Công Lượng", "Nguyễn Lê Mạnh Sơn"}
    # "Khoa học" and "Môi trường" end no unit's name
    ps = people("Thứ trưởng Bộ Tài nguyên và Môi trường Nguyễn Linh Ngọc nhấn mạnh điều đó.")
    assert ps == {"Nguyễn Linh Ngọc": ("Thứ trưởng Bộ Tài nguyên và Môi trường",)}


def test_post_before_a_plural_cue_list_is_every_name_s():
    ps = people("Chủ trì có các đồng chí Phó Giám đốc Sở Lưu Tấn Lại, Trương Hồng Giang.")
    assert ps == {"Lưu Tấn Lại": ("Phó Giám đốc Sở",), "Trương Hồng Giang": ("Phó Giám đốc Sở",)}
    # a singular cue names one holder only
    ps = people("Dự có đồng chí Phó Giám đốc Sở Lưu Tấn Lại, Trương Hồng Giang.")
    assert ps["Trương Hồng Giang"] == ()
