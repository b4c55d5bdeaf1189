"""Build ``vi_syllables.txt``: the Vietnamese syllables used to score legacy-encoding candidates.

Run once by a developer (the output is committed, nothing runs this at pipeline time)::

    python -m tasks.encodings.build_syllables seeds ../shared/corpus/raw ../shared/corpus/portals \
        /tmp/baomoi-2017      # the unpacked ../shared/corpus/baomoi-2017.tar.xz

A token counts when it is lower-case Vietnamese letters only, has at most one tone mark, has the
shape onset + vowel cluster + coda, and is seen at least ``--min-count`` times.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import unicodedata
from pathlib import Path

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_TOKEN = re.compile(r"[^\W\d_]+")
SHAPE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"(?:iêu|yêu|oai|oao|oay|oeo|uai|uây|uôi|uya|uyê|uyu|ươi|ươu|uêu"
    r"|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê"
    r"|[aăâeêioôơuưy])"
    r"(?:ch|ng|nh|[cmnpt])?$"
)


def toneless(token: str) -> tuple[str, int]:
    """(token without its tone marks, number of tone marks), token in NFC."""
    d = unicodedata.normalize("NFD", token)
    n = sum(1 for ch in d if ch in TONE_MARKS)
    base = "".join(ch for ch in d if ch not in TONE_MARKS)
    return unicodedata.normalize("NFC", base), n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--out", type=Path, default=Path(__file__).with_name("vi_syllables.txt"))
    args = ap.parse_args(argv)
    counts: collections.Counter[str] = collections.Counter()
    for root in args.paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*.txt") if p.is_file())
        for p in files:
            text = unicodedata.normalize("NFC", p.read_text("utf-8", errors="replace")).lower()
            counts.update(_TOKEN.findall(text))
    keep = []
    for tok, n in counts.items():
        if n < args.min_count:
            continue
        base, tones = toneless(tok)
        if tones <= 1 and SHAPE.match(base):
            keep.append(tok)
    keep.sort()
    args.out.write_text(
        "# Vietnamese syllables (NFC, lower case), derived by build_syllables.py from the seeds and\n"
        f"# the shared corpus (raw, portals, baomoi-2017); tokens seen >= {args.min_count} times.\n"
        + "\n".join(keep)
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(keep)} syllables -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
