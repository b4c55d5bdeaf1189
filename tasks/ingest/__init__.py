"""Ingest: find input files, read their bytes, decode them to clean NFC text.

Public API (the flow calls exactly this)::

    discover(input_dir) -> Iterator[SourceFile]          # sorted by rel_path
    discover_with_problems(input_dir) -> (files, problems) # problems: Quarantined(reason="unreadable")
    ListingAhead(input_dir).take(input_dir)               # the same, started earlier in a thread
    read_source(sf, max_bytes=DEFAULT_MAX_BYTES) -> RawPage | Quarantined   # never raises
    decode_bytes(data) -> (text, encoding)                # or raises DecodeRejected(reason, detail)

One module per concern: ``discovery`` (listing files, problems), ``listing_ahead`` (that listing
in a background thread), ``sniff`` (binary signatures, BOMs, control bytes), ``decode`` (the
ordered, named decoding steps) with ``utf8`` and ``legacy`` (the steps' harder cases),
``html_text`` (HTML saved as text), ``normalise`` (line ends, NUL, NFC) and ``read`` (one file
-> RawPage | Quarantined).

Decisions (see docs/ingest.md): hidden files/dirs are skipped; symlinked directories are not
followed, symlinks to files are; NUL bytes are stripped with a warning; an HTML page saved as
text is reduced to its text lines; files over ``max_bytes`` are quarantined as ``too_large``.
"""

from __future__ import annotations

from tasks.ingest.decode import DECODE_STEPS, decode_bytes
from tasks.ingest.discovery import discover, discover_with_problems
from tasks.ingest.html_text import html_to_text, looks_like_html
from tasks.ingest.listing_ahead import ListingAhead
from tasks.ingest.normalise import normalise_text
from tasks.ingest.read import DEFAULT_MAX_BYTES, page_from_bytes, read_source
from tasks.ingest.rejected import REASONS, DecodeRejected

__all__ = [
    "DECODE_STEPS",
    "DEFAULT_MAX_BYTES",
    "REASONS",
    "DecodeRejected",
    "ListingAhead",
    "decode_bytes",
    "discover",
    "discover_with_problems",
    "html_to_text",
    "looks_like_html",
    "normalise_text",
    "page_from_bytes",
    "read_source",
]
