"""Cross-page repetition counts, kept as 64-bit hashes of line keys.

A run counts, for every short line key (tasks.anatomy.chrome_key), how many distinct pages carry
it; a key on CHROME_MIN_PAGES or more pages is page chrome. At 100,000 pages there are millions
of distinct keys: as Python strings in a Counter they cost gigabytes and grow with the run, as
sorted int64 arrays they cost 16 bytes each and merge with numpy. The hash is stable across
processes and machines (blake2b, not Python's salted hash()), so Dask workers, the flow and the
warehouse's `chrome_lines` table agree. A 64-bit collision between two keys merely makes one rare
line count as repeated; at 10^7 keys its probability is ~10^-5.

Repetition is counted per host: a page whose host the input tells (tasks/ingest/origin.py) counts
its keys under `host_key(key, host)`, so a portal's menu is chrome on that portal, and a lead
paragraph syndicated to three portals is not chrome anywhere. Pages without a host are counted
together, under the bare key, as before hosts were known (old warehouses' counts stay valid).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from hashlib import blake2b

import numpy as np

# A line key seen on at least this many distinct pages is chrome (page furniture, not prose).
CHROME_MIN_PAGES = 3


def host_key(key: str, host: str | None) -> str:
    """The key a page's line is counted under: qualified by the page's host when it is known."""
    return f"{host}\x1f{key}" if host else key


def key_hash(key: str) -> int:
    """Signed 64-bit hash of a chrome key (fits DuckDB BIGINT and numpy int64)."""
    return int.from_bytes(blake2b(key.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


# read_anatomy asks the run's ChromeSet about every short line of every page, and chrome lines
# recur on thousands of pages: their hashes are cached (the scan hashes each key once per page
# through key_hash, uncached)
_member_hash = lru_cache(maxsize=1 << 15)(key_hash)


@dataclass
class KeyCounts:
    """Distinct-page counts per key hash: `hashes` sorted and unique, `pages` aligned."""

    hashes: np.ndarray
    pages: np.ndarray

    @classmethod
    def empty(cls) -> KeyCounts:
        return cls(np.empty(0, np.int64), np.empty(0, np.int64))

    @classmethod
    def from_page_hashes(cls, page_hashes: list[np.ndarray]) -> KeyCounts:
        """Each array holds one page's distinct key hashes."""
        if not page_hashes:
            return cls.empty()
        hashes, pages = np.unique(np.concatenate(page_hashes), return_counts=True)
        return cls(hashes, pages.astype(np.int64))

    def __len__(self) -> int:
        return len(self.hashes)


@dataclass
class PageKeys:
    """What a scan of some files saw: each distinct page (by content sha256) and its key hashes,
    flattened (page i owns hashes[offsets[i]:offsets[i + 1]]). Kept per page, not counted yet, so
    a page held by files in two different batches is still counted once for the run."""

    shas: list[str]
    offsets: np.ndarray
    hashes: np.ndarray

    @classmethod
    def of_pages(cls, pages: list[tuple[str, np.ndarray]]) -> PageKeys:
        sizes = np.fromiter((len(h) for _, h in pages), dtype=np.int64, count=len(pages))
        offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        hashes = np.concatenate([h for _, h in pages]) if pages else np.empty(0, np.int64)
        return cls([sha for sha, _ in pages], offsets, hashes.astype(np.int64, copy=False))


def count_pages(scans: list[PageKeys]) -> KeyCounts:
    """Distinct-page counts over scans, each page (sha256) counted once whatever batch saw it."""
    seen: set[str] = set()
    chunks: list[np.ndarray] = []
    for scan in scans:
        for i, sha in enumerate(scan.shas):
            if sha not in seen:
                seen.add(sha)
                chunks.append(scan.hashes[scan.offsets[i] : scan.offsets[i + 1]])
    return KeyCounts.from_page_hashes(chunks)


def merge_counts(parts: list[KeyCounts]) -> KeyCounts:
    parts = [p for p in parts if len(p)]
    if not parts:
        return KeyCounts.empty()
    hashes, inverse = np.unique(np.concatenate([p.hashes for p in parts]), return_inverse=True)
    pages = np.bincount(inverse, weights=np.concatenate([p.pages for p in parts]))
    return KeyCounts(hashes, pages.astype(np.int64))


def at_least(counts: KeyCounts, min_pages: int) -> KeyCounts:
    keep = counts.pages >= min_pages
    return KeyCounts(counts.hashes[keep], counts.pages[keep])


class ChromeSet:
    """The chrome keys of a run: `key in chrome` tests a key string by its hash.

    Behaves like the frozenset[str] read_anatomy accepts (`in`, `len`, truthiness) and pickles
    small (one int per key), so it ships cheaply to Dask workers."""

    __slots__ = ("_hashes",)

    def __init__(self, hashes):
        self._hashes = frozenset(int(h) for h in hashes)

    @classmethod
    def from_counts(cls, counts: KeyCounts, min_pages: int = CHROME_MIN_PAGES) -> ChromeSet:
        return cls(at_least(counts, min_pages).hashes.tolist())

    @classmethod
    def of_keys(cls, keys) -> ChromeSet:
        return cls(key_hash(k) for k in keys)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and _member_hash(key) in self._hashes

    def for_host(self, host: str | None) -> ChromeSet | HostChrome:
        """The chrome keys of one host's pages (of pages without a host for None)."""
        return HostChrome(self._hashes, host) if host else self

    def __len__(self) -> int:
        return len(self._hashes)

    def __reduce__(self):
        return (ChromeSet, (tuple(self._hashes),))


class HostChrome:
    """One host's view of a ChromeSet: `key in view` tests host_key(key, host)."""

    __slots__ = ("_hashes", "_prefix")

    def __init__(self, hashes: frozenset[int], host: str):
        self._hashes, self._prefix = hashes, host_key("", host)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and _member_hash(self._prefix + key) in self._hashes

    def __len__(self) -> int:
        return len(self._hashes)


def chrome_for_host(chrome_lines, host: str | None):
    """The container read_anatomy asks about a page's lines: the run's ChromeSet seen from the
    page's host; any other container (a test's frozenset of keys) as it is."""
    return chrome_lines.for_host(host) if host and isinstance(chrome_lines, ChromeSet) else chrome_lines
