"""The nightly flows. The tasks they compose are in flows/steps.py; with cli.py and schedule.py
these are the only modules that know about Prefect.

bantin-nightly:  discover -> plan (incremental) -> [clean-extract] -> validate (GX)
                 -> load DuckDB (one transaction) -> publish Parquet -> report
clean-extract:   scan batches (chrome-line counts) -> process batches (clean, extract, stage
                 Parquet). A subflow so that it alone runs on Dask (local cluster or a remote
                 scheduler) while discovery, validation and the single-writer load stay in the
                 flow's own process.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
from prefect import flow, get_run_logger
from prefect.exceptions import TerminationSignal
from prefect.runtime import flow_run
from prefect.settings import temporary_settings

from flows.run_state import (
    RunArgs,
    RunSummary,
    auto_batch_size,
    choose_workers,
    new_run_id,
    timed,
)
from flows.runners import make_task_runner
from flows.steps import (
    discover_task,
    load_task,
    process_task,
    publish_task,
    report_task,
    results_of,
    scan_task,
    stage_problems_task,
    validate_task,
)
from flows.visibility import publish_run
from tasks import batch as batch_stage
from tasks import chrome as chrome_stage
from tasks import load as load_stage
from tasks import plan as plan_stage
from tasks import store, swap
from tasks.ingest import ListingAhead
from tasks.report.stages import record_stage_seconds
from tasks.runlock import run_lock

if TYPE_CHECKING:
    from tasks.quality import DqResult
    from tasks.records import Quarantined

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
        scans = results_of([scan_task.submit(plan_file, a, b) for a, b in batches], "scan")
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
        results = results_of(
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
        interrupted = isinstance(exc, (KeyboardInterrupt, SystemExit, TerminationSignal)) or any(
            stopping() for stopping in STOP_REQUESTED
        )
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
            message=describe_exception(exc, stop_requested=interrupted),
        )
        raise


# Called as soon as the flow knows it was interrupted (Ctrl-C, SIGTERM), before it records the
# run: `bantin run` starts its exit deadline there. During a flow run SIGTERM reaches Prefect's
# handler (it raises TerminationSignal), not the handler of the program that called the flow.
ON_INTERRUPT: list[Callable[[], None]] = []
# Asked when the run fails: has the calling program received a stop signal? A SystemExit raised by
# its signal handler inside a library can come back as that library's own error (pydantic turns
# it into PydanticSerializationError); the run is then interrupted, not failed.
STOP_REQUESTED: list[Callable[[], bool]] = []


def describe_exception(exc: BaseException, stop_requested: bool = False) -> str:
    if isinstance(exc, TerminationSignal):
        return "interrupted (SIGTERM)" if exc.signal == 15 else f"interrupted (signal {exc.signal})"
    if isinstance(exc, KeyboardInterrupt) or (isinstance(exc, SystemExit) and exc.code == 130):
        return "interrupted (Ctrl-C)"
    if isinstance(exc, SystemExit):
        return "interrupted (SIGTERM)" if exc.code == 143 else f"stopped (exit {exc.code})"
    text = str(exc).splitlines()[0] if str(exc) else ""
    described = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return f"interrupted (stop signal, surfaced as {described})" if stop_requested else described


def _stages(args: RunArgs, summary: RunSummary, db_path: Path) -> RunSummary:
    log = get_run_logger()
    found = _discover_stage(args, summary, db_path)
    results: list[batch_stage.BatchSummary] = []
    counts = None
    if found.plan_file is not None:
        results, counts = _clean_extract_stage(args, summary, found.plan_file, found.batch_size)
    if found.problems:
        results.append(stage_problems_task(found.problems, summary.run_id, args.data_path, found.n_batches))
    _tally_batches(summary, results, found.n_batches)

    dq_rows = _validate_stage(args.data_path, summary, bool(results))
    log.info(
        "clean-extract done: %d files read, %d quarantined%s; %d of %d expectations failed",
        summary.files_new,
        summary.files_quarantined,
        f" ({', '.join(f'{k} {v}' for k, v in sorted(summary.quarantine_reasons.items()))})"
        if summary.quarantine_reasons
        else "",
        len(summary.dq_failed),
        summary.dq_checked,
    )
    _load_stage(args, summary, db_path, found.discovered, dq_rows, counts)
    with timed(summary.stage_stats, "publish_report"):
        publish_task(args.data_path, summary.run_id)
        summary.report = str(report_task(args.data_path))
    with swap.replacing(db_path) as work:
        record_stage_seconds(work, summary.run_id, summary.stage_stats)  # now with publish_report itself
    summary.status = "succeeded"
    publish_run(summary, _flow_run_id())
    return summary


@dataclass
class Discovered:
    """What discovery and planning hand to the rest of the run."""

    discovered: pa.Array  # every path seen, for the load's vanished check
    problems: list[Quarantined]  # files that could not even be listed or opened
    plan_file: Path | None  # the files to read (None: nothing new)
    batch_size: int
    n_batches: int


def _discover_stage(args: RunArgs, summary: RunSummary, db_path: Path) -> Discovered:
    """List the input, plan the incremental read, choose the runner and the batch size."""
    with timed(summary.stage_stats, "discover_plan"):
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
    staging = store.staging_dir(args.data_path, summary.run_id)
    plan_file = plan_stage.write_plan(staging / "plan.parquet", plan.to_read) if n_to_read else None
    get_run_logger().info(
        "run %s: %d files seen, %d to read in %d batches on %s",
        summary.run_id,
        summary.files_seen,
        n_to_read,
        n_batches,
        summary.runner,
    )
    # From here on the flow needs only the paths it saw (for the load's vanished check):
    # one Arrow array instead of a Python object per file.
    discovered = pa.array([f.rel_path for f in files] + [q.rel_path for q in problems], pa.string())
    return Discovered(discovered, problems, plan_file, size, n_batches)


def _tally_batches(summary: RunSummary, results: list[batch_stage.BatchSummary], n_batches: int) -> None:
    reasons: Counter = Counter()
    for r in results:
        reasons.update(r.reasons)
    summary.files_quarantined = sum(r.quarantined for r in results)
    summary.quarantine_reasons = dict(reasons)
    # the batch numbered n_batches holds the unreadable files: not new files read
    summary.files_new = sum(r.files for r in results if r.batch_no < n_batches)


def _load_stage(
    args: RunArgs,
    summary: RunSummary,
    db_path: Path,
    discovered: pa.Array,
    dq_rows: list[dict],
    counts: chrome_stage.KeyCounts | None,
) -> None:
    with timed(summary.stage_stats, "load"):
        stats = load_task(
            db_path,
            args.data_path,
            summary.run_id,
            discovered,
            dict(
                files_seen=summary.files_seen,
                files_new=summary.files_new,
                files_quarantined=summary.files_quarantined,
            ),
            dq_rows,
            # a key seen on one page only carries no repetition signal: not kept
            chrome_stage.at_least(counts, 2) if counts is not None else None,
            args.full_refresh,
            summary.stage_stats,
        )
    summary.articles_loaded = stats.articles_loaded
    summary.articles_replaced = stats.articles_replaced
    summary.files_vanished = stats.sources_vanished
    get_run_logger().info(
        "loaded: %d articles (%d replaced), %d files vanished",
        stats.articles_loaded,
        stats.articles_replaced,
        stats.sources_vanished,
    )


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
