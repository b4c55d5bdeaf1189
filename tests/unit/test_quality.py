"""GX suites are files, loaded at run time; failures are reported, not raised."""

from __future__ import annotations

import pyarrow as pa

from tasks.quality import expectation_label, load_suites, validate_tables
from tasks.rows import SCHEMAS


def test_every_table_has_a_suite_file():
    assert set(load_suites()) == {
        "articles",
        "boilerplate",
        "people",
        "document_refs",
        "indicators",
        "sources",
        "quarantine",
    }


def test_validation_reports_each_expectation_and_catches_bad_rows(tmp_path):
    good = dict(
        article_id="0123456789abcdef",
        source_path="a.txt",
        source_sha256="a" * 64,
        title="Một tiêu đề",
        body="Nội dung",
        body_chars=8,
        run_id="r",
        source_site="haiphong.gov.vn",
        locality="Hải Phòng",
    )
    bad = dict(good, article_id="NOT-AN-ID", source_site="Not a Site", body_chars=0)
    tables = {n: s.empty_table() for n, s in SCHEMAS.items()}
    tables["articles"] = pa.Table.from_pylist([good, bad], schema=SCHEMAS["articles"])
    tables["indicators"] = pa.Table.from_pylist(
        [
            dict(
                article_id="0123456789abcdef",
                seq=0,
                metric="not_a_metric",
                percent=-5.0,
                evidence="x",
                _source_path="a.txt",
            )
        ],
        schema=SCHEMAS["indicators"],
    )
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


def test_staged_validation_sees_one_copy_of_an_article_held_by_two_files(tmp_path):
    """What is validated is what the load keeps: one copy per article (the first file by path),
    and only this run's staged rows."""
    from tasks import store
    from tasks.quality import validate_staged

    def art(aid, path):
        return dict(
            article_id=aid,
            source_path=path,
            source_sha256="a" * 64,
            title="Tiêu đề",
            body="Nội dung",
            body_chars=8,
            run_id="r",
            source_site="haiphong.gov.vn",
        )

    def person(aid, path):
        return dict(
            article_id=aid,
            name="Ngô Thành Tuấn",
            titles=["Bí thư"],
            role="chair",
            first_offset=0,
            _source_path=path,
        )

    def stage(run, part, arts, people):
        tables = {n: s.empty_table() for n, s in SCHEMAS.items()}
        tables["articles"] = pa.Table.from_pylist(arts, schema=SCHEMAS["articles"])
        tables["people"] = pa.Table.from_pylist(people, schema=SCHEMAS["people"])
        store.write_batch(tmp_path, run, part, tables)

    # article "a" is held by y.txt and x.txt, in two different batches
    stage(
        "r1",
        0,
        [art("0123456789abcdef", "y.txt"), art("1123456789abcdef", "z.txt")],
        [person("0123456789abcdef", "y.txt"), person("1123456789abcdef", "z.txt")],
    )
    stage("r1", 1, [art("0123456789abcdef", "x.txt")], [person("0123456789abcdef", "x.txt")])
    stage("r0", 0, [art("2123456789abcdef", "old.txt")] * 5, [])  # another run: not looked at
    results = validate_staged(tmp_path, "r1")
    by = {(r.table_name, r.expectation): r for r in results}
    unique_id = by[("articles", "expect_column_values_to_be_unique(article_id)")]
    assert unique_id.success and unique_id.rows_checked == 2
    pair = [r for r in results if r.table_name == "people" and "compound" in r.expectation][0]
    assert pair.success and pair.rows_checked == 2
