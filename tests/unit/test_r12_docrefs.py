"""Document-reference classes read in session 12 (issue 13): State numbers with their year, a
notice of conclusions, English editions' folded symbols, numbers listed under one kind word."""

from datetime import date

from tasks.facts import extract_facts


def refs(body):
    return [(d.kind, d.number, d.symbol, d.issuer, d.issued_date) for d in extract_facts(body).document_refs]


def test_state_resolution_numbered_with_its_year():
    assert refs("công bố Nghị quyết số 202/2025 của Quốc hội khóa XV về việc hợp nhất tỉnh.") == [
        ("nghi_quyet", "202", "202/2025", "Quốc hội", None)
    ]
    assert refs("theo Nghị quyết số 60/2025/QH15 về sắp xếp.")[0][:3] == ("nghi_quyet", "60", "60/2025/QH15")


def test_a_bare_number_with_a_year_is_no_reference():
    # "kế hoạch 2/2021" may be the plan of a month: with no "số" and no issuer it is not read
    assert refs("Thực hiện kế hoạch 2/2021, các chi bộ đã họp.") == []


def test_notice_of_conclusions_is_a_notice():
    assert refs("Tại Thông báo kết luận số 59-TB/TU, ngày 17-3-2006, Ban Thường vụ đã thống nhất.") == [
        ("thong_bao", "59", "59-TB/TU", None, date(2006, 3, 17))
    ]


def test_english_edition_folds_the_d_of_a_state_symbol():
    assert [
        r[:3] for r in refs("The Prime Minister signed the Document No. 888/QD-TTg dated May 24, 2020.")
    ] == [("quyet_dinh", "888", "888/QD-TTg")]


def test_numbers_listed_under_one_kind_word():
    got = refs(
        "Thực hiện Quyết định số 2174 và 2175 – NQ/QU ngày 19/12/2018 của Quận ủy Ba Đình về việc chuẩn y."
    )
    assert [(k, n) for k, n, *_ in got] == [("quyet_dinh", "2174"), ("quyet_dinh", "2175")]
    assert all(r[3] == "Quận ủy Ba Đình" and r[4] == date(2018, 12, 19) for r in got)
    # a count after the list is no number of a document
    assert [(k, n) for k, n, *_ in refs("Theo Quyết định số 15 và 2 năm sau đó.")] == [("quyet_dinh", "15")]
