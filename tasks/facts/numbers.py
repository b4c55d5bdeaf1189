"""Vietnamese number parsing: "." groups thousands, "," is the decimal mark.

    parse_vn_number("1.071")  -> 1071.0
    parse_vn_number("111,9")  -> 111.9
    parse_vn_number("23.000") -> 23000.0
    parse_vn_number("02")     -> 2.0

A dot followed by something other than exact groups of three digits ("1.5", "7.61") is read as a
decimal point (English-style writing seen on some portals).  Anything that is not a number gives
None; the function never raises.
"""

from __future__ import annotations

import re

_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")  # 1.071 / 23.000 / 1.234,5
_PLAIN = re.compile(r"^\d+(?:,\d+)?$")  # 205 / 111,9
_DOT_DECIMAL = re.compile(r"^\d+\.\d+$")  # 7.61 (not a 3-digit group)
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def parse_vn_number(text: str) -> float | None:
    if not isinstance(text, str):
        return None
    s = _SPACES.sub("", text.strip()).rstrip("%")
    if s and s[0] in "+-":
        sign, s = (-1.0 if s[0] == "-" else 1.0), s[1:]
    else:
        sign = 1.0
    if not s or not s.isascii():
        return None
    try:
        if _GROUPED.match(s):
            return sign * float(s.replace(".", "").replace(",", "."))
        if _PLAIN.match(s):
            return sign * float(s.replace(",", "."))
        if _DOT_DECIMAL.match(s):
            return sign * float(s)
    except ValueError:  # pragma: no cover - the regexes only admit float-able text
        return None
    return None
