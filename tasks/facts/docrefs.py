"""Document references: "Nghị quyết số 28-NQ/TU", "Kết luận số 08-KL/ĐU ngày 14/7/2014 của ...",
"Chỉ thị số 05 của Bộ Chính trị", "Quyết định 05 ngày 28-8-2018 của Ban Bí thư".

A reference needs a number right after the kind word (optionally after "số").  "Nghị quyết
Trung ương 4", "Nghị quyết Đại hội Đảng bộ quận" have none and are not references (decision
documented in docs/facts.md).  One row per distinct document: same kind and same number value,
with equal or missing symbols, are merged (first mention gives the span; symbol, issuer and date
are filled from any mention).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from operator import attrgetter

from tasks.facts.lexicon import Lexicon
from tasks.facts.orgs import OrgPhrases
from tasks.facts.page import Page
from tasks.records import DocumentRef
from tasks.textnorm import match_key

_START = attrgetter("start")  # a sort key read in C (no Python frame per item)

_SYM = r"[A-ZĐ][A-Za-zĐđ]*(?:[-/][A-Za-zĐđ0-9]+)+"
_DATE = re.compile(
    r"\s*,?\s*(?:ban hành\s+)?ngày\s+(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))",
    re.IGNORECASE,
)
_ISSUER = re.compile(r"\s*,?\s*(?:của|do)\s+(?=[^\W\d_])", re.IGNORECASE)
_NOT_A_NUMBER_AFTER = re.compile(
    r"\s*(?:%|/|năm\b|tháng\b)", re.IGNORECASE
)  # "Quyết định 5%", "Kế hoạch 2/..."
_SPACES = re.compile(r"\s+")
_SYM_TAIL = r"[A-ZĐ][A-Za-zĐđ]*(?:-[A-Za-zĐđ0-9]+)*(?![\w/])"
# bare symbols: Party "35-CT/TW", State "06/CT-TTg", "123/2019/QĐ-UBND" (the kind from the letters)
_BARE_PARTY = re.compile(r"(?<![\w/.-])(?P<num>\d{1,4})-(?P<letters>[A-ZĐ][A-Za-zĐđ]{1,3})/" + _SYM_TAIL)
_BARE_STATE = re.compile(
    r"(?<![\w/.-])(?P<num>\d{1,4})(?:/(?:19|20)\d{2})?/(?P<letters>[A-ZĐ][A-Za-zĐđ]{1,3})-" + _SYM_TAIL
)
_NON_DIGITS = re.compile(r"\D")
# a symbol that is only the number's year ("202/2025"), or the year and the legislature
_YEAR_ONLY_SYMBOL = re.compile(r"/(?:19|20)\d{2}(?:/[A-ZĐ][A-Za-zĐđ]*\d*)?$")
_LIST_SYMBOL = re.compile(r"\s*[-–]\s*" + _SYM)  # the symbol after a list's last number
# more numbers under one kind word and "số": "Quyết định số 2174 và 2175 – NQ/QU", "số 12, 13"
_MORE_NUMBERS = re.compile(
    r"[ \t]*(?:,[ \t]*và|,|và)[ \t]*(?P<num>\d{1,4})(?![\d,.%]|[ \t]*(?:năm|tháng|ngày)\b)"
)
# a State symbol whose issuer is set off by a spaced dash, maybe with the legislature's number
# after a space ("819/NQ – UBTVQH 14"): the letters, the dash, an upper-case issuer
_SYM_SPACED = r"[A-ZĐ][A-Za-zĐđ]{1,3}[ \t]*[-–][ \t]*[A-ZĐ][A-ZĐ0-9]+(?:[ \t]?\d{2}(?![\w/]))?"
# the spaces a symbol is written with around its separators ("4854- QĐ/QU"), dropped
_SYM_SEP_SPACES = re.compile(r"[ \t]*([-–/])[ \t]*")


def _doc_re(lex: Lexicon) -> re.Pattern:
    return re.compile(
        r"(?<![^\W\d_])(?P<kind>" + lex.doc_kind_alt + r")"
        # a qualifier between kind word and number: "Nghị quyết liên tịch", and "Thông báo kết
        # luận số 59-TB/TU", a notice of conclusions (its symbol says TB): the first word is the kind
        r"(?:\s+(?:liên tịch|chuyên đề|kết luận))?"
        r"(?:\s*\([A-ZĐ][A-Za-zĐđ]{0,4}\))?"  # "Nghị quyết (NQ) 28": the kind's abbreviation
        # "số", "số:" ("Quyết định số: 3101-QĐ/ĐU"), in English "No." / "No" ("Decision No
        # 4896-QĐ/TU"); "s" on pages whose stored text lost its Vietnamese letters ("Quy định s
        # 45-QĐ/TW", "Quyết định s: 143-QĐ/ĐU"): a lone "s" then a number is no other word
        r"(?P<so>\s+(?:số|No\.?|s(?=[ \t]*:?[ \t]*\d))(?:[ \t]*:)?)?\s*(?P<num>\d{1,4}[a-z]?)(?![\d,.]\d)"
        r"(?P<sym>\s*[-–]\s*"
        + _SYM
        + r"|/(?:19|20)\d{2}/"
        + _SYM
        + r"|/"
        + _SYM
        + r"|/"
        + _SYM_SPACED
        + r"|-"
        + _SYM
        # a State document numbered with its year, the legislature after it or not ("Nghị quyết
        # số 202/2025 của Quốc hội", "Nghị quyết số 202/2025/QH15")
        + r"|/(?:19|20)\d{2}(?:/[A-ZĐ][A-Za-zĐđ]*\d*)?(?![\w/])"
        + r")?",
        re.IGNORECASE,
    )


def _symbol_as_written(text: str) -> str:
    """A symbol with its spaces around separators dropped and an en dash read as the hyphen
    symbols are written with ("4854- QĐ/QU" -> "4854-QĐ/QU", "819/NQ – UBTVQH 14" -> "819/NQ-UBTVQH14")."""
    return _SPACES.sub("", _SYM_SEP_SPACES.sub(lambda m: "-" if m.group(1) == "–" else m.group(1), text))


def _more_re() -> re.Pattern:
    """A further symbol after a reference's: ", 29-NQ/TU", " và 4855-QĐ/QU" (a symbol required)."""
    return re.compile(
        r"[ \t]*(?:,[ \t]*và|,|;|và)[ \t]*(?P<num>\d{1,4})"
        r"(?:\s*[-–]\s*" + _SYM + r"|/(?:19|20)\d{2}/" + _SYM + r"|/" + _SYM + r"|/" + _SYM_SPACED + r")",
        re.IGNORECASE,
    )


def _same_symbol(a: str, b: str) -> bool:
    """Symbols written alike up to spaces and case.  Two that tasks.records.doc_key cannot tell
    apart (it upper-cases them) are always one document, else the warehouse would get two rows
    with one key: "28-NQ/TI" and "28-NQ/Tı" (dotless ı upper-cases to I but case-folds to itself)."""
    return a.replace(" ", "").casefold() == b.replace(" ", "").casefold() or a.upper() == b.upper()


def _same_issuer(a: str, b: str) -> bool:
    """Issuers written alike, or one inside the other ("Thành ủy", "Ban Thường vụ Thành ủy")."""
    a, b = match_key(a), match_key(b)
    return a in b or b in a


def _date_at(fb: str, pos: int) -> tuple[date | None, int] | None:
    """An issue date written at pos ("ngày 14/7/2014", "ngày 5 tháng 3 năm 2019"): (date, end)."""
    dm = _DATE.match(fb, pos)
    if not dm:
        return None
    d, m, y = dm.group(1, 2, 3) if dm.group(1) else dm.group(4, 5, 6)
    try:
        return date(int(y), int(m), int(d)), dm.end()
    except (ValueError, TypeError):
        return None, dm.end()


@dataclass
class _Ref:
    kind: str
    number: str
    symbol: str | None
    issuer: str | None
    issued_date: date | None
    start: int
    end: int
    key: tuple[str, int]

    def same_document(self, other: _Ref) -> bool:
        """Same kind and number, and nothing written tells them apart: a different symbol, issue
        year or issuer ("Hướng dẫn 01-HD/TW" of 2012 and of 2016 are two documents)."""
        if self.key != other.key:
            return False
        if self.issued_date and other.issued_date and self.issued_date.year != other.issued_date.year:
            return False
        if self.symbol and other.symbol:
            return _same_symbol(self.symbol, other.symbol)
        return not (self.issuer and other.issuer) or _same_issuer(self.issuer, other.issuer)

    def fill_from(self, other: _Ref) -> None:
        for f in ("symbol", "issuer", "issued_date"):
            if getattr(self, f) is None and getattr(other, f) is not None:
                setattr(self, f, getattr(other, f))


class DocumentRefExtractor:
    """Document references of a page, read with one lexicon."""

    def __init__(self, lex: Lexicon, orgs: OrgPhrases) -> None:
        self.lex, self.orgs = lex, orgs
        self.doc_re = _doc_re(lex)
        self.more_re = _more_re()
        # Where a kind word may start.  A word that begins with another kind word ("chương trình
        # hành động") starts where that one does, so only the shorter one is searched for.
        words = lex.doc_kind_words
        search = tuple(w for w in words if not any(v != w and w.startswith(v) for v in words))
        # English kind words ("directive") are looked for only on English pages: each is a scan of
        # the whole text, and Vietnamese pages never hold them
        self.kind_search = tuple(w for w in search if not w.isascii())
        self.kind_search_english = tuple(w for w in search if w.isascii())

    def extract(self, page: Page) -> list[DocumentRef]:
        if not page.has_digit:
            return []
        merged: list[_Ref] = []
        read: list[_Ref] = []
        for ks in self._kind_starts(page.lo):
            # a kind word inside a reference already read is a qualifier of it ("Thông báo kết luận")
            if read and ks < read[-1].end:
                continue
            read.extend(self._read_ref(page, ks) or ())
        for r in read + self._bare_symbols(page, read):
            same = next((g for g in merged if g.same_document(r)), None)
            if same is None:
                merged.append(r)
            else:
                same.fill_from(r)
        merged.sort(key=_START)
        body = page.body
        return [
            DocumentRef(
                kind=g.kind,
                number=g.number,
                symbol=g.symbol,
                issuer=g.issuer,
                issued_date=g.issued_date,
                evidence=body[g.start : g.end],
                start=g.start,
                end=g.end,
            )
            for g in merged
        ]

    def _kind_starts(self, lo: str) -> list[int]:
        """Every place a kind word starts at a word edge, in order (one substring search per word)."""
        starts = set()
        words = self.kind_search + self.kind_search_english if " the " in lo else self.kind_search
        for w in words:
            i = lo.find(w)
            while i >= 0:
                if not (i and lo[i - 1].isalnum()):
                    starts.add(i)
                i = lo.find(w, i + 1)
        return sorted(starts)

    def _read_ref(self, page: Page, ks: int) -> list[_Ref] | None:
        """The reference whose kind word starts at ks, with its date and issuer, and the symbols
        listed right after it under the same kind word; None if none."""
        body, fb, lex = page.body, page.fb, self.lex
        m = self.doc_re.match(fb, ks)
        if not m:
            return None
        kind_word = m.group("kind")
        kind = lex.doc_kind_of.get(_SPACES.sub(" ", kind_word).casefold())
        if kind is None:
            return None
        has_so, sym, end = bool(m.group("so")), m.group("sym"), m.end()
        # a lower-case kind word is a reference with "số" or a symbol after its number ("theo
        # quyết định 1242 - QĐ/TU ngày 12/8/2024"): a symbol names a document on its own
        if not kind_word[0].isupper() and not has_so and not sym:
            return None
        if not has_so and not sym and not self._bare_number_is_a_reference(fb, kind, end):
            return None
        if not sym and _NOT_A_NUMBER_AFTER.match(fb[end : end + 8]):
            return None
        # a number with its year alone is read with "số" or an issuer after it, never bare
        # ("kế hoạch 2/2021" may be a month)
        if sym and not has_so and _YEAR_ONLY_SYMBOL.search(sym) and not _ISSUER.match(fb, end):
            return None
        if has_so and not sym:
            listed = self._listed_numbers(page, kind, ks, m.start("num"), end)
            if listed:
                return listed
        number = body[m.start("num") : m.end("num")]
        symbol = _symbol_as_written(body[m.start("num") : m.end("sym")]) if sym else None
        refs = [self._with_date_and_issuer(page, kind, number, symbol, m.start(), end)]
        # more symbols joined to this one share its kind word ("Quyết định số 4854-QĐ/QU và
        # 4855-QĐ/QU"): read them here, as a bare "QĐ" symbol names no kind of its own
        while sym and (cm := self.more_re.match(fb, end)):
            end = cm.end()
            refs.append(
                self._with_date_and_issuer(
                    page,
                    kind,
                    body[cm.start("num") : cm.end("num")],
                    _symbol_as_written(body[cm.start("num") : end]),
                    cm.start("num"),
                    end,
                )
            )
        return refs

    def _listed_numbers(self, page: Page, kind: str, ks: int, num_start: int, end: int) -> list[_Ref] | None:
        """Documents listed by number under one kind word ("Quyết định số 2174 và 2175 – NQ/QU
        ngày 19/12/2018"): one reference per number, all from the kind word to the end of the
        list (a symbol after the last number is read with it); None when no number follows."""
        fb, body = page.fb, page.body
        numbers = [(num_start, end)]
        pos = end
        while lm := _MORE_NUMBERS.match(fb, pos):
            numbers.append((lm.start("num"), lm.end("num")))
            pos = lm.end()
        if len(numbers) == 1:
            return None
        sym_m = _LIST_SYMBOL.match(fb, pos)
        if sym_m:
            pos = sym_m.end()
        dated = self._with_date_and_issuer(page, kind, "", None, ks, pos)
        return [
            _Ref(kind, body[a:b], None, dated.issuer, dated.issued_date, ks, dated.end, (kind, int(fb[a:b])))
            for a, b in numbers
        ]

    def _bare_number_is_a_reference(self, fb: str, kind: str, end: int) -> bool:
        """ "Chỉ thị 05 của ...": a bare number is a reference when a follower word comes next; for
        the vaguer kinds ("Chương trình hành động 76 của BTV Thành ủy") only when an issuer does."""
        if kind in self.lex.need_so_or_symbol:
            im = _ISSUER.match(fb, end)
            return im is not None and fb[im.end()].isupper()
        return bool(self.lex.bare_followers_re.match(fb, end))

    def _bare_symbols(self, page: Page, read: list[_Ref]) -> list[_Ref]:
        """References written as a symbol alone, outside the references already read.  Only a
        slash with a letter beside it can be in a symbol (dates have digits on both sides), so
        the patterns are tried only around those."""
        fb = page.fb
        spans = [(r.start, r.end) for r in read]
        out: list[_Ref] = []
        i = fb.find("/")
        while i >= 0:
            nxt = i + 1
            if (i and fb[i - 1].isalpha()) or (nxt < len(fb) and fb[nxt].isalpha()):
                m = self._bare_symbol_around(fb, i)
                if m is not None:
                    nxt = max(nxt, m[0].end())
                    if not any(s <= m[0].start() < e for s, e in spans):
                        mm, kind = m
                        out.append(
                            self._with_date_and_issuer(
                                page,
                                kind,
                                page.body[mm.start("num") : mm.end("num")],
                                page.body[mm.start() : mm.end()],
                                mm.start(),
                                mm.end(),
                            )
                        )
            i = fb.find("/", nxt)
        return out

    def _bare_symbol_around(self, fb: str, i: int) -> tuple[re.Match, str] | None:
        """The bare symbol holding the slash at i, with its kind; None if none."""
        start = max(0, i - 14)
        for form, rx in (("party", _BARE_PARTY), ("state", _BARE_STATE)):
            for m in rx.finditer(fb, start, min(len(fb), i + 40)):
                if m.start() <= i < m.end():
                    kind = self.lex.bare_symbol_kinds[form].get(m.group("letters"))
                    if kind is not None:
                        return m, kind
        return None

    def _with_date_and_issuer(
        self, page: Page, kind: str, number: str, symbol: str | None, start: int, end: int
    ) -> _Ref:
        """The reference with the issue date and issuer written after it (either order)."""
        fb = page.fb
        issued = None
        dated = _date_at(fb, end)
        if dated:
            issued, end = dated
        issuer, end = self._issuer_at(page, end)
        if issuer is not None and issued is None and (dated := _date_at(fb, end)):
            issued, end = dated
        return _Ref(
            kind, number, symbol, issuer, issued, start, end, (kind, int(_NON_DIGITS.sub("", number) or 0))
        )

    def _issuer_at(self, page: Page, pos: int) -> tuple[str | None, int]:
        """The issuer written at pos ("của Bộ Chính trị", "do Ban Bí thư"): (text, end), else (None, pos)."""
        fb = page.fb
        im = _ISSUER.match(fb, pos)
        if not (im and fb[im.end()].isupper()):
            return None, pos
        ie = self.orgs.phrase_end(fb, im.end(), len(fb), stops=self.lex.issuer_stop, stop_at_names=False)
        if ie <= im.end():
            return None, pos
        return page.body[im.end() : ie], ie
