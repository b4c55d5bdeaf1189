"""The nightly flow: the only module (with cli.py) that knows about Prefect.

discover -> plan (incremental) -> scan batches (chrome lines) -> process batches (clean, extract,
stage Parquet) -> validate (GX) -> load DuckDB (one transaction) -> publish Parquet -> report.
"""
from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.runtime import flow_run

from tasks import batch as batch_stage
from tasks import load as load_stage
from tasks import plan as plan_stage
from tasks import store
from tasks.ingest import discover_with_problems

DEFAULT_BATCH_SIZE = 500


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


def new_run_id(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


# ------------------------------------------------------------------ tasks (thin wrappers)

@task(name="discover")
def discover_task(input_dir: Path):
    return discover_with_problems(input_dir)


@task(name="scan-chrome")
def scan_task(files):
    return batch_stage.scan_batch(files)


@task(name="process-batch", retries=1, retry_delay_seconds=1)
def process_task(files, batch_no: int, run_id: str, data_dir: Path, chrome_lines: frozenset):
    return batch_stage.process_batch(files, batch_no=batch_no, run_id=run_id, data_dir=data_dir,
                                     chrome_lines=chrome_lines)


@task(name="stage-unreadable")
def stage_problems_task(problems, run_id: str, data_dir: Path, batch_no: int):
    return batch_stage.stage_quarantined(problems, batch_no=batch_no, run_id=run_id, data_dir=data_dir)


@task(name="validate")
def validate_task(data_dir: Path, run_id: str):
    from tasks.quality import (ARTICLE_TABLES, SUITE_DATASET, load_suites, one_copy_per_article,
                                stored_columns, validate_tables)

    suites = load_suites()
    tables = {}
    for name, spec in suites.items():
        dataset = SUITE_DATASET.get(name, name)
        cols = stored_columns(spec)
        if dataset in ARTICLE_TABLES:
            cols = list(dict.fromkeys(cols + ["article_id", ARTICLE_TABLES[dataset]]))
        tables[dataset] = store.read_staged(data_dir, run_id, dataset, columns=cols)
    return validate_tables(one_copy_per_article(tables), data_dir / "reports" / "gx", suites)


@task(name="load-warehouse")
def load_task(db_path: Path, data_dir: Path, run_id: str, discovered_paths, run_stats, dq_rows,
              chrome_counts, full_refresh: bool):
    return load_stage.load_run(db_path, data_dir, run_id, discovered_paths=discovered_paths,
                               run_stats=run_stats, dq_rows=dq_rows, chrome_counts=chrome_counts,
                               finished_at=datetime.now(), reset_chrome=full_refresh)


@task(name="publish-parquet")
def publish_task(data_dir: Path, run_id: str):
    store.publish_staging(data_dir, run_id)


@task(name="build-report")
def report_task(data_dir: Path):
    from tasks.report import build_report
    return build_report(data_dir)


# ------------------------------------------------------------------ the flow

@flow(name="bantin-nightly", log_prints=False)
def nightly(input_dir: str = "seeds", data_dir: str = "data", full_refresh: bool = False,
            batch_size: int = DEFAULT_BATCH_SIZE) -> RunSummary:
    log = get_run_logger()
    input_path, data_path = Path(input_dir), Path(data_dir)
    db_path = data_path / "warehouse.duckdb"
    started = datetime.now()
    run_id = new_run_id(started)
    data_path.mkdir(parents=True, exist_ok=True)
    store.recover_staging(data_path, store.committed_run_ids(db_path))
    load_stage.start_run(db_path, run_id, started, str(input_path), _flow_run_id())
    summary = RunSummary(run_id=run_id, status="running", warehouse=str(db_path))
    try:
        files, problems = discover_task(input_path)
        plan = plan_stage.plan_incremental(files, store.known_sources(db_path),
                                          full_refresh=full_refresh)
        summary.files_seen = len(files) + len(problems)
        summary.files_unchanged = len(plan.unchanged)
        batches = plan_stage.batches(plan.to_read, batch_size)

        counts: Counter = Counter()
        for part in [f.result() for f in [scan_task.submit(b) for b in batches]]:
            counts.update(part)
        history = {} if full_refresh else store.known_chrome_lines(db_path)
        merged = Counter(history)
        merged.update(counts)
        chrome = batch_stage.chrome_set(merged)

        futures = [process_task.submit(b, i, run_id, data_path, chrome) for i, b in enumerate(batches)]
        results = [f.result() for f in futures]
        if problems:
            results.append(stage_problems_task(problems, run_id, data_path, len(batches)))
        reasons: Counter = Counter()
        for r in results:
            reasons.update(r.reasons)
        summary.files_quarantined = sum(r.quarantined for r in results)
        summary.quarantine_reasons = dict(reasons)
        summary.files_new = sum(r.files for r in results if r.batch_no < len(batches))

        # Validate what this run staged; a run that found nothing new has nothing to validate
        # (and skips Great Expectations' multi-second import).
        dq = validate_task(data_path, run_id) if results else []
        dq_rows = [dict(table_name=r.table_name, expectation=r.expectation, success=r.success,
                        unexpected_count=r.unexpected_count, rows_checked=r.rows_checked) for r in dq]
        summary.dq_checked = len(dq_rows)
        summary.dq_failed = [f"{r.table_name}: {r.expectation} ({r.unexpected_count} unexpected)"
                             for r in dq if not r.success]
        stats = load_task(db_path, data_path, run_id, [f.rel_path for f in files] +
                          [q.rel_path for q in problems],
                          dict(files_seen=summary.files_seen, files_new=summary.files_new,
                               files_quarantined=summary.files_quarantined),
                          # a line seen on one page only carries no repetition signal: not kept
                          dq_rows, {k: n for k, n in counts.items() if n >= 2}, full_refresh)
        summary.articles_loaded = stats.articles_loaded
        summary.articles_replaced = stats.articles_replaced
        summary.files_vanished = stats.sources_vanished
        publish_task(data_path, run_id)
        summary.report = str(report_task(data_path))
        summary.status = "succeeded"
        log.info("run %s: %s new files, %s articles loaded", run_id, summary.files_new,
                 summary.articles_loaded)
        return summary
    except BaseException:
        try:
            load_stage.fail_run(db_path, run_id, datetime.now())
        finally:
            raise


def _flow_run_id() -> str | None:
    try:
        return str(flow_run.get_id())
    except Exception:
        return None


def make_task_runner(workers: int = 1, dask_address: str | None = None):
    """Threads on one core by default; Dask (local cluster or remote) to use more CPUs/machines."""
    if dask_address or workers > 1:
        from prefect_dask import DaskTaskRunner
        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1,
                                             "processes": True, "dashboard_address": ":0"})
    from prefect.task_runners import ThreadPoolTaskRunner
    return ThreadPoolTaskRunner(max_workers=1)


def run_nightly(input_dir: Path, data_dir: Path, *, full_refresh: bool = False,
                batch_size: int = DEFAULT_BATCH_SIZE, workers: int = 1,
                dask_address: str | None = None) -> RunSummary:
    runner = make_task_runner(workers, dask_address)
    configured = nightly.with_options(task_runner=runner)
    return configured(input_dir=str(input_dir), data_dir=str(data_dir),
                      full_refresh=full_refresh, batch_size=batch_size)
