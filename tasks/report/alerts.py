"""What the morning view warns about: the latest run against the warehouse's own history.

- the run itself did not succeed, or found nothing new;
- a portal's page volume fell sharply against its own recent runs (a broken crawl);
- a portal's field coverage (title, dates, author, locality) fell sharply (a layout change);
- a spike in quarantined files;
- an expectation that fails now and passed in the run before.
Thresholds are named constants: a drop must be both large and on enough pages to be worth a look.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from tasks.report.queries import FIELDS

HISTORY_RUNS = 10  # a portal's history: its last N runs before the latest
MIN_HISTORY_RUNS = 3  # fewer previous runs than this: no volume baseline yet
VOLUME_DROP_SHARE = 0.3  # alert below 30 % of the portal's median new pages ...
MIN_MEDIAN_PAGES = 5  # ... when that median is at least this many pages
COVERAGE_DROP = 0.25  # alert when a field's share fell by 25 points or more ...
MIN_RUN_ARTICLES = 5  # ... over at least this many articles this run
MIN_HISTORY_ARTICLES = 10  # ... against at least this many before
QUARANTINE_SPIKE_FACTOR = 2.0
QUARANTINE_SPIKE_MARGIN = 0.05
MIN_QUARANTINED = 5


@dataclass(frozen=True)
class Alert:
    level: str  # "error" | "warning" | "info"
    kind: str  # run | volume | coverage | quarantine | expectation
    message: str
    anchor: str = ""  # where on the page the detail is


def run_alerts(runs: pd.DataFrame) -> list[Alert]:
    if runs.empty:
        return []
    last = runs.iloc[-1]
    out = []
    if last.status != "succeeded":
        why = f": {last.message}" if "message" in runs and isinstance(last.message, str) else ""
        out.append(Alert("error", "run", f"Run {last.run_id} {last.status}{why}.", "#runs"))
    elif not last.files_new and (runs.files_new.iloc[:-1] > 0).any():
        out.append(
            Alert(
                "warning",
                "run",
                "The latest run found no new or changed files (input unchanged — is the crawl running?).",
                "#runs",
            )
        )
    return out


def volume_alerts(runs: pd.DataFrame, portal_runs: pd.DataFrame) -> list[Alert]:
    """Portals whose new pages this run fell far below their median over previous runs."""
    if runs.empty or pd.isna(runs.iloc[-1].files_new) or not runs.iloc[-1].files_new:
        return []  # a run with nothing new at all (or that failed first) is one run alert
    ids = list(runs.run_id)
    latest, previous = ids[-1], ids[-1 - HISTORY_RUNS : -1]
    if len(previous) < MIN_HISTORY_RUNS:
        return []
    pages = portal_runs.pivot_table(
        index="portal", columns="run_id", values="new_pages", aggfunc="sum", fill_value=0
    ).reindex(columns=ids, fill_value=0)
    out = []
    for portal, row in pages.iterrows():
        median = float(row[previous].median())
        now = int(row[latest])
        if median >= MIN_MEDIAN_PAGES and now < VOLUME_DROP_SHARE * median:
            out.append(
                Alert(
                    "warning",
                    "volume",
                    f"{portal}: {now} new pages this run against a "
                    f"median of {median:g} over its previous {len(previous)} runs.",
                    "#portals",
                )
            )
    return out


def coverage_alerts(runs: pd.DataFrame, portal_runs: pd.DataFrame) -> list[Alert]:
    """Portals where a field's share among this run's articles fell far below its history."""
    if runs.empty or portal_runs.empty:
        return []
    ids = list(runs.run_id)
    rows = portal_runs[portal_runs.articles > 0]
    now = rows[rows.run_id == ids[-1]].set_index("portal")
    before = rows[rows.run_id.isin(ids[-1 - HISTORY_RUNS : -1])]
    shares = [f"has_{f}" for f in FIELDS]
    # history share = articles with the field / articles, over the previous runs together
    weighted = (
        before[shares].mul(before.articles, axis=0).assign(portal=before.portal, articles=before.articles)
    )
    history = weighted.groupby("portal").sum()
    history[shares] = history[shares].div(history.articles, axis=0)
    both = now.join(history.add_suffix("_before"), how="inner")
    both = both[(both.articles >= MIN_RUN_ARTICLES) & (both.articles_before >= MIN_HISTORY_ARTICLES)]
    out = []
    for portal, r in both.iterrows():
        for f in FIELDS:
            if r[f"has_{f}_before"] - r[f"has_{f}"] >= COVERAGE_DROP:
                out.append(
                    Alert(
                        "warning",
                        "coverage",
                        f"{portal}: {f} on {r[f'has_{f}']:.0%} of this run's "
                        f"{int(r.articles)} articles, {r[f'has_{f}_before']:.0%} before.",
                        "#portals",
                    )
                )
    return out


def quarantine_alerts(runs: pd.DataFrame, by_reason: pd.DataFrame) -> list[Alert]:
    done = runs[(runs.status == "succeeded") & (runs.files_new > 0)]
    if len(done) < 2 or done.iloc[-1].run_id != runs.iloc[-1].run_id:
        return []
    share = done.files_quarantined.fillna(0) / done.files_new
    now, usual = float(share.iloc[-1]), float(share.iloc[:-1].tail(HISTORY_RUNS).median())
    last = done.iloc[-1]
    if (
        last.files_quarantined >= MIN_QUARANTINED
        and now >= QUARANTINE_SPIKE_FACTOR * usual + QUARANTINE_SPIKE_MARGIN
    ):
        reasons = by_reason[by_reason.run_id == last.run_id].sort_values("files", ascending=False)
        top = ", ".join(f"{r.reason} {r.files}" for r in reasons.head(3).itertuples())
        return [
            Alert(
                "warning",
                "quarantine",
                f"Quarantine spike: {int(last.files_quarantined)} of "
                f"{int(last.files_new)} new files ({now:.0%}, usually {usual:.0%}): {top}.",
                "#quarantine",
            )
        ]
    return []


def expectation_alerts(runs: pd.DataFrame, dq: pd.DataFrame) -> list[Alert]:
    """Expectations failing in the latest run that passed (or did not exist) in the run before
    that was validated; the ones failing for longer are one line together."""
    if runs.empty or dq.empty or runs.iloc[-1].run_id not in set(dq.run_id):
        return []
    latest = runs.iloc[-1].run_id
    validated = [r for r in runs.run_id if r in set(dq.run_id)]
    before = validated[-2] if len(validated) > 1 else None
    now = dq[dq.run_id == latest]
    prev = dq[dq.run_id == before].set_index(["table_name", "expectation"]).success.to_dict()
    out, still = [], 0
    for r in now[~now.success].itertuples():
        if prev.get((r.table_name, r.expectation), True):
            out.append(
                Alert(
                    "error",
                    "expectation",
                    f"Newly failing: {r.table_name}: {r.expectation} ({r.unexpected_count} unexpected).",
                    "#expectations",
                )
            )
        else:
            still += 1
    if still:
        out.append(
            Alert(
                "info",
                "expectation",
                f"{still} expectation(s) still failing, as in the run before.",
                "#expectations",
            )
        )
    return out


def all_alerts(runs, portal_runs, by_reason, dq) -> list[Alert]:
    alerts = (
        run_alerts(runs)
        + expectation_alerts(runs, dq)
        + quarantine_alerts(runs, by_reason)
        + volume_alerts(runs, portal_runs)
        + coverage_alerts(runs, portal_runs)
    )
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(alerts, key=lambda a: order[a.level])
