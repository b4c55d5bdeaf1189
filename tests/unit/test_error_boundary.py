"""One error boundary: a stage that raises on a page gets that page quarantined as
`processing_error` by the batch (tasks/batch.py), never loaded; the other pages load.

The failures are injected *inside* the stages (an anatomy line rule, a facts extractor), below
read_anatomy and extract_facts, so a try/except that swallowed them there would fail this test.
"""

from __future__ import annotations

import shutil
from datetime import datetime

import duckdb
import pytest

from tasks import load
from tasks.anatomy.core import default_classifier
from tasks.anatomy.rules import RuleSet
from tasks.batch import process_batch
from tasks.facts.people import PeopleExtractor
from tasks.ingest import discover_with_problems
from tasks.report import build_report
from tasks.store import publish_staging
from tests.conftest import SEEDS

RULE_PAGE, RULE_MARK = "000_e9886852f82de482.txt", "giao ban chuyên đề"  # in its title
FACTS_PAGE, FACTS_MARK = "002_f7d895790006074a.txt", "Ngô Hoàng Ngân"  # in its body


@pytest.fixture
def failing_rule(monkeypatch):
    """An anatomy line rule that raises on the lines of one page."""
    real = RuleSet.line_rules

    def line_rules(self, key, length):
        if RULE_MARK in key:
            raise RuntimeError("injected rule failure")
        return real(self, key, length)

    monkeypatch.setattr(RuleSet, "line_rules", line_rules)
    default_classifier.cache_clear()  # a fresh line cache: short lines are classified anew
    yield
    default_classifier.cache_clear()


@pytest.fixture
def failing_extractor(monkeypatch):
    """The people extractor raises on one page's body."""
    real = PeopleExtractor.extract

    def extract(self, page, *args, **kwargs):
        if FACTS_MARK in page.body:
            raise ValueError("injected extractor failure")
        return real(self, page, *args, **kwargs)

    monkeypatch.setattr(PeopleExtractor, "extract", extract)


def test_a_stage_that_raises_quarantines_its_page_and_the_others_load(
    tmp_path, failing_rule, failing_extractor
):
    shutil.copytree(SEEDS, tmp_path / "input")
    files, problems = discover_with_problems(tmp_path / "input")
    assert len(files) == 5 and not problems
    data, run_id = tmp_path / "data", "r1"

    summary = process_batch(files, batch_no=0, run_id=run_id, data_dir=data, chrome_lines=frozenset())
    assert (summary.articles, summary.quarantined) == (3, 2)
    assert summary.reasons == {"processing_error": 2}

    db = data / "warehouse.duckdb"
    load.start_run(db, run_id, datetime.now(), "input", None)
    load.load_run(
        db,
        data,
        run_id,
        discovered_paths=[f.rel_path for f in files],
        run_stats=dict(files_seen=5, files_new=5, files_quarantined=2),
        dq_rows=[],
        chrome_counts=None,
        finished_at=datetime.now(),
    )
    publish_staging(data, run_id)
    with duckdb.connect(str(db), read_only=True) as con:
        quarantined = con.execute(
            "SELECT source_path, reason, detail FROM quarantine ORDER BY source_path"
        ).fetchall()
        loaded = [p for (p,) in con.execute("SELECT source_path FROM articles ORDER BY 1").fetchall()]
        sources = con.execute(
            "SELECT source_path, article_id FROM sources WHERE source_path IN (?, ?) ORDER BY 1",
            [RULE_PAGE, FACTS_PAGE],
        ).fetchall()
    assert quarantined == [
        (RULE_PAGE, "processing_error", "RuntimeError: injected rule failure"),
        (FACTS_PAGE, "processing_error", "ValueError: injected extractor failure"),
    ]
    assert loaded == sorted(f.rel_path for f in files if f.rel_path not in (RULE_PAGE, FACTS_PAGE))
    assert sources == [(RULE_PAGE, None), (FACTS_PAGE, None)]  # seen, with no article

    page = build_report(data).read_text(encoding="utf-8")
    assert '<span class="pill">processing_error 2</span>' in page  # the report counts them
    assert "injected rule failure" in page and "injected extractor failure" in page
