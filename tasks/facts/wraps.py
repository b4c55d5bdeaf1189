"""Hard line wraps: some portals store their text cut into fixed-width lines, so a name, a post or
a sentence runs over a line break ("trưởng Ban Tổ chức Thành ủy Trần Hữu\\nHiền trao quyết
định").  On such a page the facts read a copy with those breaks turned into spaces; the copy has
the same length, so every offset still points into the body as stored.

The signal is the page's own: a paragraph never starts with a lower-case word, so a page where
several lines do is wrapped, and on it every break not after a sentence's end is a wrap.
"""

from __future__ import annotations

# the end of a sentence or a label before a break: that break is a real one
_ENDS_LINE = frozenset('.!?…:;"”)»')
_MIN_WRAPS = 3  # at least this many breaks mid-sentence ...
_MIN_SHARE = 0.25  # ... and this share of all breaks


def _mid_sentence_breaks(body: str) -> int:
    """How many line breaks have a letter before them and a lower-case letter after them (a walk
    over the breaks with str.find: cheaper than a regex scan of the whole body)."""
    n, last = 0, len(body) - 1
    i = body.find("\n")
    while 0 <= i < last:
        if i and body[i + 1].islower() and body[i - 1].isalpha():
            n += 1
        i = body.find("\n", i + 1)
    return n


def unwrap(body: str) -> str:
    """body with its wrapped line breaks as spaces (same length), or body itself if it is not
    hard-wrapped."""
    breaks = body.count("\n")
    if breaks < _MIN_WRAPS:
        return body
    if _mid_sentence_breaks(body) < max(_MIN_WRAPS, _MIN_SHARE * breaks):
        return body
    out = list(body)
    for i, ch in enumerate(body):
        if ch == "\n" and i and body[i - 1] not in _ENDS_LINE and body[i - 1] != "\n":
            out[i] = " "
    return "".join(out)
