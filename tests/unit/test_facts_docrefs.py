from datetime import date

from tasks.facts import extract_facts


def refs(body):
    f = extract_facts(body, published_at=None, event_date=None, author=None)
    for d in f.document_refs:
        assert body[d.start : d.end] == d.evidence
    return f.document_refs


def test_symbol_and_number_variants_are_one_document():
    ds = refs(
        "Thực hiện Nghị quyết số 28-NQ/TU của Thành ủy. Triển khai Nghị quyết 28-NQ/TU. "
        "Theo Nghị quyết số 28 của Thành ủy năm 2021."
    )
    assert len(ds) == 1
    d = ds[0]
    assert (d.kind, d.number, d.symbol, d.issuer) == ("nghi_quyet", "28", "28-NQ/TU", "Thành ủy")


def test_date_issuer_and_leading_zero():
    (d,) = refs(
        "tổng kết 5 năm thực hiện Kết luận số 08-KL/ĐU ngày 14/7/2014 của Ban Thường vụ Đảng ủy khối về “Một số giải pháp”."
    )
    assert (d.kind, d.number, d.symbol) == ("ket_luan", "08", "08-KL/ĐU")
    assert d.issued_date == date(2014, 7, 14)
    assert d.issuer == "Ban Thường vụ Đảng ủy khối"


def test_number_without_symbol_and_issuer():
    ds = refs(
        "gắn với Chỉ thị số 05 của Bộ Chính trị về học tập; Chỉ thị số 10-CT/TU của Ban Thường vụ Thành ủy."
    )
    assert [(d.kind, d.number, d.symbol, d.issuer) for d in ds] == [
        ("chi_thi", "05", None, "Bộ Chính trị"),
        ("chi_thi", "10", "10-CT/TU", "Ban Thường vụ Thành ủy"),
    ]


def test_kinds():
    ds = refs(
        "Căn cứ Quy định số 45-QĐ/TW, ngày 01/11/2011 của Ban Chấp hành Trung ương Đảng; Hướng dẫn số 01-HD/TW; "
        "Quyết định 05 ngày 28-8-2018 của Ban Bí thư; Kế hoạch số 12-KH/TU; Đề án số 3; Thông báo số 7-TB/TU."
    )
    assert [(d.kind, d.number) for d in ds] == [
        ("quy_dinh", "45"),
        ("huong_dan", "01"),
        ("quyet_dinh", "05"),
        ("ke_hoach", "12"),
        ("de_an", "3"),
        ("thong_bao", "7"),
    ]
    assert ds[0].issued_date == date(2011, 11, 1)
    assert ds[2].issued_date == date(2018, 8, 28)


def test_not_document_refs():
    assert refs("thực hiện Nghị quyết Đại hội Đảng bộ quận lần thứ XII, nhiệm kỳ 2020 - 2025") == []
    assert refs("gắn chặt với thực hiện Nghị quyết Trung ương 4 (khóa XI, XII) về xây dựng Đảng") == []
    assert refs("xây dựng kế hoạch 5 năm và chương trình 2 năm") == []


def test_symbols_with_one_warehouse_key_are_one_document():
    from tasks.rows import doc_key

    # dotless ı: upper-cases to I (so records.doc_key gives one key) but does not case-fold to i
    ds = refs("Thực hiện Nghị quyết số 28-NQ/TI và Nghị quyết số 28-NQ/Tı của Ban Thường vụ.")
    assert len(ds) == 1
    assert ds[0].symbol == "28-NQ/TI"
    body = (
        "Nghị quyết số 28-NQ/TU, Nghị quyết số 28-NQ/TW, Nghị quyết 28, Chỉ thị số 05-CT/TU, "
        "Chỉ thị số 5-CT/TU, Chỉ thị số 05-ct/tu và Chỉ thị số 05-CT/Tİ, Chỉ thị số 05-CT/Tı."
    )
    keys = [doc_key(d.kind, d.number, d.symbol) for d in refs(body)]
    assert len(keys) == len(set(keys))


def test_two_issues_of_one_number_in_one_article_are_two_rows_an_undated_mention_no_third():
    from tasks.rows import distinct_documents

    body = (
        "Thực hiện Hướng dẫn số 01-HD/TW ngày 20/9/2012 của Ban Bí thư, sau đó là Hướng dẫn số "
        "01-HD/TW ngày 28/9/2016 của Ban Bí thư. Các chi bộ quán triệt Hướng dẫn 01-HD/TW."
    )
    keyed = distinct_documents(refs(body))
    assert sorted(k for k, _ in keyed) == ["huong_dan|1|01-HD/TW|2012", "huong_dan|1|01-HD/TW|2016"]
    assert sorted(d.issued_date for _, d in keyed) == [date(2012, 9, 20), date(2016, 9, 28)]


def test_one_document_mentioned_twice_stays_one_row_under_its_plain_key():
    from tasks.rows import distinct_documents

    body = "Chỉ thị số 35-CT/TW ngày 30/5/2024 của Bộ Chính trị. Triển khai Chỉ thị 35-CT/TW trong toàn Đảng bộ."
    assert [k for k, _ in distinct_documents(refs(body))] == ["chi_thi|35|35-CT/TW"]
