"""Indicator classes read on the session-3 held-out pages (tuned on in session 4): each grammar
entry with a short example written after the real sentence, and a negative where one is near."""

from tests.fact_probes import indicators

PARTY = "party_members_admitted"
YOUTH = "youth_members_admitted"


def test_threshold_per_year_is_a_target_not_an_actual():
    body = "Đảng bộ xã phấn đấu mỗi năm phát triển từ 10 đảng viên trở lên/năm."
    assert indicators(body) == [(PARTY, None, 10.0, None)]


def test_english_targeted_to_is_a_target():
    body = "The provincial Party Committee targeted to admit 152 new members."
    assert indicators(body) == [(PARTY, None, 152.0, None)]


def test_raised_total_counted_in_comrades():
    body = "Đến nay nâng tổng số đảng viên của Đảng bộ lên gần 2.500 đồng chí."
    assert indicators(body) == [("party_members_total", 2500.0, None, None)]


def test_youth_admitted_named_by_who_was_admitted():
    assert indicators("Đoàn phường đã kết nạp cho 53 thanh niên ưu tú.") == [(YOUTH, 53.0, None, None)]


def test_badges_handed_to_young_people_are_no_admission():
    assert indicators("Đoàn phường đã trao huy hiệu cho 53 thanh niên ưu tú.") == []


def test_english_among_whom_part_with_comma_thousands():
    body = "In 2023, the province admitted 12,823 members, among whom 6,466 are women."
    assert indicators(body) == [(PARTY, 12823.0, None, None), (PARTY, 6466.0, None, None)]
