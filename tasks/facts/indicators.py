"""Quantitative Party-work facts: the sentences that may hold one, folded clause by clause
(folding.py reads the grammar of lexicons/metrics.yaml over events.py's stream), then settled over
the page (settle.py: restated figures, targets stated apart, parts of totals) and given a period
(the sentence's own first, then the page's; periods.py).

Every stated figure under a named metric is a fact, a total and each of its parts; a part carries
`part_of`, the index of its total among the article's indicators.  Counts of units ("16/16 đảng
bộ"), dates, years, "lần thứ 20", numbers inside document references never become facts.
"""

from __future__ import annotations

from datetime import date

from tasks.facts.events import HAS_DIGIT, ClauseEvents
from tasks.facts.folding import SentenceFolder
from tasks.facts.lexicon import Lexicon, default_lexicon
from tasks.facts.page import Page
from tasks.facts.periods import PagePeriods
from tasks.facts.settle import settle
from tasks.facts.text import clause_spans
from tasks.fastforms import FastForm
from tasks.records import Indicator


def hint_searches(hints) -> list[tuple[str, tuple[str, ...]]]:
    """(what to search for, the hints it finds): hints that share a first word ("hội viên",
    "hội thanh niên") are found with one search for that word and a space."""
    by_first: dict[str, list[str]] = {}
    for h in dict.fromkeys(hints):  # the lexicon's "cấp uỷ" is "cấp ủy" once tone placement is folded
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
            if sentence is not None and any(i + len(h) <= se for h in hints):
                found.add(sentence)
                i = lo.find(needle, se)
            else:  # not a hint, across a sentence end, or in the spaces between two sentences
                i = lo.find(needle, i + 1)
    return sorted(found)


class IndicatorExtractor:
    """Indicators of a page, read with one lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.g = lex.metrics
        self.events = ClauseEvents(self.g)
        self.hint_searches = hint_searches(self.g.sentence_hints)

    def extract(self, page: Page, ref_date: date | None, masked) -> list[Indicator]:
        if not page.has_digit and not self.g.counted_word_re.search(page.lo):  # every indicator is a number
            return []
        facts = []
        for ss, se in hinted_sentences(page, self.hint_searches):
            for f in self._sentence_facts(page.fb, page.lo, ss, se, masked):
                f["sentence"] = (ss, se)
                facts.append(f)
        if not facts:
            return []
        facts = settle(facts, self.g, page.lo)
        periods = PagePeriods(page, ref_date)
        index = {id(f): i for i, f in enumerate(facts)}
        return [self._indicator(page, f, index, periods) for f in facts]

    def _indicator(self, page: Page, f: dict, index: dict, periods: PagePeriods) -> Indicator:
        ss, se = f["sentence"]
        parent = f["parent"]
        per = periods.for_fact(f["pos"], f["clause"], ss)
        if per is None and parent is not None:
            per = periods.for_fact(parent["pos"], parent["clause"], parent["sentence"][0])
        body = page.body
        return Indicator(
            metric=f["metric"],
            actual=f["actual"],
            target=f["target"],
            percent=f["percent"],
            unit=f["unit"],
            qualifier=f["qual"],
            period=body[per[0] : per[1]] if per else None,
            period_start=per[2] if per else None,
            period_end=per[3] if per else None,
            evidence=body[ss:se],
            start=ss,
            end=se,
            part_of=index.get(id(parent)) if parent is not None else None,
        )

    def _sentence_facts(self, fb: str, lo: str, ss: int, se: int, masked) -> list[dict]:
        if not HAS_DIGIT.search(lo, ss, se) and not self.g.counted_word_re.search(lo, ss, se):
            return []
        folder = SentenceFolder(self.g, fb, lo, (ss, se))
        hints = self.g.sentence_hints
        for cs, ce in clause_spans(fb, ss, se):
            low = lo[cs:ce]
            if (HAS_DIGIT.search(low) or self.g.counted_word_re.search(lo, cs, ce)) and any(
                h in low for h in hints
            ):
                folder.clause(cs, ce, self.events.read(fb, lo, cs, ce, masked))
            else:
                folder.clause(cs, ce, [])
        return folder.facts


def hinted_sentences_plain(page: Page, hints) -> list[tuple[int, int]]:
    """hinted_sentences, read as the rule says: every sentence that holds a hint."""
    lo = page.lo
    return [(s, e) for s, e in page.sentences if any(h in lo[s:e] for h in hints)]


def _hinted_fast(text: str) -> list[tuple[int, int]]:
    return hinted_sentences(Page(text), hint_searches(default_lexicon().metrics.sentence_hints))


FAST_FORMS = (
    FastForm(
        "facts.hinted_sentences",
        plain=lambda text: hinted_sentences_plain(Page(text), default_lexicon().metrics.sentence_hints),
        fast=_hinted_fast,
        pieces=(
            "đảng viên",
            "kết nạp",
            "hội viên",
            "hội thanh niên",
            "cấp uỷ",
            "chi bộ",
            "Đảng viên. ",
            "hội ",
            "\n",
        ),
        why="one substring search per hint over the page instead of every hint in every sentence: 7 % of "
        "clean+extract CPU (in-process A/B over the 3,000-page stage_times sample, 59 µs of ~850 µs/page)",
    ),
)
