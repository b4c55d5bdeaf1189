"""Facts extraction: people, document references and Party-work indicators from a cleaned body.

    from tasks.facts import extract_facts
    facts = extract_facts(body, published_at=..., event_date=..., author=...)

Every offset lies inside `body` and `body[start:end]` is the evidence.  Rules are data
(tasks/facts/lexicons/), read once into a `Lexicon` and handed to a `FactsExtractor`
(tasks/facts/extractor.py); `extract_facts` uses the one built over the shipped lexicon.  An
unexpected error raises: the batch's error boundary quarantines that page (see docs/facts.md).
"""

from __future__ import annotations

from datetime import date, datetime

from tasks.facts.extractor import FactsExtractor, default_extractor
from tasks.facts.lexicon import Lexicon, default_lexicon, read_lexicon
from tasks.records import Facts

__all__ = [
    "FactsExtractor",
    "Lexicon",
    "default_extractor",
    "default_lexicon",
    "extract_facts",
    "read_lexicon",
]


def extract_facts(
    body: str,
    *,
    published_at: datetime | None = None,
    event_date: date | None = None,
    author: str | None = None,
) -> Facts:
    """The facts of body, read with the shipped lexicon (`default_extractor()`)."""
    return default_extractor().extract(body, published_at=published_at, event_date=event_date, author=author)
