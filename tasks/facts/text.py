"""Sentence spans with offsets into the body (no copying of text, no NLP)."""
from __future__ import annotations

import re

from tasks.facts.letters import UP

# A sentence ends at a line break, or at . ! ? … followed by space and something that can open a
# sentence (capital, digit, quote, bracket).  "TP.HCM", "23.000", "28-NQ/TU." stay whole.
_NEXT = r"[\"”’)]*(\s+)(?=[\"“‘(\[]?(?:\d|" + UP + "))"
# One scan per end mark: a regex that starts with a literal is scanned several times faster than
# one that starts with a character class, and most pages have no ! ? … at all.
_END_MARK = {mark: re.compile(re.escape(mark) + _NEXT) for mark in ".!?…"}


def _breaks(text: str) -> list[tuple[int, int]]:
    """(cut, resume) of every sentence break, in order: a sentence ends at cut (a full stop stays
    with its sentence), the next one starts at resume (whitespace there is trimmed anyway).

    A line break inside the spaces after a full stop gives a second, empty break there; it cuts
    the same sentence, since only whitespace separates the two."""
    found = []
    i = text.find("\n")
    while i >= 0:
        found.append((i, i + 1))
        i = text.find("\n", i + 1)
    for mark, rx in _END_MARK.items():
        if mark in text:
            found.extend((m.start(1), m.end()) for m in rx.finditer(text))
    found.sort()
    return found


# What a break after an end mark consumes before its whitespace: a position holding one of these,
# or whitespace, may lie inside a break; any other position lies inside one sentence or none.
_CLOSERS = "\"”’)"


def marks_in(text: str) -> tuple[str, ...]:
    """The end marks text holds (most pages have no ! ? …): the only marks sentence_around scans."""
    return tuple(mark for mark in _END_MARK if mark in text)


def sentence_around(text: str, pos: int, marks: tuple[str, ...]) -> tuple[int, int] | None:
    """The span of sentence_spans(text) that holds pos, found from the breaks nearest to pos
    alone; None when pos is whitespace or a closing quote or bracket (callers then bisect the
    whole split).  marks: marks_in(text).

    Exact because every break is (cut, resume) over whitespace only: a sentence is the text
    between two breaks with its whitespace trimmed, so the one holding a non-space pos runs from
    the last break that resumes at or before pos to the first that cuts after it.  No break can
    hold pos (it is not whitespace), and none that starts at a mark before pos can reach past pos
    (it would have to pass pos as a closer).  A break whose whitespace begins before the last line
    break before pos and ends after it only moves the start over whitespace that is trimmed anyway,
    so the backward search stops at that line break."""
    ch = text[pos]
    if ch.isspace() or ch in _CLOSERS:
        return None
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    if end < 0:
        end = len(text)
    for mark in marks:
        rx = _END_MARK[mark]
        i = text.rfind(mark, start, pos)
        while i >= 0:          # the last mark before pos that ends a sentence
            m = rx.match(text, i)
            if m:
                start = m.end()
                break
            i = text.rfind(mark, start, i)
        m = rx.search(text, pos)
        if m and m.start(1) < end:
            end = m.start(1)
    while text[start].isspace():
        start += 1
    while text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for cut, resume in _breaks(text):
        if pos < cut and not text[pos].isspace() and not text[cut - 1].isspace():
            spans.append((pos, cut))     # the usual case: nothing to trim
        else:
            _add(text, pos, cut, spans)
        pos = resume
    _add(text, pos, len(text), spans)
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
