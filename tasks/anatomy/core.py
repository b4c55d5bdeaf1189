"""Page anatomy: split a scraped page into title/metadata, body paragraphs and labelled chrome.

read_anatomy is a composition of phases over one PageLines object (all linear in the number of
lines; every regex sees at most `max_scan` characters of a line):
1. lines (lines.py): per line, leading outlet/dateline prefixes stripped, named line rules
   (rules.py, rules.yaml), date-only lines, shape (word count, share of Vietnamese function
   words, sentence-final punctuation, name shape, teaser "…" ending), cross-page repetition;
2. body span (span.py): the coherent run of prose lines between header and trailer;
3. labels (labels.py): every line's kind, and the zones' metadata evidence;
4. title (title.py), dates (dates.py: published_at, event date), byline and site (byline.py),
   locality (locality.py: gazetteer scoring).
The evidence used is a strategy (Signals): the benchmark ablates shape, position, repetition.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from tasks.records import Anatomy, Segment

from . import dates
from .byline import author_of, source_site_of
from .copies import demote_copies
from .event import event_date_of, month_stamp
from .frontmatter import FrontMatter, read_front_matter
from .header_date import header_published
from .kinds import AN_ARTICLE, page_kind
from .labels import (
    body_kind_by_repetition,
    body_kind_by_shape,
    demote_listing,
    label_lines,
    mark_title,
    split_glued_credit,
)
from .lines import LineClassifier, read_page_lines
from .rules import default_rules
from .signature import author_from_lines
from .span import find_body_span, whole_page
from .title import header_after_title, pick_title, split_dated_title

_LINE_NO = attrgetter("line_no")  # a sort key read in C (no Python frame per item)


@dataclass(frozen=True)
class Signals:
    """Which evidence read_anatomy uses (all on in production; the bench ablates them).
    shape: line shape (prose, names, headlines); position: header/body/trailer zones;
    repetition: the run's cross-page chrome lines."""

    shape: bool = True
    position: bool = True
    repetition: bool = True


ALL_SIGNALS = Signals()


@lru_cache(maxsize=1)
def default_classifier() -> LineClassifier:
    """The line classifier over the shipped rules, one per process (it holds the line cache)."""
    return LineClassifier(default_rules())


def read_anatomy(
    text: str,
    *,
    chrome_lines: frozenset[str] = frozenset(),
    signals: Signals = ALL_SIGNALS,
    classifier: LineClassifier | None = None,
    host: str | None = None,
) -> Anatomy:
    """Split a page into metadata, body lines and labelled boilerplate. host: where the page
    was crawled from, if known (locality's fallback). A failure raises (the batch quarantines
    the page)."""
    original = text
    classifier = classifier or default_classifier()
    rules = classifier.rules
    front = (
        read_front_matter(text.split("\n", MAX_FRONT_LINES)[:MAX_FRONT_LINES])
        if text[:200].lstrip()[:3] in FENCES
        else None
    )
    if front is not None:
        text = _blank_lines(text, front.lines)
    page = read_page_lines(
        text, classifier, chrome_lines if signals.repetition else frozenset(), signals.shape
    )
    span = find_body_span(page) if signals.position else whole_page(page)
    labels = label_lines(page, span, body_kind_by_shape if signals.shape else body_kind_by_repetition)
    title = pick_title(page, span, labels, rules) if signals.position else None
    if title is None:
        title = labels.qr_title or None  # the "QR CODE: …" caption
    if front is not None:
        title = front.title or title
    mark_title(labels, title)
    if signals.position and signals.shape:
        demote_copies(page, labels, title)
    if signals.position and signals.shape:
        demote_listing(page, labels, title, rules)
    split_glued_credit(page, labels, rules)
    kind = page_kind(page, labels, title, text) if signals.position and signals.shape else AN_ARTICLE
    first_prefixes = [line.info.prefixes for line in page.lines[:3]]
    title, title_day = split_dated_title(title)  # "… huyện Bàu Bàng (26/07/2022)"
    published = (
        dates.published_at(labels.header_dates, labels.footer_dates, first_prefixes)
        or header_published(labels.segments)
        or title_day
    )
    site = source_site_of(labels.sites)
    body = labels.body
    author = author_of(labels.authors) or author_from_lines(page, labels, title)
    if front is not None:
        published, author = front.published_at or published, front.author or author
        labels.segments.extend(Segment("header", line, k) for k, line in _front_lines(original, front))
    labels.segments.sort(key=_LINE_NO)
    event = event_date_of(
        ([front.description] if front and front.description else []) + body,
        title,
        header_after_title(labels),
        published or _latest(labels.clock_dates),
        month_stamp(first_prefixes),
        lambda: dates.year_evidence(([title] if title else []) + body[:30]),
    )
    place = rules.gazetteer.locate(title, body, site, host, published.date() if published else event)
    return Anatomy(
        title=title,
        published_at=published,
        event_date=event,
        author=author,
        source_site=site,
        locality=place.name,
        body_lines=body,
        boilerplate=labels.segments,
        locality_evidence=place.evidence,
        page_kind=kind.kind,
        kind_detail=kind.detail,
    )


FENCES = ("---", "+++")
MAX_FRONT_LINES = 81


def _blank_lines(text: str, numbers: tuple[int, ...]) -> str:
    """text with the given lines emptied (line numbers kept: the phases skip blank lines)."""
    lines = text.split("\n")
    for k in numbers:
        lines[k] = ""
    return "\n".join(lines)


def _front_lines(text: str, front: FrontMatter):
    lines = text.split("\n", front.lines[-1] + 1)
    return ((k, lines[k].strip()) for k in front.lines)


def _latest(clocks):
    """A page clock or print date: the article's event cannot be later (its year bounds a
    day/month event date when the page gives no published date)."""
    return max(clocks) if clocks else None


def unaccounted_lines(text: str, anatomy: Anatomy) -> list[str]:
    """Non-blank raw lines that are neither body lines nor (pieces of) boilerplate segments.

    A raw line is accounted for when it equals a body line or a segment text, or when removing
    the segment pieces recorded for its line number (a stripped prefix such as "(Thanhuytphcm.vn) -"
    or a glued trailing byline) leaves a body line.
    """
    body = set(anatomy.body_lines)
    seg_by_line: dict[int, list[str]] = {}
    seg_texts: set[str] = set()
    for sg in anatomy.boilerplate:
        for off, part in enumerate(sg.text.split("\n")):
            seg_by_line.setdefault(sg.line_no + off, []).append(part.strip())
            seg_texts.add(part.strip())
    out: list[str] = []
    for i, raw in enumerate(text.split("\n")):
        s = raw.strip()
        if not s or s in body:
            continue
        pieces = seg_by_line.get(i, [])
        if s in pieces:
            continue
        rest, unused = s, list(pieces)
        for p in pieces:  # leading pieces (stripped prefixes), each once
            if p and rest.startswith(p):
                rest = rest[len(p) :].lstrip()
                unused.remove(p)
        if rest in body:
            continue
        for p in unused:  # trailing pieces (a glued byline), each once
            if p and rest.endswith(p):
                rest = rest[: -len(p)].rstrip()
        if not rest or rest in body:
            continue
        out.append(raw)
    return out
