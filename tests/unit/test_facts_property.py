"""extract_facts is total: any text gives Facts whose offsets lie inside the body."""

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.facts import extract_facts

VI = st.sampled_from(
    [
        "Đồng chí ",
        "Nguyễn Văn An",
        ", ",
        "Bí thư Tỉnh ủy ",
        "kết nạp ",
        "205/200 ",
        "đảng viên",
        " (đạt 102,5% kế hoạch)",
        "Nghị quyết số ",
        "28-NQ/TU",
        " ngày 14/7/2014",
        " của Bộ Chính trị",
        ". ",
        "\n",
        "tháng 10",
        "1.071",
        "%",
        "(",
        ")",
        ";",
        "Huy hiệu",
        "uỷ",
        "Ủy viên ",
        "tổng số trên ",
    ]
)
TEXT = st.one_of(
    st.text(max_size=400), st.lists(st.one_of(VI, st.text(max_size=5)), max_size=60).map("".join)
)


def _check(body, f):
    for p in f.people:
        assert 0 <= p.start < p.end <= len(body)
        assert body[p.start : p.end] == p.name
    for d in f.document_refs:
        assert 0 <= d.start < d.end <= len(body) and body[d.start : d.end] == d.evidence
    for i in f.indicators:
        assert 0 <= i.start < i.end <= len(body) and body[i.start : i.end] == i.evidence


@settings(max_examples=300, deadline=None)
@given(
    TEXT,
    st.sampled_from([None, "Nguyễn Văn An", ""]),
    st.sampled_from([None, date(2021, 10, 21)]),
    st.sampled_from([None, datetime(2019, 1, 1)]),
)
def test_total_and_offsets(body, author, ev, pub):
    f = extract_facts(body, published_at=pub, event_date=ev, author=author)
    _check(body, f)
