"""Instruction counts of clean+extract for an A/B of two code trees that the VM's drift cannot blur.

    python bench/instr_ab.py [--root OLD_CHECKOUT] [--n 10000] [--pages 300]

Runs this script twice per tree under `valgrind --tool=cachegrind --cache-sim=no` (instructions
are counted, not seconds: the same binary and input give the same count whatever else the machine
does): once with no timed pages and once with --pages, so start-up and warm-up cancel out. Prints
instructions per page for each tree and the ratio. Pages: an even sample of the bench corpus made
by bench/run.py of the tree running this script, so both trees read the same files; read with an
empty chrome set (the scan would dominate under valgrind). Needs valgrind (Debian).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write_sample(n: int, listing: Path) -> None:
    """The measured pages, from THIS tree's bench corpus, so that both trees of an A/B read the
    same files (an older tree's generator makes a different corpus). Generated here, before any
    count, so that generating it is never counted. The listing: the corpus folder, then the
    sampled pages' paths relative to it."""
    sys.path.insert(0, str(HERE))
    import run as bench_run

    pages = bench_run.corpus(n, 0)
    files = bench_run._files(pages)
    sample = files[:: max(1, len(files) // 2050)]  # the same pages whatever --pages is
    listing.write_text("\n".join([str(pages), *(sf.rel_path for sf in sample)]), encoding="utf-8")


def _work(root: Path, listing: Path, pages: int) -> None:
    """The measured process: warm up on 50 pages, then clean+extract `pages` others."""
    sys.path.insert(0, str(root))
    from tasks.ingest import discover_with_problems, read_source

    try:
        from tasks.process_page import process_page
        from tasks.records import RawPage
    except ImportError:  # a tree from before the renames
        from tasks.model import RawPage
        from tasks.pipeline import process_page
    corpus_dir, *rel_paths = listing.read_text(encoding="utf-8").splitlines()
    by_rel_path = {
        sf.rel_path: sf for sf in discover_with_problems(Path(corpus_dir))[0]
    }  # this tree's own records
    sample = [by_rel_path[rel] for rel in rel_paths]
    warm, timed = sample[:50], sample[50 : 50 + pages]
    for sf in warm + timed:
        page = read_source(sf)
        if isinstance(page, RawPage):
            process_page(page, frozenset())


def _count(root: Path, listing: Path, pages: int) -> int:
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = subprocess.run(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--work",
            "--root",
            str(root),
            "--list",
            str(listing),
            "--pages",
            str(pages),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    m = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
    if out.returncode != 0 or not m:
        raise SystemExit(out.stderr[-2000:])
    return int(m.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", type=Path, action="append", help="a tree to count (repeatable)")
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--work", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--list", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    roots = [r.resolve() for r in (a.root or [HERE.parent])]
    if a.work:
        _work(roots[0], a.list, a.pages)
        return 0
    listing = Path(tempfile.mkstemp(prefix="instr-ab-", suffix=".txt")[1])
    write_sample(a.n, listing)
    per_page = {}
    for root in roots:
        base, full = _count(root, listing, 0), _count(root, listing, a.pages)
        per_page[root] = (full - base) / a.pages
        print(f"[{root}] {per_page[root] / 1e6:.2f} M instructions per page ({a.pages} pages)")
    if len(roots) == 2:
        old, new = per_page[roots[0]], per_page[roots[1]]
        print(f"ratio {roots[1].name}/{roots[0].name} = {new / old:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
