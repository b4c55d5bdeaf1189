"""Ingest: find input files, read their bytes, decode them to clean NFC text.

Public API (the flow calls exactly this)::

    discover(input_dir) -> Iterator[SourceFile]          # sorted by rel_path
    discover_with_problems(input_dir) -> (files, problems) # problems: Quarantined(reason="unreadable")
    listing_ahead(input_dir) / take_listing_ahead(input_dir)  # the same, started earlier in a thread
    read_source(sf, max_bytes=DEFAULT_MAX_BYTES) -> RawPage | Quarantined   # never raises
    decode_bytes(data) -> (text, encoding)                # or raises DecodeRejected(reason, detail)

Decisions (see docs/ingest.md): hidden files/dirs are skipped; symlinked directories are not
followed, symlinks to files are; NUL bytes are stripped with a warning; an HTML page saved as
text is reduced to its text lines; files over ``max_bytes`` are quarantined as ``too_large``.
"""
from __future__ import annotations

import codecs
import hashlib
import logging
import os
import re
import stat
import threading
import unicodedata
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

from tasks import encodings as enc
from tasks.model import Quarantined, RawPage, SourceFile

log = logging.getLogger("bantin.ingest")

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
READ_CHUNK = 1 << 20

# Reason codes a Quarantined from this stage can carry.
REASONS = ("empty", "blank", "binary", "undecodable", "too_large", "unreadable", "vanished")

# A legacy candidate must score at least this (share of non-ASCII words that are Vietnamese
# syllables) over at least LEGACY_MIN_UNITS words to be accepted; mojibake scores ~0.05-0.5.
LEGACY_ACCEPT = 0.8
LEGACY_MIN_UNITS = 2
# If some legacy candidate scores at least this, the bytes look like Vietnamese in a table we
# cannot read cleanly: we refuse rather than let a general detector return mojibake.
LEGACY_SUSPECT = 0.4
SAMPLE_BYTES = 256 * 1024


class DecodeRejected(Exception):
    """decode_bytes could not turn the bytes into trustworthy text."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


# =========================================================================== discovery
def _rel_name(name: str) -> str:
    # Names that are not valid UTF-8 (surrogate-escaped by os) would break every writer
    # downstream; show their bytes as \xNN in rel_path (path keeps the real name).
    if name.isascii():
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _rel(parts: list[str]) -> str:
    return "/".join(map(_rel_name, parts))


def discover_with_problems(input_dir: Path | str) -> tuple[list[SourceFile], list[Quarantined]]:
    """Every regular, non-hidden file under input_dir (sorted by rel_path), plus the paths that
    could not be looked at (unreadable directories, dangling symlinks, failed stat) as
    ``Quarantined(reason="unreadable")``.

    Symlinked directories are never followed (no loops, no escaping the input folder);
    symlinks to regular files are. Raises FileNotFoundError / NotADirectoryError /
    PermissionError only for input_dir itself."""
    root = os.fspath(input_dir)
    st = os.stat(root)   # FileNotFoundError if missing (follows a symlinked root on purpose)
    if not stat.S_ISDIR(st.st_mode):
        raise NotADirectoryError(f"input is not a directory: {root}")
    files: list[SourceFile] = []
    problems: list[Quarantined] = []
    stack: list[tuple[str, list[str]]] = [(root, [])]
    first = True
    while stack:
        dirpath, parts = stack.pop()
        try:
            with os.scandir(dirpath) as it:
                entries = list(it)
        except OSError as e:
            if first:
                raise
            problems.append(Quarantined(_rel(parts), None, "unreadable",
                                        f"directory cannot be listed: {e.strerror or e}"))
            log.warning("unreadable directory %s: %s", dirpath, e)
            continue
        finally:
            first = False
        prefix = _rel(parts) + "/" if parts else ""
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, parts + [name]))
                    continue
                if entry.is_symlink():
                    try:
                        target = os.stat(entry.path)
                    except OSError as e:
                        problems.append(Quarantined(prefix + _rel_name(name), None, "unreadable",
                                                    f"dangling symlink: {e.strerror or e}"))
                        continue
                    if stat.S_ISDIR(target.st_mode):
                        log.info("not following symlinked directory %s", entry.path)
                        continue
                    st_e = target
                else:
                    st_e = entry.stat(follow_symlinks=False)
                if not stat.S_ISREG(st_e.st_mode):
                    log.info("skipping non-regular file %s", entry.path)
                    continue
            except OSError as e:
                problems.append(Quarantined(prefix + _rel_name(name), None, "unreadable",
                                            f"cannot stat: {e.strerror or e}"))
                continue
            files.append(SourceFile(entry.path, prefix + _rel_name(name), st_e.st_size, st_e.st_mtime))
    files.sort(key=lambda f: f.rel_path)
    problems.sort(key=lambda q: q.rel_path)
    return files, problems


_listings_ahead: dict[str, Future] = {}


@contextmanager
def listing_ahead(input_dir: Path | str):
    """Start ``discover_with_problems(input_dir)`` in a background thread now. Within the block,
    the first ``take_listing_ahead(input_dir)`` returns its result (or raises what it raised).

    `bantin run` lists while the temporary Prefect server starts (4-5 s on 2 cores), which
    would otherwise be idle time before the flow's own discovery: most of a rerun that finds
    nothing new. On leaving the block an untaken listing is dropped, so no later run in the
    same process can take a stale one."""
    key = os.path.abspath(input_dir)
    pending: Future = Future()

    def work() -> None:
        try:
            pending.set_result(discover_with_problems(input_dir))
        except BaseException as exc:  # handed to the taker, raised there
            pending.set_exception(exc)

    _listings_ahead[key] = pending
    threading.Thread(target=work, name="list-input-ahead", daemon=True).start()
    try:
        yield
    finally:
        _listings_ahead.pop(key, None)


def take_listing_ahead(input_dir: Path | str) -> tuple[list[SourceFile], list[Quarantined]] | None:
    """The listing started by ``listing_ahead`` for this folder (waiting for it), or None."""
    pending = _listings_ahead.pop(os.path.abspath(input_dir), None)
    return None if pending is None else pending.result()


def discover(input_dir: Path | str) -> Iterator[SourceFile]:
    """Regular, non-hidden files under input_dir, sorted by rel_path ("/" separators).
    Raises at call time if input_dir is missing / not a directory. Problems found on the way
    are logged; use discover_with_problems to quarantine them."""
    files, problems = discover_with_problems(input_dir)
    for q in problems:
        log.warning("not ingested: %s (%s: %s)", q.rel_path, q.reason, q.detail)
    return iter(files)


# =========================================================================== binary sniffing
_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"PK\x03\x04", "zip archive (zip/docx/xlsx/odt/epub)"),
    (b"PK\x05\x06", "zip archive (empty)"),
    (b"PK\x07\x08", "zip archive (spanned)"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"BZh", "bzip2 archive"),          # checked further below
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 document (doc/xls/ppt)"),
    (b"\x7fELF", "ELF executable"),
    (b"\xca\xfe\xba\xbe", "Mach-O/Java class"),
    (b"\x00asm", "WebAssembly"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "ICO image"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"ID3", "MP3 audio"),
    (b"\x1a\x45\xdf\xa3", "Matroska/WebM media"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"PAR1", "Parquet file"),
]
_BOMS: list[tuple[bytes, str, str]] = [
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
]
# Bytes that do not occur in text: C0 controls except \t \n \v \f \r and ESC, plus DEL.
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_TEXT_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
BINARY_CONTROL_SHARE = 0.10


# most files are text: one look at the first byte rules out every signature
_MAGIC_FIRST_BYTES = frozenset(sig[0] for sig, _ in _MAGIC)


def _magic(data: bytes) -> str | None:
    if data and data[0] in _MAGIC_FIRST_BYTES:
        for sig, what in _MAGIC:
            if data.startswith(sig):
                if sig == b"BZh" and not (len(data) > 9 and data[3:4].isdigit()
                                          and data[4:10] == b"1AY&SY"):
                    continue
                if sig == b"ID3" and not (len(data) > 10 and data[3] < 10):
                    continue
                if sig == b"\x00\x00\x01\x00" and len(data) < 22:
                    continue
                return what
    if data[4:8] == b"ftyp":
        return "MP4/ISO media"
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return f"RIFF {data[8:12].decode().strip()} media"
    return None


def _control_share(data: bytes) -> float:
    # bytes.translate with a delete table runs in C: cheap even for 64 MiB.
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / len(data)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[: SAMPLE_BYTES & ~1]
    half = len(sample) // 2
    if half < 2 or b"\x00" not in sample:    # both readings below need NUL bytes
        return None
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if odd >= 0.3 and even <= 0.05:
        return "utf-16-le"
    if even >= 0.3 and odd <= 0.05:
        return "utf-16-be"
    return None


# =========================================================================== decoding
def _cp1252_fallback(err: UnicodeDecodeError):
    bad = err.object[err.start:err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error("bantin-cp1252", _cp1252_fallback)


def _strict(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        raise DecodeRejected("undecodable", f"not valid {label} at byte {e.start}: {e.reason}") from None


def _try_utf8(data: bytes) -> tuple[str, str] | None:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        first_bad = e.start
    # A file cut inside its last character (truncated download): keep the complete text.
    if first_bad >= len(data) - 3:
        dec = codecs.getincrementaldecoder("utf-8")()
        try:
            text = dec.decode(data, final=False)
        except UnicodeDecodeError:
            text = None
        if text is not None:
            log.warning("utf-8 input ends inside a character; dropped %d trailing byte(s)",
                        len(data) - len(text.encode("utf-8")))
            return text, "utf-8"
    # Mostly UTF-8 with a few stray Windows-1252 bytes (smart quotes pasted in): keep the
    # UTF-8 and read the stray bytes as Windows-1252; the encoding string says so.
    def counts(b: bytes) -> tuple[int, int]:
        replaced = b.decode("utf-8", errors="replace")
        bad = replaced.count("\ufffd") - b.count(b"\xef\xbf\xbd")
        non_ascii = len(replaced) - len(replaced.encode("ascii", "ignore"))
        return bad, non_ascii - bad

    def mostly_utf8(bad: int, multibyte: int) -> bool:
        return bad > 0 and multibyte >= 8 and bad <= max(2, multibyte // 200)

    if len(data) > SAMPLE_BYTES:
        bad, multibyte = counts(data[:SAMPLE_BYTES])
        if bad > max(2, multibyte // 200):
            return None                  # clearly not UTF-8: skip the full pass
    bad, multibyte = counts(data)
    if mostly_utf8(bad, multibyte):
        log.warning("utf-8 input has %d invalid byte(s), read as windows-1252", bad)
        return data.decode("utf-8", errors="bantin-cp1252"), "utf-8+windows-1252"
    return None


def _latin1_fallback(err: UnicodeEncodeError):
    bad = err.object[err.start:err.end]
    if all(ord(c) < 0x100 for c in bad):
        return bad.encode("latin-1"), err.end
    raise err


codecs.register_error("bantin-latin1", _latin1_fallback)
# UTF-8 lead byte + continuation byte, both read as Windows-1252: "Ä‘" (đ), "áº£" (ả), "Ã¡" (á).
_DOUBLE_UTF8 = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


# The same pairs in the UTF-8 bytes of the text: a lead character is C3 82..C3 B4, and every
# continuation character's UTF-8 form starts with one of C2 C5 C6 CB E2. Matches start at a
# character (C3 is never a continuation byte), so the bytes hold at least as many matches as the
# text: fewer than 3 here rules out 3 in the text, at a fraction of the cost of the text scan.
_DOUBLE_UTF8_BYTES = re.compile(rb"\xc3[\x82-\xb4][\xc2\xc5\xc6\xcb\xe2]")


def _undo_double_utf8(text: str, encoding: str, data: bytes | None = None) -> tuple[str, str]:
    """Valid UTF-8 whose text is itself UTF-8 bytes read as Windows-1252 ("Ä‘áº£ng" for
    "đảng"): undo it when that gives clean Vietnamese, since the repair is exact.
    data: the bytes text was decoded from as plain UTF-8, for a cheap pre-check."""
    if data is not None and encoding == "utf-8" and len(_DOUBLE_UTF8_BYTES.findall(data)) < 3:
        return text, encoding
    sample = text[:SAMPLE_BYTES]
    if len(_DOUBLE_UTF8.findall(sample)) < 3:
        return text, encoding
    try:
        fixed_sample = sample.encode("cp1252", errors="bantin-latin1").decode("utf-8", errors="ignore")
    except UnicodeEncodeError:
        return text, encoding            # holds characters no Windows-1252 reading produces
    before, _ = enc.vietnamese_score(sample)
    after, units = enc.vietnamese_score(fixed_sample)
    if not (after >= LEGACY_ACCEPT and after > before and units >= LEGACY_MIN_UNITS):
        return text, encoding
    try:
        fixed = text.encode("cp1252", errors="bantin-latin1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError) as e:
        raise DecodeRejected("undecodable", "double-encoded UTF-8 (mojibake) that cannot be "
                             f"repaired exactly: {e.reason}") from None
    log.warning("double-encoded UTF-8 (UTF-8 read as windows-1252, saved as UTF-8): repaired")
    return fixed, "utf-8+double-encoded"


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_LEGACY = (
    ("windows-1258", enc.decode_cp1258),
    ("tcvn3", enc.decode_tcvn3),
    ("vni", enc.decode_vni),
)


def _legacy(data: bytes) -> tuple[tuple[str, str] | None, float, str]:
    """Best legacy Vietnamese decoding, scored on a sample; (result or None, best score, detail)."""
    sample = data[:SAMPLE_BYTES]
    scored = []
    for name, fn in _LEGACY:
        score, units = enc.vietnamese_score(fn(sample))
        scored.append((score, units, name, fn))
    scored.sort(key=lambda s: -s[0])        # stable: ties keep the order above
    detail = ", ".join(f"{n}={s:.2f}/{u}" for s, u, n, _ in scored)
    score, units, name, fn = scored[0]
    if score >= LEGACY_ACCEPT and units >= LEGACY_MIN_UNITS:
        text = fn(data) if len(data) > SAMPLE_BYTES else fn(sample)
        return (text, name), score, detail
    best_suspect = max((s for s, u, _, _ in scored if u >= 3), default=0.0)
    return None, best_suspect, detail


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:     # pragma: no cover - it is a declared dependency
        return None
    best = from_bytes(data[: 4 * SAMPLE_BYTES]).best()
    if best is None or best.chaos > 0.2:
        return None
    name = best.encoding
    try:
        text = data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None
    if _control_share_text(text) > 0.01:
        return None
    return text, name.replace("_", "-")


def _control_share_text(text: str) -> float:
    sample = text[:SAMPLE_BYTES]
    if not sample:
        return 0.0
    n = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\x0b\x0c\x00")
    return n / len(sample)


def _decode(data: bytes) -> tuple[str, str]:
    if not data:
        raise DecodeRejected("empty", "0 bytes")
    what = _magic(data)
    if what:
        raise DecodeRejected("binary", f"{what} (magic number {data[:8].hex()})")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], codec, label), label
    u16 = _utf16_without_bom(data)
    if u16:
        try:
            text = data.decode(u16)
        except UnicodeDecodeError:
            text = None
        if text is not None and _control_share_text(text) < 0.01:
            return text, u16
    # Trailing NUL padding (preallocated file, crashed writer) is not evidence of binary.
    body = data.rstrip(b"\x00")
    if not body:
        raise DecodeRejected("binary", f"{len(data)} NUL bytes and nothing else")
    share = _control_share(body)
    if share > BINARY_CONTROL_SHARE:
        raise DecodeRejected("binary", f"{share:.0%} control bytes")
    del body
    got = _try_utf8(data)
    if got:
        return _undo_double_utf8(*got, data=data)
    m = _META_CHARSET.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii").lower()
        try:
            codecs.lookup(declared)
        except LookupError:
            declared = ""
        if declared and codecs.lookup(declared).name not in ("utf-8", "cp1258"):
            try:
                text = data.decode(declared)
                if enc.vietnamese_score(text[:SAMPLE_BYTES])[0] >= LEGACY_ACCEPT:
                    return text, declared
            except UnicodeDecodeError:
                pass
    got, suspect, detail = _legacy(data)
    if got:
        return got
    if suspect >= LEGACY_SUSPECT:
        raise DecodeRejected(
            "undecodable", f"looks like Vietnamese but no encoding reads it cleanly ({detail})")
    got = _charset_normalizer(data)
    if got:
        return got
    raise DecodeRejected("undecodable", f"no encoding gives plausible text ({detail})")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Detect the encoding of ``data`` and decode it: (NFC text, encoding name).

    Order: magic numbers (binary) -> BOM -> UTF-16 without BOM -> control-byte share (binary)
    -> strict UTF-8 -> <meta charset> -> Windows-1258 / TCVN3 / VNI scored for Vietnamese ->
    charset-normalizer. Raises DecodeRejected("empty" | "binary" | "undecodable", detail).
    A leading BOM is removed; line ends and NUL are left to read_source."""
    text, encoding = _decode(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text, encoding


# =========================================================================== HTML
_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>)",
    re.I | re.S,
)
_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl",
    "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "title", "tr",
    "ul", "option", "body", "html", "head", "tbody", "thead", "tfoot",
}
_CELL = {"td", "th"}
_DROP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "select"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}


def looks_like_html(text: str) -> bool:
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    low = head.lower()
    return ("<body" in low or "<html" in low) and len(re.findall(r"</?[a-z][^>]*>", low)) >= 5


_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.cur: list[str] = []
        self.drop = 0
        self.pre = 0

    def _flush(self) -> None:
        line = "".join(self.cur)
        if not self.pre:
            line = _HTML_SPACE.sub(" ", line).strip(" ")   # HTML collapses ASCII space only
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
    return p.text()   # convert_charrefs=True has already unescaped entities


# =========================================================================== normalisation
_BLANK = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]*")


def normalise_text(text: str, rel_path: str = "", *, is_nfc: bool = False) -> str:
    """Decoded text -> RawPage text: no BOM, no NUL, "\\n" line ends, HTML reduced to text, NFC.

    is_nfc: text is known to be NFC already (decode_bytes output); then only the steps that can
    break NFC (removing a NUL between a letter and its mark, HTML entities) lead to a new check."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        is_nfc = False
        n = text.count("\x00")
        log.warning("%s: stripped %d NUL character(s)", rel_path, n)
        text = text.replace("\x00", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n")      # str.replace: no per-match objects on 50 MB
        if "\r" in text:
            text = text.replace("\r", "\n")
    for sep in ("\x0b", "\x0c", "\u2028", "\u2029"):
        if sep in text:
            text = text.replace(sep, "\n")
    if "<" in text and looks_like_html(text):
        log.warning("%s: HTML page saved as text; reduced to its text lines", rel_path)
        text = html_to_text(text)
        is_nfc = False
    # replacing line separators by "\n" keeps NFC: all of them are starters that compose with nothing
    if not is_nfc and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


# =========================================================================== reading
def _open_readonly(path: str) -> int:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    noatime = getattr(os, "O_NOATIME", 0)
    if noatime:
        try:
            return os.open(path, flags | noatime)   # do not even touch the access time
        except PermissionError:
            pass                                     # O_NOATIME needs ownership; plain open
    return os.open(path, flags)


def _read_all(fd: int, limit: int, size_hint: int) -> bytearray:
    """Up to ``limit`` bytes, read into one buffer sized from fstat (no second copy); a file
    that grew after fstat is still read, and still bounded by ``limit``."""
    buf = bytearray(max(1, min(size_hint + 1, limit)))
    view = memoryview(buf)
    n = 0
    with os.fdopen(os.dup(fd), "rb", buffering=0) as f:
        while n < len(buf):
            got = f.readinto(view[n:])
            if not got:
                break
            n += got
        view.release()
        if n == len(buf) and n < limit:            # grew since fstat: read the rest
            while n < limit:
                more = os.read(fd, min(READ_CHUNK * 16, limit - n))
                if not more:
                    break
                buf += more
                n += len(more)
    del buf[n:]
    return buf


def _hash_rest(fd: int, h) -> int:
    n = 0
    while True:
        b = os.read(fd, READ_CHUNK)
        if not b:
            return n
        h.update(b)
        n += len(b)


def read_source(sf: SourceFile, *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawPage | Quarantined:
    """Read one discovered file and turn it into a RawPage, or a Quarantined with a reason.
    Never raises for anything about the file; the input is opened read-only and never changed.
    If the file changed since discovery, the current bytes are read (sha256 is of them)."""
    rel = sf.rel_path
    try:
        fd = _open_readonly(sf.path)
    except FileNotFoundError:
        return Quarantined(rel, None, "vanished", "file disappeared before it could be read")
    except OSError as e:
        return Quarantined(rel, None, "unreadable", f"{type(e).__name__}: {e.strerror or e}")
    try:
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                return Quarantined(rel, None, "unreadable", "not a regular file any more")
            data = _read_all(fd, max_bytes + 1, st.st_size)
            if len(data) > max_bytes:
                h = hashlib.sha256(data)
                del data
                size = max_bytes + 1 + _hash_rest(fd, h)
                return Quarantined(rel, h.hexdigest(), "too_large",
                                   f"{size} bytes > limit {max_bytes}")
        except OSError as e:
            return Quarantined(rel, None, "unreadable", f"{type(e).__name__}: {e.strerror or e}")
    finally:
        os.close(fd)
    return page_from_bytes(rel, data)


def page_from_bytes(rel_path: str, data: bytes | bytearray) -> RawPage | Quarantined:
    """The pure part of read_source: raw bytes -> RawPage | Quarantined."""
    sha = hashlib.sha256(data).hexdigest()
    if not data:
        return Quarantined(rel_path, sha, "empty", "0 bytes")
    try:
        text, encoding = decode_bytes(data)
    except DecodeRejected as e:
        return Quarantined(rel_path, sha, e.reason, e.detail)
    except Exception as e:   # never raise for a file: a bug here quarantines, loudly
        log.exception("%s: decoder failed", rel_path)
        return Quarantined(rel_path, sha, "undecodable", f"decoder error: {type(e).__name__}: {e}")
    try:
        text = normalise_text(text, rel_path, is_nfc=True)
    except Exception as e:
        log.exception("%s: normalisation failed", rel_path)
        return Quarantined(rel_path, sha, "undecodable", f"normalise error: {type(e).__name__}: {e}",
                           encoding)
    if _BLANK.fullmatch(text):
        return Quarantined(rel_path, sha, "blank", f"{len(data)} bytes of whitespace only", encoding)
    return RawPage(rel_path=rel_path, sha256=sha, encoding=encoding, text=text)
