"""The facts extractor: one lexicon, the extractors built on it, and their composition over a page."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from tasks.facts.docrefs import DocumentRefExtractor
from tasks.facts.indicators import IndicatorExtractor
from tasks.facts.lexicon import Lexicon, default_lexicon
from tasks.facts.orgs import OrgPhrases
from tasks.facts.page import Page
from tasks.facts.people import PeopleExtractor
from tasks.facts.titles import Titles
from tasks.facts.wraps import unwrap
from tasks.records import Facts
from tasks.textnorm import nfc


class FactsExtractor:
    """People, document references and indicators of a cleaned body, read with one lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        orgs = OrgPhrases(lex)
        self.documents = DocumentRefExtractor(lex, orgs)
        self.people = PeopleExtractor(lex, orgs, Titles(lex, orgs))
        self.indicators = IndicatorExtractor(lex)

    def extract(
        self,
        body: str,
        *,
        published_at: datetime | None = None,
        event_date: date | None = None,
        author: str | None = None,
    ) -> Facts:
        if not isinstance(body, str) or not body:
            return Facts()
        # Matching runs on same-length copies of the body (tone fold, lower case); text comes from
        # `body`.  The page computes each copy and the sentence split once, on first use.  A
        # hard-wrapped body is read with its wraps as spaces (same length, so offsets hold).
        page = Page(unwrap(body))
        ref_date = event_date or (published_at.date() if published_at else None)
        docs = self.documents.extract(page)
        masked = [(d.start, d.end) for d in docs]  # numbers of a document are not counts
        people = self.people.extract(page, nfc(author) if isinstance(author, str) else None)
        indicators = self.indicators.extract(page, ref_date, masked)
        return Facts(people=people, document_refs=docs, indicators=indicators)


@lru_cache(maxsize=1)
def default_extractor() -> FactsExtractor:
    """The extractor over the shipped lexicon (tasks/facts/lexicons/), built once per process."""
    return FactsExtractor(default_lexicon())
