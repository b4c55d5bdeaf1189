"""Stage durations of each run, kept in the warehouse so the report can chart them.

The flow times its stages (flows/nightly.py `timed`) into a dict such as
{"start": 0.1, "discover_plan": 0.1, "clean_extract_flow": 6.4, "scan": 0.5, ...,
 "_peak_rss_mb": {"start": 226, ...}}. `record_stage_seconds` stores it as one row per stage in
the table `run_stages` (declared in tasks/tables.py and warehouse/schema.sql like every table).
It is called again when a later stage finished, so it replaces the run's rows each time.
"""

from __future__ import annotations

from pathlib import Path

from tasks.store import schema_sql, warehouse

# Stages timed inside another one (the clean-extract subflow's own scan and clean_extract):
# charted as parts, never added to the total a second time.
NESTED_STAGES = {"scan": "clean_extract_flow", "clean_extract": "clean_extract_flow"}


def stage_rows(run_id: str, seconds: dict) -> list[tuple]:
    peaks = seconds.get("_peak_rss_mb") or {}
    return [
        (run_id, stage, float(value), peaks.get(stage))
        for stage, value in seconds.items()
        if not stage.startswith("_") and isinstance(value, (int, float))
    ]


def record_stage_seconds(db_path: Path, run_id: str, seconds: dict) -> None:
    """Replace the run's stage rows with `seconds` (a flow's `timed` dict)."""
    rows = stage_rows(run_id, seconds)
    with warehouse(db_path) as con:
        con.execute(schema_sql())  # a warehouse from before run_stages existed gains it
        con.execute("BEGIN TRANSACTION")
        con.execute("DELETE FROM run_stages WHERE run_id = ?", [run_id])
        if rows:
            con.executemany("INSERT INTO run_stages VALUES (?, ?, ?, ?)", rows)
        con.execute("COMMIT")
