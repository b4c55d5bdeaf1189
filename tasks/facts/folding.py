"""Folding one sentence's events (events.py) into indicator facts, clause by clause.

* VERB ... COUNT UNIT                  -> fact (metric from verb class x unit class)
* VERB UNIT [cho] COUNT UNIT            -> fact ("Lễ kết nạp đảng viên mới cho 2 quần chúng ưu tú")
* COUNT UNIT ... được/bị/nhận VERB      -> fact ("245 đảng viên được trao Huy hiệu")
* COUNT VERB (count-before classes)    -> fact ("17 khiển trách")
* COUNT UNIT N năm tuổi Đảng            -> badge item ("2 đảng viên 65 năm tuổi Đảng")
* COUNT [UNIT] with the Party seniority of N years -> badge item (a bare count takes the noun before)
* FACT, COUNT UNIT / ; COUNT UNIT       -> the same verb again ("thành lập được 2 Đảng bộ, 21 chi bộ")
* FACT, trong đó (có) COUNT UNIT, ...  -> parts of that fact ("part_of")
* total cues ... COUNT đảng viên        -> party_members_total ("với 203 đảng viên", "nâng tổng số ... lên N")
* P% kế hoạch [về] VERB UNIT           -> percent-only fact ("Đạt 72% kế hoạch về kết nạp đảng viên")
* VERB UNIT ... P% kế hoạch / (A/T=P%)  -> fact for a verb phrase without its own count
* (A/T[=P%]) or (đạt P% kế hoạch) right after a fact completes it.
A negated verb ("không thi hành kỷ luật") claims its count and makes no fact; a verb after a target
cue ("bình quân hằng năm phát triển") makes a target; a participle ("doanh nghiệp thành lập và hoạt
động") reaches no count.  A count with a party noun that no rule claims becomes `other`.
"""

from __future__ import annotations

import re

from tasks.facts.events import HAS_DIGIT, OPEN_PAREN, Event, comma_grouped_count
from tasks.facts.lexicon import ends_with_word

_PCT_GAP_TO_VERB = re.compile(
    r"\s*(?:(?:kế hoạch|chỉ tiêu|KH)\s*)?(?:(?:về|của|trong)\s+)?(?:công tác\s+)?$", re.IGNORECASE
)
_HAS_WITH = ("hiện có", "có", "với", "gồm", "gồm có")
# (the unit's name may be long: "chi bộ Công ty TNHH Giày Victory Việt Nam gồm có 5 đảng viên")
# (an abbreviation's inner dot, "T.X Phổ Yên", and a numbered ward or quarter, "Quận 1", stay in
# the name)
_ORG_HAS = re.compile(
    r"(?:đảng bộ|chi bộ)(?:[^,;.\d]|\.(?=\S)|(?:(?<=quận )|(?<=phường )|(?<=khu )|(?<=tổ )|(?<=ấp )|(?<=số ))\d+)"
    r"{0,60}?(?:hiện có|có|với|gồm|gồm có)\s*$"
)
# "Tổng số đảng viên các chi bộ sau khi thành lập mới là 31 đảng viên": the total named, then its figure
_TOTAL_IS = ("là",)
_TOTAL_NAMED = re.compile(r"tổng số (?:đảng viên|đv)[^,;.\d]{0,60}?\slà\s*$")
_PASSIVE_GAP = re.compile(r"\s*(?:(?:mới|đã|được)\s+)*")
_DIRECT_GAP = re.compile(r"\s*(?:cho|đối với|là|được)?\s*$")
# ... or a copula after words that say when or where ("chỉ tiêu kết nạp đảng viên mới trong toàn nhiệm
# kỳ là 14 đồng chí"): the figure of the phrase
_DIRECT_COPULA_GAP = re.compile(r"\s[^\d,;.()]{0,40}?\slà\s*$")
# "kết nạp được 7/5 đạt 140%": the verb, then the ratio, then its percent
_RATIO_GAP = re.compile(r"\s*(?:(?:được|mới)\s*)*")
# between an achieved count and the plan's ("10.027 so với chỉ tiêu kế hoạch (9.744 đảng viên)")
_COMPARED_WITH_PLAN = re.compile(
    r"\s*(?:so\s+với|trên)\s+(?:chỉ\s+tiêu|kế\s+hoạch)(?:\s+(?:kế\s+hoạch|đề\s+ra|được\s+giao|năm))?\s*\(?\s*"
)
_RATIO_PCT_GAP = re.compile(r"\s*,?\s*(?:đạt|bằng)?\s*(?:tỷ lệ|tỉ lệ)?\s*")
_LIST_GAP = re.compile(r"[^\d()]{0,40}?(?:,|;|\bvà|\bhoặc)\s*$")
_PURE_LIST_GAP = re.compile(r"\s*(?:,|;|và|,\s*và)?\s*$")
# a list whose items name the unit, the count in a bracket after it ("kết nạp được nhiều đảng viên là:
# Trường A (28 đảng viên), Công ty B (21 đảng viên)"): the gap from one bracketed count to the next
_PAREN_ITEM_GAP = re.compile(r"\s*\)?\s*(?:,|;|\bvà)\s*[^\d()]{1,80}?\(\s*")
# ... or opens with the unit it is about ("kết nạp 700 đảng viên; Đảng bộ Khối cơ quan: 1.620 đảng
# viên; thị xã A là 750 đảng viên")
_NAMED_ITEM_GAP = re.compile(r"[^\d,;:()]{1,50}?(?::|\slà)\s*")
# how far (characters) a count, bracket or percent may lie from what it completes
_VERB_TO_COUNT = 60
_FACT_TO_BRACKET = 40
_VERB_TO_BRACKET = 40
_FACT_TO_PERCENT = 30
_TOTAL_CUE_LOOKBACK = 40
_ORG_LOOKBACK = 80  # further back for the unit that "has" the members: its name may be long
_RAISE_LOOKBACK = 100  # "nâng tổng số đảng viên (của toàn Đảng bộ huyện) lên": the start cue's reach
_PART_GAP = 40


def new_fact(metric, ev, pos, clause, *, unit=None, unit_cls=None, a=None, t=None, p=None, qual=None) -> dict:
    return {
        "metric": metric,
        "actual": a,
        "target": t,
        "percent": p,
        "unit": unit,
        "unit_cls": unit_cls,
        "qual": qual,
        "pos": pos,
        "clause": clause,
        "end": ev.unit_end if ev is not None else pos,
        "parent": None,
        "loose_pct": None,
        "cls": None,
    }


class SentenceFolder:
    """Folds the clauses of one sentence: a verb waits for its count (pending); a bracket or
    percent right after a fact completes it (last); verbs of earlier clauses may carry a list on."""

    def __init__(self, g, fb: str, lo: str, sentence: tuple[int, int] | None = None) -> None:
        self.g, self.fb, self.lo = g, fb, lo
        self.sentence = sentence if sentence is not None else (0, len(fb))
        self.facts: list[dict] = []
        self.verbs: list[Event] = []  # every verb read so far in the sentence
        self.prev_count: Event | None = None  # the last count with a unit read so far in the sentence

    def clause(self, cs: int, ce: int, evs: list[Event]) -> None:
        self.cs, self.ce, self.span = cs, ce, (cs, ce)
        self.pending: Event | None = None
        self.last: dict | None = None
        self.list_verb: Event | None = None
        self.part_parent: dict | None = None
        self.paren_open: int | None = None  # where a bracket of parts opened (_part_gap)
        self.prev_end = cs
        if not any(e.kind == "num" for e in evs):
            self.verbs.extend(e for e in evs if e.kind == "verb")
            return
        for i, ev in enumerate(evs):
            nxt = evs[i + 1] if i + 1 < len(evs) else None
            if ev.used:
                continue
            if ev.kind == "verb":
                self.verbs.append(ev)
                if not ev.participle and not self._passive_of_last(ev):
                    self.pending, self.last, self.part_parent = ev, None, None
            elif ev.unit is not None and not ev.pct:
                self._count(ev)
            elif ev.t is not None and ev.unit is None and not ev.pct and self._in_paren(ev.start):
                self._bracket(ev)
            elif ev.t is not None and ev.unit is None and not ev.pct and self._elided_ratio(ev, nxt):
                pass
            elif ev.pct:
                self._percent(ev, nxt)
            elif (
                ev.t is None
                and ev.p is None
                and (self._compared_with_plan(ev, nxt) or self._bare_count_after_verb(ev))
            ):
                pass
            elif ev.t is None and ev.p is None and self._raised_total_named(ev):
                # "bringing the total number of Party members to 5,000": a members total is whole
                whole = comma_grouped_count(self.fb, ev.start, ev.end)
                self._became(self._add("party_members_total", ev, a=whole if whole is not None else ev.a))
            elif ev.t is None and ev.p is None and (self._bare_part(ev) or self._bare_badge_item(ev)):
                pass
            elif (
                nxt is not None
                and nxt.kind == "verb"
                and nxt.cls in self.g.count_before_verb
                and not self.fb[ev.end : nxt.start].strip()
            ):
                self._count_before_verb(ev, nxt)
            self.prev_end = max(self.prev_end, ev.unit_end if ev.kind == "num" else ev.end)

    # ------------------------------------------------------------ counts

    def _in_paren(self, pos: int) -> bool:
        return self.fb[max(self.cs, pos - 20) : pos].rstrip().lower().endswith(OPEN_PAREN)

    def _add(
        self, metric: str, ev: Event, verb: Event | None = None, /, **values: float | None
    ) -> dict | None:
        """A fact from a count (None when its verb is negated); a target verb makes the count a target.
        verb is positional-only so that a values key can never be taken for it."""
        if verb is not None and verb.negated:
            return None
        if (
            verb is not None
            and (verb.target or ev.threshold)
            and values.get("t") is None
            and not self.g.achieved_after_re.match(self.fb, ev.unit_end, self.ce)
        ):
            values["a"], values["t"] = None, values.get("a")
        f = new_fact(
            metric, ev, ev.start, self.span, unit=ev.unit, unit_cls=ev.unit_cls, qual=ev.qual, **values
        )
        f["cls"] = verb.cls if verb is not None else None
        self.facts.append(f)
        return f

    def _count(self, ev: Event) -> None:
        """A count with a unit: named by the pending verb, a list or part after a fact, a passive
        verb after it, a badge age, or a total cue."""
        assert ev.unit is not None  # clause() sends only counts with a unit here
        values = dict(a=ev.a, t=ev.t, p=ev.p)
        verb = self._verb_for(ev)
        prev_count, self.prev_count = self.prev_count, ev
        if ev.range:  # "kết nạp từ 15 - 20 đảng viên": a plan or an estimate; it claims its verb
            if verb is not None:
                self.pending = None
            return
        if verb is not None:
            metric = self.g.metric(verb.cls, ev.unit_cls, ev.unit)
            f = self._add(metric, ev, verb, **values)
            self.pending, self.list_verb = None, verb
            if f is not None:
                self._join_sanction_breakdown(f)
            self._became(f)
            return
        # "4/16 đảng bộ" is a count of units
        parent = self._part_parent(ev, prev_count) if ev.t is None else None
        if parent is not None:
            if parent["actual"] is None and parent["target"] is not None:  # a part of a target is a target
                values = dict(t=ev.a)
            f = self._add(parent["metric"], ev, **values)
            assert f is not None  # only a negated verb drops a fact, and there is no verb here
            f["parent"], f["cls"] = parent, parent["cls"]
            self.part_parent = parent
            self._became(f)
            return
        metric = self._passive_metric(ev) if ev.t is None else None
        metric = metric or (self._badge_item(ev) if ev.t is None else None) or self._total_metric(ev)
        if metric:
            self._became(self._add(metric, ev, **values))
        elif ev.t is None and ev.unit.casefold() in self.g.other_units:
            self._add("other", ev, a=ev.a)

    def _elided_ratio(self, ev: Event, nxt: Event | None) -> bool:
        """ "xã A kết nạp được 7/5 đạt 140%": a ratio right after its verb, no noun, whose percent
        right after it is achieved over planned; a fact of the noun the verb's class counts."""
        p = self.pending
        if (
            p is None
            or p.direct is not None
            or ev.a is None
            or not ev.t
            or nxt is None
            or not nxt.pct
            or nxt.a is None
            or _RATIO_GAP.fullmatch(self.lo, p.end, ev.start) is None
            or _RATIO_PCT_GAP.fullmatch(self.lo, ev.end, nxt.start) is None
            or abs(100.0 * ev.a / ev.t - nxt.a) > 1.0
        ):
            return False
        unit_cls = self.g.elided_units.get(p.cls or "")
        metric = self.g.metric(p.cls, unit_cls, None)
        if metric is None:
            return False
        f = self._add(metric, ev, p, a=ev.a, t=ev.t, p=nxt.a)
        nxt.used = True
        self.pending = None
        if f is not None:
            f["unit_cls"] = unit_cls
            self.last = f
        return True

    def _join_sanction_breakdown(self, f: dict) -> None:
        """ "kỷ luật 20 đảng viên: khiển trách 15, cảnh cáo 3, khai trừ 1 trường hợp": the last
        sanction of a breakdown, written with its noun, is a part of the same total as the bare
        sanction counts right before it (the fact read before this one)."""
        before = self.facts[-2] if len(self.facts) >= 2 else None
        if (
            f["cls"] in self.g.count_after_verb
            and before is not None
            and before["parent"] is not None
            and before["cls"] in self.g.count_after_verb
            and before["metric"] == f["metric"]
        ):
            f["parent"] = before["parent"]

    def _passive_of_last(self, ev: Event) -> bool:
        """ "trong đó có 15 đảng viên (được) kết nạp trong ..., bằng 125% kế hoạch": a verb right after
        the last fact's count describes it; the fact stays open for its percent."""
        return (
            self.last is not None and _PASSIVE_GAP.fullmatch(self.lo, self.last["end"], ev.start) is not None
        )

    def _compared_with_plan(self, ev: Event, nxt: Event | None) -> bool:
        """ "kết nạp được 10.027 so với chỉ tiêu kế hoạch (9.744 đảng viên), đạt 102,9%": a count
        right after its verb, no noun, compared with the plan's count that names the unit: the
        first is achieved, the second planned (a percent after them is read as the fact's)."""
        p = self.pending
        if (
            p is None
            or p.direct is not None
            or ev.a is None
            or nxt is None
            or nxt.kind != "num"
            or nxt.unit is None
            or nxt.t is not None
            or nxt.pct
            or _RATIO_GAP.fullmatch(self.lo, p.end, ev.start) is None
            or _COMPARED_WITH_PLAN.fullmatch(self.lo, ev.end, nxt.start) is None
        ):
            return False
        metric = self.g.metric(p.cls, nxt.unit_cls, nxt.unit)
        if metric is None:
            return False
        f = self._add(metric, nxt, p, a=ev.a, t=nxt.a)
        if f is not None:
            f["pos"] = ev.start
        nxt.used = True
        self.pending, self.list_verb = None, p
        self._became(f)
        return True

    def _bare_count_after_verb(self, ev: Event) -> bool:
        """ "trong đó khiển trách 2, cảnh cáo 1": a count right after a sanction, no noun, at a
        phrase end; a fact (and a part of the total before the cue) when so."""
        p = self.pending
        if (
            p is None
            or p.cls not in self.g.count_after_verb
            or self.fb[p.end : ev.start].strip()
            or not self.g.bare_count_end_re.match(self.fb, ev.end, self.ce)
        ):
            return False
        metric = self.g.metric(p.cls, "party_member", None)
        # only as the breakdown of a count of members disciplined, the last count read: after "kỷ luật
        # 80 tổ chức Đảng (khiển trách 57, ...)" the sanctions count organisations
        prev = self.prev_count
        total = next(
            (
                f
                for f in reversed(self.facts)
                if prev is not None and f["pos"] == prev.start and f["metric"] == metric
            ),
            None,
        )
        if metric is None or total is None or prev is None or prev.unit_cls != "party_member":
            return False
        f = self._add(metric, ev, p, a=ev.a)
        self.pending = None
        if f is not None:
            f["parent"] = total["parent"] if total["parent"] is not None else total
            self.last = f
        return True

    def _bare_part(self, ev: Event) -> bool:
        """ "admitted 12,823 members ..., among whom 6,466 are from ...": a count without its noun
        right after a part cue, before a copula, is a part of the sentence's last fact."""
        last = self.facts[-1] if self.facts else None
        if (
            last is None
            or last["parent"] is not None
            or last["metric"] == "other"
            or last["actual"] is None
            or ev.a is None
            or not self.g.bare_part_follower_re.match(self.fb, ev.end, self.ce)
        ):
            return False
        cue = self.g.part_cue_re.search(self.lo, max(self.cs, ev.start - 20), ev.start)
        if cue is None or self.lo[cue.end() : ev.start].strip(" ,:"):
            return False
        whole = comma_grouped_count(self.fb, ev.start, ev.end)  # a count of members is whole: "6,466"
        a = whole if whole is not None else ev.a
        if a >= last["actual"]:
            return False
        f = self._add(last["metric"], ev, a=a)
        assert f is not None  # no verb, so nothing negates it
        f["unit"], f["unit_cls"], f["parent"], f["cls"] = last["unit"], last["unit_cls"], last, last["cls"]
        return True

    def _raised_total_named(self, ev: Event) -> bool:
        """ "nâng tổng số đảng viên lên 5.000": a count without its noun, the total named before it."""
        return self.g.total_raise_named_re.search(self._before_count(ev, _RAISE_LOOKBACK)) is not None

    def _total_named_is(self, ev: Event) -> bool:
        """ "Tổng số đảng viên (của chi bộ) là 18 đồng chí": the total named, then "là" its figure."""
        before = self._before_count(ev, _TOTAL_CUE_LOOKBACK)
        if not ends_with_word(before, _TOTAL_IS):
            return False
        return _TOTAL_NAMED.search(self.lo, self.cs, ev.start) is not None

    def _became(self, f: dict | None) -> None:
        if f is not None:
            self.last = f

    def _verb_for(self, ev: Event) -> Event | None:
        """The verb that names this count: the pending one within reach (its phrase, when it has
        one, only across "cho"), else the verb of the fact the count is listed after."""
        p = self.pending
        if (
            p is not None
            and ev.start - p.end <= _VERB_TO_COUNT
            and self.g.metric(p.cls, ev.unit_cls, ev.unit)
        ) and (
            p.direct is None
            or _DIRECT_GAP.fullmatch(self.lo, p.end, ev.start)
            or _DIRECT_COPULA_GAP.fullmatch(self.lo, p.end, ev.start)
        ):
            return p
        coordinated = self._coordinated_verb(ev)
        if coordinated is not None:
            return coordinated
        if (
            ev.t is None
            and self.last is not None
            and self.last["parent"] is None
            and self.list_verb is not None
            and not self._count_between(self.last, ev, self.prev_count)
            and (
                _LIST_GAP.fullmatch(self.lo, self.prev_end, ev.start)
                or _PAREN_ITEM_GAP.fullmatch(self.lo, self.prev_end, ev.start)
            )
            and self.g.metric(self.list_verb.cls, ev.unit_cls, ev.unit)
        ):
            gap, paren = self._part_gap(ev)
            self._note_paren(paren)
            if not gap:
                return self.list_verb
        if not any(f["clause"] == self.span for f in self.facts) and (
            _PURE_LIST_GAP.fullmatch(self.lo, self.cs, ev.start)
            or _NAMED_ITEM_GAP.fullmatch(self.lo, self.cs, ev.start)
        ):
            # a clause that opens with a count carries on a list of an earlier clause's verb
            for v in reversed(self.verbs):
                if not v.participle and self.g.metric(v.cls, ev.unit_cls, ev.unit) and v.start < self.cs:
                    return v
        return None

    def _coordinated_verb(self, ev: Event) -> Event | None:
        """ "Lễ kết nạp, trao huy hiệu Đoàn và sổ đoàn viên cho 43 đoàn viên mới": the pending verb
        cannot name the count, the verb joined to it right before it ("kết nạp,") can."""
        p = self.pending
        if p is None or p.direct is not None or p not in self.verbs:
            return None
        i = self.verbs.index(p)
        if i == 0:
            return None
        v = self.verbs[i - 1]
        if (
            v.start >= self.cs
            and not v.participle
            and v.direct is None
            and ev.start - v.end <= _VERB_TO_COUNT
            and self.g.verb_coordination_re.fullmatch(self.lo, v.end, p.start)
            and self.g.metric(v.cls, ev.unit_cls, ev.unit)
        ):
            self.pending = v
            return v
        return None

    @staticmethod
    def _count_between(f: dict, ev: Event, prev_count: Event | None) -> bool:
        """Whether a count of ev's noun that is not fact f was written between f and ev: a list or a
        part cue carries on from the count right before it ("kết nạp 15 hội viên, đến nay có 214
        hội viên, trong đó có 12 ..., 7 ..." breaks down the 214, not the 15)."""
        return prev_count is not None and prev_count.unit_cls == ev.unit_cls and prev_count.start != f["pos"]

    def _part_gap(self, ev: Event) -> tuple[bool, int | None]:
        """(whether a part cue ("trong đó có", "gồm") is written between the previous event and ev,
        or a bracket opens right before ev close after the last fact ("cho 5 đồng chí ... (4 đồng
        chí"); where that bracket opened, else None).  Pure: the caller records the bracket."""
        gap = self.lo[self.prev_end : ev.start]
        if HAS_DIGIT.search(gap):
            return False, None
        if len(gap) <= _PART_GAP and self.g.part_cue_re.search(gap) is not None:
            return True, None
        if (
            gap.rstrip().endswith("(")
            and ")" not in gap  # after a closed bracket, a bracket opens the next item of a list
            and len(gap) <= self.g.paren_part_gap
            and self.last is not None
            and self.last["end"] == self.prev_end
        ):
            return True, self.prev_end + gap.rindex("(")
        return False, None

    def _note_paren(self, paren: int | None) -> None:
        """Record a bracket of parts _part_gap found open: later counts inside it are parts too."""
        if paren is not None:
            self.paren_open = paren

    def _in_open_paren(self, ev: Event) -> bool:
        """Whether ev lies inside the bracket of parts opened after the last total."""
        return self.paren_open is not None and ")" not in self.lo[self.paren_open : ev.start]

    def _part_parent(self, ev: Event, prev_count: Event | None) -> dict | None:
        """ "kết nạp 5 đảng viên, trong đó có 3 ..., 2 ...": the fact a part count belongs to.  A
        part cue breaks down the count written right before it: after a count of the same noun that
        is no fact ("kết nạp 15 hội viên, đến nay có 214 hội viên, trong đó có 12 ..."), none."""
        if (
            self.part_parent is not None
            and self.last is not None
            and (_LIST_GAP.fullmatch(self.lo, self.prev_end, ev.start) or self._in_open_paren(ev))
            and self.part_parent["unit_cls"] == ev.unit_cls
        ):
            return self.part_parent
        gap, paren = self._part_gap(ev)
        self._note_paren(paren)
        if not gap:
            return None
        for f in reversed(self.facts):
            if f["unit_cls"] == ev.unit_cls and f["metric"] != "other" and f["parent"] is None:
                return None if self._count_between(f, ev, prev_count) else f
        return None

    def _count_before_verb(self, ev: Event, verb: Event) -> None:
        """ "17 khiển trách; 2 cảnh cáo": a bare count right before a sanction."""
        metric = self.g.metric(verb.cls, "party_member", None)
        if metric:
            verb.used = True
            self.verbs.append(verb)
            self._became(self._add(metric, ev, verb, a=ev.a))

    def _passive_metric(self, ev: Event) -> str | None:
        """ "245 đảng viên được trao Huy hiệu", "24 đồng chí nhận Huy hiệu": the verb after the count."""
        pm = self.g.passive_re.match(self.fb, ev.unit_end, self.ce)
        unmarked = self.g.unmarked_passive.get(" ".join(ev.unit.split()).casefold()) if ev.unit else None
        if not pm and unmarked is not None:
            pm = unmarked.match(self.fb, ev.unit_end, self.ce)  # "290 đoàn viên mới kết nạp"
        if not pm:
            return None
        cls = self.g.verb_classes.get(" ".join(pm.group(1).split()).casefold())
        return self.g.metric(cls, ev.unit_cls, ev.unit)

    def _badge_item(self, ev: Event) -> str | None:
        """ "2 đảng viên 65 năm tuổi Đảng": a count of members by party age is a badge item."""
        if ev.unit_cls != "party_member":
            return None
        g = self.g
        metric = g.metric("badge", ev.unit_cls, ev.unit)
        if g.badge_age_re.match(self.fb, ev.unit_end, self.ce) or g.badge_seniority_re.match(
            self.fb, ev.unit_end, self.ce
        ):
            return metric
        if g.badge_age_elliptic_re.match(self.fb, ev.unit_end, self.ce) and any(
            w in self.lo[self.cs : self.ce] for w in g.badge_sentence_words
        ):
            return metric
        # "Huy hiệu 50 năm tuổi Đảng 01 đồng chí; 45 năm tuổi Đảng 02 đồng chí": the age before the
        # count, in a sentence that names the badge
        # the substring test first: the anchored search is only worth running in a badge sentence
        if any(
            w in self.lo[self.sentence[0] : self.sentence[1]] for w in g.badge_sentence_words
        ) and g.badge_age_before_re.search(self.lo, self.cs, ev.start):
            return metric
        return None

    def _bare_badge_item(self, ev: Event) -> bool:
        """ "27 Party members with the Party seniority of 60 years, 23 with the Party seniority of 50
        years": in a list of members by party age, a count without its noun before the age phrase has
        the noun of the count of members before it; a part when that count is one."""
        prev = self.prev_count
        if (
            prev is None
            or prev.unit_cls != "party_member"
            or ev.a is None
            or not self.g.badge_seniority_re.match(self.fb, ev.end, self.ce)
        ):
            return False
        metric = self.g.metric("badge", prev.unit_cls, prev.unit)
        if metric is None:
            return False
        whole = comma_grouped_count(self.fb, ev.start, ev.end)  # "5,163 with the Party seniority"
        f = self._add(metric, ev, a=whole if whole is not None else ev.a)
        assert f is not None  # no verb, so nothing negates it
        parent = (
            self.part_parent
            if self.part_parent is not None and self.part_parent["metric"] == metric
            else None
        )
        f["unit"], f["unit_cls"], f["parent"], f["cls"] = prev.unit, prev.unit_cls, parent, "badge"
        self._became(f)
        return True

    def _before_count(self, ev: Event, reach: int) -> str:
        """The clause's text up to a count and its qualifier, at most reach characters."""
        before = self.lo[max(self.cs, ev.start - reach) : ev.start]
        return before.rstrip()[: -len(ev.qual)] if ev.qual else before

    def _total_metric(self, ev: Event) -> str | None:
        """ "tổng số 1.071 đảng viên", "với 203 đảng viên", "nâng tổng số ... lên 264 đảng viên",
        "843 tổ chức đảng (13.965 đảng viên)": the members total."""
        assert ev.unit is not None  # only _count asks, for a count with a unit
        if ev.unit_cls == "party_member" and (self._raised_total_named(ev) or self._total_named_is(ev)):
            # "nâng tổng số đảng viên ... lên gần 2.500 đồng chí", "tổng số đảng viên chi bộ là 37
            # đồng chí": the total is named, so the count's noun may be any word for members
            return "party_members_total"
        if (
            ev.unit_cls != "party_member"
            or ev.unit.casefold() in self.g.restricted_units
            and "total" not in self.g.restricted_units[ev.unit.casefold()]
        ):
            return None
        if self.g.attendance_after_re.match(self.fb, ev.unit_end, self.ce):
            return None  # "Chi bộ có 15/16 đảng viên tham dự": who attended
        before = self._before_count(ev, _TOTAL_CUE_LOOKBACK)
        if ends_with_word(before, self.g.total_cue_blockers):
            return None
        if ends_with_word(before, self.g.total_cues) or (
            ends_with_word(before, _HAS_WITH) and _ORG_HAS.search(self._before_count(ev, _ORG_LOOKBACK))
        ):
            return "party_members_total"
        if ends_with_word(before, _TOTAL_IS) and _TOTAL_NAMED.search(self.lo, self.cs, ev.start):
            return "party_members_total"
        if ends_with_word(before, self.g.total_raise_end) and self.g.total_raise_start_re.search(
            self.lo, self.cs, ev.start
        ):
            return "party_members_total"
        last = self.last or (self.facts[-1] if self.facts else None)
        if (
            before.rstrip().endswith("(")
            and last is not None
            and last["unit_cls"] == "party_org"
            and ev.start - last["end"] <= 4
        ):
            return "party_members_total"
        return None

    # ------------------------------------------------------------ brackets and percents

    def _pending_phrase_fact(self, ev: Event, pos: int, **values) -> dict | None:
        """A fact for the pending verb phrase ("kết nạp đảng viên") completed by ev."""
        pending = self.pending
        # every caller has checked that a verb phrase is pending
        assert pending is not None and pending.direct is not None
        metric, us, ue = pending.direct
        self.pending = None
        if pending.negated:
            return None
        f = new_fact(
            metric,
            ev,
            pos,
            self.span,
            unit=self.fb[us:ue],
            unit_cls=self.g.unit_class.get(" ".join(self.fb[us:ue].split()).casefold()),
            **values,
        )
        f["cls"] = pending.cls
        self.facts.append(f)
        self.last = f
        return f

    def _bracket(self, ev: Event) -> None:
        """ "(47/42=111,9% kế hoạch)" / "(1.071/444)": completes the last fact or the pending phrase."""
        last, pending = self.last, self.pending
        if (
            last is not None
            and last["target"] is None
            and last["actual"] in (None, ev.a)
            and ev.start - last["end"] <= _FACT_TO_BRACKET
        ):
            last["actual"], last["target"] = ev.a, ev.t
            if ev.p is not None and last["percent"] is None:
                last["percent"] = ev.p
        elif (
            pending is not None and pending.direct is not None and ev.start - pending.end <= _VERB_TO_BRACKET
        ):
            self._pending_phrase_fact(ev, ev.start, a=ev.a, t=ev.t, p=ev.p)

    def _percent(self, ev: Event, nxt: Event | None) -> None:
        """ "72% kế hoạch về kết nạp đảng viên", "... (đạt 72% kế hoạch)", "..., đạt tỷ lệ 96,6%"."""
        if (
            nxt is not None
            and nxt.kind == "verb"
            and nxt.direct is not None
            and _PCT_GAP_TO_VERB.fullmatch(self.fb, ev.end, nxt.start)
        ):
            self.pending = nxt
            nxt.used = True
            self.verbs.append(nxt)
            self._pending_phrase_fact(nxt, ev.start, p=ev.a, qual=ev.qual)
            return
        last, pending = self.last, self.pending
        if not self.g.plan_re.match(self.fb, ev.end, self.ce):
            if self.g.comparison_re.match(self.fb, ev.end, self.ce):
                return  # "bằng 171,7% so với cùng kỳ": a comparison, not a share of a plan
            before = " ".join(self.lo[max(self.cs, ev.start - 20) : ev.start].split())
            if (
                last is not None
                and last["percent"] is None
                and ev.start - last["end"] <= _FACT_TO_PERCENT
                and ends_with_word(before, self.g.loose_percent_cues)
            ):
                last["loose_pct"] = ev.a  # kept only if the page states the target it is a ratio of
            return
        if (
            last is not None
            and last["percent"] is None
            and (
                ev.start - last["end"] <= _FACT_TO_PERCENT
                or ends_with_word(
                    " ".join(self.lo[max(self.cs, ev.start - 20) : ev.start].split()),
                    self.g.loose_percent_cues,
                )
            )
        ):
            last["percent"] = ev.a
            if last["qual"] is None:
                last["qual"] = ev.qual
        elif (
            pending is not None and pending.direct is not None and ev.start - pending.end <= _VERB_TO_BRACKET
        ):
            self._pending_phrase_fact(ev, ev.start, p=ev.a, qual=ev.qual)
