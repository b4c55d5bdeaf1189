"""Phase 2 of page anatomy: where the body runs. The body is the coherent run of prose lines
between the header (everything before the first prose line, or up to a date line that closes a
short headline) and the first hard trailing marker (related news / comments / links / legal
footer) or the byline after which no strong prose follows."""

from __future__ import annotations

from dataclasses import dataclass

from .lines import PageLine, PageLines


@dataclass(frozen=True)
class BodySpan:
    """Lines [start, end) are the body, lines before start the header, after end the trailer.
    zoned: false when the position signal is ablated (no header/trailer: every line is read
    against all rules, as body)."""

    start: int
    end: int
    byline: int | None = None  # the trailer's byline line, if one closes the body
    zoned: bool = True


def whole_page(page: PageLines) -> BodySpan:
    """The span when position is not used: every line is a body candidate."""
    return BodySpan(0, len(page), None, zoned=False)


def _header_chrome(line: PageLine) -> bool:
    ln = line.info
    return bool(ln.rule_h) or ln.is_date or (line.repeated and not ln.strong)


def _first_paragraph(lines: list[PageLine]) -> int | None:
    """The first line that opens the body: a real paragraph outside header chrome (a
    teaser-shaped line at the top is a headline, not the lead)."""
    for k, line in enumerate(lines):
        if line.info.strong and not _header_chrome(line) and not line.info.rule_f:
            return k
    return None


def _after_dated_headline(lines: list[PageLine], fp: int) -> int:
    """A short "prose" line followed by a date line is the headline (e.g. "24 tổ chức … mạnh."):
    the body then opens at the next prose line after the date."""
    n = len(lines)
    if lines[fp].info.nw > 25:
        return fp
    for j in range(fp + 1, min(fp + 3, n)):
        ln = lines[j].info
        if ln.is_date and not (ln.rule_h and ln.rule_h[0].clock):
            nxt = next(
                (q for q in range(j + 1, n) if lines[q].info.prose and not _header_chrome(lines[q])), None
            )
            return fp if nxt is None else nxt
        if ln.prose:
            break
    return fp


_SENTENCE_END = frozenset('.…;:"”»!?')


def _after_unpunctuated_headline(lines: list[PageLine], start: int) -> int:
    """A headline-shaped first line that ends no sentence ("… Trung ương 10 ( khóa XII)") right
    before a real paragraph is the headline, not the lead: the body opens at that paragraph."""
    ln = lines[start].info
    if (
        start + 1 < len(lines)
        and ln.title_like
        and ln.nw <= 40
        and ln.text[-1] not in _SENTENCE_END
        and not ln.teaser
        and lines[start + 1].info.strong
        and not _header_chrome(lines[start + 1])
    ):
        return start + 1
    return start


def _hard_end(lines: list[PageLine], start: int) -> int:
    """The first trailing marker that ends the body (len(lines) if none)."""
    for k in range(start + 1, len(lines)):
        r = lines[k].info.rule_f
        if r and r[0].ends_body:
            return k
    return len(lines)


def _body_evidence(line: PageLine) -> bool:
    ln = line.info
    return ln.strong and not line.repeated and not ln.rule_f


def _byline_end(lines: list[PageLine], start: int, hard_end: int) -> tuple[int, int | None]:
    """(body end, byline line or None): the body ends at a byline/credit line after which no
    strong prose follows, else after the last strong prose line before hard_end."""
    strong_after = [False] * (len(lines) + 1)
    for k in range(hard_end - 1, start - 1, -1):
        strong_after[k] = strong_after[k + 1] or _body_evidence(lines[k])
    for k in range(start + 1, hard_end):
        ln = lines[k].info
        is_by = (ln.rule_f and ln.rule_f[0].kind in ("byline", "source_credit")) or (
            ln.name_like and not ln.rule_f
        )
        if is_by and not strong_after[k + 1]:
            named = ln.name_like or (ln.rule_f and ln.rule_f[0].kind == "byline")
            return k, (k if named else None)
    last = max((k for k in range(start, hard_end) if _body_evidence(lines[k])), default=start)
    if _cut_last_paragraph(lines, last + 1, hard_end):
        return last + 2, None
    return last + 1, None


def _cut_last_paragraph(lines: list[PageLine], k: int, hard_end: int) -> bool:
    """The page's very last line, cut mid-sentence by the crawl (no chrome after it), is still
    body: a run of words, not a name, rule, date, teaser or repeated line, ending on a lower-case
    word (a headline copy or a label printed last ends on a name or number more often)."""
    if k != len(lines) - 1 or k >= hard_end:
        return False
    line = lines[k]
    ln = line.info
    return (
        ln.nw >= 8
        and not ln.rule_f
        and not ln.is_date
        and not ln.name_like
        and not ln.teaser
        and not line.repeated
        and ln.text[:1].isupper()
        and ln.text.rsplit(None, 1)[-1][:1].islower()
    )


def find_body_span(page: PageLines) -> BodySpan:
    lines = page.lines
    fp = _first_paragraph(lines)
    if fp is None:  # no paragraph: everything is header
        return BodySpan(len(lines), len(lines))
    start = _after_unpunctuated_headline(lines, _after_dated_headline(lines, fp))
    end, byline = _byline_end(lines, start, _hard_end(lines, start))
    return BodySpan(start, end, byline)
