"""A temporary Prefect server for one `bantin run`, started before Prefect is imported.

With no PREFECT_API_URL, Prefect would start a temporary ("ephemeral") server itself, but only
once the flow is called: it imports its server package in this process (~2 s), then starts the
server and waits for it (~3-4 s), all in sequence before any work. Here the server is started
first, through Prefect's public command `prefect server start`, so its start-up overlaps this
process's imports, the warehouse check and the listing of the input folder. It uses the database
under PREFECT_HOME, as Prefect's ephemeral server does, with the UI, the scheduler and the
late-runs service off (nothing is scheduled through a server that ends with the run) and without
block auto-registration (bantin uses no blocks; it would cost ~0.5 s of every start).

The server's address reaches the flow as a Prefect setting (`PrefectAPI.url`, passed to
`run_nightly`), not through this process's environment. A configured server (PREFECT_API_URL in
the environment or in the active Prefect profile) is always used as is.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

START_TIMEOUT_S = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", 120))


def configured_api_url() -> str | None:
    """PREFECT_API_URL from the environment or the active profile of PREFECT_HOME (read without
    importing Prefect, which would cost the overlap this module exists for)."""
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


def server_command(port: int) -> list[str]:
    """`prefect server start` for a server that lives as long as one run."""
    return [
        sys.executable,
        "-m",
        "prefect",
        "server",
        "start",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--no-ui",
        "--no-scheduler",
        "--no-late-runs",
        "--analytics-off",
        "--log-level",
        "ERROR",
    ]


def server_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.setdefault("PREFECT_SERVER_REGISTER_BLOCKS_ON_START", "false")
    return env


def _die_with_parent() -> None:
    """In the child, before exec: Linux sends it SIGTERM when the run's process ends, even by
    SIGKILL (elsewhere: nothing; the run stops the server itself as it ends)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class TemporaryServer:
    """`prefect server start` in a child process, in a session of its own: a Ctrl-C typed at the
    terminal reaches the run, not the server, so the run can still record how it ended (with
    the server gone, each of Prefect's calls would retry for a minute). It stops with the run:
    the run stops it as it ends and, if the run is killed outright, the kernel signals it."""

    def __init__(self) -> None:
        port = _free_port()
        self.api_url = f"http://127.0.0.1:{port}/api"
        self.process = subprocess.Popen(
            server_command(port),
            env=server_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )

    def wait_ready(self, timeout: float = START_TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout
        while not self._healthy():
            if self.process.poll() is not None:
                raise RuntimeError(f"the temporary Prefect server exited with code {self.process.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"the temporary Prefect server did not start within {timeout:.0f} s "
                    "(raise PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)"
                )
            time.sleep(0.05)

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as resp:
                return resp.status == 200
        except OSError:
            return False

    def stop(self, timeout: float = 10) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@dataclass
class PrefectAPI:
    url: str | None  # None: the one Prefect's settings already name
    wait_ready: Callable[[], None]
    temporary: bool  # a server started for this run, gone when it ends


@contextmanager
def prefect_api() -> Iterator[PrefectAPI]:
    """Yield the API the run should use: the configured one, or a temporary server started here
    (its wait_ready() returns once it answers)."""
    if configured_api_url():
        yield PrefectAPI(url=None, wait_ready=lambda: None, temporary=False)
        return
    server = TemporaryServer()
    try:
        yield PrefectAPI(url=server.api_url, wait_ready=server.wait_ready, temporary=True)
    finally:
        server.stop()
