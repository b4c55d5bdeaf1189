"""Measure the anatomy stage: line-level body P/R/F1 and metadata accuracy, with an ablation.

    .venv/bin/python bench/eval_anatomy.py [--shared ../shared]

Data: seeds gold (../shared/gold/seeds.json over seeds/) and the hand-annotated pages in
tests/dev/anatomy_dev.json over ../shared/corpus: split "dev" (used while developing the rules)
and split "holdout" (annotated afterwards, not tuned on). Ablation rows:
  rules      named line rules (rules.yaml) + date-line recognition only; every other line is body
  +shape     + line shape (sentence end, length, function-word share, name/teaser shape)
  +position  + zones (header / body run / trailing zone, byline cut-off, title choice)
  +repeat    + cross-page repetition (chrome_lines from all corpus pages, key seen on >= 3 pages)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tasks.anatomy import Signals, chrome_key, read_anatomy  # noqa: E402

CONFIGS = [
    ("rules", Signals(shape=False, position=False, repetition=False)),
    ("+shape", Signals(shape=True, position=False, repetition=False)),
    ("+position", Signals(shape=True, position=True, repetition=False)),
    ("+repeat", Signals(shape=True, position=True, repetition=True)),
    ("shape+rep", Signals(shape=True, position=False, repetition=True)),  # repetition without zones
]
FIELDS = ["title", "published_at", "author", "source_site", "locality"]


def load_sets(shared: Path):
    seeds = []
    for g in json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8")):
        seeds.append((g, (ROOT / "seeds" / g["file"]).read_text(encoding="utf-8")))
    dev, holdout = [], []
    for g in json.loads((ROOT / "tests" / "dev" / "anatomy_dev.json").read_text(encoding="utf-8")):
        (holdout if g.get("split") == "holdout" else dev).append(
            (g, (shared / "corpus" / g["file"]).read_text(encoding="utf-8"))
        )
    return seeds, dev, holdout


def corpus_texts(shared: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for sub in ("portals", "raw"):
        texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / sub).glob("*.txt"))]
    return texts


def chrome_set(texts: list[str], min_pages: int = 3) -> frozenset[str]:
    c: Counter[str] = Counter()
    for t in texts:
        c.update({k for k in (chrome_key(s) for s in t.split("\n")) if k})
    return frozenset(k for k, v in c.items() if v >= min_pages)


def predicted_body_texts(text: str, an) -> set[str]:
    """Stripped raw lines the anatomy put in the body (a stripped prefix/suffix still counts)."""
    body = set(an.body_lines)
    pieces: dict[int, list[str]] = {}
    for sg in an.boilerplate:
        pieces.setdefault(sg.line_no, []).append(sg.text)
    out = set()
    for i, raw in enumerate(text.split("\n")):
        s = raw.strip()
        if not s:
            continue
        if s in body:
            out.add(s)
            continue
        rest = s
        for p in pieces.get(i, []):
            if rest.startswith(p):
                rest = rest[len(p) :].strip()
            elif rest.endswith(p):
                rest = rest[: -len(p)].strip()
        if rest and rest in body:
            out.add(s)
    return out


def norm(field: str, v):
    if v is None:
        return None
    if field == "published_at":
        return v.isoformat() if hasattr(v, "isoformat") else str(v)
    return str(v).strip()


def evaluate(pages, sig: Signals, chrome: frozenset[str]):
    tp = fp = fn = 0
    meta_ok: Counter[str] = Counter()
    meta_n: Counter[str] = Counter()
    misses: list[str] = []
    for g, text in pages:
        an = read_anatomy(text, chrome_lines=chrome, signals=sig)
        pred = predicted_body_texts(text, an)
        for line in g["body_lines"]:
            if line.strip() in pred:
                tp += 1
            else:
                fn += 1
                misses.append(f"{g['file']}: FN {line[:60]}")
        for line in g["non_body_lines"]:
            if line.strip() in pred:
                fp += 1
                misses.append(f"{g['file']}: FP {line[:60]}")
        for f in FIELDS:
            want = g.get(f)
            if want == "skip" or (f == "source_site" and want is None):
                continue
            got = norm(f, getattr(an, f))
            meta_n[f] += 1
            if got == want:
                meta_ok[f] += 1
            else:
                misses.append(f"{g['file']}: {f} want={want!r} got={got!r}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return (p, r, f1), {f: (meta_ok[f], meta_n[f]) for f in FIELDS}, misses


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses of the full config")
    ap.add_argument("--min-pages", type=int, default=3, help="chrome key threshold (distinct pages)")
    a = ap.parse_args()
    shared = Path(a.shared)
    if not (shared / "gold" / "seeds.json").exists():
        print(f"no shared data at {shared}", file=sys.stderr)
        return 2
    seeds, dev, holdout = load_sets(shared)
    texts = corpus_texts(shared)
    chrome = chrome_set(texts, a.min_pages)
    print(
        f"pages: seeds={len(seeds)} dev={len(dev)} holdout={len(holdout)}; "
        f"chrome keys (>={a.min_pages} of {len(texts)} pages): {len(chrome)}"
    )
    for name, pages in (("seeds", seeds), ("dev", dev), ("holdout", holdout)):
        print(f"\n## {name}")
        print(f"{'config':<10} {'P':>6} {'R':>6} {'F1':>6}  " + "  ".join(f"{f[:9]:>9}" for f in FIELDS))
        for cname, sig in CONFIGS:
            (p, r, f1), meta, misses = evaluate(pages, sig, chrome)
            cells = "  ".join(f"{ok:>4}/{n:<4}" for ok, n in (meta[f] for f in FIELDS))
            print(f"{cname:<10} {p:6.3f} {r:6.3f} {f1:6.3f}  {cells}")
        if a.verbose:
            _, _, misses = evaluate(pages, CONFIGS[3][1], chrome)
            for m in misses:
                print("   ", m)
    # speed: full config over every corpus page
    sig = CONFIGS[-1][1]
    from tasks.anatomy import read_anatomy

    reps = 10
    t0 = time.process_time()  # CPU time: the machine is shared, wall time is noisy
    for _ in range(reps):
        for t in texts:
            read_anatomy(t, chrome_lines=chrome)
    dt = (time.process_time() - t0) / (reps * len(texts))
    kb = sum(len(t.encode()) for t in texts) / len(texts) / 1024
    t0 = time.process_time()
    sum(range(10_000_000))
    calib = time.process_time() - t0
    print(
        f"\nspeed: {dt * 1000:.3f} ms CPU/page, {1 / dt:.0f} pages/s/core (mean page {kb:.1f} KB, "
        f"{len(texts)} pages x {reps}; calibration sum(range(1e7)) = {calib:.3f} s CPU)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
