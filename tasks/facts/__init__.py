"""Facts extraction: people, document references and Party-work indicators from a cleaned body.

    from tasks.facts import extract_facts
    facts = extract_facts(body, published_at=..., event_date=..., author=...)

Pure and total: any string gives a `Facts` (never an exception); every offset lies inside `body`
and `body[start:end]` is the evidence.  Rules are data (tasks/facts/lexicons/); see docs/facts.md.
"""
from __future__ import annotations

import logging
import re
from datetime import date, datetime

from tasks.model import Facts
from tasks.textnorm import _OPEN_SYLLABLE, _move_mark, nfc

__all__ = ["extract_facts"]
# Old-style tone placement can only occur where o/u is followed by a toned a/e/y ("hoà", "uỷ"):
# a cheap first-character scan decides whether the (slower) fold is needed at all.
_OLD_TONE = re.compile("[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]")
log = logging.getLogger(__name__)


def _fold(body: str) -> str:
    """fold_tone_placement(body), visiting only the few places a fast scan finds."""
    pieces = []
    pos = 0
    for m in _OLD_TONE.finditer(body):
        om = _OPEN_SYLLABLE.match(body, m.start())
        if om is None:
            continue
        rep = _move_mark(om)
        if rep != om.group(0):
            pieces.append(body[pos:m.start()])
            pieces.append(rep)
            pos = om.end()
    if not pieces:
        return body
    pieces.append(body[pos:])
    return "".join(pieces)


def extract_facts(body: str, *, published_at: datetime | None = None, event_date: date | None = None,
                  author: str | None = None) -> Facts:
    from tasks.facts.docrefs import extract_document_refs
    from tasks.facts.indicators import extract_indicators, lower_same_length
    from tasks.facts.people import extract_people
    from tasks.facts.text import sentence_spans

    if not isinstance(body, str) or not body:
        return Facts()
    try:
        # Matching runs on a same-length copy with modern tone placement; text comes from `body`.
        fb = _fold(body)
        if len(fb) != len(body):  # pragma: no cover - fold is length-preserving by construction
            fb = body
        sentences = sentence_spans(fb)
        ref_year = event_date.year if event_date else (published_at.year if published_at else None)
        lo = lower_same_length(fb)
        docs = extract_document_refs(body, fb, lo)
        masked = [(d.start, d.end) for d in docs]
        people = extract_people(body, fb, sentences, nfc(author) if isinstance(author, str) else None)
        indicators = extract_indicators(body, fb, sentences, ref_year, masked, lo)
        return Facts(people=people, document_refs=docs, indicators=indicators)
    except Exception:  # noqa: BLE001 - the pipeline must never die on one odd page
        log.exception("facts extraction failed; returning no facts for this body")
        return Facts()
