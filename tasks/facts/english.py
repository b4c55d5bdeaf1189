"""People and their posts in English editions of the portals ("Mr. Le Hong Anh - Politburo member,
Standing member of the Secretariat emphasized ...", "Party General Secretary Nguyen Phu Trong").

Names there are written without diacritics, so the surname lexicon is matched in its ASCII form.
A name is a person's when an address form ("Mr.", "Ms.") or a post stands before it, or a post
follows it after a comma or dash.  A post is a run of capitalised words and connectors ("of the",
"provincial") that holds a post head from lexicons/posts.yaml `english_post_heads`; " cum " and
", " separate posts ("Commissioner of the Central Party Committee cum Secretary of ...")."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tasks.facts.letters import LO, UP
from tasks.facts.lexicon import Lexicon
from tasks.facts.page import Page
from tasks.records import Person

_WORD = re.compile(r"[^\W_][\w'’-]*")
# an ordinal term inside a post ("Secretary of the 17th-tenure Hanoi Party Committee")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)(?:-[a-z]+)?")
# a run starts after a non-word, non-dot character, or right after an address form glued to it
# ("Ms.Hoang Thi Linh").  Names keep their diacritics on some editions ("Trần Quốc Cường", "Mùa A
# Sơn", "Điểu K're"): the letters are Vietnamese ones, a later word may be one capital or hold an
# apostrophe.
_CAP_RUN = re.compile(
    rf"(?:(?<![\w.])|(?<=\bM[rs]\.)|(?<=\bMrs\.)){UP}{LO}+(?:[ \t]+{UP}{LO}*(?:['’]{LO}+)?)+(?![\w])"
)
# a Vietnamese syllable written without diacritics: onset, 1-3 vowels, final ("Nguyen", "Thuyen",
# "Quoc"); "Memorial", "Party", "School" are not
_VI_SYLLABLE = re.compile(
    r"(?:ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?",
    re.IGNORECASE,
)
# a plural person noun before a colon: the names listed after it are people ("for four comrades:
# A (History Department), B, C")
_LIST_NOUNS = ("comrades", "members", "students", "candidates", "teachers")
# between a name and its post or two posts: a comma or dash, "cum", "and", maybe with "who is
# also a" after it (", who is also Head of the Subcommittee", ", and also a deputy head of ...")
_SEP_AFTER = re.compile(
    r"(?:[ \t]*(?:,|–|-|—)[ \t]*(?:(?:and|who)[ \t]+)?|[ \t]+cum[ \t]+|[ \t]+and[ \t]+)"
    r"(?:(?:is|was|also|a|an)[ \t]+)*"
)
_CONNECTORS = frozenset(("of", "the", "for", "in", "on", "at"))
_POST_BREAKS = frozenset(("and", "cum", "who", "which", "said", "says"))
_MAX_LOWER_GAP = 2
_GLUED_PREFIXES = ("provincial", "municipal", "city", "district", "party")
_ENGLISH_HINT = " the "


# a capitalised stretch of 2-4 words (a name when _is_name says so)
_NAME_RUN = re.compile(rf"{UP}{LO}+(?:[ \t]+{UP}{LO}*(?:['’]{LO}+)?){{1,3}}(?![\w'’]|[ \t]+{UP})")
_LIST_GAP = re.compile(r"[ \t]*(?:,|,?[ \t]+and)[ \t]*")
_BRACKET = re.compile(r"[ \t]*\([^()\n]{0,80}\)")


def _after_bracket(fb: str, e: int) -> int:
    """Where a name ends with the bracket written after it ("Chu Hoa Bao Tram (History Department)")."""
    bm = _BRACKET.match(fb, e)
    return bm.end() if bm else e


def _vi_syllable(word: str) -> bool:
    """Whether a word is a Vietnamese syllable, written with or without its diacritics ("Quoc",
    "Quốc", "A"), or an ethnic name's syllable after a glued onset ("K're", "Y’Ka")."""
    head, sep, tail = _folded(word).replace("’", "'").partition("'")
    if sep:
        return len(head) <= 2 and head.isalpha() and _VI_SYLLABLE.fullmatch(tail) is not None
    return _VI_SYLLABLE.fullmatch(head) is not None


def ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def _folded(word: str) -> str:
    """A word or name as the ASCII lexicons hold it, lower-cased (words recur: kept)."""
    return ascii_fold(word).casefold()


# the unit noun English editions write after a place's name ("Kim Giang commune", "Cam Giang district")
_PLACE_NOUN_AFTER = re.compile(r"\s+(?:commune|district|ward|town|township|province|city|village|hamlet)\b")


class EnglishPeople:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.surnames = frozenset(ascii_fold(s) for s in lex.surnames)
        self.places = frozenset(ascii_fold(s) for s in lex.places)
        self.heads = lex.english_post_heads
        self.cues = lex.english_cues
        self.post_words = lex.english_post_words
        self.org_names = lex.english_org_names_re

    def applies(self, page: Page) -> bool:
        return page.fb.count(_ENGLISH_HINT) >= 3  # the matching copy: no lower-casing needed

    def extract(self, page: Page) -> list[Person]:
        fb = page.fb
        found: dict[str, Person] = {}
        last_end = -1  # where the last person's name (and its bracket) ends
        for run in _CAP_RUN.finditer(fb):
            span = self._name_in_run(run)
            if span is None:
                continue
            s, e = span
            before, cue = self._before(fb, s)
            after = self._after(fb, e)
            cue = cue or (last_end >= 0 and _LIST_GAP.fullmatch(fb, last_end, s) is not None)
            if not (before or after or cue):
                continue
            last_end = _after_bracket(fb, e)
            titles = tuple(dict.fromkeys(before + after))
            key = " ".join(fb[s:e].split()).casefold()
            old = found.get(key)
            if old is None:
                found[key] = Person(name=page.body[s:e], titles=titles, role="mentioned", start=s, end=e)
            else:
                found[key] = Person(
                    name=old.name,
                    titles=tuple(dict.fromkeys(old.titles + titles)),
                    role=old.role,
                    start=old.start,
                    end=old.end,
                )
        return list(found.values())

    def _name_in_run(self, run: re.Match) -> tuple[int, int] | None:
        """The name a capitalised run ends with ("Party General Secretary Nguyen Phu Trong"): from
        the first surname that leaves 2-4 words, not a place; None if none."""
        words = list(re.finditer(r"\S+", run.group(0)))
        for k, w in enumerate(words):
            if len(words) - k > 4:
                continue
            if len(words) - k < 2:
                break
            if (
                _folded(w.group(0)) in self.surnames
                and _folded(" ".join(x.group(0) for x in words[k:])) not in self.places
                and all(_vi_syllable(x.group(0)) for x in words[k + 1 :])
            ):
                if (
                    w.group(0) == "To"
                    and len(words) - k == 4
                    and _folded(words[k + 1].group(0)) in self.surnames
                ):
                    continue  # "To Trinh Van Bich, former Secretary …": the preposition, then the name
                if _PLACE_NOUN_AFTER.match(run.string, run.end()):
                    return None  # "Kim Giang commune": a place
                return run.start() + w.start(), run.end()
        return None

    def _before(self, fb: str, s: int) -> tuple[list[str], bool]:
        """The posts written right before a name, first post first ("Secretary of the Party Central
        Committee, and head of the commission NAME"), and whether an address form stands there."""
        left = fb[max(0, s - 200) : s]
        words = left.split()
        # "Le Thi Hoai,Ms. Cao Phuong Thao": the address form may be glued to the comma before it
        if words and words[-1].rsplit(",", 1)[-1].casefold() in self.cues:
            return [], True
        if words and words[-1].endswith(":") and words[-1][:-1].casefold() in _LIST_NOUNS:
            return [], True
        titles: list[str] = []
        while words:
            run: list[str] = []
            while words and self._post_word(words[-1]):
                run.insert(0, words.pop())
            run = run[self._after_last_name(run) :]  # "Chairman ... Committee NAME and POST NAME"
            while run and run[0].casefold() in _CONNECTORS:
                run.pop(0)
            title = " ".join(run)
            if not self._holds_head(title):
                break
            titles.insert(0, title)
            # "POST, and POST NAME", "POST and POST NAME": the chain goes on before the separator
            if words and words[-1] == "and":
                words.pop()
            if not words or not (words[-1].endswith(",") or words[-1].isalpha()):
                break
            words[-1] = words[-1].removesuffix(",")
        return titles, False

    def _after(self, fb: str, e: int) -> list[str]:
        """The posts after a name: ", Secretary of the provincial Party Committee cum Chairman ...",
        ", former Vice Secretary of the Party civil affairs board at the provincial People's
        Committee and former Vice Chairman of ...", ", who is also Head of the Subcommittee"."""
        out = []
        pos = e
        while (sm := _SEP_AFTER.match(fb, pos)) is not None:
            start = sm.end()
            run_end = self._post_end(fb, start)
            title = fb[start:run_end].strip()
            if not self._holds_head(title) or not self._may_open(title):
                break
            if fb[run_end : run_end + 1] == " " and self._name_at(fb, run_end + 1):
                break  # "A and Vice Chairwoman of ... B": the post right before a name is that name's
            out.append(title)
            pos = run_end
        return out

    def _post_end(self, fb: str, p: int) -> int:
        """Where the post starting at p ends: after its last capitalised or post word.  Up to
        _MAX_LOWER_GAP other lower-case words may stand between two of those ("Party civil affairs
        board"); "and", "cum", a past-tense verb and punctuation end it, but an organ name of english_org_names is
        read whole ("Department of Labour, Invalids and Social Affairs")."""
        end, gap = p, 0
        while True:
            om = self.org_names.match(fb, p)
            wm = om or _WORD.match(fb, p)
            if wm is None:
                break
            w = wm.group(0)
            lw = w.casefold()
            if lw in _POST_BREAKS or (lw.endswith("ed") and w.islower()):  # "attended", "presided"
                break
            if w[:1].isupper() and self._name_at(fb, wm.start()):  # "POST Nguyễn Văn A and ..."
                break
            if om or (lw not in _CONNECTORS and self._post_word(w)):
                end, gap = wm.end(), 0
            elif lw not in _CONNECTORS:
                gap += 1
                if gap > _MAX_LOWER_GAP:
                    break
            p = wm.end() + (1 if fb[wm.end() : wm.end() + 1] == " " else 0)
        return end

    def _is_name(self, words: list[str]) -> bool:
        """Whether 2-4 capitalised words are a person's name: a surname, Vietnamese syllables, not
        a place ("Bến Tre", "Ha Noi" are places)."""
        return (
            2 <= len(words) <= 4
            and all(w[:1].isupper() for w in words)
            and _folded(words[0]) in self.surnames
            and all(_vi_syllable(w) for w in words[1:])
            and _folded(" ".join(words)) not in self.places
        )

    def _after_last_name(self, run: list[str]) -> int:
        """Where the words of a post run start after the last name inside it (0 if none): a name
        ends a capitalised stretch, so it is followed by a lower-case word or the run's end."""
        cut = 0
        for k in range(len(run) - 1):
            for n in (4, 3, 2):
                e = k + n
                if e <= len(run) and (e == len(run) or not run[e][:1].isupper()) and self._is_name(run[k:e]):
                    cut = e
                    break
        return cut

    def _name_at(self, fb: str, p: int) -> bool:
        """Whether a person's name starts at p and ends its capitalised stretch."""
        m = _NAME_RUN.match(fb, p)
        return m is not None and self._is_name(m.group(0).split())

    def _may_open(self, title: str) -> bool:
        """A post opens with a capital or a post word ("deputy head of ...", "former Director")."""
        first = title.split(None, 1)[0]
        return first[:1].isupper() or first.casefold() in self.heads or first.casefold() in self.post_words

    def _post_word(self, w: str) -> bool:
        lw = w.casefold()
        return (
            (w[:1].isupper() and w.replace("'", "").replace("’", "").isalpha())
            or lw in _CONNECTORS
            or lw in self.heads
            or lw.startswith(_GLUED_PREFIXES)
            or lw in self.post_words
            or (w[:1].isdigit() and _ORDINAL.fullmatch(lw) is not None)
        )

    def _holds_head(self, title: str) -> bool:
        return bool(title) and any(w.casefold() in self.heads for w in title.split())
