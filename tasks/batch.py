"""Batch-level stage functions (what one Prefect task does), still free of Prefect.

A batch is a list of SourceFile. Two passes keep memory flat whatever the number of files:
  scan_batch:    read + decode, hash the short line keys each distinct page carries (chrome signal)
  process_batch: read + decode again, clean, extract, write Parquet parts of PART_PAGES pages
A batch is the unit of scheduling (one Prefect task); a part is the unit of memory: a task of
10,000 pages holds at most PART_PAGES pages' rows at a time.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from tasks.anatomy.kinds import not_article_kind
from tasks.chrome import CHROME_MIN_PAGES, ChromeSet, KeyCounts, PageKeys, host_key, key_hash
from tasks.faults import failpoint
from tasks.ingest import read_source
from tasks.process_page import process_page
from tasks.records import Quarantined, RawPage, SourceFile
from tasks.rows import rows_for_doc, rows_for_quarantine, to_tables
from tasks.store import write_batch

PART_PAGES = 500


def file_stat(sf: SourceFile) -> tuple[int, int]:
    return sf.size, int(sf.mtime * 1_000_000_000)


def page_key_hashes(text: str, host: str | None = None) -> np.ndarray:
    """The distinct chrome-key hashes of one page, counted under its host (tasks/chrome.py)."""
    from tasks.anatomy import chrome_key

    keys = {k for k in (chrome_key(line) for line in text.split("\n")) if k}
    return np.fromiter((key_hash(host_key(k, host)) for k in keys), dtype=np.int64, count=len(keys))


def scan_batch(files: list[SourceFile]) -> PageKeys:
    """The line-key hashes of each distinct page of a batch (count them with chrome.count_pages)."""
    pages: list[tuple[str, np.ndarray]] = []
    seen_pages: set[str] = set()
    for sf in files:
        page = read_source(sf)
        if not isinstance(page, RawPage) or page.sha256 in seen_pages:
            continue
        seen_pages.add(page.sha256)
        pages.append((page.sha256, page_key_hashes(page.text, page.source_host)))
    return PageKeys.of_pages(pages)


def chrome_set(counts: KeyCounts, min_pages: int = CHROME_MIN_PAGES) -> ChromeSet:
    return ChromeSet.from_counts(counts, min_pages)


@dataclass
class BatchSummary:
    batch_no: int
    files: int = 0
    articles: int = 0
    quarantined: int = 0
    reasons: Counter = field(default_factory=Counter)
    bytes_read: int = 0


def process_batch(
    files: list[SourceFile],
    *,
    batch_no: int,
    run_id: str,
    data_dir: Path,
    chrome_lines: ChromeSet | frozenset[str],
    part_pages: int = PART_PAGES,
) -> BatchSummary:
    summary = BatchSummary(batch_no=batch_no, files=len(files))
    for k, start in enumerate(range(0, max(len(files), 1), part_pages)):
        _process_part(
            files[start : start + part_pages],
            summary,
            run_id=run_id,
            data_dir=data_dir,
            chrome_lines=chrome_lines,
            part=f"{batch_no:05d}-{k:04d}",
        )
    return summary


def _process_part(
    files: list[SourceFile], summary: BatchSummary, *, run_id: str, data_dir: Path, chrome_lines, part: str
) -> None:
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
    write_batch(data_dir, run_id, part, to_tables(row_sets))


def _process_or_quarantine(page: RawPage, chrome_lines):
    try:
        doc = process_page(page, chrome_lines)
    except Exception as exc:  # a bug on one page must not lose the night's run
        return Quarantined(
            page.rel_path,
            page.sha256,
            "processing_error",
            f"{type(exc).__name__}: {exc}"[:500],
            page.encoding,
        )
    kind = not_article_kind(doc.anatomy, page.source_url or page.rel_path)
    if kind is not None:
        return Quarantined(page.rel_path, page.sha256, "not_article", kind.detail, page.encoding)
    if not doc.anatomy.body_lines:
        return Quarantined(
            page.rel_path,
            page.sha256,
            "no_article",
            "no article body found (only page chrome)",
            page.encoding,
        )
    return doc


def stage_quarantined(
    problems: list[Quarantined], *, batch_no: int, run_id: str, data_dir: Path
) -> BatchSummary:
    """Paths discovery could not open (unreadable folders, broken links) still get a row."""
    summary = BatchSummary(batch_no=batch_no, files=len(problems), quarantined=len(problems))
    summary.reasons.update(q.reason for q in problems)
    write_batch(
        data_dir,
        run_id,
        f"{batch_no:05d}-0000",
        to_tables(rows_for_quarantine(q, run_id, None) for q in problems),
    )
    return summary
