"""Incremental planning: which discovered files need reading this run."""
from __future__ import annotations

from dataclasses import dataclass

from tasks.model import SourceFile


@dataclass
class Plan:
    to_read: list[SourceFile]
    unchanged: list[SourceFile]


def plan_incremental(files: list[SourceFile], known: dict[str, tuple[str, int | None, int | None]],
                     *, full_refresh: bool = False) -> Plan:
    """A file whose size and mtime match the present version on record is not read again.

    Size + mtime is what rsync and make trust; a file rewritten with identical stats but new
    bytes is the rare case we accept missing until its next touch (or a --full-refresh).
    """
    to_read, unchanged = [], []
    for sf in files:
        rec = known.get(sf.rel_path)
        if not full_refresh and rec is not None and rec[1] == sf.size \
                and rec[2] == int(sf.mtime * 1_000_000_000):
            unchanged.append(sf)
        else:
            to_read.append(sf)
    return Plan(to_read=to_read, unchanged=unchanged)


def batches(files: list[SourceFile], size: int) -> list[list[SourceFile]]:
    if size < 1:
        raise ValueError("batch size must be >= 1")
    return [files[i:i + size] for i in range(0, len(files), size)]
