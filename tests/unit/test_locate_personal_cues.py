"""The page-level cue check before locate's personal-details search (locate.may_hold_personal_details)."""

from __future__ import annotations

import re

from tasks.anatomy.locate import (
    _CASE_TRAPS,
    _PERSONAL_CUES,
    _in_personal_details,
    may_hold_personal_details,
)


def test_every_case_insensitive_spelling_of_a_cue_letter_is_caught():
    # a character re.IGNORECASE equates with a cue's letter either lower-cases to that letter,
    # lower-cases to more than one character (the length check), or is a listed trap
    every = "".join(map(chr, range(0x110000)))
    for p in {c for cue in _PERSONAL_CUES for c in cue}:
        for c in re.findall(re.escape(p), every, re.IGNORECASE):
            low = c.lower()
            assert low == p or len(low) != 1 or c in _CASE_TRAPS, (hex(ord(c)), p)


def test_no_cue_no_personal_details():
    t = "Hội nghị Ban Chấp hành Đảng bộ Tỉnh Nghệ An lần thứ 12"
    assert not may_hold_personal_details(t, t.lower())


def test_a_cue_in_any_case_is_seen():
    for t in ("QUÊ QUÁN: Tỉnh Nghệ An", "Nơi Sinh: Tỉnh Nghệ An", "ſinh tại Tỉnh Nghệ An"):
        assert may_hold_personal_details(t, t.lower()), t
    t = "ſinh tại Tỉnh Nghệ An"
    assert _in_personal_details(t, t.index("Nghệ An"))
