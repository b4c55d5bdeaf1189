"""Stable article ids: the same cleaned article always gets the same id."""
from __future__ import annotations

import hashlib

from tasks.model import Anatomy
from tasks.textnorm import match_key

# Every character str.split() treats as whitespace (str.isspace; a unit test checks the list is
# complete) -> " ". Collapsing runs of spaces after one C-level translate is several times
# cheaper than " ".join(text.split()) on a whole article, with the same result.
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B)))
              + "\u2028\u2029\u202f\u205f\u3000")
_SPACES = str.maketrans({c: " " for c in WHITESPACE})


def collapse_whitespace(text: str) -> str:
    """Equal to " ".join(text.split())."""
    text = text.translate(_SPACES)
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


def article_id_for(anatomy: Anatomy) -> str:
    # Keyed on the cleaned content (title + body), not the file: the same article saved under two
    # names, or wrapped in different page chrome, is one article.
    key = match_key((anatomy.title or "") + "\n" + "\n".join(anatomy.body_lines))
    return hashlib.sha256(collapse_whitespace(key).encode("utf-8")).hexdigest()[:16]
