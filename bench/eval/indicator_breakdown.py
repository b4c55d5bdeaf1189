"""Indicator precision / recall per metric, from the scorer's misses or straight from gold bodies.

    python bench/eval/indicator_breakdown.py --results OUT.json          # run_eval.py --json OUT.json
    python bench/eval/indicator_breakdown.py --direct SET [SET ...] [--misses] [--only f|g]

--results reads what run_eval.py wrote (the scorer's misses per set) and each set's gold.json:
per metric, gold = non-optional gold facts, missed = "indicator missing" lines, extra = "extra
indicator" lines; tp = gold - missed, out = tp + extra.  The scorer counts an output fact matched
only by an optional gold fact as neither, so these add up to the scorer's own totals.

--direct skips the pipeline: it runs the facts extractor over each gold page's body lines (with the
gold's dates) and matches its indicators the way score.py does.  It is a quick loop for rule work
(seconds, not minutes); the figures differ from run_eval's where the pipeline's body differs from
the gold body.  --only keeps the files whose name starts with the given prefix (f / g halves).
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MISSING, EXTRA = ": indicator missing ", ": extra indicator "
TOLERANCE = 0.011


def _prf(tp: int, out: int, gold: int) -> tuple[float, float, float]:
    p = tp / out if out else 1.0
    r = tp / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gold_counts(gold: list[dict], only: str | None = None) -> Counter:
    return Counter(
        i["metric"]
        for g in gold
        if not g.get("not_article") and _kept(g["file"], only)
        for i in g.get("indicators", [])
        if not i.get("optional")
    )


def _kept(name: str, only: str | None) -> bool:
    return only is None or name.startswith(only)


def counts_from_misses(misses: list[str], only: str | None = None) -> tuple[Counter, Counter]:
    """(missed, extra) per metric, from the scorer's miss lines."""
    missed, extra = Counter(), Counter()
    for line in misses:
        for marker, counter in ((MISSING, missed), (EXTRA, extra)):
            if marker in line and _kept(line.split(":")[0], only):
                counter[ast.literal_eval(line.split(marker, 1)[1])["metric"]] += 1
    return missed, extra


def table(gold: Counter, missed: Counter, extra: Counter) -> list[str]:
    rows = [f"  {'metric':28} {'gold':>5} {'tp':>4} {'out':>4}   P      R      F1"]
    totals = [0, 0, 0]
    for metric in sorted(set(gold) | set(extra)):
        tp = gold[metric] - missed[metric]
        out = tp + extra[metric]
        p, r, f = _prf(tp, out, gold[metric])
        rows.append(f"  {metric:28} {gold[metric]:5} {tp:4} {out:4}  {p:.3f}  {r:.3f}  {f:.3f}")
        totals = [totals[0] + gold[metric], totals[1] + tp, totals[2] + out]
    p, r, f = _prf(totals[1], totals[2], totals[0])
    rows.append(f"  {'ALL':28} {totals[0]:5} {totals[1]:4} {totals[2]:4}  {p:.3f}  {r:.3f}  {f:.3f}")
    return rows


# ---------------------------------------------------------------- direct mode


def _parse_dt(v):
    if not isinstance(v, str) or v == "skip":
        return None
    try:
        return datetime.fromisoformat(v)
    except ValueError:
        return None


def direct_misses(g: dict) -> list[str]:
    """The scorer's indicator miss lines for one gold page, from the extractor run on its gold body."""
    from tasks.facts import extract_facts

    ed = _parse_dt(g.get("event_date"))
    facts = extract_facts(
        "\n".join(g["body_lines"]),
        published_at=_parse_dt(g.get("published_at")),
        event_date=ed.date() if isinstance(ed, datetime) else None,
        author=None,
    )
    outs = [
        dict(
            metric=i.metric,
            actual=i.actual,
            target=i.target,
            percent=i.percent,
            part_of=i.part_of,
            evidence=i.evidence[:160],
        )
        for i in facts.indicators
        if i.metric != "other"
    ]
    used, misses = set(), []
    for gi in sorted(g["indicators"], key=lambda x: bool(x.get("optional"))):
        hit = next(
            (
                j
                for j, o in enumerate(outs)
                if j not in used
                and o["metric"] == gi["metric"]
                and all(
                    gi[f] is None or (o[f] is not None and abs(o[f] - gi[f]) < TOLERANCE)
                    for f in ("actual", "target", "percent")
                )
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
        elif not gi.get("optional"):
            misses.append(
                f"{g['file']}{MISSING}{ {k: gi[k] for k in ('metric', 'actual', 'target', 'percent')} }"
            )
    misses += [f"{g['file']}{EXTRA}{o}" for j, o in enumerate(outs) if j not in used]
    return misses


def _direct(sets: list[Path], only: str | None, show: bool) -> None:
    sys.path.insert(0, str(ROOT))
    for s in sets:
        gold = [
            g
            for g in json.loads((s / "gold.json").read_text(encoding="utf-8"))
            if not g.get("not_article") and _kept(g["file"], only)
        ]
        misses = [m for g in gold for m in direct_misses(g)]
        print(f"== {s} (direct{', ' + only + '*' if only else ''})")
        if show:
            print("\n".join("  - " + m for m in misses))
        print("\n".join(table(gold_counts(gold), *counts_from_misses(misses))))


def _from_results(path: Path, only: str | None) -> None:
    results = json.loads(path.read_text(encoding="utf-8"))
    for name, r in results.items():
        gold = json.loads((Path(name) / "gold.json").read_text(encoding="utf-8"))
        print(f"== {name}")
        print("\n".join(table(gold_counts(gold, only), *counts_from_misses(r["misses"], only))))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--results", type=Path, help="a run_eval.py --json file")
    ap.add_argument("--direct", nargs="+", type=Path, help="gold sets to read straight from their bodies")
    ap.add_argument("--only", help="keep files whose name starts with this (f, g)")
    ap.add_argument("--misses", action="store_true", help="direct mode: print every miss")
    a = ap.parse_args(argv)
    if a.results:
        _from_results(a.results, a.only)
    if a.direct:
        _direct(a.direct, a.only, a.misses)
    if not (a.results or a.direct):
        ap.error("give --results or --direct")
    return 0


if __name__ == "__main__":
    sys.exit(main())
