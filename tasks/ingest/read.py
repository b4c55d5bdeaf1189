"""Reading one discovered file into the record the pipeline takes: RawPage or Quarantined.

read_source opens and reads (bounded, read-only); page_from_bytes is the pure rest: sha256,
decode (tasks.ingest.decode), normalise (tasks.ingest.normalise), blank check.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat

from tasks.ingest.decode import decode_bytes
from tasks.ingest.normalise import is_blank, normalise_text
from tasks.ingest.rejected import DecodeRejected
from tasks.records import Quarantined, RawPage, SourceFile

log = logging.getLogger("bantin.ingest")

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
READ_CHUNK = 1 << 20


def _open_readonly(path: str) -> int:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    noatime = getattr(os, "O_NOATIME", 0)
    if noatime:
        try:
            return os.open(path, flags | noatime)  # do not even touch the access time
        except PermissionError:
            pass  # O_NOATIME needs ownership; plain open
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
        if n == len(buf) and n < limit:  # grew since fstat: read the rest
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


def _unreadable(rel: str, e: OSError) -> Quarantined:
    return Quarantined(rel, None, "unreadable", f"{type(e).__name__}: {e.strerror or e}")


def _read_bounded(fd: int, rel: str, max_bytes: int) -> bytearray | Quarantined:
    """The open file's bytes, or why not: no longer a regular file, or over ``max_bytes``
    (then its sha256 is still computed by streaming the rest)."""
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        return Quarantined(rel, None, "unreadable", "not a regular file any more")
    data = _read_all(fd, max_bytes + 1, st.st_size)
    if len(data) <= max_bytes:
        return data
    h = hashlib.sha256(data)
    del data
    size = max_bytes + 1 + _hash_rest(fd, h)
    return Quarantined(rel, h.hexdigest(), "too_large", f"{size} bytes > limit {max_bytes}")


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
        return _unreadable(rel, e)
    try:
        data = _read_bounded(fd, rel, max_bytes)
    except OSError as e:
        return _unreadable(rel, e)
    finally:
        os.close(fd)
    if isinstance(data, Quarantined):
        return data
    return page_from_bytes(rel, data, host=sf.host, url=sf.url)


def page_from_bytes(
    rel_path: str, data: bytes | bytearray, *, host: str | None = None, url: str | None = None
) -> RawPage | Quarantined:
    """The pure part of read_source: raw bytes -> RawPage | Quarantined. host, url: where the
    page was crawled from (discovery's SourceFile), carried on the RawPage."""
    sha = hashlib.sha256(data).hexdigest()
    if not data:
        return Quarantined(rel_path, sha, "empty", "0 bytes")
    try:
        text, encoding = decode_bytes(data)
    except DecodeRejected as e:
        return Quarantined(rel_path, sha, e.reason, e.detail)
    except Exception as e:  # never raise for a file: a bug here quarantines, loudly
        log.exception("%s: decoder failed", rel_path)
        return Quarantined(rel_path, sha, "undecodable", f"decoder error: {type(e).__name__}: {e}")
    try:
        text = normalise_text(text, rel_path, is_nfc=True)
    except Exception as e:
        log.exception("%s: normalisation failed", rel_path)
        return Quarantined(
            rel_path, sha, "undecodable", f"normalise error: {type(e).__name__}: {e}", encoding
        )
    if is_blank(text):
        return Quarantined(rel_path, sha, "blank", f"{len(data)} bytes of whitespace only", encoding)
    return RawPage(
        rel_path=rel_path, sha256=sha, encoding=encoding, text=text, source_host=host, source_url=url
    )
