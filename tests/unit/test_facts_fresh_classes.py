"""Classes of facts read on held-out portals (round 3): each signal with a positive and a negative
real short example."""

from tasks.facts.wraps import unwrap
from tests.fact_probes import facts, people
from tests.fact_probes import indicators as named_indicators


def indicators(body):
    return named_indicators(body, with_other=True)


# --- document issuer ends before "và <document kind> <number>"


def test_issuer_ends_before_and_a_second_document():
    refs = facts(
        "Thực hiện Hướng dẫn số 01-HD/TW ngày 20/9/2012 của Ban Bí thư và Hướng dẫn số 01-HD/TW "
        "ngày 28/9/2016 của Ban Bí thư về công tác."
    ).document_refs
    assert [r.issuer for r in refs] == ["Ban Bí thư", "Ban Bí thư"]


def test_issuer_keeps_an_organ_joined_by_and():
    refs = facts("Theo Kế hoạch số 12-KH/UBND của Sở Kế hoạch và Đầu tư tỉnh.").document_refs
    assert refs[0].issuer == "Sở Kế hoạch và Đầu tư tỉnh"


def test_issuer_before_and_directive_without_so():
    refs = facts(
        "Quán triệt Chỉ thị 35 của Bộ Chính trị và Chỉ thị số 35-CT/TW của Bộ Chính trị."
    ).document_refs
    assert all(r.issuer == "Bộ Chính trị" for r in refs)


# --- hard line wraps


WRAPPED = (
    "Ngày 2-7, Thành ủy công bố quyết\nđịnh thành lập các chi bộ cơ sở. Phó bí thư thường\n"
    "trực Thành ủy Võ Đăng Khoa và trưởng Ban Tổ chức Thành ủy Trần Hữu\nHiền trao quyết định cho các\n"
    "chi bộ. Tổng số đảng viên các chi bộ là 31 đảng viên."
)


def test_wrapped_page_reads_names_across_breaks():
    ps = people(WRAPPED)
    assert ps["Trần Hữu Hiền"] == ("trưởng Ban Tổ chức Thành ủy",)
    assert ps["Võ Đăng Khoa"] == ("Phó bí thư thường trực Thành ủy",)


def test_unwrap_keeps_length_and_paragraph_breaks():
    assert len(unwrap(WRAPPED)) == len(WRAPPED) and "\n" not in unwrap(WRAPPED)
    plain = "Dòng một.\nDòng hai.\nDòng ba.\nDòng bốn"
    assert unwrap(plain) is plain


# --- posts


def test_thuong_vu_and_chuyen_vien_heads():
    ps = people(
        "Dự có đồng chí Nguyễn Văn Trân - Thường vụ Huyện ủy, Trưởng ban Dân vận Huyện ủy. Đồng chí Thân "
        "Thị Nhung - Chuyên viên Phòng 10 Viện KSND tỉnh đã được kết nạp."
    )
    assert ps["Nguyễn Văn Trân"] == ("Thường vụ Huyện ủy", "Trưởng ban Dân vận Huyện ủy")
    assert ps["Thân Thị Nhung"] == ("Chuyên viên Phòng 10 Viện KSND tỉnh",)


def test_title_stops_before_dung_vao_dip():
    ps = people(
        "Lễ trao Huy hiệu tặng đồng chí Nguyễn Phú Trọng, Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng "
        "sản Việt Nam đúng vào dịp kỷ niệm 93 năm Ngày thành lập Đảng."
    )
    assert ps["Nguyễn Phú Trọng"] == ("Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam",)


def test_led_by_makes_the_post():
    ps = people("Chi bộ gồm 5 đảng viên, do đ/c Võ Văn Tiền - Chủ tịch LĐLĐ huyện làm Bí thư.")
    assert ps["Võ Văn Tiền"] == ("Chủ tịch LĐLĐ huyện", "Bí thư")
    ps = people("Đồng chí Võ Văn Tiền - Chủ tịch LĐLĐ huyện làm việc với chi bộ.")
    assert ps["Võ Văn Tiền"] == ("Chủ tịch LĐLĐ huyện",)


def test_career_list_posts():
    ps = people(
        "Ông Dương Văn Trang đã đảm nhiệm nhiều vị trí công tác như Ủy viên Ủy ban Quốc phòng và An ninh "
        "của Quốc hội khóa XII; Thường vụ Tỉnh ủy, Đại tá, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Gia Lai."
    )
    assert ps["Dương Văn Trang"] == (
        "Ủy viên Ủy ban Quốc phòng và An ninh của Quốc hội khóa XII",
        "Thường vụ Tỉnh ủy",
        "Đại tá",
        "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Gia Lai",
    )


# --- names listed after a colon


def test_names_listed_after_a_colon_with_a_person_noun():
    ps = people(
        "Các học sinh được kết nạp lần này, gồm: Ngô Thị Nguyên, Vũ Văn Duy, Phạm Thị Ngọc Hân và Nguyễn Thị Hồng."
    )
    assert set(ps) == {"Ngô Thị Nguyên", "Vũ Văn Duy", "Phạm Thị Ngọc Hân", "Nguyễn Thị Hồng"}


def test_places_listed_after_a_colon_are_not_people():
    assert people("Đoàn đã đến thăm các xã: Nguyễn Huệ, Lê Lợi và Trần Phú.") == {}


def test_rare_surname_bo():
    assert "Bồ Xuân Húc" in people("Có 01 đồng chí nhận Huy hiệu 70 năm tuổi Đảng là đồng chí Bồ Xuân Húc.")


# --- English editions


def test_english_glued_address_forms_and_lists():
    ps = people(
        "On July 22nd, the Department held the ceremony to admit Ms.Hoang Thi Linh , Ms. Nguyen Thi Phuong, "
        "Ms. Le Thi Hoai,Ms. Cao Phuong Thao to the Party. The ceremony was held for four comrades: Chu Hoa "
        "Bao Tram (History - Library Department), Nguyen Phuong Dung, Quan Thien Hung (Office). The end."
    )
    assert {
        "Hoang Thi Linh",
        "Cao Phuong Thao",
        "Chu Hoa Bao Tram",
        "Nguyen Phuong Dung",
        "Quan Thien Hung",
    } <= set(ps)


def test_english_non_vietnamese_word_is_not_a_name():
    ps = people(
        "The students offered incense at the President Ho Chi Minh Memorial room. The ceremony of the "
        "school was held by the Party cell of the school."
    )
    assert "Ho Chi Minh Memorial" not in ps


# --- indicators


def test_admitted_written_as_who_they_were():
    assert indicators(
        "Đảng bộ trường đã tổ chức “Lễ kết nạp Đảng” cho 19 em học sinh – quần chúng ưu tú."
    ) == [("party_members_admitted", 19.0, None, None)]
    assert indicators(
        "On May 19th, 2023, the Party Committee of the school held an admission ceremony for four comrades."
    ) == [("party_members_admitted", 4.0, None, None)]


def test_pupils_are_not_members_without_admission():
    assert indicators("Năm học này, trường có 120 học sinh đạt giải, chi bộ có 20 đảng viên.") == [
        ("party_members_total", 20.0, None, None)
    ]


def test_members_total_by_gom_and_named_total():
    assert indicators("Chi bộ gồm 5 đảng viên chính thức, thuộc 02 cơ quan.") == [
        ("party_members_total", 5.0, None, None)
    ]
    assert indicators("Tổng số đảng viên các chi bộ sau khi thành lập mới là 31 đảng viên.") == [
        ("party_members_total", 31.0, None, None)
    ]


def test_per_unit_loose_percents_of_a_planned_total():
    got = indicators(
        "Toàn Đảng bộ kết nạp được 80 đảng viên, đạt 34,8% kế hoạch. Trong đó, Đảng bộ xã A kết nạp 10 đảng "
        "viên, đạt 83%; Đảng bộ xã B kết nạp 11 đảng viên, đạt 110%."
    )
    assert got == [
        ("party_members_admitted", 80.0, None, 34.8),
        ("party_members_admitted", 10.0, None, 83.0),
        ("party_members_admitted", 11.0, None, 110.0),
    ]


def test_lone_loose_percent_stays_unconfirmed():
    assert indicators("Đảng bộ xã kết nạp 12 đảng viên, đạt 90%.") == [
        ("party_members_admitted", 12.0, None, None)
    ]


def test_career_list_goes_on_in_a_nameless_next_line():
    ps = people(
        "Ông Dương Văn Trang đã đảm nhiệm nhiều vị trí công tác như Thường vụ Tỉnh ủy, Đại tá.\n"
        "Phó Bí thư Tỉnh ủy Gia Lai phụ trách xây dựng tổ chức cơ sở Đảng; Ủy viên Trung ương Đảng khóa XII.\n"
        "Bí thư Tỉnh ủy Lê Văn Hà phát biểu."
    )
    assert ps["Dương Văn Trang"] == (
        "Thường vụ Tỉnh ủy",
        "Đại tá",
        "Phó Bí thư Tỉnh ủy Gia Lai",
        "Ủy viên Trung ương Đảng khóa XII",
    )
    assert ps["Lê Văn Hà"] == ("Bí thư Tỉnh ủy",)
