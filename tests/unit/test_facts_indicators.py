from datetime import date, datetime

import pytest

from tasks.facts import extract_facts


def inds(body, named_only=True, **kw):
    kw.setdefault("published_at", None)
    kw.setdefault("event_date", None)
    f = extract_facts(body, author=None, **kw)
    for i in f.indicators:
        assert body[i.start : i.end] == i.evidence
    return [i for i in f.indicators if i.metric != "other" or not named_only]


def row(i):
    return (i.metric, i.actual, i.target, i.percent)


def test_actual_target_percent():
    (i,) = inds(
        "Năm 2020 toàn Đảng bộ quận đã kết nạp 205/200 đảng viên (đạt 102,5% so với chỉ tiêu Nghị quyết đã đề ra)."
    )
    assert row(i) == ("party_members_admitted", 205, 200, 102.5)
    assert i.unit == "đảng viên"
    assert i.period == "năm 2020" or i.period == "Năm 2020"
    assert (i.period_start, i.period_end) == (date(2020, 1, 1), date(2020, 12, 31))


def test_bracketed_ratio_with_equals():
    (i,) = inds(
        "Thành lập được 47 tổ chức đảng (47/42=111,9% kế hoạch), có 16/16 đảng bộ đã hoàn thành và vượt chỉ tiêu "
        "thành lập tổ chức đảng được giao, trong đó có 4/16 đảng bộ vượt chỉ tiêu."
    )
    assert row(i) == ("party_orgs_established", 47, 42, 111.9)


def test_percent_then_bracketed_ratio_with_thousands():
    (i,) = inds("Kết quả phát triển đoàn viên, hội viên thanh niên đạt 241,21% kế hoạch (1.071/444).")
    assert row(i) == ("youth_members_admitted", 1071, 444, 241.21)


def test_percent_fact_and_count_fact_with_month_period():
    rows = inds(
        "Đạt 72% kế hoạch về kết nạp đảng viên (riêng tháng 10, kết nạp được 506 đảng viên).",
        event_date=date(2021, 10, 21),
    )
    assert [row(i) for i in rows] == [
        ("party_members_admitted", None, None, 72),
        ("party_members_admitted", 506, None, None),
    ]
    assert rows[1].period == "tháng 10"
    assert (rows[1].period_start, rows[1].period_end) == (date(2021, 10, 1), date(2021, 10, 31))


def test_total_with_qualifier():
    (i,) = inds("Đảng bộ TP Hạ Long hiện có 65 chi, đảng bộ cơ sở với tổng số trên 23.000 đảng viên.")
    assert row(i) == ("party_members_total", 23000, None, None)
    assert i.qualifier == "trên"


def test_actual_and_percent_in_one_row():
    rows = inds(
        "trong 6 tháng đầu năm 2021, đã kết nạp 237 quần chúng ưu tú vào Đảng (đạt gần 53% kế hoạch), "
        "thành lập mới 3 chi bộ trực thuộc.",
        published_at=datetime(2021, 7, 14),
    )
    assert [row(i) for i in rows] == [
        ("party_members_admitted", 237, None, 53),
        ("party_orgs_established", 3, None, None),
    ]
    assert rows[0].period == "6 tháng đầu năm 2021"
    assert rows[0].period_end == date(2021, 6, 30)


def test_admitted_transferred_disciplined_badges():
    rows = inds(
        "kết nạp mới 64 đảng viên, chuyển sinh hoạt cho 263 đảng viên; thi hành kỷ luật đảng đối với 5 đảng viên. "
        "Tổ chức trao Huy hiệu Đảng 4 đợt trong năm 2020 với 245 đảng viên được trao Huy hiệu."
    )
    assert [row(i)[:2] for i in rows] == [
        ("party_members_admitted", 64),
        ("party_members_transferred", 263),
        ("party_members_disciplined", 5),
        ("party_badges_awarded", 245),
    ]


def test_union_and_youth_orgs():
    rows = inds(
        "Thành lập 188 tổ chức công đoàn. Thành lập 48 tổ chức đoàn, hội thanh niên (48/41=117,07% kế hoạch)."
    )
    assert [row(i) for i in rows] == [
        ("union_orgs_established", 188, None, None),
        ("youth_orgs_established", 48, 41, 117.07),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Chiều 21/10, Ban Chấp hành tổ chức hội nghị lần thứ 20 nhiệm kỳ 2020 - 2025, khóa XVI.",
        "Đã hoàn thành 2/8 nhiệm vụ trọng tâm và 6/8 nhiệm vụ đang triển khai.",
        "có 16/16 đảng bộ đã hoàn thành và vượt chỉ tiêu kết nạp đảng viên cả năm, 10/16 đảng bộ vượt chỉ tiêu.",
        "trao tặng giấy khen cho 25 tập thể hoàn thành tốt công tác kết nạp đảng viên.",
        "Thực hiện Nghị quyết số 28-NQ/TU và Kết luận số 09-KL/TU ngày 14/7/2014.",
        "mở 3 lớp bồi dưỡng đối tượng kết nạp Đảng cho 394 quần chúng ưu tú.",
        "toàn tỉnh đã thi hành kỷ luật 62 đảng viên, giảm 18 đảng viên so cùng kỳ, bằng 58,58% so với cùng kỳ.",
        "Huyện ủy kết nạp được 358 đảng viên mới, đạt tỷ lệ 7,61%.",
    ],
)
def test_not_named_indicators(body):
    rows = inds(body)
    extra = [
        row(i)
        for i in rows
        if row(i)
        not in {("party_members_disciplined", 62, None, None), ("party_members_admitted", 358, None, None)}
    ]
    assert extra == []


def test_percent_without_plan_word_is_not_a_plan_percent():
    (i,) = inds("cấp ủy các cấp đã thi hành kỷ luật 215 đảng viên, bằng 58,58% so với cùng kỳ 2022.")
    assert row(i) == ("party_members_disciplined", 215, None, None)


def test_other_rows_keep_their_unit():
    rows = inds("Đảng bộ huyện hiện có 72 tổ chức cơ sở Đảng.", named_only=False)
    assert [(i.metric, i.actual, i.unit) for i in rows] == [("other", 72, "tổ chức cơ sở Đảng")]


def test_elliptic_party_age_is_a_badge_item_only_in_a_badge_sentence():
    got = inds(
        "Có 1 đồng chí được nhận huy hiệu 50 năm tuổi Đảng, 1 đồng chí 45 năm, 5 đồng chí 40 năm và "
        "5 đồng chí được nhận huy hiệu 30 năm tuổi Đảng."
    )
    assert sorted(i.actual for i in got if i.metric == "party_badges_awarded") == [1, 1, 5, 5]
    assert not [i for i in inds("Năm 2023, có 30 đảng viên 2 năm liền hoàn thành xuất sắc nhiệm vụ.")]
