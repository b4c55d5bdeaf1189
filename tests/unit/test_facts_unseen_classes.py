"""Indicator classes read on held-out pages (session 3): each grammar entry with a positive and a
negative short example, written after the real sentences."""

from tasks.facts import extract_facts
from tests.fact_probes import indicators

YOUTH = "youth_members_admitted"
PARTY = "party_members_admitted"
BADGE = "party_badges_awarded"


# --- admission into the Youth Union named by where the admitted go ("được kết nạp vào Đoàn")


def test_young_pioneers_admitted_into_the_union():
    body = "32 em đội viên trường PTDTNT THCS Tây Giang được kết nạp vào Đoàn nhân kỷ niệm ngày sinh của Bác."
    assert indicators(body) == [(YOUTH, 32.0, None, None)]


def test_young_pioneers_admitted_into_the_pioneers_are_no_fact():
    assert indicators("Liên đội đã kết nạp 45 đội viên mới trong năm học.") == []


def test_pupils_admitted_into_the_union_are_youth_members():
    assert indicators("Trường đã kết nạp vào Đoàn 20 em học sinh lớp 10.") == [(YOUTH, 20.0, None, None)]


# --- "đoàn viên mới kết nạp": the newly admitted counted before their verb, no marker


def test_new_members_counted_before_the_verb():
    body = "Trong tổng số hơn 290 đoàn viên mới kết nạp trong 6 tháng đầu năm 2023 có nhiều em là đội viên."
    assert [(m, a) for m, a, _, _ in indicators(body)] == [(YOUTH, 290.0)]


def test_members_who_develop_the_economy_are_no_admission():
    assert indicators("Có 3 đảng viên mới phát triển kinh tế giỏi.") == []
    assert indicators("Có 12 đảng viên phát triển kinh tế giỏi.") == []


# --- coordinated verbs sharing one object


def test_ceremony_with_two_verbs_names_the_admitted():
    body = "Đoàn xã đã tổ chức Lễ kết nạp, trao huy hiệu Đoàn và sổ đoàn viên cho 43 đoàn viên mới."
    assert indicators(body) == [(YOUTH, 43.0, None, None)]


def test_uncoordinated_earlier_verb_does_not_reach_the_count():
    body = "Chi đoàn kết nạp thanh niên ưu tú vào dịp lễ; trao huy hiệu cho 43 đoàn viên."
    assert indicators(body) == []


# --- ranges are plans or estimates


def test_a_range_of_counts_is_no_figure():
    body = "Đảng bộ đặt mục tiêu mỗi Chi bộ kết nạp được từ 1 - 2 đảng viên, toàn Đảng bộ kết nạp từ 15 - 20 đảng viên."
    assert indicators(body) == []


def test_a_count_after_from_with_a_unit_is_a_count():
    body = "Năm 2024, Đảng bộ huyện phấn đấu kết nạp từ 230 đảng viên mới trở lên."
    assert indicators(body) == [(PARTY, None, 230.0, None)]


def test_from_a_year_is_still_no_count():
    assert indicators("Từ 2020 đến nay, kết nạp 12 đảng viên.") == [(PARTY, 12.0, None, None)]


# --- a part cue breaks down the count right before it


def test_parts_of_a_count_that_is_no_fact_are_no_facts():
    body = (
        "Nhiệm kỳ qua Chi Hội kết nạp 15 hội viên, đến nay Chi Hội có 214 hội viên, trong đó có 12 hội viên "
        "là đảng viên, 7 hội viên nữ."
    )
    assert indicators(body) == [(YOUTH, 15.0, None, None)]


def test_parts_right_after_a_fact_are_still_parts():
    body = "Chi Hội kết nạp 15 hội viên, trong đó có 12 hội viên nữ, 3 hội viên nam."
    assert [a for _, a, _, _ in indicators(body)] == [15.0, 12.0, 3.0]


# --- badge items with the party age before the count


def test_badge_age_before_the_count():
    body = (
        "Lễ trao tặng Huy hiệu cho 11 đồng chí, trong đó: Huy hiệu 65 năm tuổi Đảng có 02 đồng chí; "
        "Huy hiệu 50 năm tuổi Đảng 01 đồng chí; 45 năm tuổi Đảng 02 đồng chí; 40 năm tuổi Đảng 06 đồng chí."
    )
    assert [(m, a) for m, a, _, _ in indicators(body)] == [
        (BADGE, 11.0),
        (BADGE, 2.0),
        (BADGE, 1.0),
        (BADGE, 2.0),
        (BADGE, 6.0),
    ]


def test_party_age_before_a_count_without_the_badge_is_no_fact():
    assert indicators("Chi bộ có 45 năm tuổi Đảng 02 đồng chí.") == []


# --- attendance is no members total


def test_members_attending_are_no_total():
    assert indicators("Về phía Chi bộ có 15/16 đảng viên tham dự.") == []


def test_members_of_a_cell_are_a_total():
    assert indicators("Chi bộ hiện có 16 đảng viên.") == [("party_members_total", 16.0, None, None)]


# --- "ĐV" for đảng viên; plan percents after "bằng"; a plan met is an actual


def test_abbreviated_party_members():
    body = "Đảng bộ huyện Thới Lai kết nạp 241 ĐV (đạt 160% kế hoạch)."
    assert indicators(body) == [(PARTY, 241.0, None, 160.0)]


def test_plan_met_each_year_is_an_actual():
    body = "Chi bộ duy trì hai năm nay (mỗi năm phát triển 5 đảng viên, đạt chỉ tiêu đề ra)."
    assert indicators(body) == [(PARTY, 5.0, None, None)]


def test_plan_each_year_is_a_target():
    assert indicators("Phấn đấu mỗi năm phát triển 5 đảng viên.") == [(PARTY, None, 5.0, None)]


def test_percent_after_a_described_part():
    body = (
        "Năm 2023, Đảng bộ huyện đã kết nạp được 237 đảng viên mới, bằng 103% kế hoạch; trong đó có 15 đảng "
        "viên kết nạp trong các đơn vị kinh tế tư nhân, doanh nghiệp, bằng 125% kế hoạch."
    )
    assert indicators(body) == [(PARTY, 237.0, None, 103.0), (PARTY, 15.0, None, 125.0)]


def test_loose_percents_of_a_list_are_plan_percents_when_one_is_over_100():
    body = (
        "Một số Đảng bộ đạt tỷ lệ kết nạp cao như: Đảng bộ xã Hưng Khánh kết nạp 10 đảng viên, đạt 83%; "
        "Đảng bộ xã Minh Quân kết nạp 11 đảng viên, đạt 110%."
    )
    assert indicators(body) == [(PARTY, 10.0, None, 83.0), (PARTY, 11.0, None, 110.0)]


def test_announced_establishment_decision_is_a_fact():
    body = "Ban chấp hành Đảng bộ xã đã công bố Quyết định thành lập mới 05 Chi bộ trực thuộc."
    assert indicators(body) == [("party_orgs_established", 5.0, None, None)]


# --- English "Decision No 4896-QĐ/TU" (no period after "No")


def test_english_reference_with_no_without_a_period():
    refs = extract_facts(
        "The Subcommittee was established by Decision No 4896-QĐ/TU on August 2, 2024 by the Provincial Party Committee.",
        published_at=None,
        event_date=None,
        author=None,
    ).document_refs
    assert [(r.kind, r.number, r.symbol) for r in refs] == [("quyet_dinh", "4896", "4896-QĐ/TU")]


def test_english_no_before_a_non_number_is_no_reference():
    refs = extract_facts(
        "The Resolution was adopted and the Decision no longer applies to the 12 districts.",
        published_at=None,
        event_date=None,
        author=None,
    ).document_refs
    assert refs == []


# --- the destination names the metric; trade-union members and organisations


def test_youth_members_admitted_into_the_party_are_party_admissions():
    body = "Qua đó đã có 3.208 đoàn viên ưu tú được kết nạp vào Đảng."
    assert indicators(body) == [(PARTY, 3208.0, None, None)]


def test_youth_members_admitted_are_youth_admissions():
    assert indicators("Huyện đoàn kết nạp 120 đoàn viên mới.") == [(YOUTH, 120.0, None, None)]


def test_trade_union_members_are_no_youth_members():
    assert indicators("Công đoàn kết nạp 200 đoàn viên công đoàn mới.") == []


def test_grassroots_unions_abbreviated():
    body = "Công đoàn Khu Kinh tế đã thành lập mới được 6 CĐCS, đạt 150% chỉ tiêu."
    assert indicators(body) == [("union_orgs_established", 6.0, None, 150.0)]


def test_youth_union_branches_established():
    assert indicators("Đã thành lập 3 chi đoàn, 1 liên chi đoàn.") == [
        ("youth_orgs_established", 3.0, None, None),
        ("youth_orgs_established", 1.0, None, None),
    ]


def test_candidates_put_forward_are_no_admission():
    body = (
        "Công đoàn các cấp đã giới thiệu được 13.233 đoàn viên Công đoàn ưu tú cho Đảng xem xét kết nạp, "
        "qua đó đã có 3.208 đoàn viên ưu tú được kết nạp vào Đảng."
    )
    assert indicators(body) == [(PARTY, 3208.0, None, None)]
    assert indicators("Trường đã bồi dưỡng, xem xét kết nạp 5 học sinh.") == []


def test_youth_members_standing_in_the_party_ranks_are_party_admissions():
    body = "Trong đó đã có gần 1.500 đoàn viên được đứng trong hàng ngũ của Đảng."
    assert indicators(body) == [(PARTY, 1500.0, None, None)]


# --- a raised total whose noun is written before the count


def test_raised_total_named_before_the_count():
    body = "Đảng bộ kết nạp 50 đảng viên, nâng tổng số đảng viên của Đảng bộ lên 1.234."
    assert indicators(body) == [(PARTY, 50.0, None, None), ("party_members_total", 1234.0, None, None)]


def test_english_raised_total_in_millions():
    body = "The Party admitted over 143,000 new members in 2019, raising the total membership to around 5.2 million."
    assert indicators(body)[-1] == ("party_members_total", 5200000.0, None, None)


def test_raised_count_of_something_else_is_no_total():
    assert indicators("Xã đã nâng số hộ nghèo thoát nghèo lên 120.") == []


# --- transfers counted before their verb


def test_members_transferred_counted_before_the_verb():
    body = "Có 12 đảng viên chuyển sinh hoạt đảng đến Đảng bộ khác."
    assert indicators(body) == [("party_members_transferred", 12.0, None, None)]


# --- sanctions as the breakdown of members disciplined, no noun after the count

DISC = "party_members_disciplined"


def test_sanction_counts_break_down_members_disciplined():
    body = "Thi hành kỷ luật 20 đảng viên bằng các hình thức: khiển trách 15, cảnh cáo 3, cách chức 1."
    assert [a for m, a, _, _ in indicators(body) if m == DISC] == [20.0, 15.0, 3.0, 1.0]


def test_sanction_counts_of_organisations_are_no_member_facts():
    body = (
        "Ủy ban kiểm tra thi hành kỷ luật 80 tổ chức Đảng (khiển trách 57, cảnh cáo 23) và 2.869 đảng viên "
        "(khiển trách 1.168, cảnh cáo 551, cách chức 18, khai trừ 1.132)."
    )
    assert [a for m, a, _, _ in indicators(body)] == [2869.0, 1168.0, 551.0, 18.0, 1132.0]


def test_sanction_of_a_collective_is_no_member_fact():
    assert indicators("Kỷ luật 5 đảng viên; khiển trách 1 tập thể.") == [(DISC, 5.0, None, None)]


def test_percent_compared_with_another_period_is_no_plan_percent():
    body = "Thi hành kỷ luật 1.616 đảng viên, bằng 171,7% so với nửa nhiệm kỳ trước."
    assert indicators(body) == [(DISC, 1616.0, None, None)]
