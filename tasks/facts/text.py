"""Sentence spans with offsets into the body (no copying of text, no NLP)."""
from __future__ import annotations

import re

from tasks.facts.lexicon import UP

# A sentence ends at a line break, or at . ! ? … followed by space and something that can open a
# sentence (capital, digit, quote, bracket).  "TP.HCM", "23.000", "28-NQ/TU." stay whole.
_NEXT = re.compile(r"[\"”’)]*(\s+)(?=[\"“‘(\[]?(?:\d|" + UP + "))")
_ENDS = "\n.!?…"   # where a sentence may end


def _end_candidates(text: str) -> list[int]:
    """Offsets of line breaks and . ! ? …, in order.  A str.find loop per character: much
    cheaper than a regex character-class scan over the whole text."""
    found = []
    for ch in _ENDS:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    return found


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    n = len(text)
    for i in _end_candidates(text):
        if i < pos:
            continue
        if text[i] == "\n":
            _add(text, pos, i, spans)
            pos = i + 1
            continue
        if i + 1 >= n:
            break
        c = text[i + 1]
        if not (c.isspace() or c in "\"”’)"):
            continue  # "TP.HCM", "23.000"
        nm = _NEXT.match(text, i + 1)
        if nm:
            _add(text, pos, nm.start(1), spans)   # keep the full stop with its sentence
            pos = nm.end()
    _add(text, pos, n, spans)
    return spans


def _add(text: str, start: int, end: int, spans: list) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a sentence span at semicolons (each clause usually carries its own fact)."""
    out = []
    pos = start
    while True:
        i = text.find(";", pos, end)
        if i < 0:
            out.append((pos, end))
            return out
        out.append((pos, i))
        pos = i + 1
