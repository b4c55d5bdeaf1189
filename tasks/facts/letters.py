"""Vietnamese letters by case, and the capitalised-syllable patterns built from them.

These are facts about Unicode, not lexicon data, so they are plain module constants.
"""

from __future__ import annotations

import re

from tasks.textnorm import nfc

_LETTERS = [chr(c) for c in range(0x41, 0x1EFA) if chr(c).isalpha()]
UPPER = "".join(c for c in _LETTERS if c.isupper() and c == nfc(c))
LOWER = "".join(c for c in _LETTERS if c.islower() and c == nfc(c))
UP = f"[{re.escape(UPPER)}]"
LO = f"[{re.escape(LOWER)}]"
# A capitalised syllable ("Đào", "Ủy") that is not part of a longer word or an acronym.
CAP_SYL = rf"(?<![^\W\d_]){UP}{LO}*(?![^\W\d_])"
# the same without the leading look-behind, for whole-text scans (callers check the left edge:
# a look-behind first defeats the regex engine's fast first-character scan).  The possessive *+
# never changes a match (giving back a lower-case letter leaves a letter next, which the
# look-ahead rejects) but spares the engine that backtracking at every capital.
CAP_SYL_SCAN = rf"{UP}{LO}*+(?![^\W\d_])"
# a further syllable of a run: after a separator the look-behind always holds, so it is left out
MORE_CAP_SYL = rf"[ \t\u00a0]++{CAP_SYL_SCAN}"
