"""The nightly service beside its users, on real runs: 1.x DuckDB tools, readers held open, one
run per data folder, a trace of every run, Ctrl-C and SIGTERM."""

from __future__ import annotations

import html
import os
import shutil
import signal
import subprocess
import sys
import time
import venv
from pathlib import Path

import duckdb
import pytest

from tests.conftest import BANTIN, REPO, SEEDS, bantin_env, start_bantin_run, wait_for_marker

pytestmark = pytest.mark.slow

DUCKDB_CLI = Path(sys.executable).parent / "duckdb"
OLD_CLIENT = Path(os.environ.get("BANTIN_TEST_DUCKDB1_VENV", "/tmp/bantin-test-duckdb-1.5.6"))


def explain(proc: subprocess.CompletedProcess) -> str:
    """A failed run's one line and the traceback file it names, for the assertion message."""
    err = proc.stderr.split("\n  nanobind: leaked")[0]
    if "(traceback: " in err:
        path = Path(err.split("(traceback: ", 1)[1].split(")", 1)[0])
        if path.exists():
            err += "\n" + path.read_text(encoding="utf-8")
    return err


def q(db: Path, sql: str):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, prefect_home) -> Path:
    data = tmp_path_factory.mktemp("seeded") / "data"
    proc = subprocess.run(
        [str(BANTIN), "run", "--input", str(SEEDS), "--data", str(data)],
        cwd=REPO,
        env=bantin_env(prefect_home),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr
    return data / "warehouse.duckdb"


def _old_python_client() -> Path:
    python = OLD_CLIENT / "bin" / "python"
    if not python.exists():
        venv.create(OLD_CLIENT, with_pip=True)
        got = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "duckdb==1.5.6"],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if got.returncode != 0:
            shutil.rmtree(OLD_CLIENT, ignore_errors=True)
            pytest.skip(f"pip could not install duckdb==1.5.6: {got.stderr.strip()[-300:]}")
    return python


def test_the_duckdb_cli_of_the_environment_opens_the_warehouse(seeded):
    assert DUCKDB_CLI.exists(), "duckdb-cli is a dependency: `pip install -e .` puts it in the venv"
    out = subprocess.run(
        [str(DUCKDB_CLI), "-readonly", "-csv", str(seeded), "-c", "SELECT count(*) AS n FROM articles"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["n", "5"]
    version = subprocess.run([str(DUCKDB_CLI), "--version"], capture_output=True, text=True).stdout
    assert version.startswith("v1.")


def test_a_duckdb_1x_python_client_opens_the_warehouse(seeded):
    python = _old_python_client()
    code = (
        f"import duckdb; c = duckdb.connect({str(seeded)!r}, read_only=True); "
        "print(duckdb.__version__, c.execute('SELECT count(*) FROM articles').fetchone()[0])"
    )
    out = subprocess.run([str(python), "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["1.5.6", "5"]


def test_readers_held_open_for_the_whole_run_do_not_stop_it(tmp_path, prefect_home, seeded):
    data = tmp_path / "data"
    shutil.copytree(seeded.parent, data, ignore=shutil.ignore_patterns(".bantin-run.lock"))
    db = data / "warehouse.duckdb"
    python_reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys\n"
            f"con = duckdb.connect({str(db)!r}, read_only=True)\n"
            "print(con.execute('SELECT count(*) FROM runs').fetchone()[0], flush=True)\n"
            "sys.stdin.readline()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    cli_reader = subprocess.Popen(
        [str(DUCKDB_CLI), "-readonly", str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert python_reader.stdout.readline().strip() == "1"
        cli_reader.stdin.write("SELECT count(*) FROM runs;\n")
        cli_reader.stdin.flush()
        run = start_bantin_run(prefect_home, SEEDS, data)
        answered = []
        while run.poll() is None:  # `bantin sql` while the run goes on
            sql = subprocess.run(
                [str(BANTIN), "sql", "SELECT count(*) FROM runs", "--data", str(data)],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert sql.returncode == 0, sql.stderr
            answered.append(run.poll() is None)
        out, err = run.communicate()
        assert run.returncode == 0, err
        assert any(answered), "no `bantin sql` answered while the run was going on"
        assert python_reader.poll() is None and cli_reader.poll() is None  # still holding it
    finally:
        for p in (python_reader, cli_reader):
            p.kill()
            p.wait()
    # reconnected: the new run is there, whole
    assert q(db, "SELECT status FROM runs ORDER BY started_at") == [("succeeded",), ("succeeded",)]


def test_a_direct_flow_call_is_refused_while_a_run_holds_the_folder(tmp_path, prefect_home):
    data, marker = tmp_path / "data", tmp_path / "marker"
    first = start_bantin_run(
        prefect_home, SEEDS, data, BANTIN_FAILPOINT="extracted", BANTIN_FAILPOINT_MARKER=str(marker)
    )
    try:
        wait_for_marker(marker, first)
        second = subprocess.run(
            [
                sys.executable,
                "-c",
                "from flows.nightly import nightly\n"
                f"state = nightly(input_dir={str(SEEDS)!r}, data_dir={str(data)!r}, return_state=True)\n"
                "print(state.type.value, '|', state.message)\n",
            ],
            cwd=REPO,
            env=bantin_env(prefect_home),
            capture_output=True,
            text=True,
            timeout=300,
        )
        print(second.stdout)
        state, message = second.stdout.strip().splitlines()[-1].split(" | ", 1)
        assert state == "FAILED"
        assert "another bantin run is already using" in message
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()


def test_a_failed_run_leaves_its_row_and_reason_and_shows_in_the_report(tmp_path, run_bantin):
    data = tmp_path / "data"
    (data / "parquet").mkdir(parents=True)
    (data / "parquet" / "_staging").write_text("a file where the staging folder goes")
    proc = run_bantin("run", "--input", str(SEEDS), "--data", str(data))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    ((status, message),) = q(data / "warehouse.duckdb", "SELECT status, message FROM runs")
    assert status == "failed" and "Error" in message
    report = run_bantin("report", "--data", str(data))
    assert report.returncode == 0, report.stderr
    page = Path(report.stdout.strip()).read_text(encoding="utf-8")
    assert "failed" in page
    assert html.escape(message, quote=False)[:40] in page  # the reason is shown, not only the status


# point name -> (failpoint or None for a plain delay, signal)
STOP_POINTS = {
    "early": (None, signal.SIGTERM),
    "clean-extract": ("extracted", signal.SIGTERM),
    "load": ("load-merged", signal.SIGTERM),
    "ctrl-c-in-clean-extract": ("extracted", signal.SIGINT),
}


@pytest.mark.parametrize("point", list(STOP_POINTS))
def test_a_signal_stops_the_run_within_10_s_and_the_next_run_is_a_clean_one(
    point, tmp_path, prefect_home, run_bantin, seeded
):
    data, marker = tmp_path / "data", tmp_path / "marker"
    failpoint, sig = STOP_POINTS[point]
    extra = dict(BANTIN_FAILPOINT=failpoint, BANTIN_FAILPOINT_MARKER=str(marker)) if failpoint else {}
    run = start_bantin_run(prefect_home, SEEDS, data, **extra)
    if failpoint:
        wait_for_marker(marker, run)
    else:
        time.sleep(1.5)
    t0 = time.monotonic()
    os.killpg(run.pid, sig)  # as a terminal's Ctrl-C or a service manager does: the group
    out, err = run.communicate(timeout=60)
    seconds = time.monotonic() - t0
    print(f"{point}: {sig.name} -> exit {run.returncode} after {seconds:.2f} s; stderr {err!r}")
    assert run.returncode == 128 + sig
    assert seconds < 10
    assert err.strip().count("\n") == 0 and err.startswith("bantin: interrupted")
    assert "Traceback" not in err
    db = data / "warehouse.duckdb"
    if db.exists():
        assert q(db, "SELECT count(*) FROM articles") == [(0,)]
        assert q(db, "SELECT status FROM runs") == [("interrupted",)]
    again = run_bantin("run", "--input", str(SEEDS), "--data", str(data))
    assert again.returncode == 0, explain(again)
    clean = sorted(r for r in q(seeded, "SELECT article_id, body FROM articles"))
    assert sorted(q(db, "SELECT article_id, body FROM articles")) == clean
    assert q(db, "SELECT status FROM runs ORDER BY started_at")[-1] == ("succeeded",)


PREFECT_VIEW = """
import sys, time
from flows.nightly import nightly
from prefect import get_client
from prefect.client.schemas.filters import (ArtifactFilter, ArtifactFilterFlowRunId, LogFilter,
                                            LogFilterFlowRunId)
state = nightly(input_dir=sys.argv[1], data_dir=sys.argv[2], return_state=True)
fid = state.state_details.flow_run_id
time.sleep(3)   # the log handler sends in batches
with get_client(sync_client=True) as c:
    arts = c.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[fid])))
    logs = c.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[fid])))
    tags = c.read_flow_run(fid).tags
print("STATE", state.type.value)
print("TAGS", ",".join(tags))
print("ARTIFACT", arts[0].key if arts else "", repr(arts[0].data if arts else ""))
print("LOGS", repr([entry.message for entry in logs]))
"""


def test_a_run_shows_its_logs_artifact_and_data_quality_tag_in_prefect(tmp_path, prefect_home):
    data = tmp_path / "data"
    out = subprocess.run(
        [sys.executable, "-c", PREFECT_VIEW, str(SEEDS), str(data)],
        cwd=REPO,
        env=bantin_env(
            prefect_home, PREFECT_LOGGING_TO_API_ENABLED="true", PREFECT_LOGGING_LEVEL="INFO"
        ),  # as `bantin serve` sets
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    seen = dict(
        line.split(" ", 1)
        for line in out.stdout.splitlines()
        if line.split(" ", 1)[0] in {"STATE", "TAGS", "ARTIFACT", "LOGS"}
    )
    assert seen["STATE"] == "COMPLETED"
    assert seen["ARTIFACT"].startswith("bantin-run-summary ") and "## Failed expectations" in seen["ARTIFACT"]
    assert "## Quarantine by reason" in seen["ARTIFACT"] and "reports/index.html" in seen["ARTIFACT"]
    assert "articles loaded 5" in seen["LOGS"] and "data quality:" in seen["LOGS"]
    failed = q(data / "warehouse.duckdb", "SELECT count(*) FROM dq_results WHERE NOT success")[0][0]
    assert ("dq-failed" in seen["TAGS"].split(",")) == bool(failed)


def test_cli_habits_version_sql_formats_whole_errors_and_an_empty_input_warning(tmp_path, run_bantin, seeded):
    version = run_bantin("--version")
    assert version.returncode == 0 and version.stdout.startswith("bantin ")
    data = str(seeded.parent)
    csv_out = run_bantin("sql", "SELECT count(*) AS n FROM articles", "--data", data, "--format", "csv")
    assert csv_out.stdout.splitlines()[:2] == ["n", "5"]
    json_out = run_bantin("sql", "SELECT count(*) AS n FROM articles", "--data", data, "--format", "json")
    assert json_out.stdout.splitlines()[0] == '{"n": 5}'
    error = run_bantin("sql", "SELECT titl FROM articles", "--data", data)
    assert error.returncode == 1
    assert '"title"' in error.stderr and "^" in error.stderr  # DuckDB's hint and caret kept
    (tmp_path / "empty").mkdir()
    empty = run_bantin("run", "--input", str(tmp_path / "empty"), "--data", str(tmp_path / "data"))
    assert empty.returncode == 0 and "warning: the input folder" in empty.stdout
