"""Page anatomy: split a scraped page into title/metadata, body paragraphs and labelled chrome.

Pipeline per page (all linear in the number of lines; every regex sees at most `max_scan`
characters of a line):
1. per line: strip leading outlet/dateline prefixes (prefix_rules), match named line rules
   (rules.yaml, two combined regexes: header-zone and footer-zone), recognise date-only lines,
   compute shape (word count, share of Vietnamese function words, sentence-final punctuation,
   name-shape, teaser "…" ending) and cross-page repetition (chrome_lines).
2. position: the body is the coherent run of prose lines between the header (everything
   before the first prose line, or up to a date line that closes a short headline) and the
   first hard trailing marker (related news / comments / links / legal footer) or the byline
   after which no strong prose follows.
3. metadata from the zones: title (last headline-shaped header line, else "QR CODE: …"),
   published_at (header date line nearest the body; page clocks excluded), event_date (lead),
   author (byline), source_site (credited domain), locality (gazetteer scoring).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache, partial
from pathlib import Path

import yaml

from tasks.model import Anatomy, Segment
from tasks import textnorm as _textnorm
from tasks.textnorm import collapse_whitespace, match_key, nfc

from . import dates as _dates
from .locality import gazetteer

RULES_PATH = Path(__file__).with_name("rules.yaml")

_PUNCT_STRIP = "\"'“”‘’.,;:!?()[]{}…-–—«»*"
_PUNCT_TABLE = str.maketrans({c: " " for c in _PUNCT_STRIP})
_SENT_END = set('.…;:"”»')
_DIGIT = re.compile(r"\d")
_WS = re.compile(r"\s+")
_INITIALS = re.compile(r"^[A-ZĐ][A-ZĐa-zđ]{0,2}(?:[.,/][\s]?[A-ZĐ][\wđ]*){0,3}\.?$")
_PAREN_TAIL = re.compile(r"\s*\([^()]{1,40}\)\s*$")
_AUTHOR_LABEL = re.compile(r"^(?:tin|bài|ảnh|tin,? ảnh|bài,? ảnh|bài và ảnh|tin và ảnh|theo|ctv|pv|btv|"
                           r"ths\.?|ts\.?|pgs\.?,?\s*ts\.?|gs\.?,?\s*ts\.?)\s*:?\s+", re.I)
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1F00)) if c.isalpha() and c.isupper())
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")
# what tasks.textnorm.fold_tone_placement rewrites, without its leading look-behind: a cheap
# necessary condition (the engine scans for the first character class)
_OLD_TONE_PAIR = re.compile(_textnorm._OPEN_SYLLABLE.pattern.replace("(?<![qQ])", "", 1))


@dataclass(frozen=True)
class Signals:
    """Which evidence read_anatomy uses (all on in production; the bench ablates them)."""
    shape: bool = True
    position: bool = True
    repetition: bool = True


@dataclass(frozen=True)
class _Rule:
    name: str
    kind: str
    zone: str
    ends_body: bool
    clock: bool
    idx: int


class _RuleSet:
    def __init__(self, cfg: dict):
        self.max_scan = int(cfg.get("max_scan", 300))
        self.rules: list[_Rule] = []
        parts_h, parts_f, long_h, long_f = [], [], [], []
        self.short_len = int(cfg.get("short_line", 160))
        for i, r in enumerate(cfg["line_rules"]):
            rule = _Rule(r["name"], r["kind"], r.get("zone", "anywhere"), bool(r.get("ends_body")),
                         bool(r.get("clock")), i)
            self.rules.append(rule)
            pat = re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<r{i}_{m.group(1)}>", r["pattern"])
            re.compile(pat)  # fail early on bad data
            alt = f"(?P<r{i}>{pat})"
            if rule.zone in ("header", "anywhere"):
                parts_h.append(alt)
                if r.get("long"):
                    long_h.append(alt)
            if rule.zone in ("footer", "anywhere"):
                parts_f.append(alt)
                if r.get("long"):
                    long_f.append(alt)
        self.re_h = re.compile("|".join(parts_h))
        self.re_f = re.compile("|".join(parts_f))
        # pre-check: one alternation of every rule without `requires`; rules with `requires`
        # (scanning patterns such as breadcrumbs) are tried only when a required substring is there
        all_parts = [_NAMED_GROUP.sub("(?:", r["pattern"]) for r in cfg["line_rules"] if not r.get("requires")]
        self.re_any = re.compile("|".join(f"(?:{x})" for x in all_parts))
        self.requires = tuple(sorted({q for r in cfg["line_rules"] for q in r.get("requires", [])}))
        # long lines: rules without `requires` in one anchored alternation; the scanning ones
        # (`requires`, e.g. cookie_notice's '^.{0,200}?\bcookies?\b', costly on every long body
        # line) are only tried when one of their substrings is in the line
        long_rules = [r for r in cfg["line_rules"] if r.get("long")]
        self.re_any_long = _anchored_alternation(r["pattern"] for r in long_rules if not r.get("requires"))
        self.re_any_long_req = _anchored_alternation(r["pattern"] for r in long_rules if r.get("requires"))
        self.requires_long = tuple(sorted({q for r in long_rules for q in r.get("requires", [])}))
        # lines longer than short_line are only tried against rules marked long: true
        self.re_h_long = re.compile("|".join(long_h) or "(?!)")
        self.re_f_long = re.compile("|".join(long_f) or "(?!)")
        self._groups = {rx: self._index_groups(rx) for rx in (self.re_h, self.re_f, self.re_h_long, self.re_f_long)}
        self.prefix = [(r["name"], r["kind"], re.compile(r["pattern"])) for r in cfg.get("prefix_rules", [])]
        # one anchored alternation as a fast pre-check (most lines have no prefix)
        self.prefix_any = re.compile("|".join(
            "(?:" + _NAMED_GROUP.sub("(?:", r["pattern"]) + ")" for r in cfg.get("prefix_rules", [])))
        self.suffix = [(r["name"], r["kind"], re.compile(r["pattern"].replace("{UP}", _UPPER)))
                       for r in cfg.get("suffix_rules", [])]
        self.residue = frozenset(cfg.get("date_residue_words", []))
        self.stop = frozenset(cfg.get("stopwords", []))
        self.not_names = frozenset(cfg.get("not_in_names", []))
        self.connectives = frozenset(cfg.get("connectives", []))
        self.listing_min = int(cfg.get("listing_min_teasers", 4))
        # the same words with punctuation glued on, so lines need only str.split()
        self.stop_punct = frozenset(list(self.stop) + [w + p for w in self.stop for p in ",.;:!?)”\"…"]
                                    + ["(" + w for w in self.stop] + ["“" + w for w in self.stop])
        self.locality_cfg = cfg.get("locality", {})
        # classifications of short lines, keyed by (line, strip prefixes, shape signal)
        self.cached_line_info = lru_cache(maxsize=LINE_CACHE_SIZE)(partial(_line_info, self))

    def gazetteer(self):
        g = self.__dict__.get("_gaz")
        if g is None:
            g = self._gaz = gazetteer(self.locality_cfg)
        return g

    def line_rules(self, key: str, length: int) -> tuple:
        """(header-zone match, footer-zone match) of a line's key; each None or (rule, captures).

        A cheap pre-check (one alternation without capture groups) rejects most lines before
        the two named-group alternations run."""
        if length <= self.short_len:
            if not (self.re_any.match(key) or _contains_any(key, self.requires)):
                return None, None
            return self.match(self.re_h, key), self.match(self.re_f, key)
        if not (self.re_any_long.match(key) or (_contains_any(key, self.requires_long)
                                                and self.re_any_long_req.match(key))):
            return None, None
        return self.match(self.re_h_long, key), self.match(self.re_f_long, key)

    def match(self, regex: re.Pattern, key: str):
        m = regex.match(key)
        if not m:
            return None
        # the outer rule group closes last, so it is the last group matched; its captures are
        # read by group number (m.groupdict() would build every rule's groups)
        rule, caps = self._groups[regex][m.lastindex]
        return rule, {name: v for name, g in caps if (v := m.group(g)) is not None}

    def _index_groups(self, regex: re.Pattern) -> dict:
        """outer group number -> (rule, ((capture name, group number), ...)) for match()."""
        outer: dict[int, int] = {}
        captures: dict[int, list[tuple[str, int]]] = {}
        for name, g in sorted(regex.groupindex.items(), key=lambda item: item[1]):
            idx, _, cap = name[1:].partition("_")       # "r12" (a rule) or "r12_site" (its capture)
            if cap:
                captures.setdefault(int(idx), []).append((cap, g))
            else:
                outer[g] = int(idx)
        return {g: (self.rules[idx], tuple(captures.get(idx, ()))) for g, idx in outer.items()}


def _contains_any(s: str, subs: tuple) -> bool:
    """One of subs occurs in s (a few `in` tests are much cheaper than a regex alternation of
    literals, which the engine tries at every position)."""
    for q in subs:
        if q in s:
            return True
    return False


def _anchored_alternation(patterns) -> re.Pattern:
    """One alternation of patterns with their named groups made anonymous ("(?!)" if none)."""
    return re.compile("|".join(f"(?:{_NAMED_GROUP.sub('(?:', p)})" for p in patterns) or "(?!)")


@lru_cache(maxsize=4)
def _load(path: str = str(RULES_PATH)) -> _RuleSet:
    with open(path, encoding="utf-8") as f:
        return _RuleSet(yaml.safe_load(f))


CHROME_MAX_LEN = 200
# per-process bound on cached line classifications (chrome recurs; a long tail of body lines
# passes through): ~1 KB per entry
LINE_CACHE_SIZE = 1 << 15


def chrome_key(line: str) -> str:
    """Cross-page repetition key: match_key, whitespace collapsed, digits masked.

    Returns "" for blank lines and for lines longer than CHROME_MAX_LEN chars: those are never
    treated as chrome, so callers counting keys across pages can skip them (`if key`)."""
    s = line.strip()
    if not s or len(s) > CHROME_MAX_LEN:
        return ""
    return _chrome_key_cached(s)


def _chrome_key_of(s: str) -> str:
    """chrome_key of a stripped, non-blank line of at most CHROME_MAX_LEN chars."""
    s = nfc(s)
    # match_key = NFC, tone placement folded, case-folded; the fold (a regex substitution with a
    # look-behind, slow to scan) changes only lines with an o/u before a toned a/e/y
    k = match_key(s) if _OLD_TONE_PAIR.search(s) else s.casefold()
    k = collapse_whitespace(k)
    return _DIGIT.sub("0", k) if _DIGIT.search(k) else k


# the batch scan keys every short line of every page; chrome lines recur on thousands of them
_chrome_key_cached = lru_cache(maxsize=LINE_CACHE_SIZE)(_chrome_key_of)


class _LineInfo:
    """Everything one stripped line says on its own (no page context): its text after prefix
    stripping, rule matches, date, chrome key and shape. Short lines' infos are cached and
    shared between pages, so they are never modified after _line_info (except the `_rep` memo)."""
    __slots__ = ("text", "prefixes", "key_cf", "rule_h", "rule_f", "dt", "is_date", "ckey",
                 "nw", "prose", "strong", "name_like", "teaser", "title_like", "_rep")


def _line_info(rs: "_RuleSet", s: str, strip: bool, shape: bool) -> _LineInfo:
    """Classify stripped line s; strip: leading outlet/dateline prefixes are still removed."""
    ln = _LineInfo()
    # one anchored alternation rules out a prefix on most lines (match with endpos reads the
    # line as if cut at max_scan, without copying it)
    if strip and rs.prefix_any.match(s, 0, rs.max_scan):
        text, ln.prefixes = _strip_prefixes(s, rs)
    else:
        text, ln.prefixes = s, ()
    ln.text = text
    ln.key_cf = key = text[:rs.max_scan].casefold()
    ln.rule_h, ln.rule_f = rs.line_rules(key, len(text))
    dt = _dates.find_datetime(text) if len(text) <= 90 else None
    ln.is_date = dt is not None and _dates.is_date_residue(text, rs.residue)
    if ln.is_date:
        ln.dt = dt                 # text is <= 90 chars: the same as find_datetime(text[:120])
    elif ln.rule_h and ln.rule_h[0].name == "print_date":
        ln.dt = _dates.find_datetime(text[:120])
    else:
        ln.dt = None
    # repetition marks chrome; long prose lines are never chrome, so only short lines are keyed
    # (cached: a run's scan keyed the same lines moments before)
    ln.ckey = _chrome_key_cached(s) if len(s) <= CHROME_MAX_LEN else ""
    ln._rep = None
    _shape(ln, rs, shape)
    return ln


def _repeated(ln: _LineInfo, chrome_lines) -> bool:
    """ln.ckey in chrome_lines, memoised on the (shared) info for the last chrome set seen: a
    ChromeSet lookup hashes the key (blake2b), and one run passes the same set with every page."""
    if not ln.ckey:
        return False
    if type(chrome_lines) is set:          # mutable: no memo
        return ln.ckey in chrome_lines
    memo = ln._rep                         # one tuple, read and written atomically
    if memo is None or memo[0] is not chrome_lines:
        memo = ln._rep = (chrome_lines, ln.ckey in chrome_lines)
    return memo[1]


# word counts are only compared with small thresholds (<= 26 words): counting stops at NW_CAP,
# which spares splitting every long paragraph into all its words
NW_CAP = 30


def _shape(ln: _LineInfo, rs: _RuleSet, shape: bool) -> None:
    t = ln.text
    head = t[:400]
    # (a line over 400 chars counts at least len // 6 > NW_CAP words)
    ln.nw = len(head.split(None, NW_CAP - 1)) if len(t) <= 400 else NW_CAP
    if not shape:
        ln.prose = ln.strong = True
        ln.name_like = ln.teaser = ln.title_like = False
        return
    last = t[-1]
    ends = last in _SENT_END
    teaser = t.endswith(("…", "...")) and len(t) < 220 and not t.endswith("./.")
    # a paragraph ends like a sentence; an unpunctuated line must be long and function-word rich
    if ln.nw >= 6 and ends:
        prose = True
    elif ln.nw >= 18:
        sample = head.lower().split()[:80]
        stop = sum(map(rs.stop_punct.__contains__, sample)) / max(1, len(sample))
        prose = ((ln.nw >= 25 and stop >= 0.12) or (last in "?!)" and stop >= 0.15)
                 or (len(t) >= 300 and stop >= 0.08))
    else:
        prose = False
    ln.prose = prose
    ln.teaser = teaser
    ln.strong = prose and not teaser
    nl = False
    if ln.nw <= 6 and len(t) <= 60 and not ends or (ln.nw <= 6 and last == ")"):
        # (_PAREN_TAIL is tried at every position: only a line with a ")" can hold one)
        core = _PAREN_TAIL.sub("", t).strip() if ")" in t else t.strip()
        ws = core.split()
        if 1 <= len(ws) <= 5 and not _DIGIT.search(core):
            if (all(w[:1].isupper() for w in ws) and (len(ws) >= 2 or core.isupper())
                    and not any(w.lower() in rs.not_names for w in ws)):
                nl = True
            elif len(ws) == 1 and _INITIALS.match(core):
                nl = True
        if not nl and _INITIALS.match(core):
            nl = True
    ln.name_like = nl
    t0 = t.lstrip("'\"“‘«([")[:1]
    ln.title_like = (ln.nw >= 4 and len(t) <= 350 and (t0.isupper() or t0.isdigit())
                     and last not in ";:" and not (last == "." and ln.nw > 25))


def _strip_prefixes(text: str, rs: _RuleSet) -> tuple[str, tuple]:
    """(text without its leading outlet/dateline prefixes, the prefixes as (kind, text) pairs
    plus ("__site__", domain) for the first credited site)."""
    segs: list[tuple[str, str]] = []
    sites: list[str] = []
    for _ in range(3):
        hit = False
        for name, kind, rx in rs.prefix:
            m = rx.match(text, 0, rs.max_scan)
            if m and m.end() < len(text):
                pre = text[:m.end()].strip()
                if pre:
                    segs.append((kind, pre))
                if "site" in rx.groupindex and m.group("site") and "." in m.group("site"):
                    sites.append(m.group("site"))
                text = text[m.end():].lstrip()
                hit = True
                break
        if not hit:
            break
    if sites:
        segs.append(("__site__", sites[0]))
    return text, tuple(segs)


_DATE_LABEL = re.compile(r"(?:ngày đăng|đăng ngày|đăng lúc|cập nhật|ngày cập nhật|ngày xuất bản|xuất bản|"
                         r"thời gian đăng|posted|published)\b")
_INNER_SENTENCE = re.compile(r"[.!?…]\s+[A-ZĐÀ-Ỹ]")


def _is_teaser_sentence(b: str, rs: "_RuleSet") -> bool:
    """One sentence, teaser length, not opening with a connective that continues a paragraph."""
    if len(b) > 300 or _INNER_SENTENCE.search(b):
        return False
    first = b.split(",", 1)[0].strip().lower()
    return first not in rs.connectives and b.split(" ", 1)[0].lower() not in rs.connectives


def _clean_author(s: str) -> str | None:
    s = s.strip().strip("-–— ").strip()
    s = _AUTHOR_LABEL.sub("", s)
    s = _PAREN_TAIL.sub("", s).strip().strip(",;:-–— ")
    return s or None


def _lines(text: str, rs: _RuleSet, chrome_lines, sig: Signals):
    """The page's non-blank lines: (infos, line numbers, repeated-across-pages flags)."""
    items: list[_LineInfo] = []
    nos: list[int] = []
    rep: list[bool] = []
    repetition = sig.repetition and bool(chrome_lines)
    cached = rs.cached_line_info
    shape = sig.shape
    strong_seen = 0
    for i, raw in enumerate(text.split("\n")):
        s = raw.strip()
        if not s:
            continue
        # outlet tags / datelines only open the page: strip them until two prose lines were seen
        strip = strong_seen < 2
        # short lines (all chrome among them) are classified once per process; long ones are prose
        ln = cached(s, strip, shape) if len(s) <= CHROME_MAX_LEN else _line_info(rs, s, strip, shape)
        items.append(ln)
        nos.append(i)
        rep.append(repetition and _repeated(ln, chrome_lines))
        if ln.strong:
            strong_seen += 1
    return items, nos, rep


def read_anatomy(text: str, *, chrome_lines: frozenset[str] = frozenset()) -> Anatomy:
    """Split a page into metadata, body lines and labelled boilerplate. A bug raises: the batch
    quarantines the page (processing_error) rather than load its chrome as an article."""
    return _read(text, chrome_lines, Signals())


def _read(text: str, chrome_lines: frozenset[str], sig: Signals) -> Anatomy:
    rs = _load()
    items, nos, rep = _lines(text, rs, chrome_lines, sig)

    n = len(items)
    kinds: list[str] = [""] * n      # final kind per line, "" = body
    # ---- 1. find the body start (first prose line outside header chrome)
    def chrome_in_header(k: int) -> bool:
        ln = items[k]
        return bool(ln.rule_h) or ln.is_date or (rep[k] and not ln.strong)

    fp = None
    if sig.position:
        for k, ln in enumerate(items):
            # the body opens with a real paragraph: a teaser-shaped line ("…đòi 'trả não'...")
            # at the top is a headline, not the lead
            if ln.strong and not chrome_in_header(k) and not ln.rule_f:
                fp = k
                break
        # a short "prose" line followed by a date line is the headline (e.g. "24 tổ chức … mạnh.")
        if fp is not None and items[fp].nw <= 25:
            for j in range(fp + 1, min(fp + 3, n)):
                if items[j].is_date and not (items[j].rule_h and items[j].rule_h[0].clock):
                    nxt = next((q for q in range(j + 1, n) if items[q].prose and not chrome_in_header(q)), None)
                    if nxt is not None:
                        fp = nxt
                    break
                if items[j].prose:
                    break
    body_start = fp if fp is not None else (n if sig.position else 0)

    # ---- 2. find the body end
    hard_end = n
    body_end = n
    byline_k = None
    if sig.position and fp is not None:
        for k in range(body_start + 1, n):
            r = items[k].rule_f
            if r and r[0].ends_body:
                hard_end = k
                break
        strong_after = [False] * (n + 1)
        for k in range(hard_end - 1, body_start - 1, -1):
            ln = items[k]
            strong_after[k] = strong_after[k + 1] or (ln.strong and not rep[k] and not ln.rule_f)
        for k in range(body_start + 1, hard_end):
            ln = items[k]
            is_by = (ln.rule_f and ln.rule_f[0].kind in ("byline", "source_credit")) or (
                ln.name_like and not ln.rule_f)
            if is_by and not strong_after[k + 1]:
                body_end = k
                byline_k = k if (ln.name_like or (ln.rule_f and ln.rule_f[0].kind == "byline")) else None
                break
        else:
            last = max((k for k in range(body_start, hard_end)
                        if items[k].strong and not rep[k] and not items[k].rule_f), default=body_start)
            body_end = last + 1
    elif not sig.position:
        body_end = n

    # ---- 3. label every line
    title: str | None = None
    header_dates: list[tuple[int, datetime]] = []
    footer_dates: list[datetime] = []
    sites: list[str] = []
    authors: list[str] = []
    segs: list[Segment] = []
    body: list[str] = []
    mode = None
    after_byline = 0
    qr_title = None

    for k, ln in enumerate(items):
        prefixes = ln.prefixes          # (empty on most lines)
        for kind, pre in prefixes:
            if kind == "__site__":
                sites.append(pre)
        in_header = k < body_start
        in_body = body_start <= k < body_end
        rule = ln.rule_h if in_header else ln.rule_f
        if not sig.position:
            rule = ln.rule_h or ln.rule_f
        kind: str | None
        if rule:
            r, caps = rule
            kind = r.kind
            if caps.get("site"):
                sites.append(caps["site"])
            if caps.get("title") and qr_title is None:
                qr_title = ln.text[len(ln.text) - len(caps["title"]):].strip() if len(caps["title"]) <= len(ln.text) else None
            if caps.get("author") and r.kind == "byline":
                authors.append(ln.text)
            if r.name == "print_date" and ln.dt and not r.clock:
                header_dates.append((k, ln.dt))
            if not in_header and not in_body and r.ends_body and r.kind in ("related_news", "comments", "links"):
                mode = r.kind
            if not in_header and not in_body and r.ends_body and r.kind == "other":
                mode = "other"
        elif ln.is_date:
            kind = "dateline"
            if in_header or (in_body and k <= body_start + 2):
                if ln.dt:
                    header_dates.append((k, ln.dt))
            elif mode == "related_news" or (k > 0 and items[k - 1].teaser):
                kind = "related_news"
            elif mode is None and ln.dt and _DATE_LABEL.match(ln.key_cf):
                footer_dates.append(ln.dt)    # "Ngày đăng: …" printed under the article
        elif in_header:
            kind = "header"
        elif in_body:
            kind = None if (ln.prose or not rep[k]) else "repeated_chrome"
            if kind is None and sig.shape and ln.nw <= 6 and ln.text.isascii() and ln.text.islower():
                kind = "other"        # image alt text / URL slug leaked into a Vietnamese page
            if kind is None and not sig.shape and rep[k]:
                kind = "repeated_chrome"
        else:
            # after the body
            if mode:
                kind = mode
            elif k == byline_k:
                kind = "byline"
                authors.append(ln.text)
                after_byline = 2
            elif after_byline and not ln.prose and ln.nw <= 8 and not ln.teaser:
                kind = "byline"
            elif ln.teaser:
                kind = "related_news"
            elif rep[k]:
                kind = "repeated_chrome"
            else:
                kind = "other"
            after_byline = max(0, after_byline - 1) if k != byline_k else after_byline
        if not sig.position and kind is None and not ln.prose:
            kind = "other"
        # emit
        for pk, pre in prefixes:
            if pk != "__site__":
                segs.append(Segment(pk, pre, nos[k]))
        if kind is None:
            body.append(ln.text)
        else:
            segs.append(Segment(kind, ln.text, nos[k]))
        kinds[k] = kind or ""

    # ---- title: best headline-shaped header line (length, nearness to the body and to the
    # article's date line, word overlap with the lead), else the "QR CODE: …" caption
    if sig.position and body_start > 0:
        pub_k = header_dates[-1][0] if header_dates else -9
        cands = [k for k in range(min(body_start, n)) if kinds[k] == "header" and items[k].title_like
                 and not items[k].name_like and not items[k].rule_h
                 and not items[k].is_date
                 and not (k > 0 and items[k - 1].rule_h and items[k - 1].rule_h[0].kind == "byline")]
        best, best_sc = None, 1.5

        def score(k: int, ov: float) -> float:
            ln = items[k]
            sc = 3.0 * ov + (2.0 if ln.nw >= 7 else 0.0) + (1.5 if abs(k - pub_k) == 1 else 0.0)
            sc += 1.0 if k == cands[-1] else 0.0
            sc -= 2.0 if ln.text.isupper() else 0.0
            # a headline also recurs across pages (in other pages' related-news lists, syndicated
            # copies), so repetition only weighs against a candidate, it does not exclude it
            sc -= 1.0 if rep[k] else 0.0
            return sc

        if len(cands) == 1 and score(cands[0], 0.0) > best_sc:
            # the overlap only adds to a score: a lone candidate above the bar without it is the
            # title, and splitting the lead into words (costly) is not needed
            best = cands[0]
        else:
            lead_words = {w.strip(_PUNCT_STRIP) for w in " ".join(body[:3])[:800].lower().split()} if cands else set()
            for k in cands:
                words = [w.strip(_PUNCT_STRIP).lower() for w in items[k].text[:350].split()]
                content = [w for w in words if w and w not in rs.stop]
                ov = sum(1 for w in content if w in lead_words) / max(1, len(content))
                sc = score(k, ov)
                if sc > best_sc:
                    best, best_sc = k, sc
        if best is not None:
            title = items[best].text
    if title is None and qr_title:
        title = qr_title
    if title is not None:
        for sg_i, sg in enumerate(segs):
            if sg.text == title and sg.kind == "header":
                segs[sg_i] = Segment("title", sg.text, sg.line_no)
                break

    # ---- listing / tag pages: no headline, no date line, no byline, only a stack of independent
    # one-sentence teasers (none continuing the previous one with a connective) -> no article
    if (sig.position and sig.shape and title is None and not header_dates and not authors
            and len(body) >= rs.listing_min and all(_is_teaser_sentence(b, rs) for b in body)):
        body_texts = set(body)
        body = []
        for k, ln in enumerate(items):
            if kinds[k] == "" and ln.text in body_texts:
                segs.append(Segment("related_news", ln.text, nos[k]))
                kinds[k] = "related_news"

    # ---- glued trailing byline/credit on the last body line (baomoi style)
    if body and len(body[-1]) > 200:
        last = body[-1]
        tail_src = last[-rs.max_scan:]
        off = len(last) - len(tail_src)
        for name, kind, rx in rs.suffix:
            m = rx.search(tail_src)
            if m:
                cut = off + m.start("tail")
                tail = last[cut:].strip()
                body[-1] = last[:cut].rstrip()
                line_no = next(nos[k] for k in range(n - 1, -1, -1) if kinds[k] == "")
                segs.append(Segment(kind, tail, line_no))
                gd = m.groupdict()
                if gd.get("site"):
                    sites.append(gd["site"])
                if gd.get("author") and kind == "byline":
                    authors.append(gd["author"])
                break

    # ---- published_at: header date nearest the body (page clocks never qualify)
    published = header_dates[-1][1] if header_dates else (footer_dates[0] if footer_dates else None)
    if published is None:
        for ln in items[:3]:
            for pk, pre in ln.prefixes:
                if pk == "header":
                    m = _dates._ISO.search(pre)
                    if m:
                        published = _dates._mk_dt(int(m.group("y")), int(m.group("m")), int(m.group("d")))
                        break

    # ---- author, source_site
    author = None
    for a in authors:
        author = _clean_author(a)
        if author:
            break
    source_site = None
    for s in sites:
        s = s.strip().lower().rstrip(".")
        if s.startswith("www."):
            s = s[4:]
        if _DOMAIN.match(s):
            source_site = s
            break

    # ---- event date and locality
    lead = " ".join(body[:2])[:800]
    ev = _dates.event_date(lead, lambda: _dates.year_evidence(([title] if title else []) + body[:30]), published)
    locality = rs.gazetteer().score(title, body, source_site)

    segs.sort(key=lambda s: s.line_no)
    return Anatomy(title=title, published_at=published, event_date=ev, author=author,
                   source_site=source_site, locality=locality, body_lines=body, boilerplate=segs)


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
        rest = s
        for p in pieces:
            if p and rest.startswith(p):
                rest = rest[len(p):].lstrip()
        for p in pieces:
            if p and rest.endswith(p):
                rest = rest[:-len(p)].rstrip()
        if not rest or rest in body:
            continue
        out.append(raw)
    return out
