"""Phase 5 of page anatomy: who wrote it and who published it, from the zones' evidence: the
author (first byline that is not empty once its label is removed) and the source site (first
credited domain)."""
from __future__ import annotations

import re

from .lines import PAREN_TAIL

_AUTHOR_LABEL = re.compile(r"^(?:tin|bài|ảnh|tin,? ảnh|bài,? ảnh|bài và ảnh|tin và ảnh|theo|ctv|pv|btv|"
                           r"ths\.?|ts\.?|pgs\.?,?\s*ts\.?|gs\.?,?\s*ts\.?)\s*:?\s+", re.I)
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")


def clean_author(s: str) -> str | None:
    """A byline without its label ("Tin, ảnh:", "PV", "ThS.") and agency in parentheses."""
    s = s.strip().strip("-–— ").strip()
    s = _AUTHOR_LABEL.sub("", s)
    s = PAREN_TAIL.sub("", s).strip().strip(",;:-–— ")
    return s or None


def author_of(bylines: list[str]) -> str | None:
    for b in bylines:
        author = clean_author(b)
        if author:
            return author
    return None


def source_site_of(sites: list[str]) -> str | None:
    """The first credited site that is a domain, lower-cased, without "www."."""
    for s in sites:
        s = s.strip().lower().rstrip(".")
        if s.startswith("www."):
            s = s[4:]
        if _DOMAIN.match(s):
            return s
    return None
