"""A temporary Prefect server for one `bantin run`, started before Prefect is imported.

With no PREFECT_API_URL, Prefect itself starts a temporary ("ephemeral") server, but only once
the flow is called: it first imports its server package in this process (~2 s), then starts
the server in a subprocess and waits for it (~4 s) — all in sequence, before any work. That is
most of an incremental run that finds nothing new. Here the same server (Prefect's own app,
Prefect's own command, the same database under PREFECT_HOME) is started first, so its start-up
overlaps this process's imports and discovery, and this process never imports the server code.

A configured server (PREFECT_API_URL in the environment or in the active Prefect profile) is
always used as is.
"""
from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

START_TIMEOUT_S = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", 120))


def configured_api_url() -> str | None:
    """PREFECT_API_URL from the environment or the active profile of PREFECT_HOME."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    import tomllib

    home = Path(os.environ.get("PREFECT_HOME", Path.home() / ".prefect")).expanduser()
    profiles = Path(os.environ.get("PREFECT_PROFILES_PATH", home / "profiles.toml")).expanduser()
    try:
        data = tomllib.loads(profiles.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    active = os.environ.get("PREFECT_PROFILE") or data.get("active")
    return (data.get("profiles", {}).get(active, {}) or {}).get("PREFECT_API_URL")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    # Linux: the server gets SIGTERM if this process dies, even by SIGKILL, so no orphan
    # server outlives a killed run.
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class TemporaryServer:
    def __init__(self) -> None:
        self.port = _free_port()
        self.api_url = f"http://127.0.0.1:{self.port}/api"
        # The command and settings Prefect's own SubprocessASGIServer uses for its ephemeral server.
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
               "PREFECT__SERVER_FINAL": "1"}
        # Block auto-registration imports every installed Prefect collection (prefect-dask, so
        # dask and distributed) in the server at each start: ~0.5 s of its 4-5 s. bantin's flows
        # use no blocks, and a server of one's own (PREFECT_API_URL) is not affected.
        for name in ("PREFECT_SERVER_REGISTER_BLOCKS_ON_START",
                     "PREFECT_SERVER_MEMOIZE_BLOCK_AUTO_REGISTRATION"):
            env.setdefault(name, "false")
        env.pop("PREFECT_API_URL", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app",
             "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "error",
             "--lifespan", "on"],
            env=env, preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)

    def wait_ready(self, timeout: float = START_TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"the temporary Prefect server exited with code {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the temporary Prefect server did not start within {timeout:.0f} s "
                                   "(raise PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@dataclass
class PrefectAPI:
    wait_ready: Callable[[], None]
    temporary: bool     # a server started for this run, gone when it ends


@contextmanager
def prefect_api():
    """Yield a PrefectAPI whose wait_ready() returns once the API that PREFECT_API_URL points at
    answers: the configured one, or a temporary server started here."""
    if configured_api_url():
        yield PrefectAPI(wait_ready=lambda: None, temporary=False)
        return
    server = TemporaryServer()
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        yield PrefectAPI(wait_ready=server.wait_ready, temporary=True)
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()
