"""One body as the extractors see it: the text, its matching copies and its sentences.

Each derived form is computed once per page and only when an extractor first asks for it (most
pages need neither the sentences nor the lower-cased copy for every extractor), so extractors
share the work instead of re-splitting or re-normalising the same text.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from tasks.facts.letters import UP
from tasks.facts.text import sentence_spans
from tasks.textnorm import fold_tone_placement

_DIGIT = re.compile(r"\d")
# a name set in capitals after an address form ("trao đổi với đồng chí PHAN VĂN PHỤNG, Ủy viên …",
# as interviews print the interviewee): matched as the same name in title case.  Two to five
# syllables of capitals, no capital word after them (an all-caps line is a headline, not a name).
_CAPS_SYL = rf"{UP}++"
_CAPITAL_NAME = re.compile(
    r"(?<![^\W\d_])(?:đồng chí|Đồng chí|đ/c|Đ/c|ông|Ông|bà|Bà|nhà báo|Nhà báo)[ \t]+"
    rf"({_CAPS_SYL}(?:[ \t]{_CAPS_SYL}){{1,4}})(?![^\W\d_])(?![ \t]+{_CAPS_SYL}(?![^\W\d_]))"
)
_ASCII_DIGIT = re.compile(r"[0-9]")  # a plain range scans faster than the \d category


def lower_same_length(text: str) -> str:
    """text.lower(), keeping offsets (the rare characters whose lower case is longer stay as is)."""
    lo = text.lower()
    if len(lo) == len(text):
        return lo
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class Page:
    """body: the text as written (everything stored is sliced from it); fb: the same-length copy
    with modern tone placement that all matching runs on; lo: fb lower-cased, same length;
    sentences: (start, end) spans of fb, with their starts for bisecting; sentence_at: the one
    holding a position."""

    def __init__(self, body: str) -> None:
        self.body = body
        fb = fold_tone_placement(body)
        fb = fb if len(fb) == len(body) else body  # fold is length-preserving by construction
        self.fb = _capital_names_in_title_case(fb)

    @cached_property
    def has_digit(self) -> bool:
        """Both document references and indicators need a number: a page without a digit is
        done without its lower-cased copy."""
        fb = self.fb
        return _ASCII_DIGIT.search(fb) is not None or _DIGIT.search(fb) is not None

    @cached_property
    def lo(self) -> str:
        return lower_same_length(self.fb)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return sentence_spans(self.fb)

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_at(self, pos: int) -> tuple[int, int] | None:
        """The sentence with the last start at or before pos (the one holding pos, when pos is
        inside one), None if none."""
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        return self.sentences[i] if i >= 0 else None


# the address forms' last letters, a space and two capitals: the cheap test that a page may hold a
# name in capitals (a search with no look-behind: ~5 us a page, against ~25 for the full pattern)
_CUE_THEN_CAPS = re.compile(rf"(?:chí|/c|ông|Ông|bà|Bà|báo)[ \t]{UP}{UP}")


def _capital_names_in_title_case(fb: str) -> str:
    """fb with each name set in capitals after an address form in title case (same length)."""
    if _CUE_THEN_CAPS.search(fb) is None:
        return fb

    def title(m: re.Match) -> str:
        run = m.group(1)
        titled = run.title()
        if len(titled) != len(run):
            return m.group(0)
        return m.group(0)[: m.start(1) - m.start()] + titled

    return _CAPITAL_NAME.sub(title, fb)
