"""One test per class of people/post misses (tests/dev/portals/MISSES.md, issue 13)."""

from tasks.facts import extract_facts


def people(body, author=None):
    return {p.name: p.titles for p in extract_facts(body, author=author).people}


def test_minority_surnames():
    ps = people("Các đồng chí: Chẩu Văn Lâm, Bí thư Tỉnh ủy; Lộc Duy Quang, Bí thư Chi bộ dự.")
    assert ps == {"Chẩu Văn Lâm": ("Bí thư Tỉnh ủy",), "Lộc Duy Quang": ("Bí thư Chi bộ",)}


def test_new_member_after_quan_chung_uu_tu():
    assert "Trịnh Thị Hoài" in people("Lễ kết nạp Đảng viên cho quần chúng ưu tú: Trịnh Thị Hoài vào Đảng.")
    assert "Hồ Viết Thư" in people("Lễ kết nạp đảng viên cho đoàn viên ưu tú Hồ Viết Thư.")


def test_cue_with_modifier_is_kept_as_post():
    assert people("Nhà báo lão thành Hà Đăng ở tuổi 96 chia sẻ.") == {"Hà Đăng": ("Nhà báo lão thành",)}


def test_coordinated_names_after_one_cue():
    ps = people("Trao quyết định cho 2 đồng chí Hoàng Văn Nguyên và Lộc Duy Quang.")
    assert set(ps) == {"Hoàng Văn Nguyên", "Lộc Duy Quang"}


def test_shared_post_before_a_colon_list():
    ps = people(
        "Cùng dự có các đồng chí là Uỷ viên Ban Thường vụ Tỉnh uỷ: Vũ Duy Hoàng, Trưởng Ban Tuyên giáo "
        "Tỉnh uỷ; Hoàng Văn Hùng, Chủ nhiệm Uỷ ban Kiểm tra Tỉnh uỷ."
    )
    assert ps["Vũ Duy Hoàng"] == ("Uỷ viên Ban Thường vụ Tỉnh uỷ", "Trưởng Ban Tuyên giáo Tỉnh uỷ")
    assert ps["Hoàng Văn Hùng"] == ("Uỷ viên Ban Thường vụ Tỉnh uỷ", "Chủ nhiệm Uỷ ban Kiểm tra Tỉnh uỷ")


def test_shared_post_stops_at_semicolon_when_names_have_no_post():
    ps = people(
        "Dự có các đồng chí nguyên Tổng Bí thư: Đỗ Mười, Lê Khả Phiêu; Đại tướng Lê Đức Anh, nguyên Chủ tịch nước."
    )
    assert ps["Đỗ Mười"] == ps["Lê Khả Phiêu"] == ("nguyên Tổng Bí thư",)
    assert ps["Lê Đức Anh"] == ("Đại tướng", "nguyên Chủ tịch nước")


def test_dash_apposition_with_abbreviated_posts():
    assert people("Đồng chí Trần Văn Khuê – TUV, Bí thư Quận ủy dự.") == {
        "Trần Văn Khuê": ("TUV", "Bí thư Quận ủy")
    }
    assert people("Đ/c Nguyễn Sỹ Trung-PBT Đảng ủy trình bày.") == {"Nguyễn Sỹ Trung": ("PBT Đảng ủy",)}
    assert people("Đồng chí Lê Văn Tư - PCT UBND huyện dự.") == {"Lê Văn Tư": ("PCT UBND huyện",)}


def test_term_inside_a_post_is_kept():
    ps = people("Đồng chí Nguyễn Xuân Ký, Bí thư Tỉnh ủy khoá XIV, Chủ tịch HĐND tỉnh trình bày báo cáo.")
    assert ps["Nguyễn Xuân Ký"] == ("Bí thư Tỉnh ủy khoá XIV", "Chủ tịch HĐND tỉnh")


def test_lower_case_post_after_the_name():
    ps = people("Đồng chí Hoàng Hữu An – Tỉnh ủy viên, bí thư huyện ủy yêu cầu.")
    assert ps["Hoàng Hữu An"] == ("Tỉnh ủy viên", "bí thư huyện ủy")


def test_steering_committee_keeps_its_remit():
    ps = people(
        "Đồng chí Nguyễn Thị Nghĩa, Trưởng Ban chỉ đạo của Thành ủy về thực hiện NQ 28 chủ trì hội nghị."
    )
    assert ps["Nguyễn Thị Nghĩa"] == ("Trưởng Ban chỉ đạo của Thành ủy về thực hiện NQ 28",)


def test_verb_syllable_not_swallowed_and_va_inside_an_organ():
    ps = people(
        "Đồng chí Nguyễn Thị Kim Ngân, Chủ tịch Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt Nam phấn khởi."
    )
    assert ps["Nguyễn Thị Kim Ngân"] == ("Chủ tịch Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt Nam",)
    ps = people("Đồng chí Phạm Xuân Đài, Phó Giám đốc Sở Kế hoạch và Đầu tư tham gia.")
    assert ps["Phạm Xuân Đài"] == ("Phó Giám đốc Sở Kế hoạch và Đầu tư",)


def test_appointed_post_and_unit_place_not_a_person():
    ps = people(
        "Chỉ định đồng chí Nguyễn Thị Thuỷ, Phó Trưởng Ban Tuyên giáo Tỉnh uỷ giữ chức Phó Bí thư Thường trực "
        "Huyện uỷ Đồng Hỷ."
    )
    assert ps == {
        "Nguyễn Thị Thuỷ": ("Phó Trưởng Ban Tuyên giáo Tỉnh uỷ", "Phó Bí thư Thường trực Huyện uỷ Đồng Hỷ")
    }


def test_appointed_post_drops_the_term():
    ps = people(
        "Bầu đồng chí Sử Thanh Hoài giữ chức vụ Bí thư Huyện ủy Lạc Dương khóa XI, nhiệm kỳ 2020 - 2025."
    )
    assert ps == {"Sử Thanh Hoài": ("Bí thư Huyện ủy Lạc Dương",)}


def test_post_before_address_form():
    assert people("Đại biểu HĐND tỉnh ông Trần Sinh Toàn phát biểu.") == {
        "Trần Sinh Toàn": ("Đại biểu HĐND tỉnh",)
    }


def test_one_person_once_with_all_posts_and_author_left_out():
    body = (
        "Đồng chí Ngô Văn Ba, Bí thư Huyện ủy phát biểu. Đồng chí Ngô Văn Ba, Chủ tịch HĐND huyện kết luận.\n"
        "Đồng chí Lê Minh Hà, Phó Bí thư Đảng ủy dự."
    )
    ps = people(body, author="Lê Minh Hà")
    assert ps == {"Ngô Văn Ba": ("Bí thư Huyện ủy", "Chủ tịch HĐND huyện")}


def test_english_edition_names_and_posts():
    body = (
        "Attending the conference, Mr. Le Hong Anh - Politburo member, Standing member of the Secretariat "
        "emphasized that the offices of the Party need the measures. Party General Secretary Nguyen Phu Trong "
        "asked the Central Committee to focus."
    )
    ps = people(body)
    assert ps["Le Hong Anh"] == ("Politburo member", "Standing member of the Secretariat")
    assert ps["Nguyen Phu Trong"] == ("Party General Secretary",)


# ---- unseen-page classes (issue 13 item 3)


def test_english_edition_names_with_diacritics_and_post_chains():
    body = (
        "The meeting was chaired by Trần Quốc Cường, Member of the Party Central Committee and Secretary of "
        "the Provincial Party Committee, who is also Head of the Subcommittee. Mùa A Sơn, Permanent Deputy "
        "Secretary of the Provincial Party Committee, and also a deputy head of the Subcommittee attended the "
        "meeting of the board."
    )
    ps = people(body)
    assert ps["Trần Quốc Cường"] == (
        "Member of the Party Central Committee",
        "Secretary of the Provincial Party Committee",
        "Head of the Subcommittee",
    )
    assert ps["Mùa A Sơn"] == (
        "Permanent Deputy Secretary of the Provincial Party Committee",
        "deputy head of the Subcommittee",
    )


def test_english_posts_before_a_name_and_former_posts_after_it():
    body = (
        "Secretary of the Party Central Committee, and head of the commission Trần Cẩm Tú presided over the "
        "session. The commission found the Party Central Committee member, and Secretary of the Bến Tre "
        "Provincial Party Committee Lê Đức Thọ committed violations. Phạm Gia Luật, former Provincial Party "
        "Committee member, and former Director of the Department of Labour, Invalids and Social Affairs "
        "displayed a degradation in the ideology."
    )
    ps = people(body)
    assert ps["Trần Cẩm Tú"] == ("Secretary of the Party Central Committee", "head of the commission")
    assert ps["Lê Đức Thọ"] == (
        "Party Central Committee member",
        "Secretary of the Bến Tre Provincial Party Committee",
    )
    assert ps["Phạm Gia Luật"] == (
        "former Provincial Party Committee member",
        "former Director of the Department of Labour, Invalids and Social Affairs",
    )


def test_post_after_a_name_with_no_comma():
    ps = people(
        "Về dự có đồng chí Phùng Văn Thái Bí thư Đảng ủy, tổng giám đốc công ty, đồng chí Trần Văn Sơ Phó bí "
        "thư Đảng ủy."
    )
    assert ps == {
        "Phùng Văn Thái": ("Bí thư Đảng ủy", "tổng giám đốc công ty"),
        "Trần Văn Sơ": ("Phó bí thư Đảng ủy",),
    }


def test_a_run_of_capitals_is_not_cut_at_a_post_without_an_address_form():
    assert "Nguyễn Văn Bí" not in people("Trường Nguyễn Văn Bí thư viện mở cửa.")


def test_re_elected_post_is_the_persons():
    ps = people(
        "Đại hội bầu Bí thư Chi bộ, đồng chí Cao Thị Thanh Hà tái đắc cử Bí thư Chi bộ nhiệm kỳ 2022 – 2025."
    )
    assert ps == {"Cao Thị Thanh Hà": ("Bí thư Chi bộ",)}


def test_post_term_is_left_out_and_the_chain_goes_on():
    ps = people("Đồng chí Trần Thị Phúc An - Bí thư chi bộ nhiệm kỳ 2020-2022, Chủ tịch đoàn đã đọc báo cáo.")
    assert ps == {"Trần Thị Phúc An": ("Bí thư chi bộ", "Chủ tịch đoàn")}


def test_cell_and_team_heads_and_dotted_abbreviations():
    ps = people(
        "Tham dự có Đ/c Nguyễn Thị Rỡ, ĐUV, CT.MTTQ Việt Nam; Đ/c Lê Quốc Hiệp - Chi ủy viên, Ủy viên Đoàn chủ "
        "tịch; ông Huỳnh Văn Xiêm, Chi hội trưởng; đảng viên Vũ Thị Thu- Tổ trưởng chuyên môn tổ 4 chính thức "
        "giúp đỡ."
    )
    assert ps["Nguyễn Thị Rỡ"] == ("ĐUV", "CT.MTTQ Việt Nam")
    assert ps["Lê Quốc Hiệp"] == ("Chi ủy viên", "Ủy viên Đoàn chủ tịch")
    assert ps["Huỳnh Văn Xiêm"] == ("Chi hội trưởng",)
    assert ps["Vũ Thị Thu"] == ("Tổ trưởng chuyên môn tổ 4",)


def test_two_syllable_place_after_a_unit_word_stays_in_the_post():
    ps = people(
        "Đồng chí Võ Văn Bột – Chi hội Trưởng Chi hội nông dân khu phố Đồng Sổ thông qua chương trình."
    )
    assert ps == {"Võ Văn Bột": ("Chi hội Trưởng Chi hội nông dân khu phố Đồng Sổ",)}
    assert people("Đồng chí Lê Văn Tám, Bí thư Đảng ủy phường Nguyễn Trung Trực phát biểu.") == {
        "Lê Văn Tám": ("Bí thư Đảng ủy phường Nguyễn Trung Trực",)
    }


def test_name_before_a_date_word_and_after_an_admission_noun():
    assert people("Bí thư quận ủy Liên Chiểu Nguyễn Hà Bắc ngày 20-5 cho biết.") == {
        "Nguyễn Hà Bắc": ("Bí thư quận ủy Liên Chiểu",)
    }
    assert "Hồ Văn Nhường" in people(
        "Lễ kết nạp đảng viên cho quần chúng ưu tú Hồ Văn Nhường thuộc Chi bộ thôn Lền."
    )
    assert "Phù Công Triều" in people("Dự lễ có: ông Phù Công Triều, Chủ tịch Hội Nông dân huyện.")


def test_militia_heads_and_lower_case_organ_words():
    ps = people(
        "Chỉ định đồng chí Nguyễn Thị Thanh Tâm, Chủ tịch HĐND xã, Chính trị viên Ban chỉ huy quân sự xã làm "
        "Bí thư chi bộ. Chỉ định đồng chí Ngô Văn Hưng, CHT Ban CHQS xã làm Phó Bí thư chi bộ."
    )
    assert ps["Nguyễn Thị Thanh Tâm"][:2] == ("Chủ tịch HĐND xã", "Chính trị viên Ban chỉ huy quân sự xã")
    assert ps["Ngô Văn Hưng"][0] == "CHT Ban CHQS xã"


def test_english_ordinal_term_inside_a_post():
    ps = people(
        "Bui Thi Minh Hoai, Politburo member and Secretary of the 17th-tenure Hanoi Party Committee, was "
        "re-elected with the highest number of votes in the session."
    )
    assert ps["Bui Thi Minh Hoai"] == (
        "Politburo member",
        "Secretary of the 17th-tenure Hanoi Party Committee",
    )


def test_english_post_before_the_next_name_is_that_names():
    ps = people(
        "The event was attended by Chairman of the provincial People’s Committee Nguyễn Văn Hùng and Vice "
        "Chairwoman of the provincial People's Committee Tran Thi Mai. The plan was approved by the board."
    )
    assert ps == {
        "Nguyễn Văn Hùng": ("Chairman of the provincial People’s Committee",),
        "Tran Thi Mai": ("Vice Chairwoman of the provincial People's Committee",),
    }
