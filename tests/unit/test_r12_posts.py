"""Post classes read in session 13 (issue 13): a term in Arabic numerals inside a post, and the
verb after a term that is no part of the post."""

from tasks.facts import extract_facts


def posts(body):
    return {p.name: p.titles for p in extract_facts(body).people}


def test_term_in_arabic_numerals_stays_in_the_post():
    got = posts("Đồng chí Dương Văn Thái, Phó Bí thư Tỉnh ủy khóa 18, Chủ tịch UBND tỉnh phát biểu.")
    assert got["Dương Văn Thái"][:2] == ("Phó Bí thư Tỉnh ủy khóa 18", "Chủ tịch UBND tỉnh")


def test_a_year_range_is_no_term():
    got = posts("Đồng chí Lê Văn A, Bí thư Chi bộ khóa 2020-2025 phát biểu.")
    assert all("2020" not in t for t in got["Lê Văn A"])


def test_the_verb_after_a_term_is_not_in_the_post():
    got = posts(
        "Thay mặt Đoàn Chủ tịch, ông Lại Thế Nguyên, Phó Bí thư Tỉnh ủy khóa XIX báo kết quả phiên họp."
    )
    assert got["Lại Thế Nguyên"] == ("Phó Bí thư Tỉnh ủy khóa XIX",)


def test_the_organs_place_before_a_name_is_the_posts():
    # a district written between the organ and the name: the run of capitalised syllables is a
    # place, then a name, never one five-syllable name
    assert posts("Bí thư Huyện ủy Thạch Hà Nguyễn Văn An phát biểu.") == {
        "Nguyễn Văn An": ("Bí thư Huyện ủy Thạch Hà",)
    }
    got = posts("Ngày 18/5, Phó Bí thư Thường trực Huyện ủy Gia Lâm Nguyễn Tiến Việt dự lễ.")
    assert got == {"Nguyễn Tiến Việt": ("Phó Bí thư Thường trực Huyện ủy Gia Lâm",)}


def test_a_name_ending_like_a_place_stays_whole():
    # "Văn Lâm" is a district too: at the end of a name it is the name's
    assert posts("Đồng chí Nguyễn Văn Lâm, Bí thư Chi bộ phát biểu.") == {
        "Nguyễn Văn Lâm": ("Bí thư Chi bộ",)
    }


def test_new_members_listed_after_the_copula_with_asides():
    body = (
        "Tại Trường THPT Dương Xá, 3 quần chúng ưu tú vinh dự được đứng vào hàng ngũ của Đảng là Đỗ Trường Sơn "
        "(sinh ngày 04/3/2006), Lưu Yến Nhi (sinh ngày 13/2/2006) và Phùng Ngọc Bích (sinh ngày 12/01/2006)."
    )
    assert list(posts(body)) == ["Đỗ Trường Sơn", "Lưu Yến Nhi", "Phùng Ngọc Bích"]


def test_a_place_after_the_copula_is_no_person():
    assert posts("Đại biểu dự hội nghị là Lâm Đồng và Hà Tĩnh.") == {}


def test_titles_chained_by_a_spaced_dash_before_a_name():
    got = posts(
        "Dự có Phó bí thư Thường trực Huyện ủy Nguyễn Văn Nhạn; Phó bí thư - Chủ tịch UBND huyện Võ Văn Út."
    )
    assert got["Võ Văn Út"] == ("Phó bí thư", "Chủ tịch UBND huyện")
    # a dateline before a dash is no title
    assert posts("Hà Nội - Bí thư Thành ủy Đinh Tiến Dũng phát biểu.") == {
        "Đinh Tiến Dũng": ("Bí thư Thành ủy",)
    }


def test_an_organ_named_by_a_verb_keeps_the_verb():
    got = posts(
        "Dự có đồng chí Lê Minh Ánh - Ủy viên BTV, Chủ nhiệm Ủy ban kiểm tra Thành ủy Long Khánh. Dự có 47 đảng viên."
    )
    assert got["Lê Minh Ánh"] == ("Ủy viên BTV", "Chủ nhiệm Ủy ban kiểm tra Thành ủy Long Khánh")
    got = posts("Đồng chí Lý Hùng Em, Phó Bí thư Huyện ủy, Trưởng đoàn kiểm tra, giám sát số 01 phát biểu.")
    assert got["Lý Hùng Em"] == ("Phó Bí thư Huyện ủy", "Trưởng đoàn kiểm tra, giám sát số 01")
    # elsewhere the verb still ends the post
    assert posts("Đồng chí Nguyễn Văn A, Phó Chủ tịch UBND tỉnh kiểm tra công tác phòng dịch.") == {
        "Nguyễn Văn A": ("Phó Chủ tịch UBND tỉnh",)
    }


def test_an_award_after_and_is_no_half_of_an_organ():
    got = posts(
        "Tặng Huy hiệu 45 năm tuổi Đảng cho đảng viên Phạm Đình Thu - nguyên Phó Bí thư Thường trực Tỉnh ủy, "
        "Chủ tịch HĐND tỉnh và Huy hiệu 30 năm tuổi Đảng cho đảng viên Vũ Sơn Hà."
    )
    assert got["Phạm Đình Thu"] == ("nguyên Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh")


def test_a_centre_written_in_lower_case_after_its_cell():
    got = posts(
        "Trao quyết định cho đồng chí Đinh Mạnh Cường – Bí thư Chi bộ trung tâm y tế – Giám đốc Trung tâm."
    )
    assert got["Đinh Mạnh Cường"][0] == "Bí thư Chi bộ trung tâm y tế"


def test_an_aside_in_brackets_after_a_name_is_passed_over():
    got = posts(
        "Các đồng chí Trần Chí Viễn (đứng giữa) – Tỉnh ủy viên, Chủ tịch Hội đồng nhân dân tỉnh trao hoa."
    )
    assert got["Trần Chí Viễn"] == ("Tỉnh ủy viên", "Chủ tịch Hội đồng nhân dân tỉnh")


def test_a_dash_between_two_capitalised_halves_of_an_organ():
    got = posts("Đồng chí Bùi Trọng Nghĩa, Bí thư Đảng ủy cơ quan Đảng – Đoàn thể phát biểu.")
    assert got["Bùi Trọng Nghĩa"] == ("Bí thư Đảng ủy cơ quan Đảng – Đoàn thể",)
    # a post, a name or a credit after the dash is no half of the organ
    assert posts("Đồng chí Lê A, Bí thư Đảng ủy – Chủ tịch UBND xã phát biểu.")["Lê A"] == (
        "Bí thư Đảng ủy",
        "Chủ tịch UBND xã",
    )
    assert posts("Đồng chí Lê A, Giám đốc Sở Y tế – Nguyễn Văn B dự.")["Lê A"] == ("Giám đốc Sở Y tế",)
    assert posts("Đồng chí Lê A, Chủ tịch UBND tỉnh – Ảnh: Minh Hà")["Lê A"] == ("Chủ tịch UBND tỉnh",)


def test_a_post_written_once_before_the_list_of_its_holders():
    got = posts(
        "Ba Phó bí thư Tỉnh ủy gồm các ông: Lê Thành Đô, Chủ tịch UBND tỉnh; Mùa A Vảng, Chủ tịch Ủy ban "
        "Mặt trận Tổ quốc tỉnh; và Hà Quang Trung, Phó trưởng ban Tổ chức Tỉnh ủy."
    )
    assert got["Lê Thành Đô"] == ("Phó bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh")
    assert got["Hà Quang Trung"] == ("Phó bí thư Tỉnh ủy", "Phó trưởng ban Tổ chức Tỉnh ủy")
    # an organ is no post: its members get none from it
    assert posts("Ban Chấp hành gồm các đồng chí: Lê A, Nguyễn B.") == {"Lê A": (), "Nguyễn B": ()}


def test_an_acting_holders_mark_stays_in_the_post():
    got = posts(
        "Dự có Bí thư Trung ương Đảng, Quyền Bộ trưởng Bộ Ngoại giao Lê Hoài Trung và đại biểu các tỉnh."
    )
    assert got["Lê Hoài Trung"] == ("Bí thư Trung ương Đảng", "Quyền Bộ trưởng Bộ Ngoại giao")
    assert posts("Ông Lê A, quyền Giám đốc Sở Y tế phát biểu.") == {"Lê A": ("quyền Giám đốc Sở Y tế",)}


def test_the_office_named_right_after_an_appointment_verb():
    got = posts("Đồng chí Lê Văn Lương được tín nhiệm bầu lại chức vụ bí thư Tỉnh Đoàn Nghệ An tại Hội nghị.")
    assert got == {"Lê Văn Lương": ("bí thư Tỉnh Đoàn Nghệ An",)}


def test_a_unit_numbered_after_its_place():
    got = posts(
        "Đại hội đón tiếp cô Nguyễn Thị Mậu – Bí thư Chi bộ Định Thọ 2, ông Phạm Văn Trí – đại diện Hội phụ huynh."
    )
    assert got["Nguyễn Thị Mậu"] == ("Bí thư Chi bộ Định Thọ 2",)
    assert posts("Ông Lê A, Bí thư Chi bộ Khu phố 3 phát biểu.") == {"Lê A": ("Bí thư Chi bộ Khu phố 3",)}
    # a count after the place is no unit number
    assert posts("Ông Lê A, Bí thư Đảng ủy xã Tân An 20 năm qua đã phấn đấu.") == {
        "Lê A": ("Bí thư Đảng ủy xã Tân An",)
    }
