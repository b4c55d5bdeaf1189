"""Quantitative Party-work facts, one clause at a time.

A clause (sentence split at ";") is read as a stream of events - metric verbs ("kết nạp",
"thành lập", "thi hành kỷ luật" ...), counts ("205/200 đảng viên"), bracketed ratios
("(47/42=111,9% kế hoạch)", "(1.071/444)") and percents ("72% kế hoạch") - and folded with a few
rules (see docs/facts.md):

* VERB ... COUNT UNIT                  -> fact (metric from verb class x unit class)
* COUNT UNIT ... được/bị VERB          -> fact ("245 đảng viên được trao Huy hiệu")
* tổng số / hiện có ... COUNT đảng viên -> party_members_total
* P% kế hoạch [về] VERB UNIT           -> percent-only fact ("Đạt 72% kế hoạch về kết nạp đảng viên")
* VERB UNIT ... P% kế hoạch / (A/T=P%)  -> fact for a verb phrase without its own count
* (A/T[=P%]) or (đạt P% kế hoạch) right after a fact completes it.
A count with a party noun that no rule claims becomes `other`.  Counts of units ("16/16 đảng
bộ"), dates, years, "lần thứ 20", numbers inside document references never become facts.
"""
from __future__ import annotations

import re
from datetime import date

from tasks.facts import lexicon as lx
from tasks.facts.numbers import parse_vn_number
from tasks.facts.page import Page
from tasks.facts.periods import find_periods
from tasks.facts.text import clause_spans
from tasks.model import Indicator

L = lx.get()

_NUM = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
_COUNT = re.compile(
    rf"(?<![\w/.,-])(?P<a>{_NUM})(?:\s*/\s*(?P<t>{_NUM}))?(?:\s*=\s*(?P<p>{_NUM})\s*%)?(?P<pct>\s*%)?(?![\w/])"
)
_SKIP_BEFORE = lx.word_tuple(
    "lần thứ|thứ|khóa|khoá|số|năm|tháng|ngày|quý|điều|khoản|chương|nhiệm kỳ|giai đoạn|đợt|kỳ|quận|phường|"
    "sáng|chiều|tối|trưa|đêm|hôm|lúc|đến|từ|nghị quyết|chỉ thị|kết luận|quyết định|quy định|hướng dẫn|"
    "kế hoạch|thông báo|đề án|chương trình|trung ương|tw|tư|tăng|giảm|tăng thêm|giảm đi".split("|"))
_OPEN_PAREN = ("(", "(đạt", "( đạt", "(bằng", "(tương đương", "(=")
_PCT_GAP_TO_VERB = re.compile(r"\s*(?:(?:kế hoạch|chỉ tiêu|KH)\s*)?(?:(?:về|của|trong)\s+)?(?:công tác\s+)?$", re.IGNORECASE)
_HAS_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
_FILLER = re.compile(r"\s*(?:được|mới|thêm)\s")
_HAS_WITH = ("hiện có", "có", "với")
_ORG_HAS = re.compile(r"(?:đảng bộ|chi bộ)[^,;.\d]{0,30}?(?:hiện có|có|với)\s*$")
NAMED = frozenset(m for d in L.metric_map.values() for m in d.values())


class _Ev:
    __slots__ = ("kind", "start", "end", "cls", "unit", "unit_cls", "unit_end", "a", "t", "p", "pct",
                 "qual", "direct", "used")

    def __init__(self, kind, start, end):
        self.kind, self.start, self.end = kind, start, end
        self.cls = self.unit = self.unit_cls = self.a = self.t = self.p = self.qual = None
        self.unit_end = end
        self.pct = False
        self.direct = None
        self.used = False


def _unit_at(fb: str, pos: int, limit: int):
    m = L.unit_re.match(fb, pos, limit)
    if not m:
        return None
    word = " ".join(m.group(1).split()).casefold()
    return m.start(1), m.end(1), L.unit_class.get(word)


def _metric(cls: str | None, unit_cls: str | None, unit_text: str | None) -> str | None:
    if cls is None or unit_cls is None:
        return None
    if unit_text and unit_text.casefold() == "đồng chí" and cls not in L.dong_chi_for:
        return None
    return L.metric_map.get(cls, {}).get(unit_cls)


def _events(fb: str, lo: str, cs: int, ce: int, masked) -> list[_Ev]:
    evs = []
    for m in L.verb_lo_re.finditer(lo, cs, ce):
        if m.start() and lo[m.start() - 1].isalnum():
            continue
        if lx.ends_with_word(lo[max(cs, m.start() - 25):m.start()], L.verb_blockers):
            continue
        ev = _Ev("verb", m.start(), m.end())
        ev.cls = L.verb_classes.get(" ".join(m.group(0).split()))
        # a unit right after the verb ("kết nạp đảng viên") makes a verb *phrase* without a count
        u = _unit_at(fb, m.end(), ce)
        if u is None:
            u2 = _FILLER.match(lo, m.end(), min(ce, m.end() + 10))
            if u2:
                u = _unit_at(fb, u2.end() - 1, ce)
        if u and not _HAS_DIGIT.search(fb, m.end(), u[0]):
            metric = _metric(ev.cls, u[2], fb[u[0]:u[1]])
            if metric:
                ev.direct = (metric, u[0], u[1])
                ev.end = u[1]
        evs.append(ev)
    for m in _COUNT.finditer(fb, cs, ce):
        if any(s <= m.start() < e for s, e in masked):
            continue
        before = lo[max(cs, m.start() - 22):m.start()]
        a = parse_vn_number(m.group("a"))
        if a is None:
            continue
        ev = _Ev("num", m.start(), m.end())
        ev.a = a
        ev.t = parse_vn_number(m.group("t")) if m.group("t") else None
        ev.p = parse_vn_number(m.group("p")) if m.group("p") else None
        ev.pct = bool(m.group("pct"))
        if m.group("t") and ev.p is None and not before.rstrip().endswith(_OPEN_PAREN) \
                and lx.ends_with_word(before, _SKIP_BEFORE):
            continue  # "ngày 21/10", "số 45/..."
        if not m.group("t") and not ev.pct and lx.ends_with_word(before, _SKIP_BEFORE):
            continue
        if not ev.pct and ev.p is None:
            u = _unit_at(fb, m.end(), ce)
            if u:
                ev.unit, ev.unit_cls, ev.unit_end = fb[u[0]:u[1]], u[2], u[1]
        q = lx.ends_with_word(before, L.qualifiers)
        if q:
            qe = m.start() - (len(before) - len(before.rstrip()))
            ev.qual = fb[qe - len(q):qe]
        evs.append(ev)
    evs.sort(key=lambda e: (e.start, e.kind != "verb"))
    return evs


def _in_paren(fb: str, cs: int, pos: int) -> bool:
    return fb[max(cs, pos - 20):pos].rstrip().lower().endswith(_OPEN_PAREN)


def extract_indicators(page: Page, ref_year: int | None, masked) -> list[Indicator]:
    out: list[Indicator] = []
    if not page.has_digit:      # every indicator is a number
        return out
    body, fb, lo = page.body, page.fb, page.lo
    seen = set()
    hints = L.sentence_hints
    for ss, se in _hinted_sentences(page):
        if not _HAS_DIGIT.search(lo, ss, se):
            continue
        facts = []
        for cs, ce in clause_spans(fb, ss, se):
            low = lo[cs:ce]
            if _HAS_DIGIT.search(low) and any(h in low for h in hints):
                facts.extend(_clause_facts(fb, lo, cs, ce, masked))
        if not facts:
            continue
        periods = find_periods(fb, ss, se, ref_year)
        for f in facts:
            key = (f["metric"], f["actual"], f["target"], f["percent"])
            if f["metric"] != "other":
                if key in seen:
                    continue
                seen.add(key)
            per = _nearest_period(periods, f["pos"], f["clause"], ss)
            out.append(Indicator(
                metric=f["metric"], actual=f["actual"], target=f["target"], percent=f["percent"],
                unit=f["unit"], qualifier=f["qual"],
                period=body[per[0]:per[1]] if per else None,
                period_start=per[2] if per else None, period_end=per[3] if per else None,
                evidence=body[ss:se], start=ss, end=se,
            ))
    return out


def _hint_searches(hints) -> list[tuple[str, tuple[str, ...]]]:
    """(what to search for, the hints it finds): hints that share a first word ("hội viên",
    "hội thanh niên") are found with one search for that word and a space."""
    by_first: dict[str, list[str]] = {}
    for h in dict.fromkeys(hints):   # the lexicon's "cấp uỷ" is "cấp ủy" once tone placement is folded
        by_first.setdefault(h.split(" ")[0], []).append(h)
    out = []
    for first, group in by_first.items():
        if len(group) > 1 and all(h.startswith(first + " ") for h in group):
            out.append((first + " ", tuple(group)))
        else:
            out.extend((h, (h,)) for h in group)
    return out


_HINT_SEARCHES = _hint_searches(L.sentence_hints)


def _hinted_sentences(page: Page) -> list[tuple[int, int]]:
    """The sentences that contain a sentence hint, in order.  One substring search per hint over
    the whole lower-cased page (most pages contain none), not every hint in every sentence; after
    a hit the search goes on from the end of its sentence."""
    lo = page.lo
    found: set[tuple[int, int]] = set()
    for needle, group in _HINT_SEARCHES:
        i = lo.find(needle)
        while i >= 0:
            # a one-hint search finds its hint; a shared first word may start none of its hints
            hints = group if len(group) == 1 else [h for h in group if lo.startswith(h, i)]
            sentence = page.sentence_at(i) if hints else None
            se = sentence[1] if sentence is not None else 0
            if any(i + len(h) <= se for h in hints):
                found.add(sentence)
                i = lo.find(needle, se)
            else:   # not a hint, across a sentence end, or in the spaces between two sentences
                i = lo.find(needle, i + 1)
    return sorted(found)


def _nearest_period(periods, pos, clause, sentence_start):
    """The period in the fact's own clause nearest to it (before it preferred); else one written
    at the head of the sentence ("Năm 2020, ..."), which scopes the whole sentence."""
    cs, ce = clause
    inside = [p for p in periods if cs <= p[0] < ce]
    if inside:
        before = [p for p in inside if p[0] <= pos]
        return before[-1] if before else inside[0]
    head = [p for p in periods if p[0] - sentence_start <= 40 and p[0] < cs]
    return head[0] if head else None


def _new(metric, ev, pos, clause, *, unit=None, a=None, t=None, p=None, qual=None):
    return {"metric": metric, "actual": a, "target": t, "percent": p, "unit": unit, "qual": qual,
            "pos": pos, "clause": clause, "end": ev.unit_end if ev is not None else pos}


def _clause_facts(fb: str, lo: str, cs: int, ce: int, masked) -> list[dict]:
    evs = _events(fb, lo, cs, ce, masked)
    if not any(e.kind == "num" for e in evs):
        return []
    facts = []
    pending = None   # verb waiting for its count
    last = None      # fact that a following bracket may complete
    clause = (cs, ce)
    for i, ev in enumerate(evs):
        if ev.used:
            continue
        if ev.kind == "verb":
            pending, last = ev, None
            continue
        # ---- counts with a unit
        if ev.unit is not None and not ev.pct:
            metric = None
            if pending is not None and pending.direct is None and ev.start - pending.end <= 60:
                metric = _metric(pending.cls, ev.unit_cls, ev.unit)
                if metric:
                    pending = None
            if metric is None and ev.t is None:
                pm = L.passive_re.match(fb, ev.unit_end, ce)
                if pm:
                    cls = L.verb_classes.get(" ".join(pm.group(1).split()).casefold())
                    metric = _metric(cls, ev.unit_cls, ev.unit)
            if metric is None and ev.t is None and ev.unit_cls == "party_member" and ev.unit.casefold().startswith("đảng viên"):
                before = lo[max(cs, ev.start - 40):ev.start]
                if ev.qual:
                    before = before.rstrip()[: -len(ev.qual)]
                if lx.ends_with_word(before, L.total_cues) or (
                        lx.ends_with_word(before, _HAS_WITH) and _ORG_HAS.search(before)):
                    metric = "party_members_total"
            if metric:
                f = _new(metric, ev, ev.start, clause, unit=ev.unit, a=ev.a, t=ev.t, p=ev.p, qual=ev.qual)
                facts.append(f)
                last = f
                continue
            if ev.t is None and ev.unit.casefold() in L.other_units:
                facts.append(_new("other", ev, ev.start, clause, unit=ev.unit, a=ev.a, qual=ev.qual))
            continue
        # ---- bracketed ratio "(47/42=111,9% kế hoạch)" / "(1.071/444)"
        if ev.t is not None and ev.unit is None and not ev.pct and _in_paren(fb, cs, ev.start):
            if last is not None and last["target"] is None and last["actual"] in (None, ev.a) \
                    and ev.start - last["end"] <= 40:
                last["actual"], last["target"] = ev.a, ev.t
                if ev.p is not None and last["percent"] is None:
                    last["percent"] = ev.p
                continue
            if pending is not None and pending.direct is not None and ev.start - pending.end <= 40:
                f = _new(pending.direct[0], ev, ev.start, clause, unit=fb[pending.direct[1]:pending.direct[2]],
                         a=ev.a, t=ev.t, p=ev.p)
                facts.append(f)
                pending, last = None, f
            continue
        # ---- percents
        if ev.pct:
            plan = L.plan_re.match(fb, ev.end, ce)
            nxt = evs[i + 1] if i + 1 < len(evs) else None
            if nxt is not None and nxt.kind == "verb" and nxt.direct is not None \
                    and _PCT_GAP_TO_VERB.fullmatch(fb, ev.end, nxt.start):
                f = _new(nxt.direct[0], nxt, ev.start, clause, unit=fb[nxt.direct[1]:nxt.direct[2]],
                         p=ev.a, qual=ev.qual)
                facts.append(f)
                nxt.used = True
                pending, last = None, f
                continue
            if not plan:
                continue
            if last is not None and last["percent"] is None and ev.start - last["end"] <= 30:
                last["percent"] = ev.a
                if last["qual"] is None:
                    last["qual"] = ev.qual
                continue
            if pending is not None and pending.direct is not None and ev.start - pending.end <= 40:
                f = _new(pending.direct[0], ev, ev.start, clause, unit=fb[pending.direct[1]:pending.direct[2]],
                         p=ev.a, qual=ev.qual)
                facts.append(f)
                pending, last = None, f
            continue
    return facts
