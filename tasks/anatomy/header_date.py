"""published_at from a header line under the headline that carries the article's date beside a
short label or a name, which is why it is not a date-only line: "Chính trị | 15:29 Thứ Tư ngày
11/01/2017", "Xây dựng Đảng - Ngày đăng : 08:50, 30/03/2021", "Hà An 14:36 01/03/2026", and the
English editions' "Updated : Wednesday, December 05, 2018 1:20 PM (GMT+0700)" and a header byline
with its date ("Post by: trangtrang | 19/05/2023 | 1337 reads").

Only lines after the headline are read: a page clock stands above it."""

from __future__ import annotations

import re
from datetime import datetime

from tasks.records import Segment

from .dates import _STRIP, find_datetime, is_date_span

MAX_LEN = 100
MAX_OTHER_WORDS = 6  # words beside the date: a category or a byline, not a sentence
LINES_AFTER_TITLE = 4

_EN_DATETIME = re.compile(
    r"\b(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d>[0-3]?\d),?\s+"
    r"(?P<y>(?:19|20)\d\d)(?:[\s,|-]{1,4}(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)\s*(?P<ap>am|pm)?)?",
    re.I,
)
_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _english(s: str) -> datetime | None:
    m = _EN_DATETIME.search(s) if s.isascii() else None
    if not m:
        return None
    hh, mi = int(m.group("h") or 0), int(m.group("mi") or 0)
    ap = (m.group("ap") or "").lower()
    if ap == "pm" and hh < 12:
        hh += 12
    elif ap == "am" and hh == 12:
        hh = 0
    try:
        mon = _EN_MONTHS.index(m.group("mon").lower()) + 1
        return datetime(int(m.group("y")), mon, int(m.group("d")), hh, mi)
    except ValueError:
        return None


# a Vietnamese date without "ngày", the year after a comma: "27 tháng 4, 2021" (a university's
# WordPress theme)
_VN_MONTH_COMMA = re.compile(
    r"(?<!\d)(?P<d>[0-3]?\d)\s+tháng\s+(?P<m>[01]?\d)\s*,\s*(?P<y>(?:19|20)\d\d)(?!\d)", re.I
)


def _vn_month_comma(s: str) -> datetime | None:
    m = _VN_MONTH_COMMA.search(s) if "tháng" in s.lower() else None
    if not m:
        return None
    try:
        return datetime(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def _stamp(s: str) -> datetime | None:
    if len(s) > MAX_LEN or s[-1:] in ".!?":
        return None
    dt = find_datetime(s) or _english(s) or _vn_month_comma(s)
    if dt is None or len(_STRIP.sub(" ", s.casefold()).split()) > MAX_OTHER_WORDS + 4:
        return None
    return dt


def is_stamp(s: str) -> bool:
    """A short line that carries a date beside a label or name ("Chính trị | 15:29 … 11/01/2017")."""
    return _stamp(s) is not None


def header_published(segments: list[Segment]) -> datetime | None:
    """The date of the first plain header line after the title segment that is a stamp."""
    at = next((i for i, sg in enumerate(segments) if sg.kind == "title"), None)
    if at is None:
        return None
    for sg in segments[at + 1 : at + 1 + LINES_AFTER_TITLE]:
        # (a span of two dates, "(10/10/1949 - 10/10/2019)", is an anniversary's, not the page's)
        if sg.kind in ("header", "byline") and (dt := _stamp(sg.text)) and not is_date_span(sg.text):
            return dt
    return _closing_date(segments[at + 1 :])


# what ends the article's own matter: a date after these is another article's
_TRAILER_KINDS = frozenset(("related_news", "comments", "links", "cookie_notice"))


def _closing_date(after_title: list[Segment]) -> datetime | None:
    """The one date-only line printed under the article, before any related-news list or
    comments (a video page's "4,111" views then "29.03.2019"): nothing above gave the date."""
    found = None
    for sg in after_title:
        if sg.kind in _TRAILER_KINDS:
            break
        if sg.kind == "dateline":
            if found is not None:
                return None  # several dates: a list's, not the article's
            found = find_datetime(sg.text)
            if found is None:
                return None
    return found
