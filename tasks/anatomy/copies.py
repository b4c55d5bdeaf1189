"""Body lines that copy another part of the page: the headline printed again inside the body (as
an image caption or alt text, in full, without diacritics, or with a suffix such as "- Ảnh 1.")
and an auto-generated teaser (the first paragraphs glued and cut with "...") above the
paragraphs it repeats. The guide counts both as not body ("repeated copies of the headline")."""

from __future__ import annotations

import re
import unicodedata

from tasks.records import Segment

from .labels import Labels
from .lines import LineInfo, PageLines

# a copy may extend the headline by a few words ("- Ảnh 1.", "trong công tác luân chuyển cán bộ")
MAX_EXTRA_WORDS = 8
# the headline must be long enough that a paragraph cannot open with it by chance
MIN_TITLE_WORDS_EXACT = 3
MIN_TITLE_WORDS_PREFIX = 6
# an auto teaser repeats at least this much of the next paragraph's start
TEASER_PREFIX_CHARS = 60

_NON_WORD = re.compile(r"[\W_]+")


def ascii_fold(text: str) -> str:
    """Case-folded words without diacritics or punctuation ("Đề nghị Bộ Chính trị" ->
    "de nghi bo chinh tri"): a headline and its ASCII copy fold alike."""
    s = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    s = s.translate(_NO_COMBINING)  # = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", s).split())


class _CombiningTable(dict):
    """str.translate table dropping combining marks, filled per code point on first sight."""

    def __missing__(self, cp: int) -> int | None:
        out = None if unicodedata.combining(chr(cp)) else cp
        self[cp] = out
        return out


_NO_COMBINING = _CombiningTable()


def is_title_copy(line: str, title_key: str, title_words: int) -> bool:
    """line repeats the headline (title_key = ascii_fold(title)): equal, or the headline followed
    by at most MAX_EXTRA_WORDS words when the headline is long."""
    key = ascii_fold(line)
    if key == title_key:
        return True
    return (
        title_words >= MIN_TITLE_WORDS_PREFIX
        and key.startswith(title_key + " ")
        and key.count(" ") - title_key.count(" ") <= MAX_EXTRA_WORDS
    )


# a copy with a label before it or a word changed ("Ảnh: <headline>", "null <headline>"): nearly
# the same words as the headline, both ways (a lead restating the headline has many more words;
# a caption naming the event has fewer)
MIN_WORD_SHARE = 0.9
MIN_TITLE_WORDS_FUZZY = 5
# a truncated copy ("Thành ủy Đồng Xoài công bố quyết định…") keeps at least this many words
MIN_TRUNCATED_WORDS = 6


def shares_title_words(key: str, title_set: frozenset[str]) -> bool:
    """key (ascii_fold of a line) holds nearly all the headline's words and few others."""
    words = set(key.split())
    if len(title_set) < MIN_TITLE_WORDS_FUZZY or not words:
        return False
    common = len(words & title_set)
    return common >= MIN_WORD_SHARE * len(title_set) and common >= MIN_WORD_SHARE * len(words) - 1


def is_truncated_copy(line: str, title_key: str) -> bool:
    """line is the headline's opening cut with an ellipsis ("… công bố quyết định…")."""
    if not line.endswith(("…", "...")):
        return False
    key = ascii_fold(line)
    return key.count(" ") + 1 >= MIN_TRUNCATED_WORDS and title_key.startswith(key)


def _could_copy(line: str, title: str, first_word: str) -> bool:
    """Cheap pre-checks before folding the whole line: a copy is about as long as the headline
    and opens with its first word (folded: the ASCII copy too)."""
    return (
        len(title) * 0.8 <= len(line) <= len(title) + 80
        and ascii_fold(line[: len(first_word) + 8]).split(" ", 1)[0] == first_word
    )


def _could_be_near_copy(line: str, title: str) -> bool:
    """About as long as the headline (a label or a word more or less), or cut with an ellipsis."""
    n = len(line)
    return len(title) * 0.8 <= n <= len(title) + 30 or (n >= 20 and line.endswith(("…", "...")))


def is_auto_teaser(line: str, next_line: str | None) -> bool:
    """line ends with an ellipsis and opens exactly like the next body line (which it repeats)."""
    if next_line is None or not line.endswith(("...", "…")):
        return False
    n = min(len(next_line), len(line) - 3)
    return n >= TEASER_PREFIX_CHARS and line[:n] == next_line[:n]


PROBE_WORDS = 2
# a cut copy opens with the headline's first characters as written
TRUNCATED_HEAD_CHARS = 12
_PUNCT = "\"'“”‘’.,;:!?()[]{}…-–—«»*|"


class _Headline:
    """A headline the body may copy. Folding is costly and most pages hold no copy: the folded
    key is made on first use, and the cheap tests run on the text as written."""

    __slots__ = ("text", "_key", "_probes")

    def __init__(self, text: str):
        self.text = text
        self._key: str | None = None
        self._probes: tuple[str, ...] | None = None

    @property
    def head(self) -> str:
        return self.text[:TRUNCATED_HEAD_CHARS].casefold()

    @property
    def probes(self) -> tuple[str, ...]:
        """The headline's longest words as written: a near copy holds them, and a substring
        test on them spares folding every line of about the headline's length."""
        if self._probes is None:
            raw = sorted((w.strip(_PUNCT) for w in self.text.casefold().split()), key=len, reverse=True)
            self._probes = tuple(raw[:PROBE_WORDS])
        return self._probes

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = ascii_fold(self.text)
        return self._key

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self.key.split())

    @property
    def first(self) -> str:
        return self.key.split(" ", 1)[0]


# header lines shaped like a second headline (the page's <title> line, a breadcrumb's last item)
# are compared too when they have at least this many words: the picked title may be the wrong one
MIN_HEADER_HEADLINE_WORDS = 6
MAX_HEADER_HEADLINES = 4


def _headlines(page: PageLines, labels: Labels, title: str | None, first_body: int) -> list[_Headline]:
    """The title and the header's other headline-shaped lines above the body (not prose: a sapo
    printed above the body is not a headline, and the body may well repeat it)."""
    out = [_Headline(title)] if title and len(title.split()) >= MIN_TITLE_WORDS_EXACT else []
    kinds, lines = labels.kinds, page.lines
    for k in range(first_body):
        ln = lines[k].info
        if (
            ln.title_like
            and ln.nw >= MIN_HEADER_HEADLINE_WORDS
            and not ln.prose
            and kinds[k] == "header"
            and ln.text != title
        ):
            out.append(_Headline(ln.text))
            if len(out) > MAX_HEADER_HEADLINES:
                break
    return out


def demote_copies(page: PageLines, labels: Labels, title: str | None) -> None:
    """Headline copies and auto teasers among the body lines become boilerplate segments
    ("title" and "related_news")."""
    body_at = [k for k, kind in enumerate(labels.kinds) if kind == ""]
    if not body_at:
        return
    heads = _headlines(page, labels, title, body_at[0])
    # the length window in which some headline's copy can lie (_copies_title's first tests): most
    # body lines are paragraphs far longer than any headline and need no test per headline
    # (or its first clause: _headline_part, at least MIN_PART_WORDS words)
    low = min((min(len(h.text) * 0.8, MIN_PART_CHARS) for h in heads), default=0.0)
    high = max((len(h.text) + 80 for h in heads), default=-1)
    demoted: dict[int, str] = {}
    for i, k in enumerate(body_at):
        text = page.lines[k].info.text
        if i and body_at[i - 1] not in demoted and _continues(page.lines[body_at[i - 1]].info):
            continue  # the rest of a sentence the line above began: no copy of anything
        n, cut = len(text), text.endswith(("…", "..."))
        if (low <= n <= high or (cut and n >= 20)) and any(_copies_title(text, h) for h in heads):
            demoted[k] = "title"
            continue
        # (is_auto_teaser needs the ellipsis first)
        nxt = page.lines[body_at[i + 1]].info.text if cut and i + 1 < len(body_at) else None
        if (cut and is_auto_teaser(text, nxt)) or _cut_copy(page, body_at, i, text):
            demoted[k] = "related_news"
    if not demoted:
        return
    for k, kind in demoted.items():
        labels.kinds[k] = kind
        line = page.lines[k]
        labels.segments.append(Segment(kind, line.info.text, line.no))
    labels.body = [page.lines[k].info.text for k in body_at if k not in demoted]


# a sapo cut without an ellipsis ("… Chính vì vậy, Tỉnh Nghệ An đã định hướng Nghĩa Đàn") is
# printed above the headline, its paragraph a few body lines below (bylines may sit between)
CUT_COPY_LOOKAHEAD = 3
_SENTENCE_END = frozenset('.…;:!?"”»)')


def _cut_without_mark(text: str) -> bool:
    """A long line that ends no sentence: a cut copy may be one (a paragraph ends on a stop)."""
    return len(text) >= TEASER_PREFIX_CHARS and text[-1] not in _SENTENCE_END


# a headline of two clauses ("Đề nghị khai trừ Đảng ông A;Cảnh cáo ông B", "X: Y") may be set
# again clause by clause; a clause this long cannot open the headline by chance
MIN_PART_WORDS = 6
MIN_PART_CHARS = 20  # (six words take at least this many characters)
_CLAUSE_BREAKS = frozenset(";:|-–—")


def _headline_part(text: str, title: str) -> bool:
    """text is the headline's first clause, as written: the headline goes on after it with a
    clause break."""
    n = len(text)
    return (
        n < len(title)
        and title[n : n + 2].strip()[:1] in _CLAUSE_BREAKS
        and title[:n].casefold() == text.casefold()
        and len(text.split()) >= MIN_PART_WORDS
    )


def _cut_copy(page: PageLines, body_at: list[int], i: int, text: str) -> bool:
    """Body line i is a paragraph's opening, cut without a mark, a few body lines above it."""
    return _cut_without_mark(text) and any(
        _opens(page.lines[j].info.text, text) for j in body_at[i + 1 : i + 1 + CUT_COPY_LOOKAHEAD]
    )


def _opens(paragraph: str, copy: str) -> bool:
    """paragraph goes on after copy, word for word: copy is its opening, cut."""
    return len(paragraph) > len(copy) and paragraph.startswith(copy) and paragraph[len(copy)] in " ,;"


def _continues(previous: LineInfo) -> bool:
    """The body line above is a piece of a sentence (no paragraph on its own, and it ends on a
    word): the next line is its rest (a hard-wrapped paragraph cut before a name: "… thôn xã" /
    "Trà Tân đều tổ chức …"), whatever words it shares with the headline."""
    return not previous.prose and previous.text[-1].isalnum()


def _copies_title(text: str, head: _Headline) -> bool:
    """text repeats the headline: in full (maybe extended), nearly word for word, or cut."""
    title = head.text
    if (
        len(title) * 0.8 <= len(text) <= len(title) + 80
        and _could_copy(text, title, head.first)
        and is_title_copy(text, head.key, len(head.words))
    ):
        return True
    if _headline_part(text, title):
        return True
    if not _could_be_near_copy(text, title):
        return False
    folded = text.casefold()
    if text.endswith(("…", "...")):
        return folded.startswith(head.head) and is_truncated_copy(text, head.key)
    return all(p in folded for p in head.probes) and shares_title_words(ascii_fold(text), head.words)
