"""Wall time of `bantin run` where start-up dominates: the five seeds into a new data folder,
then an unchanged rerun. With `--root OTHER_CHECKOUT`, the same for that checkout, alternated
round by round (the VM's speed drifts from minute to minute, so compare within one call). Wall
time shows what overlapping start-up work saves; CPU time (user + system of the CLI and every
process it started, the Prefect server included) is what the start-up costs, and is steadier on a
busy machine.

    .venv/bin/python bench/startup_times.py [--root OTHER_CHECKOUT] [--rounds 3]

Every run uses one Prefect home made here (its database is created by a warm-up run first), so
the figures are those of a user's second and later runs, not of the very first one.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(root: Path, data: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall s, CPU s) of one `bantin run` of this checkout."""
    cmd = [
        sys.executable,
        "-c",
        "import sys; from flows.cli import main; sys.argv[0] = 'bantin'; main()",
        "run",
        "--input",
        str(root / "seeds"),
        "--data",
        str(data),
    ]
    cpu0, t0 = _children_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, cwd=root, env={**env, "PYTHONPATH": str(root)}, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
    if proc.returncode != 0:
        raise SystemExit(f"{root}: bantin run failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return wall, cpu


def seeds_then_rerun(root: Path, work: Path, env: dict[str, str]) -> tuple[tuple[float, float], ...]:
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
        env.update(
            PREFECT_HOME=str(work / "prefect-home"),
            PREFECT_LOGGING_LEVEL="WARNING",
            PREFECT_SERVER_ANALYTICS_ENABLED="false",
            GX_ANALYTICS_ENABLED="False",
        )
        run_once(REPO, work / "warm-up", env)  # creates the Prefect database once
        times: dict[Path, list[tuple[tuple[float, float], ...]]] = {root: [] for root in roots}
        for i in range(args.rounds):
            for root in roots:
                (fw, fc), (rw, rc) = seeds_then_rerun(root, work / f"r{i}-{len(times[root])}", env)
                times[root].append(((fw, fc), (rw, rc)))
                print(
                    f"round {i + 1} {root}: seeds {fw:.2f} s wall {fc:.2f} s CPU, "
                    f"unchanged rerun {rw:.2f} s wall {rc:.2f} s CPU",
                    flush=True,
                )
    for root, rounds in times.items():
        print(
            f"{root}: median of {len(rounds)}: "
            f"seeds {_median(rounds, 0, 0)} s wall {_median(rounds, 0, 1)} s CPU, "
            f"unchanged rerun {_median(rounds, 1, 0)} s wall {_median(rounds, 1, 1)} s CPU"
        )
    return 0


def _median(rounds: list[tuple[tuple[float, float], ...]], run: int, measure: int) -> str:
    return f"{statistics.median(r[run][measure] for r in rounds):.2f}"


if __name__ == "__main__":
    raise SystemExit(main())
