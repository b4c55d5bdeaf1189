"""Legacy Vietnamese encodings (TCVN3, VNI, Windows-1258) and a Vietnamese plausibility score.

Python has a codec for Windows-1258 (``cp1258``) but none for TCVN3 (ABC) or VNI-Windows; their
tables live beside this file as data (``tcvn3.txt``, ``vni.txt``) and are turned into decoders
here. The encoders exist so that tests (and anyone) can make legacy files from Unicode text.

``vietnamese_score`` rates a decoded text by the share of its non-ASCII words that are real
Vietnamese syllables (``vi_syllables.txt``, derived from the seeds and the shared corpus by
``build_syllables.py``): mojibake scores near 0, real Vietnamese near 1.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from pathlib import Path

_HERE = Path(__file__).resolve().parent
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
_UNDEFINED = "\ufffe"  # "undefined" in a charmap decoding table


def _data_lines(name: str) -> list[list[str]]:
    out = []
    for line in (_HERE / name).read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


# --------------------------------------------------------------------------- Windows-1252 base
def _cp1252_char(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return _UNDEFINED


# --------------------------------------------------------------------------- TCVN3
@functools.lru_cache(maxsize=1)
def _tcvn3_tables() -> tuple[str, dict[str, int]]:
    table = [chr(i) for i in range(0x80)] + [_cp1252_char(b) for b in range(0x80, 0xA1)]
    table += [_UNDEFINED] * (0x100 - 0xA1)
    enc: dict[str, int] = {}
    for row in _data_lines("tcvn3.txt"):
        b, ch = int(row[0], 16), row[1]
        table[b] = ch
        enc[ch] = b
    return "".join(table), enc


# Candidates only (the callbacks decide): words / lines without any ASCII lower-case letter.
_CAPS_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_a-z]{2,}(?![^\W\d_])")
_CAPS_LINE = re.compile(r"^[^a-z\n]*[A-Z][^a-z\n]*$", re.M)


def _tcvn3_caps(m: re.Match) -> str:
    w = m.group(0)
    # VN3 has no capital toned letters: capitals were set in the .VnTimeH fonts over the
    # lower-case codes. A word with >= 2 capitals and no ASCII lower-case letter was written
    # in capitals ("§¶NG" -> "ĐảNG" -> "ĐẢNG").
    if sum(c.isupper() for c in w) >= 2:
        return w.upper()
    return w


def _tcvn3_caps_line(m: re.Match) -> str:
    line = m.group(0)
    # A line with capitals and no ASCII lower-case letter was set in capitals throughout.
    if sum("A" <= c <= "Z" for c in line) >= 3:
        return line.upper()
    return line


def decode_tcvn3(data: bytes | bytearray) -> str:
    table, _ = _tcvn3_tables()
    text, _n = codecs.charmap_decode(data, "replace", table)
    return _CAPS_WORD.sub(_tcvn3_caps, _CAPS_LINE.sub(_tcvn3_caps_line, text))


def encode_tcvn3(text: str) -> bytes:
    """NFC text -> TCVN3 bytes. Capital toned letters take the lower-case code (capital-font
    convention); characters outside TCVN3 + Windows-1252 raise UnicodeEncodeError."""
    _, enc = _tcvn3_tables()
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in enc:
            out.append(enc[ch])
        elif ch.lower() in enc and ch.lower() != ch:
            out.append(enc[ch.lower()])
        elif ord(ch) < 0x80:
            out.append(ord(ch))
        else:
            b = ch.encode("cp1252")  # raises for characters VN3 cannot hold
            if b[0] >= 0xA1:
                raise UnicodeEncodeError("tcvn3", ch, 0, 1, "not in TCVN3")
            out += b
    return bytes(out)


# --------------------------------------------------------------------------- VNI
@functools.lru_cache(maxsize=1)
def _vni_tables() -> tuple[dict[str, str], re.Pattern, dict[str, str], frozenset[str]]:
    dec: dict[str, str] = {}
    enc: dict[str, str] = {}
    for row in _data_lines("vni.txt"):
        seq = bytes(int(h, 16) for h in row[0].split()).decode("cp1252")
        ch = row[1]
        dec[seq] = ch
        enc[ch] = seq
    pairs = {k: v for k, v in dec.items() if len(k) == 2}
    singles = {k: v for k, v in dec.items() if len(k) == 1}
    bases = {k[0] for k in pairs} | {k[0].swapcase() for k in pairs}
    marks = {k[1] for k in pairs} | {k[1].swapcase() for k in pairs}
    # Complete the pair table so the regex callback is a plain lookup: a mark byte of either
    # case after a base of either case (the base decides the case); a base + mark that VNI
    # does not define stays as it is (the base itself may be a single-byte letter: ô = ơ).
    full = dict(singles)
    for base in bases:
        for mark in marks:
            seq = base + mark
            if seq in pairs:
                full[seq] = pairs[seq]
            else:
                alt = pairs.get(base.lower() + mark.lower()) or pairs.get(base.upper() + mark.upper())
                if alt:
                    full[seq] = alt.upper() if base.isupper() else alt.lower()
                else:
                    full[seq] = singles.get(base, base) + mark
    cls = lambda chars: "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"  # noqa: E731
    pattern = re.compile(f"{cls(bases)}{cls(marks)}|{cls(singles)}")
    return full, pattern, enc, frozenset(marks)


_CHUNK = 1 << 20


def decode_vni(data: bytes | bytearray) -> str:
    dec, pattern, _, marks = _vni_tables()
    text = data.decode("cp1252", errors="replace")
    repl = lambda m: dec[m.group(0)]  # noqa: E731
    if len(text) <= _CHUNK:
        return pattern.sub(repl, text)
    # Chunked so that a 50 MB file does not build one huge list of pieces.
    out, i = [], 0
    while i < len(text):
        j = min(i + _CHUNK, len(text))
        while j < len(text) and text[j] in marks:  # never cut between a base and its mark
            j += 1
        out.append(pattern.sub(repl, text[i:j]))
        i = j
    return "".join(out)


def encode_vni(text: str) -> bytes:
    _, _, enc, _ = _vni_tables()
    return "".join(enc.get(ch, ch) for ch in unicodedata.normalize("NFC", text)).encode("cp1252")


# --------------------------------------------------------------------------- Windows-1258
_CP1258_TONES = set(TONE_MARKS)


def decode_cp1258(data: bytes | bytearray) -> str:
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


def encode_cp1258(text: str) -> bytes:
    """Unicode -> Windows-1258 the way Windows writes it: base letter (with its circumflex,
    breve or horn precomposed) followed by a combining tone mark."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        d = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in d if c in _CP1258_TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _CP1258_TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


# --------------------------------------------------------------------------- plausibility
def _toneless(token: str) -> tuple[str, int]:
    d = unicodedata.normalize("NFD", token)
    n = sum(1 for c in d if c in TONE_MARKS)
    return unicodedata.normalize("NFC", "".join(c for c in d if c not in TONE_MARKS)), n


@functools.lru_cache(maxsize=1)
def syllables() -> tuple[frozenset[str], frozenset[str]]:
    """(known syllables, their toneless forms)."""
    words = [r[0] for r in _data_lines("vi_syllables.txt")]
    return frozenset(words), frozenset(_toneless(w)[0] for w in words)


_TOKEN = re.compile(r"[^\W\d_]+")
# Non-ASCII, non-letter characters that honest Vietnamese text uses.
_OK_SYMBOLS = set("“”‘’–—…•·«»°×÷€£¥§©®™±²³¼½¾\u00a0\u200b\ufeff")


def is_vietnamese_syllable(token: str) -> bool:
    return _is_syllable(token.lower())


@functools.lru_cache(maxsize=1 << 16)
def _is_syllable(t: str) -> bool:
    known, toneless = syllables()
    if t in known:
        return True
    base, tones = _toneless(t)
    return tones <= 1 and base in toneless


def vietnamese_score(text: str) -> tuple[float, int]:
    """(share of non-ASCII words that are Vietnamese syllables, number of units judged).

    Units are the words holding a non-ASCII character, plus every stray non-ASCII symbol,
    control character or replacement character (typical of a wrong legacy table)."""
    good = bad = 0
    for tok in _TOKEN.findall(text):
        if tok.isascii():
            continue
        if is_vietnamese_syllable(tok):
            good += 1
        else:
            bad += 1
    for ch in text:
        if ch >= "\x80" and not ch.isalpha() and not ch.isspace() and ch not in _OK_SYMBOLS:
            cat = unicodedata.category(ch)
            if cat.startswith(("C", "S", "M")) or ch == "\ufffd":
                bad += 1
    n = good + bad
    return (good / n if n else 0.0), n
