"""Write the warehouse without ever blocking or disturbing its readers.

DuckDB lets one process write a file, or any number read it, never both: an analyst's
read-only session (the DuckDB CLI, a notebook) would stop a run from opening the file for
writing, and a reader opened while a run writes would wait or fail. So a run never writes the
file users open. Each write works on a copy beside it:

  copy warehouse.duckdb -> .warehouse.duckdb.<pid>.next   (same folder: same file system)
  open the copy read-write, apply the change, close it (DuckDB checkpoints on close), fsync
  os.replace(copy, warehouse.duckdb), fsync the folder

The rename is atomic: a reader that opens the path sees the old file or the new one, never a
half-written one; a reader that holds the old file open keeps reading it (its inode lives on)
and sees the new state when it reconnects. A run killed mid-write leaves the warehouse as it was
and a stray copy, removed by the next write. Only one run writes a data folder at a time
(tasks/runlock.py), so copies never race each other.

The copy also moves a warehouse written in DuckDB 2.0's own format into the 1.x-readable one
(tasks/store.py STORAGE_VERSION): a file-level copy would keep the old format, so such a file is
copied table by table (COPY FROM DATABASE) once.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from tasks.faults import failpoint
from tasks.store import DUCKDB_CONFIG, STORAGE_VERSION

WORK_SUFFIX = ".next"


def work_path(db_path: Path) -> Path:
    """Named by process and thread: an interrupted run's last record may be written from another
    thread of the process while the first still holds its copy."""
    return db_path.with_name(f".{db_path.name}.{os.getpid()}-{threading.get_ident()}{WORK_SUFFIX}")


@contextmanager
def replacing(db_path: Path) -> Iterator[Path]:
    """Yield the path of a working copy of `db_path`; when the block ends without an error the
    copy replaces `db_path` atomically, otherwise it is thrown away. The caller opens and closes
    the copy itself (tasks/store.warehouse)."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    remove_stray_copies(db_path)
    work = work_path(db_path)
    try:
        if db_path.exists():
            copy_for_writing(db_path, work)
        yield work
        _settle(work)
        failpoint("swap-before-replace")
        os.replace(work, db_path)
        _fsync_dir(db_path.parent)
    finally:
        _remove(work)


def copy_for_writing(src: Path, dst: Path) -> None:
    """A copy of `src` at `dst` in the 1.x-readable format (a plain file copy when it already is).
    The file is copied before anything opens it: another program holding `src` open for writing
    (a DuckDB CLI session without -readonly) locks out every connection to it, not a file copy."""
    shutil.copyfile(src, dst)
    if _wal(src).exists():  # a write cut short before it checkpointed: its log goes along
        shutil.copyfile(_wal(src), _wal(dst))
    if storage_version(dst) == STORAGE_VERSION:
        return
    old_format = dst.with_name(dst.name + ".old-format")
    os.replace(dst, old_format)
    if _wal(dst).exists():
        os.replace(_wal(dst), _wal(old_format))
    try:
        migrate(old_format, dst)
    finally:
        _remove(old_format)


def migrate(src: Path, dst: Path) -> None:
    """Copy every table, view, sequence and comment of `src` into a new file `dst` written in
    STORAGE_VERSION (how a warehouse from DuckDB 2.0's format becomes readable by 1.x tools)."""
    _remove(dst)
    with duckdb.connect(":memory:") as con:
        con.execute(f"ATTACH '{_sql_str(src)}' AS old (READ_ONLY)")
        con.execute(f"ATTACH '{_sql_str(dst)}' AS new (STORAGE_VERSION '{STORAGE_VERSION}')")
        con.execute("COPY FROM DATABASE old TO new")
        con.execute("DETACH new")


def storage_version(db_path: Path) -> str:
    """The storage version DuckDB reports for the file, e.g. 'v1.4.0' or 'v2.0.0'."""
    with duckdb.connect(":memory:") as con:
        con.execute(f"ATTACH '{_sql_str(db_path)}' AS f (READ_ONLY)")
        row = con.execute(
            "SELECT tags['storage_version'] FROM duckdb_databases() WHERE database_name = 'f'"
        ).fetchone()
    return str((row or [""])[0] or "").rstrip("+")


def remove_stray_copies(db_path: Path) -> list[Path]:
    """Working copies left by killed writers: those of other processes (one run per data folder
    at a time, so no other process is writing one now)."""
    mine = f".{db_path.name}.{os.getpid()}-"
    stray = sorted(
        p for p in db_path.parent.glob(f".{db_path.name}.*{WORK_SUFFIX}") if not p.name.startswith(mine)
    )
    for path in stray:
        _remove(path)
    return stray


def _settle(work: Path) -> None:
    """Make sure the copy is one self-contained file: no write-ahead log beside it."""
    if not work.exists():
        with duckdb.connect(str(work), config=dict(DUCKDB_CONFIG)):
            pass  # nothing was written: an empty warehouse, in the right format
    if _wal(work).exists():
        with duckdb.connect(str(work), config=dict(DUCKDB_CONFIG)) as con:
            con.execute("CHECKPOINT")
    with open(work, "rb") as fh:
        os.fsync(fh.fileno())


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    for p in (path, _wal(path), path.with_name(path.name + ".tmp")):
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        elif p.exists():
            p.unlink()


def _sql_str(path: Path) -> str:
    return str(path).replace("'", "''")
