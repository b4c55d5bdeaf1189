"""Decoded text -> the text a RawPage holds: no BOM, no NUL, "\\n" line ends, HTML reduced, NFC."""

from __future__ import annotations

import logging
import re
import unicodedata

from tasks.ingest.html_text import has_html_fragments, html_to_text, looks_like_html, strip_html_fragments

log = logging.getLogger("bantin.ingest")

# Text made of these only is "blank": nothing to read.
_BLANK = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]*")
# Line separators other than "\n" and "\r". Replacing them by "\n" keeps NFC: all of them are
# starters that compose with nothing.
_OTHER_LINE_SEPARATORS = ("\x0b", "\x0c", "\u2028", "\u2029")


def is_blank(text: str) -> bool:
    return _BLANK.fullmatch(text) is not None


def _strip_nul(text: str, rel_path: str) -> str:
    log.warning("%s: stripped %d NUL character(s)", rel_path, text.count("\x00"))
    return text.replace("\x00", "")


def _unify_line_ends(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # str.replace: no per-match objects on 50 MB
        if "\r" in text:
            text = text.replace("\r", "\n")
    for sep in _OTHER_LINE_SEPARATORS:
        if sep in text:
            text = text.replace(sep, "\n")
    return text


# Hard-wrapped text (a Word paste, a fixed-width export): a line that does not end a sentence and
# a next line that opens lower-case are one sentence broken in two; they are rejoined with a
# space. Only directly adjacent lines: a blank line between them is a paragraph break.
_LOWER = "a-z" + "".join(c for c in map(chr, range(0xC0, 0x2000)) if c.isalpha() and c.islower())
# (the pattern opens with the literal "\n", so the engine skips straight to line ends; the
# character before the break is checked in Python on the few candidates)
_WRAPPED = re.compile(rf"\n[ \t]*(?=[{_LOWER}])")
_NOT_SENTENCE_END = re.compile(r"[^\s.!?…:;\"”»)\]>|]")


WRAP_MIN_BREAKS = 3  # a page is hard-wrapped when this many lines break mid-sentence
WRAP_MIN_WIDTH = 40  # ... each after a line at least this long (a wrap width, not a menu item)


def rejoin_wrapped_lines(text: str) -> str:
    breaks = []
    for m in _WRAPPED.finditer(text):
        k = m.start()
        while k > 0 and text[k - 1] in " \t":  # trailing spaces before the break go too
            k -= 1
        line_start = text.rfind("\n", 0, k) + 1
        if k - line_start >= WRAP_MIN_WIDTH and _NOT_SENTENCE_END.match(text, k - 1):
            breaks.append((k, m.end()))
    if len(breaks) < WRAP_MIN_BREAKS:
        return text
    out: list[str] = []
    pos = 0
    for a, b in breaks:
        out += (text[pos:a], " ")
        pos = b
    return "".join(out) + text[pos:]


def normalise_text(text: str, rel_path: str = "", *, is_nfc: bool = False) -> str:
    """Decoded text -> RawPage text: no BOM, no NUL, "\\n" line ends, HTML reduced to text, NFC.

    is_nfc: text is known to be NFC already (decode_bytes output); then only the steps that can
    break NFC (removing a NUL between a letter and its mark, HTML entities) lead to a new check."""
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        text = _strip_nul(text, rel_path)
        is_nfc = False
    text = _unify_line_ends(text)
    if "<" in text and looks_like_html(text):
        log.warning("%s: HTML page saved as text; reduced to its text lines", rel_path)
        text = html_to_text(text)
        is_nfc = False
    elif has_html_fragments(text):
        text = strip_html_fragments(text)
        is_nfc = False
    text = rejoin_wrapped_lines(text)
    if not is_nfc and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text
