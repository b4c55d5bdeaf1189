"""Where a page was crawled from, when the input tells it: its host and URL.

Two ways an input folder says it (docs/ingest.md):
- laid out by host: `<input>/<host>/…`, as `wget -x`, httrack or a crawler keyed by host store
  pages. The first path component is a host when it looks like one (`baothanhhoa.vn`,
  `huulien.langson.gov.vn`, `www.x.vn`): dot-separated DNS labels ending in a TLD-like label;
- a manifest (`manifest.tsv` or `urls.tsv`, in any folder) mapping files, relative to that
  folder, to URLs. A header row is optional: its file column is named like file/path, its URL
  column like url/origin; without one, the column holding URLs is the URL and the first other
  column the file. A manifest is read here and never ingested as a page.
A manifest's URL gives the host too and wins over the folder name. Hosts are lower-case, without
a leading "www.".
"""

from __future__ import annotations

import csv
import logging
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

log = logging.getLogger("bantin.ingest")

MANIFEST_NAMES = frozenset({"manifest.tsv", "urls.tsv"})
FILE_COLUMNS = ("file", "path", "filename", "file_name", "local_path", "local", "saved_as", "name")
URL_COLUMNS = ("url", "origin", "source_url", "source", "link", "href", "uri", "page_url")

# Generic TLDs a crawl of Vietnamese portals meets; any two-letter label is a country code.
# A folder such as "data.old" or "v1.2" is not a host.
GENERIC_TLDS = frozenset(
    [
        "com",
        "net",
        "org",
        "edu",
        "gov",
        "int",
        "mil",
        "info",
        "biz",
        "name",
        "pro",
        "asia",
        "mobi",
        "tel",
        "travel",
        "news",
        "online",
        "site",
        "website",
        "xyz",
        "top",
        "app",
        "dev",
        "io",
        "co",
        "tv",
        "me",
        "blog",
        "today",
        "press",
        "media",
        "wiki",
    ]
)
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
_PORT = re.compile(r"[:+]\d{1,5}$")  # wget "host:8080", httrack "host+8080"
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


@dataclass(frozen=True)
class Origin:
    host: str | None
    url: str | None


NO_ORIGIN = Origin(None, None)


def clean_host(host: str) -> str:
    host = host.strip().lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


@lru_cache(maxsize=4096)  # a crawl has few hosts and many files under each
def host_of_folder(name: str) -> str | None:
    """The host a folder name stands for ("www.BaoThanhHoa.vn" -> "baothanhhoa.vn"), or None."""
    name = _PORT.sub("", name.strip().lower()).rstrip(".")
    labels = name.split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(x) for x in labels):
        return None
    tld = labels[-1]
    if not (tld in GENERIC_TLDS or (len(tld) == 2 and tld.isalpha()) or tld.startswith("xn--")):
        return None
    return clean_host(name)


def host_of_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return clean_host(host) if host else None


def is_manifest(name: str) -> bool:
    return name.lower() in MANIFEST_NAMES


def _norm_path(p: str) -> str:
    p = p.strip().replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    return posixpath.normpath(p).lstrip("/") if p else ""


def _columns(header: list[str]) -> tuple[int, int] | None:
    """(file column, URL column) named by a header row, or None if the row is no header."""
    names = [h.strip().lower() for h in header]
    f = next((names.index(n) for n in FILE_COLUMNS if n in names), None)
    u = next((names.index(n) for n in URL_COLUMNS if n in names), None)
    return (f, u) if f is not None and u is not None and f != u else None


def _guess_columns(row: list[str]) -> tuple[int, int] | None:
    """Header-less: the URL is the first cell that looks like one, the file the first other cell."""
    u = next((i for i, c in enumerate(row) if _URL.match(c.strip())), None)
    if u is None:
        return None
    f = next((i for i, c in enumerate(row) if i != u and c.strip()), None)
    return (f, u) if f is not None else None


def parse_manifest(text: str) -> dict[str, str]:
    """file (relative to the manifest's folder, "/" separators) -> URL. Blank rows, "#" comments
    and rows without both cells are skipped."""
    rows = [
        r
        for r in csv.reader(text.splitlines(), delimiter="\t")
        if r and any(c.strip() for c in r) and not r[0].lstrip().startswith("#")
    ]
    if not rows:
        return {}
    cols = _columns(rows[0])
    body = rows[1:] if cols else rows
    cols = cols or _guess_columns(rows[0])
    if cols is None:
        return {}
    f, u = cols
    out: dict[str, str] = {}
    for r in body:
        if len(r) > max(f, u) and r[f].strip() and r[u].strip():
            out.setdefault(_norm_path(r[f]), r[u].strip())
    return out


class Manifests:
    """The manifests of one input folder: which URL each file has, by its rel_path."""

    def __init__(self) -> None:
        self._by_folder: dict[str, dict[str, str]] = {}  # folder rel_path ("" = root) -> map
        self._by_base: dict[str, dict[str, str | None]] = {}  # folder -> basename -> URL (None: twice)

    def add(self, folder: str, text: str) -> None:
        entries = parse_manifest(text)
        if not entries:
            log.warning("manifest in %r maps no file to a URL; ignored", folder or ".")
            return
        mine = self._by_folder.setdefault(folder, {})
        bases = self._by_base.setdefault(folder, {})
        for path, url in entries.items():
            mine.setdefault(path, url)
            base = posixpath.basename(path)
            bases[base] = None if base in bases and bases[base] != url else url

    def __bool__(self) -> bool:
        return bool(self._by_folder)

    def url_for(self, rel_path: str) -> str | None:
        """The URL of a file: from the nearest manifest above it that names it (by its path
        relative to that manifest's folder, else by a file name the manifest names once)."""
        folder = posixpath.dirname(rel_path)
        while True:
            entries = self._by_folder.get(folder)
            if entries is not None:
                rest = rel_path[len(folder) + 1 :] if folder else rel_path
                url = entries.get(rest) or self._by_base[folder].get(posixpath.basename(rel_path))
                if url:
                    return url
            if not folder:
                return None
            folder = posixpath.dirname(folder)


def origin_of(rel_path: str, manifests: Manifests | None = None) -> Origin:
    """Host and URL of a discovered file (rel_path with "/" separators)."""
    url = manifests.url_for(rel_path) if manifests else None
    host = host_of_url(url)
    if host is None and "/" in rel_path:
        host = host_of_folder(rel_path.split("/", 1)[0])
    return Origin(host, url) if host or url else NO_ORIGIN
