"""Optimised text patterns and their readable forms, side by side.

A module that keeps a hand-optimised pattern (a rewritten look-behind, a hand-built trie, a
pre-check before a regex) declares it in a module-level ``FAST_FORMS`` tuple of :class:`FastForm`,
next to the plain form it must agree with. ``tests/unit/test_fast_forms.py`` finds every
``FAST_FORMS`` under ``tasks`` and checks each pair on generated text, so the readable meaning of
a pattern lives in the code, not only in a test. A fast form stays only where a same-minute A/B
(``bench/stage_times.py --root <checkout without it>``) shows it saves at least 2 % of
clean+extract CPU; ``why`` records that figure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# the characters re.IGNORECASE equates with an ASCII letter although str.lower() does not give that
# letter ("ſ" ~ "s", "ı" ~ "i"): a substring search in the lower-cased text misses what a
# case-insensitive pattern finds where one of them is written
IGNORECASE_TRAPS = ("ı", "ſ")


def lower_search_is_exact(text: str, low: str) -> bool:
    """Whether substring searches in low (text.lower()) find at the same offsets what a
    case-insensitive pattern finds in text: no character lower-cases to a longer string ("İ")
    and none of IGNORECASE_TRAPS is written."""
    return len(low) == len(text) and not any(map(text.__contains__, IGNORECASE_TRAPS))


@dataclass(frozen=True)
class FastForm:
    name: str
    plain: Callable[[str], object]  # the readable reference: what the pattern means
    fast: Callable[[str], object]  # the optimised form: must return what ``plain`` returns
    pieces: tuple[str, ...] = ()  # text fragments that exercise the pattern (joined at random)
    why: str = ""  # the measured saving that justifies keeping the fast form
