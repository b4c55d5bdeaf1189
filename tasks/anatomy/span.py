"""Phase 2 of page anatomy: where the body runs. The body is the coherent run of prose lines
between the header (everything before the first prose line, or up to a date line that closes a
short headline) and the first hard trailing marker (related news / comments / links / legal
footer) or the byline after which no strong prose follows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_datetime
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
    teaser-shaped line at the top is a headline, not the lead), and not a site's quoted slogan
    printed above the headline."""
    for k, line in enumerate(lines):
        ln = line.info
        if (
            ln.strong
            and not ln.text.isupper()  # a line in capitals is a headline or a banner, never the lead
            and not _header_chrome(line)
            and not ln.rule_f
            and not _slogan_above_headline(lines, k)
            and not _printed_again_below(lines, k)
        ):
            return k
    return None


# a headline set again under itself, whole or in two parts (kicker + rest), within these lines
HEADLINE_COPY_LINES = 4


def _printed_again_below(lines: list[PageLine], k: int) -> bool:
    """Line k is set again in the next few lines, whole or as two consecutive ones ("Tổng quan
    tình hình Xây dựng …" / "TỔNG QUAN TÌNH HÌNH" / "Xây dựng …"): the headline, not the lead."""
    key = lines[k].info.key_cf
    # (the copy is headline-shaped: a caption printed twice is prose both times, and body; a
    # piece of the headline is a prefix of it, so most lines are rejected by one startswith)
    below = [
        ln.key_cf
        for ln in (line.info for line in lines[k + 1 : k + 1 + HEADLINE_COPY_LINES])
        if not ln.strong and key.startswith(ln.key_cf)
    ]
    if not below:
        return False
    return key in below or any(f"{a} {b}" == key for a in below for b in _keys_after(lines, k, a))


def _keys_after(lines: list[PageLine], k: int, first: str) -> list[str]:
    """The keys of the non-blank lines right after the line (below k) whose key is first."""
    end = min(len(lines), k + 1 + HEADLINE_COPY_LINES)
    return [
        lines[j + 1].info.key_cf
        for j in range(k + 1, end - 1)
        if lines[j].info.key_cf == first and not lines[j + 1].info.strong
    ]


_OPEN_QUOTES, _CLOSE_QUOTES = '"“«', '"”»'


def _slogan_above_headline(lines: list[PageLine], k: int) -> bool:
    """Line k is wholly one quotation and the next line is a headline (title-shaped, no
    paragraph): a banner slogan ("“Ngày 23/5/2021, cử tri cả nước đi bầu cử …”"), not the lead."""
    t = lines[k].info.text
    if not (t[0] in _OPEN_QUOTES and t[-1] in _CLOSE_QUOTES and k + 1 < len(lines)):
        return False
    if any(q in t[1:-1] for q in _CLOSE_QUOTES):
        return False
    nxt = lines[k + 1].info
    return nxt.title_like and not nxt.strong and not nxt.rule_h and not nxt.is_date


def _has_date(text: str) -> bool:
    return find_datetime(text[:120]) is not None


def _after_dated_headline(lines: list[PageLine], fp: int) -> int:
    """A short "prose" line followed by a date line is the headline (e.g. "24 tổ chức … mạnh."):
    the body then opens at the next prose line after the date. A line that opened with an
    outlet's dateline ("VGP – …", "(SGGP) – …") is the lead whatever its length."""
    n = len(lines)
    if lines[fp].info.nw > 25 or lines[fp].info.prefixes:
        return fp
    for j in range(fp + 1, min(fp + 3, n)):
        ln = lines[j].info
        if _date_line(ln):
            nxt = next(
                (q for q in range(j + 1, n) if lines[q].info.prose and not _header_chrome(lines[q])), None
            )
            return fp if nxt is None else nxt
        if ln.prose:
            break
    return fp


def _date_line(ln) -> bool:
    """A date line that closes a headline: a bare date, or a post's meta line (byline label,
    author, date: "Post by: trangtrang | 19/05/2023 | 1337 reads"), read as a dateline or as a
    header byline that carries the date; not a page clock."""
    r = ln.rule_h
    if not r:
        return ln.is_date
    if r[0].clock:
        return False
    if ln.is_date or (r[0].kind == "dateline" and ln.dt is not None):
        return True
    return r[0].kind == "byline" and _has_date(ln.text)


_SENTENCE_END = frozenset('.…;:"”»!?')
_CLAUSE_END = _SENTENCE_END | {","}


def _after_unpunctuated_headline(lines: list[PageLine], start: int) -> int:
    """A headline-shaped first line that ends no sentence ("… Trung ương 10 ( khóa XII)") right
    before a real paragraph (header chrome aside) is the headline, not the lead: the body opens
    at that paragraph."""
    ln = lines[start].info
    # (a line that ends on a comma is a clause the next line goes on with: "Thực hiện Chỉ thị số
    # 45-CT/TW … nhiệm kỳ 2025-2030," / "Hôm nay, ngày 24/4/2025, …")
    if not (ln.title_like and ln.nw <= 40 and ln.text[-1] not in _CLAUSE_END and not ln.teaser):
        return start
    # header chrome may sit between the headline and the lead ("Lượt xem:", image residue); a
    # lone "." after the line is its own full stop split off (a lead, not a headline)
    for j in range(start + 1, min(start + 2 + MAX_CHROME_UNDER_HEADLINE, len(lines))):
        if _is_debris(lines[j]):
            return start
        if not _header_chrome(lines[j]):
            return j if lines[j].info.strong else start
    return start


MAX_CHROME_UNDER_HEADLINE = 3


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


def _byline_end(
    lines: list[PageLine], start: int, hard_end: int, page_cut: bool = False
) -> tuple[int, int | None]:
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
            if _bare_label_over_name(lines, k, hard_end):
                return k, k + 1
            return k, (k if named else None)
    last = max((k for k in range(start, hard_end) if _body_evidence(lines[k])), default=start)
    last = _after_closing_list(lines, _after_closing_captions(lines, last, hard_end), hard_end)
    last = _after_gallery_captions(lines, last, hard_end)
    return _cut_tail_end(lines, last, hard_end, page_cut) or last + 1, None


# the photos' alt text a social site writes for them ("Có thể là hình ảnh về 19 người, …"): no caption
_ALT_TEXT = ("có thể là hình ảnh", "có thể là ảnh", "may be an image")


def _after_gallery_captions(lines: list[PageLine], last: int, hard_end: int) -> int:
    """The last body line when the body closes with a gallery: its announcement ("Một số hình ảnh
    của buổi lễ:", a footer rule's gallery stub, itself no body) then the photos' captions ("Mở
    đầu là nghi thức chào cờ", "Đảng viên mới đọc lời tuyên thệ"), which are the article's own
    captions and body however short."""
    k = last + 1
    r = lines[k].info.rule_f if k < hard_end else None
    if not (r and r[0].name.startswith("gallery_stub")):
        return last
    end = k
    while end + 1 < hard_end and _gallery_caption(lines[end + 1]):
        end += 1
    return end if end > k else last


def _gallery_caption(line: PageLine) -> bool:
    """A plain line of a few words after a gallery's announcement, not the photos' alt text."""
    ln = line.info
    return _plain_line(line) and ln.nw >= GALLERY_CAPTION_MIN_WORDS and not ln.key_cf.startswith(_ALT_TEXT)


GALLERY_CAPTION_MIN_WORDS = 3


def _bare_label_over_name(lines: list[PageLine], k: int, hard_end: int) -> bool:
    """Line k is a byline label with no name after it ("Thực hiện:") and the next line reads as
    a name ("Lê Thương"): that line is the byline."""
    r = lines[k].info.rule_f
    return (
        r is not None
        and r[0].name == "byline_label_bare"
        and k + 1 < hard_end
        and lines[k + 1].info.name_like
        and not lines[k + 1].info.rule_f
    )


def _after_closing_captions(lines: list[PageLine], last: int, hard_end: int) -> int:
    """The last body line when photo captions that name someone with an honorific ("Đ/c Phạm
    Văn Bé Năm - Phó bí thư Huyện ủy trao quyết định …") follow the last paragraph: a caption,
    where a teaser list after the body opens with the event, not with "Đồng chí"."""
    k = last
    while k + 1 < hard_end and _closing_caption(lines[k + 1]):
        k += 1
    return k


# a list item's marker: "+ Bà Lê Thị Tú Thắm – Bí thư chi bộ", "– Về phía Chi bộ …", "• …", "2) …"
_LIST_ITEM = re.compile(r"^(?:[-–—+•*▪●◦]|\d{1,2}[.)])\s")


def _after_closing_list(lines: list[PageLine], last: int, hard_end: int) -> int:
    """The last body line when the body's last line is an item of a list (the guests welcomed,
    the members admitted): the list's further items are body however short, up to the first
    line that is no item or that a rule, a date, a teaser or a repetition marks."""
    if not _LIST_ITEM.match(lines[last].info.text):
        return last
    k = last
    while k + 1 < hard_end and _list_item(lines[k + 1]):
        k += 1
    return k


def _list_item(line: PageLine) -> bool:
    ln = line.info
    return bool(_LIST_ITEM.match(ln.text)) and not (ln.rule_f or ln.is_date or ln.teaser or line.repeated)


def _closing_caption(line: PageLine) -> bool:
    """A caption naming someone, or any line as long as a paragraph (page chrome is short: a
    caption ending on its date "(19/5/1890 – 19/05/2023)", an English paragraph the Vietnamese
    prose test cannot read)."""
    ln = line.info
    return (ln.honorific and ln.nw >= MIN_CUT_WORDS or ln.nw >= LONG_LINE_WORDS) and not (
        ln.rule_f or ln.is_date or ln.teaser or line.repeated
    )


# no chrome line of the four gold sets' trailers runs this long without a rule (the longest: 21)
LONG_LINE_WORDS = 24


# lines of a caption shape the crawl's cut last paragraph may follow ("… Ảnh tư liệu Thu Giang")
MAX_CAPTIONS_BEFORE_CUT = 1
MIN_CUT_WORDS = 4  # a shorter stray line after the body is a label ("Một dòng lạ")
# a cut line this long is a paragraph whatever its last (cut) word looks like
LONG_CUT_WORDS = 12
CUT_LOWER_WORDS = 3


def _cut_tail_end(lines: list[PageLine], last: int, hard_end: int, page_cut: bool = False) -> int | None:
    """The body's end when the page's last line (trailing punctuation debris aside) is a
    paragraph cut by the crawl, after the last strong line or after a caption that follows it;
    None if the page does not end so.  page_cut: the text stops on a space (PageLines.cut_at_end),
    so a last plain line right after the body is its cut paragraph however few its words."""
    e = len(lines) - 1
    while e > last and _is_debris(lines[e]):
        e -= 1
    if e <= last or e >= hard_end or e - last - 1 > MAX_CAPTIONS_BEFORE_CUT:
        return None
    if not all(_caption_shaped(lines[k]) for k in range(last + 1, e)):
        return None
    if page_cut and _plain_line(lines[e]):
        return e + 1
    return e + 1 if _cut_paragraph(lines[e]) else None


def _is_debris(line: PageLine) -> bool:
    r = line.info.rule_f or line.info.rule_h
    return r is not None and r[0].name == "junk_punct"


def _plain_line(line: PageLine) -> bool:
    """Not a rule, date, name, teaser or repeated line."""
    ln = line.info
    return not (ln.rule_f or ln.is_date or ln.name_like or ln.teaser or line.repeated)


def _caption_shaped(line: PageLine) -> bool:
    return _plain_line(line) and line.info.nw >= 4


def _cut_paragraph(line: PageLine) -> bool:
    """A run of words cut mid-sentence: opens like a sentence (capital or figure) and ends on a
    lower-case word, or is long (a headline copy or a label printed last ends on a name or
    number more often, and is short)."""
    ln = line.info
    t = ln.text
    if not (_plain_line(line) and (t[:1].isupper() or t[:1].isdigit())):
        return False
    last = t.rsplit(None, 1)[-1]
    # cut inside a word: a lone letter ("Hội nghị đ", "Đồng thời, Ủ") is no Vietnamese word at a
    # line's end, nor a lone digit after a phrase ("… gắn Huy hiệu 8" of "80 năm")
    if len(last) == 1 and ln.nw >= 2 and (last.isalpha() or (last.isdigit() and ln.nw >= MIN_CUT_WORDS)):
        return True
    if ln.nw < MIN_CUT_WORDS:
        return False
    if last[:1].islower() or ln.nw >= LONG_CUT_WORDS:
        return True
    # cut inside a name ("Thay mặt cán bộ, chiến sĩ Ban Chỉ huy Quân"): a sentence's run of
    # lower-case words shows it is prose, where a byline or a credit printed last is names and
    # labels ("Lệ Thủy – Văn Huyến", "LĐLĐ huyện Thạnh Phú", "News: Thanh son, photo: …")
    return (
        ":" not in t and not t.isascii() and sum(1 for w in t.split() if w[:1].islower()) >= CUT_LOWER_WORDS
    )


# a news lead opens with when it happened: "Vào ngày 05/8/2024", "Từ ngày 14/10 đến …", "Sáng ngày
# 23/9/2022,", "Chiều nay"; read on the case-folded line
_LEAD_OPENER = re.compile(
    r"(?:(?:vào|trong|từ)\s+)?(?:(?:sáng|chiều|tối|trưa|đêm|rạng sáng)\s+)?(?:(?:vào|từ|trong)\s+)?"
    r"(?:ngày|hôm)\s+\d|(?:sáng|chiều|tối|trưa|đêm)\s+(?:nay|qua|\d)"
)
# a hard-wrapped lead is cut into at most this many lines above the first full paragraph
MAX_WRAPPED_LEAD_LINES = 6
_LEAD_END = frozenset('.…;:!?"”»)')


def _plain_header_line(line: PageLine) -> bool:
    ln = line.info
    return not (ln.rule_h or ln.is_date or ln.name_like or line.repeated)


def _printed_twice(lines: list[PageLine], k: int) -> bool:
    key = lines[k].info.key_cf
    return any(line.info.key_cf == key for j, line in enumerate(lines) if j != k)


def _lead_above(lines: list[PageLine], start: int) -> int:
    """The body's start when the lead sits above the first full paragraph, in pieces no line
    rule or prose test takes: a hard-wrapped lead ("Từ ngày 14/10 đến 20/10/2023, Chi hội Phụ nữ
    ở 4/4 thôn xã" / "Trà Tân đều tổ chức …" / "Nam 20/10/1930 - 20/10/2023."), read back from the
    paragraph over lines that end no sentence (the last may) to one that opens with when it
    happened and is no headline printed twice; then a photo caption right above ("Toàn cảnh Hội
    nghị")."""
    new_start = start
    for k in range(start - 1, max(-1, start - 1 - MAX_WRAPPED_LEAD_LINES), -1):
        line = lines[k]
        if not _plain_header_line(line) or (k < start - 1 and line.info.text[-1] in _LEAD_END):
            break
        if _LEAD_OPENER.match(line.info.key_cf) and not _printed_twice(lines, k):
            new_start = k
    if new_start > 0 and lines[new_start - 1].info.caption and _plain_header_line(lines[new_start - 1]):
        new_start -= 1
    return new_start


def find_body_span(page: PageLines) -> BodySpan:
    lines = page.lines
    fp = _first_paragraph(lines)
    if fp is None:  # no paragraph: everything is header
        return BodySpan(len(lines), len(lines))
    start = _lead_above(lines, _after_unpunctuated_headline(lines, _after_dated_headline(lines, fp)))
    end, byline = _byline_end(lines, start, _hard_end(lines, start), page.cut_at_end)
    return BodySpan(start, end, byline)
