"""Wall time of `bantin run` where start-up dominates: the five seeds into a new data folder,
then an unchanged rerun. With `--root OTHER_CHECKOUT`, the same for that checkout, alternated
round by round (the VM's speed drifts from minute to minute, so compare within one call).

    .venv/bin/python bench/startup_times.py [--root OTHER_CHECKOUT] [--rounds 3]

Every run uses one Prefect home made here (its database is created by a warm-up run first), so
the figures are those of a user's second and later runs, not of the very first one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_once(root: Path, data: Path, env: dict[str, str]) -> float:
    cmd = [sys.executable, "-c", "import sys; from flows.cli import main; sys.argv[0] = 'bantin'; main()",
           "run", "--input", str(root / "seeds"), "--data", str(data)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=root, env={**env, "PYTHONPATH": str(root)}, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{root}: bantin run failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return seconds


def seeds_then_rerun(root: Path, work: Path, env: dict[str, str]) -> tuple[float, float]:
    data = work / "data"
    shutil.rmtree(data, ignore_errors=True)
    first = run_once(root, data, env)
    rerun = run_once(root, data, env)
    return first, rerun


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, action="append", default=[], help="another checkout to compare")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    roots = [REPO, *[r.resolve() for r in args.root]]
    with tempfile.TemporaryDirectory(prefix="bantin-startup-") as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
        env.update(PREFECT_HOME=str(work / "prefect-home"), PREFECT_LOGGING_LEVEL="WARNING",
                   PREFECT_SERVER_ANALYTICS_ENABLED="false", GX_ANALYTICS_ENABLED="False")
        run_once(REPO, work / "warm-up", env)      # creates the Prefect database once
        times: dict[Path, list[tuple[float, float]]] = {root: [] for root in roots}
        for i in range(args.rounds):
            for root in roots:
                first, rerun = seeds_then_rerun(root, work / f"r{i}-{len(times[root])}", env)
                times[root].append((first, rerun))
                print(f"round {i + 1} {root}: seeds {first:.2f} s, unchanged rerun {rerun:.2f} s", flush=True)
    for root, pairs in times.items():
        firsts, reruns = [p[0] for p in pairs], [p[1] for p in pairs]
        print(f"{root}: seeds median {statistics.median(firsts):.2f} s (min {min(firsts):.2f}), "
              f"unchanged rerun median {statistics.median(reruns):.2f} s (min {min(reruns):.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
