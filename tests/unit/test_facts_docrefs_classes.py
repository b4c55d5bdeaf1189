"""One test per class of document-reference misses (issue 13)."""

from datetime import date

from tasks.facts import extract_facts


def refs(body):
    return [(d.kind, d.number, d.symbol, d.issuer, d.issued_date) for d in extract_facts(body).document_refs]


def test_state_symbols_with_issuer_and_date():
    assert refs("Thực hiện Chỉ thị số 06/CT-TTg ngày 31/01/2020 của Thủ tướng Chính phủ về phòng dịch.") == [
        ("chi_thi", "06", "06/CT-TTg", "Thủ tướng Chính phủ", date(2020, 1, 31))
    ]
    assert refs("Theo Quyết định số 123/QĐ-UBND ngày 5/3/2021 của UBND tỉnh.") == [
        ("quyet_dinh", "123", "123/QĐ-UBND", "UBND tỉnh", date(2021, 3, 5))
    ]


def test_party_symbol_with_issuer_and_date():
    assert refs("Nghị quyết số 28-NQ/TU ngày 05/01/2012 của Ban Chấp hành Trung ương về xây dựng.") == [
        ("nghi_quyet", "28", "28-NQ/TU", "Ban Chấp hành Trung ương", date(2012, 1, 5))
    ]


def test_abbreviation_between_kind_and_number():
    assert refs("tổng kết 10 năm thực hiện Nghị quyết (NQ) 28 về “Xây dựng”.") == [
        ("nghi_quyet", "28", None, None, None)
    ]


def test_numbered_programme_needs_an_issuer():
    assert refs("Chương trình hành động 76 của BTV Thành ủy; kế hoạch.") == [
        ("chuong_trinh", "76", None, "BTV Thành ủy", None)
    ]
    assert refs("Chương trình 76 điểm đến.") == []


def test_same_number_other_year_or_issuer_stays_apart():
    ds = refs(
        "Hướng dẫn 01-HD/TW, ngày 20/9/2016 của Ban Bí thư. Theo Hướng dẫn số 01-HD/TW ngày 5/1/2012 của Ban Bí thư."
    )
    assert [d[4] for d in ds] == [date(2016, 9, 20), date(2012, 1, 5)]
    assert len(refs("Chỉ thị số 05 của Bộ Chính trị; Chỉ thị số 05 của UBND tỉnh.")) == 2


def test_one_document_written_two_ways_is_one_row():
    assert refs("Thực hiện Chỉ thị 35 của Bộ Chính trị. Quán triệt 35-CT/TW ngày 14/6/2024 về đại hội.") == [
        ("chi_thi", "35", "35-CT/TW", "Bộ Chính trị", date(2024, 6, 14))
    ]


def test_english_kinds():
    ds = refs(
        "Tran Cam Tu signed Conclusion 118 by the Politburo, revising Directive No. 35-CT/TW dated June 14."
    )
    assert [(d[0], d[1], d[2]) for d in ds] == [("ket_luan", "118", None), ("chi_thi", "35", "35-CT/TW")]


def test_lower_case_kind_word_with_a_symbol_is_a_reference():
    assert refs(
        "Theo quyết định 1242 - QĐ/TU, ngày 12/8/2024 của BTV Tỉnh uỷ Lai Châu về trao huy hiệu."
    ) == [("quyet_dinh", "1242", "1242-QĐ/TU", "BTV Tỉnh uỷ Lai Châu", date(2024, 8, 12))]
    assert refs("theo quyết định 5 năm qua") == []
