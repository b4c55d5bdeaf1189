"""Shape signals of pages that are not one news article, beside kinds.py.

Documents (checked whatever the body's size: a document is long):
- a legal-basis list: several lines opening with "Căn cứ …" (an outline, a plan, a decision);
- a notice or outline: a title naming a document genre ("Thông báo …", "Đề cương …") together
  with the issuer's formula ("… thông báo để … biết", "… như sau:", "Đính kèm");
- a press digest: a paragraph opening with a long list of the media it summarises ("Điểm báo");
- decimal-numbered sub-clauses ("1.1. Về tuổi đời: …", "1.2. …"): a procedure, a regulation or a
  standard is drafted so; a news report numbers at most its list items ("1.", "2.");
- a bulleted legal-basis list ("- Căn cứ …"), an adoption note under the heading ("(Ban hành
  kèm theo Quyết định số …)", "… thông qua ngày 13/12/2017)"), a notice's numbered fields
  ("1. Thời gian: …", "2. Địa điểm: …"), a quoted legal text ("[...]" elisions, a bare "Điều 4."
  under "… quy định như sau:");
- a document-sharing, e-book or flip-book preview ("Tải bản đầy đủ", "Xem mẫu", "P. 63");
- an encyclopedia entry: several of its section headings ("Mục lục", "Tham khảo", "Liên kết
  ngoài", "[sửa | sửa mã nguồn]") alone on their lines;
- a document's own opening (`document_opening`), before any lead paragraph: upper-case outline
  headings ("I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "PHẦN MỞ ĐẦU" over "1. Bối cảnh …"), a law's
  article heading over its first clause ("Điều 47. Trình tự …" / "1. …"), or the header block of
  an issued text (its number "Số 29-HD/ĐUK" beside its place and date "Thái Nguyên, ngày 16
  tháng 4 năm 2024"). A report that reprints a document opens with its own lead first ("Tại Quy
  định số 97-QĐ/TW …, Mặt trận đăng toàn văn"): there the block is the story's quotation.
- a document printed as one line: a register table's column heads run together ("STT Tên / Số /
  ký hiệu Về việc / trích yếu Ban hành", `register_header`), or an issued text's header block
  glued into one of the page's first lines ("…***Số: 367 - QĐ/TW… Hà Nội, ngày 29 tháng 10 năm
  2013 QUYẾT ĐỊNH Về việc …", `glued_header`).

A table of terms (`term_table`, only on pages with almost no body): several short rows opening
with a term's years ("1993 - 1995  Đ/c Hoàng Trúc Bào   05"): a unit's roll of office holders
(an "about" or history page); a report tells terms in its sentences.

A search snippet (`search_snippet`): a few lines, the first opening mid-sentence in lower case.
A how-to/blog page (`blog_intro`): a line inviting "các bạn" to "bài viết dưới đây".

A stack of untitled sapos (also whatever the body's size): no headline, only short paragraphs,
several of them opening with their own dateline ("Ngày 21/4/2023, …", "Sáng 20-5, …"): each is
another story's lead, so the page lists stories.

Listing furniture (weighed by kinds._listing_kind, only on pages with almost no body):
- a short section/tag label right before the headline ("Chính trị" / headline / sapo);
- a list item's date as its own bullet ("• 09:41 21/01/2021");
- punctuation residue of stripped list widgets (lines that are only "," or ".");
- the page's only paragraph cut short with "…" or "..." (weak: an enumeration ends so too);
- a long run of empty lines after the only paragraph (the stripped list below a teaser);
- several headline + sapo-short paragraph pairs (a stack of teasers);
- the page's only paragraph is sapo-short (weak: it counts only beside other evidence);
- a teaser's fields run together: headline, section label and time stamp glued into one line
  ("… sau sáp nhậpThời sự - 26/04 19:05Ban Tổ chức …"): a list widget stripped of its markup.

Dated leads, newest first (`dated_leads`, also whatever the body's size): several paragraphs
each opening with its own dateline ("Ngày 23-2, …", "Ngày 8- 2, …"), each later one on an
earlier day, and right under its own headline or list date or both with their year ("Sáng ngày
23/8/2025, …" then "Ngày 22/8/2025, …"). A list of teasers runs newest first;
a report that opens paragraphs with days tells them in order, or looks back in the paragraph
after its lead ("Ngày 3/7, … Trước đó, … Ngày 5/6/2022, …").

Headlines over sapos (`headline_sapos`, also whatever the body's size): every paragraph of the
page is sapo-short and sits right under its own headline (a list date may come between), three
or more times: a stack of teasers. An article's second paragraph follows its first, or a photo
caption.

Dangling fields (`dangling_fields`, also whatever the body's size): two or more short lines that
end in a separator ("Kinh tế -", "Trường Hà - Minh Thu -"): teasers' section and author fields
whose next field (the time) the list widget dropped or glued to the sapo.

Marked sapos (`marked_sapos`, also whatever the body's size): two or more paragraphs, each opening
with the outlet's mark ("CSVN – …", "(Baonghean) - …") right under its own headline: teasers.
A report opens only its lead with the mark (printed again as the body's lead, right after it).

A list of "headline | blurb" teasers (also whatever the body's size): several headlines ending
in the list widget's separator " |" (or the "|" alone on its line), each followed by its blurb.
An article shows at most one such line (a byline "NGUYÊN ĐOAN |").

A teaser stub (`teaser_stub`, decisive on its own): the whole page is one short paragraph, alone
or under its headline, with no date line, no byline or credit, and a lead that names no day.
A tag, category or author page cut down to its first item reads so. A news report that short
still shows when it happened: its page prints a date line, or its lead opens on the day
("Sáng 24/7, …", "… chiều ngày 13/02, …"); a teaser's sapo summarises ("Ông X cho biết, …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..textnorm import fold_tone_placement

LEXICON_PATH = Path(__file__).with_name("kinds.yaml")

LEGAL_BASIS_MIN = 3  # "Căn cứ …" lines that make a legal-basis list
SAPO_MAX_WORDS = 60  # a listing's sapo is short; a one-paragraph article is usually longer
# a teaser's sapo is a few sentences at most: a longer lone paragraph is a whole article on one
# line (a scraper's format), whatever label or cut surrounds it
TEASER_MAX_WORDS = 120
RESIDUE_MIN = 3  # punctuation-only lines left by stripped widgets
LABEL_MAX_WORDS = 4
DIGEST_OPENING_CHARS, DIGEST_OPENING_COMMAS = 200, 6
TRAILING_BLANKS_MIN = 12  # empty lines after the text, left by stripped list widgets

DECIMAL_CLAUSES_MIN = 3
_DECIMAL_CLAUSE = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+\S")
# also bulleted ("- Căn cứ …", "– Căn cứ …"), as a guide or a regulation lists its bases
_LEGAL_BASIS = re.compile(r"^(?:[ivx]+\.\s*|\d+\.\s*|[-–•*+]\s*)?căn cứ\s")
# a document's adoption note under its heading: "(Ban hành kèm theo Quyết định số …)",
# "(Kèm theo Kết luận số …)", or its closing half "… thông qua ngày 13/12/2017)"
_ADOPTION_NOTE = re.compile(
    r"^\((?:ban hành kèm theo|kèm theo|được thông qua|đã được thông qua|ban hành theo)\s"
    r"|(?:thông qua|ban hành)\s+(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\s*\)$"
)
ADOPTION_NOTE_MAX_CHARS = 160
# a quoted legal text: its articles' headings alone ("Điều 4.") and the quoter's elisions "[...]"
_BARE_ARTICLE = re.compile(r"^điều \d{1,3}\s*\.?$")
_ELISION = frozenset({"[...]", "[…]", "(...)", "(…)"})
ELISIONS_MIN = 2
# a flip-book page: its page label "Page 63 - LỜI GIỚI THIỆU" and the page number "P. 63"
_FLIP_LABEL = re.compile(r"^(?:page|trang) \d{1,4} - \S")
_FLIP_NUMBER = re.compile(r"^p\. ?\d{1,4}$")
_BULLET_DATE = re.compile(
    r"^[•·▪◦●*-]\s*(?:\d{1,2}:\d{2}\s*[|,-]?\s*)?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:\s*[|,-]?\s*\d{1,2}:\d{2})?$"
)
_PUNCT_ONLY = re.compile(r"^[,.;:|·•\-–—_/\\\s]+$")
_CUT_END = re.compile(r"[^.\s](?:\.\.\.|…)$")
# a lead's dateline: "Ngày 21/4/2023,", "Sáng 20-5 (…)", "Chiều ngày 2-12,"
_OWN_DATELINE = re.compile(r"^(?:(?:sáng|chiều|tối|trưa|đêm)\s+)?(?:ngày\s+)?\d{1,2}[-/.]\d{1,2}\b")
STACK_MIN_LINES = 4
STACK_MIN_DATELINES = 3
# " - 26/04 19:05" glued to the next word (the regex opens with a literal, which the engine skips
# to); the label before it must be glued to the previous word, checked on letter case
_GLUED_STAMP = re.compile(r" - \d{1,2}/\d{1,2}(?:/\d{2,4})? \d{1,2}:\d{2}(?=[^\W\d_])")
LABEL_MAX_WORDS_BEFORE_STAMP = 4
# after the headline, at the lead's start: "… (1890 – 1969) là", "… là một"
_DEFINES = re.compile(r"\s*(?:\([^()]{1,80}\)\s*,?\s*)?(?:là|was|is)\s")
# a short line naming an attached document file: "QD-123-UBND.pdf", "Tải về: ke-hoach.docx"
_ATTACHED_FILE = re.compile(r"\S\.(?:pdf|docx?|xlsx?|rar|zip)\s*\)?$")
_FILE_ENDS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".rar", ".zip")
# a schedule's day heading, the whole (case-folded) line: "thứ ba", "thứ ba, ngày 28/5:",
# "thứ 4 (29/5)", "chủ nhật"
_DAY_HEADING = re.compile(
    r"^[-•]?\s*(?:thứ (?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật)[\s,:\-–(]*"
    r"(?:ngày\s*)?(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)?\s*\)?\s*:?$"
)
DAY_HEADING_MAX_CHARS = 32
_LABEL_PUNCT = re.compile(r"[.,:;!?()\d\"“”|/]")

# a teaser stub: at most headline + paragraph + one stub-furniture line
STUB_MAX_LINES = 3
STUB_LEAD_CHARS = 160  # the day of a report is named in its first sentence's opening
# the day a report's lead names (on the case-folded lead): a date at its very start, a time-of-day
# or "ngày" word before a day ("sáng 24/7", "chiều ngày 13/02", "từ ngày 22-24/9", "ngày 29
# tháng 4"), or a relative day ("sáng nay", "hôm qua", "vừa qua"), or a month ("tháng 3/2023")
_LEAD_DAY = re.compile(
    r"^\W{0,3}\d{1,2}\s*[-/.]\s*\d{1,2}"
    r"|(?:^|[\s,(])(?:sáng|chiều|tối|trưa|đêm|ngày|hôm|từ)(?:\s+(?:nay|qua|mai))?\s+(?:ngày\s+)?"
    r"\d{1,2}(?:\s*[-/.]\s*\d{1,2}|\s+tháng\s+\d{1,2})"
    r"|(?:^|[\s,(])(?:(?:sáng|chiều|tối|trưa|đêm|hôm) (?:nay|qua)|vừa qua|tháng \d{1,2}\s*[-/]\s*\d{4})(?!\w)"
)
# lines a stripped teaser list leaves beside its one item (case-folded, whole line)
STUB_FURNITURE = frozenset({"thẻ:", "thẻ", "tags:", "tag:", "từ khóa:", "từ khoá:", "video không hợp lệ"})


class KindsLexicon:
    """kinds.yaml compiled: genre words, document formulas, digest labels and outlet names."""

    def __init__(self, data: dict) -> None:
        fold = _fold
        self.genres = tuple(fold(g) for g in data["document_genres"])
        self.formulas = re.compile("|".join(f"(?:{f})" for f in data["document_formulas"]))
        self.reference_headings = frozenset(fold(x) for x in data["reference_headings"])
        self.reference_min = int(data["reference_min_headings"])
        self.reference_markers = tuple(fold(x) for x in data["reference_markers"])
        self.document_fields = tuple(fold(x) for x in data["document_fields"])
        self.document_min_fields = int(data["document_min_fields"])
        columns = sorted((fold(x) for x in data["register_columns"]), key=len, reverse=True)
        self.register_columns = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, columns)) + r")(?!\w)")
        self.register_min_columns = int(data["register_min_columns"])
        self.reference_glued_edit = fold(data["reference_glued_edit"])
        self.notice_closing = re.compile(data["notice_closing"])
        self.notice_closing_lines = int(data["notice_closing_lines"])
        self.schedule_titles = tuple(fold(x) for x in data["schedule_titles"])
        self.schedule_min_days = int(data["schedule_min_days"])
        self.digest_labels = frozenset(fold(x) for x in data["digest_labels"])
        self.digest_min_outlets = int(data["digest_min_outlets"])
        self.digest_verbs = re.compile(data["digest_verbs"])
        self.preview_furniture = re.compile(
            "^(?:" + "|".join(re.escape(fold(x)) for x in data["preview_furniture"]) + ")"
        )
        self.preview_lines = frozenset(fold(x) for x in data["preview_lines"])
        fields = sorted((fold(x) for x in data["notice_fields"]), key=len, reverse=True)
        # "1. Thời gian:", "2) Địa điểm tổ chức:": the field's name, a few words, its colon
        self.notice_fields = re.compile(
            r"^\d{1,2}\s*[.)]\s*(" + "|".join(map(re.escape, fields)) + r")\b[^:]{0,30}:"
        )
        self.notice_min_fields = int(data["notice_min_fields"])
        names = sorted((fold(o) for o in data["outlets"]), key=len, reverse=True)
        self.outlets = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")


def _fold(text: str) -> str:
    return fold_tone_placement(text.casefold())


@lru_cache(maxsize=1)
def kinds_lexicon() -> KindsLexicon:
    with open(LEXICON_PATH, encoding="utf-8") as f:
        return KindsLexicon(yaml.safe_load(f))


# ---------------------------------------------------------------- documents
FURNITURE_MAX_CHARS = 40  # a heading, a wiki's furniture or a register's field row is short


@dataclass
class _LineStarts:
    """The document signals read off the lines, in one pass over the keys."""

    legal: int
    decimal: int
    short: list[str]  # the short lines, for the furniture signals
    adoption: str | None = None  # a document's adoption note
    fields: frozenset[str] = frozenset()  # a notice's numbered field names
    preview: str | None = None  # a document-sharing site's preview furniture


def _line_starts(keys: list[str], lex: KindsLexicon) -> _LineStarts:
    legal = decimal = 0
    short = []
    adoption = preview = None
    fields: set[str] = set()
    for key in keys:
        if "căn cứ" in key[:12]:  # also "1. Căn cứ …", "- Căn cứ …"
            legal += bool(_LEGAL_BASIS.match(key))
        elif key[:1].isdigit():
            decimal += bool(_DECIMAL_CLAUSE.match(key))
            if ":" in key[:48]:  # literal pre-check: a field ends in its colon
                m = lex.notice_fields.match(key)
                if m:
                    fields.add(m.group(1))
        elif len(key) <= FURNITURE_MAX_CHARS:
            short.append(key)
        if (
            adoption is None
            and len(key) <= ADOPTION_NOTE_MAX_CHARS
            and (key[:1] == "(" or key[-1:] == ")")  # literal pre-check
            and _ADOPTION_NOTE.search(key)
        ):
            adoption = key
        if preview is None and len(key) <= ADOPTION_NOTE_MAX_CHARS and lex.preview_furniture.match(key):
            preview = key
    return _LineStarts(legal, decimal, short, adoption, frozenset(fields), preview)


def preview_evidence(short: list[str], preview: str | None, lex: KindsLexicon) -> str | None:
    """A document-sharing, e-book or flip-book preview: its furniture ("Tải bản đầy đủ (.doc)",
    "Bạn đang xem bản rút gọn …", "Xem mẫu"), or a flip-book's page label with its page number."""
    if preview is not None:
        return f"preview: document-sharing furniture {preview[:40]!r}"
    line = next((key for key in short if key in lex.preview_lines), None)
    if line is not None:
        return f"preview: document-sharing furniture {line!r}"
    if any(_FLIP_NUMBER.match(k) for k in short) and any(_FLIP_LABEL.match(k) for k in short):
        return "preview: a flip-book page (page label and number)"
    return None


def quoted_law(short: list[str], keys: list[str]) -> str | None:
    """A legal text quoted at length (a legal Q&A, a form's guide): the quoter's elisions "[...]"
    alone on their lines, or a bare article heading ("Điều 4.") under "… quy định như sau:"."""
    elisions = sum(1 for key in short if key in _ELISION)
    if elisions >= ELISIONS_MIN:
        return f"document: a quoted legal text ({elisions} elisions '[...]')"
    if any(_BARE_ARTICLE.match(key) for key in short) and any(
        key.endswith("quy định như sau:") for key in keys
    ):
        return "document: a quoted legal text (a bare article heading under 'quy định như sau:')"
    return None


def document_evidence(keys: list[str], title: str | None, body: list[str]) -> str | None:
    """Why the page is a document (its evidence), or None. keys: every line's case-folded key."""
    lex = kinds_lexicon()
    starts = _line_starts(keys, lex)
    if starts.legal >= LEGAL_BASIS_MIN:
        return f"document: legal-basis list ({starts.legal} 'Căn cứ' lines)"
    if starts.decimal >= DECIMAL_CLAUSES_MIN:
        return f"document: {starts.decimal} decimal-numbered sub-clauses"
    if starts.adoption is not None:
        return f"document: an adoption note {starts.adoption[-50:]!r}"
    preview = preview_evidence(starts.short, starts.preview, lex)
    if preview is not None:
        return preview
    law = quoted_law(starts.short, keys)
    if law is not None:
        return law
    if title and title[:40].casefold().startswith(lex.genres):  # genre words need no tone folding
        formula = next((k for k in keys if lex.formulas.search(_fold(k))), None)
        if formula is not None:
            return f"document: {title[:40]!r} with the formula {formula[:40]!r}"
    if len(starts.fields) >= lex.notice_min_fields:
        return f"document: a notice's numbered fields {sorted(starts.fields)}"
    other = _reference_evidence(starts.short, title, body, lex)
    if other is not None:
        return other
    fields = sum(1 for key in starts.short if key.startswith(lex.document_fields))
    if fields >= lex.document_min_fields:
        return f"document: {fields} document-register fields"
    header = register_header(keys, lex)
    if header is not None:
        return f"document: a register's column heads in one line {header[:60]!r}"
    closing = notice_closing(title, body, lex)
    if closing is not None:
        return f"document: a notice's closing formula {closing[-60:]!r}"
    schedule = schedule_evidence(starts.short, title, lex)
    if schedule is not None:
        return schedule
    digest = _digest_evidence(keys, body, lex)
    return f"digest: {digest}" if digest else None


REGISTER_HEADER_MAX_CHARS = 120
# a register's heads name its documents: one of these words is in the line (literal pre-check)
_REGISTER_WORDS = ("văn bản", "ký hiệu", "số hiệu", "trích yếu", "ban hành")


def register_header(keys: list[str], lex: KindsLexicon) -> str | None:
    """A short line holding several column heads of a document register's table, or None."""
    for key in keys:
        if len(key) > REGISTER_HEADER_MAX_CHARS or not any(w in key for w in _REGISTER_WORDS):
            continue
        heads = {m.group(0) for m in lex.register_columns.finditer(_fold(key).replace(" / ", "/"))}
        if len(heads) >= lex.register_min_columns:
            return key
    return None


def notice_closing(title: str | None, body: list[str], lex: KindsLexicon) -> str | None:
    """The closing formula of a notice printed without its headline, or None. Under a headline
    that names no genre, the formula is a report's closing words."""
    if title:
        return None
    tail = body[-lex.notice_closing_lines :]
    return next((b for b in tail if lex.notice_closing.search(_fold(b))), None)


def schedule_evidence(short: list[str], title: str | None, lex: KindsLexicon) -> str | None:
    """A week's schedule: day headings alone on their lines (several, or one under a schedule
    title). short: the page's short lines (case-folded)."""
    days = sum(1 for key in short if len(key) <= DAY_HEADING_MAX_CHARS and _DAY_HEADING.match(key))
    if days >= lex.schedule_min_days:
        return f"schedule: {days} day headings"
    if days and title and _fold(title[:40]).startswith(lex.schedule_titles):
        return f"schedule: {title[:40]!r} with {days} day heading(s)"
    return None


def _reference_evidence(
    short: list[str], title: str | None, body: list[str], lex: KindsLexicon
) -> str | None:
    """An encyclopedia entry: its section headings, a wiki's furniture, or a lead that defines
    the headline ("Hồ Chí Minh (1890–1969) là …": a report never opens by defining its title).
    short: the page's short lines (case-folded)."""
    edit = lex.reference_glued_edit
    glued = [
        key[: -len(edit)]
        for key in short
        if key.endswith(edit) and key[-len(edit) - 1 : -len(edit)].isalpha()
    ]
    headings = lex.reference_headings.intersection(short) | lex.reference_headings.intersection(glued)
    if len(glued) >= lex.reference_min:
        return f"reference: {len(glued)} headings glued to a wiki's edit link"
    if len(headings) >= lex.reference_min:
        return f"reference: encyclopedia headings {sorted(headings)}"
    furniture = "\n".join(short)  # one substring search per marker
    marker = next((m for m in lex.reference_markers if m in furniture), None)
    if marker is not None:
        return f"reference: wiki furniture {marker!r}"
    if title and body and body[0].startswith(title) and _DEFINES.match(body[0], len(title)):
        return "reference: the lead defines the headline"
    return None


def _digest_evidence(keys: list[str], body: list[str], lex: KindsLexicon) -> str | None:
    if any(key in lex.digest_labels for key in keys if len(key) <= 30):
        return "a press-digest label"
    for line in body:
        # the digest opens with its comma-separated outlet list: commas crowd its first words
        if line.count(",", 0, DIGEST_OPENING_CHARS) < DIGEST_OPENING_COMMAS:
            continue
        folded = _fold(line[:900])
        outlets = {m.group(0) for m in lex.outlets.finditer(folded, 0, 600)}
        if len(outlets) >= lex.digest_min_outlets and lex.digest_verbs.search(folded):
            return f"a paragraph listing {len(outlets)} media outlets"
    return None


_TERM_ROW = re.compile(r"^(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d(?![\d,.:;])")
TERM_ROW_MAX_CHARS = 80
TERM_ROWS_MIN = 3


def term_table(lines) -> str | None:
    """Evidence that the page holds a table of terms (rows opening with a term's years), or None."""
    rows = sum(
        1
        for pl in lines
        if pl.info.text[:2] in ("19", "20")  # literal pre-check
        and len(pl.info.text) <= TERM_ROW_MAX_CHARS
        and _TERM_ROW.match(pl.info.text)
    )
    return (
        f"document: a table of terms ({rows} rows opening with a term's years)"
        if rows >= TERM_ROWS_MIN
        else None
    )


def attached_file(keys: list[str]) -> str | None:
    """A short line ending in a document file's name (a stub page around a download)."""
    return next(
        (
            key
            for key in keys
            if len(key) <= 160 and key[-6:].rstrip(" )").endswith(_FILE_ENDS) and _ATTACHED_FILE.search(key)
        ),
        None,
    )


def sapo_stack(title: str | None, body: list[str]) -> str | None:
    """Evidence that the untitled body is a stack of other stories' sapos, or None."""
    if title or len(body) < STACK_MIN_LINES or any(len(b.split()) > SAPO_MAX_WORDS for b in body):
        return None
    datelines = sum(1 for b in body if _OWN_DATELINE.match(b.lstrip().casefold()))
    if datelines < STACK_MIN_DATELINES:
        return None
    return f"listing: {len(body)} untitled sapos, {datelines} opening their own dateline"


# a document's own opening (document_opening): on the case-folded key; the outline heading must
# also be upper case in the text ("I. Khái quát tình hình" opens a report's section)
_OUTLINE_HEADING = re.compile(r"^(?:[ivx]{1,4}\s*[.:/-]|phần\s)\s*\S")
OUTLINE_HEADING_MAX_CHARS = 90
_SUB_HEADING = re.compile(r"^\d{1,2}\s*\.\s*\S")
SUB_HEADING_MAX_CHARS = 120
_LAW_ARTICLE = re.compile(r"^điều \d{1,3}\s*\.\s*\S")
_FIRST_CLAUSE = re.compile(r"^1\s*[.)]\s*\S")
_DOC_NUMBER = re.compile(r"^số\s*:?\s*\d{1,5}\s*[-/]\s*[^\W\d_]")
DOC_NUMBER_MAX_CHARS = 32
_PLACE_DATE = re.compile(r"^[^\d,]{2,30}, ngày \d{1,2} tháng \d{1,2} năm \d{4}\s*\.?$")
OPENING_WINDOW = 6  # lines after the block's first line where its second part must show
LEAD_MIN_WORDS = 20
LEAD_FIELD_CHARS = 40  # "Tên sáng kiến: …": a field's label opens the line, a lead never does


def _is_lead(info) -> bool:
    """A report's lead paragraph (prose, not an upper-case ticker, not a "Label: …" field)."""
    return (
        info.prose
        and info.strong
        and info.nw >= LEAD_MIN_WORDS
        and ":" not in info.text[:LEAD_FIELD_CHARS]
        and not info.text.isupper()
    )


# an issued text's genre set alone on its line in capitals, as the text's own heading ("KẾ HOẠCH" /
# "Tổ chức đại hội Đoàn các cấp …" / "Căn cứ Điều lệ Đoàn …" / "I. YÊU CẦU"); a report names the
# genre inside a headline, never alone on a line
# the genres an issued text's header block names (glued_header looks for these in capitals)
_ISSUED_GENRES = (
    "quyết định",
    "thông báo",
    "kế hoạch",
    "hướng dẫn",
    "nghị quyết",
    "chỉ thị",
    "quy định",
    "quy chế",
    "công văn",
    "tờ trình",
)
_GENRE_HEADINGS = frozenset(
    (*_ISSUED_GENRES, "chương trình", "chương trình hành động", "báo cáo", "đề án", "thông tri")
)


def _opening_line(info) -> str | None:
    """The document-opening part this line is ("outline", "law", "number", "place", "genre"), or None."""
    key = info.key_cf
    if len(key) <= 24 and key in _GENRE_HEADINGS and info.text.isupper():
        return "genre"
    c = key[:1]  # literal pre-checks: most lines open otherwise
    if c in "ivxp" and len(key) <= OUTLINE_HEADING_MAX_CHARS and _OUTLINE_HEADING.match(key):
        return "outline" if info.text.isupper() else None
    if c == "đ" and len(key) <= SUB_HEADING_MAX_CHARS and _LAW_ARTICLE.match(key):
        return "law"
    if c == "s" and len(key) <= DOC_NUMBER_MAX_CHARS and _DOC_NUMBER.match(key):
        return "number"
    if ", ngày " in key and len(key) <= 60 and _PLACE_DATE.match(key):
        return "place"
    return None


def document_opening(lines, kinds: list[str]) -> str | None:
    """A document printed as the page (see the module's docstring), or None. The block must open
    before the page's first lead paragraph; its second part shows within OPENING_WINDOW lines."""
    for k, pl in enumerate(lines):
        info = pl.info
        if kinds[k] == "" and _is_lead(info):
            return None
        part = _opening_line(info)
        if part is None:
            continue
        window = lines[k + 1 : k + 1 + OPENING_WINDOW]
        if part == "outline":
            if any(_opening_line(n.info) == "outline" for n in window):
                return f"document: upper-case outline headings from {info.text[:40]!r}"
            if any(
                len(n.info.key_cf) <= SUB_HEADING_MAX_CHARS and _SUB_HEADING.match(n.info.key_cf)
                for n in window[:2]
            ):
                return f"document: an outline heading {info.text[:40]!r} over its numbered section"
        elif part == "genre":
            # its preamble ("Căn cứ …") or its outline follows its subject line(s)
            if any(n.info.key_cf.startswith("căn cứ") or _opening_line(n.info) == "outline" for n in window):
                return f"document: the genre heading {info.text[:40]!r} over its preamble or outline"
        elif part == "law":
            if window and _FIRST_CLAUSE.match(window[0].info.key_cf):
                return f"document: a law's article {info.text[:40]!r} over its first clause"
        elif any(_opening_line(n.info) in {"number", "place"} - {part} for n in window):
            return f"document: an issued text's header block from {info.text[:40]!r}"
    return None


# an issued text's header block glued into its first line (a forum or a scraper printed the
# document as one paragraph): "BAN CHẤP HÀNH TRUNG ƯƠNG***Số: 367 - QĐ/TW… Hà Nội, ngày 29
# tháng 10 năm 2013 QUYẾT ĐỊNH Về việc …". All three parts, in the line's opening, on the text
# (not case-folded: the number's "Số" and the genre are capitalised so only in a header); a
# report names a document as "Quyết định số 367-QĐ/TW ngày 29/10/2013", never so
_GLUED_NUMBER = re.compile(r"(?<!\w)Số\s*:?\s*\d{1,5}\s*[-/]")
_GLUED_PLACE_DATE = re.compile(r"[^\d\W][^\d,]{1,30}, ngày \d{1,2} tháng \d{1,2} năm \d{4}")
_GLUED_GENRE = re.compile(r"(?<!\w)(?:" + "|".join(g.upper() for g in _ISSUED_GENRES) + ")")
GLUED_HEADER_CHARS = 400
GLUED_HEADER_LINES = 3  # the header opens the page


def glued_header(lines) -> str | None:
    """An issued text's header block (number, place and date, genre) glued into one of the page's
    first lines, or None."""
    for pl in lines[:GLUED_HEADER_LINES]:
        head = pl.info.text[:GLUED_HEADER_CHARS]
        if ", ngày " not in head or "Số" not in head:  # literal pre-checks
            continue
        if _GLUED_NUMBER.search(head) and _GLUED_PLACE_DATE.search(head) and _GLUED_GENRE.search(head):
            return f"document: an issued text's header glued into one line {head[:40]!r}"
    return None


# a lead's own dateline with its day, month and year: "Sáng ngày 23/8/2025,", "Ngày 8- 2,",
# "(Website Đoàn Khối …) Ngày 10/4/2012," (an outlet's mark in brackets may come first)
_DATED_LEAD = re.compile(
    r"^\W{0,3}(?:\([^()]{1,60}\)\s*-?\s*)?(?:(?:sáng|chiều|tối|trưa|đêm)\s+)?(?:ngày\s+)?"
    r"(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{4}))?(?!\d)"
)
DATED_LEADS_MIN = 2
DATED_LEADS_SHARE = 3  # the dated leads are at least a third of the page's paragraphs


def _lead_day(text: str) -> tuple[int, int, int] | None:
    m = _DATED_LEAD.match(text)
    if m is None:
        return None
    day, month = int(m.group(1)), int(m.group(2))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return int(m.group(3) or 0), month, day


def _earlier(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    """b is an earlier day than a (the year compared only when both name it)."""
    if a[0] and b[0]:
        return b < a
    return b[1:] < a[1:]


def dated_leads(paras: list[tuple[int, str]]) -> str | None:
    """Evidence that the page's paragraphs are teasers' leads listed newest first, or None.
    paras: the page's body paragraphs (line number, case-folded key). Each later lead follows a
    line that is no paragraph (its headline, its list item's date), or both leads name their
    year: teasers cut from their stories each keep a full date ("Sáng ngày 23/8/2025, …",
    "Ngày 22/8/2025, …"), while a report's lead names the day and its backstory, right after a
    paragraph, the year that differs ("Ngày 3/7, … Trước đó, … Ngày 5/6/2022, …")."""
    days = [(k, d) for k, d in ((k, _lead_day(key)) for k, key in paras) if d is not None]
    if len(days) < DATED_LEADS_MIN or DATED_LEADS_SHARE * len(days) < len(paras):
        return None
    para_lines = {k for k, _ in paras}
    for (k, a), (j, b) in zip(days, days[1:], strict=False):
        if not _earlier(a, b):
            return None
        if not (a[0] and b[0]) and (j - 1 == k or j - 1 in para_lines):
            return None
    return f"listing: {len(days)} of {len(paras)} paragraphs open with their own day, newest first"


HEADLINE_SAPOS_MIN = 3


def headline_sapos(lines, paras: list[int]) -> str | None:
    """Evidence that each of the page's paragraphs is a teaser's sapo under its headline, or None.
    paras: the line numbers of the page's body paragraphs."""
    if len(paras) < HEADLINE_SAPOS_MIN:
        return None
    for k in paras:
        j = k - 1 if k and not lines[k - 1].info.is_date else k - 2
        head = lines[j].info if j >= 0 else None
        if head is None or not head.title_like or head.strong or head.caption:
            return None
        if len(lines[k].info.text.split(None, SAPO_MAX_WORDS)) > SAPO_MAX_WORDS:
            return None
    return f"listing: {len(paras)} sapo-short paragraphs, each under its own headline"


MARKED_SAPOS_MIN = 2
MARK_OPENING_CHARS = 60  # a sapo printed twice (as sapo and as the body's lead) is one story


def marked_sapos(lines, paras: list[int]) -> str | None:
    """Evidence that several teasers' sapos each open with the outlet's mark right under their
    own headline ("Hào hùng truyền thống …" / "CSVNO – Sự kiện …" / "Thế hệ trẻ …" / "CSVN – Tự
    hào …"), or None. A report opens only its lead with the mark; a second marked paragraph
    follows its first (the sapo printed again as the body's lead). paras: the line numbers of
    the page's body paragraphs."""
    openings = set()
    for k in paras:
        info = lines[k].info
        # the outlet's mark ("CSVN – ", "(Baonghean) - "), stripped from the text by the prefix rules
        if not any(kind == "source_credit" for kind, _ in info.prefixes):
            continue
        j = k - 1 if k and not lines[k - 1].info.is_date else k - 2
        head = lines[j].info if j >= 0 else None
        if head is None or not head.title_like or head.strong or head.caption:
            continue
        openings.add(info.text[:MARK_OPENING_CHARS])
    if len(openings) < MARKED_SAPOS_MIN:
        return None
    return f"listing: {len(openings)} sapos opening with the outlet's mark, each under its own headline"


# a teaser's meta field left with its separator when the list widget dropped the next field:
# "Kinh tế -" (its section), "Trường Hà - Minh Thu -" (its authors)
_DANGLING_FIELD = re.compile(r"\S\s[-–]$")
DANGLING_FIELD_MAX_WORDS = 8
DANGLING_FIELDS_MIN = 2


def dangling_fields(lines) -> str | None:
    """Evidence that teasers' meta fields (section, authors) sit on their own lines, each ending
    in the separator of a dropped field, or None. An article prints at most one such line (a
    wire story's "VIETNAM, August 18 -")."""
    n = sum(
        1
        for pl in lines
        if pl.info.text[-1:] in "-–"  # literal pre-check
        and not pl.info.prose
        and pl.info.nw <= DANGLING_FIELD_MAX_WORDS
        and _DANGLING_FIELD.search(pl.info.text)
    )
    if n < DANGLING_FIELDS_MIN:
        return None
    return f"listing: {n} teaser meta fields ending in a dropped field's separator"


# ---------------------------------------------------------------- listing furniture
def section_label_before_title(lines, title: str | None) -> bool:
    """A short label line (section or tag name: "Chính trị", "Đại hội Đảng"), not itself a
    headline, opens the page right before the headline."""
    if not title or len(lines) < 2 or lines[1].info.text != title:
        return False
    label = lines[0].info
    nw = len(label.text.split())
    return (
        1 <= nw <= LABEL_MAX_WORDS
        and not label.text.isascii()  # "Banner", "Logo", "Video": image alt / widget residue
        and not label.title_like
        and not label.is_date
        and not _LABEL_PUNCT.search(label.text)
    )


def teaser_length(paras: list[str]) -> bool:
    """The page has one paragraph, of a teaser's length."""
    if len(paras) != 1 or len(paras[0]) > 12 * TEASER_MAX_WORDS:  # longer than any 120 words
        return False
    return len(paras[0].split(None, TEASER_MAX_WORDS)) <= TEASER_MAX_WORDS


def bullet_dates(lines) -> int:
    """List items whose whole text is a date/time ("• 09:41 21/01/2021")."""
    return sum(1 for pl in lines if len(pl.info.text) <= 30 and _BULLET_DATE.match(pl.info.text))


def punctuation_residue(lines) -> int:
    """Punctuation-only lines (an article page has such residue too: it counts only around a
    lone teaser-length paragraph)."""
    return sum(1 for pl in lines if len(pl.info.text) <= 8 and _PUNCT_ONLY.match(pl.info.text))


def cut_with_ellipsis(para: str) -> bool:
    """The paragraph ends cut short with an ellipsis (not a closing "./.")."""
    return bool(_CUT_END.search(para.rstrip()))


def sapo_short(para: str, body: list[str]) -> bool:
    """The paragraph is the whole body, and sapo-length."""
    return len(body) == 1 and len(para.split(None, SAPO_MAX_WORDS)) <= SAPO_MAX_WORDS


def teaser_pairs(lines, kinds: list[str], title: str | None) -> int:
    """Headlines (not the page's title) each followed by one sapo-short body paragraph."""
    n = 0
    for k in range(len(lines) - 1):
        head, para = lines[k].info, lines[k + 1].info
        if (
            head.title_like
            and not head.strong
            and head.text != title
            and kinds[k + 1] == ""
            and para.strong
            and para.nw >= 20
            and len(para.text.split()) <= SAPO_MAX_WORDS
        ):
            n += 1
    return n


def glued_stamps(lines) -> int:
    """Lines where a label and time stamp sit glued between a lower-case word's end and a
    capitalised word ("nhậpThời sự - 26/04 19:05Ban"): teaser fields that lost their markup."""
    n = 0
    for pl in lines:
        text = pl.info.text
        if " - " not in text or ":" not in text:
            continue
        if any(
            text[m.end()].isupper() and _glued_label(text, m.start()) for m in _GLUED_STAMP.finditer(text)
        ):
            n += 1
    return n


def _glued_label(text: str, end: int) -> bool:
    """The few words before `end` hold a lower-case letter right before a capital ("nhậpThời")."""
    words = " ".join(text[max(0, end - 60) : end].split(" ")[-LABEL_MAX_WORDS_BEFORE_STAMP:])
    return any(a.islower() and b.isupper() for a, b in zip(words, words[1:], strict=False))


PIPE_TEASERS_MIN = 3
PIPE_HEADLINE_MIN_CHARS = 10


def pipe_teasers(lines, kinds: list[str]) -> str | None:
    """Evidence that the page lists "headline | blurb" teasers, or None. kinds: the labels."""
    n = 0
    for k, pl in enumerate(lines):
        text = pl.info.text
        if not text.endswith("|"):  # literal pre-check: most lines end otherwise
            continue
        text = text.rstrip()
        if text != "|" and not (text.endswith(" |") and len(text) > PIPE_HEADLINE_MIN_CHARS):
            continue
        # the blurb: a body line right after (a list item's date may sit between)
        if "" in kinds[k + 1 : k + 3]:
            n += 1
    if n < PIPE_TEASERS_MIN:
        return None
    paras = sum(1 for k, pl in enumerate(lines) if kinds[k] == "" and pl.info.strong)
    if 2 * n >= paras:
        return f"listing: {n} 'headline | blurb' teasers, {paras} paragraph(s)"
    return None


def teaser_stub(lines, kinds: list[str], title: str | None) -> str | None:
    """Evidence that the page is one teaser cut from a list (see the module's docstring), or None.
    lines: the page's lines; kinds: their labels ("" = body). Vietnamese leads only: the lead-day
    words are Vietnamese (an English page, often hard-wrapped, is left to the other signals)."""
    if not lines or len(lines) > STUB_MAX_LINES:
        return None
    para, headlines = None, 0
    for k, pl in enumerate(lines):
        if pl.info.key_cf in STUB_FURNITURE:  # whatever its label ("Video không hợp lệ" reads as body)
            continue
        if kinds[k] == "" and para is None:
            para = pl.info
        elif title and pl.info.text == title and not headlines:
            headlines = 1
        else:  # a second paragraph, a date line, a byline, a credit, a label: more than a teaser
            return None
    if para is None or not para.prose or para.text.isascii():
        return None
    if len(para.text.split(None, TEASER_MAX_WORDS)) > TEASER_MAX_WORDS:
        return None
    if _LEAD_DAY.search(para.text[:STUB_LEAD_CHARS].casefold()):
        return None
    what = "headline and one paragraph" if headlines else "one paragraph"
    return f"listing: a teaser stub ({what}, no date line or byline, the lead names no day)"


# a blog's or a how-to page's intro speaks to its reader about itself: "Sau đây DaiLyWiki mời các
# bạn theo dõi bài viết dưới đây …", "… giúp bạn nắm rõ … trong bài viết sau đây". A report
# never calls itself "the post below"; "mời bạn đọc theo dõi" alone (a live report's line) is
# not enough: both halves are needed, in one line.
_SELF_POST = re.compile(r"\bbài viết (?:dưới đây|sau đây|này)\b")
_READER_ADDRESS = re.compile(r"\b(?:mời|giúp|cùng) (?:các |quý )?bạn\b")


def blog_intro(keys: list[str]) -> str | None:
    """A how-to or blog page: a line addressing its reader about the post itself, or None."""
    for key in keys:
        if "bài viết" in key and "bạn" in key:  # literal pre-check
            m = _SELF_POST.search(key)
            if m and _READER_ADDRESS.search(key):
                return f"howto: the page speaks to its reader of {m.group(0)!r}"
    return None


SNIPPET_MAX_LINES = 6


def search_snippet(lines) -> str | None:
    """A search result's snippet saved as a page: a few lines, the first opening mid-sentence in
    lower case ("sát và thi hành kỷ luật đảng do …", "thiệu"). An article's page opens with its
    headline, a date or chrome, never inside a sentence. Vietnamese text only (an ASCII first
    line is a widget's residue: "image banner")."""
    if not lines or len(lines) > SNIPPET_MAX_LINES:
        return None
    first = lines[0].info.text
    if not first[:1].islower() or first.isascii():
        return None
    return f"listing: a search snippet, {len(lines)} line(s) opening mid-sentence {first[:30]!r}"


def trailing_blank_lines(text: str) -> int:
    return text[len(text.rstrip()) :].count("\n")


@dataclass(frozen=True)
class TeaserShapes:
    """The teaser shapes of a page with almost no body, as listing evidence for kinds._listing_kind."""

    label: int  # a section/tag label right before the headline of a one-paragraph page
    bullet_dates: int
    residue: int
    cut: int  # the only paragraph cut with an ellipsis
    blank_tail: int  # a long run of empty lines after the only paragraph
    pairs: int  # headline + sapo pairs besides the title
    short: int  # the only paragraph is sapo-short (weak)

    @classmethod
    def of(cls, lines, title: str | None, paras: list[str], labels, trailing_blanks: int) -> TeaserShapes:
        pairs, dates = teaser_pairs(lines, labels.kinds, title), bullet_dates(lines)
        if not teaser_length(paras):  # the lone-teaser shapes need a lone teaser-length paragraph
            return cls(label=0, bullet_dates=dates, residue=0, cut=0, blank_tail=0, pairs=pairs, short=0)
        return cls(
            label=int(section_label_before_title(lines, title)),
            bullet_dates=dates,
            residue=punctuation_residue(lines),
            cut=int(cut_with_ellipsis(paras[0])),
            blank_tail=int(trailing_blanks >= TRAILING_BLANKS_MIN),
            pairs=pairs,
            short=int(sapo_short(paras[0], labels.body)),
        )

    def weight(self) -> int:
        strong = self.label + self.bullet_dates + self.blank_tail + (self.residue >= RESIDUE_MIN)
        strong += self.pairs >= 2
        # an ellipsis also closes an enumeration ("chạy bộ, tập gym..."): a cut needs company
        return 2 * strong + self.cut + self.short

    def bits(self) -> list[tuple[int, str]]:
        return [
            (self.label, "section label before the headline"),
            (self.bullet_dates, "list-item dates"),
            (self.residue if self.residue >= RESIDUE_MIN else 0, "punctuation-residue lines"),
            (self.cut, "lone paragraph cut with an ellipsis"),
            (self.blank_tail, "empty-line run after the lone paragraph"),
            (self.pairs if self.pairs >= 2 else 0, "headline + sapo pairs"),
            (self.short, "lone sapo-short paragraph"),
        ]
