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

from tasks.facts.lexicon import Lexicon
from tasks.facts.page import Page
from tasks.records import Person

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# a run starts after a non-word, non-dot character, or right after an address form glued to it
# ("Ms.Hoang Thi Linh")
_CAP_RUN = re.compile(r"(?:(?<![\w.])|(?<=\bM[rs]\.)|(?<=\bMrs\.))[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)+(?![\w])")
# a Vietnamese syllable written without diacritics: onset, 1-3 vowels, final ("Nguyen", "Thuyen",
# "Quoc"); "Memorial", "Party", "School" are not
_VI_SYLLABLE = re.compile(
    r"(?:ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?",
    re.IGNORECASE,
)
# a plural person noun before a colon: the names listed after it are people ("for four comrades:
# A (History Department), B, C")
_LIST_NOUNS = ("comrades", "members", "students", "candidates", "teachers")
_SEP_AFTER = re.compile(r"[ \t]*(?:,|–|-|—)[ \t]*|[ \t]+cum[ \t]+|[ \t]+and[ \t]+(?=[A-Z])")
_CONNECTORS = frozenset(("of", "the", "for", "in", "on"))
_GLUED_PREFIXES = ("provincial", "municipal", "city", "district", "party")
_ENGLISH_HINT = " the "


_LIST_GAP = re.compile(r"[ \t]*(?:,|,?[ \t]+and)[ \t]*")
_BRACKET = re.compile(r"[ \t]*\([^()\n]{0,80}\)")


def _after_bracket(fb: str, e: int) -> int:
    """Where a name ends with the bracket written after it ("Chu Hoa Bao Tram (History Department)")."""
    bm = _BRACKET.match(fb, e)
    return bm.end() if bm else e


def ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c))


class EnglishPeople:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.surnames = frozenset(ascii_fold(s) for s in lex.surnames)
        self.places = frozenset(ascii_fold(s) for s in lex.places)
        self.heads = lex.english_post_heads
        self.cues = lex.english_cues

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
            name = " ".join(x.group(0) for x in words[k:])
            if (
                w.group(0).casefold() in self.surnames
                and name.casefold() not in self.places
                and all(_VI_SYLLABLE.fullmatch(x.group(0)) for x in words[k + 1 :])
            ):
                return run.start() + w.start(), run.end()
        return None

    def _before(self, fb: str, s: int) -> tuple[list[str], bool]:
        """The post written right before a name, and whether an address form stands there."""
        left = fb[max(0, s - 120) : s]
        words = left.split()
        # "Le Thi Hoai,Ms. Cao Phuong Thao": the address form may be glued to the comma before it
        if words and words[-1].rsplit(",", 1)[-1].casefold() in self.cues:
            return [], True
        if words and words[-1].endswith(":") and words[-1][:-1].casefold() in _LIST_NOUNS:
            return [], True
        run: list[str] = []
        for w in reversed(words):
            if not self._post_word(w):
                break
            run.insert(0, w)
        while run and run[0].casefold() in _CONNECTORS:
            run.pop(0)
        title = " ".join(run)
        return ([title] if self._holds_head(title) else []), False

    def _after(self, fb: str, e: int) -> list[str]:
        """The posts after a name: ", Secretary of the provincial Party Committee cum Chairman ..."."""
        out = []
        pos = e
        while (sm := _SEP_AFTER.match(fb, pos)) is not None:
            run_end, p = sm.end(), sm.end()
            while (wm := _WORD.match(fb, p)) and self._post_word(wm.group(0)):
                run_end = wm.end()
                p = run_end + (1 if fb[run_end : run_end + 1] == " " else 0)
            title = fb[sm.end() : run_end].strip()
            for conn in (" and", " of", " the", " of the"):
                title = title.removesuffix(conn)
            if not self._holds_head(title) or not title[:1].isupper():
                break
            out.append(title)
            pos = sm.end() + len(title)
        return out

    def _post_word(self, w: str) -> bool:
        lw = w.casefold()
        return (
            (w[:1].isupper() and w.replace("'", "").replace("’", "").isalpha())
            or lw in _CONNECTORS
            or lw in self.heads
            or lw.startswith(_GLUED_PREFIXES)
            or lw in ("member", "members", "standing", "deputy", "vice")
        )

    def _holds_head(self, title: str) -> bool:
        return bool(title) and any(w.casefold() in self.heads for w in title.split())
