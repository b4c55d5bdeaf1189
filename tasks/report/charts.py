"""The report's charts as Vega-Lite specs, built with Altair (vega-embed draws them in the page).

Each function takes query frames and returns a spec dict, or None when there is nothing to draw
(the page then says so instead of showing an empty frame). Runs are on the x axis by a short
label of their start time, oldest left, so every trend chart lines up with the others.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from tasks.report.queries import FIELDS
from tasks.report.stages import NESTED_STAGES

alt.data_transformers.disable_max_rows()  # the frames are aggregates, bounded by runs x portals

WIDE = 860
STATUS_COLORS = alt.Scale(
    domain=["failed", "passed with unexpected rows", "passed"], range=["#c62828", "#f9a825", "#2e7d32"]
)
FIELD_LABELS = {"has_" + f: f for f in FIELDS}


def run_labels(runs: pd.DataFrame) -> pd.DataFrame:
    """run_id -> unique short label ("12-01 21:38:49"), oldest first."""
    labels = runs.started_at.dt.strftime("%m-%d %H:%M:%S")
    dup = labels.duplicated(keep=False)
    labels = labels.where(~dup, labels + " " + runs.run_id.str[-6:])
    return pd.DataFrame({"run_id": runs.run_id, "run": labels})


def _x_run(order: list[str]) -> alt.X:
    """Every run of the window on the axis, also those with nothing to show."""
    return alt.X(
        "run:O", scale=alt.Scale(domain=order), title="run (start time)", axis=alt.Axis(labelAngle=-45)
    )


def _y_count(field: str, title: str) -> alt.Y:
    return alt.Y(field, title=title, axis=alt.Axis(tickMinStep=1, format="d"))


# Altair checks every spec against the Vega-Lite JSON schema (~0.4 s for the report's charts);
# the unit tests switch it on, a report build does not pay for it.
VALIDATE_SPECS = False


def _spec(chart) -> dict:
    return chart.to_dict(validate=VALIDATE_SPECS)


def articles_loaded(runs: pd.DataFrame) -> dict | None:
    if runs.empty:
        return None
    data = runs.merge(run_labels(runs), on="run_id")[["run", "run_id", "articles_loaded", "files_new"]]
    long = data.melt(id_vars=["run", "run_id"], var_name="measure", value_name="count").fillna(0)
    long["measure"] = long.measure.map(
        {"articles_loaded": "articles loaded", "files_new": "files new or changed"}
    )
    chart = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            _x_run(list(data.run)),
            _y_count("count:Q", "count"),
            alt.XOffset("measure:N"),
            alt.Color("measure:N", title=None),
            tooltip=["run_id", "measure", "count"],
        )
        .properties(width=WIDE, height=220)
    )
    return _spec(chart)


def quarantined_by_reason(runs: pd.DataFrame, by_reason: pd.DataFrame) -> dict | None:
    if runs.empty or by_reason.empty:
        return None
    labels = run_labels(runs)
    data = by_reason.merge(labels, on="run_id")
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            _x_run(list(labels.run)),
            _y_count("sum(files):Q", "files quarantined"),
            alt.Color("reason:N"),
            tooltip=["run_id", "reason", "files"],
        )
        .properties(width=WIDE, height=220)
    )
    return _spec(chart)


def expectations_failed(runs: pd.DataFrame) -> dict | None:
    validated = runs[runs.dq_checked > 0]
    if validated.empty:
        return None
    data = validated.merge(run_labels(runs), on="run_id")[["run", "run_id", "dq_failed", "dq_checked"]]
    chart = (
        alt.Chart(data)
        .mark_bar(color="#c62828")
        .encode(
            _x_run(list(run_labels(runs).run)),
            _y_count("dq_failed:Q", "expectations failed"),
            tooltip=["run_id", "dq_failed", "dq_checked"],
        )
        .properties(width=WIDE, height=180)
    )
    return _spec(chart)


def _top_level_stages(stages: pd.DataFrame) -> pd.DataFrame:
    """Stage rows that add up to the run: the clean-extract subflow split into its own scan and
    clean_extract plus the rest of it (Prefect's subflow and task start-up)."""
    wide = stages.pivot_table(index="run_id", columns="stage", values="seconds", aggfunc="sum")
    parent = "clean_extract_flow"
    if parent in wide:
        nested = [s for s, p in NESTED_STAGES.items() if p == parent and s in wide]
        wide["clean_extract_overhead"] = (wide[parent] - wide[nested].sum(axis=1)).clip(lower=0)
        wide = wide.drop(columns=[parent])
    return wide.reset_index().melt(id_vars="run_id", var_name="stage", value_name="seconds").dropna()


def stage_durations(runs: pd.DataFrame, stages: pd.DataFrame) -> dict | None:
    if runs.empty:
        return None
    labels = run_labels(runs)
    if stages.empty:  # older runs: only the total is known
        data = runs[["run_id", "duration_s"]].rename(columns={"duration_s": "seconds"})
        data = data.assign(stage="whole run (stages not recorded)").dropna()
    else:
        data = _top_level_stages(stages)
    data = data.merge(labels, on="run_id")
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            _x_run(list(labels.run)),
            alt.Y("sum(seconds):Q", title="seconds"),
            alt.Color("stage:N"),
            tooltip=["run_id", "stage", alt.Tooltip("seconds:Q", format=".2f")],
        )
        .properties(width=WIDE, height=240)
    )
    return _spec(chart)


def expectation_history(runs: pd.DataFrame, dq: pd.DataFrame) -> dict | None:
    if dq.empty:
        return None
    labels = run_labels(runs)
    data = dq.merge(labels, on="run_id")
    data["check"] = data.table_name + ": " + data.expectation
    data["status"] = "passed"
    data.loc[data.success & (data.unexpected_count.fillna(0) > 0), "status"] = "passed with unexpected rows"
    data.loc[~data.success, "status"] = "failed"
    data = data[["run", "run_id", "check", "status", "unexpected_count", "rows_checked"]]
    chart = (
        alt.Chart(data)
        .mark_rect()
        .encode(
            alt.X(
                "run:O",
                sort=list(labels.run),
                title="validated run (start time)",
                axis=alt.Axis(labelAngle=-45),
            ),
            alt.Y("check:N", title=None, axis=alt.Axis(labelLimit=420)),
            alt.Color("status:N", scale=STATUS_COLORS, title=None, legend=alt.Legend(orient="top")),
            tooltip=["run_id", "check", "status", "unexpected_count", "rows_checked"],
        )
        .properties(width=alt.Step(22), height=alt.Step(14))
    )
    return _spec(chart)


def portal_coverage(portals: pd.DataFrame, limit: int = 60) -> dict | None:
    if portals.empty or not portals.articles.sum():
        return None
    top = portals[portals.articles > 0].head(limit)
    data = top.melt(
        id_vars=["portal", "articles"], value_vars=list(FIELD_LABELS), var_name="field", value_name="share"
    )
    data["field"] = data.field.map(FIELD_LABELS)
    base = alt.Chart(data).encode(
        alt.X("field:N", sort=list(FIELDS), title=None, axis=alt.Axis(orient="top", labelAngle=0)),
        alt.Y("portal:N", sort=list(top.portal), title=None, axis=alt.Axis(labelLimit=260)),
    )
    rect = base.mark_rect().encode(
        alt.Color(
            "share:Q",
            scale=alt.Scale(domain=[0, 1], scheme="redyellowgreen"),
            legend=alt.Legend(format="%", title="share of articles"),
        ),
        tooltip=["portal", "field", alt.Tooltip("share:Q", format=".0%"), "articles"],
    )
    text = base.mark_text(fontSize=10).encode(
        alt.Text("share:Q", format=".0%"),
        color=alt.condition(
            "datum.share < 0.25 || datum.share > 0.8", alt.value("white"), alt.value("black")
        ),
    )
    return _spec((rect + text).properties(width=alt.Step(90), height=alt.Step(16)))


def portal_volume(runs: pd.DataFrame, portal_runs: pd.DataFrame, limit: int = 60) -> dict | None:
    if portal_runs.empty:
        return None
    labels = run_labels(runs)
    totals = portal_runs.groupby("portal").new_pages.sum().sort_values(ascending=False)
    keep = list(totals.head(limit).index)
    data = portal_runs[portal_runs.portal.isin(keep)].merge(labels, on="run_id")
    data = data[["portal", "run", "run_id", "new_pages", "articles", "quarantined"]]
    chart = (
        alt.Chart(data)
        .mark_rect()
        .encode(
            _x_run(list(labels.run)),
            alt.Y("portal:N", sort=keep, title=None, axis=alt.Axis(labelLimit=260)),
            alt.Color("new_pages:Q", scale=alt.Scale(scheme="blues"), title="new pages"),
            tooltip=["portal", "run_id", "new_pages", "articles", "quarantined"],
        )
        .properties(width=alt.Step(22), height=alt.Step(14))
    )
    return _spec(chart)


METRIC_TITLES = {
    "party_members_admitted": "Party members admitted",
    "party_orgs_established": "Party organisations established",
}


def plan_chart(plan: pd.DataFrame, metric: str, limit: int = 25) -> dict | None:
    """Actual by province as a stacked bar — the part from figures that give a plan (dark) and
    the rest (light) — with the plan as a tick, so the tick is read against the dark part; a
    period (year) picker filters both."""
    data = plan[(plan.metric == metric) & plan.actual.notna()].copy()
    if data.empty:
        return None
    data["year"] = [str(int(y)) if pd.notna(y) else "unknown" for y in data.year]
    top = data.groupby("province").actual.sum().sort_values(ascending=False).head(limit).index
    data = data[data.province.isin(top)]
    data["no plan given"] = data.actual - data.actual_planned
    long = data.drop(columns="actual").melt(
        id_vars=["province", "year", "plan", "facts"],
        value_vars=["actual_planned", "no plan given"],
        var_name="part",
        value_name="actual",
    )
    long["part"] = long.part.replace({"actual_planned": "against a plan"})
    years = sorted(data.year.unique())
    name = f"period_{metric}"
    period = alt.param(
        name=name,
        value=None,
        bind=alt.binding_select(options=[None, *years], labels=["all periods", *years], name="period: "),
    )
    order = list(data.groupby("province").actual.sum().sort_values(ascending=False).index)
    x = alt.X("province:N", sort=order, title=None, axis=alt.Axis(labelAngle=-40))
    title = METRIC_TITLES.get(metric, metric)
    bars = (
        alt.Chart(long)
        .transform_filter(f"{name} == null || datum.year == {name}")
        .mark_bar()
        .encode(
            x,
            alt.Y("sum(actual):Q", title=title),
            alt.Color(
                "part:N",
                title="actual",
                scale=alt.Scale(domain=["against a plan", "no plan given"], range=["#1565c0", "#90caf9"]),
            ),
            alt.Order("part:N", sort="ascending"),
            tooltip=["province", "part", alt.Tooltip("sum(actual):Q", title="actual")],
        )
    )
    ticks = (
        alt.Chart(data)
        .transform_filter(f"{name} == null || datum.year == {name}")
        .transform_filter("datum.plan != null")
        .mark_tick(color="#111", thickness=3, size=26)
        .encode(
            x,
            alt.Y("sum(plan):Q"),
            tooltip=[
                "province",
                alt.Tooltip("sum(plan):Q", title="plan"),
                alt.Tooltip("sum(actual_planned):Q", title="actual against it"),
            ],
        )
    )
    chart = (
        alt.layer(bars, ticks)
        .add_params(period)
        .properties(width=WIDE, height=260, title=f"{title}: actual (bars) vs plan (ticks)")
    )
    return _spec(chart)
