"""The Prefect tasks of the nightly flow: thin wrappers, one stage function each (the stage
functions in tasks/ know nothing of Prefect and are tested directly; the flows that compose these
tasks are in flows/nightly.py)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.run_state import BATCH_TIMEOUT_S
from tasks import batch as batch_stage
from tasks import chrome as chrome_stage
from tasks import load as load_stage
from tasks import plan as plan_stage
from tasks import store
from tasks.ingest import ListingAhead, discover_with_problems
from tasks.report.stages import record_stage_seconds

if TYPE_CHECKING:
    from tasks.quality import DqResult
    from tasks.records import Quarantined, SourceFile

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


def results_of(futures, what: str):
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
