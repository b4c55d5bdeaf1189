"""One page through the pure stages: RawPage -> Anatomy -> Facts -> ProcessedDoc.

This is what a Prefect batch task calls for each page, and what the benchmark times
(clean + extract with no orchestrator).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tasks.records import Anatomy, Facts, RawPage


@dataclass
class ProcessedDoc:
    raw: RawPage
    anatomy: Anatomy
    facts: Facts
    article_id: str


@lru_cache(maxsize=1)
def _stages():
    """The stage functions, imported on first use (importing this module stays light) and then
    kept: an import statement per page costs a trip through the import machinery."""
    from tasks.anatomy import read_anatomy
    from tasks.chrome import chrome_for_host
    from tasks.facts import extract_facts
    from tasks.identity import article_id_for

    return read_anatomy, chrome_for_host, extract_facts, article_id_for


def process_page(raw: RawPage, chrome_lines: frozenset[str] = frozenset()) -> ProcessedDoc:
    read_anatomy, chrome_for_host, extract_facts, article_id_for = _stages()
    anatomy = read_anatomy(
        raw.text, chrome_lines=chrome_for_host(chrome_lines, raw.source_host), host=raw.source_host
    )
    facts = extract_facts(
        anatomy.body,
        published_at=anatomy.published_at,
        event_date=anatomy.event_date,
        author=anatomy.author,
    )
    return ProcessedDoc(raw=raw, anatomy=anatomy, facts=facts, article_id=article_id_for(anatomy))
