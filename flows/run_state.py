"""The state of one run and the choices made from its size: plain Python, no Prefect (the
flow in flows/nightly.py fills a RunSummary; the CLI prints it, flows/visibility.py publishes it)."""

from __future__ import annotations

import os
import resource
import secrets
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tasks.ingest import ListingAhead

# Below this many files to read, a local Dask cluster costs more (start-up, worker imports) than
# the second core gives back; `--workers N` forces it either way. Measured on 2 cores
# (bench/RESULTS.md): 10k files 25.1 s with Dask vs 21.6 s without, 30k 35–47 s vs 42–48 s.
AUTO_DASK_MIN_FILES = 20_000
# Task sizes: a few tasks per worker balance the load; each Prefect task costs API round trips.
MIN_BATCH, MAX_BATCH, TASKS_PER_WORKER = 250, 5_000, 4
# A batch that has not finished after this long is treated as lost (e.g. a Dask worker that
# cannot unpickle the task never reports back): the run fails instead of waiting forever.
BATCH_TIMEOUT_S = float(os.environ.get("BANTIN_BATCH_TIMEOUT_S", 3600))


@dataclass
class RunSummary:
    run_id: str
    status: str
    files_seen: int = 0
    files_new: int = 0
    files_unchanged: int = 0
    files_quarantined: int = 0
    articles_loaded: int = 0
    articles_replaced: int = 0
    files_vanished: int = 0
    quarantine_reasons: dict = field(default_factory=dict)
    dq_failed: list = field(default_factory=list)
    dq_checked: int = 0
    warehouse: str = ""
    report: str = ""
    workers: int = 1
    runner: str = "this process"
    stage_stats: dict = field(default_factory=dict)  # seconds by stage; "_peak_rss_mb": {stage: MB}
    warnings: list = field(default_factory=list)  # e.g. an empty input folder


def new_run_id(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


def auto_batch_size(n_files: int, workers: int) -> int:
    per_task = -(-n_files // max(1, workers * TASKS_PER_WORKER))
    return max(MIN_BATCH, min(MAX_BATCH, per_task))


def choose_workers(requested: int | None, n_files: int, dask_address: str | None) -> int:
    """Worker processes for clean-extract: as asked, else all cores when the run is big enough."""
    if dask_address:
        return max(1, requested or 1)
    if requested:
        return requested
    return (os.cpu_count() or 1) if n_files >= AUTO_DASK_MIN_FILES else 1


@contextmanager
def timed(seconds: dict, stage: str):
    t0 = time.perf_counter()
    try:
        yield
    finally:
        seconds[stage] = round(seconds.get(stage, 0.0) + time.perf_counter() - t0, 3)
        # this process's peak RSS so far (MB): which stage raised it shows in the run log
        seconds.setdefault("_peak_rss_mb", {})[stage] = round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        )


@dataclass
class RunArgs:
    input_path: Path
    data_path: Path
    full_refresh: bool
    batch_size: int | None
    workers: int | None
    dask_address: str | None
    listing: ListingAhead | None
