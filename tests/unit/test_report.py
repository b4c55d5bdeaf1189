"""The report over a small synthetic warehouse: every section, every chart spec, offline assets,
failing rows found by SQL from the expectations' definitions, stage durations stored."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest

from bench.report_build import make_warehouse
from tasks.report import build_report
from tasks.report.failing import definitions, failing_rows, failing_rows_sql, observed
from tasks.report.queries import Warehouse, portal_overview
from tasks.report.stages import record_stage_seconds

SECTIONS = ("morning", "trends", "portals", "expectations", "quarantine", "content", "runs")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("report")
    make_warehouse(data / "warehouse.duckdb", n_articles=600, n_runs=6)
    return data


@pytest.fixture(scope="module")
def page(data_dir) -> str:
    from tasks.report import charts

    charts.VALIDATE_SPECS = True  # every spec checked against the Vega-Lite schema
    try:
        return build_report(data_dir).read_text(encoding="utf-8")
    finally:
        charts.VALIDATE_SPECS = False


def specs(page: str) -> dict[str, dict]:
    return {
        m[0]: json.loads(m[1].replace("<\\/", "</"))
        for m in re.findall(r'<script type="application/json" id="spec-([\w-]+)">(.*?)</script>', page, re.S)
    }


def test_every_section_is_on_the_page(page):
    for section in SECTIONS:
        assert f'id="{section}"' in page
    assert 'id="portal-table"' in page and "portal0.gov.vn" in page


def test_every_chart_is_a_vega_lite_spec_with_its_data(page):
    charts = specs(page)
    assert {
        "articles",
        "quarantine",
        "dq_failed",
        "stages",
        "dq_history",
        "coverage",
        "volume",
        "plan_party_members_admitted",
    } <= set(charts)
    for name, spec in charts.items():
        assert "vega-lite/v6" in spec["$schema"], name
        assert spec.get("datasets"), f"{name} carries its data inline"
    # one div per spec, each pointing at its spec block
    assert len(re.findall(r'<div class="chart" id="chart-', page)) == len(charts)


def test_stage_chart_splits_the_subflow_into_its_parts(page):
    data = next(iter(specs(page)["stages"]["datasets"].values()))
    stages = {row["stage"] for row in data}
    assert {"scan", "clean_extract", "clean_extract_overhead", "validate"} <= stages
    assert "clean_extract_flow" not in stages, "a nested stage is not counted twice"


def test_page_loads_nothing_from_the_network(page, data_dir):
    loaded = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', page)
    assert loaded and not [u for u in loaded if re.match(r"(https?:)?//", u)]
    for rel in loaded:
        if not rel.startswith("data:"):
            assert (data_dir / "reports" / rel).is_file(), rel
    for lib in ("vega", "vega-lite", "vega-embed"):
        assert (data_dir / "reports" / "assets" / "vendor" / lib / "LICENSE").is_file()


def test_observed_value_says_the_share_not_just_true():
    defs = definitions()
    title = defs[("articles", "expect_column_values_to_not_be_null(title; mostly=0.5)")]
    assert observed(title, 100, 40) == "60.0% non-null (60 of 100; needs ≥ 50%)"
    regex = defs[("articles", "expect_column_values_to_match_regex(article_id)")]
    assert observed(regex, 200, 3) == "3 of 200 rows unexpected (1.5%; needs all)"


def test_failing_row_queries_are_valid_for_every_expectation(data_dir):
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as con:
        wh = Warehouse(con)
        for (table, label), defn in definitions().items():
            rows, note = failing_rows(wh, defn, "run000")
            assert not note.startswith("could not"), f"{table}: {label}: {note}"


def test_failing_rows_give_article_id_source_path_and_value(tmp_path):
    db = tmp_path / "warehouse.duckdb"
    make_warehouse(db, n_articles=60, n_runs=3)
    with duckdb.connect(str(db)) as con:
        con.execute(
            "UPDATE articles SET title = 'Ngắn' WHERE article_id = (SELECT min(article_id) "
            "FROM articles WHERE run_id = 'run000')"
        )
        wh = Warehouse(con)
        defn = definitions()[
            ("articles", "expect_column_value_lengths_to_be_between(title; min_value=5, max_value=400)")
        ]
        rows, _ = failing_rows(wh, defn, "run000")
        assert len(rows) == 1
        assert rows[0]["value"] == "Ngắn" and rows[0]["source_path"].endswith(".txt")
        assert (
            rows[0]["article_id"]
            == con.execute("SELECT min(article_id) FROM articles WHERE run_id = 'run000'").fetchone()[0]
        )
        assert "LIMIT 20" in failing_rows_sql(defn, wh.columns("articles"))


def test_portals_by_host_then_credited_site_then_folder(tmp_path):
    db = tmp_path / "warehouse.duckdb"
    make_warehouse(db, n_articles=60, n_runs=3)
    with duckdb.connect(str(db)) as con:
        con.execute(
            "UPDATE articles SET source_host = 'crawl.' || source_site WHERE hash(article_id) % 2 = 0"
        )
        con.execute("UPDATE articles SET source_host = NULL WHERE hash(article_id) % 2 = 1")
        wh = Warehouse(con)
        assert wh.portal_key()[1] == "host"
        portals = portal_overview(wh).portal
        crawled = con.execute("SELECT count(DISTINCT source_host) FROM articles").fetchone()[0]
        assert 0 < portals.str.startswith("crawl.").sum() == crawled  # the host when known
        assert portals.str.startswith("portal").sum() > 0  # else the credited site
        con.execute("ALTER TABLE articles DROP COLUMN source_host")  # a warehouse before hosts
        assert Warehouse(con).portal_key()[1] == "credited site"


def test_stage_seconds_are_stored_and_replaced(tmp_path):
    db = tmp_path / "warehouse.duckdb"
    duckdb.connect(str(db)).close()
    secs = {"start": 0.1, "load": 0.5, "_peak_rss_mb": {"start": 200, "load": 300}}
    record_stage_seconds(db, "r1", secs)
    record_stage_seconds(db, "r1", {**secs, "publish_report": 0.2})
    with duckdb.connect(str(db)) as con:
        rows = con.execute("SELECT stage, seconds, peak_rss_mb FROM run_stages ORDER BY stage").fetchall()
    assert rows == [("load", 0.5, 300), ("publish_report", 0.2, None), ("start", 0.1, 200)]


def test_an_empty_warehouse_still_gives_a_page(tmp_path):
    from tasks.store import apply_schema

    with duckdb.connect(str(tmp_path / "warehouse.duckdb")) as con:
        apply_schema(con)
    text = build_report(tmp_path).read_text(encoding="utf-8")
    assert "No run recorded yet" in text and 'class="chart"' not in text


def test_a_portal_that_lost_its_titles_this_run_shows_it_and_raises_an_alert(tmp_path):
    make_warehouse(tmp_path / "warehouse.duckdb", n_articles=3000, n_runs=6)  # ~8 per portal per run
    with duckdb.connect(str(tmp_path / "warehouse.duckdb")) as con:
        con.execute("UPDATE articles SET title = 'Tiêu đề đầy đủ' WHERE source_site = 'portal7.gov.vn'")
        con.execute(
            "UPDATE articles SET title = NULL WHERE source_site = 'portal7.gov.vn' AND run_id = 'run005'"
        )
    text = build_report(tmp_path).read_text(encoding="utf-8")
    row = re.search(r"<tr><td>portal7\.gov\.vn</td>.*?</tr>", text, re.S)[0]
    assert 'class="now down"' in row and "now 0%" in row
    assert "portal7.gov.vn: title on 0% of this run" in text
