"""One run per data folder at a time, whoever starts it (`bantin run`, a deployment's scheduled
run, a direct call of the flow): the flow takes this lock before it touches the folder.

An advisory `flock` on <data>/.bantin-run.lock: the kernel drops it when the holder's process
ends, however it ends, so a killed run never leaves a stale lock behind. Two opens of the file
conflict even inside one process (the lock belongs to the open file), so two flow runs in
threads of one process are kept apart too.
"""

from __future__ import annotations

import fcntl
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".bantin-run.lock"


class RunLocked(RuntimeError):
    """Another run holds the data folder."""


@contextmanager
def run_lock(data_dir: Path, run_id: str = "") -> Iterator[None]:
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / LOCK_NAME, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise RunLocked(
                f"another bantin run is already using {data_dir} ({holder}); this one did not start"
            ) from None
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(f"run {run_id} pid {os.getpid()} on {socket.gethostname()}".replace("run  ", ""))
            fh.flush()
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
