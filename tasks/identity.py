"""Stable article ids: the same cleaned article always gets the same id."""
from __future__ import annotations

import hashlib

from tasks.model import Anatomy
from tasks.textnorm import match_key


def article_id_for(anatomy: Anatomy) -> str:
    # Keyed on the cleaned content (title + body), not the file: the same article saved under two
    # names, or wrapped in different page chrome, is one article.
    key = match_key((anatomy.title or "") + "\n" + "\n".join(anatomy.body_lines))
    key = " ".join(key.split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
