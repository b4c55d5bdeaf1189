"""GX suites are files, loaded at run time; failures are reported, not raised."""
from __future__ import annotations

import pyarrow as pa

from tasks.quality import expectation_label, load_suites, validate_tables
from tasks.records import SCHEMAS


def test_every_table_has_a_suite_file():
    assert set(load_suites()) == {"articles", "boilerplate", "people", "document_refs",
                                  "indicators", "sources", "quarantine"}


def test_validation_reports_each_expectation_and_catches_bad_rows(tmp_path):
    good = dict(article_id="0123456789abcdef", source_path="a.txt", source_sha256="a" * 64,
                title="Một tiêu đề", body="Nội dung", body_chars=8, run_id="r",
                source_site="haiphong.gov.vn", locality="Hải Phòng")
    bad = dict(good, article_id="NOT-AN-ID", source_site="Not a Site", body_chars=0)
    tables = {n: s.empty_table() for n, s in SCHEMAS.items()}
    tables["articles"] = pa.Table.from_pylist([good, bad], schema=SCHEMAS["articles"])
    tables["indicators"] = pa.Table.from_pylist([dict(
        article_id="0123456789abcdef", seq=0, metric="not_a_metric", percent=-5.0, evidence="x",
        _source_path="a.txt")], schema=SCHEMAS["indicators"])
    results = validate_tables(tables, tmp_path / "gx")
    by = {(r.table_name, r.expectation): r for r in results}
    suites = load_suites()
    assert len(results) == sum(len(s["expectations"]) for s in suites.values())
    regex = by[("articles", "expect_column_values_to_match_regex(article_id)")]
    assert not regex.success and regex.unexpected_count == 1
    assert not by[("articles", "expect_column_values_to_be_between(body_chars; min_value=1)")].success
    assert not by[("indicators", "expect_column_values_to_be_in_set(metric)")].success
    assert by[("articles", "expect_column_values_to_not_be_null(article_id)")].success
    assert (tmp_path / "gx" / "index.html").is_file()


def test_labels_are_unique_and_readable():
    for spec in load_suites().values():
        labels = [expectation_label(e) for e in spec["expectations"]]
        assert len(labels) == len(set(labels))
        assert all(label.startswith("expect_") for label in labels)


def test_validation_sees_one_copy_of_an_article_held_by_two_files():
    from tasks.quality import one_copy_per_article

    arts = pa.table({"article_id": ["a", "a", "b"], "source_path": ["y.txt", "x.txt", "z.txt"]})
    child = pa.table({"article_id": ["a", "a", "b"], "_source_path": ["y.txt", "x.txt", "z.txt"],
                      "name": ["Ngô Thành Tuấn"] * 3})
    tables = {"articles": arts, "people": child, "boilerplate": child, "document_refs": child,
              "indicators": child}
    out = one_copy_per_article(tables)
    assert out["articles"].to_pylist() == [{"article_id": "a", "source_path": "x.txt"},
                                           {"article_id": "b", "source_path": "z.txt"}]
    assert out["people"].column("_source_path").to_pylist() == ["x.txt", "z.txt"]
