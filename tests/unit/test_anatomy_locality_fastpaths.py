"""The locality scan is exact: the filtered name scan (second word tested in the regex) and the
split-based name reading find the same mentions as the plain word-by-word form."""
from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.anatomy import locality
from tasks.anatomy.core import _load

_NEXT_WORD = re.compile(r"\s+(\S+)")


@pytest.fixture(scope="module")
def gaz():
    return _load().gazetteer()


def _plain_longest_name(g, t0, text, end):
    key, covered = (t0, 0) if t0 in g.keys else (None, 0)
    cand, pos, joined, limit = t0, end, 0, end + 60
    for _ in range(g.maxlen - 1):
        if cand not in g.continued:
            break
        m = _NEXT_WORD.match(text, pos, limit)
        if m is None:
            break
        o = m.group(1)
        if not (o[:1].isupper() or o[:1].isdigit() or o == "-"):
            break
        pos = m.end()
        joined += len(o) + 1
        cand = cand + " " + o.lower().strip(locality._TOKEN_PUNCT)
        if cand in g.keys:
            key, covered = cand, joined
    return key, covered


def _plain_mentions(g, text):
    """The mentions as read before the filtered scan: every capitalised word that can open a
    name, its next word checked in Python, then the name read word by word with a regex."""
    skip_to = 0
    for m in g.first_cap_words.finditer(text):
        st_ = m.start()
        if st_ < skip_to:
            continue
        w0 = m.group(0).strip(locality._TOKEN_PUNCT)
        unit = False
        if w0 not in g.first_cap:
            if w0[:3] in ("TP.", "Tp.") and w0[3:] in g.first_cap:
                w0, unit = w0[3:], True
            else:
                continue
        t0 = w0.lower()
        if t0 not in g.keys:
            nxt = _NEXT_WORD.match(text, m.end(), m.end() + 60)
            if nxt is None or nxt.group(1).lower().strip(locality._TOKEN_PUNCT) not in g.second_words.get(t0, ()):
                continue
        key, n = _plain_longest_name(g, t0, text, m.end())
        if key is None:
            continue
        if not unit:
            unit = text[max(0, st_ - 32):st_].lower().rstrip().endswith(g.unit_tuple)
        skip_to = m.end() + n
        if key in g.names:
            if not (key in g.needs_prefix and not unit):
                yield g.names[key], False, unit
        else:
            yield g.districts[key], True, unit


PIECES = [" ", "  ", " " * 57, "\t", "\n", "\x1c", "\u3000", "(", "“", '"', ")", ".", ",", "-", "–", "…",
          "Hà", "Nội", "HÀ", "NỘI", "nội", "Nội,", "Bà", "Rịa", "BR-VT", "Vũng", "Tàu", "TP.", "TP", "Tp.", "HCM",
          "TP.HCM", "TP.Hà", "Hồ", "Chí", "Minh", "Quận", "8", "Thủ", "Đức", "Châu", "Thành", "Khánh", "Hòa",
          "Hoà", "hoà", "tỉnh", "thành phố", "Thừa", "Thiên", "Huế", "Vinh", "Việt", "Nam", "Định", "Long", "An",
          "Tân", "Phú", "Cà", "Mau", "İ", "\u212a", "ſ", "Ninh", "Bình", "Giang"]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=16).map("".join)


@settings(max_examples=600, deadline=None)
@given(texts)
def test_mentions_are_the_plain_ones(s):
    g = _load().gazetteer()
    assert [m[1:] for m in g._mentions([(s, 1.0)])] == list(_plain_mentions(g, s))


@pytest.mark.parametrize("text", [
    "Chủ tịch UBND TP.HCM dự lễ tại Quận 8 và TP Thủ Đức.",
    "Đoàn công tác tỉnh Bà Rịa - Vũng Tàu, BR-VT và Bà Rịa – Vũng Tàu.",
    "Hội nghị (Hà Nội) “Hải Phòng” \"Nam Định\" ở Thừa Thiên - Huế, tỉnh Khánh Hoà.",
    "Việt Nam và Hà" + " " * 58 + "Nội; Hà" + " " * 50 + "Nội.",
    "HÀ NỘI - Tin từ NAM ĐỊNH; Hà\u3000Nội;\x1cHải\x1cPhòng",
    "Về Hà, Nội dung; Quảng… Nam, Bà) Rịa - Vũng Tàu; (Hải Phòng, “Cà Mau”",
])
def test_mentions_on_examples(gaz, text):
    assert [m[1:] for m in gaz._mentions([(text, 1.0)])] == list(_plain_mentions(gaz, text))


def test_second_word_lookahead_is_a_superset(gaz):
    # a next word passes _longest_name when its lower-case form (trailing punctuation stripped)
    # is a second word; the look-ahead's (?i:) must accept every such spelling
    seconds = {w for ws in gaz.second_words.values() for w in ws}
    letters = {c for w in seconds for c in w}
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if len(low) == 1:
            if low in letters:
                assert re.fullmatch(re.escape(low), c, re.IGNORECASE), hex(cp)
        else:                  # "İ" -> "i̇": no second word holds such a lower-case form
            assert not any(low in w for w in seconds), hex(cp)


def test_split_blanks_are_regex_blanks():
    # _longest_name reads the window with str.split(); the regexes use \s
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        assert (("a" + c + "b").split() == ["a", "b"]) == bool(re.fullmatch(r"\s", c)), hex(cp)
