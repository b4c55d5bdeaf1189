"""cProfile of read_source + process_page (clean + extract, no Prefect) over generated pages.

    python bench/profile_clean_extract.py [--n 5000] [--seed 0] [--top 15] [--out bench/RESULTS.md]

Uses the bench corpus of size --n (generated or reused from the cache, see bench/run.py), the
chrome set the flow would compute for it, prints the top functions by cumulative and by own time
(tottime), and writes the top five of each into --out under "Profile".
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import run as bench_run  # noqa: E402


def _short(func: tuple) -> str:
    file, line, name = func
    if file == "~":
        return name
    p = Path(file)
    try:
        rel = p.resolve().relative_to(HERE.parent)
        where = str(rel)
    except ValueError:
        parts = p.parts
        where = "/".join(parts[parts.index("site-packages") + 1 :]) if "site-packages" in parts else p.name
    return f"{where}:{line}({name})"


def top(stats: pstats.Stats, key: str, k: int) -> list[tuple]:
    rows = []
    for func, (_cc, nc, tt, ct, _callers) in stats.stats.items():
        rows.append((func, nc, tt, ct))
    idx = {"cumulative": 3, "tottime": 2}[key]
    rows.sort(key=lambda r: -r[idx])
    return rows[:k]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--out", type=Path, default=bench_run.RESULTS)
    a = ap.parse_args(argv)
    pages = bench_run.corpus(a.n, a.seed)
    files = bench_run._files(pages)
    chrome, _ = bench_run.scan(files)
    # warm imports and lazy tables outside the profile
    bench_run.clean_extract(files[:20], chrome)
    # CPU time, not wall time: other jobs on a shared machine must not inflate the figures
    prof = cProfile.Profile(time.process_time)
    t0, c0 = time.perf_counter(), time.process_time()
    prof.enable()
    res = bench_run.clean_extract(files, chrome)
    prof.disable()
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0
    st = pstats.Stats(prof, stream=io.StringIO())
    total = st.total_tt
    print(
        f"{res['docs']} docs from {res['files']} files in {wall:.1f} s under cProfile "
        f"({res['docs'] / wall:.0f} docs/s wall, {res['docs'] / cpu:.0f} per CPU-second, with profiler "
        f"overhead); load average {bench_run.load_avg()}"
    )
    out = []
    for key in ("cumulative", "tottime"):
        rows = top(st, key, a.top)
        print(f"\nTop {a.top} by {key}:")
        print(f"{'ncalls':>10} {'tottime':>8} {'cumtime':>8}  function")
        for func, nc, tt, ct in rows:
            print(f"{nc:>10} {tt:>8.2f} {ct:>8.2f}  {_short(func)}")
        # the top five that are not just the driver loop / process_page wrapper
        shown = [
            r
            for r in rows
            if key == "tottime"
            or not any(
                s in _short(r[0]) for s in ("run.py", "process_page.py", "{built-in method builtins.exec}")
            )
        ][:5]
        out += [
            "",
            f"Top five by {'cumulative time' if key == 'cumulative' else 'own time (tottime)'}"
            + (" (below the driver loop and `process_page`)" if key == "cumulative" else "")
            + ":",
            "",
            "| function | calls | own s | cumulative s | share of total |",
            "|---|---|---|---|---|",
        ]
        for func, nc, tt, ct in shown:
            share = (ct if key == "cumulative" else tt) / total
            out.append(f"| `{_short(func)}` | {nc:,} | {tt:.2f} | {ct:.2f} | {share:.0%} |")
    lines = [
        f"`python bench/profile_clean_extract.py --n {a.n}`: cProfile of `read_source` + "
        f"`process_page` over {res['files']:,} generated pages ({res['docs']:,} documents), "
        f"{wall:.1f} s wall / {cpu:.1f} s CPU under the profiler, total own CPU time {total:.1f} s (profiler timer: `time.process_time`); load average "
        f"{bench_run.load_avg()} (shared machine).",
        *out,
    ]
    bench_run.replace_section(a.out, "profile", ["## Profile", "", *lines])
    print(f"\nwrote the top five into {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
