"""Incremental planning: which discovered files need reading this run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tasks.records import SourceFile


@dataclass
class Plan:
    to_read: list[SourceFile]
    unchanged: list[SourceFile]


def plan_incremental(
    files: list[SourceFile],
    known: dict[str, tuple[str, int | None, int | None]],
    *,
    full_refresh: bool = False,
) -> Plan:
    """A file whose size and mtime match the present version on record is not read again.

    Size + mtime is what rsync and make trust; a file rewritten with identical stats but new
    bytes is the rare case we accept missing until its next touch (or a --full-refresh).
    """
    to_read, unchanged = [], []
    for sf in files:
        rec = known.get(sf.rel_path)
        if (
            not full_refresh
            and rec is not None
            and rec[1] == sf.size
            and rec[2] == int(sf.mtime * 1_000_000_000)
        ):
            unchanged.append(sf)
        else:
            to_read.append(sf)
    return Plan(to_read=to_read, unchanged=unchanged)


def batches(files: list[SourceFile], size: int) -> list[list[SourceFile]]:
    return [files[a:b] for a, b in slices(len(files), size)]


def write_plan(path: Path, files: list[SourceFile]) -> Path:
    """The files a run will read, as a Parquet file the clean-extract subflow (or a remote Dask
    client) reads back: keeps 100,000 paths out of Prefect's parameter records."""
    from tasks.store import write_part

    write_part(
        path,
        pa.table(
            {
                "path": pa.array([f.path for f in files], pa.string()),
                "rel_path": pa.array([f.rel_path for f in files], pa.string()),
                "size": pa.array([f.size for f in files], pa.int64()),
                "mtime": pa.array([f.mtime for f in files], pa.float64()),
                "host": pa.array([f.host for f in files], pa.string()),
                "url": pa.array([f.url for f in files], pa.string()),
            }
        ),
    )
    return path


def read_plan(path: Path, start: int = 0, stop: int | None = None) -> list[SourceFile]:
    """The planned files [start:stop]: a batch task reads its own slice, so file lists never
    travel through the flow process or Prefect's task parameters."""
    t = pq.read_table(path)
    t = t.slice(start, (t.num_rows if stop is None else stop) - start)
    return [
        SourceFile(p, r, s, m, h, u)
        for p, r, s, m, h, u in zip(
            t["path"].to_pylist(),
            t["rel_path"].to_pylist(),
            t["size"].to_pylist(),
            t["mtime"].to_pylist(),
            _optional(t, "host"),
            _optional(t, "url"),
            strict=False,
        )
    ]


def _optional(t: pa.Table, column: str) -> list:
    """A column plans written before it existed lack (origin: host, url)."""
    return t[column].to_pylist() if column in t.column_names else [None] * t.num_rows


def plan_size(path: Path) -> int:
    return pq.ParquetFile(path).metadata.num_rows


def slices(n: int, size: int) -> list[tuple[int, int]]:
    """[start, stop) of each batch of `size` over n planned files."""
    if size < 1:
        raise ValueError("batch size must be >= 1")
    return [(i, min(i + size, n)) for i in range(0, n, size)]
