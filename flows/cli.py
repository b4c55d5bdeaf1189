"""`bantin run | serve | report | sql` — the command line (CONTRACT.md).

Prefect is imported only by the commands that run the flow, so `bantin sql` answers quickly.
Errors print one readable line and exit non-zero; `--debug` shows the traceback.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="bantin: Vietnamese Party/government news pages -> validated DuckDB warehouse.",
)
_state: dict = {"debug": False, "stopping": 0, "data": None}
# After Ctrl-C or SIGTERM the run has this long to unwind (record itself as interrupted, stop
# its temporary Prefect server); then the process ends regardless.
STOP_GRACE_S = 7.0
SIGNAL_NAMES = {signal.SIGINT: "Ctrl-C", signal.SIGTERM: "SIGTERM"}


class UserError(Exception):
    """An error the user can fix; printed as one line."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def _quiet_prefect(*, logs_to_api: bool = False) -> None:
    """logs_to_api: runs on a lasting server (a served deployment's, or a `bantin run` with
    PREFECT_API_URL set) send their INFO logs to it, for its UI's Logs tab; a `bantin run`
    against its temporary server, which ends with the run, sends none. The console stays quiet
    either way (_quiet_prefect_console)."""
    if logs_to_api:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", os.environ.get("BANTIN_SERVE_LOG_LEVEL", "INFO"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # The ephemeral server creates its SQLite database on first use; on a busy 2-core machine
    # that can take longer than Prefect's 20 s default.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "true" if logs_to_api else "false")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")


def _check_data_dir(data: Path) -> None:
    try:
        data.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create data folder {data}: {exc.strerror or exc}", code=2) from exc
    if not os.access(data, os.W_OK | os.X_OK):
        raise UserError(f"data folder {data} is not writable", code=2)


def _check_warehouse(db: Path) -> None:
    if not db.exists():
        return
    import duckdb

    from tasks.store import WarehouseBusy, connect

    try:
        connect(db, read_only=True, wait_s=5).close()
    except WarehouseBusy:
        return  # the run itself waits for the lock, and says so if it must give up
    except duckdb.Error as exc:
        raise UserError(
            f"warehouse {db} cannot be opened ({str(exc).splitlines()[0]}); "
            "move it aside or restore it from a backup",
            code=2,
        ) from exc


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"bantin {version('bantin')}")
        raise typer.Exit()


@app.callback()
def _main(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
    _version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print bantin's version and exit."
    ),
):
    _state["debug"] = debug


@app.command()
def run(
    input: Path = typer.Option(Path("seeds"), "--input", help="Folder of raw page files."),
    data: Path = typer.Option(Path("data"), "--data", help="Output folder (warehouse, parquet, reports)."),
    full_refresh: bool = typer.Option(False, "--full-refresh", help="Re-read and re-clean every input file."),
    workers: int | None = typer.Option(
        None,
        "--workers",
        min=1,
        help="Worker processes for cleaning and extraction: 1 = this process only, N > 1 = a local "
        "Dask cluster of N. Default: every core when at least 20,000 files need reading, else 1.",
    ),
    dask_address: str | None = typer.Option(
        None, "--dask-address", help="Run tasks on an existing Dask cluster, e.g. tcp://host:8786."
    ),
    batch_size: int | None = typer.Option(
        None,
        "--batch-size",
        min=1,
        help="Pages per task (default: a few tasks per worker, 250-5,000 pages each).",
    ),
):
    """One flow run: ingest -> clean -> extract -> Parquet -> validate -> load -> report."""
    if not input.exists():
        raise UserError(f"input folder '{input}' does not exist", code=2)
    if not input.is_dir():
        raise UserError(f"input '{input}' is not a folder", code=2)
    _check_data_dir(data)
    _state["data"] = data
    from flows.prefect_server import configured_api_url

    _quiet_prefect(logs_to_api=configured_api_url() is not None)
    for sig in SIGNAL_NAMES:
        signal.signal(sig, _stop_on_signal)
    from flows.prefect_server import prefect_api

    # The temporary Prefect server (3-4 s to start) comes up while this process checks the
    # warehouse, lists the input folder and imports the flow's modules.
    with prefect_api() as api:
        from tasks.ingest import ListingAhead

        _check_warehouse(data / "warehouse.duckdb")
        with ListingAhead(input) as listing:
            import pandas  # noqa: F401  (the load's Arrow conversions import it anyway: do it now)

            from flows import nightly
            from flows.nightly import run_nightly
            from tasks.runlock import RunLocked
            from tasks.store import WarehouseBusy

            nightly.ON_INTERRUPT.append(_start_stop_deadline)
            nightly.STOP_REQUESTED.append(lambda: bool(_state["stopping"]))
            _quiet_prefect_console()
            api.wait_ready()
            try:
                summary = run_nightly(
                    input,
                    data,
                    full_refresh=full_refresh,
                    batch_size=batch_size,
                    workers=workers,
                    dask_address=dask_address,
                    api_url=api.url,
                    heartbeats=not api.temporary,
                    listing=listing,
                )
            except RunLocked as exc:
                raise UserError(str(exc), code=3) from exc
            except WarehouseBusy as exc:
                raise UserError(f"{exc}; is another program holding it open for writing?", code=3) from exc
    _print_summary(summary)


def _stop_on_signal(signum: int, _frame: object) -> None:
    """Ctrl-C and SIGTERM (a service manager's stop, `kill`) end a run the same way: SystemExit
    unwinds the flow, which records the run as interrupted, and the temporary Prefect server
    stops. A timer ends the process after STOP_GRACE_S whatever is still running (a batch in a
    worker thread cannot be interrupted); a second signal ends it at once."""
    if _state["stopping"]:
        _exit_stopped(signum)
    _start_stop_deadline(signum)
    raise SystemExit(128 + signum)


def _start_stop_deadline(signum: int = signal.SIGTERM) -> None:
    if _state["stopping"]:
        return
    _state["stopping"] = signum
    timer = threading.Timer(STOP_GRACE_S, _exit_stopped, args=(signum,))
    timer.daemon = True
    timer.start()


def _quiet_prefect_console() -> None:
    """Prefect's console lines (a task's crash report, tracebacks) would repeat what bantin says
    in its one-line error or its summary; `--debug` keeps them."""
    import logging

    if _state["debug"]:
        return
    for logger in (logging.getLogger(), logging.getLogger("prefect")):
        for handler in logger.handlers:
            if type(handler).__name__ == "PrefectConsoleHandler":
                handler.setLevel(logging.CRITICAL + 1)


def _exit_stopped(signum: int, exc: BaseException | None = None) -> None:
    """One line, exit 128 + signal number, without waiting for threads (os._exit: a worker
    thread still in a batch would otherwise hold the exit until the batch ends)."""
    if _state["debug"] and exc is not None:
        import traceback

        traceback.print_exception(exc)
    name = SIGNAL_NAMES.get(signal.Signals(signum), f"signal {signum}")
    print(
        f"bantin: interrupted ({name}): the run stopped; the warehouse keeps its last committed state",
        file=sys.stderr,
        flush=True,
    )
    sys.stdout.flush()
    os._exit(128 + signum)


def _print_summary(s) -> None:
    from rich.console import Console

    out = Console(soft_wrap=True)
    out.print(f"[bold]bantin run {s.run_id}[/bold]: {s.status}")
    out.print(
        f"  files seen {s.files_seen}, new/changed {s.files_new}, unchanged {s.files_unchanged}, "
        f"vanished {s.files_vanished}"
    )
    out.print(
        f"  articles loaded {s.articles_loaded} (replaced {s.articles_replaced}), "
        f"quarantined {s.files_quarantined}" + (f" {s.quarantine_reasons}" if s.quarantine_reasons else "")
    )
    if s.dq_failed:
        out.print(
            f"  [yellow]data quality: {len(s.dq_failed)} of {s.dq_checked} expectations failed "
            f"(rows kept, see report):[/yellow]"
        )
        for line in s.dq_failed:
            out.print(f"    - {line}")
    elif s.dq_checked:
        out.print(f"  data quality: all {s.dq_checked} expectations met")
    else:
        out.print("  data quality: nothing new to validate")
    if s.stage_stats:
        out.print(
            "  seconds: "
            + ", ".join(f"{k} {v:.1f}" for k, v in s.stage_stats.items() if not k.startswith("_"))
            + f" (clean-extract on {s.runner})"
        )
        peaks = s.stage_stats.get("_peak_rss_mb", {})
        if peaks:
            out.print(
                "  peak RSS of this process after each stage (MB): "
                + ", ".join(f"{k} {v}" for k, v in peaks.items())
            )
    for warning in s.warnings:
        out.print(f"  [yellow]warning: {warning}[/yellow]")
    out.print(f"  warehouse: {s.warehouse}")
    out.print(f"  report:    {s.report}")


@app.command()
def serve(
    cron: str = typer.Option("0 2 * * *", "--cron", help="Cron schedule."),
    timezone: str = typer.Option("Asia/Ho_Chi_Minh", "--timezone"),
    input: Path = typer.Option(Path("seeds"), "--input"),
    data: Path = typer.Option(Path("data"), "--data"),
    name: str = typer.Option("bantin-nightly", "--name", help="Deployment name."),
):
    """Serve the flow as a Prefect deployment on a cron schedule (needs a Prefect server)."""
    # The runs' progress and summary are INFO lines: the UI's Logs tab shows them only at INFO.
    os.environ["PREFECT_LOGGING_LEVEL"] = os.environ.get("BANTIN_SERVE_LOG_LEVEL", "INFO")
    _quiet_prefect(logs_to_api=True)
    from flows.schedule import serve_nightly

    serve_nightly(input_dir=input.resolve(), data_dir=data.resolve(), cron=cron, timezone=timezone, name=name)


@app.command()
def report(data: Path = typer.Option(Path("data"), "--data")):
    """(Re)build the data-quality report and print the path of its HTML entry page."""
    db = data / "warehouse.duckdb"
    if not db.exists():
        raise UserError(f"no warehouse at {db}: run `bantin run --data {data}` first", code=2)
    from tasks.report import build_report
    from tasks.store import WarehouseBusy

    try:
        print(build_report(data).resolve())
    except WarehouseBusy as exc:
        raise UserError(str(exc), code=3) from exc


@app.command()
def sql(
    query: str = typer.Argument(..., help='Read-only SQL, e.g. "select count(*) from articles".'),
    data: Path = typer.Option(Path("data"), "--data"),
    max_rows: int = typer.Option(100, "--max-rows", help="Rows to print."),
    max_width: int = typer.Option(60, "--max-width", help="Characters per cell (table format)."),
    fmt: str = typer.Option("table", "--format", help="table, csv or json (json: one object a line)."),
):
    """Run read-only SQL against the warehouse and print the result (table, csv or json)."""
    if fmt not in PRINTERS:
        raise UserError(f"--format must be one of {', '.join(PRINTERS)}, not {fmt!r}", code=2)
    import duckdb

    from tasks.store import open_for_reading

    db = data / "warehouse.duckdb"
    if not db.exists():
        raise UserError(f"no warehouse at {db}: run `bantin run --data {data}` first", code=2)
    try:
        with open_for_reading(db) as con:
            result = _query(con, query, max_rows + 1)
    except duckdb.Error as exc:
        raise UserError(f"cannot open warehouse {db}: {str(exc).splitlines()[0]}", code=2) from exc
    if result is None:
        return
    cols, rows = result
    PRINTERS[fmt](cols, rows[:max_rows], max_width)
    if len(rows) > max_rows:
        print(f"(first {max_rows} rows shown; use --max-rows)", file=sys.stderr)


def _query(con, query: str, max_rows: int) -> tuple[list[str], list[tuple]] | None:
    """Column names and up to `max_rows` rows (None for a statement without a result)."""
    import duckdb

    try:
        cur = con.execute(query)
        if cur.description is None:
            return None
        return [d[0] for d in cur.description], cur.fetchmany(max_rows)
    except duckdb.Error as exc:  # DuckDB's whole message: its "Did you mean" hint, the caret
        raise UserError(f"SQL error: {str(exc).rstrip()}", code=1) from exc


def _print_csv(cols: list[str], rows: list[tuple], _width: int) -> None:
    import csv

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(cols)
    writer.writerows(rows)


def _print_json(cols: list[str], rows: list[tuple], _width: int) -> None:
    import json

    for row in rows:
        print(json.dumps(dict(zip(cols, row, strict=True)), ensure_ascii=False, default=str))


def _print_table(cols: list[str], rows: list[tuple], max_width: int) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAVY, show_lines=False)
    for c in cols:
        table.add_column(c, overflow="fold")
    for row in rows:
        table.add_row(*["NULL" if v is None else _cell(v, max_width) for v in row])
    Console(width=max(120, min(250, 22 * len(cols)))).print(table)
    print(f"{len(rows)} row(s)")


PRINTERS = {"table": _print_table, "csv": _print_csv, "json": _print_json}


def _cell(v, width: int) -> str:
    text = str(v).replace("\n", " ⏎ ")
    return text if len(text) <= width else text[: width - 1] + "…"


def main() -> None:
    try:
        _main_unguarded()
    except BaseException as exc:
        if _state["stopping"]:
            _exit_stopped(_state["stopping"], exc)
        raise


def _main_unguarded() -> None:
    try:
        app(standalone_mode=False)
    except BaseException as exc:
        # After a stop signal every failure is the stop's doing, whatever a library made of our
        # SystemExit (pydantic wraps it in PydanticSerializationError when it lands inside a
        # serializer): main() reports the stop in its one line, never as an error.
        if _state["stopping"]:
            raise
        _report_failure(exc)


def _report_failure(exc: BaseException) -> None:
    """One line and an exit code for every failure; a traceback only with --debug."""
    if isinstance(exc, UserError):
        _fail(str(exc), exc.code, exc)
    if isinstance(exc, KeyboardInterrupt):
        _fail("interrupted", 130, None)
    if not isinstance(exc, Exception):  # SystemExit (typer's own exits) and the like
        raise exc
    exit_code = getattr(exc, "exit_code", None)
    if hasattr(exc, "show") and isinstance(exit_code, int):  # typer/click usage errors
        exc.show()
        sys.exit(exit_code)
    if type(exc).__name__ == "Abort":
        _fail("aborted", 1, exc)
    _fail(_describe(exc), 1, exc)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno == 28:
        return f"disk full while writing ({exc.filename or 'data folder'}): free space and re-run"
    msg = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


def _fail(message: str, code: int, exc: BaseException | None) -> None:
    if _state["debug"] and exc is not None:
        import traceback

        traceback.print_exception(exc)
    elif exc is not None and not isinstance(exc, UserError):
        # An unexpected error of a night's run must be diagnosable without re-running it with
        # --debug: its traceback goes to a file the one line names.
        saved = _save_traceback(exc)
        if saved is not None:
            message = f"{message} (traceback: {saved})"
    print(f"bantin: error: {message}", file=sys.stderr)
    sys.exit(code)


def _save_traceback(exc: BaseException) -> Path | None:
    """<data>/logs/error-<time>-<pid>.txt when the command has a data folder, else the temp dir;
    None when neither can be written (the one-line error is still printed)."""
    import tempfile
    import traceback
    from datetime import datetime

    text = "".join(traceback.format_exception(exc))
    name = f"error-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.txt"
    folders = [Path(_state["data"]) / "logs"] if _state["data"] is not None else []
    for folder in [*folders, Path(tempfile.gettempdir()) / "bantin-logs"]:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            path.write_text(text, encoding="utf-8")
            return path
        except OSError:
            continue
    return None


if __name__ == "__main__":
    main()
