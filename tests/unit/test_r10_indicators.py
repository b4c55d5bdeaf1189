"""Indicator classes of session 10: badges by party age counted in people or with the badge named
before the age, a ratio without its noun confirmed by its percent, discipline with a quoted sanction
or a bracket of places, per-unit targets after a target stated alone."""

from __future__ import annotations

from test_facts_indicator_grammar import facts, rows

from tasks.facts.text import sentence_spans

BADGE = "party_badges_awarded"
ADMIT = "party_members_admitted"
DISC = "party_members_disciplined"


# ------------------------------------------------------------ badges


def test_badge_receivers_counted_as_people():
    body = (
        "Dịp này, toàn huyện có 60 đảng viên được tặng Huy hiệu Đảng. Trong đó, có 25 người được trao "
        "tặng Huy hiệu 30 năm tuổi Đảng và 3 người được trao tặng Huy hiệu 60 năm tuổi Đảng."
    )
    assert [(m, a) for m, a, _, _ in rows(body)] == [(BADGE, 60), (BADGE, 25), (BADGE, 3)]
    # people are no badge fact without the badge
    assert rows("Hội nghị có 25 người tham dự, trong đó 10 đảng viên.") == []


def test_badge_named_before_the_age():
    body = "Có 3 đảng viên huy hiệu 50 năm tuổi đảng và 2 đảng viên huy hiệu 40 năm tuổi đảng."
    assert [a for _, a, _, _ in rows(body)] == [3, 2]
    body = (
        "Tại buổi lễ, có 7 đảng viên được nhận huy hiệu đảng. Trong đó, có 2 đảng viên được nhận huy hiệu "
        "55 năm tuổi đảng, 2 đảng viên huy hiệu 50 năm tuổi đảng, 3 đảng viên huy hiệu 45 năm tuổi đảng."
    )
    assert [a for _, a, _, _ in rows(body)] == [7, 2, 2, 3]


# ------------------------------------------------------------ a ratio without its noun


def test_ratio_without_noun_confirmed_by_its_percent():
    body = (
        "Nhiều đơn vị vượt kế hoạch như: Đảng bộ xã Tân An kết nạp được 9/6 đạt 150%, "
        "Đảng bộ xã Bình Minh kết nạp được 4/4 đạt 100%."
    )
    assert rows(body) == [(ADMIT, 9, 6, 150), (ADMIT, 4, 4, 100)]
    # without a percent that is its ratio, no fact
    assert rows("Đảng bộ xã Tân An kết nạp được 9/6 đạt 80%.") == []
    assert rows("Đảng bộ xã Tân An kết nạp được 9/6 trong dịp 3/2.") == []


# ------------------------------------------------------------ discipline


def test_quoted_sanction_after_the_passive_marker():
    body = "Năm qua, huyện có 12 đảng viên bị “khiển trách” do vi phạm quy định."
    assert rows(body) == [(DISC, 12, None, None)]


def test_passive_across_a_bracket_of_places():
    body = "Năm nay có 6 đảng viên (3 tại xã Tân An, 3 tại xã Bình Minh) bị kỷ luật."
    assert (DISC, 6, None, None) in rows(body)


def test_violators_of_discipline_are_no_members_total():
    body = "Đảng bộ huyện có 9 đảng viên vi phạm kỷ luật nội dung này."
    assert rows(body) == [(DISC, 9, None, None)]


# ------------------------------------------------------------ per-unit targets


def test_abbreviated_place_kind_does_not_end_a_sentence():
    text = "Cụ thể: TP. Sóc Trăng kết nạp 50 đảng viên. TX. Vĩnh Châu là 30."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Cụ thể: TP. Sóc Trăng kết nạp 50 đảng viên.",
        "TX. Vĩnh Châu là 30.",
    ]


def test_targets_per_unit_after_a_target_stated_alone():
    body = (
        "Phấn đấu đến năm 2030, toàn tỉnh kết nạp ít nhất 5.000 đảng viên mới và giao chỉ tiêu cho "
        "từng đơn vị. Cụ thể: TP. Sóc Trăng kết nạp thêm 600 đảng viên; Đảng bộ Khối cơ quan tỉnh: "
        "900 đảng viên; TX. Vĩnh Châu là 450 đảng viên."
    )
    assert rows(body) == [(ADMIT, None, t, None) for t in (5000, 600, 900, 450)]
    total, *parts = facts(body)
    assert all(p.part_of == 0 for p in parts)


def test_a_breakdown_after_an_actual_stays_actual():
    body = (
        "Năm 2024, toàn tỉnh kết nạp 1.500 đảng viên mới. Cụ thể: TP. Sóc Trăng kết nạp 600 đảng viên; "
        "Đảng bộ Khối cơ quan tỉnh: 900 đảng viên."
    )
    assert rows(body) == [(ADMIT, 1500, None, None), (ADMIT, 600, None, None), (ADMIT, 900, None, None)]


# ------------------------------------------------------------ a raised total


def test_developing_the_total_raises_it():
    body = (
        "Chi bộ tổ chức lễ kết nạp đảng viên cho 03 quần chúng ưu tú, phát triển tổng số đảng viên "
        "của chi bộ lên 31 đồng chí."
    )
    assert rows(body) == [(ADMIT, 3, None, None), ("party_members_total", 31, None, None)]
    # an admission counted as a total is still an admission
    assert rows("Các chi bộ đã kết nạp được tổng số 40 đảng viên, đạt 105% kế hoạch.") == [
        (ADMIT, 40, None, 105)
    ]


# ------------------------------------------------------------ bracketed list items


def test_list_of_units_with_bracketed_counts():
    body = (
        "Các đơn vị kết nạp được nhiều đảng viên là: Trường Cao đẳng Y tế (14 đảng viên), Công ty "
        "Cấp thoát nước tỉnh (9 đảng viên), Sở Tài chính kết nạp được 6 đảng viên, Bệnh viện Đa khoa "
        "tỉnh (5 đảng viên)."
    )
    assert [a for _, a, _, _ in rows(body)] == [14, 9, 6, 5]


# ------------------------------------------------------------ a long unit name before its members


def test_members_total_after_a_long_unit_name():
    body = (
        "Theo đó, chi bộ Công ty TNHH Điện tử Quang Minh Việt Nam gồm có 7 đảng viên trực thuộc Đảng bộ Khối."
    )
    assert rows(body) == [("party_members_total", 7, None, None)]


# ------------------------------------------------------------ trade-union units in a list


def test_union_units_listed_after_the_verb():
    body = (
        "Năm qua, thành lập 12 CĐCS doanh nghiệp với 540 đoàn viên; 4 CĐCS trong các cơ quan hành "
        "chính; 2 CĐCS trường học."
    )
    assert [(m, a) for m, a, _, _ in rows(body)] == [("union_orgs_established", a) for a in (12, 4, 2)]


# ---- members totals read on blind8 (session 10, after its first score)


def test_a_named_total_is_its_figure_whatever_word_counts_the_members():
    body = "Sau khi kết nạp đồng chí Đỗ Thị Linh, tổng số đảng viên trong chi bộ là 18 đồng chí, đây là hạt nhân."
    assert [(m, a) for m, a, _, _ in rows(body)] == [("party_members_total", 18)]
    # "đồng chí" alone after a verb of having is still no total: it counts people of any kind
    assert rows("Chi bộ có 18 đồng chí.") == []


def test_a_unit_name_with_an_inner_dot_or_a_numbered_ward_before_its_members():
    for body in (
        "Theo đó, Đảng bộ Trung tâm Y tế T.X Phổ Yên bao gồm 66 đảng viên, được thành lập trên cơ sở sáp nhập.",
        "Hiện nay Chi bộ Khối kinh tế ngoài quốc doanh Quận 1 đã có 66 đảng viên đang công tác tại 15 công ty.",
    ):
        assert [(m, a) for m, a, _, _ in rows(body)] == [("party_members_total", 66)], body
