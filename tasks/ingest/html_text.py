"""An HTML page saved as text, reduced to its text lines."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>)",
    re.I | re.S,
)
_BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "title",
    "tr",
    "ul",
    "option",
    "body",
    "html",
    "head",
    "tbody",
    "thead",
    "tfoot",
}
_CELL = {"td", "th"}
_DROP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "select"}


_TAG = re.compile(r"</?[a-z][^>]*>")


def looks_like_html(text: str) -> bool:
    """The text starts like an HTML page, or has <body>/<html> and at least 5 tags early on."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    low = head.lower()
    return ("<body" in low or "<html" in low) and len(_TAG.findall(low)) >= 5


_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


class _TextExtractor(HTMLParser):
    """Collects text per block element; ``drop`` > 0 inside script/style/..., ``pre`` > 0 inside <pre>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.cur: list[str] = []
        self.drop = 0
        self.pre = 0

    def _flush(self) -> None:
        line = "".join(self.cur)
        if not self.pre:
            line = _HTML_SPACE.sub(" ", line).strip(" ")  # HTML collapses ASCII space only
        for part in line.split("\n"):
            if part.strip():
                self.lines.append(part.rstrip())
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag in _DROP:
            self.drop += 1
        elif tag in _BLOCK:
            self._flush()
            if tag == "pre":
                self.pre += 1
        elif tag in _CELL and self.cur:
            self.cur.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag):
        if tag in _DROP:
            self.drop = max(0, self.drop - 1)
        elif tag in _BLOCK:
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
            self._flush()
        elif tag in _CELL:
            self.cur.append(" ")

    def handle_data(self, data):
        if not self.drop:
            self.cur.append(data)

    def text(self) -> str:
        self._flush()
        return "\n".join(self.lines)


def html_to_text(text: str) -> str:
    """An HTML page -> its text, one line per block element; script/style dropped, entities
    unescaped, runs of whitespace inside a block collapsed."""
    p = _TextExtractor()
    p.feed(text)
    p.close()
    return p.text()  # convert_charrefs=True has already unescaped entities


# Text that is not an HTML page but carries HTML pieces (a static site's Markdown/front-matter
# file, a CMS export): block tags, inline tags, character references.
_FRAGMENT_BLOCK = re.compile(
    r"</?(?:p|br|div|li|ul|ol|h[1-6]|tr|table|tbody|thead|blockquote|figure|figcaption"
    r"|section|article|hr)\b[^<>]{0,2000}/?>",
    re.I,
)
_FRAGMENT_INLINE = re.compile(
    r"</?(?:a|b|i|u|em|strong|span|font|img|sup|sub|small|big|mark|td|th|center|label"
    r"|picture|source|video|audio|iframe|o:p)\b[^<>]{0,2000}/?>",
    re.I,
)
_CHARREF = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,9}|#\d{2,6}|#[xX][0-9a-fA-F]{2,5});")


def has_html_fragments(text: str) -> bool:
    """Tags or character references inside plain text (cheap tests first: most pages have neither)."""
    # (two tags at least: a text may mention one, "thẻ <b> dùng để in đậm")
    if (
        "<" in text
        and sum(1 for _ in zip(range(2), _FRAGMENT_BLOCK.finditer(text), strict=False))
        + sum(1 for _ in zip(range(2), _FRAGMENT_INLINE.finditer(text), strict=False))
        >= 2
    ):
        return True
    return "&" in text and _CHARREF.search(text) is not None or "nbsp;" in text


# a no-break space whose ampersand a scrape lost ("quần chúng Lê Trí Tínnbsp;- công tác tại …"):
# glued to the word before it, it would become part of a name
_BARE_NBSP = re.compile(r"(?<!&)nbsp;")


def strip_html_fragments(text: str) -> str:
    """Plain text with HTML pieces: block tags become line breaks, inline tags go, character
    references are unescaped ("c&ocirc;ng" -> "công", "&nbsp;" -> a space)."""
    import html

    text = _FRAGMENT_BLOCK.sub("\n", text)
    text = _FRAGMENT_INLINE.sub("", text)
    if "nbsp;" in text:
        text = _BARE_NBSP.sub(" ", text)
    return html.unescape(text).replace("\xa0", " ")
