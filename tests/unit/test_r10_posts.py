"""Session 10 classes of post-title misses (made-up sentences of each class)."""

from tasks.facts import extract_facts


def people(body, author=None):
    return {p.name: p.titles for p in extract_facts(body, author=author).people}


def test_seat_glued_to_its_organ_initials_is_a_post():
    ps = people("Tới dự có đồng chí Trần Văn Hòa - UVBTVHU - Trưởng công an huyện, cùng lãnh đạo xã.")
    assert ps["Trần Văn Hòa"] == ("UVBTVHU", "Trưởng công an huyện")


def test_deputy_secretary_initials_after_a_glued_dash():
    ps = people("Đ/c Lê Văn Sơn- PBTĐU trao giấy khen cho các cá nhân tiêu biểu.")
    assert ps["Lê Văn Sơn"] == ("PBTĐU",)


def test_cell_secretary_and_principal_initials_in_a_chain():
    ps = people("Đồng chí Phạm Thị Mai - BTCB, HT nhà trường trao quyết định kết nạp Đảng.")
    assert ps["Phạm Thị Mai"] == ("BTCB", "HT nhà trường")


def test_committee_member_initials_with_organ():
    ps = people("Đồng chí Võ Minh Tâm – UVBCH Đảng ủy Công ty, Bí thư Chi bộ chủ trì hội nghị.")
    assert ps["Võ Minh Tâm"] == ("UVBCH Đảng ủy Công ty", "Bí thư Chi bộ")


def test_unit_written_in_lower_case_after_the_cell_stays_in_the_post():
    ps = people("Dự lễ có đồng chí Lê Thị Hoa - Bí thư chi bộ ấp Tân Phước.")
    assert ps["Lê Thị Hoa"] == ("Bí thư chi bộ ấp Tân Phước",)
    ps = people(
        "Đồng chí Trần Thị Lan - Bí thư Chi bộ khoa Kinh tế và Quản trị kinh doanh đã trao quyết định."
    )
    assert ps["Trần Thị Lan"] == ("Bí thư Chi bộ khoa Kinh tế và Quản trị kinh doanh",)


def test_lower_case_words_of_an_organ_name_stay_in_the_post():
    ps = people("Ông Hồ Văn Nam, Phó Chủ tịch Hiệp hội làng nghề Việt Nam phát biểu.")
    assert ps["Hồ Văn Nam"] == ("Phó Chủ tịch Hiệp hội làng nghề Việt Nam",)
    ps = people("Ông Đỗ Quốc Bảo, Bí thư Chi bộ Hội Doanh nhân trẻ tỉnh phát biểu.")
    assert ps["Đỗ Quốc Bảo"] == ("Bí thư Chi bộ Hội Doanh nhân trẻ tỉnh",)
    ps = people("Đồng chí Lê Văn Diệu, Bí thư lâm thời, đọc báo cáo.")
    assert ps["Lê Văn Diệu"] == ("Bí thư lâm thời",)


def test_doan_after_a_level_word_is_the_youth_union_organ_not_a_surname():
    ps = people("Đồng chí Lê Văn Minh - Bí thư Tỉnh Đoàn Thanh Hoá khóa XVIII tiếp tục được bầu.")
    assert ps == {"Lê Văn Minh": ("Bí thư Tỉnh Đoàn Thanh Hoá khóa XVIII",)}
    ps = people("Bí thư Tỉnh ủy Đoàn Văn Hải phát biểu.")
    assert ps == {"Đoàn Văn Hải": ("Bí thư Tỉnh ủy",)}


def test_capitalised_steering_board_after_the_head_runs_on_over_its_remit():
    ps = people("Ông Lê Văn Tám - Phó Chủ tịch UBND tỉnh, Trưởng ban Chỉ đạo thi THPT bị kỷ luật.")
    assert ps["Lê Văn Tám"] == ("Phó Chủ tịch UBND tỉnh", "Trưởng ban Chỉ đạo thi THPT")


def test_exam_board_is_one_post_and_thi_hanh_ends_one():
    ps = people("Ông Hồ Quang Huy - Giám đốc Sở, Trưởng Ban chấm thi THPT bị kỷ luật.")
    assert ps["Hồ Quang Huy"] == ("Giám đốc Sở", "Trưởng Ban chấm thi THPT")
    ps = people("Ông Trần Văn Cẩm, Chủ nhiệm Ủy ban Kiểm tra Trung ương thi hành kỷ luật.")
    assert ps["Trần Văn Cẩm"] == ("Chủ nhiệm Ủy ban Kiểm tra Trung ương",)


def test_organ_name_holding_a_comma_is_read_whole():
    ps = people("- Hà Văn Khải, Bí thư Đảng ủy, Giám đốc Sở Văn hóa, Thể thao và Du lịch;")
    assert ps["Hà Văn Khải"] == ("Bí thư Đảng ủy", "Giám đốc Sở Văn hóa, Thể thao và Du lịch")
    ps = people("Ông Vũ Duy Tân (Giám đốc Sở VH,TT&DL TP Hải Phòng) bị khiển trách.")
    assert ps["Vũ Duy Tân"] == ("Giám đốc Sở VH,TT&DL TP Hải Phòng",)
    ps = people("Ông Lê Văn Hải, Giám đốc Sở Văn hóa, ông Trần Văn Bình, Giám đốc Sở Y tế.")
    assert ps["Lê Văn Hải"] == ("Giám đốc Sở Văn hóa",)


def test_re_election_after_a_term_ends_the_post():
    ps = people("Đồng chí Đỗ Văn Lâm, Bí thư Tỉnh ủy Hà Giang khóa XIX tái đắc cử.")
    assert ps["Đỗ Văn Lâm"] == ("Bí thư Tỉnh ủy Hà Giang khóa XIX",)


def test_post_after_a_dash_ending_a_list_of_bare_names_is_every_listed_name_s():
    ps = people(
        "Chi bộ kết nạp 3 quần chúng ưu tú gồm: Lê Văn Hùng, Đỗ Thu Hà, Trần Thị Mai - sinh viên Khoa "
        "Kinh tế và Quản trị kinh doanh."
    )
    want = ("sinh viên Khoa Kinh tế và Quản trị kinh doanh",)
    assert ps == {"Lê Văn Hùng": want, "Đỗ Thu Hà": want, "Trần Thị Mai": want}


def test_a_listed_name_with_its_own_post_keeps_only_its_own():
    ps = people(
        "Dự có đồng chí Lê Văn An, Bí thư Huyện ủy, đồng chí Trần Văn Bình - Phó Chủ tịch UBND huyện."
    )
    assert ps == {"Lê Văn An": ("Bí thư Huyện ủy",), "Trần Văn Bình": ("Phó Chủ tịch UBND huyện",)}


def test_marx_leninism_after_a_spaced_dash_continues_the_faculty():
    ps = people("Bà Ngô Thị Lan, giảng viên Khoa Mác - Lênin tham dự.")
    assert ps["Ngô Thị Lan"] == ("giảng viên Khoa Mác - Lênin",)
