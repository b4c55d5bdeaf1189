"""Same flow on a real local Dask cluster; the nightly deployment's schedule."""

from __future__ import annotations

import shutil
import time

import pytest

from tests.conftest import SEEDS
from tests.e2e.test_faults_and_incremental import content

pytestmark = pytest.mark.slow


def test_dask_cluster_run_equals_single_process_run(tmp_path, run_bantin):
    from distributed import LocalCluster

    inp = tmp_path / "in"
    shutil.copytree(SEEDS, inp)
    t0 = time.monotonic()
    single = run_bantin("run", "--input", str(inp), "--data", str(tmp_path / "single"), "--batch-size", "2")
    t_single = time.monotonic() - t0
    assert single.returncode == 0, single.stderr

    t0 = time.monotonic()
    local = run_bantin(
        "run", "--input", str(inp), "--data", str(tmp_path / "local"), "--workers", "2", "--batch-size", "2"
    )
    t_local = time.monotonic() - t0
    assert local.returncode == 0, local.stderr
    assert "clean-extract on dask local cluster, 2 processes" in local.stdout

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        address = cluster.scheduler_address
        t0 = time.monotonic()
        remote = run_bantin(
            "run",
            "--input",
            str(inp),
            "--data",
            str(tmp_path / "remote"),
            "--dask-address",
            address,
            "--batch-size",
            "2",
        )
        t_remote = time.monotonic() - t0
    assert remote.returncode == 0, remote.stderr
    assert f"clean-extract on dask {address}" in remote.stdout
    assert "clean-extract on this process" in single.stdout
    print(f"\nwall seconds: single {t_single:.1f}, --workers 2 {t_local:.1f}, --dask-address {t_remote:.1f}")
    expected = content(tmp_path / "single" / "warehouse.duckdb")
    assert content(tmp_path / "local" / "warehouse.duckdb") == expected
    assert content(tmp_path / "remote" / "warehouse.duckdb") == expected


def test_nightly_deployment_has_the_cron_schedule(tmp_path):
    from flows.schedule import build_deployment

    dep = build_deployment(input_dir=tmp_path / "in", data_dir=tmp_path / "data")
    assert dep.name == "bantin-nightly"
    (sched,) = dep.schedules
    assert sched.schedule.cron == "0 2 * * *"
    assert sched.schedule.timezone == "Asia/Ho_Chi_Minh"
    assert dep.parameters == {"input_dir": str(tmp_path / "in"), "data_dir": str(tmp_path / "data")}
    other = build_deployment(input_dir=tmp_path, data_dir=tmp_path, cron="30 3 * * 1-5", timezone="UTC")
    assert other.schedules[0].schedule.cron == "30 3 * * 1-5"


def test_serve_without_a_server_says_how_to_start_one(run_bantin):
    proc = run_bantin("serve", timeout=120)
    assert proc.returncode != 0
    assert "prefect server start" in proc.stderr


def test_a_batch_that_never_reports_back_fails_the_run_instead_of_hanging(tmp_path, run_bantin):
    """A Dask worker that never finishes its batch (here: frozen at a failpoint; in the field, a
    worker that cannot unpickle its task) must fail the run with a clear message, not leave the
    nightly run waiting forever."""
    inp = tmp_path / "in"
    shutil.copytree(SEEDS, inp)
    t0 = time.monotonic()
    proc = run_bantin(
        "run",
        "--input",
        str(inp),
        "--data",
        str(tmp_path / "data"),
        "--workers",
        "2",
        env_extra={"BANTIN_FAILPOINT": "extracted", "BANTIN_BATCH_TIMEOUT_S": "15"},
        timeout=300,
    )
    elapsed = time.monotonic() - t0
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert "did not finish within 15 s" in proc.stderr
    assert elapsed < 200
    import duckdb

    with duckdb.connect(str(tmp_path / "data" / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("SELECT status FROM runs").fetchall() == [("failed",)]
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
