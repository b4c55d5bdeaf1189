"""Typed records that move between stages: Path -> RawPage -> Anatomy -> Facts -> rows.

Every stage function takes and returns these; nothing reaches back upstream.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class SourceFile:
    """A file found by discovery. `rel_path` is relative to the input folder; `host`/`url`: where
    it was crawled from, when the input tells it (tasks/ingest/origin.py)."""

    path: str
    rel_path: str
    size: int
    mtime: float
    host: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class RawPage:
    """A decoded input file: NFC text, LF line ends, plus where it came from."""

    rel_path: str
    sha256: str  # of the raw bytes, as read
    encoding: str  # as detected, e.g. "utf-8", "utf-16", "windows-1258", "tcvn3"
    text: str  # NFC, "\n" line ends, no NUL
    source_host: str | None = None  # host it was crawled from, when the input tells it
    source_url: str | None = None


@dataclass(frozen=True)
class Quarantined:
    """An input that could not become an article, with a short reason code."""

    rel_path: str
    sha256: str | None
    reason: str  # short code: empty, binary, undecodable, unreadable, vanished, no_article, ...
    detail: str
    encoding: str | None = None


@dataclass(frozen=True)
class Segment:
    """A removed (non-body) run of lines, labelled for audit."""

    kind: str  # header, title, byline, source_credit, related_news, cookie_notice, comments, share_tools, links, ...
    text: str  # the raw line(s), NFC
    line_no: int  # 0-based index of the first raw line


@dataclass
class Anatomy:
    """What a page is made of: metadata, body paragraphs and the chrome removed."""

    title: str | None
    published_at: datetime | None
    event_date: date | None
    author: str | None
    source_site: str | None
    locality: str | None
    body_lines: list[str]  # article paragraphs, NFC, in order
    boilerplate: list[Segment] = field(default_factory=list)
    locality_evidence: str | None = None  # why locality: "text: huyện Thạch Hà", "host: langson.gov.vn"
    page_kind: str = "article"  # article, listing, tag, search, category, home, poem, document
    kind_detail: str = ""  # the evidence when page_kind is not "article"

    @property
    def body(self) -> str:
        return "\n".join(self.body_lines)


@dataclass(frozen=True)
class Person:
    name: str
    titles: tuple[str, ...]
    role: str  # chair, speaker, attendee, mentioned
    start: int  # offset of first mention in body
    end: int


@dataclass(frozen=True)
class DocumentRef:
    kind: str  # nghi_quyet, ket_luan, chi_thi, ...
    number: str | None  # as written ("09" stays "09")
    symbol: str | None  # e.g. 28-NQ/TU
    issuer: str | None
    issued_date: date | None
    evidence: str
    start: int
    end: int


@dataclass(frozen=True)
class Indicator:
    metric: str
    actual: float | None
    target: float | None
    percent: float | None
    unit: str | None
    qualifier: str | None  # "trên", "gần", "hơn", ... as written
    period: str | None  # as written
    period_start: date | None
    period_end: date | None
    evidence: str  # the sentence it came from
    start: int  # offsets of the evidence sentence in body
    end: int
    part_of: int | None = None  # the article-level index (seq) of the total this figure is a part of


@dataclass
class Facts:
    people: list[Person] = field(default_factory=list)
    document_refs: list[DocumentRef] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
