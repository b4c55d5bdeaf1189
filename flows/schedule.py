"""`bantin serve`: the nightly flow as a Prefect deployment with a cron schedule."""

from __future__ import annotations

from pathlib import Path

from flows.nightly import nightly


def build_deployment(
    *,
    input_dir: Path,
    data_dir: Path,
    cron: str = "0 2 * * *",
    timezone: str = "Asia/Ho_Chi_Minh",
    name: str = "bantin-nightly",
):
    from prefect.schedules import Cron

    return nightly.to_deployment(
        name=name,
        schedules=[Cron(cron, timezone=timezone)],
        parameters={"input_dir": str(input_dir), "data_dir": str(data_dir)},
        description="bantin nightly ETL over the configured input folder",
        tags=["bantin"],
    )


def serve_nightly(*, input_dir: Path, data_dir: Path, cron: str, timezone: str, name: str) -> None:
    from prefect import serve
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():
        raise SystemExit(
            "bantin: error: schedules need a Prefect server. Start one with "
            "`prefect server start --host 127.0.0.1` and set "
            "PREFECT_API_URL=http://127.0.0.1:4200/api (see README, 'Nightly schedule')."
        )
    print(serving_banner(PREFECT_API_URL.value(), cron, timezone, name), flush=True)
    serve(
        build_deployment(input_dir=input_dir, data_dir=data_dir, cron=cron, timezone=timezone, name=name),
        print_starting_message=False,
    )


def next_run_time(cron: str, timezone: str):
    import asyncio
    import inspect

    from prefect.server.schemas.schedules import CronSchedule

    dates = CronSchedule(cron=cron, timezone=timezone).get_dates(n=1)
    (when,) = asyncio.run(dates) if inspect.isawaitable(dates) else dates  # sync-compatible API
    return when


def serving_banner(api_url: str, cron: str, timezone: str, name: str) -> str:
    """Where to watch the runs, and when the first one starts."""
    ui = api_url.rstrip("/").removesuffix("/api")
    return (
        f"bantin: serving deployment 'bantin-nightly/{name}' ({cron}, {timezone}); "
        f"next run {next_run_time(cron, timezone):%Y-%m-%d %H:%M %Z}; runs, logs and artifacts: "
        f"{ui}/runs (Ctrl-C stops serving)"
    )
