"""Vietnamese text normalisation shared by every stage."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tasks.fastforms import FastForm

# Old-style tone placement ("hoà", "uỷ") vs new ("hòa", "ủy"): both are valid NFC; we fold them
# to one form only for *matching* keys, never in stored text. Only open syllables differ
# ("hoàn" is always "hoàn"), and "qu" + y keeps the mark on y ("quý").
_TONED_A_E_Y = "[àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]"
_SYLLABLE_ENDS = r"(?![^\W\d_])"  # no letter follows
# o/u, then a toned a/e/y that ends the syllable: where old-style placement can occur at all.
# Public for the stages that pre-check text for it (the full rule adds the look-behind below).
OLD_TONE_PAIR = re.compile(f"([oOuU])({_TONED_A_E_Y}){_SYLLABLE_ENDS}")
_OPEN_SYLLABLE = re.compile(f"(?<![qQ])([oOuU])({_TONED_A_E_Y}){_SYLLABLE_ENDS}")
_MARK_MOVES_AFTER = {("o", "a"), ("o", "e"), ("u", "y")}  # (lead, toned vowel) pairs that fold


def _move_mark(m: re.Match) -> str:
    lead, toned = m.group(1), m.group(2)
    decomposed = unicodedata.normalize("NFD", toned)
    base, mark = decomposed[0], decomposed[1:]
    if (lead.lower(), base.lower()) not in _MARK_MOVES_AFTER:
        return m.group(0)
    return unicodedata.normalize("NFC", lead + mark) + base


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _fold_tone_placement_plain(text: str) -> str:
    return _OPEN_SYLLABLE.sub(_move_mark, text)


# One scan per leading letter: a regex that starts with a literal is scanned several times faster
# than one starting with a look-behind or a character class, and most text has few such places.
_OLD_TONE_AT = [(lead, re.compile(lead + _TONED_A_E_Y + _SYLLABLE_ENDS)) for lead in "oOuU"]


def fold_tone_placement(text: str) -> str:
    """Map old-style tone placement to the modern one, keeping length (offsets stay honest)."""
    starts = [m.start() for lead, rx in _OLD_TONE_AT if lead in text for m in rx.finditer(text)]
    if not starts:
        return text
    starts.sort()
    pieces, pos = [], 0
    for start in starts:
        m = _OPEN_SYLLABLE.match(text, start)  # the full rule, look-behind included
        if m is None:
            continue
        rep = _move_mark(m)
        if rep != m.group(0):
            pieces += [text[pos:start], rep]
            pos = m.end()
    return "".join(pieces + [text[pos:]]) if pieces else text


def _match_key_plain(text: str) -> str:
    if text.isascii():  # no accent to compose, no tone mark to move
        return text.casefold()
    return fold_tone_placement(nfc(text)).casefold()


# Short strings recur across pages (chrome lines, people's names, titles, place words): their
# keys are kept, per process. Long ones (a whole article for its id) are computed each time.
_SHORT_KEY = 200
_short_match_key = lru_cache(maxsize=1 << 15)(_match_key_plain)


def match_key(text: str) -> str:
    """Key for comparing Vietnamese strings: NFC, modern tone placement, case-folded."""
    if len(text) > _SHORT_KEY:
        return _match_key_plain(text)
    return _short_match_key(text)


def match_key_uncached(text: str) -> str:
    """match_key without its per-process cache: for a caller that caches its own result (a
    second cache would only add a lookup and an insert per new string, and crowd out others)."""
    return _match_key_plain(text)


_SPACE_RUN = re.compile("  +")  # " {2,}" written to open with a literal the engine skips to


def _collapse_whitespace_plain(s: str) -> str:
    return " ".join(s.split())


def collapse_whitespace(s: str) -> str:
    """ " ".join(s.split()) without splitting a long text into all its words.

    When s is printable its only whitespace is the ASCII space (str.isprintable is false for
    every other character str.split splits on: controls, separators, NBSP), so collapsing runs
    of spaces and stripping gives the same string."""
    if not s.isprintable():
        return _collapse_whitespace_plain(s)
    if "  " in s:
        s = _SPACE_RUN.sub(" ", s)
    return s.strip(" ")


# Every kind of character str.split() treats as white space, plus look-alikes it does not
# (no-break space, zero-width space, BOM): the cases collapse_whitespace's two forms and its
# tests are checked on.
WHITESPACE_AND_TRAPS = (
    " ",
    "  ",
    "\n",
    "\t",
    "\r",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1f",
    "\x85",
    "\xa0",
    "\u1680",
    "\u2003",
    "\u2028",
    "\u2029",
    "\u202f",
    "\u3000",
    "\u200b",
    "\ufeff",
)

FAST_FORMS = (
    FastForm(
        name="textnorm.fold_tone_placement",
        plain=_fold_tone_placement_plain,
        fast=fold_tone_placement,
        pieces=("uỷ", "hoà", "quý", "khoẻ", "thuý", "Uỷ", "oá", "QUÝ", "qUỷ", "hoàn", "OÀ", "uè", "Qoà"),
        why="clean+extract (anatomy+facts+article_id) 944 vs 1190 µs/page with the plain form "
        "(-21 %), bench/stage_times.py --n 10000 --sample 3000, same-minute pair",
    ),
    FastForm(
        name="textnorm.collapse_whitespace",
        plain=_collapse_whitespace_plain,
        fast=collapse_whitespace,
        pieces=WHITESPACE_AND_TRAPS + ("Đ", "ủy"),
        why="article_id 78-82 vs 114-117 µs/page with the plain form, about 4 % of "
        "clean+extract, bench/stage_times.py --n 10000 --sample 3000, two pairs",
    ),
)
