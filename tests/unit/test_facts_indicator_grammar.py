"""The indicator grammar (lexicons/metrics.yaml, folding.py, settle.py), one class of statement a test."""

from datetime import date, datetime

import pytest

from tasks.facts import extract_facts


def facts(body, **kw):
    kw.setdefault("published_at", None)
    kw.setdefault("event_date", None)
    out = extract_facts(body, author=None, **kw).indicators
    for i in out:
        assert body[i.start : i.end] == i.evidence
    return [i for i in out if i.metric != "other"]


def rows(body, **kw):
    return [(i.metric, i.actual, i.target, i.percent) for i in facts(body, **kw)]


def figures(body, **kw):
    return [(i.metric, i.actual) for i in facts(body, **kw)]


D = "party_members_disciplined"
A = "party_members_admitted"
B = "party_badges_awarded"
T = "party_members_total"
ORGS = "party_orgs_established"


# ------------------------------------------------------------ verb classes and count nouns


def test_discipline_by_sanction_verb_then_count():
    assert figures(
        "Về hình thức, khiển trách 12 đồng chí; cảnh cáo 3 đồng chí; cách chức 1 đồng chí và khai trừ 2 đồng chí."
    ) == [(D, 12), (D, 3), (D, 1), (D, 2)]


def test_discipline_by_sanction_count_then_verb():
    assert figures(
        "Các cấp đã xử lý kỷ luật 15 đảng viên (9 khiển trách; 5 cảnh cáo và khai trừ 1 trường hợp)."
    ) == [(D, 15), (D, 9), (D, 5), (D, 1)]


def test_dong_chi_and_truong_hop_count_under_discipline_but_not_as_an_address():
    assert figures("UBKT huyện kỷ luật 6 đồng chí.") == [(D, 6)]
    assert figures("Huyện ủy tặng quà cho 6 đồng chí cán bộ hưu trí.") == []
    assert figures("Tòa án đã xét xử 4 trường hợp vi phạm giao thông.") == []


def test_negated_statement_is_not_a_fact():
    assert figures(
        "Có 9 đảng viên vi phạm, đã kỷ luật 2 đảng viên, không thi hành kỷ luật 7 đảng viên do hết thời hiệu."
    ) == [(D, 2)]


def test_the_last_sanction_written_with_its_noun_is_still_a_part():
    out = facts(
        "đã thi hành kỷ luật 20 đảng viên bằng các hình thức: khiển trách 15, cảnh cáo 3, cách chức 1, "
        "khai trừ 1 trường hợp."
    )
    assert [(i.actual, i.part_of) for i in out] == [(20, None), (15, 0), (3, 0), (1, 0), (1, 0)]


def test_upholding_a_sanction_on_appeal_is_not_a_count_of_discipline():
    assert figures("Ủy ban quyết định giữ nguyên hình thức kỷ luật khiển trách đối với 3 trường hợp.") == []


def test_ceremony_admits_the_count_after_cho():
    assert rows("Chi bộ tổ chức Lễ kết nạp đảng viên mới cho 3 quần chúng ưu tú.") == [(A, 3, None, None)]
    assert rows("Chi bộ tổ chức Lễ kết nạp Đảng viên cho 02 đồng chí.") == [(A, 2, None, None)]


def test_handing_over_the_admission_decision_restates_no_admission():
    assert (
        figures(
            "Bí thư Chi bộ đã công bố và trao Quyết định kết nạp Đảng cho 2 đồng chí Lò Văn A và Vi Thị B."
        )
        == []
    )


def test_number_written_as_a_word_before_a_unit():
    assert figures("Chi bộ kết nạp hai quần chúng ưu tú vào Đảng.") == [(A, 2)]
    assert figures("Hai đồng chí Bí thư phát biểu tại hội nghị.") == []


def test_multiplier_after_the_number():
    (i,) = facts("Đại hội có 450 đại biểu đại diện gần 250 nghìn đảng viên.")
    assert (i.metric, i.actual, i.qualifier) == (T, 250000, "gần")


def test_english_thousands_comma_in_a_count():
    assert figures("In the first half of the year 1,479 Party members were admitted to the Party.") == [
        (A, 1479)
    ]


# ------------------------------------------------------------ lists and parts


def test_one_verb_with_several_counts():
    assert figures("Quận thành lập được 3 Đảng bộ, 17 chi bộ với 150 đảng viên.") == [
        (ORGS, 3),
        (ORGS, 17),
        (T, 150),
    ]


def test_a_clause_that_opens_with_a_count_carries_the_earlier_verb():
    body = (
        "Thành lập được 80 tổ chức công đoàn, phát triển 9.000 đoàn viên; 40 tổ chức Đoàn, hội thanh niên, "
        "phát triển 1.200 đoàn viên."
    )
    assert ("youth_orgs_established", 40) in figures(body)


def test_parts_after_trong_do_carry_part_of():
    out = facts(
        "Năm 2021, đảng bộ xã đã kết nạp được 7 đảng viên mới, trong đó có 4 đảng viên nữ, 3 đảng viên là đoàn viên."
    )
    assert [(i.actual, i.part_of) for i in out] == [(7, None), (4, 0), (3, 0)]
    assert all(i.period_start == date(2021, 1, 1) for i in out)


def test_part_of_a_target_is_a_target():
    out = facts(
        "Đảng bộ xây dựng kế hoạch kết nạp 30 đảng viên mới (trong đó có ít nhất 02 đảng viên là chủ doanh nghiệp)."
    )
    assert [(i.actual, i.target, i.part_of) for i in out] == [(None, 30, None), (None, 2, 0)]


def test_a_sentence_opening_with_a_part_cue_breaks_down_the_last_total():
    out = facts(
        "Năm 2022, các cấp đã thi hành kỷ luật 20 đảng viên. Trong đó, cấp tỉnh kỷ luật 2 đồng chí; "
        "cấp huyện kỷ luật 18 đồng chí."
    )
    assert [(i.actual, i.part_of) for i in out] == [(20, None), (2, 0), (18, 0)]


def test_badge_items_by_party_age_are_parts_of_the_badge_total():
    out = facts(
        "Tỉnh ủy trao Huy hiệu Đảng cho 40 đảng viên. Đợt này có 10 đồng chí nhận Huy hiệu 60 năm tuổi Đảng; "
        "12 đảng viên 50 năm tuổi Đảng và 18 đảng viên 40 năm tuổi Đảng."
    )
    assert [(i.metric, i.actual, i.part_of) for i in out] == [
        (B, 40, None),
        (B, 10, 0),
        (B, 12, 0),
        (B, 18, 0),
    ]


def test_passive_badges_with_words_between_marker_and_verb():
    assert figures("Toàn tỉnh có 1.250 đảng viên vinh dự được tặng và truy tặng Huy hiệu Đảng.") == [
        (B, 1250)
    ]


def test_units_held_by_host_organisations_are_not_parts():
    assert figures("Thành lập 5 chi bộ, trong đó có 2/5 đảng bộ vượt chỉ tiêu.") == [(ORGS, 5)]


# ------------------------------------------------------------ totals


@pytest.mark.parametrize(
    "body,total",
    [
        ("Nâng tổng số đảng viên trong đảng bộ lên 512 đảng viên, sinh hoạt ở 12 chi bộ.", 512),
        ("Toàn Đảng bộ có 300 tổ chức cơ sở đảng, với 21.400 đảng viên.", 21400),
        ("Đảng bộ thành phố có 80 tổ chức đảng (1.965 đảng viên) trong các doanh nghiệp.", 1965),
        ("Chi bộ 5 quản lý 31 đảng viên.", 31),
        ("Đại hội có 300 đại biểu, đại diện cho 43.544 đảng viên.", 43544),
    ],
)
def test_member_totals(body, total):
    assert (T, total) in figures(body)


def test_whom_a_check_concerns_is_not_a_total():
    assert figures("Đã kết luận kiểm tra đối với 26 đảng viên.") == []


def test_a_member_count_with_a_badge_is_a_badge_item_not_a_total():
    assert figures("Dịp này, Đảng bộ huyện có 01 đảng viên nhận Huy hiệu 55 năm tuổi Đảng.") == [(B, 1)]


# ------------------------------------------------------------ targets, forecasts, percents


def test_target_cue_makes_a_target():
    assert rows("Nghị quyết đề ra bình quân hằng năm phát triển 2.000 đảng viên.") == [(A, None, 2000, None)]


def test_forecast_is_neither_actual_nor_target():
    assert figures("Dự kiến đến cuối năm, thành phố sẽ thành lập thêm 4 chi bộ.") == []


def test_target_stated_apart_joins_the_actual_by_its_ratio():
    body = (
        "Nghị quyết đề ra mỗi năm phát triển 2.000 đảng viên mới. Từ đầu năm đến nay đã kết nạp được 1.932 đảng viên, "
        "đạt tỷ lệ 96,6%."
    )
    assert rows(body) == [(A, 1932, 2000, 96.6)]


def test_loose_percent_without_a_confirming_target_is_dropped():
    assert rows("Huyện ủy kết nạp được 358 đảng viên mới, đạt tỷ lệ 7,61%.") == [(A, 358, None, None)]


def test_plan_percent_further_in_the_clause():
    assert rows(
        "Thành phố đã thành lập được 2 chi bộ Đảng ngoài khu vực Nhà nước, đạt 100% chỉ tiêu kế hoạch năm."
    ) == [(ORGS, 2, None, 100)]


def test_ratio_after_a_verb_phrase():
    assert rows("Nhiều chỉ tiêu đạt cao như phát triển đảng viên mới 8.793/6.500 đảng viên.") == [
        (A, 8793, 6500, None)
    ]


def test_participle_reaches_no_count():
    body = "Có 56 chi bộ trong các doanh nghiệp thành lập và hoạt động theo Luật Hợp tác xã, 351 tổ chức đảng khác."
    assert figures(body) == []


# ------------------------------------------------------------ restatements


def test_a_large_figure_restated_is_one_fact_small_ones_repeat():
    assert figures(
        "Năm 2019 kết nạp 1.383 đảng viên. Trong 1.383 đảng viên được kết nạp, có nhiều đoàn viên."
    ) == [(A, 1383)]
    assert figures("Cấp tỉnh kỷ luật 1 đồng chí. Cấp huyện cách chức 1 đồng chí.") == [(D, 1), (D, 1)]


# ------------------------------------------------------------ periods


def test_comparison_year_is_not_the_period():
    (i,) = facts("Đến ngày 27-11, Huyện ủy kết nạp 200 đảng viên mới, tăng 5 đảng viên so với năm 2017.")
    assert i.period is None


def test_a_modified_comparison_period_is_not_the_period():
    # "so với nửa nhiệm kỳ …": the term compared with, not the figure's own 9 months
    rows = facts(
        "Chỉ tính riêng 9 tháng năm 2023, đã thi hành kỷ luật 57 tổ chức đảng, bằng 518,2% so với "
        "nửa nhiệm kỳ 2015 - 2020; thi hành kỷ luật 1.616 đảng viên, bằng 171,7% so với nửa nhiệm kỳ 2015 - 2020."
    )
    assert [(i.actual, i.period) for i in rows if i.metric == D] == [(1616, "9 tháng năm 2023")]


def test_nam_qua_in_a_january_article_is_the_year_before():
    (i,) = facts(
        "Trong năm qua, Huyện ủy kết nạp được 358 đảng viên mới.", published_at=datetime(2018, 1, 1, 22, 26)
    )
    assert (i.period_start, i.period_end) == (date(2017, 1, 1), date(2017, 12, 31))


def test_nam_qua_later_in_the_year_is_that_year():
    (i,) = facts(
        "Trong năm qua, Huyện ủy kết nạp được 358 đảng viên mới.", published_at=datetime(2018, 12, 20)
    )
    assert i.period_start == date(2018, 1, 1)


def test_year_to_date_ends_on_the_article_date():
    (i,) = facts("Từ đầu năm đến nay, toàn tỉnh kết nạp được 900 đảng viên.", event_date=date(2022, 9, 15))
    assert (i.period_start, i.period_end) == (date(2022, 1, 1), date(2022, 9, 15))


def test_year_to_date_with_its_year_starts_in_that_year():
    (i,) = facts(
        "Từ đầu năm 2019 đến nay đã có gần 1.500 đoàn viên được kết nạp vào Đảng.",
        published_at=datetime(2022, 5, 31, 13, 49),
    )
    assert (i.period, i.period_start, i.period_end) == (
        "Từ đầu năm 2019 đến nay",
        date(2019, 1, 1),
        date(2022, 5, 31),
    )


def test_a_period_at_the_head_of_an_earlier_sentence_scopes_the_paragraph():
    body = "Năm 2020, công tác xây dựng Đảng có nhiều chuyển biến. Toàn huyện kết nạp được 146 đảng viên."
    (i,) = facts(body)
    assert i.period_start == date(2020, 1, 1)
    term = "Nghị quyết nhiệm kỳ 2020 - 2025 có nhiều điểm mới. Sau hơn 1 năm, huyện đã kết nạp được 146 đảng viên."
    assert facts(term)[0].period is None
