"""GX Data Docs offline: every CDN asset GX's templates use is vendored (with its licence), the
vendored bytes are those the templates pin, and pages are rewritten to relative paths."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import great_expectations
import pytest

from tasks.report.gx_offline import CDN_ASSETS, GX_IMAGES, VENDOR, make_offline, pinned_hashes, rewrite_page

GX_VIEW = Path(great_expectations.__file__).parent / "render" / "view"
LOADED = re.compile(r"""(?:src|href)=["'](https?://[^"'{}]+)|url\(["']?(https?://[^"')]+)""")


def template_urls() -> set[str]:
    urls = set()
    for path in list((GX_VIEW / "templates").glob("*.j2")) + [
        GX_VIEW / "static/styles/data_docs_default_styles.css"
    ]:
        for m in LOADED.finditer(path.read_text(encoding="utf-8")):
            url = (m[1] or m[2]).split("?", 1)[0]
            if re.search(r"\.(css|js|png)$|/npm/vega", url):
                urls.add(url)
    return urls


def test_every_asset_gx_templates_load_is_vendored():
    missing = template_urls() - set(CDN_ASSETS) - set(GX_IMAGES)
    assert not missing, f"GX loads assets no vendored copy exists for: {missing}"
    for rel in CDN_ASSETS.values():
        assert (VENDOR / rel).is_file(), rel
        lib = VENDOR / rel.split("/", 1)[0]
        assert any(lib.glob("LICENSE*")), f"{lib.name} has no licence file"


def test_vendored_files_are_the_bytes_gx_pins():
    pins = {}
    for path in (GX_VIEW / "templates").glob("*.j2"):
        pins.update(pinned_hashes(path.read_text(encoding="utf-8")))
    assert pins, "GX pins some scripts with integrity hashes"
    for rel, sri in pins.items():
        alg, digest = sri.split("-", 1)
        got = base64.b64encode(hashlib.new(alg, (VENDOR / rel).read_bytes()).digest()).decode()
        assert got == digest, rel


def test_a_page_is_rewritten_relative_to_its_depth():
    page = (
        '<link rel="stylesheet" href="https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css">'
        '<script src="https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js" '
        'integrity="sha384-x" crossorigin="anonymous"></script>'
        '<img src="https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/logo-long.png?d=1">'
        '<a href="https://greatexpectations.io">site</a>'
        '<script src="https://example.org/new.js"></script>'
    )
    out, unknown = rewrite_page(page, "../../")
    assert 'href="../../static/vendor/bootstrap/bootstrap.min.css"' in out
    assert '<script src="../../static/vendor/popper/popper.min.js"></script>' in out
    assert 'src="../../static/images/logo-long.png"' in out
    assert 'href="https://greatexpectations.io"' in out, "links are only followed when clicked"
    assert unknown == {"https://example.org/new.js"}


@pytest.mark.parametrize("depth", [0, 3])
def test_make_offline_vendors_and_rewrites_a_docs_folder(tmp_path, depth):
    page = tmp_path.joinpath(*["d"] * depth, "p.html")
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text('<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>', encoding="utf-8")
    assert make_offline(tmp_path) == set()
    src = re.search(r'src="([^"]+)"', page.read_text(encoding="utf-8"))[1]
    assert (page.parent / src).resolve() == (tmp_path / "static/vendor/jquery/jquery.min.js").resolve()
    assert (page.parent / src).is_file()
