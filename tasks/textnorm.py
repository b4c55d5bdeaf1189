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


# Where old-style placement can occur at all: o/u then a toned a/e/y ending the syllable. One
# scan per leading letter: a regex that starts with a literal is scanned several times faster than
# one starting with a look-behind or a character class, and most text has few such places.
_OLD_TONE_AT = [(lead, re.compile(lead + "[àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?![^\\W\\d_])"))
                for lead in "oOuU"]


def fold_tone_placement(text: str) -> str:
    """Map old-style tone placement to the modern one, keeping length (offsets stay honest)."""
    starts = sorted(m.start() for lead, rx in _OLD_TONE_AT if lead in text for m in rx.finditer(text))
    if not starts:
        return text
    pieces, pos = [], 0
    for start in starts:
        m = _OPEN_SYLLABLE.match(text, start)   # the full rule, look-behind included
        if m is None:
            continue
        rep = _move_mark(m)
        if rep != m.group(0):
            pieces += [text[pos:start], rep]
            pos = m.end()
    return "".join(pieces + [text[pos:]]) if pieces else text


def match_key(text: str) -> str:
    """Key for comparing Vietnamese strings: NFC, modern tone placement, case-folded."""
    return fold_tone_placement(nfc(text)).casefold()


_SPACE_RUN = re.compile(" {2,}")


def collapse_whitespace(s: str) -> str:
    """" ".join(s.split()) without splitting a long text into all its words.

    When s is printable its only whitespace is the ASCII space (str.isprintable is false for
    every other character str.split splits on: controls, separators, NBSP), so collapsing runs
    of spaces and stripping gives the same string."""
    if not s.isprintable():
        return " ".join(s.split())
    if "  " in s:
        s = _SPACE_RUN.sub(" ", s)
    return s.strip(" ")
