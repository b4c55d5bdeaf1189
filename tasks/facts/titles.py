"""Titles: a post head from lexicons/posts.yaml ("Bí thư", "Phó Chủ tịch") plus the organisation
phrase after it (orgs.py), and chains of them before or after a name."""

from __future__ import annotations

import re

from tasks.facts.lexicon import Lexicon, ends_with_word
from tasks.facts.orgs import OrgPhrases

Span = tuple[int, int]
_SEP_FIRST = re.compile(r"[ \t]*(?:,|–|-|—|\()[ \t]*")
_SEP_NEXT = re.compile(r"[ \t]*(?:,|–|-|—)[ \t]*")
_SEP_FIRST_CHARS = " \t,–-—("  # what _SEP_FIRST can start with
_FORMER_AT = re.compile(r"(?:nguyên|cựu|quyền)\s+", re.IGNORECASE)  # lexicon former/acting_prefixes
# what links two titles of a chain before a name: a comma, or a dash with a space beside it ("Phó
# bí thư - Chủ tịch UBND huyện Võ Văn Út")
# a short aside in brackets after a name: "(đứng giữa)", "(thứ 2 từ trái sang)"
_ASIDE = re.compile(r"[ \t]*\([ \t]*([^()\n]{1,40}?)[ \t]*\)(?=[ \t]*[,–—-])")
_COMMA_END = re.compile(r"(?:,|\s[-–]|[-–](?=\s))\s*$")
_ONE_SPACE = re.compile(" ")
# a post's term written after it ("Bí thư chi bộ nhiệm kỳ 2020-2022, Chủ tịch đoàn"): left out of
# the post, and the chain of posts goes on after it
_TERM_AFTER = re.compile(r"[ \t]+nhiệm[ \t]+kỳ[ \t]+\d{4}[ \t]*[-–][ \t]*\d{4}")
# Punctuation that no organisation-phrase token (orgs.TOKEN) holds or starts with: a title whose
# head ends before one of these cannot reach past it.
_PHRASE_BREAK = re.compile(r"[,;:()\[\]“”\"'’‘…!?–—]")
_HEAD_LOOKBACK = 120  # a title before a name has its head at most this far back
# a person cue after "và" inside what the phrase reader took as one organ ("Phó Bí thư Chi đoàn
# văn phòng và Đồng chí Diệp Kim Hương"): the post ends before "và"
_AND_CUE = re.compile(r"[ \t]+và[ \t]+(?:đồng chí|ông|bà|anh|chị|đ/c)(?![^\W\d_])", re.IGNORECASE)
# a spaced dash, then what may continue the organ after it (lexicon org_after_dash)
_DASH = re.compile(r"[ \t]*[-–][ \t]*")


# the last word of a post that names a unit: a two-syllable name right after it is the unit's place
_UNIT_WORDS = frozenset(
    (
        "ủy",
        "uỷ",
        "huyện",
        "tỉnh",
        "xã",
        "phường",
        "quận",
        "phố",
        "thị",
        "trấn",
        "thôn",
        "ấp",
        "bản",
        "xóm",
        "khu",
    )
)


def _ends_in_unit_word(fb: str, te: int) -> bool:
    sp = fb.rfind(" ", 0, te)
    return fb[sp + 1 : te].casefold() in _UNIT_WORDS


def _last_break(fb: str, start: int, end: int) -> int:
    """Offset of the last _PHRASE_BREAK character in fb[start:end], -1 if none."""
    last = -1
    for m in _PHRASE_BREAK.finditer(fb, start, end):
        last = m.start()
    return last


class Titles:
    """Post heads and title chains, read with one lexicon."""

    def __init__(self, lex: Lexicon, orgs: OrgPhrases) -> None:
        self.lex, self.orgs = lex, orgs

    def head_at(self, fb: str, pos: int, *, lower_ok: bool = False) -> re.Match | None:
        """The post head at pos.  Capitalised, unless lower_ok: right after a name and its separator
        small sites write posts in lower case ("Hoàng Hữu An – Tỉnh ủy viên, bí thư huyện ủy")."""
        if not (fb[pos].isupper() or (lower_ok and fb[pos].islower())):  # cheap test first
            return None
        return self.lex.post_head_at.match(fb, pos)

    def post_heads(self, fb: str, start: int = 0, end: int | None = None) -> list[Span]:
        """(start, end) of every capitalised post head at a word edge that starts in fb[start:end].

        Scanning only a window gives exactly the heads of a whole-text scan that start in it: a
        head's first word is one capitalised syllable, so no scan match can straddle a word start,
        and a head needs its first word followed by a non-letter, which the window's end allows
        too (the head itself is then matched on the whole text)."""
        rx = self.lex.post_head_first_re
        scan = rx.finditer(fb, start) if end is None else rx.finditer(fb, start, end)
        return self._heads_at(fb, (cm.start() for cm in scan))

    def post_heads_from(self, fb: str, words) -> list[Span]:
        """post_heads(fb) restricted to heads whose first word (as the scan reads it) is in words."""
        words = set(words)
        scan = self.lex.post_head_first_re.finditer(fb)
        return self._heads_at(fb, (cm.start() for cm in scan if cm.group(0) in words))

    def _heads_at(self, fb: str, starts) -> list[Span]:
        """(start, end) of the post heads that begin at the given scan starts: a capital at a word
        edge, then the whole head matched there."""
        heads = []
        for hs in starts:
            if not fb[hs].isupper() or (hs and fb[hs - 1].isalnum()):
                continue
            hm = self.lex.post_head_at.match(fb, hs)
            if hm:
                heads.append((hs, hm.end()))
        return heads

    def after(self, fb: str, pos: int, limit: int) -> tuple[list[Span], int]:
        """The titles right after a name ending at pos ("..., Bí thư Tỉnh ủy, Trưởng Ban ..."), and
        where the chain ends.  An aside in brackets right after the name that holds no post ("Trần
        Chí Viễn (đứng giữa) – Tỉnh ủy viên, …", a caption's place in the photo) is passed over."""
        if pos >= limit or fb[pos] not in _SEP_FIRST_CHARS:
            return [], pos
        if (am := _ASIDE.match(fb, pos, limit)) and not self.head_at(fb, am.start(1), lower_ok=True):
            pos = am.end()
        spans: list[Span] = []
        sep = _SEP_FIRST
        while sm := (
            sep.match(fb, pos, limit) or (self._bare_lower_sep(fb, pos, limit) if not spans else None)
        ):
            p = sm.end()
            fm = _FORMER_AT.match(fb, p, limit)
            hp = fm.end() if fm else p
            hm = self.head_at(fb, hp, lower_ok=True) if hp < limit else None
            if not hm and hp < limit and sm.group(0) != " " and (sep is _SEP_FIRST or fb[hp].isupper()):
                # "A – đại diện Hội phụ huynh"; later in the chain only capitalised ("A, Chủ tịch
                # Hội phụ nữ xã, Đại diện Đảng ủy xã"): ", đại diện Công đoàn" is the next attendee
                hm = self.lex.after_name_head_at.match(fb, hp)
            if not hm or not self._organ_follows(fb, hm, limit):
                break
            te = self._trimmed(fb, hm.end(), self.orgs.phrase_end(fb, hm.end(), limit, keep_term=True), limit)
            if fb[hp].islower() and self._name_right_after(fb, te, limit):
                break  # "A, trưởng Ban Tổ chức Thành ủy B dự": the lower-case post is B's
            spans.append((p, te))
            tm = _TERM_AFTER.match(fb, te, limit) if fb.startswith(" nhi", te) else None
            pos = tm.end() if tm else te  # the chain goes on after the post's term
            sep = _SEP_NEXT
        return spans, pos

    def _organ_follows(self, fb: str, hm: re.Match, limit: int) -> bool:
        """Whether a head that is a post only with its organ ("nhân viên", "đại diện") has a
        capitalised organ after it ("Nhân viên Phòng KHTT", "đại diện Hội phụ huynh", not
        "nhân viên giao hàng", "đại diện các đơn vị"); other heads need none."""
        if hm.group(0).casefold() not in self.lex.heads_need_organ:
            return True
        e = hm.end()
        return fb[e : e + 1] == " " and e + 1 < limit and fb[e + 1].isupper()

    def _bare_lower_sep(self, fb: str, pos: int, limit: int) -> re.Match | None:
        """The one space before a lower-case post written right after a name with no comma ("ông
        Nguyễn Cảnh Thảo bí thư đảng ủy", "Đồng chí Lê Đình Sơn ủy viên BCH TW Đảng"); None if
        no such post follows.  (A capitalised one is read from the name's run, people.py.)"""
        if fb[pos : pos + 1] != " " or pos + 1 >= limit or not fb[pos + 1].islower():
            return None
        if self.lex.post_head_at.match(fb, fb.rfind(" ", 0, pos) + 1):
            return None  # "Nguyễn Thị Hiền Phó trưởng ban": the run took the post's first word
        hm = self.lex.post_head_at.match(fb, pos + 1)
        if hm is None or " " not in hm.group(0) or hm.group(0).casefold() in self.lex.not_bare_lower_heads:
            return None
        return _ONE_SPACE.match(fb, pos)

    def _trimmed(self, fb: str, he: int, te: int, limit: int) -> int:
        """A post's end te (its head ending at he) corrected where the phrase reader read past it
        or stopped short: a glued dash before the next post ("UVBTV Huyện ủy-Phó Chủ tịch"), "và"
        before a person cue, and an organ continued after a spaced dash ("Trưởng Phòng Văn hoá -
        Thông tin huyện", "Nhân viên Pháp lý - Văn phòng Công ty")."""
        d = fb.find("-", he, te)
        while d >= 0:
            q = d + 2 if fb[d + 1 : d + 2] == " " else d + 1  # "xã Nà Nhạn- Phụ trách chi bộ …"
            if (
                fb[d - 1].isalpha()
                and (
                    self.lex.post_head_at.match(fb, q)
                    or (q > d + 1 and self.lex.after_name_head_at.match(fb, q))
                )
                and not self.lex.org_after_dash_re.match(fb, q)  # "Phòng Tổ chức-Cán bộ"
            ):
                te = d
                break
            d = fb.find("-", d + 1, te)
        if " và " in fb[he:te] and (am := _AND_CUE.search(fb, he, te)):
            te = am.start()
        while (dm := _DASH.match(fb, te, limit)) and dm.end() > te + 1:
            om = self.lex.org_after_dash_re.match(fb, dm.end(), limit)
            if om is None:
                break
            te = self.orgs.phrase_end(fb, om.end(), limit, keep_term=True)
        return te

    def _name_right_after(self, fb: str, te: int, limit: int) -> bool:
        """Whether a person's name follows the post ending at te with one space: not the unit's
        own two-syllable place after a post ending in a unit word ("giám đốc Sở NN&PTNT tỉnh Bạc
        Liêu", "trưởng thôn Đồng Xung")."""
        if fb[te : te + 1] != " " or te + 1 >= limit:
            return False
        ne = self.orgs.name_at(fb, te + 1, limit)
        return ne is not None and not (fb.count(" ", te + 1, ne) == 1 and _ends_in_unit_word(fb, te))

    def lower_before(self, fb: str, ss: int, pos: int) -> list[Span]:
        """A lower-case post written right before a name, after a comma or "và" ("Võ Đăng Khoa,
        trưởng Ban Tổ chức Thành ủy Trần Hữu Hiền"): small sites write posts so."""
        lo = max(ss, pos - _HEAD_LOOKBACK)
        comma, and_ = fb.rfind(", ", lo, pos), fb.rfind(" và ", lo, pos)
        cut = max(comma, and_ + 3 if and_ >= 0 else -1)  # the space after the last comma or "và"
        if cut < 0:
            return []
        hp = cut + 1
        while hp < pos and fb[hp] in " \t":
            hp += 1
        hm = self.head_at(fb, hp, lower_ok=True) if hp < pos and fb[hp].islower() else None
        if hm is None:
            return []
        te = self.orgs.phrase_end(fb, hm.end(), pos, stop_at_names=False, keep_term=True)
        if fb[te:pos].strip() or not self._name_right_after(fb, te, len(fb)):
            return []
        return [(hp, te)]

    def before(self, fb: str, ss: int, pos: int) -> list[Span]:
        """The chain of titles that ends right before pos, within the sentence starting at ss
        ("Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Thành ủy NAME"), first title first."""
        chain: list[Span] = []
        while pos > ss:
            found = self._title_ending_at(fb, ss, pos)
            if not found:
                break
            ts, te = self._with_former_prefix(fb, ss, found[0]), found[1]
            chain.insert(0, (ts, te))
            cm = _COMMA_END.search(fb, ss, ts)
            if not cm:
                break
            pos = cm.start()
        return chain

    def _title_ending_at(self, fb: str, ss: int, pos: int) -> Span | None:
        """The nearest title that ends right before pos (only spaces between), its head at most
        _HEAD_LOOKBACK characters back."""
        heads = [h for h in self.post_heads(fb, max(ss, pos - _HEAD_LOOKBACK), pos) if h[1] <= pos]
        wall = _last_break(fb, min(he for _, he in heads), pos) if heads else -1
        for hs, he in heads:
            if he <= wall:
                continue  # the title's words stop at that punctuation, before pos
            te = self.orgs.phrase_end(fb, he, pos, stop_at_names=False, keep_term=True)
            if " và " in fb[he:te] and _AND_CUE.search(fb, he, te):
                continue  # "Phó Bí thư Chi đoàn X và Đồng chí NAME": the post is the name before's
            if not fb[te:pos].strip():
                return hs, te
        return None

    def _with_former_prefix(self, fb: str, ss: int, ts: int) -> int:
        """The title's start moved back over "nguyên"/"cựu"/"quyền" written before it."""
        win = fb[max(ss, ts - 12) : ts]
        fw = ends_with_word(win.lower(), self.lex.title_prefix_words)
        if fw:
            ts = ts - (len(win) - len(win.rstrip())) - len(fw)
        return ts
