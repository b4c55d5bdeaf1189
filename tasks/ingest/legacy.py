"""Legacy Vietnamese encodings as decoding candidates, judged by how Vietnamese the result reads."""

from __future__ import annotations

from dataclasses import dataclass

from tasks import encodings as enc
from tasks.ingest.sniff import SAMPLE_BYTES

# A candidate must score at least this (share of non-ASCII words that are Vietnamese syllables)
# over at least LEGACY_MIN_UNITS words to be accepted; mojibake scores ~0.05-0.5.
LEGACY_ACCEPT = 0.8
LEGACY_MIN_UNITS = 2
# If some candidate scores at least this, the bytes look like Vietnamese in a table we cannot
# read cleanly: we refuse rather than let a general detector return mojibake.
LEGACY_SUSPECT = 0.4

# In this order: it breaks ties.
LEGACY_CODECS = (
    ("windows-1258", enc.decode_cp1258),
    ("tcvn3", enc.decode_tcvn3),
    ("vni", enc.decode_vni),
)


def reads_as_vietnamese(score: float, units: int) -> bool:
    return score >= LEGACY_ACCEPT and units >= LEGACY_MIN_UNITS


@dataclass(frozen=True)
class LegacyVerdict:
    decoded: tuple[str, str] | None  # (text, encoding) of the accepted candidate
    best_suspect: float  # best score over >= 3 units: how Vietnamese the bytes look anyway
    scores: str  # "windows-1258=0.12/40, ..." for the rejection detail


def best_legacy_reading(data: bytes | bytearray) -> LegacyVerdict:
    """Every legacy candidate scored on a sample, the best decoding the whole file if it passes."""
    sample = data[:SAMPLE_BYTES]
    scored = []
    for name, decode in LEGACY_CODECS:
        score, units = enc.vietnamese_score(decode(sample))
        scored.append((score, units, name, decode))
    scored.sort(key=lambda s: -s[0])  # stable: ties keep the order above
    scores = ", ".join(f"{n}={s:.2f}/{u}" for s, u, n, _ in scored)
    score, units, name, decode = scored[0]
    if reads_as_vietnamese(score, units):
        text = decode(data) if len(data) > SAMPLE_BYTES else decode(sample)
        return LegacyVerdict((text, name), score, scores)
    best_suspect = max((s for s, u, _, _ in scored if u >= 3), default=0.0)
    return LegacyVerdict(None, best_suspect, scores)
