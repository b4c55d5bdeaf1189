"""Loads the rule data in lexicons/ once and compiles it into regexes.

Everything language-specific lives in the YAML/TXT files; this module only turns lists into
longest-first alternations.  Matching runs on `fold_tone_placement(body)` (same length as the
body, "uỷ" -> "ủy"), so the lexicons are written with modern tone placement.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from tasks.textnorm import fold_tone_placement, nfc

_DIR = Path(__file__).with_name("lexicons")

# Vietnamese letters, split by case, for capitalised-syllable patterns.
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


def _norm(s: str) -> str:
    return fold_tone_placement(nfc(s))


def _yaml(name: str) -> dict:
    with open(_DIR / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _lines(name: str) -> list[str]:
    out = []
    with open(_DIR / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(_norm(line))
    return out


def word_tuple(words) -> tuple[str, ...]:
    """Lower-cased phrases, longest first, for `ends_with_word` (cheaper than a `...$` regex search)."""
    return tuple(sorted({_norm(w).lower() for w in words}, key=len, reverse=True))


def ends_with_word(text: str, words: tuple[str, ...]) -> str | None:
    """The phrase of `words` that `text` (lower-cased) ends with, at a word boundary, ignoring
    trailing spaces; None if none does."""
    t = text.rstrip()
    if not t.endswith(words):
        return None
    for w in words:
        if t.endswith(w):
            i = len(t) - len(w)
            if i == 0 or not t[i - 1].isalnum():
                return w
    return None


def alternation(words, *, escape: bool = True) -> str:
    """Longest-first alternation; spaces in a phrase match any run of whitespace."""
    uniq = sorted({_norm(w) for w in words}, key=len, reverse=True)
    parts = []
    for w in uniq:
        p = re.escape(w) if escape else w
        parts.append(p.replace(r"\ ", r"\s+"))
    return "(?:" + "|".join(parts) + ")"


def common_word_re(phrases) -> re.Pattern:
    """A case-insensitive search for a word every phrase contains: if it finds nothing, no phrase
    can match (a cheap test before a long IGNORECASE alternation).  Matches anything when the
    phrases share no word."""
    common = set.intersection(*(set(_norm(p).lower().split()) for p in phrases))
    if not common:
        return re.compile("")
    return re.compile(re.escape(max(sorted(common), key=len)), re.IGNORECASE)


class FirstCharAlternation:
    """`re.compile(alternation(words) + tail, flags).match(text, pos)`, trying only the phrases
    whose first character can match text[pos].  A case-insensitive alternation of ~90 phrases
    enters every branch on every call; here the regex engine itself decides, once per character
    seen, which phrases can start with it, and the result is the same (the other branches fail
    on their first character; the order of the rest is kept)."""

    def __init__(self, words, tail: str, flags: int) -> None:
        uniq = sorted({_norm(w) for w in words}, key=len, reverse=True)   # as alternation()
        self._parts = [(w[0], re.escape(w).replace(r"\ ", r"\s+")) for w in uniq]
        self._tail, self._flags = tail, flags
        self._for_char: dict[str, re.Pattern | None] = {}

    def match(self, text: str, pos: int) -> re.Match | None:
        if pos >= len(text):
            return None
        c = text[pos]
        rx = self._for_char.get(c, False)
        if rx is False:
            parts = [p for first, p in self._parts if re.fullmatch(re.escape(first), c, self._flags)]
            rx = re.compile("(?:" + "|".join(parts) + ")" + self._tail, self._flags) if parts else None
            self._for_char[c] = rx
        return rx.match(text, pos) if rx is not None else None


class Lexicon:
    def __init__(self) -> None:
        posts = _yaml("posts.yaml")
        metrics = _yaml("metrics.yaml")
        docs = _yaml("documents.yaml")
        self.surnames = frozenset(s.casefold() for s in _lines("surnames.txt"))
        self.places = frozenset(s.casefold() for s in _lines("places.txt"))
        self.posts = posts
        self.metrics = metrics
        self.docs = docs

        # -- people
        # a post head at a place: the case-insensitive alternation of post_heads + (?![^\W\d_])
        self.post_head_at = FirstCharAlternation(posts["post_heads"], r"(?![^\W\d_])", re.IGNORECASE)
        firsts = {_norm(h).split()[0] for h in posts["post_heads"]}
        firsts |= {w[:1].upper() + w[1:] for w in firsts}
        # cheap case-sensitive scan for where a post head may start; post_head_at confirms
        self.post_head_first_re = re.compile(alternation(firsts) + r"(?![^\W\d_])")  # left edge: checked by caller
        # the same, one literal-first regex per word, for scanning a page for only a few of them
        self.post_head_first_word_re = {w: re.compile(re.escape(w) + r"(?![^\W\d_])") for w in map(_norm, firsts)}
        self.former_words = word_tuple(posts["former_prefixes"])
        self.former_re = re.compile(alternation(posts["former_prefixes"]) + r"\s+$")
        self.rank_re = re.compile(alternation(posts["ranks"]) + r"\s+$")
        role_words = [w for ws in posts["roles"].values() for w in ws]
        self.title_stop = frozenset(_norm(w).casefold() for w in list(posts["title_stop_words"]) + role_words)
        self.title_stop_max = max(len(w.split()) for w in self.title_stop)
        roles = posts["roles"]
        self.role_after = [
            (role, re.compile(r"[\s,\-–—)]*(?:(?:đã|cũng|vừa|đồng thời|sau đó|đã đến|trực tiếp)\s+)?" + alternation(roles[key]) + r"(?![^\W\d_])", re.IGNORECASE))
            for role, key in (("chair", "chair_after"), ("speaker", "speaker_after"), ("attendee", "attendee_after"))
        ]
        self.attendee_before_re = re.compile(alternation(roles["attendee_before"]) + r"(?![^\W\d_])", re.IGNORECASE)
        # every attendee cue contains "có": a one-word search rules most sentences out cheaply
        self.attendee_before_hint_re = common_word_re(roles["attendee_before"])
        self.speaker_before_re = re.compile(r"\W*" + alternation(roles["speaker_before"]) + r"(?![^\W\d_])", re.IGNORECASE)
        self.chair_before = word_tuple(roles["chair_before"])
        self.chair_before_re = re.compile(alternation(roles["chair_before"]) + r"\s*$", re.IGNORECASE)

        # a known surname followed by another capitalised syllable: where a name may start
        caps = sorted(self.surnames | {"ông", "bà", "anh", "chị"})
        self.name_start_re = re.compile(
            r"(?<![^\W\d_])" + alternation([c[:1].upper() + c[1:] for c in caps]) + r"[ \t\u00a0]+(?=" + UP + ")")

        # -- indicators
        self.verb_classes = {}
        vparts = []
        for cls, words in metrics["verbs"].items():
            for w in words:
                self.verb_classes[_norm(w).casefold()] = cls
            vparts.extend(words)
        self.verb_re = re.compile(r"(?<![^\W\d_])" + alternation(vparts) + r"(?![^\W\d_])", re.IGNORECASE)
        # same, for scanning the lower-cased text (much faster than IGNORECASE over a whole clause)
        self.verb_lo_re = re.compile(alternation([v.lower() for v in vparts]) + r"(?![^\W\d_])")  # left edge: caller
        self.verb_blockers = word_tuple(metrics["verb_blockers"])
        self.total_cues = word_tuple(metrics["total_cues"])
        self.qualifiers = word_tuple(metrics["qualifiers"])
        self.verb_blocker_re = re.compile(alternation(metrics["verb_blockers"]) + r"\s+$", re.IGNORECASE)
        # sentence pre-filter for indicators (lower-cased text): a unit or verb stem must occur
        stems = {w.lower() for w in vparts} | {w.lower() for ws in metrics["units"].values() for w in ws}
        self.indicator_hint_re = re.compile(alternation(stems) + r"(?![^\W\d_])")
        self.sentence_hints = tuple(_norm(w).lower() for w in metrics["sentence_hints"])
        self.unit_class = {}
        uparts = []
        for cls, words in metrics["units"].items():
            for w in words:
                self.unit_class.setdefault(_norm(w).casefold(), cls)
            uparts.extend(words)
        self.unit_re = re.compile(r"\s*(" + alternation(uparts) + r")(?![^\W\d_])", re.IGNORECASE)
        self.metric_map = metrics["metric_map"]
        self.dong_chi_for = frozenset(metrics["dong_chi_units_for"])
        self.other_units = frozenset(_norm(w).casefold() for w in metrics["other_units"])
        self.total_cue_re = re.compile(alternation(metrics["total_cues"]) + r"\s*$", re.IGNORECASE)
        self.qualifier_re = re.compile(r"(?<![^\W\d_])(" + alternation(metrics["qualifiers"]) + r")\s*$", re.IGNORECASE)
        self.plan_re = re.compile(r"\s*" + alternation(metrics["plan_words"]) + r"(?![^\W\d_])", re.IGNORECASE)
        self.passive_re = re.compile(
            r"[^\d;()]{0,60}?(?<![^\W\d_])" + alternation(metrics["passive_markers"]) + r"\s+(?:(?:trao|tặng|trao tặng|xem xét|thi hành|xử lý)\s+)?("
            + alternation(vparts) + r")(?![^\W\d_])", re.IGNORECASE)

        # -- documents
        self.doc_kind_of = {}
        kparts = []
        for kind, spec in docs["kinds"].items():
            for w in spec["words"]:
                self.doc_kind_of[_norm(w).casefold()] = kind
                kparts.append(w)
        self.doc_kind_alt = alternation(kparts)
        self.doc_kind_lo_re = re.compile(alternation([w.lower() for w in kparts]) + r"(?![^\W\d_])")
        self.doc_kind_words = word_tuple(kparts)
        self.need_so_or_symbol = frozenset(docs["need_so_or_symbol"])
        self.bare_followers_re = re.compile(r"\s*" + alternation(docs["bare_number_followers"]) + r"(?![^\W\d_])|\s*$|\s*[,;.)”\"]", re.IGNORECASE)
        self.issuer_stop = frozenset(_norm(w).casefold() for w in docs["issuer_stop_words"])


@lru_cache(maxsize=1)
def get() -> Lexicon:
    return Lexicon()
