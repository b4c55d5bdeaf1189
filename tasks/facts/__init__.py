"""Facts extraction: people, document references and Party-work indicators from a cleaned body.

    from tasks.facts import extract_facts
    facts = extract_facts(body, published_at=..., event_date=..., author=...)

Pure and total: any string gives a `Facts` (never an exception); every offset lies inside `body`
and `body[start:end]` is the evidence.  Rules are data (tasks/facts/lexicons/); see docs/facts.md.
"""
from __future__ import annotations

import logging
from datetime import date, datetime

from tasks.model import Facts
from tasks.textnorm import fold_tone_placement as _fold, nfc

__all__ = ["extract_facts"]
log = logging.getLogger(__name__)


_parts = None


def _extractors():
    """The extractor modules, imported on first use (they import this package, and load the
    lexicons); a function-level import on every call costs more than a small page's matching."""
    global _parts
    if _parts is None:
        from tasks.facts.docrefs import extract_document_refs
        from tasks.facts.indicators import extract_indicators
        from tasks.facts.page import Page
        from tasks.facts.people import extract_people
        _parts = (Page, extract_document_refs, extract_people, extract_indicators)
    return _parts


def extract_facts(body: str, *, published_at: datetime | None = None, event_date: date | None = None,
                  author: str | None = None) -> Facts:
    Page, extract_document_refs, extract_people, extract_indicators = _extractors()
    if not isinstance(body, str) or not body:
        return Facts()
    # Matching runs on same-length copies of the body (tone fold, lower case); text comes from
    # `body`.  The page computes each copy and the sentence split once, on first use.
    # An extractor's bug raises: the batch quarantines the page (processing_error).
    page = Page(body)
    ref_year = event_date.year if event_date else (published_at.year if published_at else None)
    docs = extract_document_refs(page)
    masked = [(d.start, d.end) for d in docs]
    people = extract_people(page, nfc(author) if isinstance(author, str) else None)
    indicators = extract_indicators(page, ref_year, masked)
    return Facts(people=people, document_refs=docs, indicators=indicators)
