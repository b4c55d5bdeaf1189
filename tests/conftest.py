"""Shared test helpers: paths to ../shared, gold, and a real `bantin` subprocess runner."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold" / "seeds.json"
CORPUS = SHARED / "corpus"
BANTIN = Path(sys.executable).parent / "bantin"


def needs_shared(path: Path = SHARED):
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is absent (a user's clone has no ../shared)")


def load_gold() -> list[dict]:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def prefect_home(tmp_path_factory) -> Path:
    # One Prefect home for the session: the ephemeral server's SQLite is created once.
    home = Path(os.environ.get("BANTIN_TEST_PREFECT_HOME") or tmp_path_factory.mktemp("prefect-home"))
    return home


def bantin_env(prefect_home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "PREFECT_HOME": str(prefect_home),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PREFECT_LOGGING_LEVEL": "WARNING",
            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
            "GX_ANALYTICS_ENABLED": "False",
        }
    )
    env.pop("PREFECT_API_URL", None)
    env.update(extra)
    return env


def start_bantin_run(prefect_home: Path, inp: Path, data: Path, **env_extra) -> subprocess.Popen:
    """`bantin run` in its own session (signals go to it alone), output captured."""
    return subprocess.Popen(
        [str(BANTIN), "run", "--input", str(inp), "--data", str(data)],
        cwd=REPO,
        env=bantin_env(prefect_home, **env_extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def wait_for_marker(marker: Path, proc: subprocess.Popen, timeout: float = 300) -> None:
    """Until a failpoint's marker file appears; fail if the run ends first or time runs out."""
    deadline = time.monotonic() + timeout
    while not marker.exists():
        assert proc.poll() is None, f"run ended before the failpoint: {proc.stderr.read()}"
        assert time.monotonic() < deadline, "failpoint not reached in time"
        time.sleep(0.1)


@pytest.fixture
def run_bantin(prefect_home):
    """Run the real CLI in a subprocess; returns CompletedProcess (text)."""

    def _run(*args: str, timeout: float = 600, env_extra: dict | None = None, cwd: Path = REPO):
        return subprocess.run(
            [str(BANTIN), *args],
            capture_output=True,
            text=True,
            cwd=cwd,
            timeout=timeout,
            env=bantin_env(prefect_home, **(env_extra or {})),
        )

    return _run


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    dst = tmp_path / "input"
    shutil.copytree(SEEDS, dst)
    return dst
