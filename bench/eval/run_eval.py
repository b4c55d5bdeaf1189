"""Run bantin over annotated gold sets laid out by host and print the scorer's measures.

    python bench/eval/run_eval.py [SET ...] [--misses] [--json OUT] [--with-urls]

Each SET is a folder with raw/ (pages + manifest.tsv) and gold.json. Per set it prints the
scorer's summary, metadata accuracy per field (from the scorer's misses), and, with --misses,
every miss. Uses the `bantin` installed beside this Python (the project's venv).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIELDS = ("title", "published_at", "event_date", "author", "source_site", "locality")
FIELD_MISS = re.compile(r"^(?P<file>[^:]+): (?P<field>" + "|".join(FIELDS) + r") = ")


def default_sets() -> list[Path]:
    shared_dev = ROOT.parent / "shared" / "eval" / "dev"
    own = ROOT / "tests" / "dev" / "portals"
    fresh = ROOT / "tests" / "dev" / "fresh"  # annotated 2026-12-02, held out from round 1
    unseen = ROOT / "tests" / "dev" / "unseen"  # annotated 2026-12-02, held out from rounds 1 and 2
    heldout = (
        ROOT / "tests" / "dev" / "heldout"
    )  # annotated blind 2026-12-02 (session 3), held out from session 3's rule work
    blind = ROOT / "tests" / "dev" / "blind"  # annotated blind in session 4, held out from its rule work
    blind5 = ROOT / "tests" / "dev" / "blind5"  # annotated blind in session 5, held out from its rule work
    blind6 = (
        ROOT / "tests" / "dev" / "blind6"
    )  # annotated blind in sessions 6-7, held out from their rule work
    blind7 = ROOT / "tests" / "dev" / "blind7"  # annotated blind in session 9, tuned on in session 10
    blind8 = ROOT / "tests" / "dev" / "blind8"  # annotated blind in session 10, tuned on late in it
    blind9 = (
        ROOT / "tests" / "dev" / "blind9"
    )  # annotated blind late in session 10, held out from its rule work, tuned on in session 11
    blind10 = ROOT / "tests" / "dev" / "blind10"  # annotated blind in session 11 (round 1), then tuned on
    blind11 = ROOT / "tests" / "dev" / "blind11"  # annotated blind in session 11 (round 2), held out
    blind12 = ROOT / "tests" / "dev" / "blind12"  # annotated blind in session 13, held out, tuned on in 14
    blind13 = ROOT / "tests" / "dev" / "blind13"  # annotated blind in session 14, held out
    blind14 = ROOT / "tests" / "dev" / "blind14"  # annotated blind in session 14 (round 2), then tuned on
    sets = (
        shared_dev,
        own,
        fresh,
        unseen,
        heldout,
        blind,
        blind5,
        blind6,
        blind7,
        blind8,
        blind9,
        blind10,
        blind11,
        blind12,
        blind13,
        blind14,
    )
    return [p for p in sets if (p / "gold.json").exists()]


def field_counts(gold: list[dict], found_files: set[str]) -> Counter:
    """How many scored values each metadata field has (the scorer skips 'skip' and, for
    source_site, a null gold)."""
    n: Counter = Counter()
    for g in gold:
        if g.get("not_article") or g["file"] not in found_files:
            continue
        for f in FIELDS:
            gv = g.get(f)
            if gv == "skip" or (f == "source_site" and gv is None):
                continue
            n[f] += 1
    return n


def write_url_manifest(raw: Path, laid_out: Path) -> None:
    """A `manifest.tsv` at the top of the laid-out input mapping each page (host/file) to its
    origin URL, as a crawl that keeps its URLs provides. The shared layout tool keeps only the
    host, so this is a second, optional measure (`--with-urls`), never the default one."""
    with open(raw / "manifest.tsv", encoding="utf-8") as f:
        origin = {r["file"]: r["origin"] for r in csv.DictReader(f, delimiter="\t")}
    rows = [
        (page.relative_to(laid_out).as_posix(), origin[page.name])
        for page in sorted(laid_out.rglob("*.txt"))
        if origin.get(page.name, "").startswith(("http://", "https://"))
    ]
    with open(laid_out / "manifest.tsv", "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, delimiter="\t", lineterminator="\n")
        out.writerow(("file", "url"))
        out.writerows(rows)


def evaluate(gold_set: Path, work: Path, with_urls: bool = False) -> dict:
    bantin = Path(sys.executable).parent / "bantin"
    laid_out, data = work / "in", work / "data"
    subprocess.run(
        [sys.executable, str(HERE / "layout_by_host.py"), str(gold_set / "raw"), str(laid_out)], check=True
    )
    if with_urls:
        write_url_manifest(gold_set / "raw", laid_out)
    run = subprocess.run(
        [str(bantin), "run", "--input", str(laid_out), "--data", str(data)], capture_output=True, text=True
    )
    if run.returncode != 0:
        raise SystemExit(f"bantin run failed on {gold_set}:\n{run.stdout}\n{run.stderr}")
    scored = subprocess.run(
        [
            sys.executable,
            str(HERE / "score.py"),
            str(data / "warehouse.duckdb"),
            str(gold_set / "gold.json"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(scored.stdout)
    gold = json.loads((gold_set / "gold.json").read_text(encoding="utf-8"))
    missing = {m.split(":")[0] for m in result["misses"] if m.endswith(": no article")}
    found = {g["file"] for g in gold if not g.get("not_article")} - missing
    n = field_counts(gold, found)
    wrong = Counter(m.group("field") for m in map(FIELD_MISS.match, result["misses"]) if m)
    result["metadata_by_field"] = {f: (1 - wrong[f] / n[f]) if n[f] else None for f in FIELDS}
    result["metadata_n_by_field"] = dict(n)
    return result


def print_result(name: str, r: dict, misses: bool) -> None:
    print(f"== {name}")
    if misses:
        for m in r["misses"]:
            print("  -", m)
    keys = [k for k in r if k not in ("misses", "metadata_by_field", "metadata_n_by_field")]
    print("  " + " ".join(f"{k}={r[k]:.3f}" if isinstance(r[k], float) else f"{k}={r[k]}" for k in keys))
    print(
        "  metadata by field: "
        + " ".join(
            f"{f}={v:.3f}(n={r['metadata_n_by_field'].get(f, 0)})" if v is not None else f"{f}=n/a"
            for f, v in r["metadata_by_field"].items()
        )
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="*", type=Path)
    ap.add_argument("--misses", action="store_true", help="print every miss")
    ap.add_argument("--json", type=Path, help="write all results to this JSON file")
    ap.add_argument(
        "--with-urls",
        action="store_true",
        help="also give bantin each page's URL in a manifest.tsv (a crawl that keeps URLs); not the shared measure",
    )
    a = ap.parse_args(argv)
    sets = a.sets or default_sets()
    if not sets:
        print(
            "no gold sets found (../shared/eval/dev, tests/dev/portals, tests/dev/fresh, tests/dev/unseen, tests/dev/heldout, tests/dev/blind)"
        )
        return 1
    results = {}
    for s in sets:
        with tempfile.TemporaryDirectory(prefix="bantin-eval-") as tmp:
            results[str(s)] = r = evaluate(s.resolve(), Path(tmp), with_urls=a.with_urls)
        print_result(str(s), r, a.misses)
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
