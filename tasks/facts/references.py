"""Mentions by title alone ("đồng chí Phó Bí thư Thường trực Thành ủy ..."): they update the role
of the one person already found holding that exact title."""

from __future__ import annotations

import bisect
import re

from tasks.facts.lexicon import Lexicon, ends_with_word
from tasks.facts.orgs import OrgPhrases
from tasks.facts.page import Page
from tasks.facts.persons import Found, RoleCues
from tasks.facts.titles import Span, Titles
from tasks.textnorm import match_key

_SPACES = re.compile(r"\s+")
_FORMER_LOOKBACK = 8


class TitleReferences:
    def __init__(self, lex: Lexicon, orgs: OrgPhrases, titles: Titles, roles: RoleCues) -> None:
        self.lex, self.orgs, self.titles, self.roles = lex, orgs, titles, roles
        # first words of post heads with their case-folded form (title keys are case-folded)
        self.head_first_folded = [(w, w.casefold()) for w in lex.post_head_first_words]
        self.head_first_lengths = sorted({len(fw) for _, fw in self.head_first_folded})

    def apply(self, page: Page, persons: dict[str, Found], claimed: list[Span]) -> None:
        """Raise the roles of persons referred to by title alone, outside the claimed spans."""
        by_title: dict[str, list[str]] = {}
        for key, p in persons.items():
            for tk in p.title_keys:
                by_title.setdefault(tk, []).append(key)
        if not by_title:  # references by title need a known title
            return
        claimed.sort()
        starts = [c[0] for c in claimed]
        for hs, he in self.titles.post_heads_from(page.fb, self._words_starting(by_title)):
            j = bisect.bisect_right(starts, hs) - 1
            if j >= 0 and claimed[j][0] <= hs < claimed[j][1]:
                continue
            self._read_reference(page, hs, he, by_title, persons)

    def _words_starting(self, by_title: dict[str, list[str]]) -> list[str]:
        """The post-head first words that start a known title: only those heads can refer to
        anyone.  A reference's key starts with its head's first word, case-folded; testing
        tk.startswith(fw) for every title is one set look-up of prefixes of fw's length."""
        prefixes = {tk[:n] for tk in by_title for n in self.head_first_lengths}
        return [w for w, fw in self.head_first_folded if fw in prefixes]

    def _read_reference(
        self, page: Page, hs: int, he: int, by_title: dict[str, list[str]], persons: dict[str, Found]
    ) -> None:
        body, fb = page.body, page.fb
        # The reference's key starts with its head's key (the organisation phrase, if any, follows
        # after a space), so a head that starts no known title needs no phrase read.
        hk = match_key(body[hs:he])
        if not any(tk.startswith(hk) for tk in by_title):
            return
        sentence = page.sentence_at(hs)
        if sentence is None:
            return
        ss, se = sentence
        if hs >= se or ends_with_word(fb[max(ss, hs - _FORMER_LOOKBACK) : hs].lower(), self.lex.former_words):
            return
        te = self.orgs.phrase_end(fb, he, se)
        owners = by_title.get(match_key(body[hs:te]))
        if not owners or len(owners) != 1:
            return
        nm = _SPACES.match(fb[te : te + 3])
        if nm and self.orgs.name_at(fb, te + nm.end(), se):
            return  # a title before a name: that mention was read as a person already
        persons[owners[0]].raise_role(self.roles.role(fb, ss, hs, te, se))
