"""The data-quality report (data/reports/index.html) and offline GX Data Docs.

Modules: build (build_report: the entry point), queries (DuckDB SQL over the warehouse), failing
(observed values and failing rows per expectation), alerts (the morning view's warnings),
charts (Altair -> Vega-Lite specs), html (Jinja2 rendering), gx_offline (Data Docs without a
network), stages (stage durations per run, table run_stages).

`build_report` is imported lazily: the flow imports `tasks.report.stages` at start-up and must
not pay for Altair and pandas there.
"""

from __future__ import annotations


def __getattr__(name: str):
    if name == "build_report":
        from tasks.report.build import build_report

        return build_report
    raise AttributeError(name)


__all__ = ["build_report"]
