"""Batch-level stage functions (what one Prefect task does), still free of Prefect.

A batch is a list of SourceFile. Two passes keep memory flat whatever the number of files:
  scan_batch:    read + decode, count the short lines each distinct page carries (chrome signal)
  process_batch: read + decode again, clean, extract, write this batch's Parquet parts
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tasks.faults import failpoint
from tasks.ingest import read_source
from tasks.model import Quarantined, RawPage, SourceFile
from tasks.records import rows_for_doc, rows_for_quarantine, to_tables
from tasks.store import write_batch

# A line key seen on at least this many distinct pages is chrome (page furniture, not prose).
CHROME_MIN_PAGES = 3


def file_stat(sf: SourceFile) -> tuple[int, int]:
    return sf.size, int(sf.mtime * 1_000_000_000)


def scan_batch(files: list[SourceFile]) -> Counter:
    from tasks.anatomy import chrome_key

    counts: Counter = Counter()
    seen_pages: set[str] = set()
    for sf in files:
        page = read_source(sf)
        if not isinstance(page, RawPage) or page.sha256 in seen_pages:
            continue
        seen_pages.add(page.sha256)
        keys = {k for k in (chrome_key(line) for line in page.text.split("\n")) if k}
        counts.update(keys)
    return counts


def chrome_set(counts: Counter | dict, min_pages: int = CHROME_MIN_PAGES) -> frozenset[str]:
    return frozenset(k for k, n in counts.items() if n >= min_pages)


@dataclass
class BatchSummary:
    batch_no: int
    files: int = 0
    articles: int = 0
    quarantined: int = 0
    reasons: Counter = field(default_factory=Counter)
    bytes_read: int = 0


def process_batch(files: list[SourceFile], *, batch_no: int, run_id: str, data_dir: Path,
                  chrome_lines: frozenset[str]) -> BatchSummary:

    summary = BatchSummary(batch_no=batch_no, files=len(files))
    row_sets = []
    for sf in files:
        page = read_source(sf)
        if isinstance(page, RawPage):
            summary.bytes_read += len(page.text)
            outcome = _process_or_quarantine(page, chrome_lines)
        else:
            outcome = page
        if isinstance(outcome, Quarantined):
            summary.quarantined += 1
            summary.reasons[outcome.reason] += 1
            row_sets.append(rows_for_quarantine(outcome, run_id, file_stat(sf)))
        else:
            summary.articles += 1
            row_sets.append(rows_for_doc(outcome, run_id, file_stat(sf)))
    failpoint("extracted")
    write_batch(data_dir, run_id, batch_no, to_tables(row_sets))
    return summary


def _process_or_quarantine(page: RawPage, chrome_lines: frozenset[str]):
    from tasks.pipeline import process_page

    try:
        doc = process_page(page, chrome_lines)
    except Exception as exc:  # a bug on one page must not lose the night's run
        return Quarantined(page.rel_path, page.sha256, "processing_error",
                           f"{type(exc).__name__}: {exc}"[:500], page.encoding)
    if not doc.anatomy.body_lines:
        return Quarantined(page.rel_path, page.sha256, "no_article",
                           "no article body found (only page chrome)", page.encoding)
    return doc


def stage_quarantined(problems: list[Quarantined], *, batch_no: int, run_id: str,
                      data_dir: Path) -> BatchSummary:
    """Paths discovery could not open (unreadable folders, broken links) still get a row."""
    summary = BatchSummary(batch_no=batch_no, files=len(problems), quarantined=len(problems))
    summary.reasons.update(q.reason for q in problems)
    write_batch(data_dir, run_id, batch_no, to_tables(rows_for_quarantine(q, run_id, None)
                                                      for q in problems))
    return summary
