"""The report and the GX Data Docs in a real browser (headless Chromium), network blocked.

Each page must load with no failed request, no request leaving the machine, no console error,
every chart drawn (an SVG or canvas per chart) and, for the report, the per-portal table present.
Screenshots go to the test's tmp_path (printed, run with -s to see where).

Needs Debian's chromium (/usr/bin/chromium, `.ci/install-chromium`) and the `playwright` Python
package (dev extra), which drives that browser over the DevTools protocol; skipped without them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import BANTIN, SEEDS, bantin_env

CHROMIUM = Path(os.environ.get("BANTIN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    # belt and braces: even a request that slipped past the route cannot resolve
    "--host-resolver-rules=MAP * ~NOTFOUND",
]

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"{CHROMIUM} missing (.ci/install-chromium installs it)"
    ),
]


@dataclass
class PageCheck:
    url: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


def open_offline(context, path: Path, screenshot: Path, wait_for: str | None = None):
    """Load `path` with every non-file request refused; return (page, PageCheck)."""
    check = PageCheck(path.as_uri())
    page = context.new_page()
    page.on("request", lambda r: check.requests.append(r.url))
    page.on("requestfailed", lambda r: check.failed.append(f"{r.url} ({r.failure})"))
    page.on("console", lambda m: m.type == "error" and check.console_errors.append(m.text))
    page.on("pageerror", lambda e: check.console_errors.append(f"page error: {e}"))
    page.goto(check.url, wait_until="load")
    if wait_for:
        page.wait_for_selector(wait_for, timeout=30_000, state="attached")
    page.wait_for_timeout(300)  # late console errors from scripts run after load
    page.screenshot(path=str(screenshot), full_page=True)
    return page, check


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, chromium_sandbox=False, headless=True
        )
        yield b
        b.close()


@pytest.fixture
def context(browser, request):
    ctx = browser.new_context(viewport={"width": 1300, "height": 900}, service_workers="block")
    blocked: list[str] = []

    def refuse_network(route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort("internetdisconnected")

    ctx.route("**/*", refuse_network)
    ctx.blocked = blocked
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def warehouse_dir(tmp_path_factory, prefect_home) -> Path:
    """Two real runs: seeds, then seeds plus a changed page and an unreadable file."""
    root = tmp_path_factory.mktemp("browser")
    shutil.copytree(SEEDS, root / "input")
    env = bantin_env(prefect_home)

    def run():
        proc = subprocess.run(
            [str(BANTIN), "run", "--input", "input", "--data", "data"],
            capture_output=True,
            text=True,
            cwd=root,
            env=env,
            timeout=900,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr

    run()
    first = sorted((root / "input").glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nThêm một dòng mới.\n", encoding="utf-8")
    (root / "input" / "broken.txt").write_bytes(b"\x00\x01\x02 not text \xff\xfe" * 50)
    run()
    return root / "data"


def assert_clean(check: PageCheck, blocked: list[str]):
    assert not blocked, f"requests to the network from {check.url}: {blocked}"
    assert not check.failed, f"failed requests on {check.url}: {check.failed}"
    assert not check.console_errors, f"console errors on {check.url}: {check.console_errors}"
    assert all(u.startswith(("file:", "data:", "blob:", "about:")) for u in check.requests)


def test_report_renders_offline_with_every_chart(context, warehouse_dir, tmp_path):
    index = warehouse_dir / "reports" / "index.html"
    shot = tmp_path / "report.png"
    page, check = open_offline(context, index, shot, wait_for="body[data-charts-done]")
    charts = page.locator("div.chart")
    n = charts.count()
    drawn = page.locator("div.chart[data-rendered='1']").filter(has=page.locator("svg, canvas"))
    print(f"\nreport: {len(check.requests)} requests, {n} charts, screenshot {shot}")
    assert_clean(check, context.blocked)
    assert n >= 6, "trend, portal, expectation and content charts expected"
    assert drawn.count() == n, "every chart has an SVG or a canvas"
    rows = page.locator("#portal-table tbody tr")
    assert rows.count() >= 1
    assert page.locator("#morning .badge").inner_text().strip()
    # sortable: clicking "articles" orders the portal rows by it, largest first
    page.locator("#portal-table thead th", has_text="articles").first.click()
    values = [
        int(v.replace(",", "") or 0)
        for v in page.locator("#portal-table tbody tr td:nth-child(3)").all_inner_texts()
    ]
    assert values == sorted(values, reverse=True)


def test_data_docs_render_offline_with_run_name(context, warehouse_dir, tmp_path):
    gx = warehouse_dir / "reports" / "gx"
    pages = sorted(gx.glob("validations/articles/*/*/*.html"))
    assert pages, "a validation page for the articles suite"
    assert not any("__none__" in str(p) for p in gx.rglob("*.html")), "validations carry a run name"
    for name, path in (("gx-index", gx / "index.html"), ("gx-validation", pages[-1])):
        shot = tmp_path / f"{name}.png"
        page, check = open_offline(context, path, shot)
        print(f"\n{name}: {len(check.requests)} requests, screenshot {shot}")
        assert_clean(check, context.blocked)
        # the vendored libraries ran: jQuery and bootstrap-table are there, Bootstrap styled the page
        assert page.evaluate("typeof window.jQuery === 'function' && !!jQuery.fn.bootstrapTable")
        assert page.evaluate("getComputedStyle(document.body).fontFamily").lower() != "times new roman"
        context.blocked.clear()
