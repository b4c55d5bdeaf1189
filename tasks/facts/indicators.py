"""Quantitative Party-work facts, one clause at a time.

A clause (sentence split at ";") is read as a stream of events (events.py) - metric verbs
("kết nạp", "thành lập", "thi hành kỷ luật" ...), counts ("205/200 đảng viên"), bracketed ratios
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

from tasks.facts.events import HAS_DIGIT, OPEN_PAREN, ClauseEvents, Event
from tasks.facts.lexicon import Lexicon, default_lexicon, ends_with_word
from tasks.facts.page import Page
from tasks.facts.periods import find_periods
from tasks.facts.text import clause_spans
from tasks.fastforms import FastForm
from tasks.model import Indicator

_PCT_GAP_TO_VERB = re.compile(r"\s*(?:(?:kế hoạch|chỉ tiêu|KH)\s*)?(?:(?:về|của|trong)\s+)?(?:công tác\s+)?$", re.IGNORECASE)
_HAS_WITH = ("hiện có", "có", "với")
_ORG_HAS = re.compile(r"(?:đảng bộ|chi bộ)[^,;.\d]{0,30}?(?:hiện có|có|với)\s*$")
# how far (characters) a count, bracket or percent may lie from what it completes
_VERB_TO_COUNT = 60
_FACT_TO_BRACKET = 40
_VERB_TO_BRACKET = 40
_FACT_TO_PERCENT = 30
_TOTAL_CUE_LOOKBACK = 40
_HEAD_PERIOD_REACH = 40


def hint_searches(hints) -> list[tuple[str, tuple[str, ...]]]:
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


def hinted_sentences(page: Page, searches) -> list[tuple[int, int]]:
    """The sentences that contain a sentence hint, in order.  One substring search per hint over
    the whole lower-cased page (most pages contain none), not every hint in every sentence; after
    a hit the search goes on from the end of its sentence.  searches: hint_searches(hints)."""
    lo = page.lo
    found: set[tuple[int, int]] = set()
    for needle, group in searches:
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
    head = [p for p in periods if p[0] - sentence_start <= _HEAD_PERIOD_REACH and p[0] < cs]
    return head[0] if head else None


def _new(metric, ev, pos, clause, *, unit=None, a=None, t=None, p=None, qual=None) -> dict:
    return {"metric": metric, "actual": a, "target": t, "percent": p, "unit": unit, "qual": qual,
            "pos": pos, "clause": clause, "end": ev.unit_end if ev is not None else pos}


class IndicatorExtractor:
    """Indicators of a page, read with one lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.events = ClauseEvents(lex)
        self.hint_searches = hint_searches(lex.sentence_hints)

    def extract(self, page: Page, ref_year: int | None, masked) -> list[Indicator]:
        out: list[Indicator] = []
        if not page.has_digit:      # every indicator is a number
            return out
        body, fb, lo = page.body, page.fb, page.lo
        seen = set()
        for ss, se in hinted_sentences(page, self.hint_searches):
            facts = self._sentence_facts(fb, lo, ss, se, masked)
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

    def _sentence_facts(self, fb: str, lo: str, ss: int, se: int, masked) -> list[dict]:
        if not HAS_DIGIT.search(lo, ss, se):
            return []
        facts = []
        hints = self.lex.sentence_hints
        for cs, ce in clause_spans(fb, ss, se):
            low = lo[cs:ce]
            if HAS_DIGIT.search(low) and any(h in low for h in hints):
                facts.extend(_ClauseFolder(self, fb, lo, cs, ce).fold(self.events.read(fb, lo, cs, ce, masked)))
        return facts


class _ClauseFolder:
    """Folds one clause's events into facts: a verb waits for its count (pending); a bracket or
    percent right after a fact completes it (last)."""

    def __init__(self, ex: IndicatorExtractor, fb: str, lo: str, cs: int, ce: int) -> None:
        self.lex, self.metric = ex.lex, ex.events.metric
        self.fb, self.lo, self.cs, self.ce = fb, lo, cs, ce
        self.clause = (cs, ce)
        self.facts: list[dict] = []
        self.pending: Event | None = None
        self.last: dict | None = None

    def fold(self, evs: list[Event]) -> list[dict]:
        if not any(e.kind == "num" for e in evs):
            return []
        for i, ev in enumerate(evs):
            if ev.used:
                continue
            if ev.kind == "verb":
                self.pending, self.last = ev, None
            elif ev.unit is not None and not ev.pct:
                self._count(ev)
            elif ev.t is not None and ev.unit is None and not ev.pct and self._in_paren(ev.start):
                self._bracket(ev)
            elif ev.pct:
                self._percent(ev, evs[i + 1] if i + 1 < len(evs) else None)
        return self.facts

    def _in_paren(self, pos: int) -> bool:
        return self.fb[max(self.cs, pos - 20):pos].rstrip().lower().endswith(OPEN_PAREN)

    def _add(self, metric: str, ev: Event, **values) -> dict:
        f = _new(metric, ev, ev.start, self.clause, **values)
        self.facts.append(f)
        return f

    def _pending_phrase_fact(self, ev: Event, pos: int, **values) -> dict:
        """A fact for the pending verb phrase ("kết nạp đảng viên") completed by ev."""
        metric, us, ue = self.pending.direct
        f = _new(metric, ev, pos, self.clause, unit=self.fb[us:ue], **values)
        self.facts.append(f)
        self.pending, self.last = None, f
        return f

    def _count(self, ev: Event) -> None:
        """A count with a unit: named by the pending verb, a passive verb after it, or a total cue."""
        metric = None
        pending = self.pending
        if pending is not None and pending.direct is None and ev.start - pending.end <= _VERB_TO_COUNT:
            metric = self.metric(pending.cls, ev.unit_cls, ev.unit)
            if metric:
                self.pending = None
        if metric is None and ev.t is None:
            metric = self._passive_metric(ev) or self._total_metric(ev)
        if metric:
            self.last = self._add(metric, ev, unit=ev.unit, a=ev.a, t=ev.t, p=ev.p, qual=ev.qual)
        elif ev.t is None and ev.unit.casefold() in self.lex.other_units:
            self._add("other", ev, unit=ev.unit, a=ev.a, qual=ev.qual)

    def _passive_metric(self, ev: Event) -> str | None:
        """"245 đảng viên được trao Huy hiệu": the verb after the count names it."""
        pm = self.lex.passive_re.match(self.fb, ev.unit_end, self.ce)
        if not pm:
            return None
        cls = self.lex.verb_classes.get(" ".join(pm.group(1).split()).casefold())
        return self.metric(cls, ev.unit_cls, ev.unit)

    def _total_metric(self, ev: Event) -> str | None:
        """"tổng số 1.071 đảng viên", "Đảng bộ hiện có 245 đảng viên": the members total."""
        if ev.unit_cls != "party_member" or not ev.unit.casefold().startswith("đảng viên"):
            return None
        before = self.lo[max(self.cs, ev.start - _TOTAL_CUE_LOOKBACK):ev.start]
        if ev.qual:
            before = before.rstrip()[: -len(ev.qual)]
        if ends_with_word(before, self.lex.total_cues) or (
                ends_with_word(before, _HAS_WITH) and _ORG_HAS.search(before)):
            return "party_members_total"
        return None

    def _bracket(self, ev: Event) -> None:
        """"(47/42=111,9% kế hoạch)" / "(1.071/444)": completes the last fact or the pending phrase."""
        last, pending = self.last, self.pending
        if last is not None and last["target"] is None and last["actual"] in (None, ev.a) \
                and ev.start - last["end"] <= _FACT_TO_BRACKET:
            last["actual"], last["target"] = ev.a, ev.t
            if ev.p is not None and last["percent"] is None:
                last["percent"] = ev.p
        elif pending is not None and pending.direct is not None and ev.start - pending.end <= _VERB_TO_BRACKET:
            self._pending_phrase_fact(ev, ev.start, a=ev.a, t=ev.t, p=ev.p)

    def _percent(self, ev: Event, nxt: Event | None) -> None:
        """"72% kế hoạch về kết nạp đảng viên", "... (đạt 72% kế hoạch)"."""
        if nxt is not None and nxt.kind == "verb" and nxt.direct is not None \
                and _PCT_GAP_TO_VERB.fullmatch(self.fb, ev.end, nxt.start):
            metric, us, ue = nxt.direct
            f = _new(metric, nxt, ev.start, self.clause, unit=self.fb[us:ue], p=ev.a, qual=ev.qual)
            self.facts.append(f)
            nxt.used = True
            self.pending, self.last = None, f
            return
        if not self.lex.plan_re.match(self.fb, ev.end, self.ce):
            return
        last, pending = self.last, self.pending
        if last is not None and last["percent"] is None and ev.start - last["end"] <= _FACT_TO_PERCENT:
            last["percent"] = ev.a
            if last["qual"] is None:
                last["qual"] = ev.qual
        elif pending is not None and pending.direct is not None and ev.start - pending.end <= _VERB_TO_BRACKET:
            self._pending_phrase_fact(ev, ev.start, p=ev.a, qual=ev.qual)


def hinted_sentences_plain(page: Page, hints) -> list[tuple[int, int]]:
    """hinted_sentences, read as the rule says: every sentence that holds a hint."""
    lo = page.lo
    return [(s, e) for s, e in page.sentences if any(h in lo[s:e] for h in hints)]


def _hinted_fast(text: str) -> list[tuple[int, int]]:
    return hinted_sentences(Page(text), hint_searches(default_lexicon().sentence_hints))


FAST_FORMS = (
    FastForm("facts.hinted_sentences", plain=lambda text: hinted_sentences_plain(Page(text), default_lexicon().sentence_hints),
             fast=_hinted_fast,
             pieces=("đảng viên", "kết nạp", "hội viên", "hội thanh niên", "cấp uỷ", "chi bộ", "Đảng viên. ", "hội ", "\n"),
             why="one substring search per hint over the page instead of every hint in every sentence: 7 % of "
                 "clean+extract CPU (in-process A/B over the 3,000-page stage_times sample, 59 µs of ~850 µs/page)"),
)
