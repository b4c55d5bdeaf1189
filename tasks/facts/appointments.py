"""Posts a person is appointed, elected or assigned to ("bổ nhiệm đồng chí A, post, giữ chức vụ
Trưởng Ban Tuyên giáo Tỉnh ủy", "được bầu giữ chức Bí thư Huyện ủy", "điều động ông B làm Phó
Giám đốc Sở").  The eval convention counts them among the person's posts; the term after them
("khóa XI, nhiệm kỳ 2020 - 2025") is left out.  The post goes to the person named last before it
in the sentence."""

from __future__ import annotations

import bisect
import re

from tasks.facts.lexicon import Lexicon
from tasks.facts.orgs import OrgPhrases
from tasks.facts.page import Page
from tasks.facts.persons import Found
from tasks.facts.titles import Titles

# "giữ chức (vụ|danh)", "đảm nhận/đảm nhiệm chức vụ": always an assigned post
# (literal-first patterns, no leading look-behind: the engine's fast scan finds the literal; the
# left word edge is checked in _post_starts)
_HOLD = re.compile(r"giữ\s+chức(?:\s+(?:vụ|danh))?\s+")
_TAKE_ON = re.compile(r"đảm\s+nh(?:ận|iệm)\s+chức(?:\s+(?:vụ|danh))?\s+")
# "làm POST" only in a sentence with an appointment verb ("làm" alone is any verb)
_MAKE = re.compile(r"làm\s+")
_APPOINT_WORDS = ("bổ nhiệm", "điều động", "phân công", "chỉ định", "bầu", "luân chuyển", "giới thiệu")
_APPOINT = re.compile(
    r"(?<![^\W\d_])(?:bổ nhiệm|điều động|phân công|chỉ định|bầu|luân chuyển|giới thiệu)(?![^\W\d_])"
)

Mention = tuple[int, int, str]  # start, end, person key


class AppointedPosts:
    def __init__(self, lex: Lexicon, orgs: OrgPhrases, titles: Titles) -> None:
        self.lex, self.orgs, self.titles = lex, orgs, titles

    def apply(self, page: Page, persons: dict[str, Found], mentions: list[Mention]) -> None:
        """Add every appointed-to post to the person named last before it in its sentence."""
        if not mentions or ("chức" not in page.fb and "làm" not in page.fb):  # lower-case in any writing
            return
        mentions.sort()
        starts = [m[0] for m in mentions]
        for pos in self._post_starts(page):
            sentence = page.sentence_at(pos)
            j = bisect.bisect_right(starts, pos) - 1
            if sentence is None or j < 0 or mentions[j][0] < sentence[0]:
                continue
            hm = self.titles.head_at(page.fb, pos)
            if not hm:
                continue
            te = self.orgs.phrase_end(page.fb, hm.end(), sentence[1], stop_at_names=False)
            persons[mentions[j][2]].add_titles(page.body, [(pos, te)])

    def _post_starts(self, page: Page) -> list[int]:
        lo = page.lo
        found: list[int] = []
        for rx, literal in ((_HOLD, "giữ"), (_TAKE_ON, "đảm")):
            if literal in lo:
                found.extend(
                    m.end() for m in rx.finditer(lo) if not (m.start() and lo[m.start() - 1].isalpha())
                )
        if "làm" in lo and any(w in lo for w in _APPOINT_WORDS):
            for m in _MAKE.finditer(lo):
                if m.start() and lo[m.start() - 1].isalpha():
                    continue
                sentence = page.sentence_at(m.start())
                if sentence and _APPOINT.search(lo, sentence[0], m.start()):
                    found.append(m.end())
        return found
