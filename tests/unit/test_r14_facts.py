"""Fact classes read in session 14 (issue 13), each from tuned sets' misses (blind12, opened for
tuning this session): admission into the Party named by "kết nạp Đảng cho"; a membership "nay
có"; names after kin address forms ("em", "anh", "chị"); names set in capitals after an address
form; abbreviated chairs ("CT HĐND xã"); "Cấp ủy" as a seat; "chuyên trách" and "nguồn nhân lực"
inside a post; a post's head ("Đoàn Thư ký") is no name."""

from tasks.facts import extract_facts


def facts(body):
    return [(i.metric, i.actual) for i in extract_facts(body).indicators]


def posts(body):
    return {p.name: p.titles for p in extract_facts(body).people}


def test_admitted_into_the_party_whoever_they_were():
    assert facts(
        "Các Chi bộ long trọng tổ chức Lễ kết nạp Đảng cho 4 Thanh niên ưu tú là học sinh lớp 12."
    ) == [("party_members_admitted", 4.0)]
    # into the Youth Union stays so
    assert facts("Chi đoàn tổ chức kết nạp đoàn viên cho 11 thanh niên.") == [
        ("youth_members_admitted", 11.0)
    ]


def test_a_membership_as_it_stands_now():
    got = facts(
        "70 năm qua, từ 6 đảng viên, đảng bộ các xã Phúc Sơn, Lam Cốt và Tân Trung ngày nay có gần 1.000 đảng viên."
    )
    assert ("party_members_total", 1000.0) in got
    # attendance is no total
    assert facts("Hiện nay có 15/16 đảng viên tham dự.") == []


def test_names_after_kin_address_forms():
    got = posts("Chi bộ 2 kết nạp cho em Trần Quang Huy lớp 12C12 và em Đỗ Thị Tường Vy lớp 12C11.")
    assert set(got) == {"Trần Quang Huy", "Đỗ Thị Tường Vy"}


def test_a_name_in_capitals_after_an_address_form():
    got = posts(
        "Phóng viên trao đổi với đồng chí PHAN VĂN PHỤNG, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ "
        "chức Tỉnh ủy Quảng Trị về những điểm mới."
    )
    assert got == {
        "Phan Văn Phụng": ("Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Tổ chức Tỉnh ủy Quảng Trị")
    }
    # a line in capitals is a headline, not a name
    assert posts("ĐỒNG CHÍ LÊ VĂN AN PHÁT BIỂU TẠI HỘI NGHỊ.") == {}


def test_abbreviated_chairs_and_the_committee_seat():
    got = posts("Dự có Đ/c Hoàng Đình Năm - PBT Đảng ủy, CT HĐND xã; Đ/c Trần Thị Huyền - Cấp ủy chi bộ.")
    assert got == {"Hoàng Đình Năm": ("PBT Đảng ủy", "CT HĐND xã"), "Trần Thị Huyền": ("Cấp ủy chi bộ",)}


def test_lower_case_words_inside_a_post():
    got = posts(
        "Dự có đồng chí Nông Thị Bích Huệ, Phó Bí thư Thường trực chuyên trách Đảng ủy UBND tỉnh; đồng chí "
        "Mai Văn Thiên – Phó trưởng Ban Quản lý nguồn nhân lực."
    )
    assert got["Nông Thị Bích Huệ"] == ("Phó Bí thư Thường trực chuyên trách Đảng ủy UBND tỉnh",)
    assert got["Mai Văn Thiên"] == ("Phó trưởng Ban Quản lý nguồn nhân lực",)


def test_a_posts_head_after_a_semicolon_is_no_name():
    got = posts(
        "Đại hội bầu Đoàn Chủ tịch gồm 9 đồng chí; Đoàn Thư ký gồm 2 đồng chí; Ban Thẩm tra gồm 5 đồng chí."
    )
    assert got == {}


def test_a_central_highlands_place_keeps_its_apostrophe():
    got = posts("Đồng chí Y Long Mlô Duôn Du - Bí thư Đảng bộ xã Ea H'đing cho biết: xã có 14 chi bộ.")
    assert got == {"Y Long Mlô Duôn Du": ("Bí thư Đảng bộ xã Ea H'đing",)}


def test_a_capital_cue_after_a_slash_and_a_dotted_cue():
    assert set(posts("ĐH bầu BCH gồm 7 đồng chí (Đ/C), Đ/C Nguyễn Tiềm được bầu làm Bí thư.")) == {
        "Nguyễn Tiềm"
    }
    assert set(posts("Phân công đồng chí Trần Thanh Tâm, đ.c Tạ Thị Hường giúp đỡ đảng viên dự bị.")) == {
        "Trần Thanh Tâm",
        "Tạ Thị Hường",
    }


def test_a_listed_name_with_the_next_sentences_preposition_glued_on():
    got = posts(
        "Trao quyết định cho ba đồng chí Trương Thị Thủy Tiên, Nguyễn Thị Thanh Thủy Trong không khí trang nghiêm."
    )
    assert set(got) == {"Trương Thị Thủy Tiên", "Nguyễn Thị Thanh Thủy"}


def test_a_known_person_with_a_cut_cue_glued_before():
    got = posts(
        "Đ/c Phan Minh Tuấn - Ủy viên BTV Thành ủy về dự.\n"
        "Đồng Phan Minh Tuấn - UV BTV Thành ủy trao huy hiệu Đảng tới các Đảng viên."
    )
    assert set(got) == {"Phan Minh Tuấn"}


def test_a_physicians_title_before_the_name():
    got = posts("Bác sỹ Đặng Minh Hoàng được chỉ định giữ chức Bí thư Đảng bộ Trung tâm y tế thành phố.")
    assert got["Đặng Minh Hoàng"][0] == "Bác sỹ"


def test_the_cheap_test_for_capital_names_never_misses_one():
    from tasks.facts.page import _CAPITAL_NAME, _CUE_THEN_CAPS

    for text in (
        "trao đổi với đồng chí PHAN VĂN PHỤNG, Ủy viên",
        "Ông NGUYỄN VĂN BÌNH phát biểu",
        "Bà LÊ THỊ HOA dự",
        "Nhà báo HÀ ĐĂNG",
        "Đ/c TRẦN VĂN AN",
        "anh hùng Ông Ích Khiêm",  # no name in capitals: both say so
    ):
        assert (_CAPITAL_NAME.search(text) is None) or (_CUE_THEN_CAPS.search(text) is not None), text


def test_badges_by_party_age_with_the_count_in_brackets():
    got = facts(
        "Đảng uỷ phường trao tặng Huy hiệu Đảng cho 37 đồng chí, gồm: 30 năm tuổi Đảng (13 đồng chí), "
        "40 năm tuổi Đảng (10 đồng chí), 70 năm tuổi Đảng (01 đồng chí)."
    )
    assert got == [("party_badges_awarded", n) for n in (37.0, 13.0, 10.0, 1.0)]


def test_totals_raised_with_co_and_after_voi_tong():
    assert ("party_members_total", 29.0) in facts(
        "Chi bộ kết nạp 2 đảng viên, nâng tổng số đảng viên của chi bộ có 29 đồng chí."
    )
    assert ("party_members_total", 306.0) in facts("Đảng bộ có 14 chi bộ trực thuộc với tổng 306 đảng viên.")


def test_a_rarer_surname():
    assert "Điệp Hùng Thắng" in posts(
        "Đồng chí Điệp Hùng Thắng – Phó Bí thư, Chủ tịch UBND phường trao Huy hiệu."
    )


def test_english_a_preposition_before_a_name_and_a_commune_are_no_people():
    body = (
        "From professional work serving the Party and the people of the province.\n\n"
        "To Trinh Van Bich, former Secretary of the Party Committee of Kim Giang commune, the Party newspaper "
        "has been a friend for more than 30 years. Mr. To Van Dang said the Party members of the Party cell "
        "read it. The Party Committee of the Party thanked him."
    )
    assert set(posts(body)) == {"Trinh Van Bich", "To Van Dang"}


def test_a_wards_organ_after_a_post_is_no_person():
    got = posts("Có đồng chí Nguyễn Ngọc Song Phụng – Phó Bí thư Đoàn Phường, Chủ tịch HĐĐ phường.")
    assert got == {"Nguyễn Ngọc Song Phụng": ("Phó Bí thư Đoàn Phường", "Chủ tịch HĐĐ phường")}
    assert "Nguyễn Văn Phường" in posts("Tham dự có đồng chí Nguyễn Văn Phường, Bí thư Chi bộ.")


def test_a_glued_dash_before_a_post_read_after_names_splits_the_posts():
    got = posts(
        "Lễ kết nạp có đồng chí Quàng Văn Đôi – Phó bí thư Đảng ủy xã Nà Nhạn- Phụ trách chi bộ trường Mầm non."
    )
    assert got["Quàng Văn Đôi"] == ("Phó bí thư Đảng ủy xã Nà Nhạn", "Phụ trách chi bộ trường Mầm non")


def test_two_capitalised_terms_of_one_organ_joined_by_a_spaced_dash():
    got = posts("- Đồng chí Nguyễn Thanh Nghị, Trưởng ban Chính sách – Chiến lược Trung ương")
    assert got["Nguyễn Thanh Nghị"] == ("Trưởng ban Chính sách – Chiến lược Trung ương",)
    # a post after the dash is the next post, even one the lexicon does not know
    got = posts("Ông Trần Văn Hiền - Ủy viên ban thường vụ Đảng ủy - Phó CTHDND đánh giá cao.")
    assert got["Trần Văn Hiền"][0] == "Ủy viên ban thường vụ Đảng ủy"


def test_a_lower_case_post_right_after_elected_as():
    got = posts(
        "Ông Lê Công Mười - Chỉ huy trưởng Quân sự được bầu làm ủy viên UBND xã, nhiệm kỳ 2021 – 2026."
    )
    assert got["Lê Công Mười"] == ("Chỉ huy trưởng Quân sự", "ủy viên UBND xã")
    # "làm" after any other verb stays a verb
    assert posts("Ông Lê Công Mười - Chỉ huy trưởng Quân sự đã làm việc với xã.")["Lê Công Mười"] == (
        "Chỉ huy trưởng Quân sự",
    )


def test_the_young_pioneers_council_in_lower_case_inside_a_post():
    got = posts("Đến dự có Đ/c Phan Minh Tiến – Bí thư Đoàn phường, chủ tịch hội đồng đội phường Bình Chuẩn.")
    assert got["Phan Minh Tiến"] == ("Bí thư Đoàn phường", "chủ tịch hội đồng đội phường Bình Chuẩn")


def test_a_short_form_of_a_person_found_already_is_that_person():
    got = posts(
        "Chi bộ kết nạp Đảng viên cho hai quần chúng ưu tú Uông Thị Lâm Anh và Hồ Thị Ninh. Tại buổi lễ, hai "
        "đồng chí Lâm Anh và Hồ Ninh đã tuyên thệ."
    )
    assert set(got) == {"Uông Thị Lâm Anh", "Hồ Thị Ninh"}


def test_the_supreme_courts_and_procuracys_tối_cao_inside_a_post():
    got = posts("Đồng chí Lê Minh Trí - Ủy viên Trung ương Đảng, Viện trưởng VKSND tối cao trao cờ.")
    assert got["Lê Minh Trí"] == ("Ủy viên Trung ương Đảng", "Viện trưởng VKSND tối cao")
    # "tối nay" after a post is the evening
    assert posts("Đồng chí Lê Văn Cao, Bí thư Huyện ủy tối nay họp.")["Lê Văn Cao"] == ("Bí thư Huyện ủy",)
