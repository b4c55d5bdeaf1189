"""Posts a person is appointed, elected or assigned to ("bổ nhiệm đồng chí A, post, giữ chức vụ
Trưởng Ban Tuyên giáo Tỉnh ủy", "được bầu giữ chức Bí thư Huyện ủy", "điều động ông B làm Phó
Giám đốc Sở", "miễn nhiệm chức vụ Chủ tịch UBND huyện đối với ông C").  The eval convention
counts them among the person's posts; the term after them ("khóa XI, nhiệm kỳ 2020 - 2025") is
left out.  The post goes to the person named last before it in the sentence and to every name
listed right before that one ("bổ nhiệm các đồng chí A, post và B, post làm Phó Giám đốc Sở");
a post named before "đối với" goes to the names listed after it."""

from __future__ import annotations

import bisect
import re

from tasks.facts.lexicon import Lexicon
from tasks.facts.orgs import OrgPhrases
from tasks.facts.page import Page
from tasks.facts.persons import Found
from tasks.facts.titles import Titles
from tasks.fastforms import FastForm

# "giữ chức (vụ|danh)", "đảm nhận/đảm nhiệm chức vụ": always an assigned post
# (literal-first patterns, no leading look-behind: the engine's fast scan finds the literal; the
# left word edge is checked in _post_starts)
_HOLD = re.compile(r"giữ\s+chức(?:\s+(?:vụ|danh))?\s+")
_TAKE_ON = re.compile(r"đảm\s+nh(?:ận|iệm)\s+chức(?:\s+(?:vụ|danh))?\s+")
# "được tín nhiệm bầu lại chức vụ bí thư Tỉnh Đoàn", "bổ nhiệm lại chức vụ Trưởng phòng": the office
# named right after the appointment verb
_TO_OFFICE = re.compile(r"(?:bầu|bổ\s+nhiệm)(?:\s+lại)?\s+(?:vào\s+)?chức\s+(?:vụ|danh)\s+")
# "tái đắc cử Bí thư Chi bộ", "trúng cử chức danh Chủ tịch": the post a person is (re-)elected to
_ELECTED_PLAIN = re.compile(r"(?:tái\s+)?(?:đắc|trúng)\s+cử(?:\s+chức(?:\s+(?:vụ|danh))?)?\s+")
# the same matches with the optional "tái" as a branch of its own, so that every branch opens with
# a literal letter (an optional group first leaves the engine no letter to skip to: it tried the
# pattern at every character of the page); "tái" is tried first, as the greedy "?" does
_ELECTED = re.compile(r"(?:tái\s+(?:đắc|trúng)|đắc|trúng)\s+cử(?:\s+chức(?:\s+(?:vụ|danh))?)?\s+")
# "làm POST" only in a sentence with an appointment verb ("làm" alone is any verb)
_MAKE = re.compile(r"làm\s+")
# "Chi bộ gồm 5 đảng viên, do đ/c Võ Văn Tiền - Chủ tịch LĐLĐ huyện làm Bí thư": who leads a unit
# (literal first, no look-behind: the left word edge is checked where it is used)
_LED_BY = re.compile(r"do (?:đồng\s+chí|đ/c|ông|bà)\s+[^.;:\n]{3,120}?\slàm\s+")
_LED_BY_HINTS = ("do đ", "do ông", "do bà")
_APPOINT_THEN_MAKE = ("bầu ", "bổ nhiệm ", "chỉ định ", "phân công ", "điều động ")
_APPOINT_WORDS = ("bổ nhiệm", "điều động", "phân công", "chỉ định", "bầu", "luân chuyển", "giới thiệu")
_APPOINT = re.compile(
    r"(?<![^\W\d_])(?:bổ nhiệm|điều động|phân công|chỉ định|bầu|luân chuyển|giới thiệu)(?![^\W\d_])"
)
# "(bổ nhiệm|miễn nhiệm) chức vụ POST đối với (các) ông A, B": the office is named before the
# people; the sentence must name an office or an appointment for "đối với" to mean that
_FOR = re.compile(r"đối\s+với\s+")
_OFFICE = re.compile(r"(?<![^\W\d_])(?:chức\s+(?:vụ|danh)|bổ\s+nhiệm|miễn\s+nhiệm|bầu)(?![^\W\d_])")
_FOR_BOUNDS = re.compile(r";|chức\s+(?:vụ|danh)\s+|đối\s+với\s+")
# what may stand between an office and "đối với": its term ("khóa XVIII, nhiệm kỳ 2011 - 2016")
_TERM_GAP = re.compile(
    r"[\s,]*(?:(?:khóa|khoá)\s+[ivxl]+)?[\s,]*(?:nhiệm\s+kỳ\s+\d{4}\s*[-–]\s*\d{4})?\s*", re.IGNORECASE
)
# between "đối với" and the first name, and between two listed names (after the first's titles)
_FOR_LEAD = re.compile(r"\s*(?:(?:các\s+)?(?:đồng\s+chí|ông|bà|đ/c)\s+)?")
_LIST_GAP = re.compile(r"\s*(?:,|và|,\s*và)\s*(?:(?:đồng\s+chí|ông|bà|đ/c)\s+)?")
# a career written as a list of posts ("đã đảm nhiệm nhiều vị trí công tác như Ủy viên ...; Thường
# vụ Tỉnh ủy, Đại tá, Chỉ huy trưởng ..."): each post of the list, its term kept, is the person's
_CAREER = re.compile(
    r"(?:đảm\s+nhiệm|đảm\s+nhận|kinh\s+qua|trải\s+qua|từng\s+giữ|giữ)\s+(?:nhiều|các)\s+"
    r"(?:vị\s+trí|chức\s+vụ|cương\s+vị)(?:\s+(?:công\s+tác|lãnh\s+đạo|quan\s+trọng|khác\s+nhau))*"
    r"(?:\s+như|\s*:)\s+"
)
_CAREER_SEP = re.compile(r"[ \t]*[;,][ \t]*")
# "Ủy ban Quốc phòng và An ninh của Quốc hội": an organ "of" a capitalised one is still the post's
_OF_ORGAN = re.compile(r"[ \t]+của[ \t]+(?=[^\W\d_])")
_WORD_START = re.compile(r"(?<![^\W_])[^\W\d_]")

Mention = tuple[int, int, str, int]  # name start, name end, person key, end of its titles


class AppointedPosts:
    def __init__(self, lex: Lexicon, orgs: OrgPhrases, titles: Titles) -> None:
        self.lex, self.orgs, self.titles = lex, orgs, titles

    def apply(self, page: Page, persons: dict[str, Found], mentions: list[Mention]) -> None:
        """Add every appointed-to post to the people it names."""
        if not mentions:  # before the substring scans of the whole text below
            return
        fb = page.fb
        career = "vị trí" in fb or "chức vụ" in fb or "cương vị" in fb  # lower-case in any writing
        if "chức" not in fb and "làm" not in fb and " cử" not in fb and not career:
            return
        mentions.sort()
        starts = [m[0] for m in mentions]
        for pos, lower_ok in self._post_starts(page):
            sentence = page.sentence_at(pos)
            j = bisect.bisect_right(starts, pos) - 1
            if sentence is None or j < 0 or mentions[j][0] < sentence[0]:
                continue
            hm = self.titles.head_at(page.fb, pos, lower_ok=lower_ok)
            if not hm:
                continue
            te = self.orgs.phrase_end(page.fb, hm.end(), sentence[1], stop_at_names=False)
            for k in _listed_before(page.lo, mentions, j, sentence[0]):
                persons[mentions[k][2]].add_titles(page.body, [(pos, te)])
        if "đối" in page.lo:
            self._apply_for(page, persons, mentions, starts)
        if career:
            self._apply_career(page, persons, mentions, starts)

    def _apply_career(self, page: Page, persons: dict[str, Found], mentions: list[Mention], starts) -> None:
        """ "NAME đã đảm nhiệm nhiều vị trí công tác như POST; POST, POST": the posts go to the
        name written last before the list in its sentence.  A list that reaches its sentence's end
        goes on in the next sentences that open with a post and name nobody (a biography's lines)."""
        fb = page.fb
        for cm in _CAREER.finditer(page.lo):
            sentence = page.sentence_at(cm.start())
            j = bisect.bisect_right(starts, cm.start()) - 1
            if sentence is None or j < 0 or mentions[j][0] < sentence[0]:
                continue
            posts: list[tuple[int, int]] = []
            p, se = cm.end(), sentence[1]
            while self._career_posts(fb, p, se, posts):
                nxt = page.sentence_at(se + 1)
                k = bisect.bisect_left(starts, se)
                if nxt is None or nxt[0] <= p or (k < len(starts) and starts[k] < nxt[1]):
                    break
                p, se = nxt
            persons[mentions[j][2]].add_titles(page.body, posts)

    def _career_posts(self, fb: str, p: int, se: int, posts: list[tuple[int, int]]) -> bool:
        """Read the posts listed from p to the sentence end se into posts; whether the list
        reached se."""
        while p < se and (hm := self.titles.head_at(fb, p)):
            te = self._career_post_end(fb, hm.end(), se)
            posts.append((p, te))
            sm = _CAREER_SEP.match(fb, te, se)
            if sm is None:
                # "Phó Bí thư Tỉnh ủy phụ trách xây dựng Đảng; Ủy viên ...": a remit, then the next post
                semi = fb.find(";", te, se)
                if semi < 0 or not fb[te : te + 2].strip()[:1].islower():
                    return fb[te:se].strip(" \t.") == ""
                sm = _CAREER_SEP.match(fb, semi, se)
                assert sm is not None  # a semicolon always matches
            p = sm.end()
        return False

    def _career_post_end(self, fb: str, pos: int, limit: int) -> int:
        """The end of a career post whose head ends at pos, over "của <Organ>" and the term."""
        te = self.orgs.phrase_end(fb, pos, limit, stop_at_names=False, keep_term=True)
        om = _OF_ORGAN.match(fb, te, limit)
        if om and fb[om.end()].isupper():
            oe = self.orgs.phrase_end(fb, om.end(), limit, stop_at_names=False, keep_term=True)
            te = oe if oe > om.end() else te
        return te

    def _apply_for(self, page: Page, persons: dict[str, Found], mentions: list[Mention], starts) -> None:
        """ "chức vụ POST đối với ông A, B": the post goes to the names listed after "đối với"."""
        lo = page.lo
        for fm in _FOR.finditer(lo):
            if fm.start() and lo[fm.start() - 1].isalpha():
                continue
            sentence = page.sentence_at(fm.start())
            if sentence is None or not _OFFICE.search(lo, sentence[0], fm.start()):
                continue
            post = self._office_before(page, sentence[0], fm.start())
            if post is None:
                continue
            for k in _listed_after(lo, mentions, starts, fm.end(), sentence[1]):
                persons[mentions[k][2]].add_titles(page.body, [post])

    def _office_before(self, page: Page, ss: int, pos: int) -> tuple[int, int] | None:
        """The post that ends right before pos, but for its term, after the last boundary (";",
        "chức vụ", an earlier "đối với") in the sentence; the first post head that reaches pos."""
        lo, fb = page.lo, page.fb
        lo_start = ss
        for bm in _FOR_BOUNDS.finditer(lo, ss, pos):
            lo_start = bm.end()
        for wm in _WORD_START.finditer(fb, lo_start, pos):
            hm = self.titles.head_at(fb, wm.start(), lower_ok=True)
            if not hm:
                continue
            te = self.orgs.phrase_end(fb, hm.end(), pos, stop_at_names=False)
            gap = _TERM_GAP.match(lo, te, pos)
            if gap and gap.end() == pos:
                return wm.start(), te
        return None

    def _post_starts(self, page: Page) -> list[tuple[int, bool]]:
        """Where appointed posts start, and whether the post may be written in lower case (after
        "giữ chức vụ" it is one; after "làm" only a capitalised head is)."""
        lo = page.lo
        found: list[tuple[int, bool]] = []
        for rx, literal in ((_HOLD, "giữ"), (_TAKE_ON, "đảm"), (_ELECTED, " cử"), (_TO_OFFICE, "chức")):
            if literal in lo:
                found.extend(
                    (m.end(), True)
                    for m in rx.finditer(lo)
                    if not (m.start() and lo[m.start() - 1].isalpha())
                )
        make = "làm" in lo  # one scan of the text for both "làm" patterns
        if make and any(h in lo for h in _LED_BY_HINTS):
            found.extend(
                (m.end(), False)
                for m in _LED_BY.finditer(lo)
                if not (m.start() and lo[m.start() - 1].isalpha())
            )
        if make and any(w in lo for w in _APPOINT_WORDS):
            for m in _MAKE.finditer(lo):
                if m.start() and lo[m.start() - 1].isalpha():
                    continue
                sentence = page.sentence_at(m.start())
                if sentence and _APPOINT.search(lo, sentence[0], m.start()):
                    # right after the verb ("được bầu làm ủy viên UBND xã") the post may be in lower case
                    found.append(
                        (m.end(), lo[max(0, m.start() - 14) : m.start()].endswith(_APPOINT_THEN_MAKE))
                    )
        return found


def _listed_before(lo: str, mentions: list[Mention], j: int, ss: int) -> list[int]:
    """Mention j and the mentions listed right before it in its sentence ("A, post và B, post")."""
    out = [j]
    k = j - 1
    while k >= 0 and mentions[k][0] >= ss:
        gap = _LIST_GAP.fullmatch(lo, mentions[k][3], mentions[k + 1][0])
        if gap is None:
            break
        out.append(k)
        k -= 1
    return out


def _listed_after(lo: str, mentions: list[Mention], starts, pos: int, se: int) -> list[int]:
    """The mentions listed from pos on ("các ông A, B, C"; "ông A và bà B")."""
    k = bisect.bisect_left(starts, pos)
    if k >= len(mentions) or mentions[k][0] >= se or not _FOR_LEAD.fullmatch(lo, pos, mentions[k][0]):
        return []
    out = [k]
    while k + 1 < len(mentions) and mentions[k + 1][0] < se:
        if not _LIST_GAP.fullmatch(lo, mentions[k][3], mentions[k + 1][0]):
            break
        k += 1
        out.append(k)
    return out


def _elected_plain(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _ELECTED_PLAIN.finditer(text)]


def _elected(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _ELECTED.finditer(text)]


FAST_FORMS = (
    FastForm(
        "facts.appointments.elected",
        plain=_elected_plain,
        fast=_elected,
        pieces=(
            "tái",
            "đắc",
            "trúng",
            " ",
            "  ",
            "\n",
            "cử",
            "chức",
            "vụ",
            "danh",
            "x",
            "tái trúng",
            "đắc cử ",
        ),
        why='scanned over the lower-cased page wherever " cử" occurs; opening with an optional group, '
        "it was tried at every character",
    ),
)
