"""Stable article ids: the same cleaned article always gets the same id."""

from __future__ import annotations

import hashlib

from tasks.records import Anatomy
from tasks.textnorm import collapse_whitespace, match_key


def article_id_for(anatomy: Anatomy) -> str:
    # Keyed on the cleaned content (title + body), not the file: the same article saved under two
    # names, or wrapped in different page chrome, is one article. Lines are joined with spaces:
    # whitespace is collapsed anyway, and match_key treats a space and a line end alike.
    key = collapse_whitespace(match_key((anatomy.title or "") + " " + " ".join(anatomy.body_lines)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
