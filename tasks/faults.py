"""Failpoints: named places where a test can freeze a real run to kill it (SIGKILL) there.

Inactive unless BANTIN_FAILPOINT names the point; then the process writes the point's name to
BANTIN_FAILPOINT_MARKER (so the test knows it arrived) and sleeps until killed.
"""

from __future__ import annotations

import os
import time


def failpoint(name: str) -> None:
    if os.environ.get("BANTIN_FAILPOINT") != name:
        return
    marker = os.environ.get("BANTIN_FAILPOINT_MARKER")
    if marker:
        with open(marker, "w", encoding="utf-8") as fh:
            fh.write(name)
    time.sleep(3600)
