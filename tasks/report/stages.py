"""Stage durations of each run, kept in the warehouse so the report can chart them.

The flow times its stages (flows/nightly.py `timed`) into a dict such as
{"start": 0.1, "discover_plan": 0.1, "clean_extract_flow": 6.4, "scan": 0.5, ...,
 "_peak_rss_mb": {"start": 226, ...}}. `record_stage_seconds` stores it as one row per stage in
an extra table `run_stages` (CONTRACT.md welcomes extra tables; no listed table changes).
It is called again when a later stage finished, so it replaces the run's rows each time.
"""
from __future__ import annotations

from pathlib import Path

from tasks.store import warehouse

RUN_STAGES_DDL = """
CREATE TABLE IF NOT EXISTS run_stages (
    run_id       VARCHAR NOT NULL,
    stage        VARCHAR NOT NULL,   -- flows/nightly.py stage name, e.g. clean_extract, validate
    seconds      DOUBLE NOT NULL,    -- wall-clock seconds
    peak_rss_mb  INTEGER,            -- the flow process's peak RSS after the stage
    PRIMARY KEY (run_id, stage)
)"""

# Stages timed inside another one (the clean-extract subflow's own scan and clean_extract):
# charted as parts, never added to the total a second time.
NESTED_STAGES = {"scan": "clean_extract_flow", "clean_extract": "clean_extract_flow"}


def stage_rows(run_id: str, seconds: dict) -> list[tuple]:
    peaks = seconds.get("_peak_rss_mb") or {}
    return [(run_id, stage, float(value), peaks.get(stage))
            for stage, value in seconds.items()
            if not stage.startswith("_") and isinstance(value, (int, float))]


def record_stage_seconds(db_path: Path, run_id: str, seconds: dict) -> None:
    """Replace the run's stage rows with `seconds` (a flow's `timed` dict)."""
    rows = stage_rows(run_id, seconds)
    with warehouse(db_path) as con:
        con.execute(RUN_STAGES_DDL)
        con.execute("BEGIN TRANSACTION")
        con.execute("DELETE FROM run_stages WHERE run_id = ?", [run_id])
        if rows:
            con.executemany("INSERT INTO run_stages VALUES (?, ?, ?, ?)", rows)
        con.execute("COMMIT")
