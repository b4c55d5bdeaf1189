"""Stable article ids: the same cleaned article always gets the same id."""
from __future__ import annotations

import hashlib
import re

from tasks.model import Anatomy
from tasks.textnorm import match_key

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


def article_id_for(anatomy: Anatomy) -> str:
    # Keyed on the cleaned content (title + body), not the file: the same article saved under two
    # names, or wrapped in different page chrome, is one article. Lines are joined with spaces:
    # whitespace is collapsed anyway, and match_key treats a space and a line end alike.
    key = collapse_whitespace(match_key((anatomy.title or "") + " " + " ".join(anatomy.body_lines)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
