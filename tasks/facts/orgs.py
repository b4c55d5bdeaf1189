"""Shared token walker for organisation phrases (the part of a title after the post head, and a
document's issuer): capitalised words, acronyms, and lower-case words that continue them."""
from __future__ import annotations

import re

from tasks.facts import lexicon as lx

L = lx.get()
_TOKEN = re.compile(r"[ \t\u00a0]*([^\W_][^\s,;:()\[\]“”\"'’‘…!?–—]*)")
_NAME_AT = re.compile(rf"{lx.CAP_SYL}(?:{lx.MORE_CAP_SYL}){{1,4}}")
_ORG_LOWER = frozenset(lx._norm(w).casefold() for w in L.posts["org_lower_words"])
_NUM_AFTER = frozenset(("quận", "phường", "khu", "tổ", "khóa", "khoá"))


def _tok_word(tok: str) -> str:
    return tok.rstrip(".").casefold()


def name_at(fb: str, pos: int, limit: int):
    """A person name starting exactly at pos: (end) or None.  Surname first, not a place, and
    followed by something that can follow a name (punctuation, end, or a lower-case stop word).

    The name is the whole run of capitalised syllables (up to five): a shorter reading would be
    followed by the next capitalised syllable, which is never a boundary."""
    m = _NAME_AT.match(fb, pos, limit)
    if not m:
        return None
    syl = m.group(0).split()
    if syl[0].casefold() not in L.surnames:
        return None
    if " ".join(syl).casefold() in L.places or " ".join(syl[:2]).casefold() in L.places:
        return None
    end = m.end()
    return end if name_may_end(fb, end, limit) else None


def name_may_end(fb: str, end: int, limit: int) -> bool:
    """Whether what follows fb[:end] can follow a name (punctuation, the limit, a lower-case stop word)."""
    if end >= limit:
        return True
    ch = fb[end]
    if not ch.isspace():
        return not ch.isalnum()
    m = _TOKEN.match(fb, end, limit)
    if not m:
        return True
    tok = m.group(1)
    if tok[0].isupper() or tok[0].isdigit():
        return False
    return _stop_from(fb, m, limit, L.title_stop)


_FIRSTS: dict[int, frozenset] = {}


def _firsts(stops) -> frozenset:
    f = _FIRSTS.get(id(stops))
    if f is None:
        f = _FIRSTS[id(stops)] = frozenset(w.split()[0] for w in stops)
    return f


def _stop_from(fb: str, m: re.Match, limit: int, stops) -> bool:
    """Whether a stop phrase starts with the token m (a _TOKEN match the caller already made)."""
    words = [m.group(1).rstrip(".").casefold()]
    if words[0] not in _firsts(stops):
        return False
    while True:
        if " ".join(words) in stops:
            return True
        if len(words) >= L.title_stop_max:
            return False
        p = m.end()
        m = _TOKEN.match(fb, p, limit)
        if not m or m.start(1) - p > 2:
            return False
        words.append(m.group(1).rstrip(".").casefold())


def org_phrase_end(fb: str, pos: int, limit: int, *, stops=None, max_tokens: int = 14, stop_at_names: bool = True) -> int:
    """End offset of the organisation phrase starting at pos (pos itself if none)."""
    end = pos
    prev_cap = True  # right after a post head ("Trưởng Ban", "Bí thư"): behave as after a capital
    prev_word = ""
    n = 0
    p = pos
    while n < max_tokens:
        m = _TOKEN.match(fb, p, limit)
        if not m:
            break
        tok = m.group(1)
        ts = m.start(1)
        if ts > p and fb[p:ts].count(" ") > 2:
            break
        first = tok[0]
        if first.isdigit():
            if prev_word in _NUM_AFTER or prev_word.isupper():
                end = m.end(); p = end; prev_cap = False; prev_word = tok; n += 1
                continue
            break
        if first.isupper():
            if stop_at_names and tok.casefold() in L.surnames and name_at(fb, ts, limit):
                break
            if n > 0 and prev_word.casefold() not in ("ban", "đảng", "ủy"):
                # a new post head starts a new title ("..., Trưởng Ban") - only without a comma is rare
                hm = L.post_head_at.match(fb, ts)
                if hm and " " in hm.group(0):
                    break
            end = m.end(); p = end; prev_cap = True; prev_word = tok; n += 1
            if tok.endswith("."):
                break
            continue
        # lower-case token
        if _stop_from(fb, m, limit, L.title_stop if stops is None else stops):
            break
        w = _tok_word(tok)
        if prev_cap or w in _ORG_LOWER:
            end = m.end(); p = end; prev_cap = False; prev_word = w; n += 1
            if tok.endswith("."):
                break
            continue
        break
    # a trailing dot belongs to the sentence, not to "TP.HCM"
    while end > pos and fb[end - 1] in ".":
        end -= 1
    return end
