"""Warehouse merge rules, tested on staged Parquet made by hand (no Prefect)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from tasks import load, store
from tasks.plan import batches, plan_incremental
from tasks.process_page import ProcessedDoc
from tasks.records import Anatomy, Facts, Indicator, Person, Quarantined, RawPage, Segment, SourceFile
from tasks.rows import rows_for_doc, rows_for_quarantine, to_tables


def doc(path: str, body: str, sha: str) -> ProcessedDoc:
    anatomy = Anatomy(
        title="Tiêu đề",
        published_at=None,
        event_date=None,
        author=None,
        source_site=None,
        locality=None,
        body_lines=body.split("\n"),
        boilerplate=[Segment("header", "Tất cả chuyên mục", 0)],
    )
    facts = Facts(
        people=[Person("Ngô Thành Tuấn", ("Bí thư Quận ủy",), "speaker", 0, 5)],
        indicators=[
            Indicator(
                "party_members_admitted",
                205,
                200,
                102.5,
                "đảng viên",
                None,
                None,
                None,
                None,
                body,
                0,
                len(body),
            )
        ],
    )
    from tasks.identity import article_id_for

    return ProcessedDoc(RawPage(path, sha * 64, "utf-8", body), anatomy, facts, article_id_for(anatomy))


def stage_and_load(data: Path, run_id: str, docs: list, discovered: list[str], quarantined=()):
    rows = [rows_for_doc(d, run_id, (1, 1)) for d in docs]
    rows += [rows_for_quarantine(q, run_id, (1, 1)) for q in quarantined]
    store.write_batch(data, run_id, 0, to_tables(rows))
    db = data / "warehouse.duckdb"
    load.start_run(db, run_id, datetime.now(), "in", None)
    stats = load.load_run(
        db,
        data,
        run_id,
        discovered_paths=discovered,
        run_stats=dict(files_seen=len(discovered), files_new=len(docs), files_quarantined=len(quarantined)),
        dq_rows=[],
        chrome_counts=None,
        finished_at=datetime.now(),
    )
    store.publish_staging(data, run_id)
    return stats


def rows(db: Path, sql: str):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_duplicate_article_in_one_batch_loads_once_with_both_sources(tmp_path):
    stats = stage_and_load(
        tmp_path,
        "r1",
        [doc("b.txt", "Nội dung bài.", "a"), doc("a.txt", "Nội dung bài.", "a")],
        ["a.txt", "b.txt"],
    )
    db = tmp_path / "warehouse.duckdb"
    assert stats.articles_loaded == 1
    assert rows(db, "SELECT source_path FROM articles") == [("a.txt",)]
    assert rows(db, "SELECT count(*) FROM people") == [(1,)]
    assert rows(db, "SELECT count(*) FROM indicators") == [(1,)]
    assert rows(db, "SELECT count(*) FROM sources WHERE present") == [(2,)]


def test_changed_content_replaces_article_and_children_but_shared_article_survives(tmp_path):
    db = tmp_path / "warehouse.duckdb"
    stage_and_load(
        tmp_path,
        "r1",
        [doc("a.txt", "Bản cũ.", "a"), doc("b.txt", "Bài chung.", "b"), doc("c.txt", "Bài chung.", "b")],
        ["a.txt", "b.txt", "c.txt"],
    )
    ((old,),) = rows(db, "SELECT article_id FROM sources WHERE source_path = 'a.txt'")
    ((shared,),) = rows(db, "SELECT article_id FROM sources WHERE source_path = 'b.txt'")
    stats = stage_and_load(
        tmp_path,
        "r2",
        [doc("a.txt", "Bản mới.", "c"), doc("b.txt", "Khác hẳn.", "d")],
        ["a.txt", "b.txt", "c.txt"],
    )
    assert stats.articles_replaced == 1  # a's old article; b's is still held by c.txt
    assert rows(db, f"SELECT count(*) FROM articles WHERE article_id = '{old}'") == [(0,)]
    assert rows(db, f"SELECT count(*) FROM people WHERE article_id = '{old}'") == [(0,)]
    assert rows(db, f"SELECT count(*) FROM articles WHERE article_id = '{shared}'") == [(1,)]
    assert rows(db, "SELECT count(*) FROM articles") == [(3,)]


def test_vanished_file_keeps_article_and_reload_is_idempotent(tmp_path):
    db = tmp_path / "warehouse.duckdb"
    stage_and_load(tmp_path, "r1", [doc("a.txt", "Một.", "a"), doc("b.txt", "Hai.", "b")], ["a.txt", "b.txt"])
    stats = stage_and_load(tmp_path, "r2", [], ["a.txt"])
    assert stats.sources_vanished == 1 and stats.articles_loaded == 0
    assert rows(db, "SELECT source_path, present FROM sources ORDER BY 1") == [
        ("a.txt", True),
        ("b.txt", False),
    ]
    assert rows(db, "SELECT count(*) FROM articles") == [(2,)]
    before = rows(db, "SELECT * FROM sources ORDER BY 1")
    stage_and_load(tmp_path, "r3", [], ["a.txt"])
    assert rows(db, "SELECT * FROM sources ORDER BY 1") == before


def test_quarantine_row_once_per_bad_version(tmp_path):
    db = tmp_path / "warehouse.duckdb"
    bad = Quarantined("x.png", "e" * 64, "binary", "PNG signature", None)
    stage_and_load(tmp_path, "r1", [], ["x.png"], [bad])
    stage_and_load(tmp_path, "r2", [], ["x.png"], [bad])
    assert rows(db, "SELECT source_path, reason, run_id FROM quarantine") == [("x.png", "binary", "r1")]
    assert rows(db, "SELECT article_id, present FROM sources") == [(None, True)]


def test_row_builders_fill_exactly_the_staged_columns_of_the_registry():
    """A row dict's key that is not a column would be dropped, a column without a key would
    load NULL: both silently, so the builders' keys are checked against the registry."""
    from tasks.records import DocumentRef
    from tasks.rows import SCHEMAS

    page = doc("a.txt", "Nội dung bài.", "a")
    page.facts.document_refs.append(DocumentRef("nghi_quyet", "09", None, None, None, "NQ 09", 0, 5))
    built = rows_for_doc(page, "r1", (1, 1))
    quarantined = rows_for_quarantine(Quarantined("x.png", "e" * 64, "binary", "PNG", None), "r1", None)
    for table, table_rows in [*built.items(), *quarantined.items()]:
        for row in table_rows:
            assert list(row) == SCHEMAS[table].names, table
    assert {t for t, r in built.items() if r} == {
        "articles",
        "boilerplate",
        "people",
        "document_refs",
        "indicators",
        "source_versions",
    }


def test_failure_inside_the_transaction_leaves_the_warehouse_as_it_was(tmp_path, monkeypatch):
    db = tmp_path / "warehouse.duckdb"
    stage_and_load(tmp_path, "r1", [doc("a.txt", "Một.", "a")], ["a.txt"])
    before = rows(db, "SELECT * FROM articles")

    def boom(name):
        if name == "load-merged":
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(load, "failpoint", boom)
    with pytest.raises(OSError):
        stage_and_load(tmp_path, "r2", [doc("a.txt", "Hai.", "b")], ["a.txt"])
    assert rows(db, "SELECT * FROM articles") == before
    assert rows(db, "SELECT source_path, present FROM sources") == [("a.txt", True)]


def test_atomic_parquet_write_leaves_no_file_when_the_writer_fails(tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    def failing_write(table, where, **kw):
        Path(where).write_bytes(b"PAR1 torn")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pq, "write_table", failing_write)
    with pytest.raises(OSError):
        store.write_part(tmp_path / "t" / "part-00000.parquet", pa.table({"a": [1]}))
    assert list((tmp_path / "t").iterdir()) == []


def test_recover_staging_publishes_committed_and_drops_the_rest(tmp_path):
    store.write_part(
        store.staging_dir(tmp_path, "done") / "articles" / "part-00000.parquet", pa.table({"a": [1]})
    )
    store.write_part(
        store.staging_dir(tmp_path, "dead") / "articles" / "part-00000.parquet", pa.table({"a": [2]})
    )
    dropped = store.recover_staging(tmp_path, {"done"})
    assert dropped == ["dead"]
    assert (tmp_path / "parquet" / "articles" / "run_id=done" / "part-00000.parquet").exists()
    assert not (tmp_path / "parquet" / "_staging" / "dead").exists()


def test_plan_skips_files_whose_size_and_mtime_match():
    a = SourceFile("/x/a", "a", 10, 1.5)
    b = SourceFile("/x/b", "b", 10, 2.0)
    known = {"a": ("sha", 10, int(1.5 * 1e9)), "b": ("sha", 11, int(2.0 * 1e9))}
    plan = plan_incremental([a, b], known)
    assert plan.unchanged == [a] and plan.to_read == [b]
    assert plan_incremental([a, b], known, full_refresh=True).to_read == [a, b]
    assert batches([a, b, a], 2) == [[a, b], [a]]
    with pytest.raises(ValueError):
        batches([a], 0)
