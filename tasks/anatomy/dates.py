"""Date/time recognition for page anatomy: own regexes for the common Vietnamese formats.

No dateparser on the hot path. Every function here is bounded: callers pass short strings
(a line's first few hundred characters).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache

from tasks.fastforms import IGNORECASE_TRAPS, FastForm, lower_search_is_exact

# The plain forms: what each date pattern means.
DMY_PLAIN = re.compile(
    r"(?<![\d/.-])(?P<d>[0-3]?\d)\s*[/.\-–]\s*(?P<m>[01]?\d)\s*[/.\-–]\s*(?P<y>(?:19|20)\d\d)(?![\d/])"
)
VN_LONG_PLAIN = re.compile(
    r"ngày\s+(?P<d>[0-3]?\d)\s+tháng\s+(?P<m>[01]?\d)\s*(?:năm|,|/)\s*(?P<y>(?:19|20)\d\d)", re.IGNORECASE
)
ISO_PLAIN = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
TIME_PLAIN = re.compile(
    r"(?<!\d)(?<!thứ )(?P<h>[0-2]?\d)\s*(?::|h)\s*(?P<mi>[0-5]\d)(?:\s*:\s*(?P<s>[0-5]\d))?'?\s*(?P<ap>AM|PM|SA|CH)?(?!\d)",
    re.IGNORECASE,
)
STRIP_PLAIN = re.compile(
    r"(?:(?<![\d])[0-3]?\d\s*[/.\-–]\s*[01]?\d\s*[/.\-–]\s*(?:19|20)\d\d)|(?:(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?)"
    r"|(?:[0-2]?\d\s*(?::|h)\s*[0-5]\d(?:\s*:\s*[0-5]\d)?'?)|\(?gmt\s*[+-]?\s*\d*\)?|\[?gmt\s*[+-]?\s*\d*\]?"
    r"|[\[\](),|:'’\-–—+]|\d+",
    re.IGNORECASE,
)
YEAR_PLAIN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")

# The fast forms open with a character class or literal, not a look-behind: the regex engine then
# skips straight to the digits (or letters) a match can start with instead of trying the whole
# pattern at every position. "\d(?<![\d/.-]\d)(?:(?<=[0-3])\d)?" is "(?<![\d/.-])[0-3]?\d" with
# the look-behind moved after the first digit.
_DMY = re.compile(
    r"(?P<d>\d(?<![\d/.-]\d)(?:(?<=[0-3])\d)?)\s*[/.\-–]\s*(?P<m>[01]?\d)\s*[/.\-–]\s*(?P<y>(?:19|20)\d\d)(?![\d/])"
)
# [nN]: the characters re.IGNORECASE equates with "n"
_VN_LONG = re.compile(
    r"[nN](?i:gày\s+(?P<d>[0-3]?\d)\s+tháng\s+(?P<m>[01]?\d)\s*(?:năm|,|/)\s*(?P<y>(?:19|20)\d\d))"
)
# a CMS's Vietnamese locale writes the month as a word without "năm": "Thứ ba, 13 Tháng 10 2015 09:10"
_VN_MONTH_WORD = re.compile(
    r"(?P<d>\d(?<!\d\d)(?:(?<=[0-3])\d)?)\s+[Tt]háng\s+(?P<m>[01]?\d)\s+(?P<y>(?:19|20)\d\d)(?!\d)"
)
_ISO = re.compile(r"(?P<y>(?:19|20)(?<!\d..)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
# (a weekday's number is no hour: "Thứ 5: 07:59 ngày 04/09/2014" is 07:59, not 5:07:59)
_TIME = re.compile(
    r"(?P<h>\d(?<!\d\d)(?<!thứ \d)(?:(?<=[0-2])\d)?)\s*(?::|h)\s*(?P<mi>[0-5]\d)(?:\s*:\s*(?P<s>[0-5]\d))?'?\s*(?P<ap>AM|PM|SA|CH)?(?!\d)",
    re.I,
)


def _strip_regex() -> re.Pattern:
    """The residue test's tokens, the first that matches at a position being removed (re.sub):
    d/m/y date, ISO date, time, "(gmt+7)", "[gmt+7]", separators, numbers. Written to open with
    one class of the characters a token can start with (the regex engine skips to those instead
    of trying the pattern at every position); the alternatives then read that character with a
    look-behind. Under a digit: an ISO date (it cannot start where a d/m/y date or a time does:
    four digits come before its "-"), d/m/y, time, number. The text is case-folded first, so no
    IGNORECASE. Tests compare it with the plain form."""
    dmy = r"(?<!\d\d)(?:(?<=[0-3])\d)?\s*[/.\-–]\s*[01]?\d\s*[/.\-–]\s*(?:19|20)\d\d"
    iso = r"(?:9(?<=19)|0(?<=20))\d\d-[01]\d(?:-[0-3]\d)?"
    hm = r"(?:(?<=[0-2])\d)?\s*(?::|h)\s*[0-5]\d(?:\s*:\s*[0-5]\d)?'?"
    gmt = r"gmt\s*[+-]?\s*\d*"
    seps = r"\]),|:'’\-–—+"
    return re.compile(
        rf"[\d(\[g{seps}](?:(?<=\d)(?:{iso}|{dmy}|{hm}|\d*)"
        rf"|(?<=\()(?:{gmt}\)?)?|(?<=\[)(?:{gmt}\]?)?|(?<=g)mt\s*[+-]?\s*\d*\)?|(?<=[{seps}]))"
    )


_STRIP = _strip_regex()

# event-date phrase in the lead: "Chiều 21/10", "Ngày 16.10", "ngày 30-1", "Ngày 19 - 12",
# "sáng nay (23/9)", "Chiều nay, 23/9" (a comma only after "nay": "ánh sáng, 2.3" is no date),
# "Chiều tối 26-8"; a range "Trong 2 ngày 7 và 8-5", "21- 22/4", "từ ngày 22 đến ngày 26/3",
# "Trong hai ngày từ 3-4/7/2022" (d1 its first day)
_EVENT = re.compile(
    r"(?:(?<![\w])(?:sáng|chiều|trưa|tối|đêm|ngày|hôm nay|hôm qua|sáng nay|chiều nay|tối nay|trưa nay)"
    r"(?:\s+(?:mai|qua|nay|hôm nay|tối|sớm))?\s*(?:(?<=nay),\s*)?(?:\(\s*|ngày\s+|từ\s+(?:ngày\s+)?)?"
    r"(?:(?P<d1>[0-3]?\d)\s*(?:và|,|[-–]|đến(?:\s+ngày)?)\s*)?(?P<d>[0-3]?\d)\s*[/.\-–]\s*(?P<m>[01]?\d)(?:\s*[/.\-–]\s*(?P<y>(?:19|20)\d\d))?(?![\d/])"
    r"|(?<![\w])(?:sáng|chiều|trưa|tối|ngày)\s+(?P<d2>[0-3]?\d)\s+tháng\s+(?P<m2>[01]?\d)(?:\s+năm\s+(?P<y2>(?:19|20)\d\d))?)",
    re.I,
)
# Every _EVENT phrase opens with one of these words (keep in step; tests compare). _EVENT starts
# with a look-behind, so a plain search tries the whole pattern at every position of the lead;
# _event_matches first scans for these words (a case-insensitive word test behind a plain
# character class the engine skips to quickly) and tries _EVENT only where one starts.
_EVENT_FIRST_WORDS = ("sáng", "chiều", "trưa", "tối", "đêm", "ngày", "hôm")


@lru_cache(maxsize=1)
def _event_scanner() -> re.Pattern:
    # the characters re.IGNORECASE equates with c ("s" also matches "ſ"); outside the BMP no
    # character has a case partner among these letters
    bmp = "".join(map(chr, range(0x10000)))

    def ci(c: str) -> str:
        return "".join(re.findall(re.escape(c), bmp, re.I))

    # one branch per spelling of the first letter, each opening with that literal letter: the
    # engine skips to those letters and rejects most branches by their first character alone
    return re.compile(
        "|".join(f"{re.escape(c)}(?i:{re.escape(w[1:])})" for w in _EVENT_FIRST_WORDS for c in ci(w[0]))
    )


# (tests check over all of Unicode that no other character hides a first word from str.lower())
_FIRST_WORD_CASE_TRAPS = IGNORECASE_TRAPS


def _event_starts_plain(lead: str) -> list[int]:
    """Every position where a first word starts, as the case-insensitive scanner finds them."""
    scan = _event_scanner()
    out, pos = [], 0
    while (c := scan.search(lead, pos)) is not None:
        out.append(c.start())
        pos = c.start() + 1  # first words may overlap ("sángày"): look again one character on
    return out


def _event_starts(lead: str) -> list[int]:
    """_event_starts_plain, found with one substring search per first word in the lower-cased
    text: the scanner stops at every "s", "c", "t", "n", "h" of the text."""
    low = lead.lower()
    if not lower_search_is_exact(lead, low):
        return _event_starts_plain(lead)
    out = []
    for w in _EVENT_FIRST_WORDS:
        i = low.find(w)
        while i >= 0:
            out.append(i)
            i = low.find(w, i + 1)
    out.sort()
    return out


def _event_matches(lead: str):
    """The same matches as _EVENT.finditer(lead), trying _EVENT only where a first word starts."""
    end = 0
    for p in _event_starts(lead):
        if p < end:  # finditer: matches do not overlap
            continue
        m = _EVENT.match(lead, p)
        if m:
            yield m
            end = m.end()


def _mk_dt(y: int, m: int, d: int, hh: int = 0, mi: int = 0, ss: int = 0) -> datetime | None:
    try:
        return datetime(y, m, d, hh, mi, ss)
    except ValueError:
        return None


# every date format above contains a four-digit year: a search for one rejects most lines
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
# the pre-check alone, for callers that test it before calling find_datetime
has_year = _YEAR_DIGITS.search


def find_datetime(s: str) -> datetime | None:
    """First full date in s (with a time if one is written next to it)."""
    if not _YEAR_DIGITS.search(s):
        return None
    m = _DMY.search(s) or _VN_LONG.search(s) or _ISO.search(s) or _VN_MONTH_WORD.search(s)
    if m is None:
        return _english_datetime(s)
    return _datetime_of(m, _TIME.search(s))


# English editions' stamps: "February 06, 2021 2:42 PM GMT+7", "Feb. 6, 2021", "6 February 2021"
ENGLISH_MONTHS = {
    name: k
    for k, full in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
    for name in (full, full[:3], "sept" if full == "september" else full[:3])
}
_EN_MONTH = r"(?P<mon>" + "|".join(sorted(ENGLISH_MONTHS, key=len, reverse=True)) + r")\.?"
_EN_DATE = re.compile(
    rf"\b(?:{_EN_MONTH}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)"
    rf"|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+{_EN_MONTH.replace('mon', 'mon2')},?\s+(?P<y2>(?:19|20)\d\d))\b",
    re.I,
)


def _english_datetime(s: str) -> datetime | None:
    """The first English month-name date in s, with the time written next to it, or None."""
    if not s.isascii():  # (an English stamp is ASCII; a Vietnamese line is not worth the scan)
        return None
    m = _EN_DATE.search(s)
    if m is None:
        return None
    month = ENGLISH_MONTHS[(m.group("mon") or m.group("mon2")).casefold()]
    day, year = int(m.group("d") or m.group("d2")), int(m.group("y") or m.group("y2"))
    date = _mk_dt(year, month, day)
    if date is None:
        return None
    t = _TIME.search(s, m.end())
    if t is None:
        return date
    at = _datetime_of_parts(year, month, day, t)
    return at or date


# a CMS stamp written with spaces for its slashes, alone on its line ("12 03 2015")
_SPACED_DATE = re.compile(r"(?P<d>[0-3]?\d) (?P<m>[01]?\d) (?P<y>(?:19|20)\d\d)")


def spaced_date(s: str) -> datetime | None:
    """The date of a line that is only "dd mm yyyy", or None."""
    m = _SPACED_DATE.fullmatch(s)
    return _mk_dt(int(m.group("y")), int(m.group("m")), int(m.group("d"))) if m else None


def is_date_span(s: str) -> bool:
    """Two full dates in s ("(10/10/1949 - 10/10/2019)"): a span, not one day's stamp."""
    first = _DMY.search(s)
    return first is not None and _DMY.search(s, first.end()) is not None


# a CMS date stamp with a two-digit year, alone on its line ("18/09/20"): 2000 + the year
_SHORT_YEAR_DATE = re.compile(r"(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>\d\d)")


def short_year_date(s: str) -> datetime | None:
    """The date of a line that is only "dd/mm/yy", or None."""
    m = _SHORT_YEAR_DATE.fullmatch(s)
    return _mk_dt(2000 + int(m.group("y")), int(m.group("m")), int(m.group("d"))) if m else None


def _datetime_of(date_match: re.Match, time_match: re.Match | None) -> datetime | None:
    """The datetime a date match and the time written next to it (if any) give; 12-hour
    marks (PM/CH, AM/SA) read, an impossible hour dropped."""
    y, mo, d = map(int, date_match.group("y", "m", "d"))
    return _datetime_of_parts(y, mo, d, time_match)


def _datetime_of_parts(y: int, mo: int, d: int, time_match: re.Match | None) -> datetime | None:
    hh = mi = ss = 0
    if time_match:
        h, m_, s_, ap = time_match.group("h", "mi", "s", "ap")
        hh, mi, ss = int(h), int(m_), int(s_ or 0)
        ap = (ap or "").upper()
        if ap in ("PM", "CH") and hh < 12:
            hh += 12
        elif ap in ("AM", "SA") and hh == 12:
            hh = 0
        if hh > 23:
            hh = mi = ss = 0
    return _mk_dt(y, mo, d, hh, mi, ss)


def is_date_line(s: str, residue_words: frozenset[str]) -> bool:
    """A line that is only a date/time stamp (with weekday, GMT, 'Cập nhật' … around it)."""
    if len(s) > 90 or not find_datetime(s):
        return False
    return is_date_residue(s, residue_words)


def is_date_residue(s: str, residue_words: frozenset[str]) -> bool:
    """Removing the date/time tokens from s leaves only date-line vocabulary."""
    return residue_words.issuperset(_STRIP.sub(" ", s.casefold()).split())


# a year alone (19xx or 20xx between non-digits), found by two scans each opening with a literal
# ("19", "20"): the regex engine finds a literal prefix several times faster than a leading
# look-behind or a set of first characters. year_evidence only counts years, so their order
# does not matter.
_YEARS = (re.compile(r"19(?<!\d..)\d\d(?!\d)"), re.compile(r"20(?<!\d..)\d\d(?!\d)"))
_YEAR_BEFORE = re.compile(r"(?:năm|tháng\s+[01]?\d\s*/|quý\s+[IV]+\s*/|[01]?\d\s*/)\s*$", re.I)


_BIRTH = re.compile(
    r"(?:sinh|sinh năm|từ năm|thành lập năm)\s*(?:năm)?\s*$|sinh\s+ngày\s+[0-3]?\d\s*[/.-]\s*[01]?\d\s*[/.-]\s*$",
    re.I,
)


def year_evidence(texts: list[str]) -> int | None:
    """Most frequent year written in a year context ('năm 2019', 'tháng 10/2021', '9/2021'), or
    the one year so written when the page writes only one."""
    counts: dict[int, int] = {}
    budget = 2000
    for t in texts:
        if budget <= 0:
            break
        chunk = t[:budget]
        budget -= len(chunk)
        for year in _YEARS:
            for m in year.finditer(chunk):
                s = m.start()
                before = chunk[max(0, s - 14) : s]
                if _YEAR_BEFORE.search(before) and not _BIRTH.search(chunk[max(0, s - 24) : s]):
                    y = int(m.group(0))
                    counts[y] = counts.get(y, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    if best < 2 and len(counts) > 1:
        # years written once each, several of them: none is the article's year more than another
        # (a year written once, alone on the page, is: "phấn đấu trong năm 2013")
        return None
    # ties go to the later year: anniversaries cite old years, reports cite the current one
    return max(counts, key=lambda y: (counts[y], y))


def published_at(
    header_dates: list[tuple[int, datetime]],
    footer_dates: list[datetime],
    first_prefixes: list[tuple[tuple[str, str], ...]],
) -> datetime | None:
    """The header date nearest the body, else the first footer date ("Ngày đăng: …"), else an
    ISO date in a header prefix of the first lines (crawler metadata; a later line's wins)."""
    if header_dates:
        return header_dates[-1][1]
    if footer_dates:
        return footer_dates[0]
    found = None
    for prefixes in first_prefixes:
        m = next((m for kind, pre in prefixes if kind == "header" and (m := _ISO.search(pre))), None)
        if m:
            found = _mk_dt(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return found


# ---- the fast forms beside their plain forms (tasks/fastforms.py; tests/unit/test_fast_forms.py)


def _spans(rx: re.Pattern) -> Callable[[str], object]:
    return lambda s: [(m.span(), m.groupdict()) for m in rx.finditer(s)]


def _plain_find_datetime(s: str) -> datetime | None:
    """find_datetime without the year pre-check, with the plain patterns."""
    m = DMY_PLAIN.search(s) or VN_LONG_PLAIN.search(s) or ISO_PLAIN.search(s)
    return _datetime_of(m, TIME_PLAIN.search(s)) if m else None


_DATE_PIECES = (
    "/",
    ".",
    "-",
    "–",
    "—",
    ":",
    "'",
    "’",
    "+",
    "[",
    "]",
    "|",
    "0",
    "1",
    "2",
    "3",
    "9",
    "12",
    "19",
    "20",
    "31",
    "2019",
    "2020",
    "1999",
    "05",
    "h",
    "H",
    "gmt",
    "GMT",
    "Gmt",
    "ngày",
    "NGÀY",
    "Ngày",
    "tháng",
    "THÁNG",
    "năm",
    "am",
    "PM",
    "sa",
    "CH",
    "5/6/2020",
    "12.10.1999",
    "1999-12-31",
    "8h30",
    "08:30:15 PM",
    "ngày 5 tháng 12 năm 2016",
    "(GMT +7)",
    "ſ",
    "K",
    "İ",
    "೦",
    "١٢",
)
_EVENT_PIECES = (
    "sáng",
    "SÁNG",
    "ſáng",
    "Chiều",
    "ngày",
    "NGÀY",
    "hôm nay",
    "Hôm qua",
    "tối",
    "Đêm",
    "trưa nay",
    "tháng",
    "sá",
    "ng",
    "ày",
    "21/10",
    "7 và 8-5",
    "16.10",
    "19 - 12",
    "nay, 23/9",
)

# the measured saving (tasks/fastforms.py): the plain forms were tried together
_WHY = (
    "A/B (warm read_anatomy, same minute): with every dates and locality fast form replaced by its plain "
    "form, 215-250 vs 184-188 us/page (~+15 % of anatomy, ~+7 % of clean+extract); not split per form"
)

FAST_FORMS = (
    FastForm("dates.dmy", plain=_spans(DMY_PLAIN), fast=_spans(_DMY), pieces=_DATE_PIECES, why=_WHY),
    FastForm(
        "dates.vn_long", plain=_spans(VN_LONG_PLAIN), fast=_spans(_VN_LONG), pieces=_DATE_PIECES, why=_WHY
    ),
    FastForm("dates.iso", plain=_spans(ISO_PLAIN), fast=_spans(_ISO), pieces=_DATE_PIECES, why=_WHY),
    FastForm("dates.time", plain=_spans(TIME_PLAIN), fast=_spans(_TIME), pieces=_DATE_PIECES, why=_WHY),
    FastForm(
        "dates.find_datetime", plain=_plain_find_datetime, fast=find_datetime, pieces=_DATE_PIECES, why=_WHY
    ),
    FastForm(
        "dates.residue_tokens",
        plain=lambda s: STRIP_PLAIN.sub(" ", s.casefold()),
        fast=lambda s: _STRIP.sub(" ", s.casefold()),
        pieces=_DATE_PIECES,
        why=_WHY,
    ),
    FastForm(
        "dates.years",
        plain=lambda s: [m.span() for m in YEAR_PLAIN.finditer(s)],
        fast=lambda s: sorted(m.span() for y in _YEARS for m in y.finditer(s)),
        pieces=_DATE_PIECES,
        why=_WHY,
    ),
    FastForm(
        "dates.event_first_words",
        plain=_event_starts_plain,
        fast=_event_starts,
        pieces=(*_EVENT_PIECES, "SÁNG", "Chiều", "TốI", "ĐÊM", "NgÀy", "HÔM", "ſáng", "İ", "ı", "sángày"),
        why="one substring search per first word instead of the case-insensitive scanner",
    ),
    FastForm(
        "dates.event_phrases",
        plain=lambda s: [m.span() for m in _EVENT.finditer(s)],
        fast=lambda s: [m.span() for m in _event_matches(s)],
        pieces=_EVENT_PIECES,
        why=_WHY,
    ),
)
