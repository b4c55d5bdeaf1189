"""The rule data in lexicons/, compiled once into the regexes and word sets the extractors use.

Everything language-specific lives in the YAML/TXT files; this module only turns lists into
longest-first alternations.  Matching runs on `fold_tone_placement(body)` (same length as the
body, "uỷ" -> "ủy"), so the lexicons are written with modern tone placement.

`read_lexicon(folder)` builds a `Lexicon`; `default_lexicon()` is the one built from the files
shipped here, read once per process.  Extractors receive it (tasks/facts/extractor.py); no
module reads it at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from re._casefix import _EXTRA_CASES

import yaml

from tasks.fastforms import FastForm
from tasks.textnorm import fold_tone_placement, nfc

LEXICON_DIR = Path(__file__).with_name("lexicons")
NOT_LETTER_AFTER = r"(?![^\W\d_])"


def norm(s: str) -> str:
    """A lexicon entry as the matching copy of a body writes it: NFC, modern tone placement."""
    return fold_tone_placement(nfc(s))


def word_tuple(words) -> tuple[str, ...]:
    """Lower-cased phrases, longest first, for `ends_with_word` (cheaper than a `...$` regex search)."""
    return tuple(sorted({norm(w).lower() for w in words}, key=len, reverse=True))


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
    return _alternation_of(sorted({norm(w) for w in words}, key=len, reverse=True), escape=escape)


def _alternation_of(ordered, *, escape: bool = True) -> str:
    """The alternation of phrases already in the order they are tried."""
    parts = []
    for w in ordered:
        p = re.escape(w) if escape else w
        parts.append(p.replace(r"\ ", r"\s+"))
    return "(?:" + "|".join(parts) + ")"


def edge_alternation(words, not_before: str) -> str:
    """alternation(words) preceded by (?<!not_before) (a one-character class), with the look-behind
    moved after each phrase's first character: a pattern that opens with a look-behind is tried at
    every character of the text; one whose branches open with letters is only tried where one of
    them stands.  Same phrases, same order, same matches."""
    ordered = sorted({norm(w) for w in words}, key=len, reverse=True)
    return (
        "(?:"
        + "|".join(
            re.escape(w[0]) + f"(?<!{not_before}.)" + re.escape(w[1:]).replace(r"\ ", r"\s+") for w in ordered
        )
        + ")"
    )


def _case_keys(lead: str) -> set[str]:
    """Every lower-cased text lead that IGNORECASE lets match `lead` (lower-cased): the regex
    engine also equates a few letters with others ("i" and dotless "ı", "s" and long "ſ")."""
    keys = {""}
    for ch in lead:
        same = {ch} | {chr(o) for o in _EXTRA_CASES.get(ord(ch), ())}
        keys = {k + c for k in keys for c in same}
    return keys


class HeadAlternation:
    """A case-insensitive longest-first alternation of phrases, matched at a position (`match`,
    like `re.Pattern.match(text, pos)`), trying only the phrases whose first two letters are the
    text's there: the 142 post heads start with ~40 different pairs, so most tries of the full
    alternation fail one alternative after another.

    `plain` is the full alternation; `match` returns what `plain.match` does: the phrases of one
    bucket are tried in their order in the full alternation, and a phrase can only match where
    the text's first two characters, lower-cased, are one of its `_case_keys`.  A text whose
    lower case changes length there ("İ") goes to the full alternation."""

    def __init__(self, phrases, after: str = "") -> None:
        ordered = sorted({norm(w) for w in phrases}, key=len, reverse=True)
        self.plain = re.compile(_alternation_of(ordered) + after, re.IGNORECASE)
        buckets: dict[str, list[str]] = {}
        for w in ordered:
            for key in _case_keys(w[:2].lower()):
                buckets.setdefault(key, []).append(w)
        self.by_lead = {
            k: re.compile(_alternation_of(ws) + after, re.IGNORECASE) for k, ws in buckets.items()
        }

    def match(self, text: str, pos: int) -> re.Match | None:
        lead = text[pos : pos + 2]
        key = lead.lower()
        if len(key) != len(lead):
            return self.plain.match(text, pos)
        rx = self.by_lead.get(key)
        return rx.match(text, pos) if rx is not None else None


def common_word_re(phrases) -> re.Pattern:
    """A case-insensitive search for a word every phrase contains: if it finds nothing, no phrase
    can match (a cheap test before a long IGNORECASE alternation).  Matches anything when the
    phrases share no word."""
    common = set.intersection(*(set(norm(p).lower().split()) for p in phrases))
    if not common:
        return re.compile("")
    return re.compile(re.escape(max(sorted(common), key=len)), re.IGNORECASE)


@dataclass(frozen=True)
class StopPhrases:
    """Lower-case phrases an organisation phrase stops before, with their first words (a token
    that starts none of them needs no further look)."""

    phrases: frozenset[str]
    firsts: frozenset[str]

    @classmethod
    def of(cls, words) -> StopPhrases:
        phrases = frozenset(norm(w).casefold() for w in words)
        return cls(phrases, frozenset(w.split()[0] for w in phrases))


def _read_yaml(folder: Path, name: str) -> dict:
    with open(folder / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _read_lines(folder: Path, name: str) -> list[str]:
    with open(folder / name, encoding="utf-8") as fh:
        stripped = (line.strip() for line in fh)
        return [norm(line) for line in stripped if line and not line.startswith("#")]


class Lexicon:
    """The compiled rules, one group per extractor; built by `read_lexicon`."""

    def __init__(self, posts: dict, metrics: dict, docs: dict, surnames, places) -> None:
        self.surnames = frozenset(s.casefold() for s in surnames)
        self.places = frozenset(s.casefold() for s in places)
        self._compile_posts(posts)
        self._compile_roles(posts["roles"])
        self._compile_metrics(metrics)
        self._compile_documents(docs)

    def _compile_posts(self, posts: dict) -> None:
        self.post_heads = tuple(posts["post_heads"])
        # a post head at a place: case-insensitive, the longest head first
        # (bucketed by the first two letters: HeadAlternation.plain is the one regex it stands for)
        self.post_head_at = HeadAlternation(self.post_heads, NOT_LETTER_AFTER)
        firsts = {norm(h).split()[0] for h in self.post_heads}
        firsts |= {w[:1].upper() + w[1:] for w in firsts}
        # cheap case-sensitive scan for where a post head may start; post_head_at confirms
        self.post_head_first_re = re.compile(
            alternation(firsts) + NOT_LETTER_AFTER
        )  # left edge: checked by caller
        self.post_head_first_words = frozenset(map(norm, firsts))
        # posts read only right after a name and its dash or comma ("ông A – đại diện Hội phụ huynh")
        self.after_name_head_at = HeadAlternation(posts["after_name_heads"], NOT_LETTER_AFTER)
        # heads that are a post only with a capitalised organ after them ("Nhân viên Phòng KHTT")
        self.heads_need_organ = frozenset(norm(w).casefold() for w in posts["heads_need_organ"])
        # lower-case heads that are not read as a post after a name with one space ("A thường trực")
        self.not_bare_lower_heads = frozenset(norm(w).casefold() for w in posts["not_bare_lower_heads"])
        # what continues an organ after a spaced dash inside one post ("Văn hoá - Thông tin")
        self.org_after_dash_re = re.compile(alternation(posts["org_after_dash"]) + NOT_LETTER_AFTER)
        # organ names that hold a comma ("Sở Văn hóa, Thể thao và Du lịch"): read whole in a post
        comma_names = [norm(w) for w in posts["org_names_with_comma"]]
        self.org_comma_name_re = re.compile(alternation(comma_names) + NOT_LETTER_AFTER, re.IGNORECASE)
        self.org_comma_name_firsts = frozenset(re.split(r"[ ,]", w)[0].casefold() for w in comma_names)
        self.former_words = word_tuple(posts["former_prefixes"])
        # what a title keeps before its head: a former or an acting holder's mark
        self.title_prefix_words = word_tuple(posts["former_prefixes"] + posts.get("acting_prefixes", []))
        role_words = [w for ws in posts["roles"].values() for w in ws]
        self.title_stop = StopPhrases.of(list(posts["title_stop_words"]) + role_words)
        self.title_stop_max = max(len(w.split()) for w in self.title_stop.phrases)
        self.org_lower = frozenset(norm(w).casefold() for w in posts["org_lower_words"])
        self.person_cues = word_tuple(posts["person_cues"])
        self.cue_modifiers = word_tuple(posts["cue_modifiers"])
        self.list_cue_nouns_re = re.compile(
            r"(?<![^\W\d_])" + alternation(posts["list_cue_nouns"]) + NOT_LETTER_AFTER, re.IGNORECASE
        )
        self.english_post_heads = frozenset(w.casefold() for w in posts["english_post_heads"])
        self.english_cues = frozenset(w.casefold() for w in posts["english_cues"])
        self.english_post_words = frozenset(w.casefold() for w in posts["english_post_words"])
        self.english_org_names_re = re.compile(alternation(posts["english_org_names"]) + NOT_LETTER_AFTER)
        self.remit_orgs = frozenset(norm(w).casefold() for w in posts["remit_orgs"])
        self.award_at = re.compile(alternation(posts.get("awards", [])) + NOT_LETTER_AFTER, re.IGNORECASE)
        # organs named by a verb: the organ's noun ("ban") -> its verb phrases, longest first, a
        # comma in one written with any spacing ("đoàn kiểm tra, giám sát")
        by_noun: dict[str, list[str]] = {}
        for w in posts.get("organs_named_by_a_verb", []):
            noun, verb = norm(w).casefold().split(" ", 1)
            by_noun.setdefault(noun, []).append(verb)
        # the verbs' first words: the cheap test before the organ's noun is looked for
        self.verb_named_organ_firsts = frozenset(v.split()[0] for vs in by_noun.values() for v in vs)
        self.verb_named_organs = {
            noun: re.compile(
                "(?:"
                + "|".join(
                    r"[ \t]*,?[ \t]*".join(map(re.escape, v.replace(",", " ").split()))
                    for v in sorted(verbs, key=len, reverse=True)
                )
                + r")(?![^\W\d_])",
                re.IGNORECASE,
            )
            for noun, verbs in by_noun.items()
        }
        self.remit_words = frozenset(norm(w).casefold() for w in posts["remit_words"])

    def _compile_roles(self, roles: dict) -> None:
        self.role_after = [
            (
                role,
                re.compile(
                    r"[\s,\-–—)]*(?:(?:đã|cũng|vừa|đồng thời|sau đó|đã đến|trực tiếp)\s+)?"
                    + alternation(roles[key])
                    + NOT_LETTER_AFTER,
                    re.IGNORECASE,
                ),
            )
            for role, key in (
                ("chair", "chair_after"),
                ("speaker", "speaker_after"),
                ("attendee", "attendee_after"),
            )
        ]
        self.attendee_before_re = re.compile(
            alternation(roles["attendee_before"]) + NOT_LETTER_AFTER, re.IGNORECASE
        )
        # every attendee cue contains "có": a one-word search rules most sentences out cheaply
        self.attendee_before_hint_re = common_word_re(roles["attendee_before"])
        self.chair_before = word_tuple(roles["chair_before"])
        # "Phát biểu tại Hội nghị, (đồng chí) <title chain> NAME": the intro must lead straight to the mention
        self.speaker_intro_re = re.compile(
            r"\W*" + alternation(roles["speaker_before"]) + NOT_LETTER_AFTER + r"[^,.;:]{0,80},\s*"
            r"(?:(?:đồng chí|ông|bà)\s+)?",
            re.IGNORECASE,
        )

    def _compile_metrics(self, metrics: dict) -> None:
        # the indicator grammar is compiled by its own module, which builds on this one's helpers
        from tasks.facts.grammar import IndicatorGrammar

        self.metrics = IndicatorGrammar(metrics)

    def _compile_documents(self, docs: dict) -> None:
        self.doc_kind_of = {}
        kparts = []
        for kind, spec in docs["kinds"].items():
            for w in spec["words"]:
                self.doc_kind_of[norm(w).casefold()] = kind
                kparts.append(w)
        self.doc_kind_alt = alternation(kparts)
        self.doc_kind_words = word_tuple(kparts)
        self.need_so_or_symbol = frozenset(docs["need_so_or_symbol"])
        self.bare_followers_re = re.compile(
            r"\s*" + alternation(docs["bare_number_followers"]) + NOT_LETTER_AFTER + r"|\s*$|\s*[,;.)”\"]",
            re.IGNORECASE,
        )
        self.issuer_stop = StopPhrases.of(docs["issuer_stop_words"])
        self.bare_symbol_kinds = {
            form: {norm(k): v for k, v in kinds.items()} for form, kinds in docs["bare_symbol_kinds"].items()
        }


def read_lexicon(folder: Path = LEXICON_DIR) -> Lexicon:
    """Read and compile the lexicon files in folder."""
    return Lexicon(
        posts=_read_yaml(folder, "posts.yaml"),
        metrics=_read_yaml(folder, "metrics.yaml"),
        docs=_read_yaml(folder, "documents.yaml"),
        surnames=_read_lines(folder, "surnames.txt"),
        places=_read_lines(folder, "places.txt"),
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped in tasks/facts/lexicons/, read once per process."""
    return read_lexicon(LEXICON_DIR)


def _post_head_spans_plain(text: str) -> list[tuple[int, int] | None]:
    """The full 142-way post-head alternation tried at every position of text."""
    rx = default_lexicon().post_head_at.plain
    return [(m.span() if m else None) for m in (rx.match(text, i) for i in range(len(text)))]


def _post_head_spans_fast(text: str) -> list[tuple[int, int] | None]:
    heads = default_lexicon().post_head_at
    return [(m.span() if m else None) for m in (heads.match(text, i) for i in range(len(text)))]


FAST_FORMS = (
    FastForm(
        "facts.post_head_at",
        plain=_post_head_spans_plain,
        fast=_post_head_spans_fast,
        pieces=(
            "Phó Bí thư Thường trực",
            "PHÓ CHỦ TỊCH",
            "phó  chủ\ttịch",
            "Chủ tịch UBND",
            "GĐ",
            "gđ",
            "UV.BTV",
            "Ủy viên",
            "Uỷ viên",
            "Hiệu trưởng",
            "Hıệu trưởng",
            "İ",
            "ſ",
            "\u212a",
            "Trưởng ban",
            "Bí",
            "thư",
            "Tổng",
            "Giám đốc",
            "P",
        ),
        why="post heads are tried at ~20 places a page; bucketing by first two letters cuts the "
        "tries of the 142-way IGNORECASE alternation (bench/instr_ab.py: see the commit message)",
    ),
)
