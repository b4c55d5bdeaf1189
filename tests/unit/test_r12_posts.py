"""Post classes read in session 12 (issue 13): a term in Arabic numerals inside a post, and the
verb after a term that is no part of the post."""

from tasks.facts import extract_facts


def posts(body):
    return {p.name: p.titles for p in extract_facts(body).people}


def test_term_in_arabic_numerals_stays_in_the_post():
    got = posts("Đồng chí Dương Văn Thái, Phó Bí thư Tỉnh ủy khóa 18, Chủ tịch UBND tỉnh phát biểu.")
    assert got["Dương Văn Thái"][:2] == ("Phó Bí thư Tỉnh ủy khóa 18", "Chủ tịch UBND tỉnh")


def test_a_year_range_is_no_term():
    got = posts("Đồng chí Lê Văn A, Bí thư Chi bộ khóa 2020-2025 phát biểu.")
    assert all("2020" not in t for t in got["Lê Văn A"])


def test_the_verb_after_a_term_is_not_in_the_post():
    got = posts(
        "Thay mặt Đoàn Chủ tịch, ông Lại Thế Nguyên, Phó Bí thư Tỉnh ủy khóa XIX báo kết quả phiên họp."
    )
    assert got["Lại Thế Nguyên"] == ("Phó Bí thư Tỉnh ủy khóa XIX",)
