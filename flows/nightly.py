"""The nightly flow: the only module (with cli.py and schedule.py) that knows about Prefect.

bantin-nightly:  discover -> plan (incremental) -> [clean-extract] -> validate (GX)
                 -> load DuckDB (one transaction) -> publish Parquet -> report
clean-extract:   scan batches (chrome-line counts) -> process batches (clean, extract, stage
                 Parquet). A subflow so that it alone runs on Dask (local cluster or a remote
                 scheduler) while discovery, validation and the single-writer load stay in the
                 flow's own process.
"""

from __future__ import annotations

import os
import resource
import secrets
import time
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import TerminationSignal
from prefect.runtime import flow_run
from prefect.settings import temporary_settings

from flows.runners import make_task_runner
from flows.visibility import publish_run
from tasks import batch as batch_stage
from tasks import chrome as chrome_stage
from tasks import load as load_stage
from tasks import plan as plan_stage
from tasks import store, swap
from tasks.ingest import ListingAhead, discover_with_problems
from tasks.report.stages import record_stage_seconds
from tasks.runlock import run_lock

if TYPE_CHECKING:
    from tasks.quality import DqResult
    from tasks.records import Quarantined, SourceFile

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


# ------------------------------------------------------------------ tasks (thin wrappers)
# NO_CACHE: Prefect's default cache policy hashes every input; a batch's file list and the
# run's chrome set are large and never repeat, so hashing them is pure cost.


@task(name="discover", cache_policy=NO_CACHE)
def discover_task(
    input_dir: Path, listing: ListingAhead | None = None
) -> tuple[list[SourceFile], list[Quarantined]]:
    ahead = listing.take(input_dir) if listing is not None else None  # `bantin run` lists early
    return ahead if ahead is not None else discover_with_problems(input_dir)


@task(name="scan-chrome", cache_policy=NO_CACHE)
def scan_task(plan_file: str, start: int, stop: int) -> chrome_stage.PageKeys:
    return batch_stage.scan_batch(plan_stage.read_plan(Path(plan_file), start, stop))


@task(name="process-batch", retries=1, retry_delay_seconds=1, cache_policy=NO_CACHE)
def process_task(
    plan_file: str, start: int, stop: int, batch_no: int, run_id: str, data_dir: Path, chrome_lines
) -> batch_stage.BatchSummary:
    return batch_stage.process_batch(
        plan_stage.read_plan(Path(plan_file), start, stop),
        batch_no=batch_no,
        run_id=run_id,
        data_dir=data_dir,
        chrome_lines=chrome_lines,
    )


@task(name="stage-unreadable", cache_policy=NO_CACHE)
def stage_problems_task(problems, run_id: str, data_dir: Path, batch_no: int) -> batch_stage.BatchSummary:
    return batch_stage.stage_quarantined(problems, batch_no=batch_no, run_id=run_id, data_dir=data_dir)


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(data_dir: Path, run_id: str) -> list[DqResult]:
    from tasks.quality import validate_staged

    return validate_staged(data_dir, run_id)


@task(name="load-warehouse", cache_policy=NO_CACHE)
def load_task(
    db_path: Path,
    data_dir: Path,
    run_id: str,
    discovered_paths,
    run_stats,
    dq_rows,
    chrome_counts,
    full_refresh: bool,
    stage_seconds: dict,
) -> load_stage.LoadStats:
    """The load and the stage times so far, in one swap of the warehouse file: the report that
    follows charts this run's stages."""
    return load_stage.load_run(
        db_path,
        data_dir,
        run_id,
        discovered_paths=discovered_paths,
        run_stats=run_stats,
        dq_rows=dq_rows,
        chrome_counts=chrome_counts,
        finished_at=datetime.now(),
        reset_chrome=full_refresh,
        then=lambda work: record_stage_seconds(work, run_id, stage_seconds),
    )


@task(name="publish-parquet", cache_policy=NO_CACHE)
def publish_task(data_dir: Path, run_id: str) -> None:
    store.publish_staging(data_dir, run_id)


@task(name="build-report", cache_policy=NO_CACHE)
def report_task(data_dir: Path) -> Path:
    from tasks.report import build_report

    return build_report(data_dir)


def _results(futures, what: str):
    out = []
    for i, fut in enumerate(futures):
        try:
            out.append(fut.result(timeout=BATCH_TIMEOUT_S))
        except TimeoutError as exc:
            raise RuntimeError(
                f"{what} batch {i} did not finish within {BATCH_TIMEOUT_S:.0f} s "
                "(a lost or stuck worker?); the run is abandoned"
            ) from exc
    return out


# ------------------------------------------------------------------ the flows


@dataclass
class CleanExtractResult:
    counts: chrome_stage.KeyCounts  # this run's line-key page counts
    batches: list  # BatchSummary per batch
    seconds: dict


@flow(name="clean-extract", log_prints=False)
def clean_extract(
    plan_file: str, run_id: str, data_dir: str, batch_size: int, full_refresh: bool = False
) -> CleanExtractResult:
    """Scan then process the planned files. The file list is a staged plan file, not a parameter:
    Prefect records flow parameters in its database, and 100,000 paths do not belong there; each
    task reads its own slice of it."""
    data_path = Path(data_dir)
    seconds: dict[str, Any] = {}
    batches = plan_stage.slices(plan_stage.plan_size(Path(plan_file)), batch_size)
    with timed(seconds, "scan"):
        scans = _results([scan_task.submit(plan_file, a, b) for a, b in batches], "scan")
        counts = chrome_stage.count_pages(scans)
        del scans
        history = (
            chrome_stage.KeyCounts.empty()
            if full_refresh
            else store.known_chrome_counts(data_path / "warehouse.duckdb")
        )
        chrome = batch_stage.chrome_set(chrome_stage.merge_counts([history, counts]))
        del history
    with timed(seconds, "clean_extract"):
        results = _results(
            [
                process_task.submit(plan_file, a, b, i, run_id, data_path, chrome)
                for i, (a, b) in enumerate(batches)
            ],
            "process",
        )
    return CleanExtractResult(counts=counts, batches=results, seconds=seconds)


@flow(name="bantin-nightly", log_prints=False)
def nightly(
    input_dir: str = "seeds",
    data_dir: str = "data",
    full_refresh: bool = False,
    batch_size: int | None = None,
    workers: int | None = None,
    dask_address: str | None = None,
    listing: ListingAhead | None = None,
) -> RunSummary:
    """workers/batch_size None = automatic (all cores for big runs, a few tasks per worker).
    listing: the input folder's listing started ahead of the flow (`bantin run`), if any.
    The data folder's run lock is taken here, so no two runs overlap whoever starts them; the
    refused one ends Failed with RunLocked's one-line message."""
    started = datetime.now()
    run_id = new_run_id(started)
    data_path = Path(data_dir)
    with run_lock(data_path, run_id):
        return _locked_run(
            RunArgs(Path(input_dir), data_path, full_refresh, batch_size, workers, dask_address, listing),
            run_id,
            started,
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


def _locked_run(args: RunArgs, run_id: str, started: datetime) -> RunSummary:
    """The run, recorded in `runs` whatever happens: succeeded, failed or interrupted."""
    db_path = args.data_path / "warehouse.duckdb"
    secs: dict[str, Any] = {}
    summary = RunSummary(run_id=run_id, status="running", warehouse=str(db_path), stage_stats=secs)
    try:
        with timed(secs, "start"):
            store.recover_staging(args.data_path, store.committed_run_ids(db_path))
            load_stage.start_run(db_path, run_id, started, str(args.input_path), _flow_run_id())
        return _stages(args, summary, db_path)
    except BaseException as exc:
        interrupted = isinstance(exc, (KeyboardInterrupt, SystemExit, TerminationSignal))
        if interrupted:
            for hook in ON_INTERRUPT:
                hook()
        load_stage.end_run_unsuccessfully(
            db_path,
            run_id,
            started_at=started,
            finished_at=datetime.now(),
            input_dir=str(args.input_path),
            status="interrupted" if interrupted else "failed",
            message=describe_exception(exc),
        )
        raise


# Called as soon as the flow knows it was interrupted (Ctrl-C, SIGTERM), before it records the
# run: `bantin run` starts its exit deadline there. During a flow run SIGTERM reaches Prefect's
# handler (it raises TerminationSignal), not the handler of the program that called the flow.
ON_INTERRUPT: list[Callable[[], None]] = []


def describe_exception(exc: BaseException) -> str:
    if isinstance(exc, TerminationSignal):
        return "interrupted (SIGTERM)" if exc.signal == 15 else f"interrupted (signal {exc.signal})"
    if isinstance(exc, KeyboardInterrupt) or (isinstance(exc, SystemExit) and exc.code == 130):
        return "interrupted (Ctrl-C)"
    if isinstance(exc, SystemExit):
        return "interrupted (SIGTERM)" if exc.code == 143 else f"stopped (exit {exc.code})"
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _stages(args: RunArgs, summary: RunSummary, db_path: Path) -> RunSummary:
    log = get_run_logger()
    data_path, run_id, secs = args.data_path, summary.run_id, summary.stage_stats
    with timed(secs, "discover_plan"):
        files, problems = discover_task(args.input_path, args.listing)
        plan = plan_stage.plan_incremental(
            files, store.known_sources(db_path), full_refresh=args.full_refresh
        )
    summary.files_seen = len(files) + len(problems)
    summary.files_unchanged = len(plan.unchanged)
    if not summary.files_seen:
        summary.warnings.append(f"the input folder {args.input_path} holds no files")
    n_to_read = len(plan.to_read)
    summary.workers = choose_workers(args.workers, n_to_read, args.dask_address)
    summary.runner = (
        f"dask {args.dask_address}"
        if args.dask_address
        else f"dask local cluster, {summary.workers} processes"
        if summary.workers > 1
        else "this process"
    )
    size = args.batch_size or auto_batch_size(n_to_read, summary.workers)
    n_batches = -(-n_to_read // size)
    plan_file = (
        plan_stage.write_plan(store.staging_dir(data_path, run_id) / "plan.parquet", plan.to_read)
        if n_to_read
        else None
    )
    # From here on the flow needs only the paths it saw (for the load's vanished check):
    # one Arrow array instead of a Python object per file.
    discovered = pa.array([f.rel_path for f in files] + [q.rel_path for q in problems], pa.string())
    del files, plan
    log.info(
        "run %s: %d files seen, %d to read in %d batches on %s",
        run_id,
        summary.files_seen,
        n_to_read,
        n_batches,
        summary.runner,
    )

    results, counts = [], None
    if plan_file is not None:
        results, counts = _clean_extract_stage(args, summary, plan_file, size)
    if problems:
        results.append(stage_problems_task(problems, run_id, data_path, n_batches))
    reasons: Counter = Counter()
    for r in results:
        reasons.update(r.reasons)
    summary.files_quarantined = sum(r.quarantined for r in results)
    summary.quarantine_reasons = dict(reasons)
    summary.files_new = sum(r.files for r in results if r.batch_no < n_batches)

    dq_rows = _validate_stage(data_path, summary, bool(results))
    log.info(
        "clean-extract done: %d files read, %d quarantined %s; %d of %d expectations failed",
        summary.files_new,
        summary.files_quarantined,
        summary.quarantine_reasons,
        len(summary.dq_failed),
        summary.dq_checked,
    )
    with timed(secs, "load"):
        stats = load_task(
            db_path,
            data_path,
            run_id,
            discovered,
            dict(
                files_seen=summary.files_seen,
                files_new=summary.files_new,
                files_quarantined=summary.files_quarantined,
            ),
            # a key seen on one page only carries no repetition signal: not kept
            dq_rows,
            chrome_stage.at_least(counts, 2) if counts is not None else None,
            args.full_refresh,
            secs,
        )
    summary.articles_loaded = stats.articles_loaded
    summary.articles_replaced = stats.articles_replaced
    summary.files_vanished = stats.sources_vanished
    log.info(
        "loaded: %d articles (%d replaced), %d files vanished",
        stats.articles_loaded,
        stats.articles_replaced,
        stats.sources_vanished,
    )
    with timed(secs, "publish_report"):
        publish_task(data_path, run_id)
        summary.report = str(report_task(data_path))
    with swap.replacing(db_path) as work:
        record_stage_seconds(work, run_id, secs)  # now with publish_report itself
    summary.status = "succeeded"
    publish_run(summary, _flow_run_id())
    return summary


def _clean_extract_stage(args: RunArgs, summary: RunSummary, plan_file: Path, size: int):
    runner = make_task_runner(summary.workers, args.dask_address, api_url=_api_url())
    if summary.workers == 1 and not args.dask_address:
        # with Dask workers on this machine, its ~250 MB would add to their peak instead
        warm_up_validation()
    with timed(summary.stage_stats, "clean_extract_flow"):
        ce = clean_extract.with_options(task_runner=runner)(
            plan_file=str(plan_file),
            run_id=summary.run_id,
            data_dir=str(args.data_path),
            batch_size=size,
            full_refresh=args.full_refresh,
        )
    summary.stage_stats.update({k: v for k, v in ce.seconds.items() if k != "_peak_rss_mb"})
    return list(ce.batches), ce.counts


def _validate_stage(data_path: Path, summary: RunSummary, anything_staged: bool) -> list[dict]:
    """Validate what this run staged; a run that found nothing new has nothing to validate
    (and skips Great Expectations' multi-second import)."""
    with timed(summary.stage_stats, "validate"):
        dq: list[DqResult] = validate_task(data_path, summary.run_id) if anything_staged else []
    summary.dq_checked = len(dq)
    summary.dq_failed = [
        f"{r.table_name}: {r.expectation} ({r.unexpected_count} unexpected)" for r in dq if not r.success
    ]
    return [
        dict(
            table_name=r.table_name,
            expectation=r.expectation,
            success=r.success,
            unexpected_count=r.unexpected_count,
            rows_checked=r.rows_checked,
        )
        for r in dq
    ]


def warm_up_validation() -> None:
    """Import Great Expectations (~3 s) in the background while pages are processed, so the
    validation step that follows does not wait for it."""
    import importlib
    import threading

    threading.Thread(
        target=importlib.import_module, args=("great_expectations",), name="import-gx", daemon=True
    ).start()


def _flow_run_id() -> str | None:
    try:
        return str(flow_run.get_id())
    except Exception:
        return None


def _api_url() -> str | None:
    """The address of the Prefect API this flow run talks to."""
    from prefect.context import FlowRunContext

    ctx = FlowRunContext.get()
    return str(ctx.client.api_url) if ctx and ctx.client else None


def run_nightly(
    input_dir: Path,
    data_dir: Path,
    *,
    full_refresh: bool = False,
    batch_size: int | None = None,
    workers: int | None = None,
    dask_address: str | None = None,
    api_url: str | None = None,
    heartbeats: bool = True,
    listing: ListingAhead | None = None,
) -> RunSummary:
    """api_url: the Prefect API to use (None: the one Prefect's settings name, or Prefect's own
    ephemeral server). heartbeats=False: the flow run sends none. Heartbeats let a long-lived
    server mark a crashed run; a temporary server that ends with the run never reads them, and
    the flow's end waits up to 1 s for the heartbeat thread, which sleeps in 1 s steps."""
    updates: dict = {} if heartbeats else {"flows.heartbeat_frequency": None}
    if api_url:
        updates["api.url"] = api_url
    with temporary_settings(updates=updates):
        return nightly(
            input_dir=str(input_dir),
            data_dir=str(data_dir),
            full_refresh=full_refresh,
            batch_size=batch_size,
            workers=workers,
            dask_address=dask_address,
            listing=listing,
        )
