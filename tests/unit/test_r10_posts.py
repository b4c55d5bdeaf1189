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
