"""A built wheel is the whole program: installed into a fresh virtual environment, with no
source tree on its path, `bantin run` over the seeds creates, validates and fills the warehouse
(warehouse/*.sql and expectations/*.json ship in the wheel and are read as package resources).

Offline and quick: the wheel is built from a copy of the sources (no stale build/ of the
checkout can leak in); the fresh environment gets the wheel only, and sees the already installed
dependencies through a .pth line naming this environment's site-packages (a path line in a .pth
adds that folder and nothing else: the editable install's finder there is not run).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO, SEEDS, bantin_env

pytestmark = pytest.mark.slow

SOURCES = ("pyproject.toml", "README.md", "tasks", "flows", "warehouse", "expectations")


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    assert proc.returncode == 0, f"{cmd}\n{proc.stdout}\n{proc.stderr}"
    return proc


def build_wheel(dest: Path) -> Path:
    src = dest / "src"
    src.mkdir(parents=True)
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(REPO / name, src / name)
    _run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q", "-w", str(dest)])
    (wheel,) = dest.glob("bantin-*.whl")
    return wheel


def fresh_venv(root: Path, wheel: Path) -> Path:
    _run([sys.executable, "-m", "venv", "--without-pip", str(root)])
    python = root / "bin" / "python"
    purelib = Path(
        _run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]).stdout.strip()
    )
    (purelib / "_bantin_test_deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ]
    )
    return root


def test_wheel_installed_in_a_fresh_venv_runs_the_seeds(tmp_path, prefect_home):
    wheel = build_wheel(tmp_path / "wheel")
    names = zipfile.ZipFile(wheel).namelist()
    for packaged in (
        "warehouse/schema.sql",
        "warehouse/views/people_directory.sql",
        "expectations/articles.json",
        "tasks/anatomy/rules.yaml",
        "flows/cli.py",
    ):
        assert packaged in names, f"{packaged} is not in {wheel.name}"

    venv = fresh_venv(tmp_path / "venv", wheel)
    work = tmp_path / "work"  # a cwd with no source tree in it or above it
    shutil.copytree(SEEDS, work / "input")
    env = bantin_env(prefect_home)
    env.pop("PYTHONPATH", None)
    where = _run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import tasks, flows, warehouse, expectations\n"
            "for m in (tasks, flows, warehouse, expectations): print(m.__file__)",
        ],
        cwd=work,
        env=env,
    ).stdout.split()
    assert all(Path(p).is_relative_to(venv) for p in where), where

    proc = _run(
        [str(venv / "bin" / "bantin"), "run", "--input", "input", "--data", "data"],
        cwd=work,
        env=env,
        timeout=900,
    )
    print(proc.stdout)
    with duckdb.connect(str(work / "data" / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
        assert con.execute("SELECT count(*) FROM dq_results").fetchone()[0] > 0
        assert con.execute("SELECT status FROM runs").fetchall() == [("succeeded",)]
        assert con.execute("SELECT count(*) FROM people_directory").fetchone()[0] > 0
    assert (work / "data" / "reports" / "index.html").is_file()
    assert os.path.isfile(work / "data" / "reports" / "gx" / "index.html")
