"""A clause read as a stream of events for the indicator rules (folding.py): metric verbs
("kết nạp", "thành lập", "khiển trách" ...) and numbers ("205/200 đảng viên", "(47/42=111,9%)",
"72%", "250 nghìn đảng viên", "hai quần chúng ưu tú"), with the unit and qualifier written next to
each.  Every word list comes from the grammar (grammar.py, lexicons/metrics.yaml)."""

from __future__ import annotations

import re

from tasks.facts.grammar import IndicatorGrammar
from tasks.facts.lexicon import alternation, ends_with_word
from tasks.facts.numbers import parse_vn_number

_NUM = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"


def count_re(multiplier_words) -> re.Pattern:
    """A count, "205/200", "(47/42=111,9%)", "72%"; before a multiplier or a percent sign also an
    English decimal ("5.2 million", "140.8%": a dot with one or two digits after it groups no
    thousands)."""
    dot_decimal = r"\d+\.\d{1,2}(?=\s+(?i:" + alternation(multiplier_words) + r")(?![^\W\d_])|\s*%)"
    first = rf"(?:\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|{dot_decimal}|\d+(?:,\d+)?)"
    return re.compile(
        rf"(?<![\w/.,-])(?P<a>{first})(?:\s*/\s*(?P<t>{_NUM}))?(?:\s*=\s*(?P<p>{_NUM})\s*%)?(?P<pct>\s*%)?(?![\w/])"
    )


OPEN_PAREN = ("(", "(đạt", "( đạt", "(bằng", "(tương đương", "(=")
HAS_DIGIT = re.compile(r"\d")
COMMA_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")


def comma_grouped_count(fb: str, start: int, end: int) -> float | None:
    """The whole count fb[start:end] when it groups thousands with a comma ("1,479 Party members",
    "6,466"): a count of people or units is whole, so the comma is no decimal mark; else None."""
    if COMMA_GROUPED.fullmatch(fb, start, end):
        return float(fb[start:end].replace(",", ""))
    return None


_FILLER = re.compile(r"\s*(?:được|mới|thêm)\s")
_VERB_CUE_LOOKBACK = 25
_NUMBER_LOOKBACK = 22


class Event:
    """A verb (cls: its metric class; direct: (metric, unit start, unit end) when a unit follows
    it with no count; negated / target / participle: what the words before or after it make of
    it) or a number (a, t, p: actual, target, percent; pct: written with %; unit; range: the end
    of a range "15 - 20"; threshold: a floor "từ 10 đảng viên trở lên")."""

    __slots__ = (
        "kind",
        "start",
        "end",
        "cls",
        "unit",
        "unit_cls",
        "unit_end",
        "a",
        "t",
        "p",
        "pct",
        "qual",
        "direct",
        "used",
        "negated",
        "target",
        "participle",
        "range",
        "threshold",
    )

    def __init__(self, kind: str, start: int, end: int) -> None:
        self.kind, self.start, self.end = kind, start, end
        self.cls: str | None = None
        self.unit: str | None = None
        self.unit_cls: str | None = None
        self.a: float | None = None
        self.t: float | None = None
        self.p: float | None = None
        self.qual: str | None = None
        self.unit_end = end
        self.pct = self.negated = self.target = self.participle = self.range = self.threshold = False
        self.direct: tuple[str, int, int] | None = None
        self.used = False


class ClauseEvents:
    """Reads the events of a clause, with one grammar."""

    def __init__(self, g: IndicatorGrammar) -> None:
        self.g = g
        self.count_re = count_re(g.multipliers)

    def unit_at(self, fb: str, pos: int, limit: int) -> tuple[int, int, str | None] | None:
        m = self.g.unit_re.match(fb, pos, limit)
        if not m:
            return None
        word = " ".join(m.group(1).split()).casefold()
        return m.start(1), m.end(1), self.g.unit_class.get(word)

    def read(self, fb: str, lo: str, cs: int, ce: int, masked) -> list[Event]:
        """The events of clause fb[cs:ce] in order (a verb before a number at the same place);
        numbers inside the masked spans (document references) are left out."""
        evs = (
            self._verbs(fb, lo, cs, ce)
            + self._numbers(fb, lo, cs, ce, masked)
            + self._word_numbers(fb, cs, ce)
        )
        evs.sort(key=lambda e: (e.start, e.kind != "verb"))
        return evs

    def _verbs(self, fb: str, lo: str, cs: int, ce: int) -> list[Event]:
        g = self.g
        evs = []
        for m in g.verb_lo_re.finditer(lo, cs, ce):
            if m.start() and lo[m.start() - 1].isalnum():
                continue
            before = lo[max(cs, m.start() - _VERB_CUE_LOOKBACK) : m.start()]
            if ends_with_word(before, g.verb_blockers):
                continue
            ev = Event("verb", m.start(), m.end())
            ev.cls = g.verb_classes.get(" ".join(m.group(0).split()))
            # a negated or forecast statement is not a fact: its verb claims the count and drops it
            ev.negated = (
                ends_with_word(before, g.negations) is not None
                or ends_with_word(before, g.forecast_cues) is not None
            )
            ev.target = ends_with_word(before, g.target_cues) is not None
            ev.participle = ends_with_word(before, g.participle_before) is not None or lo[
                m.end() : ce
            ].lstrip().startswith(g.participle_after)
            self._verb_phrase(fb, lo, ev, ce)
            evs.append(ev)
        return evs

    def _verb_phrase(self, fb: str, lo: str, ev: Event, ce: int) -> None:
        """A unit right after the verb ("kết nạp đảng viên") makes a verb *phrase* without a count."""
        u = self.unit_at(fb, ev.end, ce)
        if u is None:
            filler = _FILLER.match(lo, ev.end, min(ce, ev.end + 10))
            if filler:
                u = self.unit_at(fb, filler.end() - 1, ce)
        if u and not HAS_DIGIT.search(fb, ev.end, u[0]):
            metric = self.g.metric(ev.cls, u[2], fb[u[0] : u[1]])
            if metric:
                ev.direct = (metric, u[0], u[1])
                ev.end = u[1]
                # "kết nạp đoàn viên cho ... 42 đội viên ưu tú": the phrase names its counts' class
                ev.cls = self.g.phrase_classes.get(ev.cls or "", {}).get(u[2] or "", ev.cls)

    def _numbers(self, fb: str, lo: str, cs: int, ce: int, masked) -> list[Event]:
        evs = []
        for m in self.count_re.finditer(fb, cs, ce):
            if any(s <= m.start() < e for s, e in masked):
                continue
            ev = self._number(fb, lo[max(cs, m.start() - _NUMBER_LOOKBACK) : m.start()], m, ce)
            if ev is not None:
                evs.append(ev)
        return evs

    def _is_not_count(self, before: str) -> bool:
        return (
            ends_with_word(before, self.g.not_count_after) is not None
            and ends_with_word(before, self.g.count_after) is None
        )

    def _count_by_unit(self, before: str, fb: str, pos: int, ce: int) -> bool:
        """ "kết nạp từ 230 đảng viên": after "từ" a number is a count when a counted noun follows it."""
        return (
            ends_with_word(before, self.g.count_after_if_unit) is not None
            and self.unit_at(fb, pos, ce) is not None
        )

    def _number(self, fb: str, before: str, m: re.Match, ce: int) -> Event | None:
        """The number event of a count_re match, None when what is written before makes it a date,
        an ordinal or a document number ("ngày 21/10", "số 45/...", "lần thứ 20")."""
        a = parse_vn_number(m.group("a"))
        if a is None:
            return None
        ev = Event("num", m.start(), m.end())
        ev.a = a
        ev.t = parse_vn_number(m.group("t")) if m.group("t") else None
        ev.p = parse_vn_number(m.group("p")) if m.group("p") else None
        ev.pct = bool(m.group("pct"))
        ev.range = self.g.range_end_re.search(before) is not None
        if (
            m.group("t")
            and ev.p is None
            and (
                not before.rstrip().endswith(OPEN_PAREN)
                and self._is_not_count(before)
                or self.g.date_bracket_re.search(before) is not None  # "hôm nay (22/2)"
            )
        ):
            return None
        if (
            not m.group("t")
            and not ev.pct
            and self._is_not_count(before)
            and not self._count_by_unit(before, fb, m.end(), ce)
        ):
            return None
        if not ev.pct and ev.p is None:
            self._unit_after(fb, ev, m.end(), ce)
            # "phát triển từ 10 đảng viên trở lên/năm": a floor, read as a target by its verb
            ev.threshold = ev.unit is not None and (
                (
                    ends_with_word(before, self.g.threshold_before) is not None
                    and self.g.threshold_after_re.match(fb, ev.unit_end, ce) is not None
                )
                or ends_with_word(before, self.g.floor_before) is not None
            )
        q = ends_with_word(before, self.g.qualifiers)
        if q:
            qe = m.start() - (len(before) - len(before.rstrip()))
            ev.qual = fb[qe - len(q) : qe]
        return ev

    def _unit_after(self, fb: str, ev: Event, pos: int, ce: int) -> None:
        """The unit written after a count, past a multiplier ("250 nghìn đảng viên") if any."""
        mult = self.g.multiplier_re.match(fb, pos, ce)
        if mult:
            factor = self.g.multipliers[mult.group(1).casefold()]
            assert ev.a is not None  # _number sets the count before it looks for a unit
            ev.a = ev.a * factor
            ev.t = ev.t * factor if ev.t is not None else None
            pos = ev.end = mult.end()
        u = self.unit_at(fb, pos, ce)
        if u:
            ev.unit, ev.unit_cls, ev.unit_end = fb[u[0] : u[1]], u[2], u[1]
            whole = comma_grouped_count(fb, ev.start, mult.start() if mult else ev.end)
            if whole is not None:  # "1,479 Party members" groups thousands with a comma
                ev.a = whole * (factor if mult else 1)

    def _word_numbers(self, fb: str, cs: int, ce: int) -> list[Event]:
        """Numbers written as words, only right before a unit ("hai quần chúng ưu tú")."""
        evs = []
        for m in self.g.number_word_re.finditer(fb, cs, ce):
            u = self.unit_at(fb, m.end(), ce)
            if u is None:
                continue
            ev = Event("num", m.start(), m.end())
            ev.a = self.g.number_words[m.group(1).casefold()]
            ev.unit, ev.unit_cls, ev.unit_end = fb[u[0] : u[1]], u[2], u[1]
            evs.append(ev)
        return evs
