"""Phase 4 of page anatomy: the title, the best headline-shaped header line (length, nearness
to the body and to the article's date line, word overlap with the lead)."""

from __future__ import annotations

import re
from datetime import datetime

from .dates import _mk_dt
from .header_date import is_stamp
from .labels import Labels
from .lines import PageLine, PageLines
from .rules import RuleSet
from .span import BodySpan

PUNCT_STRIP = "\"'“”‘’.,;:!?()[]{}…-–—«»*"
_MIN_SCORE = 1.5
# a site's generic page title ("Chi tiết - Sở Tư pháp", "Tin tức | UBND huyện") or a section
# label ("Chuyên mục: Tin nổi bật"), not a headline
_GENERIC_PAGE = re.compile(
    r"^(?:chi tiết|tin chi tiết|chi tiết tin(?: tức)?|tin tức|trang chủ|xem tin|chuyên mục|danh mục)\s*[-–|:]",
    re.I,
)

# a wire report's dateline alone on its line ("VIETNAM, August 18 -", "HANOI, Dec. 2 —"): the
# place in capitals and the day, no headline
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,30},\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+[0-3]?\d"
    r"(?:,\s+(?:19|20)\d\d)?\s*[-–—]?$",
    re.I,
)
# a full date in brackets closing a headline ("… huyện Bàu Bàng (26/07/2022)"), perhaps after
# the hour ("… Ba Dinh district (18:11 07/11/2022)"): the portal appends the page's time stamp to
# it; it is no part of the headline
_TRAILING_DATE = re.compile(
    r"\s*[(\[]\s*(?:([0-2]?\d)[:h]([0-5]\d)\s*[-,|]?\s*)?([0-3]?\d)[/.-]([01]?\d)[/.-]((?:19|20)\d\d)\s*[)\]]$"
)


# a photo credit after a sentence or in brackets ("… Việt Nam. Ảnh: Phan Phương - TTXVN", "(Ảnh:
# Thu Hà)"): the line is a caption; a photo-news headline opens with its label ("Tin ảnh: …")
_PHOTO_CREDIT = re.compile(r"(?:[.!?…]\s+|\(\s*)(?:ảnh|photo|nguồn ảnh)\s*:\s*\S", re.I)


# a source credit in brackets closing the line ("… in Ben Tre (Source: CPV)", "(Nguồn: TTXVN)"):
# a photo caption or a reprint credit; a headline does not name its source
_SOURCE_CREDIT = re.compile(r"\(\s*(?:source|nguồn)\s*:[^()]{1,60}\)$", re.I)


def _photo_caption(key_cf: str) -> bool:
    if ("source" in key_cf or "nguồn" in key_cf) and _SOURCE_CREDIT.search(key_cf.rstrip(" .")):
        return True
    return ("ảnh" in key_cf or "photo" in key_cf) and _PHOTO_CREDIT.search(key_cf) is not None


def split_dated_title(title: str | None) -> tuple[str | None, datetime | None]:
    """The headline without a bracketed date closing it, and that date (None if there is none)."""
    if not title or not title.endswith((")", "]")):
        return title, None
    m = _TRAILING_DATE.search(title)
    if m is None or m.start() == 0:
        return title, None
    hh, mi = (int(m.group(1)), int(m.group(2))) if m.group(1) else (0, 0)
    day = _mk_dt(int(m.group(5)), int(m.group(4)), int(m.group(3)), hh if hh < 24 else 0, mi)
    return (title[: m.start()], day) if day else (title, None)


# a stray mark glued before a headline (".LỄ KẾT NẠP ĐẢNG VIÊN MỚI …"): the line is not title-like
# only because of it
_STRAY_MARK = ".·•*-–+>"


def _marked_headline(text: str) -> bool:
    if text[:1] not in _STRAY_MARK:
        return False
    rest = text.lstrip(_STRAY_MARK + " ")
    return 4 <= len(rest.split()) <= 40 and rest[:1].isupper() and len(rest) <= 350 and rest[-1:] not in ";:"


def _headline(text: str) -> str:
    return text.lstrip(_STRAY_MARK + " ") if _marked_headline(text) else text


def _is_wire_dateline(s: str) -> bool:
    return s[:1].isupper() and "," in s[:32] and _WIRE_DATELINE.match(s) is not None


def _candidates(lines: list[PageLine], span: BodySpan, labels: Labels) -> list[int]:
    """Header lines shaped like a headline: not a name, rule-matched line, date, or the line
    right after a byline."""
    out = []
    for k in range(min(span.start, len(lines))):
        ln = lines[k].info
        if (
            labels.kinds[k] == "header"
            and (ln.title_like or _marked_headline(ln.text))
            and not ln.name_like
            and not ln.rule_h
            and not ln.is_date
            and not _GENERIC_PAGE.match(ln.text)
            and not is_stamp(ln.text)
            and not _is_wire_dateline(ln.text)
            and not _photo_caption(ln.key_cf)
        ):
            prev = lines[k - 1].info.rule_h if k > 0 else None
            if not (prev and prev[0].kind == "byline"):
                out.append(k)
    return out


LEAD_MIN_WORDS = 20
UPPER_OVERLAP = 0.6


def _is_lead_sentence(text: str, nw: int) -> bool:
    """A long line opening with a short phrase and a comma ("Tại Đại hội, các đại biểu đã nghe
    …", "Sáng ngày 23/9/2022, Chi bộ … đã tổ chức …"): a sapo or a paragraph the body span left
    above it, shaped as prose; a headline is shorter or does not open with an adverbial."""
    if nw < LEAD_MIN_WORDS:
        return False
    comma = text.find(", ", 0, 40)
    return comma > 0 and 1 <= text.count(" ", 0, comma) <= 5  # "Phòng, chống …" opens headlines


def _score(line: PageLine, k: int, overlap: float, pub_k: int, last_cand: int, crumb: bool = False) -> float:
    ln = line.info
    # crumb: an earlier header line (a breadcrumb) ends with this line, as a trail ends with the page
    sc = (
        3.0 * overlap
        + (1.5 if crumb else 0.0)
        + (2.0 if ln.nw >= 7 else 0.0)
        + (1.5 if abs(k - pub_k) == 1 else 0.0)
    )
    sc += 1.0 if k == last_cand else 0.0
    sc -= 2.0 if _is_lead_sentence(ln.text, ln.nw) else 0.0
    # a line in capitals is often a section label ("TIN TỨC SỰ KIỆN"); an ALL-CAPS headline
    # ("LỄ KẾT NẠP ĐẢNG") says what the lead says, so most of its words recur there
    if ln.text.isupper():
        sc -= 1.0 if overlap >= UPPER_OVERLAP else 2.0
    # a headline also recurs across pages (in other pages' related-news lists, syndicated
    # copies), so repetition only weighs against a candidate, it does not exclude it
    sc -= 1.0 if line.repeated else 0.0
    # a slogan banner above the headline ("Đẩy mạnh học tập và làm theo … Hồ Chí Minh!"): a
    # headline rarely exclaims, and one that does is the last header line above the body
    sc -= SLOGAN_PENALTY if k != last_cand and ln.text.endswith("!") else 0.0
    return sc


SLOGAN_PENALTY = 1.5


def _overlap(text: str, lead_words: set[str], rs: RuleSet) -> float:
    """Share of the line's content words that occur in the lead."""
    words = [w.strip(PUNCT_STRIP).lower() for w in text[:350].split()]
    content = [w for w in words if w and w not in rs.stop]
    return sum(1 for w in content if w in lead_words) / max(1, len(content))


def _crumb_tails(lines: list[PageLine], start: int) -> set[int]:
    """Header lines that an earlier header line ends with ("Trang chủNewsThời sựNẻo về nguồn
    cội" above "Nẻo về nguồn cội")."""
    out = set()
    for k in range(1, min(start, len(lines))):
        t = lines[k].info.text
        if len(t) >= 12 and any(
            lines[j].info.text.endswith(t) and lines[j].info.text != t for j in range(max(0, k - 3), k)
        ):
            out.add(k)
    return out


def pick_title(page: PageLines, span: BodySpan, labels: Labels, rs: RuleSet) -> str | None:
    """The headline among the header lines, or None."""
    lines = page.lines
    cands = _candidates(lines, span, labels) if span.start > 0 else []
    if not cands:
        return title_from_body(page, span, labels, rs)
    pub_k = labels.header_dates[-1][0] if labels.header_dates else -9
    last = cands[-1]
    crumbs = _crumb_tails(lines, span.start)
    if len(cands) == 1 and _score(lines[last], last, 0.0, pub_k, last, last in crumbs) > _MIN_SCORE:
        # the overlap only adds to a score: a lone candidate above the bar without it is the
        # title, and splitting the lead into words (costly) is not needed
        return _joined(lines, labels, last)
    lead_words = {w.strip(PUNCT_STRIP) for w in " ".join(labels.body[:3])[:800].lower().split()}
    best, best_sc = None, _MIN_SCORE
    for k in cands:
        sc = _score(lines[k], k, _overlap(lines[k].info.text, lead_words, rs), pub_k, last, k in crumbs)
        if sc > best_sc:
            best, best_sc = k, sc
    if best is None:
        return None
    whole = _whole_of_split_copy(lines, span.start, best)
    if whole is not None:
        return _headline(lines[whole].info.text)
    return _joined(lines, labels, _without_tail(lines, cands, best))


def _whole_of_split_copy(lines: list[PageLine], start: int, best: int) -> int | None:
    """The header line the chosen line and the one above it copy when put together ("ĐẠI HỘI …
    NHI ĐÀ NẴNG LẦN" / "THỨ III NHIỆM KỲ 2020-2025" under "ĐẠI HỘI … LẦN THỨ III NHIỆM KỲ
    2020-2025"): a headline printed again, broken over two lines; the whole line is the title."""
    if best < 2:
        return None
    pair = _norm(lines[best - 1].info.text + " " + lines[best].info.text)
    for k in range(best - 1):
        if _norm(lines[k].info.text) == pair:
            return k
    return None


def _norm(text: str) -> str:
    return " ".join(text.translate(_NO_PUNCT).casefold().split())


_NO_PUNCT = str.maketrans({c: " " for c in PUNCT_STRIP})


def _without_tail(lines: list[PageLine], cands: list[int], best: int) -> int:
    """A copy of the headline with a slogan after it ("… NHIỆM KỲ 2025–2030 THÀNH CÔNG TỐT ĐẸP!"
    under "… NHIỆM KỲ 2025–2030"): the candidate it starts with is the headline."""
    full = _norm(lines[best].info.text)
    for k in cands:
        head = _norm(lines[k].info.text)
        if k != best and len(head) >= 20 and len(head) < len(full) and full.startswith(head + " "):
            return k
    return best


def _joined(lines: list[PageLine], labels: Labels, k: int) -> str:
    """The headline of line k, with its first word when the page broke it onto the line above
    ("ĐẠI" / "HỘI CHI BỘ TRƯỜNG TIỂU HỌC …"): a one- or two-word capitals line alone."""
    text = _headline(lines[k].info.text)
    if k > 0 and text.isupper() and labels.kinds[k - 1] == "header":
        prev = lines[k - 1].info.text
        if len(prev.split()) <= 2 and prev.isupper() and prev.isalpha() and not lines[k - 1].info.rule_h:
            return prev + " " + text
    return text


# the headline left at the top of the body (no header above it, or only a date line): a short
# line that does not end a sentence with a full stop, above a longer paragraph, or a line in
# capitals among the first two (after the sapo: "HUYEN UY DAK GLEI KET NAP …")
BODY_HEADLINE_MAX = 200
BODY_HEADLINE_OVERLAP = 0.4
BODY_HEADLINE_OVERLAP_STOP = 0.8


def _words(text: str) -> set[str]:
    return {w.strip(PUNCT_STRIP) for w in text[:800].lower().split()}


_NUMBERED = re.compile(r"^(?:[IVXLC]+|\d+|[a-zđ])[.)/]\s", re.I)


def title_from_body(page: PageLines, span: BodySpan, labels: Labels, rs: RuleSet) -> str | None:
    """The headline at the start of the body when the header gave none, or None."""
    rows = [k for k in range(span.start, min(len(page.lines), span.start + 12)) if labels.kinds[k] == ""]
    if len(rows) < 2:
        return None
    if any(labels.kinds[k] == "header" and page.lines[k].info.title_like for k in range(span.start)):
        return None  # the header has headline-shaped lines: none was taken, none is wanted
    dated = _headline_above_date_line(page, labels, rows[:4])
    if dated is not None:
        return dated
    rows = _without_kicker_and_copies(page, rows)[:3]
    if len(rows) < 2:
        return None
    for i, k in enumerate(rows[:2]):
        ln = page.lines[k].info
        t = ln.text
        # a headline closed with a full stop ("… “92 năm Đoàn TNCS Hồ Chí Minh”.") reads like a
        # sentence: it must say what the paragraphs under it say, nearly word for word
        # (one clause: a sentence with commas, or an English one whose function words the
        # overlap counts as content, is the lead itself)
        stop = t[-1:] == "."
        shaped = ln.title_like or (stop and ln.nw <= 35 and t[:1].isupper())
        if stop and ("," in t or t.isascii()):
            continue
        if not shaped or len(t) > BODY_HEADLINE_MAX or ln.teaser or _NUMBERED.match(t) or ln.rule_h:
            continue
        if _ATTENDANCE.match(ln.key_cf):  # "Tham dự buổi lễ có đồng chí …": a lead's sentence
            continue
        if t.isupper() and ln.nw >= 4:
            return t
        if i > 0:
            continue
        nxt = page.lines[rows[1]].info
        if (
            ln.nw <= 35
            and ". " not in t
            and t[-1] != "…"
            and not ln.honorific
            and not ln.caption
            and nxt.prose
            and len(nxt.text) > len(t)
            and not _is_lead_sentence(t, ln.nw)
            and _overlap(t, _words(" ".join(page.lines[r].info.text for r in rows[1:])), rs)
            >= (BODY_HEADLINE_OVERLAP_STOP if stop else BODY_HEADLINE_OVERLAP)
        ):
            return t
    return None


def _headline_above_date_line(page: PageLines, labels: Labels, rows: list[int]) -> str | None:
    """A headline the body span took in, directly above the article's date line ("Khai mạc phiên
    trù bị Đại hội …" / "Thứ ba, 20:02, 23/09/2025" / lead): the date line closes the header, so
    the line above it is the headline whatever came before it."""
    for k in rows:
        nxt = k + 1
        if nxt >= len(page.lines) or labels.kinds[nxt] != "dateline" or nxt + 1 >= len(page.lines):
            continue
        ln = page.lines[k].info
        t = ln.text
        if (
            ln.title_like
            and t[-1] not in ".!?…;:,"
            and ln.nw <= BODY_HEADLINE_MAX_WORDS
            and not ln.teaser
            and not ln.rule_h
            and not _NUMBERED.match(t)
            and labels.kinds[nxt + 1] == ""
        ):
            return t
    return None


BODY_HEADLINE_MAX_WORDS = 40
# who attended, the formula a lead or a caption opens with and a headline never does
_ATTENDANCE = re.compile(r"(?:về |cùng )?(?:tham dự|dự|tới dự|đến dự)\b.{0,40}?\bcó\b")
KICKER_MAX_WORDS = 25


def _without_kicker_and_copies(page: PageLines, rows: list[int]) -> list[int]:
    """The body rows from the first that may open the article: a kicker above the headline (a
    short line ending with ":", "Ủy viên Bộ Chính trị, … Trưởng ban Dân vận Trung ương:") and a
    photo caption written twice (its alt text and its caption) are passed over, at most two."""
    skip = 0
    while skip < 2 and skip + 1 < len(rows):
        cur, nxt = page.lines[rows[skip]].info, page.lines[rows[skip + 1]].info
        kicker = cur.text.endswith(":") and cur.nw <= KICKER_MAX_WORDS and not cur.prose
        if not (kicker or cur.text == nxt.text):
            break
        skip += 2 if cur.text == nxt.text else 1
    return rows[skip:]


def header_after_title(labels: Labels) -> list[str]:
    """The plain header lines after the title segment (a body fragment or a dated sapo the span
    left in the header: "Vào ngày 05/8/2024 tại Hội trường UBND xã …")."""
    segs = labels.segments
    at = next((i for i, sg in enumerate(segs) if sg.kind == "title"), None)
    if at is None:
        return []
    return [sg.text for sg in segs[at + 1 : at + 6] if sg.kind == "header"]
