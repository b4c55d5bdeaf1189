"""Vietnamese text normalisation shared by every stage."""
from __future__ import annotations

import re
import unicodedata

# Old-style tone placement ("hoà", "uỷ") vs new ("hòa", "ủy"): both are valid NFC; we fold them
# to one form only for *matching* keys, never in stored text. Only open syllables differ
# ("hoàn" is always "hoàn"), and "qu" + y keeps the mark on y ("quý").
_OPEN_SYLLABLE = re.compile(r"(?<![qQ])([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![^\W\d_])")


def _move_mark(m: re.Match) -> str:
    lead, toned = m.group(1), m.group(2)
    base, mark = unicodedata.normalize("NFD", toned)[0], unicodedata.normalize("NFD", toned)[1:]
    if (lead.lower(), base.lower()) not in {("o", "a"), ("o", "e"), ("u", "y")}:
        return m.group(0)
    return unicodedata.normalize("NFC", lead + mark) + base


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold_tone_placement(text: str) -> str:
    """Map old-style tone placement to the modern one, keeping length (offsets stay honest)."""
    return _OPEN_SYLLABLE.sub(_move_mark, text)


def match_key(text: str) -> str:
    """Key for comparing Vietnamese strings: NFC, modern tone placement, case-folded."""
    return fold_tone_placement(nfc(text)).casefold()
