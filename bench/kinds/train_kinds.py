"""Train the page-kind model (tasks/anatomy/kinds_model.py) on the features dump_features.py
wrote, judge it by leave-one-set-out cross-validation, and write the weights.

    python bench/kinds/train_kinds.py [--features /tmp/bantin-kinds-features.json] [--write]

A logistic regression (L2-penalised, Newton steps, numpy) over the standardised features. The
threshold is set on the training pages for zero lost articles: just above the highest score an
annotated article reaches (in logit units, `--margin` above it), because a lost article costs
more than a loaded listing. The model only has to catch what the rules let through: it is
trained on the pages the rules call articles (`--all` trains on every page).

Cross-validation trains on three sets and scores the fourth, reporting per held-out set the
non-articles loaded (rules, then rules + model) and the articles the model would lose.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from tasks.anatomy.kinds_model import FEATURES, MODEL_MIN_LINES, MODEL_PATH  # noqa: E402


def matrix(rows: list[dict], names=FEATURES) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[r["features"][n] for n in names] for r in rows], dtype=float)
    y = np.array([float(r["not_article"]) for r in rows])
    return x, y


def fit(x: np.ndarray, y: np.ndarray, l2: float, pos_weight: float) -> dict:
    """Weights on standardised x; Newton's method on the penalised, class-weighted log-loss."""
    mu, sd = x.mean(0), x.std(0)
    sd[sd == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mu) / sd])
    w = np.zeros(z.shape[1])
    cw = np.where(y > 0, pos_weight, 1.0)
    pen = np.full(z.shape[1], l2)
    pen[0] = 0.0  # the bias is not penalised
    for _ in range(50):
        p = 1 / (1 + np.exp(-(z @ w)))
        grad = z.T @ (cw * (p - y)) + pen * w
        hess = (z * (cw * p * (1 - p))[:, None]).T @ z + np.diag(pen) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"bias": w[0], "w": w[1:], "mu": mu, "sd": sd}


def logits(model: dict, x: np.ndarray) -> np.ndarray:
    return model["bias"] + ((x - model["mu"]) / model["sd"]) @ model["w"]


def threshold_logit(model: dict, x: np.ndarray, y: np.ndarray, margin: float) -> float:
    """Just above the highest-scoring article (zero lost articles on the training pages)."""
    articles = logits(model, x[y == 0])
    return float(articles.max() + margin) if len(articles) else 0.0


def page_lines(row: dict) -> int:
    return round(math.expm1(row["features"]["log_lines"]))


def scored_rows(rows: list[dict]) -> list[dict]:
    """The pages the model judges: long enough (MODEL_MIN_LINES), loaded by the rules."""
    return [
        r
        for r in rows
        if page_lines(r) >= MODEL_MIN_LINES and r["final_kind"] == "article" and not r["empty_body"]
    ]


def training_rows(rows: list[dict], all_pages: bool) -> list[dict]:
    return [r for r in rows if page_lines(r) >= MODEL_MIN_LINES] if all_pages else scored_rows(rows)


def cross_validate(rows: list[dict], args) -> list[str]:
    sets = sorted({r["set"] for r in rows}, key=[r["set"] for r in rows].index)
    out = []
    totals = np.zeros(4, dtype=int)
    for held in sets:
        train = training_rows([r for r in rows if r["set"] != held], args.all)
        test = [r for r in rows if r["set"] == held]
        x, y = matrix(train)
        model = fit(x, y, args.l2, args.pos_weight)
        thr = threshold_logit(model, x, y, args.margin)
        scored = {id(r) for r in scored_rows(test)}
        xt, _ = matrix(test)
        flagged = (logits(model, xt) >= thr) & np.array([id(r) in scored for r in test])
        loaded_rules = [
            r for r in test if r["not_article"] and r["final_kind"] == "article" and not r["empty_body"]
        ]
        loaded_both = [r for r, f in zip(test, flagged, strict=True) if r in loaded_rules and not f]
        lost = [
            r
            for r, f in zip(test, flagged, strict=True)
            if not r["not_article"] and f and r["final_kind"] == "article"
        ]
        n_non = sum(r["not_article"] for r in test)
        totals += [n_non, len(loaded_rules), len(loaded_both), len(lost)]
        out.append(
            f"held out {held:8s}: non-articles loaded {len(loaded_rules)} of {n_non} by the rules, "
            f"{len(loaded_both)} of {n_non} with the model; articles lost to the model {len(lost)}"
            + (f" {[r['file'] for r in lost]}" if lost else "")
        )
        if args.verbose:
            lt = logits(model, xt)
            for r, s in sorted(zip(test, lt, strict=True), key=lambda t: -t[1]):
                if id(r) in scored:
                    mark = "NON" if r["not_article"] else "art"
                    out.append(f"    {s - thr:+7.2f} {mark} {r['file']}")
    out.append(
        f"all held-out: non-articles loaded {totals[1]} of {totals[0]} by the rules, "
        f"{totals[2]} of {totals[0]} with the model; articles lost {totals[3]}"
    )
    return out


def weights_file(model: dict, thr_logit: float, rows: list[dict], args) -> dict:
    return {
        "about": "page-kind logistic regression; trained by bench/kinds/train_kinds.py on the four gold sets",
        "trained_on": sorted({r["set"] for r in rows}),
        "pages": len(rows),
        "l2": args.l2,
        "pos_weight": args.pos_weight,
        "margin": args.margin,
        "features": list(FEATURES),
        "weights": [
            {"name": n, "weight": round(float(w), 6), "mean": round(float(m), 6), "scale": round(float(s), 6)}
            for n, w, m, s in zip(FEATURES, model["w"], model["mu"], model["sd"], strict=True)
        ],
        "bias": round(float(model["bias"]), 6),
        "threshold": round(1 / (1 + math.exp(-thr_logit)), 6),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--features", type=Path, default=Path("/tmp/bantin-kinds-features.json"))
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--pos-weight", type=float, default=1.0)
    ap.add_argument("--margin", type=float, default=0.5, help="logit units above the top article")
    ap.add_argument("--all", action="store_true", help="train on every page, not only the rules' articles")
    ap.add_argument("--write", action="store_true", help=f"write the weights to {MODEL_PATH}")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    rows = json.loads(args.features.read_text(encoding="utf-8"))
    print("\n".join(cross_validate(rows, args)))
    train = training_rows(rows, args.all)
    x, y = matrix(train)
    model = fit(x, y, args.l2, args.pos_weight)
    thr = threshold_logit(model, x, y, args.margin)
    caught = int((logits(model, x[y > 0]) >= thr).sum())
    print(
        f"full fit on {len(train)} pages: {caught} of {int(y.sum())} training non-articles above the threshold"
    )
    for n, w in sorted(zip(FEATURES, model["w"], strict=True), key=lambda t: -abs(t[1])):
        print(f"  {w:+.3f} {n}")
    if args.write:
        MODEL_PATH.write_text(
            json.dumps(weights_file(model, thr, train, args), indent=1) + "\n", encoding="utf-8"
        )
        print(f"wrote {MODEL_PATH}")


if __name__ == "__main__":
    main()
