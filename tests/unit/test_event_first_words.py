"""The event scanner's substring form (dates._event_starts) finds what the case-insensitive scanner finds."""

from __future__ import annotations

import re

from tasks.anatomy.dates import (
    _EVENT_FIRST_WORDS,
    _FIRST_WORD_CASE_TRAPS,
    _event_starts,
    _event_starts_plain,
)

EVERY = "".join(map(chr, range(0x110000)))


def test_lower_case_and_ignorecase_agree_on_the_first_words_letters():
    letters = {c for w in _EVENT_FIRST_WORDS for c in w}
    for p in letters:
        for c in re.findall(re.escape(p), EVERY, re.IGNORECASE):  # what the scanner equates with p
            assert c.lower() == p or len(c.lower()) != 1 or c in _FIRST_WORD_CASE_TRAPS, (hex(ord(c)), p)
    for c in EVERY:  # what the lower-cased search equates with a letter
        if (p := c.lower()) in letters:
            assert re.fullmatch(f"(?i:{re.escape(p)})", c), (hex(ord(c)), p)


def test_starts_agree_on_mixed_case_and_traps():
    for t in (
        "SÁNG NGÀY 12/3",
        "Chiều tối 5/6",
        "sángày 1/2",
        "ſáng 3/4",
        "İ Sáng 1/1",
        "ĐÊM hôm qua 2/2",
        "ı",
    ):
        assert _event_starts(t) == _event_starts_plain(t), t
