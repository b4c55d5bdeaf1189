"""English editions' indicator statements read in session 13 (issue 13): members totals after
"currently has" / "with" / "consisting of", a total raised "to the number of", a plan percent
"reaching 140.8% of the given target" (a dot decimal before a percent sign)."""

from tasks.facts import extract_facts


def facts(body):
    return [(i.metric, i.actual, i.target, i.percent) for i in extract_facts(body).indicators]


def test_members_total_after_has_and_with():
    assert facts("The Party Committee of Quang Ninh currently has nearly 19,000 party members.") == [
        ("party_members_total", 19000.0, None, None)
    ]
    assert facts(
        "The Party Committee of the company currently has 39 branches with more than 720 members."
    ) == [("party_members_total", 720.0, None, None)]
    assert facts("His organization now has 32 Cells, consisting of 397 members.") == [
        ("party_members_total", 397.0, None, None)
    ]


def test_with_after_a_meeting_word_is_no_total():
    assert facts("The Secretary met with 20 Party members of the cell.") == []


def test_total_raised_to_a_number():
    assert facts(
        "In the whole province, this increased the Party members to the number of 48.125 in all."
    ) == [("party_members_total", 48125.0, None, None)]
    assert facts(
        "It admitted 120 new Party members, bringing the total number of Party members to 5,000."
    ) == [
        ("party_members_admitted", 120.0, None, None),
        ("party_members_total", 5000.0, None, None),
    ]


def test_plan_percent_with_a_dot_decimal():
    assert facts(
        "The province has established 69 new Party cells in firms, reaching 140.8% of the given target."
    ) == [("party_orgs_established", 69.0, None, 140.8)]
    # a dot before three digits still groups thousands
    assert facts("Kết nạp 1.071 đảng viên, đạt 107% kế hoạch.") == [
        ("party_members_admitted", 1071.0, None, 107.0)
    ]


def test_achieved_compared_with_the_plans_count():
    body = "Toàn Đảng bộ đã kết nạp được 10.027 so với chỉ tiêu kế hoạch (9.744 đảng viên), đạt 102,9%, tăng 12,9%."
    assert facts(body) == [("party_members_admitted", 10027.0, 9744.0, 102.9)]


def test_people_admitted_in_a_passive_and_english_expulsions():
    body = "Đoàn đã giới thiệu 150 đoàn viên ưu tú cho Đảng xem xét, kết nạp, trong đó có 50 người được kết nạp Đảng."
    assert facts(body) == [("party_members_admitted", 50.0, None, None)]
    assert facts("The Secretariat decided to expel all the seven individuals from the Party.") == [
        ("party_members_disciplined", 7.0, None, None)
    ]
    # "người" is still no Party member elsewhere
    assert facts("Năm qua có 300 người tham gia hiến máu tình nguyện.") == []
