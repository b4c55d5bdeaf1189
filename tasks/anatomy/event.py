"""The reported event's date: the first dated phrase ("Chiều 21/10", "Trong hai ngày 21- 22/4",
"on December 25") in the article's opening paragraphs, else in the headline or a header line
after it; its year from the phrase, the published date, the crawler's month stamp
(" date 2023-12 ") or the page's own year evidence.

A phrase is passed over when it is not an event: a cited document's issue date ("số 45-QĐ/TW,
ngày 01/11/2011 của …"), a statistics cut-off or period bound ("tính đến ngày 26/9/2017", "từ
ngày 1/7"), or a historical date (an explicit year long before the page's own)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache, partial
from pathlib import Path

import yaml

from .dates import DMY_PLAIN, _event_matches

# how much of the page the phrase is looked for in: the first paragraphs (a dated sentence may
# follow a quote, a caption or a long sapo), each only up to its first HEAD_CHARS characters
LEAD_LINES = 6
FIRST_HEAD_CHARS = 600
HEAD_CHARS = 300
LONG_CHARS = 1500  # the second look, when the heads hold no dated phrase
# an explicit year this much older than the page's own year is history, not the reported event
HISTORY_YEARS = 4
# with no year of the page's own: an event before this year is history (no web portal reported it)
WEB_ERA = 1995

_DOC_BEFORE = re.compile(r"(?:\d+[-/][A-ZĐ]{1,6}[/\w-]*|số)\s*,?\s*$")
_DOC_AFTER = re.compile(r"^\s*(?:của|về)\b")
# a bound of a period, not an event: "tính đến ngày 26/9", "đến ngày", "từ ngày 1/7", "trước ngày"
_BOUND_BEFORE = re.compile(r"(?:\bđến|\btới|\btừ|\btrước|\bsau)\s*$", re.I)

_EN_MONTHS = (
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
)
# English editions: "on December 25", "on Dec. 25, 2019", "In the afternoon of August 5, 2011"
_EN_EVENT = re.compile(
    r"\b(?:on|(?:morning|afternoon|evening|night) of)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+"
    r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(?P<y>(?:19|20)\d\d))?",
    re.I,
)
# a congress is held in the first year of the term it opens ("Đại hội … nhiệm kỳ 2025–2030"),
# and so is the new committee's or council's first session ("… khóa XVI, nhiệm kỳ 2020 - 2025 đã
# họp phiên thứ nhất", "HĐND xã …, nhiệm kỳ 2021 – 2026 tổ chức kỳ họp lần thứ nhất"); the dot
# of a city's abbreviation ends no sentence ("Đại hội đại biểu Đảng bộ TP. Cần Thơ lần thứ I,
# nhiệm kỳ 2025-2030")
_NOT_A_SENTENCE_END = r"(?:[^.;]|(?<=\btp)\.|(?<=\btx)\.)"
_CONGRESS_TERM = re.compile(
    r"đại hội\b" + _NOT_A_SENTENCE_END + r"{0,160}?nhiệm kỳ\s*(?P<y>(?:19|20)\d\d)\s*[-–]\s*(?:19|20)\d\d"
    r"|nhiệm kỳ\s*(?P<y1>(?:19|20)\d\d)\s*[-–]\s*(?:19|20)\d\d" + _NOT_A_SENTENCE_END + r"{0,80}?"
    r"(?:phiên (?:họp )?(?:lần )?(?:thứ nhất|đầu tiên)|kỳ họp (?:lần )?thứ nhất|hội nghị lần thứ nhất)",
    re.I,
)
# a meeting at the turn of the year reviews one year and plans the next ("tổng kết … năm 2024,
# triển khai phương hướng, nhiệm vụ năm 2025", "hội nghị Quân Chính năm 2023, triển khai nhiệm vụ
# năm 2024"): it is held late in the first year or early in the second
_REVIEW_AND_PLAN = re.compile(
    r"năm\s+(?P<y>(?:19|20)\d\d)(?!\d)[^.;]{0,160}?"
    r"(?:phương hướng|nhiệm vụ|kế hoạch|mục tiêu|chương trình)[^.;]{0,80}?năm\s+(?P<y2>(?:19|20)\d\d)(?!\d)",
    re.I,
)
LATE_MONTHS, EARLY_MONTHS = range(10, 13), range(1, 4)
# an anniversary of a founding ("kỷ niệm 93 năm Ngày thành lập Đảng Cộng sản Việt Nam")
# or of an event ("kỷ niệm 80 năm Cách mạng tháng Tám", "kỷ niệm 73 năm ngày Thương binh liệt sĩ
# 27/7 (1947-2020)", "kỷ niệm 94 Ngày thành lập Đảng")
_ANNIVERSARY = re.compile(
    r"kỷ niệm\s+(?P<n>\d{1,3})\s+(?:năm\s+)?(?:ngày\s+)?(?:thành lập\s+)?(?P<what>[^,.;()]{2,60})"
)
# the span an anniversary writes after its name ("(1947-2020)", "(3/2/1930- 3/2/2024)"): its end
# is the anniversary's year when the span is N years long, whatever the thing is
_ANNIVERSARY_SPAN = re.compile(
    r"\(\s*(?:\d{1,2}/\d{1,2}/)?(?P<y0>1[89]\d\d|20\d\d)\s*[-–]\s*(?:\d{1,2}/\d{1,2}/)?(?P<y1>(?:19|20)\d\d)\s*\)"
)
ANNIVERSARIES_PATH = Path(__file__).with_name("anniversaries.yaml")
_MONTH_STAMP = re.compile(r"date\s+(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)\b")


@dataclass(frozen=True)
class Phrase:
    day: int
    month: int
    year: int | None


# a document's adoption or signing date: "Điều lệ Đảng … thông qua ngày 19/01/2011", "ký ngày"
_ADOPTED_BEFORE = re.compile(
    r"(?:thông qua|ban hành|\bký|\bkí|có hiệu lực|phê duyệt)\s*(?:từ\s*|vào\s*)?$", re.I
)
# the other end of a span that opens with "từ ngày 12/3": "… đến ngày 17/3/2018", "- 17/3"
_SPAN_END = re.compile(
    r"\s*(?:đến|tới|[-–])\s*(?:ngày\s*)?[0-3]?\d\s*[/.\-]\s*[01]?\d(?:\s*[/.\-]\s*(?P<y>(?:19|20)\d\d))?",
    re.I,
)


# a window named before its span is no event: "Thời gian nhận bài dự thi từ ngày 19.5 đến ngày
# 18.11.2018", "hạn nộp hồ sơ từ ngày …" (a congress that "diễn ra từ ngày 26 đến 28.10", a course
# whose "thời gian học đợt 1 từ ngày 12/3 đến ngày 17/3" are)
_WINDOW_BEFORE = re.compile(
    r"(?:thời hạn|\bhạn)\s[^.;,]{0,30}$|(?:nhận|nộp|gửi|đăng ký)\s(?:bài|hồ sơ|tác phẩm)[^.;,]{0,25}$",
    re.I,
)


def _is_event(text: str, m: re.Match) -> bool:
    before = text[max(0, m.start() - 25) : m.start()]
    if _DOC_BEFORE.search(before) or _DOC_AFTER.match(text[m.end() :]) or _ADOPTED_BEFORE.search(before):
        return False
    if _FROM_BEFORE.search(before) and _WINDOW_BEFORE.search(text, max(0, m.start() - 50), m.start()):
        return False
    # "Từ ngày 21 đến 23/4" is the event's own span; "từ ngày 1/7" alone is a period's bound
    return bool(m.group("d1")) or not _BOUND_BEFORE.search(before) or _span_end(text, m) is not None


_FROM_BEFORE = re.compile(r"\btừ\s*$", re.I)


def _span_end(text: str, m: re.Match) -> re.Match | None:
    """The end of a span the phrase opens ("từ ngày 12/3 đến ngày 17/3/2018": the phrase is
    the event's first day), or None."""
    if (
        m.group("d") is None
        or m.group("y")
        or not _FROM_BEFORE.search(text[max(0, m.start() - 8) : m.start()])
    ):
        return None
    return _SPAN_END.match(text, m.end())


def _english(text: str) -> bool:
    """Written in English: ASCII but for a few Vietnamese names and curly quotes ("HÀ NỘI — The
    commission held its session on August 16-17"); Vietnamese prose has a marked letter in most
    words, far above one character in twenty."""
    # the non-ASCII characters counted in C: those the "ignore" encoding drops
    return text.isascii() or (len(text) - len(text.encode("ascii", "ignore"))) * 20 < len(text)


def _phrases(text: str) -> Iterator[Phrase]:
    """The dated event phrases of one text, in order."""
    for m in _event_matches(text):
        if not _is_event(text, m):
            continue
        if m.group("d") is not None:
            d = m.group("d1") or m.group("d")  # a range "21- 22/4" is dated by its first day
            y = m.group("y")
            if y is None and (end := _span_end(text, m)) is not None:
                y = end.group("y")  # "từ ngày 12/3 đến ngày 17/3/2018": the span's year
            yield Phrase(int(d), int(m.group("m")), int(y) if y else None)
        else:
            y = m.group("y2")
            yield Phrase(int(m.group("d2")), int(m.group("m2")), int(y) if y else None)
    if ("on " in text or "On " in text or " of " in text) and _english(text):
        for m in _EN_EVENT.finditer(text):
            if _DOC_BEFORE.search(text[max(0, m.start() - 25) : m.start()]):
                continue  # a document's issue date: "Decision No 4896-QĐ/TU on August 2, 2024"
            mon = next(i for i, name in enumerate(_EN_MONTHS, 1) if name.startswith(m.group("mon").lower()))
            yield Phrase(int(m.group("d")), mon, int(m.group("y")) if m.group("y") else None)


def _sources(lead: list[str], title: str | None, header: list[str]) -> Iterator[str]:
    for i, line in enumerate(lead[:LEAD_LINES]):
        yield line[: FIRST_HEAD_CHARS if i == 0 else HEAD_CHARS]
    if title:
        yield title
    yield from (h[:HEAD_CHARS] for h in header)


def month_stamp(first_prefixes: list[tuple[tuple[str, str], ...]]) -> tuple[int, int] | None:
    """(year, month) of a crawler stamp " date 2023-12 " glued to one of the first lines."""
    for prefixes in first_prefixes:
        for kind, pre in prefixes:
            m = _MONTH_STAMP.search(pre) if kind == "header" else None
            if m:
                return int(m.group("y")), int(m.group("m"))
    return None


def _year_of(
    p: Phrase,
    published: datetime | None,
    stamp: tuple[int, int] | None,
    year_hint: Callable[[], int | None],
) -> int | None:
    if p.year:
        return p.year
    bound = (published.year, published.month, published.day) if published else None
    if bound is None and stamp:
        bound = (stamp[0], stamp[1], 31)
    if bound:
        # an event in a later month than the page's date belongs to the previous year; a later
        # day of the page's own month is a preview ("sẽ diễn ra … từ ngày 22 đến 24/9" on 16/9),
        # far likelier than a report of the same month a year ago
        return bound[0] - 1 if p.month > bound[1] else bound[0]
    hint = year_hint()
    return hint if hint and hint >= WEB_ERA else None


def _historical(p: Phrase, own_year: int | None) -> bool:
    if p.year is None:
        return False
    return p.year < own_year - HISTORY_YEARS if own_year else p.year < WEB_ERA


def event_date_of(
    lead: list[str],
    title: str | None,
    header: list[str],
    published: datetime | None,
    stamp: tuple[int, int] | None,
    year_hint: Callable[[], int | None],
) -> date | None:
    """The event's date: the first event phrase of the lead lines, the title, then the header
    lines after the title. year_hint is called only when neither the phrase, published nor
    stamp gives the year (year_evidence is costly and rarely needed)."""
    own_year = published.year if published else (stamp[0] if stamp else None)

    opening = [title or "", *lead[:LEAD_LINES]]

    def congress_term(text: str) -> int | None:
        # a congress's day written without year ("Chiều ngày 29/9, đại hội đã bầu …"): the term
        # the headline or the opening paragraphs give that congress (it beats the years the page
        # cites: "Chỉ thị 35-CT/TW ngày 30/5/2019" on a page of a 2020-2025 congress)
        if "đại hội" not in text.casefold():
            return None
        return next(filter(None, map(_congress_term_year, opening)), None)

    def page_term(text: str) -> int | None:
        # the congress's term, else the anniversary the opening celebrates
        return congress_term(text) or page_anniversary_year(opening)

    def sentence_year_hint(text: str) -> Callable[[], int | None]:
        return lambda: congress_term(text) or year_hint()

    found = _first_event(
        _sources(lead, title, header), own_year, published, stamp, sentence_year_hint, page_term
    )
    if found is None:
        # a dated sentence further into the opening paragraphs ("… tổ chức Lễ kết nạp đảng vào
        # ngày 03/03/2023 …" past the first HEAD_CHARS): read only when the heads had none, and
        # only a phrase that writes the page's own year (a feature's background dates further
        # in, "Ngày 10/12/2019, Ban Thường vụ … ban hành kế hoạch" on a 2020 page, "ngày 28/8 đã
        # đi vào lịch sử", are not its event)
        longer = (line[:LONG_CHARS] for line in lead[:LEAD_LINES] if len(line) > HEAD_CHARS)
        found = _first_event(
            longer, own_year, published, stamp, sentence_year_hint, page_term, own_year_only=True
        )
    if found is None and published is not None:
        return _weekday_event(lead[:LEAD_LINES], published)
    return found[0] if found else None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# a wire report dates its event by the weekday alone ("The Secretariat on Tuesday discussed …"):
# the latest such day on or before the report's own date
_EN_WEEKDAY = re.compile(
    r"\bon\s+(?P<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b(?!,?\s+(?-i:[A-Z]))", re.I
)


def _weekday_event(lead: list[str], published: datetime) -> date | None:
    """The day an English lead names by its weekday only, counted back from published, or None."""
    for text in lead:
        head = text[:HEAD_CHARS]
        m = _EN_WEEKDAY.search(head) if "day" in head and _english(head) else None
        if m is not None:
            back = (published.weekday() - _WEEKDAYS.index(m.group("wd").lower())) % 7
            return published.date() - timedelta(days=back)
    return None


def _first_event(
    texts: Iterator[str],
    own_year: int | None,
    published: datetime | None,
    stamp: tuple[int, int] | None,
    year_hint: Callable[[str], Callable[[], int | None]],
    page_term: Callable[[str], int | None],
    own_year_only: bool = False,
) -> tuple[date | None] | None:
    """(the date of the first event phrase,) or None when no text has one; (None,) when that
    phrase cannot be dated. year_hint(text): the year evidence for a phrase of that text, read
    only when needed. own_year_only: only phrases that write the page's year (any year when the
    page has none) count."""
    for text in texts:
        for p in _phrases(text):
            if _historical(p, own_year):
                continue
            if own_year_only and (p.year is None or (own_year is not None and p.year != own_year)):
                continue
            # the sentence's own year evidence first, then the page's
            hint = partial(_sentence_then_page_year, text, p.day, p.month, year_hint(text))
            year = _year_of(p, published, stamp, hint)
            if year is None:
                # the weakest evidence, read only when nothing else dates the event
                year = _term_or_anniversary_year(text) or _new_year_of(text) or page_term(text)
                if year is None:
                    return (None,)
            try:
                return (date(year, p.month, p.day),)
            except ValueError:
                return (None,)
    return None


# the year the sentence itself names for a new-year event: "Sáng ngày 01/01, ngày đầu tiên của
# năm mới 2020"
_NEW_YEAR = re.compile(r"năm mới\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I)


def _new_year_of(text: str) -> int | None:
    m = _NEW_YEAR.search(text[:400]) if "năm mới" in text[:400].lower() else None
    return int(m.group("y")) if m else None


@lru_cache(maxsize=1)
def _founded() -> tuple[tuple[str, int], ...]:
    """(name, year) of every founding and event in anniversaries.yaml, longest name first."""
    with open(ANNIVERSARIES_PATH, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    pairs = {**data["founded"], **data.get("events", {})}
    return tuple(sorted(((k.casefold(), int(v)) for k, v in pairs.items()), key=lambda kv: -len(kv[0])))


def _sentence_then_page_year(
    text: str, day: int, month: int, page_year: Callable[[], int | None]
) -> int | None:
    return _turn_of_year(text, month) or _same_day_year(text, day, month) or page_year()


def _same_day_year(text: str, day: int, month: int) -> int | None:
    """The year the paragraph writes for the event's own day and month ("Sáng 3-2, … nhân kỷ niệm 93
    năm ngày thành lập Đảng (3-2-1930 – 3-2-2023)"): the latest such, an anniversary's span ending
    in the year it is held; None if the paragraph writes that day with no year."""
    years = [
        int(m.group("y"))
        for m in DMY_PLAIN.finditer(text[:LONG_CHARS])  # (read only when no other evidence dates the event)
        if int(m.group("d")) == day and int(m.group("m")) == month
    ]
    return max(years) if years else None


def _turn_of_year(text: str, month: int) -> int | None:
    """The year of a turn-of-the-year review ("… năm 2024, … nhiệm vụ năm 2025") held in this
    month: the reviewed year late in the year, the planned one early in the next, else None."""
    if month not in LATE_MONTHS and month not in EARLY_MONTHS:
        return None
    for m in _REVIEW_AND_PLAN.finditer(text) if "năm" in text else ():
        reviewed, planned = int(m.group("y")), int(m.group("y2"))
        if planned == reviewed + 1:
            return reviewed if month in LATE_MONTHS else planned
    return None


def _congress_term_year(text: str) -> int | None:
    """The first year of the term a congress (or a first session) in this text opens."""
    term = _CONGRESS_TERM.search(text) if "kỳ" in text or "KỲ" in text else None
    return int(term.group("y") or term.group("y1")) if term is not None else None


def _term_or_anniversary_year(text: str) -> int | None:
    """The year a term's first year (a congress, a first session) or a founding anniversary
    gives the event phrase of this text."""
    term_year = _congress_term_year(text)
    return term_year if term_year is not None else _anniversary_year(text)


def _anniversary_year(text: str) -> int | None:
    """The year of the first anniversary this text celebrates whose founding or event year is
    known (anniversaries.yaml) or written as a span of that many years, else None."""
    folded = text.casefold()
    if "kỷ niệm" not in folded:
        return None
    for m in _ANNIVERSARY.finditer(folded):
        what, n = m.group("what").strip(), int(m.group("n"))
        founded = next(
            (year for name, year in _founded() if what == name or what.startswith(name + " ")), None
        )
        if founded is not None:
            return founded + n
        span = _ANNIVERSARY_SPAN.match(folded, m.end())
        if span is not None and int(span.group("y1")) - int(span.group("y0")) == n:
            return int(span.group("y1"))
    return None


ANNIVERSARY_CHARS = 1200


def page_anniversary_year(texts: Iterable[str]) -> int | None:
    """The year of the first anniversary the headline or the opening paragraphs celebrate: the
    event phrase's own sentence need not name it ("Ngày 31/1, Huyện ủy … họp mặt" under a
    caption "… nhân kỷ niệm 94 năm Ngày thành lập Đảng …")."""
    return next(filter(None, (_anniversary_year(t[:ANNIVERSARY_CHARS]) for t in texts)), None)
