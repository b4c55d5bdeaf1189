"""Bytes -> (NFC text, encoding name): an ordered list of named steps, tried in turn.

Each step looks at the bytes and either decodes them (returns (text, encoding), which ends the
search), rejects them (raises DecodeRejected), or passes (returns None). The order is the
decision: see DECODE_STEPS and docs/ingest.md.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from tasks import encodings as enc
from tasks.ingest import sniff
from tasks.ingest.legacy import LEGACY_ACCEPT, LEGACY_SUSPECT, best_legacy_reading
from tasks.ingest.rejected import DecodeRejected
from tasks.ingest.sniff import SAMPLE_BYTES
from tasks.ingest.utf8 import read_utf8, undo_double_utf8

Decoded = tuple[str, str]  # (text, encoding name as recorded on the RawPage)


@dataclass(slots=True)
class _Attempt:
    """The bytes being decoded, and what earlier steps found that a later one reports."""

    data: bytes | bytearray
    legacy_scores: str = ""  # set by the legacy step, quoted when nothing fits


@dataclass(frozen=True)
class DecodeStep:
    name: str
    run: Callable[[_Attempt], Decoded | None]


def _reject_empty(a: _Attempt) -> None:
    if not a.data:
        raise DecodeRejected("empty", "0 bytes")


def _reject_binary_signature(a: _Attempt) -> None:
    what = sniff.binary_signature(a.data)
    if what:
        raise DecodeRejected("binary", f"{what} (magic number {a.data[:8].hex()})")


def _decode_after_bom(a: _Attempt) -> Decoded | None:
    for bom, codec, label in sniff.BOMS:
        if a.data.startswith(bom):
            try:
                return a.data[len(bom) :].decode(codec), label
            except UnicodeDecodeError as e:
                raise DecodeRejected(
                    "undecodable", f"not valid {label} at byte {e.start}: {e.reason}"
                ) from None
    return None


def _decode_utf16_without_bom(a: _Attempt) -> Decoded | None:
    codec = sniff.utf16_without_bom(a.data)
    if not codec:
        return None
    try:
        text = a.data.decode(codec)
    except UnicodeDecodeError:
        return None
    return (text, codec) if sniff.control_char_share(text) < 0.01 else None


def _reject_control_bytes(a: _Attempt) -> None:
    # Trailing NUL padding (preallocated file, crashed writer) is not evidence of binary.
    body = a.data.rstrip(b"\x00")
    if not body:
        raise DecodeRejected("binary", f"{len(a.data)} NUL bytes and nothing else")
    share = sniff.control_byte_share(body)
    if share > sniff.BINARY_CONTROL_SHARE:
        raise DecodeRejected("binary", f"{share:.0%} control bytes")


def _decode_utf8(a: _Attempt) -> Decoded | None:
    got = read_utf8(a.data)
    return None if got is None else undo_double_utf8(*got, data=a.data)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _decode_meta_charset(a: _Attempt) -> Decoded | None:
    """The charset an HTML page declares, if Python knows it and the text reads as Vietnamese
    (UTF-8 has had its step; a declared Windows-1258 is left to the legacy step's NFC)."""
    m = _META_CHARSET.search(a.data[:4096])
    if not m:
        return None
    declared = m.group(1).decode("ascii").lower()
    try:
        if codecs.lookup(declared).name in ("utf-8", "cp1258"):
            return None
    except LookupError:
        return None
    try:
        text = a.data.decode(declared)
    except UnicodeDecodeError:
        return None
    return (text, declared) if enc.vietnamese_score(text[:SAMPLE_BYTES])[0] >= LEGACY_ACCEPT else None


def _decode_legacy_vietnamese(a: _Attempt) -> Decoded | None:
    verdict = best_legacy_reading(a.data)
    a.legacy_scores = verdict.scores
    if verdict.decoded:
        return verdict.decoded
    if verdict.best_suspect >= LEGACY_SUSPECT:
        raise DecodeRejected(
            "undecodable", f"looks like Vietnamese but no encoding reads it cleanly ({verdict.scores})"
        )
    return None


def _decode_charset_normalizer(a: _Attempt) -> Decoded | None:
    from charset_normalizer import from_bytes  # a declared dependency; imported when needed

    best = from_bytes(a.data[: 4 * SAMPLE_BYTES]).best()
    if best is None or best.chaos > 0.2:
        return None
    name = best.encoding
    try:
        text = a.data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None
    if sniff.control_char_share(text) > 0.01:
        return None
    return text, name.replace("_", "-")


DECODE_STEPS: tuple[DecodeStep, ...] = (
    DecodeStep("empty", _reject_empty),
    DecodeStep("binary-signature", _reject_binary_signature),
    DecodeStep("bom", _decode_after_bom),
    DecodeStep("utf-16-without-bom", _decode_utf16_without_bom),
    DecodeStep("control-bytes", _reject_control_bytes),
    DecodeStep("utf-8", _decode_utf8),
    DecodeStep("meta-charset", _decode_meta_charset),
    DecodeStep("legacy-vietnamese", _decode_legacy_vietnamese),
    DecodeStep("charset-normalizer", _decode_charset_normalizer),
)


def decode_steps(data: bytes | bytearray) -> tuple[str, str, str]:
    """(text, encoding, name of the step that decoded it); raises DecodeRejected."""
    attempt = _Attempt(data)
    for step in DECODE_STEPS:
        got = step.run(attempt)
        if got is not None:
            return got[0], got[1], step.name
    raise DecodeRejected("undecodable", f"no encoding gives plausible text ({attempt.legacy_scores})")


def decode_bytes(data: bytes | bytearray) -> tuple[str, str]:
    """Detect the encoding of ``data`` and decode it: (NFC text, encoding name).

    Tries DECODE_STEPS in order. Raises DecodeRejected("empty" | "binary" | "undecodable",
    detail). A leading BOM is removed; line ends and NUL are left to read_source."""
    text, encoding, _step = decode_steps(data)
    text = text.removeprefix("\ufeff")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text, encoding
