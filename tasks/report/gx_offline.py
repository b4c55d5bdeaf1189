"""Great Expectations Data Docs that work offline.

GX 1.24 writes pages whose stylesheets and scripts come from CDNs (Bootstrap, jQuery,
bootstrap-table, Font Awesome, Vega ...) and whose logo comes from an S3 bucket: opened without a
network they are unstyled and their tables empty. After `ctx.build_data_docs()` this module copies
the vendored copies (tasks/report/assets/vendor, each with its licence) into the docs'
`static/vendor/` and rewrites every such URL to a relative path, so the Data Docs folder stands
on its own. The exact URLs are those found in the generated HTML; one that this table does not
know is logged, and the browser test fails on it.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

VENDOR = Path(__file__).resolve().parent / "assets" / "vendor"
log = logging.getLogger(__name__)

# URL as GX writes it (query string dropped) -> file under assets/vendor.
CDN_ASSETS = {
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css": "bootstrap-dark/bootstrap-prefers-dark.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css": "bootstrap-datepicker/bootstrap-datepicker.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js": "bootstrap-datepicker/bootstrap-datepicker.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css": "fontawesome/css/all.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": "popper/popper.min.js",
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery/jquery.min.js",
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": "bootstrap/bootstrap.min.css",
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": "bootstrap/bootstrap.min.js",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css": "bootstrap-table-1.19.0/bootstrap-table-filter-control.css",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css": "bootstrap-table-1.19.0/bootstrap-table-filter-control.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css": "bootstrap-table/bootstrap-table.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": "bootstrap-table/bootstrap-table.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js": "bootstrap-table/bootstrap-table-filter-control.min.js",
    # GX's charts are Altair 6 specs (Vega-Lite 6): the v6 libraries the report uses draw them.
    "https://cdn.jsdelivr.net/npm/vega@5": "vega/vega.min.js",
    "https://cdn.jsdelivr.net/npm/vega-lite@5": "vega-lite/vega-lite.min.js",
    "https://cdn.jsdelivr.net/npm/vega-embed@6": "vega-embed/vega-embed.min.js",
}
# Images GX itself ships in the docs' static/images folder.
GX_IMAGES = {
    "https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/logo-long.png": "logo-long.png",
    "https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/full_logo_dark.png": "logo-long.png",
}
# URLs a page loads by itself: src/href of scripts, stylesheets, images, and CSS url(...).
# Plain <a href> links are only followed when clicked, so they stay.
LOADED_URL = re.compile(
    r"""(?P<pre>(?:<script[^>]*\ssrc|<link[^>]*\shref|<img[^>]*\ssrc)=["']|url\(["']?)"""
    r"""(?P<url>https?://[^"')\s]+)""",
    re.IGNORECASE,
)


def _local(url: str, prefix: str) -> str | None:
    bare = url.split("?", 1)[0]
    if bare in CDN_ASSETS:
        return f"{prefix}static/vendor/{CDN_ASSETS[bare]}"
    if bare in GX_IMAGES:
        return f"{prefix}static/images/{GX_IMAGES[bare]}"
    return None


def rewrite_page(text: str, prefix: str) -> tuple[str, set[str]]:
    """(page with known CDN URLs made relative, URLs it still loads from the network)."""
    unknown: set[str] = set()

    def swap(m: re.Match) -> str:
        local = _local(m["url"], prefix)
        if local is None:
            unknown.add(m["url"])
            return m.group(0)
        return m["pre"] + local

    return VENDORED_TAG.sub(_drop_cors_attributes, LOADED_URL.sub(swap, text)), unknown


# A tag now loading a vendored file. Its `integrity` + `crossorigin` (kept for the CDN) would make
# Chromium fetch a file:// script in CORS mode, which it refuses; the vendored files are the same
# bytes (tests/unit/test_report_gx_offline.py checks them against these hashes).
VENDORED_TAG = re.compile(r"<(?:script|link)\b[^>]*static/vendor/[^>]*>", re.IGNORECASE)
CORS_ATTRIBUTE = re.compile(r"""\s(?:integrity|crossorigin)=(?:"[^"]*"|'[^']*')""", re.IGNORECASE)


def _drop_cors_attributes(m: re.Match) -> str:
    return CORS_ATTRIBUTE.sub("", m.group(0))


def pinned_hashes(text: str) -> dict[str, str]:
    """vendored file -> the `integrity` hash GX's page gave for its CDN original."""
    out = {}
    for tag in re.findall(r"<(?:script|link)\b[^>]*>", text, re.IGNORECASE):
        url = re.search(r"""(?:src|href)=["'](https?://[^"']+)""", tag)
        sri = re.search(r"""integrity=["']([^"']+)""", tag)
        if url and sri and url.group(1).split("?", 1)[0] in CDN_ASSETS:
            out[CDN_ASSETS[url.group(1).split("?", 1)[0]]] = sri.group(1)
    return out


def copy_vendor(docs_dir: Path) -> None:
    dest = docs_dir / "static" / "vendor"
    shutil.copytree(VENDOR, dest, dirs_exist_ok=True)


def make_offline(docs_dir: Path) -> set[str]:
    """Vendor assets into docs_dir/static/vendor and point every page at them. Returns the
    URLs no vendored copy exists for (empty when the docs are fully offline)."""
    docs_dir = Path(docs_dir)
    if not docs_dir.is_dir():
        return set()
    copy_vendor(docs_dir)
    unknown: set[str] = set()
    for page in docs_dir.rglob("*.html"):
        depth = len(page.relative_to(docs_dir).parts) - 1
        text = page.read_text(encoding="utf-8")
        new, missing = rewrite_page(text, "../" * depth)
        unknown |= missing
        if new != text:
            tmp = page.with_name(page.name + ".tmp")
            tmp.write_text(new, encoding="utf-8")
            os.replace(tmp, page)
    if unknown:
        log.warning("Data Docs still load from the network: %s", ", ".join(sorted(unknown)))
    return unknown
