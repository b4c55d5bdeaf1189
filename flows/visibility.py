"""What a run shows in Prefect's UI: its summary in the Logs tab, a markdown artifact (the
Artifacts tab), and a `dq-failed` tag on a run whose data broke expectations (a run that loads
flawed rows still completes: the rows are kept and reported, so its state stays Completed and
the tag is what marks it in the runs list)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from prefect import get_run_logger

if TYPE_CHECKING:
    from flows.run_state import RunSummary

DQ_FAILED_TAG = "dq-failed"


def summary_lines(s: RunSummary) -> list[str]:
    lines = [
        f"run {s.run_id}: {s.status}",
        f"files seen {s.files_seen}, new/changed {s.files_new}, unchanged {s.files_unchanged}, "
        f"vanished {s.files_vanished}",
        f"articles loaded {s.articles_loaded} (replaced {s.articles_replaced}), "
        f"quarantined {s.files_quarantined}",
    ]
    if s.dq_failed:
        lines.append(
            f"data quality: {len(s.dq_failed)} of {s.dq_checked} expectations failed (rows kept, see report)"
        )
    else:
        lines.append(
            f"data quality: all {s.dq_checked} expectations met"
            if s.dq_checked
            else "data quality: nothing new to validate"
        )
    lines += [f"warning: {w}" for w in s.warnings]
    lines.append(f"report: {s.report}")
    return lines


def run_markdown(s: RunSummary) -> str:
    out = [
        f"# bantin run `{s.run_id}`: {s.status}",
        "",
        "| files seen | new/changed | unchanged | vanished | articles loaded | replaced | quarantined |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {s.files_seen} | {s.files_new} | {s.files_unchanged} | {s.files_vanished} | "
        f"{s.articles_loaded} | {s.articles_replaced} | {s.files_quarantined} |",
        "",
    ]
    out.append(f"## Failed expectations ({len(s.dq_failed)} of {s.dq_checked})")
    out += [f"- {line}" for line in s.dq_failed] or ["- none"]
    out += ["", "## Quarantine by reason"]
    out += [f"- {reason}: {n}" for reason, n in sorted(s.quarantine_reasons.items())] or ["- none"]
    if s.warnings:
        out += ["", "## Warnings"] + [f"- {w}" for w in s.warnings]
    out += ["", f"Report: `{s.report}`", f"Warehouse: `{s.warehouse}`"]
    return "\n".join(out) + "\n"


def publish_run(s: RunSummary, flow_run_id: str | None) -> None:
    """Log the summary, publish the artifact, tag a run with failed expectations. Never fails
    the run: it has committed by now."""
    log = get_run_logger()
    for line in summary_lines(s):
        flawed = line.startswith("warning") or (bool(s.dq_failed) and line.startswith("data quality"))
        log.log(logging.WARNING if flawed else logging.INFO, line)
    try:
        from prefect.artifacts import create_markdown_artifact

        create_markdown_artifact(
            markdown=run_markdown(s),
            key="bantin-run-summary",
            description=f"bantin run {s.run_id}: {s.status}",
        )
        if s.dq_failed and flow_run_id:
            _add_tag(flow_run_id, DQ_FAILED_TAG)
    except Exception as exc:  # the API unreachable: the run's own record is in the warehouse
        log.warning("could not publish the run's artifact or tag: %s", exc)


def _add_tag(flow_run_id: str, tag: str) -> None:
    from uuid import UUID

    from prefect import get_client

    with get_client(sync_client=True) as client:
        run = client.read_flow_run(UUID(flow_run_id))
        client.update_flow_run(UUID(flow_run_id), tags=sorted({*run.tags, tag}))
