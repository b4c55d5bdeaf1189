"""A small learned page-kind score, beside the rules of kinds.py.

The rules name the shapes they know (a pager, a tag header, numbered clauses); pages nobody has
seen list stories in shapes nobody wrote a rule for. This model reads the page's overall shape as
the anatomy left it (how much body, how long its paragraphs, how many short teaser-like or dated
lines, how much the cleaner called chrome) and scores how likely the page is not one article.

- `page_features` computes the features in one pass over the page's lines (pure Python, cheap);
- `KindModel` is a logistic regression over the standardised features, its weights, means,
  scales and threshold read from kinds_model.json (written by bench/kinds/train_kinds.py from
  the annotated gold sets, with numpy, at development time; nothing here needs numpy);
- a page scoring at or above the threshold is not an article. The threshold was tuned so that no
  annotated article reaches it (a lost article costs more than a loaded listing).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tasks.fastforms import FastForm

from .labels import Labels
from .lines import PageLines

MODEL_PATH = Path(__file__).with_name("kinds_model.json")

PARA_MIN_WORDS = 20  # a body paragraph, as kinds.shape_kind counts one
SHORT_MAX_WORDS = 12  # a headline / label / teaser-like line
_SENT_END = frozenset('.!?…"”»)')
# sentence ends inside a paragraph: ". X", "! X", "? X" (X a capital or a quote)
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”»)]?\s+(?=[\"“«(]?[A-ZĐÀ-Ỹ0-9])")
# the same break, one pattern per stop: a pattern that opens with a literal is scanned with a
# fast character search, one that opens with a class tests the class at every character. Every
# break holds exactly one stop, so the counts of the four add up to _SENTENCE_BREAK's count.
_BREAK_AFTER_STOP = tuple(
    (stop, re.compile(re.escape(stop) + r"[\"”»)]?\s+(?=[\"“«(]?[A-ZĐÀ-Ỹ0-9])")) for stop in ".!?…"
)
_DATE_IN_LINE_PLAIN = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}:\d{2}")
# the same test (searched for a yes/no): the shared first digits factored out and written "\d\d?",
# so that the pattern opens with a class the engine skips ahead to, not a repeat it tries everywhere
_DATE_IN_LINE = re.compile(r"\d\d?(?:[/.-]\d\d?[/.-]\d{2,4}|:\d\d)")
# a news lead says when: "Sáng 21/10,", "Ngày 2-12", "vừa qua", "mới đây" (searched in its opening)
_LEAD_WHEN_WORDS = ("ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm")
_LEAD_WHEN_PLAIN = re.compile(
    rf"\b(?:{'|'.join(_LEAD_WHEN_WORDS)})\s+(?:nay|qua|\d{{1,2}})|\d{{1,2}}[/-]\d{{1,2}}\b|vừa qua|mới đây|vừa diễn ra"
)
# the same test, as two patterns that each open with what the engine can skip ahead to: each word
# opens with its letter, its "\b" a look-behind after that letter ("\b" before a letter is "no
# word character before"); the date opens with the class "\d"
# (each word a branch of the top alternation with its own tail: a group first would leave the
# engine no letter to skip to)
_LEAD_WHEN_WORD = re.compile(
    "|".join(f"{w[0]}(?<!\\w.){w[1:]}" + r"\s+(?:nay|qua|\d{1,2})" for w in _LEAD_WHEN_WORDS)
    + r"|vừa qua|mới đây|vừa diễn ra"
)
_LEAD_WHEN_DATE = re.compile(r"\d\d?[/-]\d\d?\b")
LEAD_WHEN_CHARS = 240
# a list item or outline heading: "- …", "• …", "1. …", "a) …", "II. …"
_LIST_ITEM = re.compile(r"^(?:[-–•+*▪●]\s|\d{1,2}[.)]\s|[a-zđ][.)]\s|[IVX]{1,4}[.]\s)")
_LIST_OPENERS = frozenset("-–•+*▪●0123456789IVX")
_LIST_CLOSERS = frozenset(".)")
CAPS_MAX_CHARS = 200  # a heading in capitals is short
# below this many lines the page's shape says too little: a one-teaser listing and a short
# article excerpt are the same lines (the rules alone judge those pages)
MODEL_MIN_LINES = 6
# beyond this many standard deviations of the training pages a feature says nothing more
Z_CLAMP = 3.0

# the feature names, in the order the weights file lists them
FEATURES = (
    "log_lines",  # non-blank lines on the page
    "log_body_chars",  # characters of the body the cleaner kept
    "log_paras",  # body paragraphs (prose, >= 20 words)
    "log_longest_para",  # characters of the longest body line
    "log_sentences",  # sentences in the body
    "chrome_share",  # share of the page's lines the cleaner labelled as chrome
    "short_share",  # share of lines that are short (<= 12 words) and not prose
    "titlelike_share",  # share of lines shaped like headlines
    "teaser_share",  # share of lines cut with an ellipsis
    "dated_share",  # share of short lines holding a date or a clock time
    "sentence_end_share",  # share of lines ending in sentence punctuation
    "repeated_share",  # share of lines among the run's chrome keys
    "related_share",  # share of lines labelled as related-news teasers
    "body_char_share",  # body characters / page characters
    "has_title",
    "has_byline",
    "lead_is_para",  # the first body line is a paragraph
    "dup_titlelike",  # headline-like lines printed more than once
    "lead_dated",  # the first body paragraph says when, as a news lead does
    "list_share",  # share of lines opening as list items or outline headings
    "caps_share",  # share of short lines written in capitals (a document's headings)
)


def _sentence_breaks_plain(text: str) -> int:
    return len(_SENTENCE_BREAK.findall(text))


def sentence_breaks(text: str) -> int:
    """How many sentence breaks text holds (_SENTENCE_BREAK's matches, counted stop by stop)."""
    return sum(len(rx.findall(text)) for stop, rx in _BREAK_AFTER_STOP if stop in text)


def _lead_is_dated_plain(opening: str) -> bool:
    return _LEAD_WHEN_PLAIN.search(opening) is not None


def lead_is_dated(opening: str) -> bool:
    """Whether a lead's (case-folded) opening says when (_LEAD_WHEN_PLAIN finds something)."""
    return _LEAD_WHEN_WORD.search(opening) is not None or _LEAD_WHEN_DATE.search(opening) is not None


def _dated_plain(line: str) -> bool:
    return _DATE_IN_LINE_PLAIN.search(line) is not None


def _dated(line: str) -> bool:
    return _DATE_IN_LINE.search(line) is not None


# a navigation menu: a run of at least this many one-to-three-word items (provinces, sections)
NAV_RUN_MIN = 8
NAV_ITEM_MAX_WORDS = 3


def navigation_runs(lines) -> frozenset[int]:
    """The lines of the page's navigation menus: runs of NAV_RUN_MIN or more consecutive items of
    at most NAV_ITEM_MAX_WORDS words that end no sentence. A listing's teasers are headlines
    (longer), so a menu says nothing about the page's kind: the model reads the page without it
    (a province menu of 64 bullets above an article made it 90 % list items)."""
    out: list[int] = []
    run: list[int] = []
    for k, pl in enumerate(lines):
        info = pl.info
        if info.nw <= NAV_ITEM_MAX_WORDS and info.text[-1] not in _SENT_END and not info.is_date:
            run.append(k)
            continue
        if _is_menu(lines, run):
            out.extend(run)
        run = []
    if _is_menu(lines, run):
        out.extend(run)
    return frozenset(out)


def _is_menu(lines, run: list[int]) -> bool:
    """A menu names distinct items; the same stub printed again and again ("image
    advertisement" × 8) is an image placeholder, not a menu."""
    return len(run) >= NAV_RUN_MIN and len({lines[k].info.key_cf for k in run}) * 4 >= len(run) * 3


def page_features(page: PageLines, labels: Labels, title: str | None) -> dict[str, float]:
    """The page's shape as numbers (see FEATURES), its navigation menus left out."""
    lines, kinds = page.lines, labels.kinds
    menus = navigation_runs(lines)
    if menus:
        kept = [k for k in range(len(lines)) if k not in menus]
        lines, kinds = [lines[k] for k in kept], [kinds[k] for k in kept]
    n = len(lines) or 1
    chrome = short = titlelike = teaser = dated = ends = repeated = related = 0
    page_chars = 0
    seen_titles: set[str] = set()
    dup = listed = caps = 0
    byline = False
    for pl, kind in zip(lines, kinds, strict=False):
        info = pl.info
        text = info.text
        page_chars += len(text)
        if kind:
            chrome += 1
            related += kind == "related_news"
            byline = byline or kind == "byline"
        if info.nw <= SHORT_MAX_WORDS and not info.prose:
            short += 1
            if len(text) <= 120 and _DATE_IN_LINE.search(text):
                dated += 1
        if info.title_like and not info.prose:
            titlelike += 1
            if info.key_cf in seen_titles:
                dup += 1
            seen_titles.add(info.key_cf)
        teaser += info.teaser
        # (the pattern is tried only on lines whose opening could be a list marker)
        if text[0] in _LIST_OPENERS or text[1:2] in _LIST_CLOSERS:
            listed += bool(_LIST_ITEM.match(text))
        caps += len(text) <= CAPS_MAX_CHARS and text.isupper()
        ends += text[-1] in _SENT_END
        repeated += pl.repeated
    body = labels.body
    body_chars = sum(map(len, body))
    paras = [b for b in body if len(b) >= 80 and len(b.split(None, PARA_MIN_WORDS)) > PARA_MIN_WORDS]
    longest = max(map(len, body), default=0)
    sentences = sum(sentence_breaks(b) + 1 for b in paras)
    lead = bool(body) and body[0] in paras
    first = paras[0] if paras else ""
    dated_lead = lead_is_dated(first[:LEAD_WHEN_CHARS].casefold())
    return {
        "log_lines": math.log1p(len(lines)),
        "log_body_chars": math.log1p(body_chars),
        "log_paras": math.log1p(len(paras)),
        "log_longest_para": math.log1p(longest),
        "log_sentences": math.log1p(sentences),
        "chrome_share": chrome / n,
        "short_share": short / n,
        "titlelike_share": titlelike / n,
        "teaser_share": teaser / n,
        "dated_share": dated / n,
        "sentence_end_share": ends / n,
        "repeated_share": repeated / n,
        "related_share": related / n,
        "body_char_share": body_chars / max(page_chars, 1),
        "has_title": float(bool(title)),
        "has_byline": float(byline or bool(labels.authors)),
        "lead_is_para": float(lead),
        "dup_titlelike": float(min(dup, 5)),
        "lead_dated": float(dated_lead),
        "list_share": listed / n,
        "caps_share": caps / n,
    }


@dataclass(frozen=True)
class KindModel:
    """Logistic regression on standardised features: p = 1 / (1 + exp(-(b + Σ w·(x-μ)/σ)))."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    bias: float
    threshold: float

    @classmethod
    def from_dict(cls, data: dict) -> KindModel:
        names = tuple(data["features"])
        by = {f["name"]: f for f in data["weights"]}
        return cls(
            names=names,
            weights=tuple(float(by[n]["weight"]) for n in names),
            means=tuple(float(by[n]["mean"]) for n in names),
            scales=tuple(float(by[n]["scale"]) or 1.0 for n in names),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
        )

    def contributions(self, features: dict[str, float]) -> dict[str, float]:
        """Each feature's share of the score (weight × standardised value). The standardised value
        is clamped to ±Z_CLAMP: the training pages are a few dozen lines, and a linear score would
        otherwise call a 50 MB page with one article a listing on its line count alone."""
        return {
            n: w * max(-Z_CLAMP, min(Z_CLAMP, (features[n] - m) / s))
            for n, w, m, s in zip(self.names, self.weights, self.means, self.scales, strict=True)
        }

    def score(self, features: dict[str, float]) -> float:
        """The probability that the page is not one article."""
        z = self.bias + sum(self.contributions(features).values())
        return 1.0 / (1.0 + math.exp(-z)) if z > -50 else 0.0

    def explain(self, features: dict[str, float], top: int = 3) -> str:
        """The score and the features that pushed it up most, for the quarantine row."""
        parts = sorted(self.contributions(features).items(), key=lambda kv: -kv[1])[:top]
        why = ", ".join(f"{n}={features[n]:.2f}" for n, c in parts if c > 0)
        return f"p={self.score(features):.2f} ≥ {self.threshold:.2f} ({why})"


@lru_cache(maxsize=1)
def kind_model() -> KindModel | None:
    """The shipped model, or None when no weights file is installed."""
    if not MODEL_PATH.exists():
        return None
    with open(MODEL_PATH, encoding="utf-8") as f:
        return KindModel.from_dict(json.load(f))


FAST_FORMS = (
    FastForm(
        "kinds_model.sentence_breaks",
        plain=_sentence_breaks_plain,
        fast=sentence_breaks,
        pieces=(
            ". ",
            "! ",
            "? ",
            "… ",
            '." ',
            ".” ",
            ".) ",
            ".\n",
            "  ",
            "A",
            "Đ",
            "à",
            "9",
            "“",
            "(",
            "x",
            "..",
        ),
        why="the page's paragraphs were scanned for sentence stops with a class at every character "
        "(bench/instr_ab.py: see the commit message)",
    ),
    FastForm(
        "kinds_model.lead_is_dated",
        plain=_lead_is_dated_plain,
        fast=lead_is_dated,
        pieces=(
            "ngày",
            "sáng",
            "chiều",
            "tối",
            "trưa",
            "đêm",
            "hôm",
            " ",
            "\n",
            "nay",
            "qua",
            "12",
            "3",
            "/",
            "-",
            "x",
            "_",
            "vừa qua",
            "mới đây",
            "vừa diễn ra",
            "ð",
            "2",
        ),
        why="tried at every character of the lead's opening, from its leading \\b",
    ),
    FastForm(
        "kinds_model.date_in_line",
        plain=_dated_plain,
        fast=_dated,
        pieces=("1", "23", "/", ".", "-", ":", "2025", "٣", " ", "a"),
        why="tried at every character of each short line, from its leading repeat",
    ),
)
