"""Session 7 (r7-facts): English badge forms, sanctions counted in people, youth admission phrases, total and copula cues, false totals and dates, ... Example sentences are made up, not any page's text."""

from tasks.facts import extract_facts


def rows(body):
    f = extract_facts(body, author=None, published_at=None, event_date=None)
    return [(i.metric, i.actual, i.target, i.percent) for i in f.indicators if i.metric != "other"]


def badges(*counts):
    return [("party_badges_awarded", float(c), None, None) for c in counts]


def test_english_badge_noun_names_the_act():
    body = (
        "The district Party Committee decided to present Party badges to 1,204 Party members. "
        "50-year-old party badges go to 12 party members; 40-year-old party badges to 31 party members."
    )
    assert rows(body) == badges(1204, 12, 31)


def test_english_badge_right_after_its_receivers():
    body = "The commune held a ceremony to hand 48 Party members Party badges on the occasion of the day."
    assert rows(body) == badges(48)
    body = "This year the ward had 19 Party members awarded badges for their long Party membership."
    assert rows(body) == badges(19)


def test_english_seniority_list_with_bare_counts():
    body = (
        "Among them, 14 Party members with the Party seniority of 70 years, 9 with the Party seniority "
        "of 65 years and 2,310 with the Party seniority of 30 years will receive the Party badges."
    )
    assert rows(body) == badges(14, 9, 2310)


def test_english_parts_of_a_badge_total():
    body = (
        "The bloc will award 40 Party members Party badges in which one Party member has the Party "
        "seniority of 60 years and 39 with the Party seniority of 30 years."
    )
    f = extract_facts(body, author=None, published_at=None, event_date=None)
    got = [(i.actual, i.part_of) for i in f.indicators if i.metric == "party_badges_awarded"]
    assert got == [(40, None), (1, 0), (39, 0)]


def test_a_bare_count_before_a_seniority_phrase_needs_a_members_count():
    body = "Last year there were 12 with the Party seniority of 30 years in the commune."
    assert rows(body) == []


def test_sanction_counts_people():
    body = "Ủy ban Kiểm tra Huyện ủy đã khiển trách 4 người và cảnh cáo 3 người thuộc Chi bộ Trạm Y tế."
    assert rows(body) == [
        ("party_members_disciplined", 4.0, None, None),
        ("party_members_disciplined", 3.0, None, None),
    ]


def test_people_count_nothing_but_sanctions():
    body = "Chi bộ thôn Đông có 35 đảng viên; lễ kết nạp đảng viên có 120 người tham dự, với 40 người ở thôn."
    assert rows(body) == [("party_members_total", 35.0, None, None)]


def test_youth_admission_phrase_names_its_counts():
    body = (
        "Đoàn xã tổ chức lễ kết nạp đoàn viên cho 9 thanh niên và 27 đội viên ưu tú của trường THCS. "
        "36 thanh niên, đội viên ưu tú được vinh dự đứng trong hàng ngũ của Đoàn."
    )
    assert rows(body) == [
        ("youth_members_admitted", 9.0, None, None),
        ("youth_members_admitted", 27.0, None, None),
        ("youth_members_admitted", 36.0, None, None),
    ]


def test_young_pioneers_alone_are_no_party_admission():
    body = "Chi bộ kết nạp đảng viên cho 3 quần chúng ưu tú; Liên đội kết nạp 40 đội viên mới."
    assert rows(body) == [("party_members_admitted", 3.0, None, None)]


def test_unit_formed_with_its_members_is_a_total():
    body = "Năm 2019, Chi bộ Trạm bơm số 3 được thành lập gồm 17 đảng viên, Chi ủy có 03 đồng chí."
    assert rows(body) == [("party_members_total", 17.0, None, None)]


def test_a_verb_phrase_then_a_copula_gives_its_figure():
    body = "Nghị quyết xác định chỉ tiêu kết nạp đảng viên mới trong cả nhiệm kỳ là 12 đồng chí."
    assert rows(body) == [("party_members_admitted", None, 12.0, None)]
    body = "Lễ kết nạp đảng viên mới diễn ra tại hội trường, với sự tham dự của 12 đồng chí."
    assert rows(body) == []


def test_a_date_bracket_is_no_ratio():
    body = "Lễ kết nạp đảng viên mới diễn ra vào sáng nay (14/3) tại hội trường UBND xã."
    assert rows(body) == []
    body = "Chi bộ tổ chức lễ kết nạp đảng viên mới (3/2) cho quần chúng ưu tú."
    assert rows(body) == [("party_members_admitted", 3.0, 2.0, None)]


def test_whom_a_photograph_is_with_is_no_total():
    body = "Đại biểu chụp ảnh lưu niệm với 3 đảng viên lão thành của chi bộ."
    assert rows(body) == []


def test_veteran_members_are_no_total():
    body = "Đợt này, Đảng bộ xã có 3 đảng viên lão thành là các đồng chí A, B và C."
    assert rows(body) == []
