"""What the reader-safe write (tasks/swap.py: copy, write, fsync, rename) costs on a big warehouse.

    python bench/swap_cost.py [--articles 100000] [--data /tmp/bantin-swap-bench]

Builds bench/report_build.py's synthetic warehouse (100,000 articles with their child rows),
migrates it once from DuckDB 2.0's format to the 1.x-readable one (timed: what an existing
warehouse pays on its first write), then times the per-write cost: a `runs` row written through
`replacing()`, and the file copy alone. A run writes three times (start, load, final stage times).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report_build import make_warehouse  # noqa: E402

from tasks import load, swap  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--data", type=Path, default=Path("/tmp/bantin-swap-bench"))
    args = ap.parse_args()
    shutil.rmtree(args.data, ignore_errors=True)
    db = args.data / "warehouse.duckdb"
    make_warehouse(db, args.articles, 30)
    print(
        f"warehouse: {args.articles:,} articles, {db.stat().st_size / 1e6:.0f} MB, "
        f"format {swap.storage_version(db)}"
    )
    t = time.perf_counter()
    load.start_run(db, "bench-0", datetime.now(), "in", None)  # first write: the migration
    print(
        f"first write (migration to {swap.storage_version(db)}): {time.perf_counter() - t:.2f} s, "
        f"{db.stat().st_size / 1e6:.0f} MB after"
    )
    for i in range(1, 4):
        t = time.perf_counter()
        load.start_run(db, f"bench-{i}", datetime.now(), "in", None)
        print(f"a runs row through replacing(): {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    shutil.copyfile(db, db.with_name("copy.duckdb"))
    print(f"the file copy alone: {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
