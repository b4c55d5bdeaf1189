"""People and their posts.

A person is a name (2-5 capitalised syllables, first a known surname, not a known place) that the
article marks as a person: an address form before it ("đồng chí", "ông", "bà", "Đ/c", a rank), a
chain of titles before it ("Bí thư Quận ủy Ngô Thành Tuấn") or after it ("Đào Trọng Đức, Ủy viên
Ban Thường vụ Thành ủy, Trưởng Ban Tổ chức Thành ủy").  A title is a post head from
lexicons/posts.yaml plus the organisation phrase after it (titles.py, orgs.py).  Later mentions by
title alone ("đồng chí Phó Bí thư Thường trực Thành ủy") only update the role of the one person
holding that title (references.py).  The byline author is never a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from operator import attrgetter

from tasks.facts.appointments import AppointedPosts
from tasks.facts.english import EnglishPeople
from tasks.facts.letters import LO, MORE_CAP_SYL, UP
from tasks.facts.lexicon import Lexicon, ends_with_word, word_tuple
from tasks.facts.orgs import OrgPhrases, continues_organ, names_a_place, namesake_before, place_ends_at
from tasks.facts.page import Page
from tasks.facts.persons import Found, RoleCues
from tasks.facts.references import TitleReferences
from tasks.facts.titles import Span, Titles
from tasks.records import Person
from tasks.textnorm import match_key

_START = attrgetter("start")  # a sort key read in C (no Python frame per item)

# runs of 2+ capitalised syllables; the scan has no leading look-behind (name_runs checks the left
# edge).  The first syllable is CAP_SYL_SCAN without its look-ahead: the separator that must follow
# it is no letter, so the look-ahead could never fail there (a cheaper failed attempt at every
# capital of an acronym: 251k to 237k instructions a page for the scan)
CAPSEQ = re.compile(rf"{UP}{LO}*+(?:{MORE_CAP_SYL})+")
_HONORIFIC = frozenset(("ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "đồng", "em"))
# what may stand between two names of one list ("đồng chí A và B", "A, B, C", "quần chúng ưu tú
# Nguyễn Thị Hoa- Nguyễn Thị Hằng- Nguyễn Thị Dung"; a dash before a post is no gap: a post is no name)
_LIST_GAPS = frozenset((",", "và", ", và", ";", "-", "–"))
_LIST_ASIDE_MAX = 40  # the longest aside in brackets after a listed name ("(sinh ngày 04/3/2006)")
_DASHES = frozenset(("-", "–"))  # a post after a list's last name and one of these is the list's
_ADDRESS_BEFORE = re.compile(r"(?<=\S)[ \t]+(?:ông|bà|đồng chí)[ \t]+$")
# the last word of a title that names an organ or unit: a two-syllable name right after it with no
# cue is the unit's place ("Phó Bí thư Thường trực Huyện uỷ Đồng Hỷ"), not a person
_ORGAN_END = frozenset(("ủy", "uỷ", "huyện", "tỉnh", "xã", "phường", "quận", "phố", "thị", "trấn"))
_PLACE_BEFORE = word_tuple(
    [
        "phố",
        "đường",
        "trường",
        "xã",
        "phường",
        "thôn",
        "bản",
        "huyện",
        "quận",
        "tỉnh",
        "làng",
        "cầu",
        "chợ",
        "khu",
        "tượng đài",
        "nhà văn hóa",
        "công ty",
        "thị trấn",
        "thành phố",
        "tp",
        "tp.",
        "sông",
        "núi",
        "đền",
        "chùa",
        "giải",
        "quỹ",
        "học bổng",
        "tư tưởng",
        "lăng",
        "bảo tàng",
        "di tích",
        "hẻm",
        "ngõ",
        "ấp",
        "xóm",
        "lớp",
        "khóa",
    ]
)
# An address form right before a name: the name may be followed by any verb ("ông A thi công")
# ("quần chúng ưu tú A thuộc Chi bộ", "đảng viên A thuộc Chi bộ": the person nouns of admissions)
# (and the kin terms and person nouns small sites use for students, youths and elders: "kết nạp cho
# em Nguyễn Phương Thảo học sinh lớp 12C12", "anh Lò Văn Sơn làm ...")
_ADDRESS_FORMS = word_tuple(
    [
        "ông",
        "bà",
        "đồng chí",
        "đ.c",
        "đ/c",
        "bác sĩ",
        "bác sỹ",
        "ưu tú",
        "đảng viên",
        "em",
        "anh",
        "chị",
        "học sinh",
        "sinh viên",
        "quần chúng",
        "đoàn viên",
    ]
)
_ADDRESS_LOOKBACK = 12
# a plural address form before a post: the post is every listed name's ("các đồng chí Phó Giám đốc
# Sở Lưu Tấn Lại, Trương Hồng Giang")
_PLURAL_CUES = word_tuple(["các đồng chí", "các ông", "các bà", "các đ/c"])
_LAST_WORD = re.compile(r"([^\W\d_]+)[ \t]+$")
_NONSPACE = re.compile(r"\S+")
_CUE_LOOKBACK = 40
_CREDIT_BEFORE = re.compile(r"(?:ảnh|Ảnh|ẢNH|nguồn|Nguồn|photo|Photo|video|Video|clip|Clip)\s*:$")
_LIST_CUE_LOOKBACK = 80  # how far before a colon the noun naming the listed people may stand
# what opens such a list: a colon, or the copula or "gồm" ("3 quần chúng ưu tú vinh dự được đứng vào
# hàng ngũ của Đảng là Đỗ Trường Sơn (sinh ngày 04/3/2006), Lưu Yến Nhi ... và Phùng Ngọc Bích")
# between a post written once and the colon of the list of its holders
_LIST_LEAD = re.compile(
    r"[ \t]+(?:gồm có|gồm|bao gồm)(?:[ \t]+(?:các[ \t]+)?(?:ông|bà|đồng chí|đ/c))?[ \t]*$"
)
_LIST_OPENER_ENDS = (":", "là", "gồm", "gồm có")
_LIST_OPENER = re.compile(r"(?::|(?<![^\W\d_])(?:là|gồm có|gồm|bao gồm))\s*$")


# function words no name ends with: a capitalised one after a name is the next word, capitalised
# by a site ("Hồ Chí Minh Đã khẳng định")
# (or a preposition opening the next sentence, its full stop lost: "… Nguyễn Thị Thanh Thủy Trong
# không khí trang nghiêm …")
_VERB_WORDS = frozenset(
    ("Đã", "Và", "Là", "Của", "Sẽ", "Đang", "Cũng", "Thì", "Đều", "Vẫn", "Trong", "Tại", "Với", "Theo", "Sau")
)
_VERB_ENDS = tuple(" " + w for w in _VERB_WORDS)


def _without_glued_verb(fb: str, m: re.Match) -> re.Match | None:
    """The run m without its last syllable when that is a function word (None if no run is left)."""
    cut = fb.rfind(" ", m.start(), m.end())
    return CAPSEQ.fullmatch(fb, m.start(), cut)


def _has_cue(left: str, cues: tuple[str, ...], modifiers: tuple[str, ...]) -> bool:
    """Whether the text before a name ends with an address form or person noun, maybe with one
    modifier after it ("quần chúng ưu tú", "Nhà báo lão thành")."""
    t = left.rstrip().rstrip(":").lower()
    if t.endswith((";", ":")):
        return True
    mod = ends_with_word(t, modifiers)
    if mod:
        t = t[: len(t) - len(mod)]
    return ends_with_word(t, cues) is not None


def _at_word_edge(fb: str, m: re.Match | None) -> re.Match | None:
    """The capitalised run m, or its part that starts at a word edge ("TP HCM Nguyễn Văn Được"
    gives "Nguyễn Văn Được": the scan regex may first land on the "M" of "HCM"); None if none.
    The part starts after the next plain space: a tab or no-break space there is not a word edge
    here (kept as it was; reading those as edges finds 3 more people in the 5,089 digest pages)."""
    while m is not None and m.start() and fb[m.start() - 1].isalnum():
        sp = fb.find(" ", m.start(), m.end())
        m = CAPSEQ.match(fb, sp + 1) if sp >= 0 else None
    return m


def name_runs(fb: str):
    """The runs of 2+ capitalised syllables that start at a word edge, in order.

    The scan has no leading look-behind, so the regex engine's first-character skip works; the
    left edge is checked here.  That saves 8 % of clean+extract CPU (in-process A/B over the
    3,000-page stage_times sample: 62 µs of ~770 µs/page).  Its plain form, a run that no
    letter or digit precedes, differs only after a glued word with a tab or no-break space (see
    _at_word_edge), so it is not declared in FAST_FORMS until that reading is settled."""
    for m in CAPSEQ.finditer(fb):
        if m.start() and fb[m.start() - 1].isalnum():
            edge = _at_word_edge(fb, m)
            if edge is None:
                continue
            m = edge
        yield m


def read_run(lex: Lexicon, run: str) -> tuple[int | None, bool] | None:
    """Where the name in a capitalised run starts, read from the run's text alone: (offset,
    honorific) when the run from offset is a whole name as `OrgPhrases.name_at` reads one (only
    what follows the run can still rule it out), (None, False) when a name may start at a later
    syllable after a title (`PeopleExtractor._name_inside`), None when the run holds no name."""
    sp = run.find(" ")
    first = (run[:sp] if sp > 0 else run).casefold()
    honorific = first in _HONORIFIC
    if first in lex.surnames:
        off = 0
    elif honorific and sp > 0:  # "Ông Nguyễn Văn A": the name starts after the address form
        off = sp + 1
        while off < len(run) and run[off] in " \t\u00a0":
            off += 1
    elif run.count(" ") >= 2 and any(w.casefold() in lex.surnames for w in run.split()[1:-1]):
        return None, False
    else:
        return None
    # name_at from off: up to five syllables, surname first, not a place; a sixth capitalised
    # syllable (the run goes on) is never a name boundary
    syl = run[off:].split()
    if not 2 <= len(syl) <= 5 or syl[0].casefold() not in lex.surnames:
        return None
    if names_a_place(lex, syl):
        return None
    return off, honorific


@dataclass
class Mention:
    """A name found in a sentence: name span, sentence span, the run it came from."""

    start: int
    end: int
    sentence: Span
    run_start: int
    honorific: bool
    bare_post: bool = False  # a post follows the name with only a space ("đồng chí A Bí thư Đảng ủy")


class PeopleExtractor:
    """People of a page, read with one lexicon."""

    def __init__(self, lex: Lexicon, orgs: OrgPhrases, titles: Titles) -> None:
        self.lex, self.orgs, self.titles = lex, orgs, titles
        self.roles = RoleCues(lex)
        self.references = TitleReferences(lex, orgs, titles, self.roles)
        self.appointed = AppointedPosts(lex, orgs, titles)
        self.english = EnglishPeople(lex)
        # Most runs ("Hà Nội", "Phó Chủ", a leader's name) recur page after page, and reading one
        # costs more than the look-up: the extractor keeps its readings (3 % of clean+extract CPU,
        # in-process A/B over the 3,000-page stage_times sample).
        self.read_run = lru_cache(maxsize=16384)(partial(read_run, lex))  # (partial: no Python frame)

    def extract(self, page: Page, author: str | None) -> list[Person]:
        """The people of the page, in order of first mention."""
        rd = _Reading()
        author_key = match_key(author).strip() if author else None
        fb, read = page.fb, self.read_run
        # name_runs and _mention's first test, inlined: most runs hold no name (read_run is None),
        # and this loop spares them a generator step and a method call
        for found in CAPSEQ.finditer(fb):
            st = found.start()
            m = _at_word_edge(fb, found) if st and fb[st - 1].isalnum() else found
            if m is not None and st and fb[st - 1] == "/":  # "Đ/C Nguyễn Tiềm": the cue's "C" opened the run
                sp = fb.find(" ", st, m.end())
                m = CAPSEQ.match(fb, sp + 1) if sp >= 0 else None
            if m is None:
                continue
            run = m.group(0)
            glued = run.endswith(_VERB_ENDS)
            if glued:
                m = _without_glued_verb(fb, m)  # "Chủ tịch Hồ Chí Minh Đã khẳng định"
                if m is None:
                    continue
                run = m.group(0)
            reading = read(run)
            if reading is None:
                continue
            mention = self._mention(page, m, reading, rd, glued)
            if mention is None:
                continue
            nkey = match_key(page.body[mention.start : mention.end])
            if nkey not in rd.persons:
                if (known := _known_after_first(page, mention, rd)) is not None:
                    mention, nkey = known
                elif (short := _short_form_of_known(nkey, rd)) is not None:
                    nkey = short  # "hai đồng chí Lâm Anh và Hồ Ninh" after "Uông Thị Lâm Anh và Hồ Thị Ninh"
            if author_key and _is_author(nkey, author_key):
                continue
            self._read_mention(page, mention, nkey, rd)
        persons = rd.persons
        self.references.apply(page, persons, rd.claimed)
        self.appointed.apply(page, persons, rd.mentions)
        out = [
            Person(name=p.name, titles=tuple(p.titles), role=p.role, start=p.start, end=p.end)
            for p in persons.values()
        ]
        if self.english.applies(page):
            out = _merge_english(out, self.english.extract(page))
        out.sort(key=_START)
        return out

    def _mention(
        self, page: Page, m: re.Match, reading: tuple[int | None, bool], rd: _Reading, glued: bool = False
    ) -> Mention | None:
        """The name a capitalised run holds (read_run read it as `reading`), with its sentence;
        None if it holds none.  glued: the run had the next word glued on (cut off already): a
        name that goes on a list of names ends where the run now ends ("… Nguyễn Thị Dung, Nguyễn
        Thị Thanh Thủy Trong không khí …"); elsewhere the word after it still decides."""
        fb = page.fb
        off, honorific = reading
        run_start, run_end = m.span()
        s = self._name_inside(page, m) if off is None else run_start + off
        if s is None:
            return None
        if off is not None and not honorific and (after_place := self._name_after_place(m)) is not None:
            s, off = after_place, None  # "Huyện ủy Thạch Hà Nguyễn Văn An": the place, then the name
        sentence = page.sentence_at(s)
        if sentence is None or s >= sentence[1]:
            return None
        se = sentence[1]
        if off is None:
            e = self.orgs.name_at(fb, s, se)
        else:  # the run itself is the name (read_run): only what follows it can still rule it out
            if self._run_ends_in_post_head(fb, s, run_end):
                e = self._name_before_bare_post(fb, s, run_end)
                if e is not None:
                    return Mention(s, e, sentence, run_start, honorific, bare_post=True)
                if fb.count(" ", s, run_end) == 1:
                    return None  # "Đoàn Thư ký gồm 2 đồng chí": a post's head, no name before it
            may_end = (
                (glued and rd.continues_list(fb, sentence[0], s))
                or self.orgs.name_may_end(fb, run_end, se)
                or self._addressed(fb, s, run_end)
                or self._listed_after_addressed(fb, sentence[0], s, run_end, rd)
            )
            e = run_end if may_end else None
            if e is None:
                e = self._name_before_bare_post(fb, s, run_end)
                if e is not None:
                    return Mention(s, e, sentence, run_start, honorific, bare_post=True)
        return Mention(s, e, sentence, run_start, honorific) if e else None

    def _run_ends_in_post_head(self, fb: str, s: int, run_end: int) -> bool:
        """Whether the run's last syllable opens a post head that goes on past the run ("đ/c Huỳnh
        Thị Hồng Bí thư chi bộ": the run took "Bí" of "Bí thư"), so the name ends before it."""
        last = fb.rfind(" ", s, run_end)
        if last < 0:
            return False
        hm = self.lex.post_head_at.match(fb, last + 1)
        return hm is not None and hm.end() > run_end

    def _name_before_bare_post(self, fb: str, s: int, run_end: int) -> int | None:
        """Where an addressed name ends when its post follows with no comma ("đồng chí Phùng Văn
        Thái Bí thư Đảng ủy", "đ/c Trần Thị Khánh Phương Phó bí thư Chi bộ"): the capitalised run
        took the post head's first syllables.  The name keeps 2-4 syllables; None if no head."""
        if ends_with_word(fb[max(0, s - _ADDRESS_LOOKBACK) : s].lower(), _ADDRESS_FORMS) is None:
            return None
        q = fb.find(" ", s, run_end)  # the name's first syllable ends here
        for _ in range(3):
            q = fb.find(" ", q + 1, run_end)
            if q < 0:
                return None
            if self.lex.post_head_at.match(fb, q + 1):
                return q
        return None

    def _addressed(self, fb: str, s: int, run_end: int) -> bool:
        """Whether the run at s is a name after an address form ("ông", "bà", "đồng chí", "Đ/c")
        and a lower-case word follows it ("ông Nguyễn Hoài Thu thi công"); not a post head
        ("bà Phó Chủ tịch").  A run of 4+ syllables may have the next sentence's first word
        glued on ("ông Nguyễn Thiện Nhân Cụ thể"): only "X Thị Y Z" is read so."""
        nxt = fb[run_end + 1 : run_end + 2]
        syl = fb[s:run_end].split()
        return (
            fb[run_end : run_end + 1] == " "
            and (len(syl) <= 3 or (len(syl) == 4 and syl[1].casefold() == "thị"))
            and nxt.islower()
            and ends_with_word(fb[max(0, s - _ADDRESS_LOOKBACK) : s].lower(), _ADDRESS_FORMS) is not None
            and self.lex.post_head_at.match(fb, s) is None
        )

    def _listed_after_addressed(self, fb: str, ss: int, s: int, run_end: int, rd: _Reading) -> bool:
        """Whether the run at s is a name that continues a list of names whose first one an
        address form marks, a lower-case word after it ("2 quần chúng ưu tú Trương Hải Nam và Lê
        Văn Thường thuộc chuyên ngành …"): the address form is the whole list's."""
        return (
            rd.continues_list(fb, ss, s)
            and rd.list_addressed
            and fb[run_end : run_end + 1] == " "
            and fb[run_end + 1 : run_end + 2].islower()
            and len(fb[s:run_end].split()) <= 4
            and self.lex.post_head_at.match(fb, s) is None
            # nor the head of a post the lower-case word ends ("Hinh, Phí Bí thư Tỉnh ủy": a typo)
            and self.lex.post_head_at.match(fb, fb.rfind(" ", s, run_end) + 1) is None
        )

    def _name_after_place(self, m: re.Match) -> int | None:
        """Where a name starts after the place a run of capitalised syllables opens with ("Thạch Hà
        Nguyễn Văn An": a place of two or three syllables, then a surname and at least one more
        syllable), else None.  Six syllables and more are never one name."""
        if m.group(0).count(" ") < 3:  # fewer than four syllables: the cheap test first (every mention)
            return None
        syl = list(_NONSPACE.finditer(m.group(0)))
        if len(syl) < 4:
            return None
        words = [w.group(0) for w in syl]
        for n in (2, 3):
            if len(syl) - n >= 2 and words[n].casefold() in self.lex.surnames and place_ends_at(words, n - 1):
                return m.start() + syl[n].start()
        return None

    def _name_inside(self, page: Page, m: re.Match) -> int | None:
        """In "... Tổ chức huyện ủy Chư Sê Lê Kim Khoa" the capitalised run starts with the end of
        a title; a name may start at a later syllable if a title chain ends right before it."""
        syl = list(_NONSPACE.finditer(m.group(0)))
        if len(syl) < 3:
            return None
        words = [w.group(0) for w in syl]
        for k in range(1, len(syl) - 1):
            if continues_organ(syl[k - 1].group(0), syl[k].group(0)):
                continue  # "Bí thư Tỉnh Đoàn Thanh Hoá", "Tỉnh ủy Hải Dương Nguyễn …": no name yet
            if words[k + 1].casefold() in self.lex.surnames and place_ends_at(words, k):
                continue  # "Huyện ủy Gia Lâm Nguyễn Tiến Việt": "Lâm" ends the place, not a name
            if syl[k].group(0).casefold() in self.lex.surnames:
                s = m.start() + syl[k].start()
                sentence = page.sentence_at(s)
                if sentence is not None and self.titles.before(page.fb, sentence[0], s):
                    return s
        return None

    def _read_mention(self, page: Page, mn: Mention, nkey: str, rd: _Reading) -> None:
        """Add the mention as a person if the text marks it as one (or it is known already)."""
        fb = page.fb
        (ss, se), s, e = mn.sentence, mn.start, mn.end
        if any(cs < s and e <= ce for cs, ce in rd.claimed[-4:]):
            rd.unit_places.add(nkey)  # inside a post read already: its unit's place, here and
            return  # later ("Phó chủ tịch xã Trần Phán")
        left = fb[max(ss, s - _CUE_LOOKBACK) : s]
        shared = self._shared_titles(fb, ss, s, rd)
        cue = (
            _has_cue(left, self.lex.person_cues, self.lex.cue_modifiers)
            or (mn.honorific and s != mn.run_start)
            or rd.continues_list(fb, ss, s)
            or bool(shared)
            or self._first_after_listing_colon(fb, ss, s, left)
        )
        before = self.titles.before(fb, ss, _before_address_form(left, s))
        after, chain_end = self._titles_after(fb, mn, se)
        known = nkey in rd.persons
        if not (before or cue) and fb[s - 1 : s] == " " and fb[max(ss, s - 2) : s - 1].isalpha():
            before = self.titles.lower_before(fb, ss, s)
        if not (cue or before or after or known):
            return
        if not cue and nkey in rd.unit_places:
            return
        if not cue and not before and _looks_like_a_place_or_institution(left, known, after):
            return
        if not cue and not known and namesake_before(left):  # "phường Nguyễn Trung Trực"
            return
        if not (cue or after or known) and _unit_place_after_title(fb, before, s, e):
            return
        listed = rd.continues_list(fb, ss, s)
        if listed and not before and not after:  # "các đồng chí Phó Giám đốc Sở A, B": B's post too
            shared = shared + rd.list_titles
        role = self.roles.role(fb, ss, s, chain_end, se, before[0][0] if before else s)
        p = rd.persons.get(nkey)
        if p is None:
            name = page.body[s:e]
            if name.isupper():  # set in capitals ("đồng chí PHAN VĂN PHỤNG"): stored in title case
                name = name.title()
            p = rd.persons[nkey] = Found(name, s, e, role)
        p.add_titles(page.body, shared + before + after)
        p.raise_role(role)
        self._share_dashed_post_back(page, rd, nkey, listed, shared + before, after, e)
        rd.claimed.extend(before)
        rd.claimed.extend(after)
        rd.claimed.append((s, e))
        rd.mentions.append((s, e, nkey, chain_end))
        if not listed:
            plural = before and ends_with_word(
                fb[max(ss, before[0][0] - 16) : before[0][0]].lower(), _PLURAL_CUES
            )
            rd.list_titles = before if plural and not after else []
            rd.list_addressed = ends_with_word(left.lower(), _ADDRESS_FORMS) is not None
        rd.last_sentence, rd.last_end = ss, chain_end

    def _share_dashed_post_back(
        self, page: Page, rd: _Reading, nkey: str, listed: bool, own: list[Span], after: list[Span], e: int
    ) -> None:
        """A post written once after a dash that ends a list of bare names is every listed name's
        ("gồm: A, B, C - sinh viên Khoa Kinh tế"; "A và B - Ủy viên").  rd.bare_list holds the
        names of the current list that carry no post of their own."""
        if not listed:
            rd.bare_list = [] if own or after else [nkey]
            return
        if own:
            rd.bare_list = []
        elif not after:
            rd.bare_list.append(nkey)
        else:
            if page.fb[e : after[0][0]].strip() in _DASHES:
                for k in rd.bare_list:
                    rd.persons[k].add_titles(page.body, after[:1])
            rd.bare_list = []

    def _titles_after(self, fb: str, mn: Mention, se: int) -> tuple[list[Span], int]:
        """The titles after a mention's name, and where they end; a bare post (one space after the
        name) is the first of them."""
        if not mn.bare_post:
            return self.titles.after(fb, mn.end, se)
        hm = self.lex.post_head_at.match(fb, mn.end + 1)
        assert hm is not None  # _name_before_bare_post found it
        te = self.orgs.phrase_end(fb, hm.end(), se, keep_term=True)
        more, chain_end = self.titles.after(fb, te, se)
        return [(mn.end + 1, te), *more], chain_end

    def _first_after_listing_colon(self, fb: str, ss: int, s: int, left: str) -> bool:
        """Whether the name opens a list after a colon (or "là", "gồm") in a sentence that names
        whom it lists ("Các học sinh được kết nạp lần này, gồm: Ngô Thị Nguyên, ..."); the next
        names continue it."""
        if not left.rstrip().endswith(_LIST_OPENER_ENDS):  # cheap test before the regex
            return False
        opener = _LIST_OPENER.search(left)
        if opener is None:
            return False
        c = s - len(left) + opener.start()
        if _CREDIT_BEFORE.search(fb, max(ss, c - 8), c + 1):  # "(Ảnh: Lê Dương)" credits, lists nobody
            return False
        return self.lex.list_cue_nouns_re.search(fb, max(ss, c - _LIST_CUE_LOOKBACK), c) is not None

    def _shared_titles(self, fb: str, ss: int, s: int, rd: _Reading) -> list[Span]:
        """Titles written once before a colon for every name of the list after it ("các đồng chí
        Ủy viên Ban Thường vụ Tỉnh uỷ: A, Trưởng Ban ...; B, Chủ nhiệm ...").  When the names right
        after the colon carry no post of their own ("nguyên Tổng Bí thư: A, B; C, post"), the list
        ends at the first semicolon."""
        c = fb.rfind(":", ss, s)
        if c < 0:
            return []
        if c not in rd.shared:
            # "Ba Phó bí thư Tỉnh ủy gồm các ông: A, …; B, …": the post, then who holds it
            lead = _LIST_LEAD.search(fb, max(ss, c - 30), c) if "g" in fb[max(ss, c - 30) : c] else None
            rd.shared[c] = self.titles.before(fb, ss, lead.start() if lead else c)
        if not rd.shared[c]:
            return []
        semi = fb.find(";", c, s)
        if semi >= 0 and not self.titles.post_heads(fb, c + 1, semi):
            return []
        return rd.shared[c]


@dataclass
class _Reading:
    """What one page's reading has found so far."""

    persons: dict[str, Found] = field(default_factory=dict)
    claimed: list[Span] = field(default_factory=list)  # names and titles read as a person's
    mentions: list[tuple[int, int, str, int]] = field(default_factory=list)  # name, key, titles' end
    shared: dict[int, list[Span]] = field(default_factory=dict)  # colon offset -> titles before it
    list_titles: list[Span] = field(default_factory=list)  # posts written once before a plural cue's list
    unit_places: set[str] = field(default_factory=set)  # names read inside a post: units' places
    last_sentence: int = -1
    last_end: int = -1
    list_addressed: bool = False  # an address form marks the first name of the current list
    bare_list: list[str] = field(default_factory=list)  # the current list's names with no post yet

    def continues_list(self, fb: str, ss: int, s: int) -> bool:
        """Whether the name at s follows the last person's name (and titles) in a list, an aside in
        brackets after it or not ("A (sinh ngày 04/3/2006), B (sinh ngày 13/2/2006) và C")."""
        if ss != self.last_sentence or s <= self.last_end:
            return False
        gap = fb[self.last_end : s].strip()
        if gap.startswith("(") and 0 < (close := gap.find(")")) <= _LIST_ASIDE_MAX:
            gap = gap[close + 1 :].strip()
        return gap in _LIST_GAPS


def _short_form_of_known(nkey: str, rd: _Reading) -> str | None:
    """The key of the one person found already whose name this two-syllable name shortens: its
    last two syllables ("Lâm Anh" of "Uông Thị Lâm Anh"), or its surname and last syllable ("Hồ
    Ninh" of "Hồ Thị Ninh"); None when no person, or more than one, fits."""
    words = nkey.split()
    if len(words) != 2:
        return None
    fits = [
        key
        for key in rd.persons
        if (kw := key.split())
        and len(kw) >= 3
        and (kw[-2:] == words or (kw[0] == words[0] and kw[-1] == words[1]))
    ]
    return fits[0] if len(fits) == 1 else None


def _known_after_first(page: Page, mn: Mention, rd: _Reading) -> tuple[Mention, str] | None:
    """The mention without its first syllable when that is a person found already ("Đ/c Phan
    Minh Tuấn …" then "Đồng Phan Minh Tuấn - UV BTV Thành ủy …": a cut "Đồng chí" glued on; "Đồng"
    is also a surname), with its key; None otherwise."""
    body = page.body
    sp = body.find(" ", mn.start, mn.end)
    if sp < 0 or body.count(" ", sp + 1, mn.end) < 1:
        return None
    key = match_key(body[sp + 1 : mn.end])
    if key not in rd.persons:
        return None
    return replace(mn, start=sp + 1), key


def _merge_english(out: list[Person], english: list[Person]) -> list[Person]:
    """The people of an English edition: a name the Vietnamese reading found too (diacritics kept)
    gets the English posts after its own."""
    at = {match_key(p.name): i for i, p in enumerate(out)}
    for p in english:
        i = at.get(match_key(p.name))
        if i is None:
            out.append(p)
        else:
            old = out[i]
            out[i] = replace(old, titles=tuple(dict.fromkeys(old.titles + p.titles)))
    return out


def _before_address_form(left: str, s: int) -> int:
    """Where a title before the name must end: before "ông"/"bà"/"đồng chí" written between them
    ("Đại biểu HĐND tỉnh ông Trần Sinh Toàn"), else at the name."""
    if not left.rstrip().endswith(("ông", "bà", "chí")):  # cheap test before the regex
        return s
    m = _ADDRESS_BEFORE.search(left)
    return s - len(left) + m.start() if m else s


def _unit_place_after_title(fb: str, before: list[Span], s: int, e: int) -> bool:
    """A two-syllable name right after a title ending in an organ word is that unit's place."""
    if not before or fb.count(" ", s, e) != 1:
        return False
    last = fb[before[-1][0] : before[-1][1]].rsplit(None, 1)[-1].casefold()
    return last in _ORGAN_END


def _is_author(nkey: str, author_key: str) -> bool:
    return nkey == author_key or nkey in author_key.split(" - ") or author_key.endswith(" " + nkey)


def _looks_like_a_place_or_institution(left: str, known: bool, after: list[Span]) -> bool:
    """For a name with no cue and no title before it: a place word before it ("đường Lê Lợi"), or
    another capitalised word ("Trường Chính trị Trường Chinh") when nothing else marks it."""
    if after and ends_with_word(left.lower(), _PLACE_BEFORE):
        return True
    pm = _LAST_WORD.search(left)
    return bool(pm and pm.group(1)[0].isupper() and not known and not after)
