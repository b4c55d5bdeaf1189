"""Locality exact-match on annotated gold sets, with each evidence signal ablated.

    python bench/eval_locality.py [SET ...]      # default: ../shared/eval/dev tests/dev/portals

Each SET holds raw/ (pages + manifest.tsv with each page's origin URL) and gold.json. Pages are
read by read_anatomy (no cross-page chrome) with the host of their origin, as a run over the set
laid out by host would see them; then the article's locality is scored once per configuration:
every signal, and each signal turned off (a rules.yaml `locality` section modified). Pages whose
gold is "skip" and non-articles are not counted. Results are split by the file-name halves of
tests/dev/portals (f* tuning, g* held out).
"""

from __future__ import annotations

import copy
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tasks.anatomy import read_anatomy  # noqa: E402
from tasks.anatomy.locality import Gazetteer  # noqa: E402
from tasks.ingest.origin import host_of_url  # noqa: E402
from tasks.textnorm import match_key  # noqa: E402

DISTRICT_UNITS = (
    "huyện",
    "quận",
    "thị xã",
    "huyện ủy",
    "quận ủy",
    "thị ủy",
    "ubnd huyện",
    "ubnd quận",
    "ubnd thị xã",
    "hđnd huyện",
    "đảng bộ huyện",
    "đảng bộ quận",
    "ủy ban nhân dân huyện",
    "trên địa bàn huyện",
)


def configs(cfg: dict) -> dict[str, tuple[dict, bool]]:
    """name -> (locality config, use the host)."""

    def without(**changes):
        c = copy.deepcopy(cfg)
        c.update(changes)
        return c

    return {
        "all": (cfg, True),
        "-host": (cfg, False),
        "-communes": (without(commune_unit_words=[]), True),
        "-unit_districts": (
            without(
                unit_words=[w for w in cfg["unit_words"] if w not in DISTRICT_UNITS], lower_unit_words=[]
            ),
            True,
        ),
        "-name_guard": (without(name_guard=False), True),
        "-central": (without(central_actors=None), True),
        "none_new": (
            without(
                commune_unit_words=[],
                lower_unit_words=[],
                name_guard=False,
                central_actors=None,
                unit_words=[w for w in cfg["unit_words"] if w not in DISTRICT_UNITS],
            ),
            False,
        ),
    }


def pages(set_dir: Path):
    with open(set_dir / "raw" / "manifest.tsv", encoding="utf-8") as fh:
        origin = {r["file"]: r["origin"] for r in csv.DictReader(fh, delimiter="\t")}
    for g in json.loads((set_dir / "gold.json").read_text(encoding="utf-8")):
        if g.get("not_article") or g.get("locality") == "skip":
            continue
        host = host_of_url(origin.get(g["file"]))
        an = read_anatomy((set_dir / "raw" / g["file"]).read_text(encoding="utf-8"), host=host)
        when = an.published_at.date() if an.published_at else an.event_date
        half = g["file"][0] if g["file"][0] in "fg" and set_dir.name == "portals" else set_dir.name
        yield half, g, an, host, when


def main(argv: list[str]) -> int:
    sets = [Path(a) for a in argv] or [
        ROOT.parent / "shared" / "eval" / "dev",
        ROOT / "tests" / "dev" / "portals",
    ]
    cfg = _shipped_cfg()
    gazetteers = {name: (Gazetteer(c), use_host) for name, (c, use_host) in configs(cfg).items()}
    hits: dict[tuple[str, str], int] = {}
    counts: dict[str, int] = {}
    for s in sets:
        for half, g, an, host, when in pages(s):
            counts[half] = counts.get(half, 0) + 1
            want = g["locality"] and match_key(g["locality"])
            for name, (gaz, use_host) in gazetteers.items():
                got = gaz.locate(
                    an.title, an.body_lines, an.source_site, host if use_host else None, when
                ).name
                hits[(name, half)] = hits.get((name, half), 0) + ((got and match_key(got)) == want)
    halves = list(counts)
    print("config          " + "  ".join(f"{h:>10}" for h in halves))
    for name in gazetteers:
        print(
            f"{name:<16}" + "  ".join(f"{hits[(name, h)] / counts[h]:>6.3f}/{counts[h]:<3}" for h in halves)
        )
    return 0


def _shipped_cfg() -> dict:
    import yaml

    return yaml.safe_load((ROOT / "tasks" / "anatomy" / "rules.yaml").read_text(encoding="utf-8"))["locality"]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
