"""Ablation of the session-3 line signals: body kept / chrome removed on the four gold sets with
all signals, then with each one switched off (by patching its function, threshold or rules.yaml
entry for this process only). Uses bench/eval/lines_eval.py's scoring (read_anatomy alone).

    python bench/eval/lines_ablation.py
"""

from __future__ import annotations

import copy
import re
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import lines_eval  # noqa: E402

import tasks.anatomy.byline as byline  # noqa: E402
import tasks.anatomy.copies as copies  # noqa: E402
import tasks.anatomy.core as core  # noqa: E402
import tasks.anatomy.lines as lines  # noqa: E402
import tasks.anatomy.signature as signature  # noqa: E402
import tasks.anatomy.span as span  # noqa: E402
from tasks.anatomy.rules import RULES_PATH, RuleSet  # noqa: E402

CFG = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
# the byline post tail before session 3: a space before the dash, the older post words only
OLD_POST_TAIL = re.compile(r"\s+[-–—]\s*" + lines.POST_WORDS.split("|Ủy viên")[0] + r")\b.{0,80}$")


def _drop_rule(name: str) -> Callable[[dict], None]:
    return lambda cfg: cfg.__setitem__("line_rules", [r for r in cfg["line_rules"] if r["name"] != name])


def _no_fraction(cfg: dict) -> None:
    cfg["date_residue_words"] = [w for w in cfg["date_residue_words"] if w != "."]


ABLATIONS: dict[str, dict] = {
    "all signals": {},
    "- lead above the first paragraph": {"patch": [(span, "_lead_above", lambda ls, s: s)]},
    "- long line after the last paragraph": {"patch": [(span, "LONG_LINE_WORDS", 10**6)]},
    "- headline set again is no lead": {"patch": [(span, "_printed_again_below", lambda ls, k: False)]},
    "- caption openers": {"cfg": lambda cfg: cfg.__setitem__("caption_openers", [])},
    "- wrapped piece is no headline copy": {"patch": [(copies, "_continues", lambda ln: False)]},
    "- breadcrumb_chain rule": {"cfg": _drop_rule("breadcrumb_chain")},
    "- editorial_credit rule": {"cfg": _drop_rule("editorial_credit")},
    "- timestamp fraction residue": {"cfg": _no_fraction},
    "- post words, dash without space": {
        "patch": [(m, "POST_TAIL", OLD_POST_TAIL) for m in (lines, byline, signature)]
    },
}


def run(ablation: dict, sets: list[Path]) -> list[tuple[float, float]]:
    saved = [(m, a, getattr(m, a)) for m, a, _ in ablation.get("patch", [])]
    for m, a, v in ablation.get("patch", []):
        setattr(m, a, v)
    cfg = copy.deepcopy(CFG)
    if "cfg" in ablation:
        ablation["cfg"](cfg)
    classifier = lines.LineClassifier(RuleSet(cfg))
    default = core.default_classifier
    core.default_classifier = lambda: classifier  # type: ignore[assignment]
    try:
        return [lines_eval.evaluate(s)[:2] for s in sets]
    finally:
        core.default_classifier = default  # type: ignore[assignment]
        for m, a, v in saved:
            setattr(m, a, v)


def main() -> None:
    sets = lines_eval.default_sets()
    print(f"{'body kept / chrome removed':40s} " + "  ".join(f"{s.name:>11s}" for s in sets))
    for name, ablation in ABLATIONS.items():
        figures = run(ablation, sets)
        print(f"{name:40s} " + "  ".join(f"{b:.3f}/{c:.3f}" for b, c in figures))


if __name__ == "__main__":
    main()
