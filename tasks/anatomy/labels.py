"""Phase 3 of page anatomy: label every line (body, or a boilerplate kind) and gather the
metadata evidence the zones hold: credited sites, byline texts, header and footer dates, the
"QR CODE: …" caption. Then the page-level corrections: listing pages and a byline glued to the
last body line."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from tasks.records import Segment

from .lines import POST_LINE, LineInfo, PageLine, PageLines
from .rules import RuleMatch, RuleSet
from .span import BodySpan

_DATE_LABEL = re.compile(
    r"(?:ngày đăng|đăng ngày|đăng lúc|cập nhật|ngày cập nhật|ngày xuất bản|xuất bản|"
    r"thời gian đăng|posted|published)\b"
)
_INNER_SENTENCE = re.compile(r"[.!?…]\s+[A-ZĐÀ-Ỹ]")
# a body line this short that opens lower-case and ends no sentence is an image's alt text
SHORT_ALT_WORDS = 4
_SENTENCE_END = frozenset('.…;:!?"”»)')
# trailing markers that switch every later line to their kind
_MODE_KINDS = ("related_news", "comments", "links", "other")

Kind = str | None  # None: a body line


@dataclass
class Labels:
    """Each line's kind ("" = body), the body and boilerplate, and the zones' metadata evidence."""

    kinds: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    header_dates: list[tuple[int, datetime]] = field(default_factory=list)  # (line index, date)
    footer_dates: list[datetime] = field(default_factory=list)
    qr_title: str | None = None
    clock_dates: list[datetime] = field(default_factory=list)  # page clocks / print dates: an upper bound


def body_kind_by_shape(line: PageLine, prev: LineInfo | None = None) -> Kind:
    """A line inside the body span: body unless it repeats across pages and is not prose, or is
    a short all-ASCII lower-case line or slug (image alt text / URL slug leaked into a Vietnamese page),
    or a photo's alt text (_is_alt_text)."""
    ln = line.info
    if not ln.prose and line.repeated:
        return "repeated_chrome"
    if ln.nw <= 6 and ln.text.isascii() and (ln.text.islower() or _is_slug(ln)):
        return "other"
    if _is_alt_text(ln, prev):
        return "other"
    return None


def _is_slug(ln: LineInfo) -> bool:
    """One ASCII token joined by hyphens or underscores ("Anh-tin-bai", "Hinh_anh_1"): an image's
    file stem or a URL slug the export left between paragraphs (no sentence is one token)."""
    t = ln.text
    return ln.nw == 1 and ("-" in t or "_" in t) and any(c.isalpha() for c in t)


def _is_alt_text(ln: LineInfo, prev: LineInfo | None) -> bool:
    """A photo's alt text between paragraphs ("tổ 2", "tô 2 1"): a few words opening lower-case
    and ending no sentence, after a line that ended one (else it may continue a hard-wrapped
    sentence) or after another such stub."""
    return (
        ln.nw <= SHORT_ALT_WORDS
        and ln.text[:1].islower()
        and ln.text[-1] not in _SENTENCE_END
        and (prev is None or prev.text[-1] in _SENTENCE_END or prev.nw <= SHORT_ALT_WORDS)
    )


def body_kind_by_repetition(line: PageLine, prev: LineInfo | None = None) -> Kind:
    """A body-span line when the shape signal is ablated: only repetition marks chrome."""
    return "repeated_chrome" if line.repeated else None


class _Labeller:
    """One pass over the lines in order; `mode` is the trailing marker met so far (every later
    trailer line takes its kind) and `after_byline` the lines a byline block may still run."""

    def __init__(self, span: BodySpan, body_kind: Callable[[PageLine, LineInfo | None], Kind]):
        self.span, self.body_kind = span, body_kind
        self.out = Labels()
        self.mode: str | None = None
        self.after_byline = 0

    def label(self, k: int, line: PageLine, prev: LineInfo | None) -> None:
        ln, span = line.info, self.span
        prefixes = ln.prefixes  # (empty on most lines)
        if prefixes:
            for pk, pre in prefixes:
                if pk == "__site__":
                    self.out.sites.append(pre)
        if not span.zoned:
            zone, rule = "body", ln.rule_h or ln.rule_f
        elif k < span.start:
            zone, rule = "header", ln.rule_h
        else:
            zone, rule = ("body" if k < span.end else "trailer"), ln.rule_f
        kind: Kind
        if rule:
            kind = self._ruled(k, ln, rule, zone)
        elif ln.is_date:
            kind = self._dated(k, ln, zone, prev)
        elif zone == "header":
            kind = "header"
        elif zone == "body":
            kind = self.body_kind(line, prev)
            if not span.zoned and kind is None and not ln.prose:
                kind = "other"
        else:
            kind = self._trailer(k, ln, line.repeated)
        out = self.out
        if prefixes:
            for pk, pre in prefixes:
                if pk != "__site__":
                    out.segments.append(Segment(pk, pre, line.no))
        if kind is None:
            out.body.append(ln.text)
        else:
            out.segments.append(Segment(kind, ln.text, line.no))
        out.kinds.append(kind or "")

    def _ruled(self, k: int, ln: LineInfo, rule: RuleMatch, zone: str) -> str:
        r, caps = rule
        out = self.out
        if caps.get("site"):
            out.sites.append(caps["site"])
        if caps.get("title") and out.qr_title is None:
            t = caps["title"]
            out.qr_title = ln.text[len(ln.text) - len(t) :].strip() if len(t) <= len(ln.text) else None
        if caps.get("author") and r.kind == "byline":
            out.authors.append(ln.text)
        if (r.name == "print_date" or r.kind == "dateline") and ln.dt and not r.clock:
            out.header_dates.append((k, ln.dt))
        elif r.clock and ln.dt:
            out.clock_dates.append(ln.dt)
        if zone == "trailer" and r.ends_body and r.kind in _MODE_KINDS:
            self.mode = r.kind
        return r.kind

    def _dated(self, k: int, ln: LineInfo, zone: str, prev: LineInfo | None) -> str:
        """A date-only line: the article's date near the body's top, a teaser's date in a
        related-news list, or a "Ngày đăng: …" printed under the article."""
        if zone == "header" or (zone == "body" and k <= self.span.start + 2):
            if ln.dt:
                self.out.header_dates.append((k, ln.dt))
        elif self.mode == "related_news" or (prev is not None and prev.teaser):
            return "related_news"
        elif self.mode is None and ln.dt and _DATE_LABEL.match(ln.key_cf):
            self.out.footer_dates.append(ln.dt)
        return "dateline"

    def _trailer(self, k: int, ln: LineInfo, repeated: bool) -> str:
        """A line after the body with no rule and no date."""
        if self.mode:
            kind = self.mode
        elif k == self.span.byline:
            self.out.authors.append(ln.text)
            self.after_byline = 2  # the next lines may continue the byline block
            return "byline"
        elif self.after_byline and not ln.prose and ln.nw <= 8 and not ln.teaser:
            kind = "byline"
        elif ln.teaser:
            kind = "related_news"
        elif repeated:
            kind = "repeated_chrome"
        else:
            kind = "other"
        if k != self.span.byline:
            self.after_byline = max(0, self.after_byline - 1)
        return kind


def label_lines(
    page: PageLines, span: BodySpan, body_kind: Callable[[PageLine, LineInfo | None], Kind]
) -> Labels:
    labeller = _Labeller(span, body_kind)
    prev = None
    for k, line in enumerate(page.lines):
        labeller.label(k, line, prev)
        prev = line.info
    _demote_signature_blocks(page, labeller.out)
    return labeller.out


# a writer's post line under the name is short
MAX_POST_LINE_WORDS = 12


def _demote_signature_blocks(page: PageLines, labels: Labels) -> None:
    """A name on its own line with the writer's post on the next ("Lương Hải Sinh" / "Bí thư
    Đảng ủy-Chủ tịch HĐQT NHPT"), inside the body: an opinion piece's signature block, not body
    (a caption names someone in a sentence, with a verb)."""
    kinds, lines = labels.kinds, page.lines
    hits = [
        k
        for k in range(len(lines) - 1)
        if lines[k].info.name_like and kinds[k] == "" == kinds[k + 1] and _post_line(lines[k + 1].info)
    ]
    header_blocks = _header_signature_blocks(page, labels)
    if not hits and not header_blocks:
        return
    labels.authors.extend(lines[k].info.text for k in hits)
    for k in sorted({k + d for k in hits for d in (0, 1)}):
        kinds[k] = "byline"
        labels.segments.append(Segment("byline", lines[k].info.text, lines[k].no))
    if header_blocks:
        _relabel_header_blocks(page, labels, header_blocks)
    labels.body = [line.info.text for k, line in enumerate(lines) if kinds[k] == ""]


def _header_signature_blocks(page: PageLines, labels: Labels) -> list[tuple[int, int]]:
    """(name line, end) of each writer's block in the header: a name on its own line with one or
    more post lines under it ("Nguyễn Hữu Long" / "Ủy viên Ban Chấp hành Đảng bộ tỉnh," / "Chủ tịch
    Liên đoàn Lao động tỉnh"), as an opinion piece signs under its headline. The post lines are no
    headline."""
    kinds, lines = labels.kinds, page.lines
    out = []
    for k in range(len(lines) - 1):
        if kinds[k] != "header" or not lines[k].info.name_like or lines[k].info.rule_h:
            continue
        end = k + 1
        while end < len(lines) and kinds[end] == "header" and _post_line(lines[end].info):
            end += 1
        if end > k + 1:
            out.append((k, end))
    return out


def _relabel_header_blocks(page: PageLines, labels: Labels, blocks: list[tuple[int, int]]) -> None:
    line_nos = {page.lines[k].no for a, b in blocks for k in range(a, b)}
    for a, b in blocks:
        labels.authors.append(page.lines[a].info.text)
        for k in range(a, b):
            labels.kinds[k] = "byline"
    labels.segments[:] = [
        Segment("byline", sg.text, sg.line_no) if sg.kind == "header" and sg.line_no in line_nos else sg
        for sg in labels.segments
    ]


def _post_line(ln: LineInfo) -> bool:
    return not ln.prose and ln.nw <= MAX_POST_LINE_WORDS and POST_LINE.match(ln.text) is not None


def mark_title(labels: Labels, title: str | None) -> None:
    """The title's header segment becomes a "title" segment."""
    if title is None:
        return
    for i, sg in enumerate(labels.segments):
        if sg.text == title and sg.kind == "header":
            labels.segments[i] = Segment("title", sg.text, sg.line_no)
            return


def _is_teaser_sentence(b: str, rs: RuleSet) -> bool:
    """One sentence, teaser length, not opening with a connective that continues a paragraph, not
    ending in the colon that introduces what follows (an article's list: "… kỷ luật Cảnh cáo các
    đồng chí:" over its names; a teaser's sapo never points past itself)."""
    if len(b) > 300 or b.endswith(":") or _INNER_SENTENCE.search(b):
        return False
    first = b.split(",", 1)[0].strip().lower()
    return first not in rs.connectives and b.split(" ", 1)[0].lower() not in rs.connectives


def demote_listing(page: PageLines, labels: Labels, title: str | None, rs: RuleSet) -> None:
    """Listing / tag pages: no headline, no date line, no byline, only a stack of independent
    one-sentence teasers (none continuing the previous one with a connective) -> no article."""
    body = labels.body
    if (
        title is not None
        or labels.header_dates
        or labels.authors
        or len(body) < rs.listing_min
        or not all(_is_teaser_sentence(b, rs) for b in body)
    ):
        return
    body_texts = set(body)
    labels.body = []
    for k, line in enumerate(page.lines):
        if labels.kinds[k] == "" and line.info.text in body_texts:
            labels.segments.append(Segment("related_news", line.info.text, line.no))
            labels.kinds[k] = "related_news"


def split_glued_credit(page: PageLines, labels: Labels, rs: RuleSet) -> None:
    """A byline/credit glued to the end of a long last body line (baomoi style) becomes its own
    segment."""
    body = labels.body
    if not body or len(body[-1]) <= 200:
        return
    last = body[-1]
    tail_src = last[-rs.max_scan :]
    off = len(last) - len(tail_src)
    for _name, kind, rx in rs.suffix:
        m = rx.search(tail_src)
        if not m:
            continue
        author = m.groupdict().get("author")
        if kind == "byline" and author and any(w.lower() in rs.not_names for w in author.split()):
            continue  # a caption heading glued to the prose ("… năm 2024. MỘT SỐ HÌNH ẢNH"): no name
        cut = off + m.start("tail")
        body[-1] = last[:cut].rstrip()
        line_no = next(page.lines[k].no for k in range(len(page) - 1, -1, -1) if labels.kinds[k] == "")
        labels.segments.append(Segment(kind, last[cut:].strip(), line_no))
        gd = m.groupdict()
        if gd.get("site"):
            labels.sites.append(gd["site"])
        if gd.get("author") and kind == "byline":
            labels.authors.append(gd["author"])
        return
