"""A clause read as a stream of events for the indicator rules (indicators.py): metric verbs
("kết nạp", "thành lập", "thi hành kỷ luật" ...) and numbers ("205/200 đảng viên", "(47/42=111,9%)",
"72%"), with the unit and qualifier written next to each."""
from __future__ import annotations

import re

from tasks.facts.lexicon import Lexicon, ends_with_word, word_tuple
from tasks.facts.numbers import parse_vn_number

_NUM = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
_COUNT = re.compile(
    rf"(?<![\w/.,-])(?P<a>{_NUM})(?:\s*/\s*(?P<t>{_NUM}))?(?:\s*=\s*(?P<p>{_NUM})\s*%)?(?P<pct>\s*%)?(?![\w/])"
)
# words after which a number is a date, an ordinal or a document number, not a count
_SKIP_BEFORE = word_tuple(
    "lần thứ|thứ|khóa|khoá|số|năm|tháng|ngày|quý|điều|khoản|chương|nhiệm kỳ|giai đoạn|đợt|kỳ|quận|phường|"
    "sáng|chiều|tối|trưa|đêm|hôm|lúc|đến|từ|nghị quyết|chỉ thị|kết luận|quyết định|quy định|hướng dẫn|"
    "kế hoạch|thông báo|đề án|chương trình|trung ương|tw|tư|tăng|giảm|tăng thêm|giảm đi".split("|"))
OPEN_PAREN = ("(", "(đạt", "( đạt", "(bằng", "(tương đương", "(=")
HAS_DIGIT = re.compile(r"\d")
_FILLER = re.compile(r"\s*(?:được|mới|thêm)\s")
_VERB_BLOCKER_LOOKBACK = 25
_NUMBER_LOOKBACK = 22


class Event:
    """A verb (cls: its metric class; direct: (metric, unit start, unit end) when a unit follows
    it with no count) or a number (a, t, p: actual, target, percent; pct: written with %; unit)."""
    __slots__ = ("kind", "start", "end", "cls", "unit", "unit_cls", "unit_end", "a", "t", "p", "pct",
                 "qual", "direct", "used")

    def __init__(self, kind: str, start: int, end: int) -> None:
        self.kind, self.start, self.end = kind, start, end
        self.cls = self.unit = self.unit_cls = self.a = self.t = self.p = self.qual = None
        self.unit_end = end
        self.pct = False
        self.direct = None
        self.used = False


class ClauseEvents:
    """Reads the events of a clause, with one lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def unit_at(self, fb: str, pos: int, limit: int) -> tuple[int, int, str | None] | None:
        m = self.lex.unit_re.match(fb, pos, limit)
        if not m:
            return None
        word = " ".join(m.group(1).split()).casefold()
        return m.start(1), m.end(1), self.lex.unit_class.get(word)

    def metric(self, cls: str | None, unit_cls: str | None, unit_text: str | None) -> str | None:
        """The metric a verb class and a unit class name together, if any."""
        if cls is None or unit_cls is None:
            return None
        if unit_text and unit_text.casefold() == "đồng chí" and cls not in self.lex.dong_chi_for:
            return None
        return self.lex.metric_map.get(cls, {}).get(unit_cls)

    def read(self, fb: str, lo: str, cs: int, ce: int, masked) -> list[Event]:
        """The events of clause fb[cs:ce] in order (a verb before a number at the same place);
        numbers inside the masked spans (document references) are left out."""
        evs = self._verbs(fb, lo, cs, ce) + self._numbers(fb, lo, cs, ce, masked)
        evs.sort(key=lambda e: (e.start, e.kind != "verb"))
        return evs

    def _verbs(self, fb: str, lo: str, cs: int, ce: int) -> list[Event]:
        lex = self.lex
        evs = []
        for m in lex.verb_lo_re.finditer(lo, cs, ce):
            if m.start() and lo[m.start() - 1].isalnum():
                continue
            if ends_with_word(lo[max(cs, m.start() - _VERB_BLOCKER_LOOKBACK):m.start()], lex.verb_blockers):
                continue
            ev = Event("verb", m.start(), m.end())
            ev.cls = lex.verb_classes.get(" ".join(m.group(0).split()))
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
            metric = self.metric(ev.cls, u[2], fb[u[0]:u[1]])
            if metric:
                ev.direct = (metric, u[0], u[1])
                ev.end = u[1]

    def _numbers(self, fb: str, lo: str, cs: int, ce: int, masked) -> list[Event]:
        evs = []
        for m in _COUNT.finditer(fb, cs, ce):
            if any(s <= m.start() < e for s, e in masked):
                continue
            ev = self._number(fb, lo[max(cs, m.start() - _NUMBER_LOOKBACK):m.start()], m, ce)
            if ev is not None:
                evs.append(ev)
        return evs

    def _number(self, fb: str, before: str, m: re.Match, ce: int) -> Event | None:
        """The number event of a _COUNT match, None when what is written before makes it a date,
        an ordinal or a document number ("ngày 21/10", "số 45/...", "lần thứ 20")."""
        a = parse_vn_number(m.group("a"))
        if a is None:
            return None
        ev = Event("num", m.start(), m.end())
        ev.a = a
        ev.t = parse_vn_number(m.group("t")) if m.group("t") else None
        ev.p = parse_vn_number(m.group("p")) if m.group("p") else None
        ev.pct = bool(m.group("pct"))
        if m.group("t") and ev.p is None and not before.rstrip().endswith(OPEN_PAREN) \
                and ends_with_word(before, _SKIP_BEFORE):
            return None
        if not m.group("t") and not ev.pct and ends_with_word(before, _SKIP_BEFORE):
            return None
        if not ev.pct and ev.p is None:
            u = self.unit_at(fb, m.end(), ce)
            if u:
                ev.unit, ev.unit_cls, ev.unit_end = fb[u[0]:u[1]], u[2], u[1]
        q = ends_with_word(before, self.lex.qualifiers)
        if q:
            qe = m.start() - (len(before) - len(before.rstrip()))
            ev.qual = fb[qe - len(q):qe]
        return ev
