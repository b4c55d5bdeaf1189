"""Time spans written in a sentence: "tháng 10/2021", "6 tháng đầu năm 2021", "năm 2022", ...

`find_periods(text, start, end, ref_year)` returns (span_start, span_end, start_date, end_date)
for every period expression in text[start:end]; dates are None when not resolvable.  A missing
year is taken from the article (event date, else publication date).
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
    ("this_year", re.compile(r"(?:từ đầu năm(?: đến nay)?|trong năm qua|năm qua|năm nay|cả năm)(?![^\W\d_])", re.I)),
]


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _resolve(kind: str, m: re.Match, ref_year: int | None):
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
        if kind == "this_year":
            if ref_year is None:
                return None, None
            return date(ref_year, 1, 1), date(ref_year, 12, 31)
    except (ValueError, OverflowError):
        return None, None
    return None, None


def find_periods(text: str, start: int, end: int, ref_year: int | None):
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
        ps, pe = _resolve(kind, m, ref_year)
        out.append((s, e, ps, pe))
        last_end = e
    return out
