"""build_report: data/reports/index.html, opened every morning, works offline.

build_report(data_dir) reads the warehouse (read-only) and writes one HTML page with
- the morning view: the latest run's status, duration, pages seen/new/quarantined, expectations
  failed, and alerts (alerts.py);
- trends over the last 30 runs, per-portal coverage, per-expectation history with failing rows,
  the quarantine list and a content overview (queries.py, failing.py), charts as Vega-Lite
  specs built with Altair (charts.py), drawn by vendored vega-embed (assets/vendor).
The Data Docs that Great Expectations builds under reports/gx/ are made offline by gx_offline.py.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from tasks.report import charts
from tasks.report.alerts import Alert, all_alerts
from tasks.report.failing import MAX_FAILING_ROWS, definitions, failing_rows, observed
from tasks.report.html import render
from tasks.report.queries import (
    FIELDS,
    PLAN_METRICS,
    Warehouse,
    dq_history,
    most_cited_documents,
    people_most_posts,
    plan_by_province,
    portal_overview,
    portal_runs,
    quarantine_by_reason,
    quarantine_list,
    recent_runs,
    stage_durations,
    table_counts,
)
from tasks.store import warehouse
from tasks.tables import DATA, LOG, tables_in

TABLES = tables_in(DATA, LOG)  # the row counts shown: data and run logs, not derived state
ASSETS = Path(__file__).resolve().parent / "assets"
QUARANTINE_SHOWN = 5_000  # rows in the page; the rest is one `bantin sql` away
SHOW_SHARE_CHANGE = 0.10  # a portal's field share this run is shown beside its whole share when this far off


def build_report(data_dir: Path) -> Path:
    """Write data_dir/reports/index.html (and its assets/) from the warehouse; return its path."""
    data_dir = Path(data_dir)
    reports = data_dir / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    db = data_dir / "warehouse.duckdb"
    with warehouse(db, read_only=True) as con:
        context = collect(Warehouse(con))
    context.update(
        warehouse=str(db),
        generated_at=datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
        gx_link="gx/index.html" if (reports / "gx" / "index.html").exists() else None,
    )
    copy_assets(reports)
    index = reports / "index.html"
    tmp = index.with_suffix(".html.tmp")
    tmp.write_text(render(context), encoding="utf-8")
    os.replace(tmp, index)
    return index


def copy_assets(reports: Path) -> None:
    """The report's own CSS/JS and the chart libraries; the GX-only libraries stay out."""
    dest = reports / "assets"
    (dest / "vendor").mkdir(parents=True, exist_ok=True)
    for name in ("report.css", "report.js"):
        shutil.copy2(ASSETS / name, dest / name)
    shutil.copy2(ASSETS / "vendor" / "README.md", dest / "vendor" / "README.md")
    for lib in ("vega", "vega-lite", "vega-embed"):
        shutil.copytree(ASSETS / "vendor" / lib, dest / "vendor" / lib, dirs_exist_ok=True)


def collect(wh: Warehouse) -> dict:
    runs = recent_runs(wh)
    ids = list(runs.run_id)
    by_reason = quarantine_by_reason(wh, ids)
    dq = dq_history(wh, ids)
    portals, p_runs = portal_overview(wh), portal_runs(wh, ids)
    alerts = all_alerts(runs, p_runs, by_reason, dq)
    plan = plan_by_province(wh)
    chart_specs = {
        "articles": charts.articles_loaded(runs),
        "quarantine": charts.quarantined_by_reason(runs, by_reason),
        "dq_failed": charts.expectations_failed(runs),
        "stages": charts.stage_durations(runs, stage_durations(wh, ids)),
        "dq_history": charts.expectation_history(runs, dq),
        "coverage": charts.portal_coverage(portals),
        "volume": charts.portal_volume(runs, p_runs),
        **{f"plan_{m}": charts.plan_chart(plan, m) for m in PLAN_METRICS},
    }
    dq_run = next((r for r in reversed(ids) if r in set(dq.run_id)), None)
    return dict(
        latest=latest_run(runs, alerts),
        alerts=alerts,
        charts=chart_specs,
        n_runs=len(runs),
        fields=FIELDS,
        portal_label=wh.portal_key()[1],
        portals=portal_rows(portals, p_runs, ids),
        dq_run=dq_run,
        expectations=expectation_rows(wh, dq, dq_run),
        max_rows=MAX_FAILING_ROWS,
        **quarantine_context(wh),
        documents=_records(most_cited_documents(wh)),
        people=_records(people_most_posts(wh)),
        runs=_records(runs.iloc[::-1]),
        table_counts=table_counts(wh, TABLES),
        chrome_kinds=wh.con.execute(
            "SELECT kind, count(*) FROM boilerplate GROUP BY kind ORDER BY 2 DESC"
        ).fetchall(),
    )


def _records(frame) -> list[dict]:
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def latest_run(runs, alerts: list[Alert]) -> dict | None:
    if runs.empty:
        return None
    last = _records(runs.tail(1))[0]
    levels = {a.level for a in alerts}
    if last["status"] != "succeeded" or "error" in levels:
        verdict, text = (
            "error",
            ("Run " + last["status"] if last["status"] != "succeeded" else "Needs attention"),
        )
    elif "warning" in levels or last["dq_failed"]:
        verdict, text = "warning", "Worth a look"
    else:
        verdict, text = "ok", "All fine"
    return {**last, "verdict": verdict, "verdict_text": text}


def portal_rows(portals, p_runs, ids: list[str]) -> list[dict]:
    """The portal table: whole-warehouse figures plus this run's new pages against the portal's
    median over the runs before."""
    rows = _records(portals)
    if not ids:
        return rows
    pages = p_runs.pivot_table(
        index="portal", columns="run_id", values="new_pages", aggfunc="sum", fill_value=0
    ).reindex(columns=ids, fill_value=0)
    latest = p_runs[(p_runs.run_id == ids[-1]) & (p_runs.articles > 0)].set_index("portal")
    for row in rows:
        if row["portal"] in pages.index:
            hist = pages.loc[row["portal"]]
            row["new_now"] = int(hist.iloc[-1])
            row["new_usual"] = float(hist.iloc[:-1].median()) if len(ids) > 1 else None
        else:
            row["new_now"], row["new_usual"] = 0, None
        # field shares among this run's articles, where they differ from the whole history
        now = latest.loc[row["portal"]] if row["portal"] in latest.index else None
        row["now"] = (
            {}
            if now is None
            else {
                f: float(now[f"has_{f}"])
                for f in FIELDS
                if row[f"has_{f}"] is not None and abs(now[f"has_{f}"] - row[f"has_{f}"]) >= SHOW_SHARE_CHANGE
            }
        )
    return rows


def expectation_rows(wh: Warehouse, dq, dq_run: str | None) -> list[dict]:
    """The latest validated run's expectations, failing first, with observed value, history
    and failing rows."""
    if dq_run is None:
        return []
    defs = definitions()
    validated = list(dict.fromkeys(dq.run_id))
    before = validated[-2] if len(validated) > 1 else None
    prev = dq[dq.run_id == before].set_index(["table_name", "expectation"]).success.to_dict()
    out = []
    for r in _records(dq[dq.run_id == dq_run]):
        key = (r["table_name"], r["expectation"])
        hist = dq[(dq.table_name == key[0]) & (dq.expectation == key[1])]
        unexpected = r["unexpected_count"] or 0
        status, cls = (
            ("failed", "failed")
            if not r["success"]
            else ("passed with unexpected rows", "warn")
            if unexpected
            else ("passed", "passed")
        )
        defn = defs.get(key)
        rows, note = failing_rows(wh, defn, dq_run) if unexpected else ([], "")
        out.append(
            {
                **r,
                "status": status,
                "status_class": cls,
                "rows": rows,
                "note": note,
                "observed": observed(defn, r["rows_checked"], r["unexpected_count"]),
                "newly": not r["success"] and prev.get(key, True) and before is not None,
                "passed_runs": int(hist.success.sum()),
                "history": f"passed {int(hist.success.sum())} of {len(hist)} runs",
            }
        )
    order = {"failed": 0, "warn": 1, "passed": 2}
    return sorted(out, key=lambda e: (order[e["status_class"]], e["table_name"], e["expectation"]))


def quarantine_context(wh: Warehouse) -> dict:
    rows, total = quarantine_list(wh, QUARANTINE_SHOWN)
    records = _records(rows)
    roots: dict[str, Path | None] = {}
    for q in records:
        root = q["input_dir"]
        if root not in roots:
            roots[root] = Path(root).resolve() if root else None
        path = roots[root] / q["source_path"] if roots[root] else None
        q["href"] = path.as_uri() if path is not None and path.is_file() else None
    reasons = wh.con.execute(
        "SELECT reason, count(*) AS files FROM quarantine GROUP BY 1 ORDER BY 2 DESC"
    ).fetchall()
    return dict(
        quarantine=records,
        quarantine_total=total,
        quarantine_reasons=[{"reason": r, "files": n} for r, n in reasons],
    )
