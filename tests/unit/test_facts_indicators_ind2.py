"""Session 5 (r5-ind2): a small head count retold in words, a plan stated alone then its progress,
and the shared comma-grouped count helper.  Example sentences are made up, not any page's text."""

from tasks.facts import extract_facts
from tasks.facts.events import comma_grouped_count


def rows(body):
    f = extract_facts(body, author=None, published_at=None, event_date=None)
    return [(i.metric, i.actual, i.target, i.percent) for i in f.indicators if i.metric != "other"]


def test_small_count_in_words_retold_is_one_fact():
    body = (
        "Chi bộ Khoa Toán đã tổ chức lễ kết nạp đảng viên cho ba sinh viên ưu tú của khoa.\n"
        "Buổi lễ diễn ra trang trọng.\n"
        "Như vậy, chi bộ đã kết nạp Đảng cho ba quần chúng ưu tú trong đợt này."
    )
    assert rows(body) == [("party_members_admitted", 3, None, None)]


def test_target_alone_then_progress_next_sentence():
    body = (
        "In 2025, the district targeted to admit 120 new Party members. "
        "By the end of June 2025, it had admitted 64 members."
    )
    assert ("party_members_admitted", 64, 120, None) in rows(body)
    assert all(r[1] is not None for r in rows(body))


def test_comma_grouped_count():
    assert comma_grouped_count("gồm 2,345 người", 4, 9) == 2345
    assert comma_grouped_count("đạt 2,5", 4, 7) is None
