"""CPU time per page of each clean+extract stage, for A/B runs of two code trees in one minute.

    python bench/stage_times.py [--root PATH] [--n 100000] [--sample 10000] [--seed 0]

--root: the checkout whose `tasks` is timed (default: this one), e.g. a `git worktree` of an
older commit. Pages: an even sample of the bench corpus of size --n (bench/run.py generates or
reuses it), with the chrome set the flow would use (cached next to the corpus). Prints µs per
page for read+decode, anatomy, facts and the article id, and docs per CPU-second. On a VM whose
speed drifts, alternate old and new trees several times and compare pairs, not hours.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", type=Path, default=HERE.parent)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--sample", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    root = a.root.resolve()
    sys.path.insert(0, str(root / "bench"))  # that tree's bench/run.py puts that tree first
    import run as bench_run

    import tasks

    assert Path(tasks.__file__).resolve().is_relative_to(root), tasks.__file__
    from tasks.anatomy import read_anatomy
    from tasks.facts import extract_facts
    from tasks.identity import article_id_for
    from tasks.ingest import read_source

    try:
        from tasks.process_page import process_page
        from tasks.records import RawPage
    except ImportError:  # a tree from before tasks/model.py and pipeline.py were renamed
        from tasks.model import RawPage
        from tasks.pipeline import process_page

    pages = bench_run.corpus(a.n, a.seed)
    files = bench_run._files(pages)
    # the chrome set depends on how the timed tree reads pages and keys lines: cache it per
    # version of that code, so an A/B of two trees never times one with the other's set
    keyed_by = [
        *sorted(root.glob("tasks/ingest*.py")),
        *sorted(root.glob("tasks/ingest/*.py")),
        root / "tasks/chrome.py",
        root / "tasks/textnorm.py",
    ]
    keyed_by += sorted((root / "tasks" / "anatomy").glob("*.py"))
    code = hashlib.sha256(b"".join(Path(f).read_bytes() for f in keyed_by)).hexdigest()[:12]
    cached = pages.parent / f"chrome-set-{code}.pkl"
    if cached.exists():
        chrome = pickle.loads(cached.read_bytes())
    else:
        chrome, _ = bench_run.scan(files)
        cached.write_bytes(pickle.dumps(chrome))
    files = files[:: max(1, len(files) // a.sample)][: a.sample]
    cpu = time.process_time
    spent = dict(read=0.0, anatomy=0.0, facts=0.0, article_id=0.0)
    for sf in files[:20]:  # warm-up: imports, gazetteer, compiled rules
        page = read_source(sf)
        if isinstance(page, RawPage):
            process_page(page, chrome)
    docs, start = 0, cpu()
    for sf in files:
        t = cpu()
        page = read_source(sf)
        spent["read"] += cpu() - t
        if not isinstance(page, RawPage):
            continue
        t = cpu()
        an = read_anatomy(page.text, chrome_lines=chrome)
        spent["anatomy"] += cpu() - t
        t = cpu()
        extract_facts(an.body, published_at=an.published_at, event_date=an.event_date, author=an.author)
        spent["facts"] += cpu() - t
        t = cpu()
        article_id_for(an)
        spent["article_id"] += cpu() - t
        docs += 1
    total = cpu() - start
    print(
        f"[{root}] {docs} docs: "
        + ", ".join(f"{k} {v / docs * 1e6:.0f}" for k, v in spent.items())
        + f" µs/page; total {total / docs * 1e6:.0f} µs/page = {docs / total:.0f} docs per CPU-second"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
