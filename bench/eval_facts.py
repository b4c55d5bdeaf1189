"""Evaluate tasks.facts against the seed gold and the hand-annotated dev set; time extraction.

    .venv/bin/python bench/eval_facts.py [--archive DIR --sample N] [--details]

Scores (precision / recall / F1, micro over articles):
  people            name (NFC + casefold)
  people+titles     name and the exact set of titles
  people+role       name and role (dev set only: the seed gold has no roles)
  document_refs     kind + number
  indicators        metric + actual + target + percent (±0.01), named metrics only; gold rows
                    marked "optional" are neither required nor counted as errors; `other` rows
                    are not scored (their count is printed).
Each article is run on its gold body_lines joined by "\\n" (independent of the cleaner).
Timing: median extract_facts time per article over seeds + dev + every corpus page
(portals/, raw/: the whole file used as body) + an optional sample of the unpacked archive.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import unicodedata
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from tasks.facts import extract_facts  # noqa: E402

NAMED = {
    "party_members_admitted",
    "party_members_total",
    "party_orgs_established",
    "union_orgs_established",
    "youth_orgs_established",
    "youth_members_admitted",
    "party_badges_awarded",
    "party_members_disciplined",
    "party_members_transferred",
}


def k(s: str) -> str:
    return unicodedata.normalize("NFC", s or "").casefold().strip()


class PRF:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, tp, fp, fn):
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def row(self, name):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"  {name:<15} P={p:.3f} R={r:.3f} F1={f:.3f}   (tp={self.tp} fp={self.fp} fn={self.fn})"


def _multiset_score(gold: list, pred: list):
    gold = list(gold)
    tp = 0
    fp_items = []
    for x in pred:
        if x in gold:
            gold.remove(x)
            tp += 1
        else:
            fp_items.append(x)
    return tp, fp_items, gold


def _near(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 0.01


def _ind_match(g, p):
    return (
        g["metric"] == p.metric
        and _near(g["actual"], p.actual)
        and _near(g["target"], p.target)
        and _near(g["percent"], p.percent)
    )


def _ref_dates(e):
    ev = e.get("event_date")
    pub = e.get("published_at")
    ev = date.fromisoformat(ev) if isinstance(ev, str) and ev != "skip" else None
    pub = datetime.fromisoformat(pub) if isinstance(pub, str) and pub != "skip" else None
    return pub, ev


def evaluate(entries, label, details=False, with_roles=False):
    s = {n: PRF() for n in ("people", "people+titles", "people+role", "document_refs", "indicators")}
    others = 0
    problems = []
    for e in entries:
        body = "\n".join(e["body_lines"])
        pub, ev = _ref_dates(e)
        f = extract_facts(body, published_at=pub, event_date=ev, author=e.get("author"))
        # people
        tp, fp, fn = _multiset_score([k(p["name"]) for p in e["people"]], [k(p.name) for p in f.people])
        s["people"].add(tp, len(fp), len(fn))
        gpt = [(k(p["name"]), frozenset(k(t) for t in p["titles"])) for p in e["people"]]
        ppt = [(k(p.name), frozenset(k(t) for t in p.titles)) for p in f.people]
        tp2, fp2, fn2 = _multiset_score(gpt, ppt)
        s["people+titles"].add(tp2, len(fp2), len(fn2))
        if with_roles:
            tp3, fp3, fn3 = _multiset_score(
                [(k(p["name"]), p.get("role")) for p in e["people"]], [(k(p.name), p.role) for p in f.people]
            )
            s["people+role"].add(tp3, len(fp3), len(fn3))
        # document refs
        tpd, fpd, fnd = _multiset_score(
            [(d["kind"], d["number"]) for d in e["document_refs"]],
            [(d.kind, d.number) for d in f.document_refs],
        )
        s["document_refs"].add(tpd, len(fpd), len(fnd))
        # indicators
        req = [g for g in e["indicators"] if not g.get("optional")]
        opt = [g for g in e["indicators"] if g.get("optional")]
        preds = [p for p in f.indicators if p.metric in NAMED]
        others += sum(1 for p in f.indicators if p.metric == "other")
        tpi = 0
        fpi = []
        for p in preds:
            hit = next((g for g in req if _ind_match(g, p)), None)
            if hit is not None:
                req.remove(hit)
                tpi += 1
                continue
            hit = next((g for g in opt if _ind_match(g, p)), None)
            if hit is not None:
                opt.remove(hit)
                continue
            fpi.append(p)
        s["indicators"].add(tpi, len(fpi), len(req))
        if details and (fp or fn or fp2 or fn2 or fpd or fnd or fpi or req):
            problems.append(
                (
                    e["file"],
                    dict(
                        people_fp=fp,
                        people_fn=fn,
                        titles_fp=[x for x in fp2],
                        titles_fn=fn2,
                        docs_fp=fpd,
                        docs_fn=fnd,
                        ind_fp=[(p.metric, p.actual, p.target, p.percent) for p in fpi],
                        ind_fn=[(g["metric"], g["actual"], g["target"], g["percent"]) for g in req],
                    ),
                )
            )
    print(f"{label}: {len(entries)} articles")
    for n, v in s.items():
        if n == "people+role" and not with_roles:
            continue
        print(v.row(n))
    print(f"  ('other' indicator rows produced, not scored: {others})")
    for fname, pr in problems:
        print("   -", fname)
        for kk, vv in pr.items():
            if vv:
                print(f"       {kk}: {[tuple(x) if isinstance(x, tuple) else x for x in vv]}")
    return s


def timing(bodies, repeat=5):
    """CPU time (process_time, so other jobs on a shared machine inflate it less than wall time),
    best of `repeat` runs of each page."""
    times = []
    clock = time.process_time
    for b in bodies:
        best = float("inf")
        for _ in range(repeat):
            t = clock()
            extract_facts(b, published_at=None, event_date=None, author=None)
            best = min(best, clock() - t)
        times.append(best)
    return times


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--archive", help="directory with the unpacked baomoi-2017 .txt files (outside the repo)")
    ap.add_argument("--sample", type=int, default=2000)
    ap.add_argument("--details", action="store_true", help="print every mismatch")
    a = ap.parse_args(argv)

    seeds = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    dev = json.loads((ROOT / "tests" / "dev" / "facts_dev.json").read_text(encoding="utf-8"))
    evaluate(seeds, "seeds (gold)", a.details)
    evaluate(dev, "dev set (tests/dev/facts_dev.json)", a.details, with_roles=True)

    bodies = ["\n".join(e["body_lines"]) for e in seeds + dev]
    corpus = SHARED / "corpus"
    for sub in ("portals", "raw"):
        for p in sorted((corpus / sub).glob("*.txt")):
            bodies.append(unicodedata.normalize("NFC", p.read_text(encoding="utf-8", errors="replace")))
    n_arch = 0
    if a.archive:
        files = sorted(Path(a.archive).rglob("*.txt"))
        random.Random(0).shuffle(files)
        for p in files[: a.sample]:
            bodies.append(unicodedata.normalize("NFC", p.read_text(encoding="utf-8", errors="replace")))
            n_arch += 1
    for b in bodies[:5]:
        extract_facts(b, published_at=None, event_date=None, author=None)  # warm-up (lexicon load)
    times = timing(bodies)
    sizes = [len(b.encode("utf-8")) for b in bodies]
    ms = sorted(t * 1000 for t in times)
    print(
        f"timing: {len(bodies)} pages ({n_arch} from the archive), median size {statistics.median(sizes) / 1024:.1f} KB"
    )
    norm = sorted(t * 1000 / (sz / 4096) for t, sz in zip(times, sizes, strict=False) if sz >= 1024)
    print(f"  per 4 KB of text (pages >= 1 KB): median {statistics.median(norm):.3f} ms")
    print(
        f"  extract_facts per article: median {statistics.median(ms):.3f} ms, p90 {ms[int(0.9 * len(ms)) - 1]:.3f} ms, "
        f"max {ms[-1]:.3f} ms; {sum(sizes) / 1024 / sum(times):.0f} KB/s"
    )


if __name__ == "__main__":
    main()
