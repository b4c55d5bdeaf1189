"""What a cold clean+extract pass pays for its caches: the same pages processed cold, then warm,
then with only the anatomy line cache emptied, in one process.

    python bench/cold_warm.py [--n 1000] [--seed 0]

Pages are read (read_source) before timing, so the figures are process_page alone, µs per page
of CPU time; the chrome set is the flow's (bench/run.py scan, which also fills the chrome-key
cache, as the flow's scan does in a single-process run). Also prints the line cache's misses per
page and their cost in place. On this VM compare figures of one invocation, not across hours.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    import run as bench_run

    from tasks.anatomy import default_classifier
    from tasks.ingest import read_source
    from tasks.process_page import process_page
    from tasks.records import RawPage

    files = bench_run._files(bench_run.corpus(a.n, a.seed))
    chrome, _ = bench_run.scan(files)
    pages = [p for p in map(read_source, files) if isinstance(p, RawPage)]
    for p in pages[:20]:  # imports, lexicons, compiled rules
        process_page(p, chrome)
    classifier = default_classifier()

    def per_page() -> float:
        t = time.process_time()
        for p in pages:
            process_page(p, chrome)
        return (time.process_time() - t) / len(pages) * 1e6

    cached, spent = classifier.short_line_info, [0.0, 0]

    def timed_line_info(s, strip, shape):
        misses, t = cached.cache_info().misses, time.process_time()
        info = cached(s, strip, shape)
        if cached.cache_info().misses > misses:
            spent[0] += time.process_time() - t
            spent[1] += 1
        return info

    classifier.short_line_info = timed_line_info  # (the bench's probe, put back below)
    cold = per_page()
    n_miss, miss_s = spent[1], spent[0]
    warm = per_page()
    cached.cache_clear()
    lines_cold = per_page()
    classifier.short_line_info = cached
    print(
        f"{len(pages)} pages, process_page µs per page: cold {cold:.0f}, warm {warm:.0f}, "
        f"warm but line cache emptied {lines_cold:.0f}"
    )
    print(
        f"cold pass: {n_miss / len(pages):.1f} first-seen short lines a page, "
        f"{miss_s / max(1, n_miss) * 1e6:.1f} µs each = {miss_s / len(pages) * 1e6:.0f} µs a page"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
