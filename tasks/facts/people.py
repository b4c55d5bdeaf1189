"""People and their posts.

A person is a name (2-5 capitalised syllables, first a known surname, not a known place) that the
article marks as a person: an address form before it ("đồng chí", "ông", "bà", "Đ/c", a rank), a
chain of titles before it ("Bí thư Quận ủy Ngô Thành Tuấn") or after it ("Đào Trọng Đức, Ủy viên
Ban Thường vụ Thành ủy, Trưởng Ban Tổ chức Thành ủy").  A title is a post head from
lexicons/posts.yaml plus the organisation phrase after it (orgs.py).  Later mentions by title
alone ("đồng chí Phó Bí thư Thường trực Thành ủy") only update the role of the one person
holding that title.  The byline author is never a person.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from tasks.facts import lexicon as lx
from tasks.facts.orgs import name_at, name_may_end, org_phrase_end
from tasks.facts.page import Page
from tasks.model import Person
from tasks.textnorm import match_key as _match_key

L = lx.get()
_CAPSEQ = re.compile(rf"{lx.CAP_SYL_SCAN}(?:{lx.MORE_CAP_SYL})+")
_HONORIFIC = frozenset(("ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "đồng", "em"))
_CUE = lx.word_tuple(
    "đồng chí|các đồng chí|đ/c|ông|bà|anh|chị|đảng viên|cử tri|nhà báo|gs.ts|pgs.ts|gs|pgs|ts|ths|"
    "đại tướng|thượng tướng|trung tướng|thiếu tướng|đại tá|thượng tá".split("|"))
_PLACE_BEFORE = lx.word_tuple(
    "phố|đường|trường|xã|phường|thôn|bản|huyện|quận|tỉnh|làng|cầu|chợ|khu|tượng đài|nhà văn hóa|công ty|"
    "thị trấn|thành phố|tp|tp.|sông|núi|đền|chùa|giải|quỹ|học bổng|tư tưởng|lăng|bảo tàng|di tích|hẻm|ngõ|"
    "ấp|xóm|lớp|khóa".split("|"))


def _has_cue(left: str) -> bool:
    t = left.rstrip().rstrip(":").lower()
    return t.endswith((";", ":")) or lx.ends_with_word(t, _CUE) is not None
_SEP_FIRST = re.compile(r"[ \t]*(?:,|–|-|—|\()[ \t]*")
_SEP_NEXT = re.compile(r"[ \t]*(?:,|–|-|—)[ \t]*")
_FORMER_AT = re.compile(r"(?:nguyên|cựu)\s+", re.IGNORECASE)
_COMMA_END = re.compile(r",\s*$")
match_key = lru_cache(maxsize=4096)(_match_key)
# "Phát biểu tại Hội nghị, (đồng chí) <title chain> NAME": the intro must lead straight to the mention
_SPEAKER_INTRO = re.compile(
    r"\W*" + lx.alternation(L.posts["roles"]["speaker_before"]) + r"(?![^\W\d_])[^,.;:]{0,80},\s*"
    r"(?:(?:đồng chí|ông|bà)\s+)?", re.IGNORECASE)
_LAST_WORD = re.compile(r"([^\W\d_]+)[ \t]+$")
_ROLE_RANK = {"mentioned": 0, "attendee": 1, "speaker": 2, "chair": 3}
# first words of post heads with their case-folded form (title keys are case-folded)
_HEAD_FIRST_FOLDED = [(w, w.casefold()) for w in L.post_head_first_word_re]
_HEAD_FIRST_LENGTHS = sorted({len(fw) for _, fw in _HEAD_FIRST_FOLDED})
_ROLE_AFTER = sorted(L.role_after, key=lambda rr: -_ROLE_RANK[rr[0]])   # strongest first


def _head_at(fb: str, pos: int):
    if not fb[pos].isupper():    # cheap test first: the head regex tries every post head
        return None
    return L.post_head_at.match(fb, pos)


# Punctuation that no organisation-phrase token (orgs._TOKEN) holds or starts with: a title whose
# head ends before one of these cannot reach past it.
_PHRASE_BREAK = re.compile(r"[,;:()\[\]“”\"'’‘…!?–—]")


def _last_break(fb: str, start: int, end: int) -> int:
    """Offset of the last _PHRASE_BREAK character in fb[start:end], -1 if none."""
    last = -1
    for m in _PHRASE_BREAK.finditer(fb, start, end):
        last = m.start()
    return last


def _titles_after(fb: str, pos: int, limit: int):
    if pos >= limit or fb[pos] not in " \t,–-—(":   # cheap test first: what _SEP_FIRST can start with
        return [], pos
    spans = []
    sep = _SEP_FIRST
    while True:
        sm = sep.match(fb, pos, limit)
        if not sm:
            break
        p = sm.end()
        fm = _FORMER_AT.match(fb, p, limit)
        hp = fm.end() if fm else p
        hm = _head_at(fb, hp) if hp < limit else None
        if not hm:
            break
        te = org_phrase_end(fb, hm.end(), limit)
        spans.append((p, te))
        pos = te
        sep = _SEP_NEXT
    return spans, pos


def _post_heads(fb: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every capitalised post head at a word edge that starts in fb[start:end].

    Scanning only a window gives exactly the heads of a whole-text scan that start in it: a
    head's first word is one capitalised syllable, so no scan match can straddle a word start,
    and a head needs its first word followed by a non-letter, which the window's end allows too
    (the head itself is then matched on the whole text)."""
    scan = L.post_head_first_re.finditer(fb, start) if end is None else L.post_head_first_re.finditer(fb, start, end)
    return _heads_at(fb, (cm.start() for cm in scan))


def _post_heads_from(fb: str, words) -> list[tuple[int, int]]:
    """_post_heads(fb) restricted to heads whose first word (as the scan reads it) is in words.

    At most one first word can match at a place (each must be followed by a non-letter), so
    merging one scan per word gives the same places as the alternation scan; a regex that starts
    with a literal is scanned several times faster than the alternation."""
    return _heads_at(fb, sorted(m.start() for w in words for m in L.post_head_first_word_re[w].finditer(fb)))


def _heads_at(fb: str, starts) -> list[tuple[int, int]]:
    """(start, end) of the post heads that begin at the given scan starts: a capital at a word
    edge, then the whole head matched there."""
    heads = []
    for hs in starts:
        if not fb[hs].isupper() or (hs and fb[hs - 1].isalnum()):
            continue
        hm = L.post_head_at.match(fb, hs)
        if hm:
            heads.append((hs, hm.end()))
    return heads


def _titles_before(fb: str, ss: int, pos: int):
    chain = []
    while pos > ss:
        # the nearest title that ends right before pos, its head at most 120 characters back
        found = None
        heads = [h for h in _post_heads(fb, max(ss, pos - 120), pos) if h[1] <= pos]
        wall = _last_break(fb, min(he for _, he in heads), pos) if heads else -1
        for hs, he in heads:
            if he <= wall:
                continue   # the title's words stop at that punctuation, before pos
            te = org_phrase_end(fb, he, pos, stop_at_names=False)
            if not fb[te:pos].strip():
                found = (hs, te)
                break
        if not found:
            break
        ts, te = found
        win = fb[max(ss, ts - 12):ts]
        fw = lx.ends_with_word(win.lower(), L.former_words)
        if fw:
            ts = ts - (len(win) - len(win.rstrip())) - len(fw)
        chain.insert(0, (ts, te))
        cm = _COMMA_END.search(fb, ss, ts)
        if not cm:
            break
        pos = cm.start()
    return chain


def _at_word_edge(fb: str, m):
    """The capitalised run m, or its part that starts at a word edge ("TP HCM Nguyễn Văn Được"
    gives "Nguyễn Văn Được": the scan regex may first land on the "M" of "HCM"); None if none."""
    while m is not None and m.start() and fb[m.start() - 1].isalnum():
        sp = fb.find(" ", m.start(), m.end())
        m = _CAPSEQ.match(fb, sp + 1) if sp >= 0 else None
    return m


@lru_cache(maxsize=16384)
def _run_reading(run: str):
    """Where the name in a capitalised run starts, read from the run's text alone: (offset,
    honorific) when the run from offset is a whole name as `name_at` reads one (only what follows
    the run can still rule it out), (None, False) when a name may start at a later syllable
    after a title (`_name_inside`), None when the run holds no name.

    Cached on the text: most runs ("Hà Nội", "Phó Chủ", a leader's name) recur page after page,
    and these string checks cost more than the dictionary look-up."""
    sp = run.find(" ")
    first = (run[:sp] if sp > 0 else run).casefold()
    honorific = first in _HONORIFIC
    if first in L.surnames:
        off = 0
    elif honorific and sp > 0:      # "Ông Nguyễn Văn A": the name starts after the address form
        off = sp + 1
        while off < len(run) and run[off] in " \t\u00a0":
            off += 1
    elif run.count(" ") >= 2 and any(w.casefold() in L.surnames for w in run.split()[1:-1]):
        return None, False
    else:
        return None
    # name_at from off: up to five syllables, surname first, not a place; a sixth capitalised
    # syllable (the run goes on) is never a name boundary
    syl = run[off:].split()
    if not 2 <= len(syl) <= 5 or syl[0].casefold() not in L.surnames:
        return None
    if " ".join(syl).casefold() in L.places or " ".join(syl[:2]).casefold() in L.places:
        return None
    return off, honorific


_NONSPACE = re.compile(r"\S+")


def _name_inside(fb: str, m, page: Page):
    """In "... Tổ chức huyện ủy Chư Sê Lê Kim Khoa" the capitalised run starts with the end of a
    title; a name may start at a later syllable if a title chain ends right before it."""
    syl = list(_NONSPACE.finditer(m.group(0)))
    if len(syl) < 3:
        return None
    for k in range(1, len(syl) - 1):
        if syl[k].group(0).casefold() in L.surnames:
            s = m.start() + syl[k].start()
            sentence = page.sentence_at(s)
            if sentence is not None and _titles_before(fb, sentence[0], s):
                return s
    return None


def _role(fb: str, ss: int, s: int, after: int, se: int, chain_start: int | None = None) -> str:
    best = "mentioned"
    for role, rx in _ROLE_AFTER:   # the first cue found is the strongest
        if rx.match(fb, after, se):
            best = role
            break
    left = fb[ss:s]
    if lx.ends_with_word(left.lower(), L.chair_before):
        return "chair"
    if _ROLE_RANK[best] < 2 and _SPEAKER_INTRO.fullmatch(fb, ss, s if chain_start is None else chain_start):
        best = "speaker"
    if best == "mentioned" and L.attendee_before_hint_re.search(left) and L.attendee_before_re.search(left):
        best = "attendee"
    return best


def extract_people(page: Page, author: str | None) -> list[Person]:
    body, fb = page.body, page.fb
    author_key = match_key(author).strip() if author else None
    author_parts = author_key.split(" - ") if author_key else ()
    persons: dict[str, dict] = {}
    claimed: list[tuple[int, int]] = []

    def add(key, name_s, name_e, titles, role):
        p = persons.get(key)
        if p is None:
            p = persons[key] = {"name": body[name_s:name_e], "titles": [], "tkeys": set(), "role": role,
                                "start": name_s, "end": name_e}
        for ts, te in titles:
            t = body[ts:te].strip()
            k = match_key(t)
            if t and k not in p["tkeys"]:
                p["tkeys"].add(k)
                p["titles"].append(t)
        if _ROLE_RANK[role] > _ROLE_RANK[p["role"]]:
            p["role"] = role

    for m in _CAPSEQ.finditer(fb):   # runs of 2+ capitalised syllables
        run_start = m.start()
        if run_start and fb[run_start - 1].isalnum():
            m = _at_word_edge(fb, m)
            if m is None:
                continue
        reading = _run_reading(m.group(0))
        if reading is None:
            continue
        off, honorific = reading
        run_start, run_end = m.span()
        if off is None:
            s = _name_inside(fb, m, page)
            if s is None:
                continue
        else:
            s = run_start + off
        sentence = page.sentence_at(s)
        if sentence is None:
            continue
        ss, se = sentence
        if s >= se:
            continue
        if off is None:
            e = name_at(fb, s, se)
        else:   # the run itself is the name (_run_reading): only what follows it can still rule it out
            e = run_end if name_may_end(fb, run_end, se) else None
        if not e:
            continue
        nkey = match_key(body[s:e])
        if author_key and (nkey == author_key or nkey in author_parts or author_key.endswith(" " + nkey)):
            continue
        left = fb[max(ss, s - 40):s]
        cue = _has_cue(left) or (honorific and s != run_start)
        before = _titles_before(fb, ss, s)
        after, chain_end = _titles_after(fb, e, se)
        if not (cue or before or after or nkey in persons):
            continue
        if not cue and not before and not after:
            pass
        elif not cue and not before and lx.ends_with_word(left.lower(), _PLACE_BEFORE):
            continue
        if not cue and not before:
            # preceded by another capitalised word ("Trường Chính trị Trường Chinh"): an institution
            pm = _LAST_WORD.search(left)
            if pm and pm.group(1)[0].isupper() and nkey not in persons and not after:
                continue
        role = _role(fb, ss, s, chain_end, se, before[0][0] if before else s)
        add(nkey, s, e, before + after, role)
        claimed.extend(before)
        claimed.extend(after)
        claimed.append((s, e))

    tkeys = {tk for p in persons.values() for tk in p["tkeys"]}
    if tkeys:   # references by title need a known title
        # A reference's key starts with its head's first word, case-folded (see _title_references):
        # only heads whose first word starts a known title can refer to anyone.
        # (tk.startswith(fw) for some tk, as one set look-up: fw is a prefix of the same length)
        prefixes = {tk[:n] for tk in tkeys for n in _HEAD_FIRST_LENGTHS}
        words = [w for w, fw in _HEAD_FIRST_FOLDED if fw in prefixes]
        _title_references(body, fb, page, persons, claimed, _post_heads_from(fb, words))

    out = [Person(name=p["name"], titles=tuple(p["titles"]), role=p["role"], start=p["start"], end=p["end"])
           for p in persons.values()]
    out.sort(key=lambda p: p.start)
    return out


def _title_references(body, fb, page: Page, persons, claimed, heads) -> None:
    claimed.sort()
    cstarts = [c[0] for c in claimed]
    by_title: dict[str, list[str]] = {}
    for key, p in persons.items():
        for tk in p["tkeys"]:
            by_title.setdefault(tk, []).append(key)
    for hs, he in heads:
        j = bisect.bisect_right(cstarts, hs) - 1
        if j >= 0 and claimed[j][0] <= hs < claimed[j][1]:
            continue
        # The reference's key starts with its head's key (the organisation phrase, if any, follows
        # after a space), so a head that starts no known title needs no phrase read.
        hk = match_key(body[hs:he])
        if not any(tk.startswith(hk) for tk in by_title):
            continue
        sentence = page.sentence_at(hs)
        if sentence is None:
            continue
        ss, se = sentence
        if hs >= se or lx.ends_with_word(fb[max(ss, hs - 8):hs].lower(), L.former_words):
            continue
        te = org_phrase_end(fb, he, se)
        owners = by_title.get(match_key(body[hs:te]))
        if not owners or len(owners) != 1:
            continue
        nm = re.match(r"\s+", fb[te:te + 3])
        if nm and name_at(fb, te + nm.end(), se):
            continue
        p = persons[owners[0]]
        role = _role(fb, ss, hs, te, se)
        if _ROLE_RANK[role] > _ROLE_RANK[p["role"]]:
            p["role"] = role
