"""Merge one run's staged Parquet into the warehouse, all in a single transaction.

Rules (CONTRACT.md, issue 2/4):
- an article is keyed by its content id; one seen before is not inserted again;
- a file whose content changed replaces its old article and every row derived from it, unless
  another file still holds that article;
- a file that vanished keeps its article; its `sources` row gets present = false;
- nothing else is ever deleted.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyarrow as pa

from tasks.chrome import KeyCounts
from tasks.faults import failpoint
from tasks.records import SCHEMAS
from tasks.store import apply_schema, staged_files, warehouse

CHILD_TABLES = {
    "boilerplate": "article_id, seq, kind, text, line_no",
    "people": "article_id, name, titles, role, first_offset",
    "document_refs": ("article_id, doc_key, kind, number, symbol, issuer, issued_date, evidence, "
                      "start_offset, end_offset"),
    "indicators": ("article_id, seq, metric, actual, target, percent, unit, qualifier, period, "
                   "period_start, period_end, evidence, start_offset, end_offset"),
}
ARTICLE_COLS = ("article_id, source_path, source_sha256, title, published_at, event_date, "
                "source_site, author, locality, body, run_id, body_chars, encoding")


@dataclass
class LoadStats:
    articles_loaded: int
    articles_replaced: int
    sources_new: int
    sources_vanished: int
    quarantined_new: int


def start_run(db_path: Path, run_id: str, started_at: datetime, input_dir: str,
              flow_run_id: str | None) -> None:
    """Record the run as running; runs left 'running' by a killed process become 'abandoned'."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with warehouse(db_path) as con:
        apply_schema(con)
        con.execute("UPDATE runs SET status = 'abandoned' WHERE status = 'running'")
        con.execute(
            "INSERT INTO runs (run_id, started_at, status, input_dir, flow_run_id) "
            "VALUES (?, ?, 'running', ?, ?)", [run_id, started_at, input_dir, flow_run_id])


def fail_run(db_path: Path, run_id: str, finished_at: datetime) -> None:
    with warehouse(db_path) as con:
        con.execute("UPDATE runs SET status = 'failed', finished_at = ? WHERE run_id = ?",
                    [finished_at, run_id])


def _staged_view(con, data_dir: Path, run_id: str, name: str, alias: str) -> None:
    files = staged_files(data_dir, run_id, name)
    if files:
        lst = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
        con.execute(f"CREATE OR REPLACE TEMP VIEW {alias} AS SELECT * FROM read_parquet([{lst}])")
    else:
        con.register(f"{alias}_empty", SCHEMAS[name].empty_table())
        con.execute(f"CREATE OR REPLACE TEMP VIEW {alias} AS SELECT * FROM {alias}_empty")


def load_run(db_path: Path, data_dir: Path, run_id: str, *, discovered_paths: list[str] | pa.Array,
             run_stats: dict, dq_rows: list[dict], chrome_counts: KeyCounts | None,
             finished_at: datetime, reset_chrome: bool = False) -> LoadStats:
    with warehouse(db_path) as con:
        # Bounded memory whatever the run size: DuckDB spills to <db>.tmp beyond this.
        con.execute("SET memory_limit = '384MB'")
        con.execute("SET preserve_insertion_order = false")
        apply_schema(con)
        for name in ("articles", "boilerplate", "people", "document_refs", "indicators",
                     "source_versions", "quarantine"):
            _staged_view(con, data_dir, run_id, name, f"stg_{name}")
        con.register("discovered_arrow", pa.table({"source_path": pa.array(discovered_paths, pa.string())}))
        chrome_counts = chrome_counts if chrome_counts is not None else KeyCounts.empty()
        con.register("chrome_arrow", pa.table({"key_hash": pa.array(chrome_counts.hashes, pa.int64()),
                                               "pages": pa.array(chrome_counts.pages, pa.int64())}))
        con.register("dq_arrow", pa.Table.from_pylist(dq_rows, schema=pa.schema([
            ("table_name", pa.string()), ("expectation", pa.string()), ("success", pa.bool_()),
            ("unexpected_count", pa.int64()), ("rows_checked", pa.int64())])))

        con.execute("BEGIN TRANSACTION")
        try:
            stats = _merge(con, run_id)
            failpoint("load-merged")
            if reset_chrome:  # a full refresh recounts every page
                con.execute("DELETE FROM chrome_lines")
            con.execute("""
                INSERT INTO chrome_lines SELECT key_hash, pages FROM chrome_arrow
                ON CONFLICT (key_hash) DO UPDATE SET pages = chrome_lines.pages + excluded.pages""")
            con.execute("""
                INSERT INTO dq_results SELECT ?, table_name, expectation, success, unexpected_count,
                       rows_checked FROM dq_arrow
                ON CONFLICT DO NOTHING""", [run_id])
            dq_success = all(r["success"] for r in dq_rows) if dq_rows else None
            con.execute("""
                UPDATE runs SET status = 'succeeded', finished_at = ?, files_seen = ?, files_new = ?,
                       files_quarantined = ?, articles_loaded = ?, dq_success = ?, files_vanished = ?
                WHERE run_id = ?""",
                [finished_at, run_stats["files_seen"], run_stats["files_new"],
                 run_stats["files_quarantined"], stats.articles_loaded, dq_success,
                 stats.sources_vanished, run_id])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return stats


def _merge(con, run_id: str) -> LoadStats:
    q = con.execute
    # This run's file versions, one per (path, sha).
    q("""CREATE TEMP TABLE run_versions AS
         SELECT * FROM stg_source_versions
         QUALIFY row_number() OVER (PARTITION BY source_path, source_sha256 ORDER BY article_id NULLS LAST) = 1""")
    # Present versions of the same paths that this run replaces: new content, or (full refresh)
    # the same bytes cleaned by newer rules into a different article.
    q("""CREATE TEMP TABLE superseded AS
         SELECT s.source_path, s.source_sha256, s.article_id FROM sources s
         JOIN run_versions v ON v.source_path = s.source_path
         WHERE s.present AND (s.source_sha256 <> v.source_sha256
                              OR s.article_id IS DISTINCT FROM v.article_id)""")
    q("""UPDATE sources SET present = false, last_run_id = ?
         FROM superseded x WHERE sources.source_path = x.source_path
         AND sources.source_sha256 = x.source_sha256""", [run_id])
    # Vanished: present before, not discovered now.
    vanished = q("""UPDATE sources SET present = false, last_run_id = ?
                    WHERE present AND source_path NOT IN (SELECT source_path FROM discovered_arrow)""",
                 [run_id]).fetchone()[0]
    # New or returning versions.
    new_sources = q("""
        INSERT INTO sources (source_path, source_sha256, article_id, encoding, first_run_id,
                             last_run_id, present, size_bytes, mtime_ns)
        SELECT source_path, source_sha256, article_id, encoding, ?, ?, true, size_bytes, mtime_ns
        FROM run_versions
        ON CONFLICT (source_path, source_sha256) DO UPDATE SET
            present = true, last_run_id = excluded.last_run_id, article_id = excluded.article_id,
            size_bytes = excluded.size_bytes, mtime_ns = excluded.mtime_ns""",
        [run_id, run_id]).fetchone()[0]
    # Articles whose only holders were superseded versions go, with everything derived from them.
    q("""CREATE TEMP TABLE dropped AS
         SELECT DISTINCT x.article_id FROM superseded x
         WHERE x.article_id IS NOT NULL AND NOT EXISTS (
             SELECT 1 FROM sources s WHERE s.article_id = x.article_id
             AND NOT EXISTS (SELECT 1 FROM superseded y WHERE y.source_path = s.source_path
                             AND y.source_sha256 = s.source_sha256))""")
    replaced = q("SELECT count(*) FROM dropped").fetchone()[0]
    for table in ("boilerplate", "people", "document_refs", "indicators", "articles"):
        q(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM dropped)")
    # One copy of each new article: the first file (by path) that holds it. Chosen on the two
    # key columns only; the wide rows (bodies) are read once, by the inserts.
    q("""CREATE TEMP TABLE new_articles AS
         SELECT article_id, min(source_path) AS source_path FROM stg_articles
         WHERE article_id NOT IN (SELECT article_id FROM articles)
         GROUP BY article_id""")
    loaded = q(f"""INSERT INTO articles SELECT {', '.join('s.' + c.strip() for c in ARTICLE_COLS.split(','))}
                   FROM stg_articles s JOIN new_articles a
                     ON a.article_id = s.article_id AND a.source_path = s.source_path""").fetchone()[0]
    for table, cols in CHILD_TABLES.items():
        q(f"""INSERT INTO {table} ({cols})
              SELECT {', '.join('c.' + c.strip() for c in cols.split(','))}
              FROM stg_{table} c JOIN new_articles a
                ON a.article_id = c.article_id AND a.source_path = c._source_path""")
    quarantined = q("""INSERT INTO quarantine SELECT quarantine_id, source_path, source_sha256,
                           reason, detail, run_id FROM stg_quarantine
                       ON CONFLICT DO NOTHING""").fetchone()[0]
    return LoadStats(articles_loaded=loaded, articles_replaced=replaced, sources_new=new_sources,
                     sources_vanished=vanished, quarantined_new=quarantined)
