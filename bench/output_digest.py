"""Guard for speed work: dump what clean+extract produces for a fixed page set, compare later.

    python bench/output_digest.py write OUT.jsonl [--n 5000] [--seed 0]
    python bench/output_digest.py check OUT.jsonl [--n 5000] [--seed 0]

Pages: seeds, every page of ../shared/corpus (portals + baomoi + raw, when present) and the
bench corpus of size --n (chrome set computed as the flow does). One JSON line per page with
the anatomy (title, dates, author, site, locality, body lines, labelled boilerplate) and the
facts. `check` prints the first differences and exits 1 if any page differs: an optimisation
that changes output is a behaviour change, not a speed-up.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))


def _pages(n: int, seed: int):
    from tasks.ingest import discover_with_problems

    groups = [(ROOT / "seeds", frozenset())]
    shared = ROOT.parent / "shared" / "corpus"
    for sub in sorted(p for p in shared.glob("*") if p.is_dir()):
        groups.append((sub, frozenset()))
    if n:
        import run as bench_run

        pages = bench_run.corpus(n, seed)
        files = bench_run._files(pages)
        chrome, _ = bench_run.scan(files)
        groups.append((pages, chrome))
    for folder, chrome in groups:
        files, _ = discover_with_problems(folder)
        for sf in sorted(files, key=lambda f: f.rel_path):
            yield folder, sf, chrome


def _record(folder: Path, sf, chrome) -> dict:
    from tasks.ingest import read_source
    from tasks.process_page import process_page
    from tasks.records import RawPage

    page = read_source(sf)
    key = f"{folder.name}/{sf.rel_path}"
    if not isinstance(page, RawPage):
        return {"page": key, "quarantined": page.reason}
    doc = process_page(page, chrome)
    return {
        "page": key,
        "id": doc.article_id,
        "anatomy": dataclasses.asdict(doc.anatomy),
        "facts": dataclasses.asdict(doc.facts),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=["write", "check"])
    ap.add_argument("path", type=Path)
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    lines = (
        json.dumps(_record(*p), ensure_ascii=False, sort_keys=True, default=str) for p in _pages(a.n, a.seed)
    )
    if a.mode == "write":
        count = 0
        with a.path.open("w", encoding="utf-8") as f:
            for line in lines:
                f.write(line + "\n")
                count += 1
        print(f"wrote {count} pages to {a.path}")
        return 0
    expected = a.path.read_text(encoding="utf-8").splitlines()
    got = list(lines)
    diffs = [(e, g) for e, g in zip(expected, got, strict=False) if e != g]
    if len(expected) != len(got):
        print(f"page count differs: expected {len(expected)}, got {len(got)}")
    for e, g in diffs[:5]:
        ej, gj = json.loads(e), json.loads(g)
        print(f"DIFF {ej['page']}")
        for k in sorted(set(ej) | set(gj)):
            if ej.get(k) != gj.get(k):
                print(
                    f"  {k}:\n    expected {json.dumps(ej.get(k), ensure_ascii=False)[:600]}\n"
                    f"    got      {json.dumps(gj.get(k), ensure_ascii=False)[:600]}"
                )
    print(f"{len(got)} pages, {len(diffs)} differ")
    return 1 if diffs or len(expected) != len(got) else 0


if __name__ == "__main__":
    sys.exit(main())
