"""Body kept / chrome removed of gold sets, by read_anatomy alone (no warehouse): seconds, not
minutes, for work on the cleaning rules. The figures follow score.py's body/boilerplate measures
(a gold body line is kept when its middle 40 chars are in the body; a non-body line leaks when it
is a body line, or its middle is in the body and in no gold body line); repetition is counted per
host over the set's pages, as a run would (tasks/chrome.py).

    python bench/eval/lines_eval.py [SET ...] [--misses] [--odd | --even]

--odd / --even: only the pages whose number (k011 -> 11) is odd / even (develop on one half,
check on the other). Non-article pages are skipped (they are not scored for lines).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from tasks.anatomy import read_anatomy  # noqa: E402
from tasks.batch import chrome_set, page_key_hashes  # noqa: E402
from tasks.chrome import PageKeys, chrome_for_host, count_pages  # noqa: E402
from tasks.ingest.origin import host_of_url  # noqa: E402
from tasks.ingest.read import page_from_bytes  # noqa: E402
from tasks.records import RawPage  # noqa: E402

sys.path.insert(0, str(HERE))
from score import norm  # noqa: E402  (the shared scorer's own normalisation)


def load_set(gold_set: Path) -> list[tuple[dict, RawPage]]:
    manifest = gold_set / "raw" / "manifest.tsv"
    origin: dict[str, str] = {}
    if manifest.exists():  # (the shared dev set has none: its pages have no host)
        with open(manifest, encoding="utf-8") as f:
            origin = {r["file"]: r["origin"] for r in csv.DictReader(f, delimiter="\t")}
    gold = json.loads((gold_set / "gold.json").read_text(encoding="utf-8"))
    out = []
    for g in gold:
        url = origin.get(g["file"]) or None
        page = page_from_bytes(g["file"], (gold_set / "raw" / g["file"]).read_bytes(), host=host_of_url(url))
        if isinstance(page, RawPage):
            out.append((g, page))
    return out


def chrome_of(pages: list[RawPage]):
    """The set's chrome set, as a run computes it: each distinct page's line keys
    (tasks/batch.page_key_hashes), counted per host, kept on CHROME_MIN_PAGES or more pages."""
    distinct = {p.sha256: p for p in pages}
    scan = PageKeys.of_pages([(sha, page_key_hashes(p.text, p.source_host)) for sha, p in distinct.items()])
    return chrome_set(count_pages([scan]))


def score_page(g: dict, body_text: str) -> tuple[int, int, int, int, list[str]]:
    """(body hit, body n, chrome removed, chrome n, misses) as score.py counts them."""
    body = norm(body_text)
    body_lines = {norm(x) for x in body_text.split("\n") if norm(x)}
    gold_body = [norm(x) for x in g["body_lines"]]
    hit = rem = n_ch = 0
    misses = []
    for line in gold_body:
        snip = line if len(line) <= 40 else line[len(line) // 2 - 20 : len(line) // 2 + 20]
        if snip in body:
            hit += 1
        else:
            misses.append(f"{g['file']}: body line missing: {line[:70]}")
    for line in dict.fromkeys(norm(x) for x in g["non_body_lines"]):
        if not line:
            continue
        n_ch += 1
        leaked = line in body_lines
        if not leaked and len(line) >= 40:
            snip = line[len(line) // 2 - 20 : len(line) // 2 + 20]
            leaked = snip in body and not any(snip in gb for gb in gold_body)
        if leaked:
            misses.append(f"{g['file']}: boilerplate kept: {line[:70]}")
        else:
            rem += 1
    return hit, len(gold_body), rem, n_ch, misses


def page_number(name: str) -> int:
    m = re.search(r"\d+", name)
    return int(m.group()) if m else 0


def evaluate(gold_set: Path, half: str | None = None) -> tuple[float, float, list[str]]:
    pages = load_set(gold_set)
    chrome = chrome_of([p for _, p in pages])
    tot = [0, 0, 0, 0]
    misses: list[str] = []
    for g, p in pages:
        if g.get("not_article"):
            continue
        if half and (page_number(g["file"]) % 2 == 1) != (half == "odd"):
            continue
        a = read_anatomy(p.text, chrome_lines=chrome_for_host(chrome, p.source_host), host=p.source_host)
        *counts, m = score_page(g, a.body)
        tot = [x + y for x, y in zip(tot, counts, strict=True)]
        misses += m
    return tot[0] / max(tot[1], 1), tot[2] / max(tot[3], 1), misses


def default_sets() -> list[Path]:
    """The shared dev set (../shared beside the worktree or beside its parent) and the three own."""
    shared = next((p for p in (ROOT.parent / "shared", ROOT.parents[1] / "shared") if p.exists()), ROOT)
    return [shared / "eval" / "dev", *(ROOT / "tests" / "dev" / s for s in ("portals", "fresh", "unseen"))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*", type=Path)
    ap.add_argument("--misses", action="store_true")
    half = ap.add_mutually_exclusive_group()
    half.add_argument("--odd", action="store_const", const="odd", dest="half")
    half.add_argument("--even", action="store_const", const="even", dest="half")
    args = ap.parse_args()
    sets = args.sets or default_sets()
    for s in sets:
        body, chrome, misses = evaluate(s, args.half)
        print(f"{s.name:8s} body_kept={body:.3f} chrome_removed={chrome:.3f} misses={len(misses)}")
        if args.misses:
            print("\n".join("  " + m for m in misses))


if __name__ == "__main__":
    main()
