"""documents_cited keys a document by kind + number + authority + issue year."""

from datetime import date
from pathlib import Path

import duckdb

VIEW = Path(__file__).resolve().parents[2] / "warehouse" / "views" / "documents_cited.sql"


def cited(rows):
    con = duckdb.connect()
    con.execute(
        "create table articles (article_id varchar, locality varchar, source_site varchar, "
        "event_date date, published_at timestamp)"
    )
    con.execute(
        "create table document_refs (article_id varchar, kind varchar, number varchar, symbol varchar, "
        "issuer varchar, issued_date date)"
    )
    for aid in {r[0] for r in rows}:
        con.execute("insert into articles values (?, null, null, null, null)", [aid])
    con.executemany("insert into document_refs values (?, ?, ?, ?, ?, ?)", rows)
    con.execute(VIEW.read_text(encoding="utf-8"))
    return con.execute(
        "select kind, number, authority, issued_year, article_count from documents_cited "
        "order by kind, number, issued_year"
    ).fetchall()


def test_same_symbol_other_years_stay_apart_and_undated_mention_joins_only_one():
    assert cited(
        [
            ("a", "huong_dan", "01", "01-HD/TW", None, date(2012, 1, 5)),
            ("b", "huong_dan", "01", "01-HD/TW", None, date(2016, 9, 20)),
        ]
    ) == [("huong_dan", "01", "TW", 2012, 1), ("huong_dan", "01", "TW", 2016, 1)]
    assert cited(
        [
            ("a", "huong_dan", "01", "01-HD/TW", None, date(2016, 9, 20)),
            ("b", "huong_dan", "1", None, "Ban Bí thư", None),
        ]
    ) == [("huong_dan", "01", "TW", 2016, 2)]


def test_number_alone_with_issuer_joins_its_symbol_other_issuer_apart():
    assert cited(
        [
            ("a", "chi_thi", "35", None, "Bộ Chính trị", None),
            ("b", "chi_thi", "35", "35-CT/TW", None, None),
            ("c", "chi_thi", "35", None, "UBND tỉnh", None),
        ]
    ) == [("chi_thi", "35", "TW", None, 2), ("chi_thi", "35", "UBND", None, 1)]
