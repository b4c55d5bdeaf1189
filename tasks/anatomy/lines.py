"""Phase 1 of page anatomy: the page's non-blank lines, each classified on its own (prefixes
stripped, rule matches, date, shape) and flagged when it repeats across pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache, partial
from typing import NamedTuple

from tasks.textnorm import collapse_whitespace, match_key_uncached

from . import dates
from .rules import RuleMatch, RuleSet

CHROME_MAX_LEN = 200
# per-process bound on cached line classifications (chrome recurs; a long tail of body lines
# passes through): ~1 KB per entry
LINE_CACHE_SIZE = 1 << 15
# word counts are only compared with small thresholds (<= 26 words): counting stops at NW_CAP,
# which spares splitting every long paragraph into all its words
NW_CAP = 30

_SENT_END = set('.…;:"”»')
_DIGIT = re.compile(r"\d")
_INITIALS = re.compile(r"^[A-ZĐ][A-ZĐa-zđ]{0,2}(?:[.,/][\s]?[A-ZĐ][\wđ]*){0,3}\.?$")
PAREN_TAIL = re.compile(r"\s*\([^()]{1,40}\)\s*$")
# a byline's post or unit after a dash: "Đỗ Thuần – Bí thư Chi bộ …", "Hồng Nhung - VPHU Quảng Điền"
POST_WORDS = (
    r"(?:Bí thư|Phó|Chủ tịch|Trưởng|Giám đốc|Cán bộ|Chuyên viên|Văn phòng|VP|Ban|"
    r"Đảng ủy|Đảng uỷ|Huyện ủy|Huyện uỷ|Thành ủy|Thành uỷ|Tỉnh ủy|Tỉnh uỷ|UBND|Trung tâm|Phòng|"
    r"Hội|Đoàn|CTV|PV|BTV|Phóng viên|Cộng tác viên|Đài|Báo|Trường|Công an|Chi bộ|"
    # a member's post or the writer's unit: "Quốc Sự - Uỷ viên UBKT Huyện uỷ", "Phạm Mạnh Khởi –
    # Vụ trưởng Vụ Cơ sở đảng", "Quý Trường- Huyện đoàn"
    r"Ủy viên|Uỷ viên|Vụ|Cục|Sở|Viện|Khoa|Huyện đoàn|Tỉnh đoàn|Thành đoàn|Quận đoàn|HND|MTTQ|UBKT)\b"
)
# (the dash may follow the name without a space: "Quý Trường- Huyện đoàn")
# ... and after the dash only, a youth, union or company unit ("Cao Cường- ĐTN Công ty Supe"): a
# headline may open with these words ("Đảng bộ Nghệ An: …"), so POST_LINE leaves them out
UNIT_AFTER_A_DASH = r"(?:ĐTN|Chi đoàn|Công đoàn|LĐLĐ|Công ty|Đảng bộ)\b"
POST_TAIL = re.compile(r"\s*[-–—]\s*(?:" + POST_WORDS + "|" + UNIT_AFTER_A_DASH + r").{0,80}$")
# a writer's post on its own line under the name ("Bí thư Đảng ủy-Chủ tịch HĐQT NHPT")
POST_LINE = re.compile(POST_WORDS + r"[^.!?]{0,80}$")


def chrome_key(line: str) -> str:
    """Cross-page repetition key: match_key, whitespace collapsed, digits masked.

    Returns "" for blank lines and for lines longer than CHROME_MAX_LEN chars: those are never
    treated as chrome, so callers counting keys across pages can skip them (`if key`)."""
    s = line.strip()
    if not s or len(s) > CHROME_MAX_LEN:
        return ""
    return _chrome_key_cached(s)


def _chrome_key_of(s: str) -> str:
    """chrome_key of a stripped, non-blank line of at most CHROME_MAX_LEN chars (its callers
    cache it, so match_key's own cache is skipped)."""
    return _DIGIT.sub("0", collapse_whitespace(match_key_uncached(s)))


# the batch scan keys every short line of every page; chrome lines recur on thousands of them
_chrome_key_cached = lru_cache(maxsize=LINE_CACHE_SIZE)(_chrome_key_of)


class LineInfo:
    """Everything one stripped line says on its own (no page context): its text after prefix
    stripping, rule matches, date and shape (read_page_lines reads its chrome key). Short lines'
    infos are cached and shared between pages: nothing changes one after classify_line returns it."""

    __slots__ = (
        "text",
        "prefixes",
        "key_cf",
        "rule_h",
        "rule_f",
        "dt",
        "is_date",
        "nw",
        "prose",
        "strong",
        "name_like",
        "teaser",
        "title_like",
        "honorific",
        "caption",
    )
    text: str
    prefixes: tuple[tuple[str, str], ...]
    key_cf: str
    rule_h: RuleMatch | None
    rule_f: RuleMatch | None
    dt: datetime | None
    is_date: bool
    nw: int
    prose: bool
    strong: bool
    name_like: bool
    teaser: bool
    title_like: bool
    honorific: bool  # opens with an honorific ("Đồng chí …"): names someone, as a caption does
    caption: bool  # opens like a photo caption ("Toàn cảnh hội nghị", "Ảnh: Quang cảnh đại hội")


def classify_line(rs: RuleSet, s: str, strip: bool, shape: bool) -> LineInfo:
    """Classify stripped line s; strip: leading outlet/dateline prefixes are still removed;
    shape: the shape signal is on (off, every line reads as strong prose)."""
    ln = LineInfo()
    # one anchored alternation rules out a prefix on most lines (match with endpos reads the
    # line as if cut at max_scan, without copying it)
    if strip and rs.prefix_any.match(s, 0, rs.max_scan):
        text, ln.prefixes = strip_prefixes(s, rs)
    else:
        text, ln.prefixes = s, ()
    ln.text = text
    ln.key_cf = key = text[: rs.max_scan].casefold()
    ln.rule_h, ln.rule_f = rs.line_rules(key, len(text))
    # is_caption(key, rs), its "ảnh" test inlined: most lines open with neither
    ln.caption = is_caption(key, rs) if key.startswith("ảnh") else key.startswith(rs.caption_openers)
    if not ln.caption and "(" in key and _POSITION_MARK.search(key):
        ln.caption = True  # "Bí thư Tỉnh ủy … (thứ 4 từ trái qua) trao …": where someone stands in a photo
    # "… attended by 177 delegates. (Photo: baohaiduong.vn)": the photo's credit closes a caption
    if not ln.caption and key.endswith(")") and _PHOTO_CREDIT_END.search(key):
        ln.caption = True
    if ln.caption:  # "Ảnh: Quang cảnh đại hội" describes the photo: no photographer's byline
        ln.rule_h, ln.rule_f = (None if _is_photo_label(r) else r for r in (ln.rule_h, ln.rule_f))
    # (find_datetime's own year pre-check, inlined: most lines hold no year)
    dt = dates.find_datetime(text) if len(text) <= 90 and dates.has_year(text) else None
    if dt is None and len(text) <= 10 and ("/" in text or " " in text):
        # "18/09/20", "12 03 2015": the whole line is the date
        dt = dates.short_year_date(text) if "/" in text else dates.spaced_date(text)
        ln.is_date = dt is not None
    else:
        # a span of two dates ("(10/10/1949 - 10/10/2019)", an anniversary's) stamps no page
        ln.is_date = (
            dt is not None and dates.is_date_residue(text, rs.residue) and not dates.is_date_span(text)
        )
    if ln.is_date:
        ln.dt = dt  # text is <= 90 chars: the same as find_datetime(text[:120])
    elif ln.rule_h and (
        ln.rule_h[0].name == "print_date" or ln.rule_h[0].clock or ln.rule_h[0].kind == "dateline"
    ):
        ln.dt = dates.find_datetime(text[:120])
    else:
        ln.dt = None
    (_set_shape if shape else _set_no_shape)(ln, rs)
    return ln


_PHOTO_LABEL = re.compile(r"ảnh\s*:\s*")


# a photo caption says where someone stands: "(thứ 4 từ trái qua)", "(giữa)", "(ngoài cùng bên phải)"
_POSITION_MARK = re.compile(r"\((?:[^()]{0,40}\s)?(?:trái|phải|giữa)(?:\s[^()]{0,20})?\)")


# a photo's credit in brackets at a line's end ("(Ảnh: Quang Tuấn)", "(Photo: VNA)"), case-folded
_PHOTO_CREDIT_END = re.compile(r"\((?:ảnh|photo|nguồn ảnh|ảnh minh họa|ảnh minh hoạ)\s*:[^()]{1,60}\)$")


def is_caption(key: str, rs: RuleSet) -> bool:
    """key (a case-folded line) opens like a photo caption, after an optional "Ảnh:" label."""
    if key.startswith("ảnh"):
        m = _PHOTO_LABEL.match(key)
        if m:
            key = key[m.end() :]
    return key.startswith(rs.caption_openers)


def _is_photo_label(r: RuleMatch | None) -> bool:
    return r is not None and r[0].name == "byline_label"


def _set_no_shape(ln: LineInfo, rs: RuleSet) -> None:
    """The shape signal ablated: every line is strong prose, nothing is name- or title-like."""
    ln.nw = _word_count(ln.text)
    ln.prose = ln.strong = True
    ln.name_like = ln.teaser = ln.title_like = ln.honorific = False


def _word_count(t: str) -> int:
    # (a line over 400 chars counts at least len // 6 > NW_CAP words)
    return len(t.split(None, NW_CAP - 1)) if len(t) <= 400 else NW_CAP


def _set_shape(ln: LineInfo, rs: RuleSet) -> None:
    t = ln.text
    # (_word_count inlined)
    ln.nw = nw = len(t.split(None, NW_CAP - 1)) if len(t) <= 400 else NW_CAP
    last = t[-1]
    ends = last in _SENT_END
    ln.teaser = teaser = t.endswith(("…", "...")) and len(t) < 220 and not t.endswith("./.")
    # _is_prose's two first tests inlined (they settle most lines)
    ln.prose = prose = True if nw >= 6 and ends else (nw >= 18 and _is_prose(t, nw, ends, rs))
    ln.strong = prose and not teaser
    ln.honorific = t[:9].casefold().startswith(rs.honorifics)
    # a name-like line has at most 6 words, unless a dash may cut a post off it (_is_name_like)
    ln.name_like = (
        not ln.honorific
        and (nw <= 6 or (len(t) <= 140 and ("-" in t or "–" in t or "—" in t)))
        and _is_name_like(t, nw, ends, rs)
    )
    t0 = t.lstrip("'\"“‘«([")[:1]
    ln.title_like = (
        nw >= 4
        and len(t) <= 350
        and (t0.isupper() or t0.isdigit())
        and last not in ";:"
        # (a long sentence is prose, unless set in capitals: a headline may close with a full stop)
        and not (last == "." and nw > 25 and not t.isupper())
    )


def _is_prose(t: str, nw: int, ends: bool, rs: RuleSet) -> bool:
    """A paragraph ends like a sentence; an unpunctuated line must be long and function-word rich."""
    if nw >= 6 and ends:
        return True
    if nw < 18:
        return False
    sample = t[:400].lower().split()[:80]
    stop = sum(map(rs.stop_punct.__contains__, sample)) / max(1, len(sample))
    return (
        (nw >= 25 and stop >= 0.12) or (t[-1] in "?!)" and stop >= 0.15) or (len(t) >= 300 and stop >= 0.08)
    )


def _is_name_like(t: str, nw: int, ends: bool, rs: RuleSet) -> bool:
    """A short line that reads as a person's name or initials (a byline)."""
    if ("-" in t or "–" in t or "—" in t) and len(t) <= 140:
        post = POST_TAIL.search(t)
        if post and post.start() > 0:
            t = t[: post.start()]
            nw, ends = len(t.split()), t[-1] in _SENT_END
    if not (nw <= 6 and len(t) <= 60 and not ends or (nw <= 6 and t[-1] == ")")):
        return False
    # (PAREN_TAIL is tried at every position: only a line with a ")" can hold one)
    core = PAREN_TAIL.sub("", t).strip() if ")" in t else t.strip()
    ws = core.split()
    if (
        1 <= len(ws) <= 5
        and not _DIGIT.search(core)
        and (
            all(w[:1].isupper() for w in ws)
            and (len(ws) >= 2 or core.isupper())
            and not any(w.lower() in rs.not_names for w in ws)
        )
    ):
        return True
    return bool(_INITIALS.match(core))


def strip_prefixes(text: str, rs: RuleSet) -> tuple[str, tuple[tuple[str, str], ...]]:
    """(text without its leading outlet/dateline prefixes, the prefixes as (kind, text) pairs
    plus ("__site__", domain) for the first credited site)."""
    segs: list[tuple[str, str]] = []
    sites: list[str] = []
    for _ in range(3):
        hit = False
        for _name, kind, rx in rs.prefix:
            m = rx.match(text, 0, rs.max_scan)
            if m and m.end() < len(text):
                pre = text[: m.end()].strip()
                if pre:
                    segs.append((kind, pre))
                if "site" in rx.groupindex and m.group("site") and "." in m.group("site"):
                    sites.append(m.group("site"))
                text = text[m.end() :].lstrip()
                hit = True
                break
        if not hit:
            break
    if sites:
        segs.append(("__site__", sites[0]))
    return text, tuple(segs)


class LineClassifier:
    """classify_line over one RuleSet, with short lines' classifications cached (bounded LRU,
    keyed by line, strip and shape): chrome recurs on every page of an outlet."""

    def __init__(self, rules: RuleSet, cache_size: int = LINE_CACHE_SIZE):
        self.rules = rules
        self.short_line_info = lru_cache(maxsize=cache_size)(partial(classify_line, rules))


class PageLine(NamedTuple):
    info: LineInfo
    no: int  # line number in the raw text
    repeated: bool  # its chrome key is among the run's chrome lines


@dataclass
class PageLines:
    """The page's non-blank lines in order."""

    lines: list[PageLine]
    # the text stops on a space with no line break after it: the crawl cut the page in the middle
    # of its last paragraph ("… biểu dương các tập thể.\nTrong đợt "), so that line is body
    # however short (in every annotated set, all 37 pages that end so end on a body line)
    cut_at_end: bool = False

    def __len__(self) -> int:
        return len(self.lines)


def read_page_lines(text: str, classifier: LineClassifier, chrome_lines, shape: bool) -> PageLines:
    """Classify every non-blank line of text; chrome_lines: the run's chrome keys (a ChromeSet
    or a set of keys; empty: no repetition evidence)."""
    out: list[PageLine] = []
    short_line_info, rules = classifier.short_line_info, classifier.rules
    repetition = bool(chrome_lines)
    # PageLine's generated __new__ is a Python-level call per line; tuple.__new__ builds the
    # same named tuple in C
    new_line = tuple.__new__
    strong_seen = 0
    for i, raw in enumerate(text.split("\n")):
        s = raw.strip()
        if not s:
            continue
        # outlet tags / datelines only open the page: strip them until two prose lines were seen
        # short lines (all chrome among them) are classified once per process; long ones are prose
        if len(s) <= CHROME_MAX_LEN:
            ln = short_line_info(s, strong_seen < 2, shape)
            # repetition marks chrome; long prose lines are never chrome, so only short lines
            # are keyed, and only when there is repetition evidence (cached: a run's scan keyed
            # the same lines moments before)
            repeated = repetition and bool(ck := _chrome_key_cached(s)) and ck in chrome_lines
        else:
            ln = classify_line(rules, s, strong_seen < 2, shape)
            repeated = False
        out.append(new_line(PageLine, (ln, i, repeated)))
        if ln.strong:
            strong_seen += 1
    return PageLines(out, text[-1:] in _CUT_SPACES)


_CUT_SPACES = frozenset(" \t\u00a0")
