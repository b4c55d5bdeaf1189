"""The indicator grammar of lexicons/metrics.yaml, compiled once into the regexes, word tuples
and maps events.py and folding.py read.  Nothing here is language-specific: every word comes
from the YAML file, so a new phrasing is a data change.

Matching runs on the tone-folded body (see lexicon.py); verbs are scanned on its lower-cased copy.
"""

from __future__ import annotations

import re

from tasks.facts.lexicon import NOT_LETTER_AFTER, alternation, edge_alternation, norm, word_tuple
from tasks.fastforms import FastForm


def _casefolded(words) -> frozenset[str]:
    return frozenset(norm(w).casefold() for w in words)


class IndicatorGrammar:
    """One metrics.yaml, compiled."""

    def __init__(self, m: dict) -> None:
        self._verbs(m)
        self._units(m)
        self._numbers(m)
        self._cues(m)

    def _verbs(self, m: dict) -> None:
        self.verb_classes: dict[str, str] = {}
        vparts = []
        for cls, words in m["verbs"].items():
            for w in words:
                self.verb_classes[norm(w).casefold()] = cls
            vparts.extend(words)
        # verbs are scanned on the lower-cased copy (much faster than IGNORECASE over a whole clause)
        self.verb_lo_re = re.compile(
            alternation([v.lower() for v in vparts]) + NOT_LETTER_AFTER
        )  # left edge: caller
        self.phrase_classes: dict[str, dict[str, str]] = m["phrase_classes"]
        self.count_before_verb = frozenset(m["count_before_verb"])
        self.count_after_verb = frozenset(m["count_after_verb"])
        self.bare_count_end_re = re.compile(
            r"\s*(?:" + alternation(m["bare_count_ends"]) + NOT_LETTER_AFTER + r"|$)", re.IGNORECASE
        )
        self.verb_blockers = word_tuple(m["verb_blockers"])
        self.negations = word_tuple(m["negations"])
        self.target_cues = word_tuple(m["target_cues"])
        self.forecast_cues = word_tuple(m["forecast_cues"])
        self.threshold_before = word_tuple(m["threshold_before"])
        self.floor_before = word_tuple(m["floor_before"])
        self.threshold_after_re = re.compile(
            r"\s*" + alternation(m["threshold_after"]) + NOT_LETTER_AFTER, re.IGNORECASE
        )
        self.participle_before = word_tuple(m["participle_before"])
        self.participle_after = tuple(norm(w).lower() for w in m["participle_after"])
        # the gap may hold a bracket ("10 sinh viên ... (Phú Thọ) đã được kết nạp", "4 đảng viên (2 tại
        # xã A, 2 tại xã B) bị kỷ luật")
        self.passive_re = re.compile(
            r"(?:[^\d;()]|\([^;()]{0,60}\)){0,60}?(?<![^\W\d_])"
            + alternation(m["passive_markers"])
            + r"\s+(?:"
            + alternation(m["passive_fillers"])
            # the sanction may be quoted ("10 đảng viên bị “khiển trách”")
            + r"\s+){0,2}[“\"']?("
            + alternation(vparts)
            + r")"
            + NOT_LETTER_AFTER,
            re.IGNORECASE,
        )

    def _units(self, m: dict) -> None:
        self.unit_class: dict[str, str] = {}
        uparts = []
        for cls, words in m["units"].items():
            for w in words:
                self.unit_class.setdefault(norm(w).casefold(), cls)
            uparts.extend(words)
        self.unit_re = re.compile(r"\s*(" + alternation(uparts) + r")" + NOT_LETTER_AFTER, re.IGNORECASE)
        self.restricted_units = {
            norm(u).casefold(): frozenset(cls) for u, cls in m["restricted_units"].items()
        }
        self.metric_map: dict[str, dict[str, str]] = m["metric_map"]
        self.other_units = _casefolded(m["other_units"])
        self.badge_age_re = re.compile(
            r"\s*(?:"
            + alternation(m["badge_age_heads"])
            + r"\s+)?(?:\d{1,2}\s*(?:,|và|-)\s*)*\d{1,2}\s+"
            + alternation(m["badge_age"])
            + NOT_LETTER_AFTER,
            re.IGNORECASE,
        )
        self.badge_age_elliptic_re = re.compile(
            r"\s*\d{1,2}\s+" + alternation(m["badge_age_elliptic"]) + NOT_LETTER_AFTER, re.IGNORECASE
        )
        self.badge_sentence_words = tuple(norm(w).casefold() for w in m["badge_sentence_words"])
        # "27 Party members with the Party seniority of 60 years": the age as a phrase after the count
        seniority = m["badge_seniority"]
        self.badge_seniority_re = re.compile(
            r"\s*"
            + alternation(seniority["before"])
            + r"\s+\d{1,2}\s+"
            + alternation(seniority["after"])
            + NOT_LETTER_AFTER,
            re.IGNORECASE,
        )
        # "45 năm tuổi Đảng (có) 02 đồng chí": searched on the lower-cased clause up to the count
        self.badge_age_before_re = re.compile(
            r"(?<!\d)\d{1,2}\s+"
            + alternation([w.lower() for w in m["badge_age"]])
            + r"\s*(?:"
            + alternation(m["badge_age_before_fillers"])
            + r"\s*)?$"
        )
        # unit (casefolded) -> the search for the verbs that may follow it unmarked
        self.unmarked_passive: dict[str, re.Pattern] = {}
        for rule in m["unmarked_passive"]:
            verbs_re = re.compile(
                r"\s+(" + alternation(rule["verbs"]) + r")" + NOT_LETTER_AFTER, re.IGNORECASE
            )
            for u in _casefolded(rule["units"]):
                self.unmarked_passive[u] = verbs_re
        # "từ 15 - 20 đảng viên": the text before a count ends with a number and a range mark
        self.range_end_re = re.compile(r"\d\s*" + alternation(m["range_marks"]) + r"\s*$")
        self.elided_units: dict[str, str] = m["elided_units"]
        self.verb_coordination_re = re.compile(r"\s*" + alternation(m["verb_coordinators"]) + r"\s*")

    def _numbers(self, m: dict) -> None:
        self.number_words = {norm(w).casefold(): float(v) for w, v in m["number_words"].items()}
        self.number_word_re = re.compile(
            r"(?<![^\W\d_])(" + alternation(self.number_words) + r")(?=\s)", re.IGNORECASE
        )
        # a number word that is a count: right before a unit (the gate for sentences without a digit)
        # (searched on the lower-cased copy: a case-sensitive scan is much cheaper than IGNORECASE)
        units = alternation([u.lower() for u in m["units"]["party_member"] + m["units"]["youth_member"]])
        self.counted_word_plain_re = re.compile(
            r"(?<![^\W\d_])" + alternation(self.number_words) + r"\s+" + units + NOT_LETTER_AFTER
        )
        # the same, its look-behind after each word's first letter (edge_alternation): searched on
        # whole pages without a digit, the plain form was tried at every character
        self.counted_word_re = re.compile(
            edge_alternation(self.number_words, r"[^\W\d_]") + r"\s+" + units + NOT_LETTER_AFTER
        )
        self.multipliers = {norm(w).casefold(): float(v) for w, v in m["multipliers"].items()}
        self.multiplier_re = re.compile(
            r"\s+(" + alternation(self.multipliers) + r")" + NOT_LETTER_AFTER, re.IGNORECASE
        )
        self.qualifiers = word_tuple(m["qualifiers"])
        self.not_count_after = word_tuple(m["not_count_after"])
        self.count_after = word_tuple(m["count_after"])
        # searched on the lower-cased text before a number: "hôm nay (" ends it
        self.date_bracket_re = re.compile(
            r"(?<![^\W\d_])" + alternation([w.lower() for w in m["date_before_bracket"]]) + r"\s*\(\s*$"
        )
        self.count_after_if_unit = word_tuple(m["count_after_if_unit"])
        self.attendance_after_re = re.compile(
            r"\s*" + alternation(m["attendance_after"]) + NOT_LETTER_AFTER, re.IGNORECASE
        )
        self.achieved_after_re = re.compile(
            r"\s*,?\s*" + alternation(m["achieved_after"]) + NOT_LETTER_AFTER, re.IGNORECASE
        )

    def _cues(self, m: dict) -> None:
        self.total_cues = word_tuple(m["total_cues"])
        self.total_cue_blockers = word_tuple(m["total_cue_blockers"])
        self.total_raise_start_re = re.compile(
            alternation(m["total_raise"]["start"]) + NOT_LETTER_AFTER, re.IGNORECASE
        )
        self.total_raise_end = word_tuple(m["total_raise"]["end"])
        # "nâng tổng số đảng viên (của Đảng bộ) lên": the start, a members noun, then the end cue
        self.total_raise_named_re = re.compile(
            alternation(m["total_raise"]["start"])
            + r"\s+(?:số\s+)?"
            + alternation(m["total_raise"]["nouns"])
            + r"[^\d,;.]{0,40}?(?<![^\W\d_])"
            + alternation(m["total_raise"]["end"])
            + r"\s*$",
            re.IGNORECASE,
        )
        self.plan_re = re.compile(r"\s*" + alternation(m["plan_words"]) + NOT_LETTER_AFTER, re.IGNORECASE)
        self.loose_percent_cues = word_tuple(m["loose_percent_cues"])
        self.comparison_re = re.compile(
            r"\s*" + alternation(m["comparison_after"]) + NOT_LETTER_AFTER, re.IGNORECASE
        )
        self.part_cue_re = re.compile(
            r"(?<![^\W\d_])" + alternation(m["part_cues"]) + NOT_LETTER_AFTER, re.IGNORECASE
        )
        self.bare_part_follower_re = re.compile(
            r"\s+" + alternation(m["bare_part_followers"]) + NOT_LETTER_AFTER, re.IGNORECASE
        )
        self.paren_part_gap = int(m["paren_part_gap"])
        self.part_sentence_starts = tuple(norm(w).lower() for w in m["part_sentence_starts"])
        self.restatement_min = float(m["restatement_min"])
        self.sentence_hints = tuple(norm(w).lower() for w in m["sentence_hints"])

    def metric(self, cls: str | None, unit_cls: str | None, unit_text: str | None) -> str | None:
        """The metric a verb class and a unit class name together, if any."""
        if cls is None or unit_cls is None:
            return None
        allowed = self.restricted_units.get(unit_text.casefold()) if unit_text else None
        if allowed is not None and cls not in allowed:
            return None
        return self.metric_map.get(cls, {}).get(unit_cls)


def _metrics() -> IndicatorGrammar:
    from tasks.facts.lexicon import default_lexicon  # (lexicon.py builds this module's grammar)

    return default_lexicon().metrics


def _counted_words_plain(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _metrics().counted_word_plain_re.finditer(text)]


def _counted_words(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _metrics().counted_word_re.finditer(text)]


FAST_FORMS = (
    FastForm(
        "facts.counted_word",
        plain=_counted_words_plain,
        fast=_counted_words,
        pieces=(
            "hai",
            "ba",
            "bốn",
            "mười",
            "two",
            "ten",
            " ",
            "  ",
            "\n",
            "đảng viên",
            "đảng viên mới",
            "đoàn viên",
            "members",
            "x",
            "_",
            "1",
            "đ/c",
            "a",
        ),
        why="searched over a page without a digit; opening with a look-behind, it was tried at "
        "every character",
    ),
)
