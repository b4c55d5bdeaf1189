"""Morning-view alerts: each fires on the drop it is about and stays quiet on a steady history."""

from __future__ import annotations

import pandas as pd

from tasks.report.alerts import (
    coverage_alerts,
    expectation_alerts,
    quarantine_alerts,
    run_alerts,
    volume_alerts,
)
from tasks.report.queries import FIELDS


def runs(n: int = 6, new: int = 100, quarantined: int = 2, status: str = "succeeded") -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "run_id": [f"r{i}" for i in range(n)],
            "started_at": pd.date_range("2026-11-01", periods=n, freq="D"),
            "status": ["succeeded"] * (n - 1) + [status],
            "files_new": [new] * n,
            "files_quarantined": [quarantined] * n,
        }
    )
    return frame


def portal_runs(pages_last: int, title_last: float, n: int = 6) -> pd.DataFrame:
    rows = []
    for i in range(n):
        last = i == n - 1
        rows.append(
            {
                "portal": "a.gov.vn",
                "run_id": f"r{i}",
                "articles": pages_last if last else 40,
                "quarantined": 0,
                "new_pages": pages_last if last else 40,
                **{f"has_{f}": 0.95 for f in FIELDS},
            }
        )
        if last:
            rows[-1]["has_title"] = title_last
    return pd.DataFrame(rows)


def test_steady_history_raises_nothing():
    r, p = runs(), portal_runs(40, 0.95)
    assert volume_alerts(r, p) == [] and coverage_alerts(r, p) == []
    assert quarantine_alerts(r, pd.DataFrame(columns=["run_id", "reason", "files"])) == []
    assert run_alerts(r) == []


def test_a_portal_whose_volume_collapsed():
    (alert,) = volume_alerts(runs(), portal_runs(3, 0.95))
    assert (
        alert.kind == "volume"
        and "a.gov.vn: 3 new pages" in alert.message
        and "median of 40" in alert.message
    )


def test_a_portal_that_lost_its_titles():
    (alert,) = coverage_alerts(runs(), portal_runs(40, 0.4))
    assert alert.kind == "coverage" and "title on 40%" in alert.message and "95% before" in alert.message


def test_a_quarantine_spike_names_its_reasons():
    r = runs()
    r.loc[r.index[-1], "files_quarantined"] = 40
    reasons = pd.DataFrame(
        {"run_id": ["r5", "r5"], "reason": ["not_article", "decode_error"], "files": [30, 10]}
    )
    (alert,) = quarantine_alerts(r, reasons)
    assert "40 of 100" in alert.message and "not_article 30" in alert.message


def test_an_expectation_that_newly_fails_and_one_still_failing():
    r = runs(3)
    dq = pd.DataFrame(
        {
            "run_id": ["r1", "r1", "r2", "r2"],
            "table_name": ["articles"] * 4,
            "expectation": ["e1", "e2", "e1", "e2"],
            "success": [True, False, False, False],
            "unexpected_count": [0, 5, 7, 5],
            "rows_checked": [100] * 4,
        }
    )
    alerts = expectation_alerts(r, dq)
    assert [a.level for a in alerts] == ["error", "info"]
    assert "Newly failing: articles: e1 (7 unexpected)" in alerts[0].message


def test_a_failed_run_and_an_idle_crawl():
    assert run_alerts(runs(status="failed"))[0].level == "error"
    idle = runs()
    idle.loc[idle.index[-1], "files_new"] = 0
    assert "no new or changed files" in run_alerts(idle)[0].message
    assert volume_alerts(idle, portal_runs(0, 0.95)) == [], "one run alert, not one per portal"
