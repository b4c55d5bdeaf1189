"""The warehouse file: written in the 1.x-readable format, replaced atomically, readers undisturbed;
the run lock; the runs row of a run that did not succeed."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime

import duckdb
import pytest

from tasks import load, swap
from tasks.runlock import RunLocked, run_lock
from tasks.store import STORAGE_VERSION, WarehouseBusy, connect, warehouse


def _write(db, sql: str) -> None:
    with swap.replacing(db) as work, warehouse(work) as con:
        con.execute(sql)


def _session_counting_t(db, *, read_only: bool) -> subprocess.Popen:
    """Another process that opens `db`, prints count(*) of t, and after a line on its stdin
    prints it again from the same connection."""
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys\n"
            f"con = duckdb.connect({str(db)!r}, read_only={read_only})\n"
            "print(con.execute('SELECT count(*) FROM t').fetchone()[0], flush=True)\n"
            "sys.stdin.readline()\n"
            "print(con.execute('SELECT count(*) FROM t').fetchone()[0], flush=True)\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_new_warehouse_is_written_in_the_1x_format_and_keeps_it(tmp_path):
    db = tmp_path / "w.duckdb"
    _write(db, "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)")
    assert swap.storage_version(db) == STORAGE_VERSION
    with duckdb.connect(str(db)) as con:  # a plain connect, as any tool would write it
        con.execute("INSERT INTO t VALUES (2)")
    assert swap.storage_version(db) == STORAGE_VERSION
    _write(db, "INSERT INTO t VALUES (3)")
    assert swap.storage_version(db) == STORAGE_VERSION


def test_a_duckdb_2_warehouse_is_migrated_on_its_next_write(tmp_path):
    db = tmp_path / "w.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute(
            "CREATE TABLE t (x INTEGER PRIMARY KEY, s VARCHAR); INSERT INTO t VALUES (1, 'a');"
            "COMMENT ON TABLE t IS 'kept'; CREATE VIEW v AS SELECT x FROM t"
        )
    assert swap.storage_version(db) == "v2.0.0"
    _write(db, "INSERT INTO t VALUES (2, 'b')")
    assert swap.storage_version(db) == STORAGE_VERSION
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT x, s FROM t ORDER BY x").fetchall() == [(1, "a"), (2, "b")]
        assert con.execute("SELECT count(*) FROM v").fetchone() == (2,)
        comment = con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = 't'").fetchone()
        assert comment == ("kept",)
    with duckdb.connect(str(db)) as con, pytest.raises(duckdb.ConstraintException):  # the key came along
        con.execute("INSERT INTO t VALUES (1, 'again')")


def test_a_reader_holding_the_file_open_neither_blocks_the_write_nor_sees_half_of_it(tmp_path):
    db = tmp_path / "w.duckdb"
    _write(db, "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)")
    reader = _session_counting_t(db, read_only=True)
    try:
        assert reader.stdout.readline().strip() == "1"  # holds the file open from here on
        t0 = time.monotonic()
        _write(db, "INSERT INTO t SELECT range FROM range(1000)")
        assert time.monotonic() - t0 < 10
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "1"  # its open file: the state it opened
    finally:
        reader.kill()
        reader.wait()
    with duckdb.connect(str(db), read_only=True) as con:  # reconnecting: the new state
        assert con.execute("SELECT count(*) FROM t").fetchone() == (1001,)


def test_a_session_holding_the_file_open_for_writing_neither_stops_reads_nor_the_write(tmp_path, caplog):
    """The DuckDB CLI opens a file read-write unless told -readonly, and DuckDB then refuses
    every other connection to it. A run reads a snapshot, writes its copy and swaps it in."""
    db = tmp_path / "w.duckdb"
    _write(db, "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)")
    holder = _session_counting_t(db, read_only=False)  # read-write, as `duckdb FILE` opens it
    try:
        assert holder.stdout.readline().strip() == "1"  # holds the write lock from here on
        with pytest.raises(WarehouseBusy, match=r"PID \d+"):
            connect(db, read_only=True, wait_s=0)  # what DuckDB itself does to a reader
        with warehouse(db, read_only=True) as con:
            assert con.execute("SELECT count(*) FROM t").fetchone() == (1,)
        assert "reading a snapshot" in caplog.text
        _write(db, "INSERT INTO t SELECT range FROM range(1000)")
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "1"  # the holder keeps the state it opened
    finally:
        holder.kill()
        holder.wait()
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM t").fetchone() == (1001,)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb"]  # no snapshot left behind


def test_a_failed_write_leaves_the_warehouse_as_it_was_and_no_copy(tmp_path):
    db = tmp_path / "w.duckdb"
    _write(db, "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)")
    before = db.read_bytes()
    with pytest.raises(duckdb.Error):
        _write(db, "INSERT INTO t VALUES (2); INSERT INTO nope VALUES (3)")
    assert db.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["w.duckdb"]


def test_copies_left_by_a_killed_writer_are_removed(tmp_path):
    db = tmp_path / "w.duckdb"
    stray = tmp_path / ".w.duckdb.999999-1.next"
    stray.write_bytes(b"half a copy")
    _write(db, "CREATE TABLE t (x INTEGER)")
    assert not stray.exists()


def test_the_run_lock_refuses_a_second_holder_with_one_line(tmp_path):
    with run_lock(tmp_path, "run-1"), pytest.raises(RunLocked) as refused, run_lock(tmp_path, "run-2"):
        pass
    message = str(refused.value)
    assert "another bantin run" in message and "run-1" in message and "\n" not in message
    with run_lock(tmp_path, "run-3"):  # released: the next one gets it
        pass


def test_a_failed_or_interrupted_run_keeps_its_row_and_reason(tmp_path):
    db = tmp_path / "warehouse.duckdb"
    started = datetime(2026, 12, 1, 2, 0)
    load.start_run(db, "r1", started, "in", None)
    load.end_run_unsuccessfully(
        db,
        "r1",
        started_at=started,
        finished_at=datetime(2026, 12, 1, 2, 5),
        input_dir="in",
        status="interrupted",
        message="stopped by SIGTERM",
    )
    # a run stopped before its start was recorded still gets a row
    load.end_run_unsuccessfully(
        db,
        "r2",
        started_at=started,
        finished_at=started,
        input_dir="in",
        status="failed",
        message="OSError: disk full",
    )
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT run_id, status, message, finished_at IS NOT NULL FROM runs ORDER BY run_id"
        ).fetchall()
    assert rows == [
        ("r1", "interrupted", "stopped by SIGTERM", True),
        ("r2", "failed", "OSError: disk full", True),
    ]
