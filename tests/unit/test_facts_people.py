from tasks.facts import extract_facts


def people(body, author=None):
    f = extract_facts(body, published_at=None, event_date=None, author=author)
    return {p.name: p for p in f.people}


def test_name_then_titles_chair():
    ps = people(
        "Đồng chí Đào Trọng Đức, Ủy viên Ban Thường vụ Thành ủy, Trưởng Ban Tổ chức Thành ủy chủ trì Hội nghị."
    )
    p = ps["Đào Trọng Đức"]
    assert p.titles == ("Ủy viên Ban Thường vụ Thành ủy", "Trưởng Ban Tổ chức Thành ủy")
    assert p.role == "chair"


def test_title_before_name_speaker():
    ps = people(
        "Phát biểu chỉ đạo tại Hội nghị, Bí thư Quận ủy Ngô Thành Tuấn nhấn mạnh năm 2021 là năm đầu tiên."
    )
    assert ps["Ngô Thành Tuấn"].titles == ("Bí thư Quận ủy",)
    assert ps["Ngô Thành Tuấn"].role == "speaker"


def test_list_of_attendees():
    ps = people(
        "Cùng làm việc có các đồng chí: Vũ Quyết Tiến, Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Sở Nội vụ; "
        "Vũ Văn Diện, Bí thư Thành ủy Hạ Long."
    )
    assert ps["Vũ Quyết Tiến"].titles == ("Ủy viên Ban Thường vụ Tỉnh ủy", "Giám đốc Sở Nội vụ")
    assert ps["Vũ Văn Diện"].titles == ("Bí thư Thành ủy Hạ Long",)
    assert ps["Vũ Quyết Tiến"].role == ps["Vũ Văn Diện"].role == "attendee"


def test_title_reference_merges_and_sets_role():
    body = (
        "Chiều 14/7, đồng chí Ngô Hoàng Ngân, Phó Bí thư Thường trực Tỉnh ủy đã có buổi làm việc với Thành ủy.\n"
        "Đồng chí Phó Bí thư Thường trực Tỉnh ủy đề nghị Ban Tổ chức Tỉnh ủy sớm có hướng dẫn."
    )
    f = extract_facts(body, published_at=None, event_date=None, author=None)
    assert [p.name for p in f.people] == ["Ngô Hoàng Ngân"]
    assert f.people[0].role == "speaker"


def test_union_of_titles_deduplicated_by_tone_placement():
    body = (
        "Đồng chí Nguyễn Văn Va, Uỷ viên Ban Thường vụ Tỉnh ủy phát biểu.\n"
        "Đồng chí Nguyễn Văn Va, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy dự."
    )
    p = people(body)["Nguyễn Văn Va"]
    assert p.titles == ("Uỷ viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Tổ chức Tỉnh ủy")
    assert p.role == "speaker"


def test_byline_author_is_not_a_person():
    body = "Đồng chí Hoàng Tùng, Phó Bí thư Đảng ủy phát biểu."
    assert "Hoàng Tùng" in people(body)
    assert people(body, author="Hoàng Tùng") == {}


def test_offsets_point_at_first_mention():
    body = "Hội nghị.\nĐồng chí Đỗ Mạnh Hiến, Phó Bí thư Thường trực Thành ủy chủ trì. Đồng chí Đỗ Mạnh Hiến kết luận."
    f = extract_facts(body, published_at=None, event_date=None, author=None)
    p = f.people[0]
    assert body[p.start : p.end] == "Đỗ Mạnh Hiến"
    assert p.start == body.index("Đỗ Mạnh Hiến")


def test_places_and_plain_capitals_are_not_people():
    body = (
        "Đảng bộ thành phố Hồ Chí Minh học tập tư tưởng Hồ Chí Minh. Chủ tịch UBND tỉnh Lâm Đồng dự. "
        "Đoàn Đại biểu Quốc hội tỉnh làm việc."
    )
    assert people(body) == {}


def test_former_post_kept_as_written():
    p = people("Ông Nguyễn Văn Vịnh, cựu Bí thư Tỉnh ủy Lào Cai, bị khai trừ Đảng.")["Nguyễn Văn Vịnh"]
    assert p.titles == ("cựu Bí thư Tỉnh ủy Lào Cai",)
    assert p.role == "mentioned"


def test_titles_before_name_with_acronyms():
    ps = people(
        "Ủy viên Trung ương Đảng, Phó Bí thư Thành ủy, Chủ tịch UBND TP HCM Nguyễn Văn Được đến dự và trao Huy hiệu Đảng."
    )
    p = ps["Nguyễn Văn Được"]
    assert p.titles == ("Ủy viên Trung ương Đảng", "Phó Bí thư Thành ủy", "Chủ tịch UBND TP HCM")
    assert p.role == "attendee"


def test_intro_phrase_makes_only_the_introduced_person_a_speaker():
    body = (
        "Bà Nguyễn Thị Dũng nhận Huy hiệu.\n"
        "Thay mặt Ban Thường vụ Thành ủy, Chủ tịch UBND TP HCM Nguyễn Văn Được bày tỏ lòng biết ơn của bà Nguyễn Thị Dũng."
    )
    ps = people(body)
    assert ps["Nguyễn Văn Được"].role == "speaker"
    assert ps["Nguyễn Thị Dũng"].role == "mentioned"


def test_title_stops_at_verbs():
    ps = people("Ông Hồ Quang Bửu, Chủ tịch UBND huyện Nam Trà My cho biết sẽ kiểm tra.")
    assert ps["Hồ Quang Bửu"].titles == ("Chủ tịch UBND huyện Nam Trà My",)
    assert ps["Hồ Quang Bửu"].role == "speaker"
