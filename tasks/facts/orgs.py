"""Shared token walker for organisation phrases (the part of a title after the post head, and a
document's issuer): capitalised words, acronyms, and lower-case words that continue them; and
the person-name test the walker stops at."""

from __future__ import annotations

import re
from functools import lru_cache

from tasks.facts.letters import CAP_SYL, MORE_CAP_SYL
from tasks.facts.lexicon import Lexicon, StopPhrases, ends_with_word
from tasks.textnorm import match_key

# a word; an apostrophe between two letters stays inside it (the Central Highlands' place names
# "Ea H'đing", "Cư M'gar", "Ia H'Drai"), elsewhere it is a quote.  Readable form:
#   [ \t\u00a0]*([^\W_](?:[^\s,;:()\[\]“”\"'’‘…!?–—]|['’](?=[^\W\d_]))*)
# written as an unrolled loop (runs of plain characters, then an apostrophe and its run), as fast
# as the word without apostrophes was (290 vs 322 ns a match; the alternation per character: 410)
_WORD_CHARS = r"[^\s,;:()\[\]“”\"'’‘…!?–—]*+"
TOKEN = re.compile(rf"[ \t\u00a0]*([^\W_]{_WORD_CHARS}(?:['’](?=[^\W\d_]){_WORD_CHARS})*)")
# administrative unit words no two-syllable name ends with (a capitalised "Phường" ends an organ)
_UNIT_SYLLABLES = frozenset(("phường", "xã", "huyện", "tỉnh", "quận"))


def names_a_place(lex: Lexicon, syl: list[str]) -> bool:
    """Whether a run of capitalised syllables that opens with a surname names a place, not a
    person: a gazetteer place (whole, or its first two syllables), or a surname-word with a unit
    word ("Bí thư Đoàn Phường": the ward's Youth Union; "Nguyễn Văn Phường" is a person)."""
    if " ".join(syl).casefold() in lex.places or " ".join(syl[:2]).casefold() in lex.places:
        return True
    return len(syl) == 2 and syl[1].casefold() in _UNIT_SYLLABLES


_NAME_AT = re.compile(rf"{CAP_SYL}(?:{MORE_CAP_SYL}){{1,4}}")
_NUM_AFTER = frozenset(
    (
        "quận",
        "phường",
        "khu",
        "tổ",
        "khóa",
        "khoá",
        "bộ",
        "đội",
        "thôn",
        "ấp",
        "xóm",
        "phố",  # "khu phố 3", "tổ dân phố 5"
        "vực",
        "số",
        "đoàn",
        "phòng",
    )
)
# "Bí thư Tỉnh ủy khoá XIV", "Phó Bí thư Tỉnh ủy khóa 18": a term written inside a post, in Roman
# or Arabic numerals, kept when the caller asks
_TERM = re.compile(
    r"[ \t\u00a0]*(?:khóa|khoá)[ \t\u00a0]+(?:[IVXL]+(?![^\W\d_])|\d{1,2}(?![\w/.,]\d))", re.IGNORECASE
)
_AND = ("và",)
# a dash between two capitalised halves of one organ's name, a space on one side at least
_DASH_GAP = re.compile(r"[ \t]+[-–][ \t]*|[-–][ \t]+")
# capitalised words after a dash that start something else: a credit, a dateline's place word
_NOT_AFTER_A_JOINING_DASH = frozenset(
    ("ảnh", "nguồn", "video", "clip", "theo", "tin", "bài", "photo", "tp", "tỉnh")
)
# "tối cao" after a court's or a procuracy's name ("Tòa án nhân dân tối cao", "VKSND tối cao")
_SUPREME = re.compile(r"[ \t]+cao(?![^\W\d_])")
# the first words of posts, heads of the lexicon or not ("Phó CTHDND", "Ủy viên …"): no organ's second half
_POST_FIRST_WORDS = frozenset(("phó", "trưởng", "chủ", "bí", "ủy", "uỷ", "giám", "thành", "đại", "cán"))
# the last word of a unit a two-syllable place name is written after ("khu phố Đồng Sổ")
_UNIT_WORDS = frozenset(("phố", "thôn", "ấp", "xóm", "bản", "làng", "xã", "phường"))
# Words a unit or institution named after a historic figure is written after ("phường Nguyễn
# Trung Trực", "Trường Đại học Phạm Văn Đồng", "Trường THPT Lê Quý Đôn"): a name right after one
# is the unit's.  Not "trường" ("Bộ Tài nguyên và Môi trường NAME") nor "Khoa học".
_NAMESAKE_BEFORE = ("học", "thpt", "thcs", "phường", "đường")
_NOT_NAMESAKE_BEFORE = ("khoa học",)


def namesake_before(left: str) -> bool:
    """Whether the text before a name ends with a word a unit's namesake follows."""
    t = left.rstrip().casefold()
    return ends_with_word(t, _NAMESAKE_BEFORE) is not None and not t.endswith(_NOT_NAMESAKE_BEFORE)


_LAST_WORD = re.compile(r"(\w+)\W*$")


def _head_last_word(fb: str, pos: int) -> str:
    """The last word before pos (a post head's: "Ban" of "Trưởng Ban")."""
    m = _LAST_WORD.search(fb, max(0, pos - 12), pos)
    return m.group(1) if m else ""


_WORDS_BEFORE_A_HEAD = (
    "ban",
    "đảng",
    "ủy",
    "phòng",
)  # "Văn phòng Chủ tịch nước"    # "Trưởng Ban Tuyên giáo": the head is inside the phrase


# "Tỉnh Đoàn Thanh Hoá", "Thành Đoàn Hà Nội": after these words "Đoàn" is the Youth Union's organ
# at that level, not the surname of a name that starts there
_YOUTH_UNION_LEVELS = frozenset(("tỉnh", "thành", "huyện", "quận", "thị"))


def union_organ_at(word_before: str, word: str) -> bool:
    """Whether word, after word_before, is the Youth Union organ's "Đoàn" ("Tỉnh Đoàn")."""
    return word == "Đoàn" and word_before.casefold() in _YOUTH_UNION_LEVELS


@lru_cache(maxsize=1)
def _provinces_ending_in_a_surname() -> dict[str, frozenset[str]]:
    """Province names (before and after the 2025 merger) whose last syllable is also a surname
    ("Hải Dương", "Bình Dương", "Bắc Giang", "An Giang"), from the gazetteer the anatomy loaded
    (the same tables, not a second read): last syllable (case-folded) -> match keys of the names."""
    from tasks.anatomy.rules import default_rules  # the one gazetteer (no network)
    from tasks.facts.lexicon import default_lexicon

    tables, surnames = default_rules().gazetteer.locator.tables, default_lexicon().surnames
    out: dict[str, set[str]] = {}
    for name in tables.legacy_provinces | tables.merged_provinces:
        last = name.rsplit(None, 1)[-1].casefold()
        if " " in name and last in surnames:
            out.setdefault(last, set()).add(match_key(name))
    return {k: frozenset(v) for k, v in out.items()}


def province_goes_on(word_before: str, word: str) -> bool:
    """Whether word, after word_before, ends a province's name ("Tỉnh ủy Hải Dương Nguyễn Hồng
    Sơn": "Dương" ends the organ's place; the name starts after it)."""
    keys = _provinces_ending_in_a_surname().get(word.casefold())
    return keys is not None and match_key(f"{word_before} {word}") in keys


@lru_cache(maxsize=1)
def _place_names() -> tuple[frozenset[str], frozenset[str]]:
    """Match keys of the gazetteer's province, district, commune and ward names of two or three
    syllables, and their first syllables (case-folded, the cheap test first)."""
    from tasks.anatomy.rules import default_rules  # the one gazetteer (no network)

    t = default_rules().gazetteer.locator.tables
    names = {
        k
        for table in (t.districts, t.communes_legacy, t.communes_merged)
        for k in table
        if 1 <= k.count(" ") <= 2
    } | {match_key(n) for n in t.legacy_provinces | t.merged_provinces if 1 <= n.count(" ") <= 2}
    return frozenset(names), frozenset(k.split(" ", 1)[0] for k in names)


def place_ends_at(syllables: list[str], k: int) -> bool:
    """Whether syllables[k] ends a place's name of two or three syllables that starts in the same
    run ("Gia Lâm" in "Huyện ủy Gia Lâm Nguyễn Tiến Việt", "Thạch Hà" in "Huyện ủy Thạch Hà
    Nguyễn Văn An"): the run holds the organ's place before the person's name."""
    names, firsts = _place_names()
    for n in (2, 3):
        i = k - n + 1
        if (
            i >= 0
            and syllables[i].casefold() in firsts
            and match_key(" ".join(syllables[i : k + 1])) in names
        ):
            return True
    return False


def continues_organ(word_before: str, word: str) -> bool:
    """Whether a capitalised word that is also a surname goes on with the organ before it (the
    Youth Union's "Tỉnh Đoàn", a province's "Hải Dương") instead of starting a person's name."""
    return union_organ_at(word_before, word) or province_goes_on(word_before, word)


def _capital_after_hyphen(tok: str) -> bool:
    h = tok.rfind("-")
    return 0 <= h < len(tok) - 1 and tok[h + 1].isupper()


class OrgPhrases:
    """Organisation phrases and person names, read with one lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        # a document written after "và" ("của Ban Bí thư và Hướng dẫn số 01-HD/TW"): the kind word
        # and its number start a new reference, not the organ's second half
        self._document_at = re.compile(rf"(?:{lex.doc_kind_alt})(?:\s+(?:số|Số|No\.))?\s*\d", re.IGNORECASE)

    def name_at(self, fb: str, pos: int, limit: int) -> int | None:
        """The end of a person name starting exactly at pos, or None.  Surname first, not a place,
        and followed by something that can follow a name (punctuation, end, or a lower-case stop
        word).

        The name is the whole run of capitalised syllables (up to five): a shorter reading would
        be followed by the next capitalised syllable, which is never a boundary."""
        m = _NAME_AT.match(fb, pos, limit)
        if not m:
            return None
        syl = m.group(0).split()
        lex = self.lex
        if syl[0].casefold() not in lex.surnames:
            return None
        if names_a_place(lex, syl):
            return None
        end = m.end()
        return end if self.name_may_end(fb, end, limit) else None

    def name_may_end(self, fb: str, end: int, limit: int) -> bool:
        """Whether what follows fb[:end] can follow a name (punctuation, the limit, a lower-case stop word)."""
        if end >= limit:
            return True
        ch = fb[end]
        if not ch.isspace():
            return not ch.isalnum()
        m = TOKEN.match(fb, end, limit)
        if not m:
            return True
        tok = m.group(1)
        if tok[0].isupper() or tok[0].isdigit():
            return False
        return self._stop_from(fb, m, limit, self.lex.title_stop)

    def _stop_from(self, fb: str, m: re.Match, limit: int, stops: StopPhrases) -> bool:
        """Whether a stop phrase starts with the token m (a TOKEN match the caller already made)."""
        words = [m.group(1).rstrip(".").casefold()]
        if words[0] not in stops.firsts:
            return False
        longest = self.lex.title_stop_max
        while True:
            if " ".join(words) in stops.phrases:
                return True
            if len(words) >= longest:
                return False
            p = m.end()
            nxt = TOKEN.match(fb, p, limit)
            if not nxt or nxt.start(1) - p > 2:
                return False
            m = nxt
            words.append(m.group(1).rstrip(".").casefold())

    def phrase_end(
        self,
        fb: str,
        pos: int,
        limit: int,
        *,
        stops: StopPhrases | None = None,
        max_tokens: int = 14,
        stop_at_names: bool = True,
        keep_term: bool = False,
    ) -> int:
        """End offset of the organisation phrase starting at pos (pos itself if none).

        keep_term: a term written inside the post ("khoá XIV") stays in it.  After a steering
        committee ("Ban chỉ đạo", lexicon remit_orgs) the phrase runs on over its remit."""
        stops = self.lex.title_stop if stops is None else stops
        end = p = pos
        prev_cap = True  # right after a post head ("Trưởng Ban", "Bí thư"): behave as after a capital
        prev_word = ""
        remit = False
        cap_term = False  # the last word is the lower-case syllable of a capitalised term ("Chính sách")
        for _ in range(max_tokens):
            m = TOKEN.match(fb, p, limit)
            if (
                not m
                and ((prev_cap and prev_word[:1].isupper()) or cap_term)
                and (dj := self._dash_joined_at(fb, p, limit, term=not prev_cap))
            ):
                m = dj  # "Ban Chính sách – Chiến lược Trung ương", "cơ quan Đảng – Đoàn thể": one organ
            cap_term = False
            if not m:
                break
            tok, ts = m.group(1), m.start(1)
            if ts > p and fb[p:ts].count(" ") > 2:
                break
            if tok.endswith("-") and self._post_head_after(fb, m.end(), limit):
                end = m.end() - 1  # "Bí thư Đảng ủy- Chủ tịch HĐND": the glued hyphen separates
                break
            if tok[0].isdigit():
                # "Đội CSGT số 2", "khu vực 2"; "số 05/KL-UBND" is a document's number; a unit
                # numbered after its place's name when the number ends the phrase ("Chi bộ Định
                # Thọ 2 – …"; "… xã Tân An 20 năm" is a count)
                if (
                    not (
                        prev_word.casefold() in _NUM_AFTER
                        or prev_word.isupper()
                        or self._numbered_place_end(fb, m, prev_word, limit)
                    )
                    or "/" in tok
                ):
                    break
                prev_cap, prev_word = False, tok
            elif tok[0].isupper():
                if (cn := self._comma_name_at(fb, ts, limit, tok)) is not None:
                    end = p = cn  # "Sở Văn hóa, Thể thao và Du lịch": the comma is the name's
                    prev_cap, prev_word = True, "name"
                    continue
                namesake = namesake_before(fb[max(pos, ts - 12) : ts])
                if (namesake or prev_word in _UNIT_WORDS) and (
                    ne := self._namesake_at(fb, ts, limit, any_length=namesake)
                ):
                    end = p = ne  # the unit's namesake, whole
                    prev_cap, prev_word = True, "namesake"
                    continue
                if self._capital_ends_phrase(
                    fb, ts, limit, tok, prev_word, first=p == pos, stop_at_names=stop_at_names
                ):
                    break
                prev_cap, prev_word = True, tok
            else:
                w = tok.rstrip(".").casefold()
                if keep_term and w in ("khóa", "khoá") and (tm := _TERM.match(fb, p, limit)):
                    end = p = tm.end()
                    # the term closes the post: a lower-case word after it is the sentence's verb
                    # ("Phó Bí thư Tỉnh ủy khóa XIX báo cáo kết quả")
                    prev_cap, prev_word = False, "khóa"
                    continue
                if remit and (rw := self._remit_word_end(w, fb, m, limit)):
                    end = p = rw
                    prev_cap, prev_word = False, w
                    continue
                if w == "tối" and (hm := _SUPREME.match(fb, m.end(), limit)):
                    end = p = hm.end()  # "Viện trưởng VKSND tối cao": "tối" is no evening here
                    prev_cap, prev_word = False, "cao"
                    continue
                if w in _AND and self._and_continues_organ(fb, m.end(), limit):
                    pass
                elif (
                    w in self.lex.verb_named_organ_firsts  # the cheap test first
                    and (vn := self._verb_named_organ_end(prev_word or _head_last_word(fb, pos), fb, m))
                    is not None
                ):
                    end = p = vn  # "Ủy ban kiểm tra", "đoàn kiểm tra": the verb names the organ
                    prev_cap, prev_word = True, "tra"
                    continue
                elif self._stop_from(fb, m, limit, stops):
                    rm = self._remit_org_end(prev_word or _head_last_word(fb, pos), fb, m, limit)
                    if rm is None:
                        break
                    end = p = rm
                    prev_cap, prev_word, remit = False, "đạo", True
                    continue
                elif not (prev_cap or remit or w in self.lex.org_lower):
                    break
                # "Văn hoá-Thông tin": after a hyphen and a capital the word is a capitalised one
                cap_term = prev_cap and prev_word[:1].isupper()
                prev_cap, prev_word = _capital_after_hyphen(tok), w
            end = p = m.end()
            if prev_word == "đạo" and not remit:  # "Ban Chỉ đạo" written capitalised
                # (from before pos: "Ban" may be the head's last word, "Trưởng ban Chỉ đạo thi THPT")
                remit = fb[max(0, ts - 8) : ts].casefold().endswith(("ban chỉ ", "ban chỉ\u00a0"))
            if not tok[0].isdigit() and tok.endswith("."):
                break
        # a trailing dot belongs to the sentence, not to "TP.HCM"
        while end > pos and fb[end - 1] in ".":
            end -= 1
        return end

    def _numbered_place_end(self, fb: str, m: re.Match, prev_word: str, limit: int) -> bool:
        """Whether the number m (one or two digits) after a capitalised word closes the phrase:
        punctuation or the limit right after it."""
        tok = m.group(1)
        if not (prev_word[:1].isupper() and len(tok) <= 2 and tok.isdigit()):
            return False
        e = m.end()
        return e >= limit or fb[e] in ",.;:)–—-" or fb.startswith((" –", " -", " —"), e)

    def _dash_joined_at(self, fb: str, p: int, limit: int, term: bool = False) -> re.Match | None:
        """The capitalised word after a spaced dash at p that goes on with the organ before it
        (two capitalised halves of one name: "Chính sách – Chiến lược"), as a TOKEN match; None
        when what follows starts a post, a person's name, a credit or anything in lower case.
        term: the organ before ends on a capitalised term's lower-case syllable ("Ban Chính sách"):
        the half after the dash must be such a term too ("Chiến lược"), not a post's first word."""
        dm = _DASH_GAP.match(fb, p, limit)
        if dm is None:
            return None
        nm = TOKEN.match(fb, dm.end(), limit)
        if nm is None or not nm.group(1)[0].isupper() or nm.group(1).casefold() in _NOT_AFTER_A_JOINING_DASH:
            return None
        ts = nm.start(1)
        if self.lex.post_head_at.match(fb, ts) or (
            nm.group(1).casefold() in self.lex.surnames and self.name_at(fb, ts, limit)
        ):
            return None
        if term:
            if self.lex.after_name_head_at.match(fb, ts) or nm.group(1).casefold() in _POST_FIRST_WORDS:
                return None
            second = TOKEN.match(fb, nm.end(), limit)
            if second is None or not second.group(1)[:1].islower():
                return None
        return nm

    def _comma_name_at(self, fb: str, ts: int, limit: int, tok: str) -> int | None:
        """The end of an organ name that holds a comma (lexicon org_names_with_comma) at ts, else None."""
        first = tok.split(",", 1)[0].casefold()
        if first not in self.lex.org_comma_name_firsts:  # cheap test first
            return None
        m = self.lex.org_comma_name_re.match(fb, ts, limit)
        return m.end() if m else None

    def _namesake_at(self, fb: str, ts: int, limit: int, *, any_length: bool) -> int | None:
        """The end of the name a unit is named after at ts: any name after a namesake word, a
        two-syllable one after a unit word ("khu phố Đồng Sổ", "thôn Lê Xá"; three syllables
        there are more often the person after a post: "Chủ tịch UBND xã Trần Văn An")."""
        ne = self.name_at(fb, ts, limit)
        if ne is None or any_length:
            return ne
        return ne if fb.count(" ", ts, ne) == 1 else None

    def _post_head_after(self, fb: str, pos: int, limit: int) -> bool:
        nm = TOKEN.match(fb, pos, limit)
        return bool(nm and nm.start(1) > pos and self.lex.post_head_at.match(fb, nm.start(1)))

    def _verb_named_organ_end(self, prev: str, fb: str, m: re.Match) -> int | None:
        """Where the verb of an organ named by one ends when it follows the organ's noun prev
        ("ban" + "kiểm tra"; lexicon organs_named_by_a_verb), else None."""
        verbs = self.lex.verb_named_organs.get(prev.casefold())
        vm = verbs.match(fb, m.start(1)) if verbs is not None else None
        return vm.end() if vm is not None else None

    def _remit_word_end(self, w: str, fb: str, m: re.Match, limit: int) -> int | None:
        """Where a remit function word ("của", "thực hiện") starting with w at m ends, else None."""
        nxt = TOKEN.match(fb, m.end(), limit)
        if nxt and f"{w} {nxt.group(1).casefold()}" in self.lex.remit_words:
            return nxt.end()
        return m.end() if w in self.lex.remit_words else None

    def _remit_org_end(self, prev: str, fb: str, m: re.Match, limit: int) -> int | None:
        """Where a remit organ ends when the words at m complete one after prev ("chỉ đạo" after
        "Ban"), else None."""
        if prev.casefold() != "ban":
            return None
        nxt = TOKEN.match(fb, m.end(), limit)
        if nxt and f"ban {m.group(1).casefold()} {nxt.group(1).casefold()}" in self.lex.remit_orgs:
            return nxt.end()
        return None

    def _and_continues_organ(self, fb: str, pos: int, limit: int) -> bool:
        """Whether "và" at pos joins two halves of one organ's name ("Sở Kế hoạch và Đầu tư", "HĐND
        và UBND"): the next word is capitalised and starts neither a post head nor a person's name."""
        nm = TOKEN.match(fb, pos, limit)
        if not nm or not nm.group(1)[0].isupper():
            return False
        ts = nm.start(1)
        if self.lex.post_head_at.match(fb, ts) or self._document_at.match(fb, ts, limit):
            return False
        if self.lex.award_at.match(fb, ts, limit):
            return False  # "… Chủ tịch HĐND tỉnh và Huy hiệu 30 năm tuổi Đảng cho …": what else is given
        return not (nm.group(1).casefold() in self.lex.surnames and self.name_at(fb, ts, limit))

    def _capital_ends_phrase(
        self, fb: str, ts: int, limit: int, tok: str, prev_word: str, *, first: bool, stop_at_names: bool
    ) -> bool:
        """Whether a capitalised token at ts starts something else: a person's name, or a new post
        head of two or more words (a new title: "..., Trưởng Ban" - without a comma it is rare)."""
        if (
            stop_at_names
            and tok.casefold() in self.lex.surnames
            and not continues_organ(prev_word, tok)
            and self.name_at(fb, ts, limit)
        ):
            return True
        if not first and prev_word.casefold() not in _WORDS_BEFORE_A_HEAD:
            hm = self.lex.post_head_at.match(fb, ts)
            if hm and " " in hm.group(0):
                return True
        return False
