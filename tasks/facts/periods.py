"""Time spans written in a sentence: "tháng 10/2021", "6 tháng đầu năm 2021", "năm 2022", ...

`find_periods(text, start, end, ref_year)` returns (span_start, span_end, start_date, end_date)
for every period expression in text[start:end]; dates are None when not resolvable.  A missing
year is taken from the article (event date, else publication date).  A year compared with ("so với
cùng kỳ năm 2019") is not a period.  "năm qua" is the year under review: the one the page names
the year before when the article is dated in its first two months (a year-end review), else the
one the page names (of the reference year and the one before), else the reference year.  "từ đầu năm (đến nay)" ends on the
reference date; "từ đầu năm 2019 đến nay" starts in the year written.

`PagePeriods` gives each fact its period: the nearest in its clause, else one at the head of its
sentence, else the nearest written before it in its paragraph.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_Y = r"(?:19|20)\d{2}"
_PATTERNS = [
    # 6 tháng đầu năm 2021 / 6 tháng cuối năm / 9 tháng năm 2023 / 6 tháng năm 2023
    ("months_of_year", re.compile(rf"(?<!\d)(\d{{1,2}})\s+tháng\s+(đầu\s+|cuối\s+)?năm(?:\s+({_Y}))?", re.I)),
    ("quarter", re.compile(rf"quý\s+(IV|I{{1,3}}|[1-4])(?:\s*(?:/|-|năm)\s*({_Y}))?(?![^\W\d_])", re.I)),
    ("month", re.compile(rf"tháng\s+(\d{{1,2}})(?:\s*(?:/|-|năm)\s*({_Y}))?(?!\d)", re.I)),
    ("range", re.compile(rf"(?:giai đoạn|nhiệm kỳ)\s+({_Y})\s*[-–—]\s*({_Y})", re.I)),
    ("year", re.compile(rf"(?:năm|cả năm)\s+({_Y})(?!\d)", re.I)),
    # từ đầu năm (đến nay) / từ đầu năm 2019 đến nay: the written year is where the span starts
    ("year_to_date", re.compile(rf"từ đầu năm(?:\s+({_Y}))?(?:\s+đến nay)?(?![^\W\d_])", re.I)),
    ("past_year", re.compile(r"(?:trong năm qua|năm qua|năm vừa qua)(?![^\W\d_])", re.I)),
    ("this_year", re.compile(r"(?:năm nay|cả năm)(?![^\W\d_])", re.I)),
]
# "so với (cùng kỳ|nửa|cả|đầu|cuối) <period>": the period after a comparison word is the one compared
# with, not the figure's own ("bằng 171,7% so với nửa nhiệm kỳ 2015 - 2020").
_COMPARED = re.compile(
    r"(?:so với|so|bằng|hơn)(?:\s+(?:cùng kỳ|nửa|cả|đầu|cuối|giai đoạn))?\s*$|cùng kỳ\s*$", re.I
)
_COMPARE_LOOKBACK = 20
_HEAD_PERIOD_REACH = 40
_YEAR_NAMED = re.compile(rf"năm\s+({_Y})(?!\d)", re.I)
_REVIEW_MONTHS = 2
_SCOPING_KINDS = frozenset(
    {"months_of_year", "quarter", "month", "year", "year_to_date", "past_year", "this_year"}
)


class Ref:
    """What a period without its own year is resolved against: the article's date and the year
    its "năm qua" means."""

    def __init__(self, ref_date: date | None, review_year: int | None = None) -> None:
        self.date = ref_date
        self.year = ref_date.year if ref_date else None
        self.review_year = review_year if review_year is not None else self.year


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _resolve(kind: str, m: re.Match, ref: Ref):
    ref_year = ref.year
    try:
        if kind == "months_of_year":
            n = int(m.group(1))
            y = int(m.group(3)) if m.group(3) else ref_year
            if y is None or not 1 <= n <= 12:
                return None, None
            if (m.group(2) or "").strip().lower().startswith("cuối"):
                return date(y, 13 - n, 1), date(y, 12, 31)
            return date(y, 1, 1), _month_end(y, n)
        if kind == "quarter":
            q = m.group(1).lower()
            q = _ROMAN.get(q) or int(q)
            y = int(m.group(2)) if m.group(2) else ref_year
            if y is None:
                return None, None
            return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
        if kind == "month":
            mo = int(m.group(1))
            y = int(m.group(2)) if m.group(2) else ref_year
            if y is None or not 1 <= mo <= 12:
                return None, None
            return date(y, mo, 1), _month_end(y, mo)
        if kind == "range":
            a, b = int(m.group(1)), int(m.group(2))
            return (date(a, 1, 1), date(b, 12, 31)) if a <= b else (None, None)
        if kind == "year":
            y = int(m.group(1))
            return date(y, 1, 1), date(y, 12, 31)
        if kind == "year_to_date":
            if m.group(1):  # "từ đầu năm 2019 đến nay": from that year to the article's date
                first = date(int(m.group(1)), 1, 1)
                if ref.date is not None and ref.date >= first:
                    return first, ref.date
                return first, date(first.year, 12, 31)
            if ref.date is None:
                return None, None
            return date(ref.date.year, 1, 1), ref.date
        if kind == "past_year":
            if ref.review_year is None:
                return None, None
            return date(ref.review_year, 1, 1), date(ref.review_year, 12, 31)
        if kind == "this_year":
            if ref_year is None:
                return None, None
            return date(ref_year, 1, 1), date(ref_year, 12, 31)
    except (ValueError, OverflowError):
        return None, None
    return None, None


def find_periods(text: str, start: int, end: int, ref_year: int | date | Ref | None):
    """Periods written in text[start:end]; ref: the article's date (or year), see Ref."""
    ref = (
        ref_year
        if isinstance(ref_year, Ref)
        else Ref(ref_year if isinstance(ref_year, date) else (date(ref_year, 12, 31) if ref_year else None))
    )
    if isinstance(ref_year, int):
        ref.date = None  # a bare year gives no reference day
    if not any(w in text[start:end].lower() for w in ("tháng", "năm", "quý", "giai đoạn", "nhiệm kỳ")):
        return []
    found = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text, start, end):
            found.append((m.start(), m.end(), kind, m))
    # keep the longest expression at each place, drop ones inside another
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out = []
    last_end = -1
    for s, e, kind, m in found:
        if s < last_end:
            continue
        last_end = e
        if _COMPARED.search(text, max(start, s - _COMPARE_LOOKBACK), s):
            continue  # "so với cùng kỳ năm 2019": a year compared with, not the period
        ps, pe = _resolve(kind, m, ref)
        out.append((s, e, ps, pe, kind))
    return out


def review_year(body: str, ref_date: date | None) -> int | None:
    """The year "năm qua" means on this page (see the module docstring)."""
    if ref_date is None:
        return None
    y = ref_date.year
    if ref_date.month <= _REVIEW_MONTHS:
        return y - 1
    named = {int(m.group(1)) for m in _YEAR_NAMED.finditer(body)} & {y - 1, y}
    return y - 1 if named == {y - 1} else y


class PagePeriods:
    """The periods of a page's sentences, found once per sentence, and the one each fact takes."""

    def __init__(self, page, ref_date: date | None) -> None:
        self.page = page
        self.ref = Ref(ref_date, review_year(page.body, ref_date) if ref_date else None)
        self._by_sentence: dict[tuple[int, int], list] = {}

    def _in(self, ss: int, se: int) -> list:
        key = (ss, se)
        if key not in self._by_sentence:
            self._by_sentence[key] = find_periods(self.page.fb, ss, se, self.ref)
        return self._by_sentence[key]

    def for_fact(self, pos: int, clause: tuple[int, int], ss: int):
        cs, ce = clause
        sentence = self.page.sentence_at(ss)
        periods = self._in(*sentence) if sentence else []
        inside = [p for p in periods if cs <= p[0] < ce]
        if inside:
            before = [p for p in inside if p[0] <= pos]
            return before[-1] if before else inside[0]
        head = [p for p in periods if p[0] - ss <= _HEAD_PERIOD_REACH and p[0] < cs]
        if head:
            return head[0]
        return self._earlier_in_paragraph(ss)

    def _earlier_in_paragraph(self, ss: int):
        """A period that scopes the sentences after it: written at the head of an earlier sentence
        of the same paragraph ("Năm 2020, ..."), and a calendar span, not a term ("nhiệm kỳ 2020 -
        2025" names a resolution more often than the span of a figure)."""
        fb = self.page.fb
        para_start = fb.rfind("\n", 0, ss) + 1
        for s, e in reversed([x for x in self.page.sentences if para_start <= x[0] < ss]):
            head = [p for p in self._in(s, e) if p[0] - s <= _HEAD_PERIOD_REACH and p[4] in _SCOPING_KINDS]
            if head:
                return head[0]
        return None
