"""Parquet staging (atomic) and the DuckDB warehouse (one transaction per run).

Layout under the data folder:
  parquet/_staging/<run_id>/<table>/part-NNNNN.parquet   written by batches, validated, loaded
  parquet/<table>/run_id=<run_id>/part-NNNNN.parquet     published once the run's load committed
  warehouse.duckdb                                        current state (what users query)
A part file is written to a temporary name and renamed, so a killed writer leaves no torn
`.parquet`; staging of a run that never committed is discarded by the next run.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import time
import uuid
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from tasks.chrome import KeyCounts
from tasks.faults import failpoint
from tasks.tables import STAGED

# The `warehouse` package (the top-level warehouse/ folder) ships in the wheel: read it as a
# package resource, never by a path relative to this file.
WAREHOUSE_SQL = "warehouse"
STAGED_TABLES = tuple(STAGED)
# staged dataset -> published Parquet dataset (the warehouse table it is loaded into)
PUBLISHED_TABLES = {dataset: table.name for dataset, table in STAGED.items()}


# The file format DuckDB writes: the 1.4 format, which the 1.x clients users have (duckdb-cli and
# Python duckdb 1.5 on PyPI, DBeaver, R, Node) read; DuckDB 2.0's own format (v2.0.0) they refuse.
# A file created in this format keeps it when later opened and written by a plain connect; the
# setting is passed on every connect all the same (one configuration per file and process).
STORAGE_VERSION = "v1.4.0"
DUCKDB_CONFIG = {"storage_compatibility_version": STORAGE_VERSION}


log = logging.getLogger(__name__)


class WarehouseBusy(RuntimeError):
    """The DuckDB file stayed locked by another process for longer than we wait."""


# ---------------------------------------------------------------- Parquet


def staging_dir(data_dir: Path, run_id: str) -> Path:
    return data_dir / "parquet" / "_staging" / run_id


def write_part(path: Path, table: pa.Table) -> None:
    """Write a Parquet file atomically: temp name in the same folder, fsync, rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(table, tmp, compression="zstd")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        failpoint("parquet-written")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_batch(data_dir: Path, run_id: str, part: int | str, tables: dict[str, pa.Table]) -> None:
    """One part file per staged table; `part` names it ("00003-0001": batch 3, its second part)."""
    label = f"{part:05d}" if isinstance(part, int) else part
    for name in STAGED_TABLES:
        write_part(staging_dir(data_dir, run_id) / name / f"part-{label}.parquet", tables[name])


def staged_files(data_dir: Path, run_id: str, name: str) -> list[Path]:
    return sorted((staging_dir(data_dir, run_id) / name).glob("part-*.parquet"))


def publish_staging(data_dir: Path, run_id: str) -> None:
    """Move a committed run's staged parts into the published datasets (idempotent)."""
    stage = staging_dir(data_dir, run_id)
    for staged, published in PUBLISHED_TABLES.items():
        src = stage / staged
        if not src.is_dir():
            continue
        dst = data_dir / "parquet" / published / f"run_id={run_id}"
        dst.mkdir(parents=True, exist_ok=True)
        for part in sorted(src.glob("part-*.parquet")):
            os.replace(part, dst / part.name)
    shutil.rmtree(stage, ignore_errors=True)


def recover_staging(data_dir: Path, committed_run_ids: set[str]) -> list[str]:
    """Publish staging left by runs that committed; drop staging of runs that never did."""
    root = data_dir / "parquet" / "_staging"
    dropped: list[str] = []
    if not root.is_dir():
        return dropped
    for stage in sorted(p for p in root.iterdir() if p.is_dir()):
        if stage.name in committed_run_ids:
            publish_staging(data_dir, stage.name)
        else:
            shutil.rmtree(stage, ignore_errors=True)
            dropped.append(stage.name)
    return dropped


# ---------------------------------------------------------------- DuckDB


def connect(db_path: Path, *, read_only: bool = False, wait_s: float = 30.0) -> duckdb.DuckDBPyConnection:
    """Open the warehouse, waiting a while if another process holds its lock. A run never
    writes the file users read in place (tasks/swap.py), so in practice only a reader of a
    file being swapped in, or another program writing it, waits here."""
    deadline = time.monotonic() + wait_s
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(db_path), read_only=read_only, config=dict(DUCKDB_CONFIG))
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                if "lock" in str(exc).lower():
                    raise WarehouseBusy(f"{db_path} is locked by another process{_holder(exc)}") from exc
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def _holder(exc: Exception) -> str:
    """ " (PID 123, /usr/bin/duckdb)" from DuckDB's lock message, when it names the holder."""
    found = re.search(r"Conflicting lock is held in (.+?) \(PID (\d+)\)", str(exc))
    return f" (PID {found.group(2)}, {found.group(1)})" if found else ""


def schema_sql() -> str:
    return resources.files(WAREHOUSE_SQL).joinpath("schema.sql").read_text(encoding="utf-8")


def view_sqls() -> list[str]:
    """warehouse/views/*.sql, in file-name order."""
    views = resources.files(WAREHOUSE_SQL).joinpath("views")
    files = sorted((f for f in views.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name)
    return [f.read_text(encoding="utf-8") for f in files]


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    from tasks.dictionary import comment_statements

    _drop_string_keyed_chrome_lines(con)
    con.execute(schema_sql())
    for view in view_sqls():
        con.execute(view)
    # the data dictionary's meanings, where every DuckDB tool shows them (duckdb_columns())
    con.execute(";\n".join(comment_statements()))


# How long a reader waits for a writer's lock before it reads a snapshot instead. No bantin run
# ever holds the lock of the file users open (tasks/swap.py), so a holder is another program: most
# often a DuckDB CLI session opened without -readonly, which can sit there for hours.
READ_WAIT_S = 2.0


@contextmanager
def warehouse(db_path: Path, *, read_only: bool = False, wait_s: float = 30.0):
    if read_only:
        with open_for_reading(db_path, wait_s=min(wait_s, READ_WAIT_S)) as con:
            yield con
        return
    con = connect(db_path, read_only=False, wait_s=wait_s)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def open_for_reading(db_path: Path, *, wait_s: float = READ_WAIT_S):
    """A read-only connection to the warehouse. When another program holds the file open for
    writing (DuckDB then refuses readers), the connection is to a snapshot: a copy of the file
    (and its write-ahead log) in a private folder beside it, removed on exit. A run reads its
    state that way and goes on; the holder keeps the state it opened until it reconnects."""
    try:
        con = connect(db_path, read_only=True, wait_s=wait_s)
    except WarehouseBusy as busy:
        with snapshot(db_path) as copy:
            log.warning("%s; reading a snapshot of it (open it with `duckdb -readonly` to avoid this)", busy)
            con = connect(copy, read_only=True, wait_s=0)
            try:
                yield con
            finally:
                con.close()
        return
    try:
        yield con
    finally:
        con.close()


@contextmanager
def snapshot(db_path: Path):
    """Yield the path of a private copy of `db_path` (with its .wal when there is one)."""
    folder = Path(tempfile.mkdtemp(prefix=f".{db_path.name}.snapshot-", dir=db_path.parent))
    try:
        copy = folder / db_path.name
        shutil.copyfile(db_path, copy)
        wal = db_path.with_name(db_path.name + ".wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + ".wal"))
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def known_sources(db_path: Path) -> dict[str, tuple[str, int | None, int | None]]:
    """Present file versions: rel_path -> (sha256, size, mtime_ns)."""
    if not db_path.exists():
        return {}
    with warehouse(db_path, read_only=True) as con:
        if not _has_table(con, "sources"):
            return {}
        rows = con.execute(
            "SELECT source_path, source_sha256, size_bytes, mtime_ns FROM sources WHERE present"
        ).fetchall()
    return {p: (sha, size, mtime) for p, sha, size, mtime in rows}


def _drop_string_keyed_chrome_lines(con) -> None:
    """Warehouses before tasks/chrome.py kept line keys as text; the counts are derived data
    (a --full-refresh recounts them), so the old table is dropped, not converted."""
    if "line_key" in _columns(con, "chrome_lines"):
        con.execute("DROP TABLE chrome_lines")


def known_chrome_counts(db_path: Path) -> KeyCounts:
    if not db_path.exists():
        return KeyCounts.empty()
    with warehouse(db_path, read_only=True) as con:
        if "key_hash" not in _columns(con, "chrome_lines"):
            return KeyCounts.empty()
        t = con.sql("SELECT key_hash, pages FROM chrome_lines ORDER BY key_hash").to_arrow_table()
    return KeyCounts(
        t["key_hash"].to_numpy().astype("int64", copy=False),
        t["pages"].to_numpy().astype("int64", copy=False),
    )


def committed_run_ids(db_path: Path) -> set[str]:
    if not db_path.exists():
        return set()
    with warehouse(db_path, read_only=True) as con:
        if not _has_table(con, "runs"):
            return set()
        return {r[0] for r in con.execute("SELECT run_id FROM runs WHERE status = 'succeeded'").fetchall()}


def _columns(con, table: str) -> set[str]:
    return {
        r[0]
        for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
        ).fetchall()
    }


def _has_table(con, name: str) -> bool:
    return bool(
        con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[
            0
        ]
    )
