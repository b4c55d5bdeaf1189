"""Merge one run's staged Parquet into the warehouse, all in a single transaction.

Rules (CONTRACT.md, issue 2/4):
- an article is keyed by its content id; one seen before is not inserted again;
- a file whose content changed replaces its old article and every row derived from it, unless
  another file still holds that article;
- a file that vanished keeps its article; its `sources` row gets present = false;
- nothing else is ever deleted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyarrow as pa

from tasks.chrome import KeyCounts
from tasks.faults import failpoint
from tasks.store import apply_schema, staged_files, warehouse
from tasks.swap import replacing
from tasks.tables import ARTICLE_CHILDREN, STAGED, TABLES, column_list


def _arrow_schema(table: str, columns: list[str]) -> pa.Schema:
    return pa.schema([TABLES[table].column(c).field for c in columns])


# What the flow hands the load, as Arrow: every dq_results column but the run id, the chrome
# counts' two columns.
DQ_ROW_SCHEMA = _arrow_schema("dq_results", TABLES["dq_results"].column_names[1:])
CHROME_SCHEMA = _arrow_schema("chrome_lines", TABLES["chrome_lines"].column_names)


@dataclass
class LoadStats:
    articles_loaded: int
    articles_replaced: int
    sources_new: int
    sources_vanished: int
    quarantined_new: int


def start_run(
    db_path: Path, run_id: str, started_at: datetime, input_dir: str, flow_run_id: str | None
) -> None:
    """Record the run as running; runs left 'running' by a killed process become 'abandoned'
    (the caller holds the data folder's run lock: no other run is running)."""
    with replacing(db_path) as work, warehouse(work) as con:
        apply_schema(con)
        con.execute("UPDATE runs SET status = 'abandoned' WHERE status = 'running'")
        con.execute(
            "INSERT INTO runs (run_id, started_at, status, input_dir, flow_run_id) "
            "VALUES (?, ?, 'running', ?, ?)",
            [run_id, started_at, input_dir, flow_run_id],
        )


def end_run_unsuccessfully(
    db_path: Path,
    run_id: str,
    *,
    started_at: datetime,
    finished_at: datetime,
    input_dir: str,
    status: str,
    message: str,
) -> None:
    """The run's row says `status` ('failed' or 'interrupted') and why. Written even when the
    run never got as far as recording its start."""
    with replacing(db_path) as work, warehouse(work) as con:
        apply_schema(con)
        con.execute(
            """
            INSERT INTO runs (run_id, started_at, finished_at, status, input_dir, message)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (run_id) DO UPDATE SET finished_at = excluded.finished_at,
                status = excluded.status, message = excluded.message""",
            [run_id, started_at, finished_at, status, input_dir, message],
        )


def fail_run(db_path: Path, run_id: str, finished_at: datetime, message: str = "") -> None:
    end_run_unsuccessfully(
        db_path,
        run_id,
        started_at=finished_at,
        finished_at=finished_at,
        input_dir="",
        status="failed",
        message=message,
    )


def _staged_view(con, data_dir: Path, run_id: str, name: str, alias: str) -> None:
    files = staged_files(data_dir, run_id, name)
    if files:
        lst = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
        con.execute(f"CREATE OR REPLACE TEMP VIEW {alias} AS SELECT * FROM read_parquet([{lst}])")
    else:
        con.register(f"{alias}_empty", STAGED[name].arrow_schema.empty_table())
        con.execute(f"CREATE OR REPLACE TEMP VIEW {alias} AS SELECT * FROM {alias}_empty")


def load_run(
    db_path: Path,
    data_dir: Path,
    run_id: str,
    *,
    discovered_paths: list[str] | pa.Array,
    run_stats: dict,
    dq_rows: list[dict],
    chrome_counts: KeyCounts | None,
    finished_at: datetime,
    reset_chrome: bool = False,
    then: Callable[[Path], None] | None = None,
) -> LoadStats:
    """One transaction on a working copy that then replaces the warehouse (tasks/swap.py).
    then: more writes of the run for the same copy (it gets the copy's path), e.g. stage times."""
    with replacing(db_path) as work:
        stats = _load(
            work,
            data_dir,
            run_id,
            discovered_paths=discovered_paths,
            run_stats=run_stats,
            dq_rows=dq_rows,
            chrome_counts=chrome_counts,
            finished_at=finished_at,
            reset_chrome=reset_chrome,
        )
        if then is not None:
            then(work)
    return stats


def _load(
    db_path: Path,
    data_dir: Path,
    run_id: str,
    *,
    discovered_paths,
    run_stats: dict,
    dq_rows: list[dict],
    chrome_counts: KeyCounts | None,
    finished_at: datetime,
    reset_chrome: bool,
) -> LoadStats:
    with warehouse(db_path) as con:
        # Bounded memory whatever the run size: DuckDB spills to <db>.tmp beyond this.
        con.execute("SET memory_limit = '384MB'")
        con.execute("SET preserve_insertion_order = false")
        apply_schema(con)
        for name in STAGED:
            _staged_view(con, data_dir, run_id, name, f"stg_{name}")
        con.register("discovered_arrow", pa.table({"source_path": pa.array(discovered_paths, pa.string())}))
        chrome_counts = chrome_counts if chrome_counts is not None else KeyCounts.empty()
        con.register(
            "chrome_arrow",
            pa.Table.from_arrays(
                [
                    pa.array(v, f.type)
                    for v, f in zip((chrome_counts.hashes, chrome_counts.pages), CHROME_SCHEMA, strict=True)
                ],
                schema=CHROME_SCHEMA,
            ),
        )
        con.register("dq_arrow", pa.Table.from_pylist(dq_rows, schema=DQ_ROW_SCHEMA))

        con.execute("BEGIN TRANSACTION")
        try:
            stats = _merge(con, run_id)
            failpoint("load-merged")
            if reset_chrome:  # a full refresh recounts every page
                con.execute("DELETE FROM chrome_lines")
            con.execute(f"""
                INSERT INTO chrome_lines ({column_list("chrome_lines")})
                SELECT {column_list("chrome_lines")} FROM chrome_arrow
                ON CONFLICT (key_hash) DO UPDATE SET pages = chrome_lines.pages + excluded.pages""")
            con.execute(
                f"""
                INSERT INTO dq_results ({column_list("dq_results")})
                SELECT ?, {", ".join(DQ_ROW_SCHEMA.names)} FROM dq_arrow
                ON CONFLICT DO NOTHING""",
                [run_id],
            )
            dq_success = all(r["success"] for r in dq_rows) if dq_rows else None
            con.execute(
                """
                UPDATE runs SET status = 'succeeded', finished_at = ?, files_seen = ?, files_new = ?,
                       files_quarantined = ?, articles_loaded = ?, dq_success = ?, files_vanished = ?
                WHERE run_id = ?""",
                [
                    finished_at,
                    run_stats["files_seen"],
                    run_stats["files_new"],
                    run_stats["files_quarantined"],
                    stats.articles_loaded,
                    dq_success,
                    stats.sources_vanished,
                    run_id,
                ],
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return stats


# sources columns the staged file versions do not carry: the loader fills them ($1 = this run).
_SOURCES_FILLED = {"first_run_id": "$1", "last_run_id": "$1", "present": "true"}


def _sources_select() -> str:
    return ", ".join(_SOURCES_FILLED.get(c, c) for c in TABLES["sources"].column_names)


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
    q(
        """UPDATE sources SET present = false, last_run_id = ?
         FROM superseded x WHERE sources.source_path = x.source_path
         AND sources.source_sha256 = x.source_sha256""",
        [run_id],
    )
    # Vanished: present before, not discovered now.
    vanished = q(
        """UPDATE sources SET present = false, last_run_id = ?
                    WHERE present AND source_path NOT IN (SELECT source_path FROM discovered_arrow)""",
        [run_id],
    ).fetchone()[0]
    # New or returning versions.
    new_sources = q(
        f"""
        INSERT INTO sources ({column_list("sources")}) SELECT {_sources_select()} FROM run_versions
        ON CONFLICT (source_path, source_sha256) DO UPDATE SET
            present = true, last_run_id = excluded.last_run_id, article_id = excluded.article_id,
            size_bytes = excluded.size_bytes, mtime_ns = excluded.mtime_ns""",
        [run_id],
    ).fetchone()[0]
    # Articles whose only holders were superseded versions go, with everything derived from them.
    q("""CREATE TEMP TABLE dropped AS
         SELECT DISTINCT x.article_id FROM superseded x
         WHERE x.article_id IS NOT NULL AND NOT EXISTS (
             SELECT 1 FROM sources s WHERE s.article_id = x.article_id
             AND NOT EXISTS (SELECT 1 FROM superseded y WHERE y.source_path = s.source_path
                             AND y.source_sha256 = s.source_sha256))""")
    replaced = q("SELECT count(*) FROM dropped").fetchone()[0]
    for table in (*ARTICLE_CHILDREN, "articles"):
        q(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM dropped)")
    # One copy of each new article: the first file (by path) that holds it. Chosen on the two
    # key columns only; the wide rows (bodies) are read once, by the inserts.
    q("""CREATE TEMP TABLE new_articles AS
         SELECT article_id, min(source_path) AS source_path FROM stg_articles
         WHERE article_id NOT IN (SELECT article_id FROM articles)
         GROUP BY article_id""")
    loaded = q(f"""INSERT INTO articles ({column_list("articles")})
                   SELECT {column_list("articles", "s.")}
                   FROM stg_articles s JOIN new_articles a
                     ON a.article_id = s.article_id AND a.source_path = s.source_path""").fetchone()[0]
    for table in ARTICLE_CHILDREN:
        q(f"""INSERT INTO {table} ({column_list(table)})
              SELECT {column_list(table, "c.")}
              FROM stg_{table} c JOIN new_articles a
                ON a.article_id = c.article_id AND a.source_path = c._source_path""")
    quarantined = q(f"""INSERT INTO quarantine ({column_list("quarantine")})
                        SELECT {column_list("quarantine")} FROM stg_quarantine
                        ON CONFLICT DO NOTHING""").fetchone()[0]
    return LoadStats(
        articles_loaded=loaded,
        articles_replaced=replaced,
        sources_new=new_sources,
        sources_vanished=vanished,
        quarantined_new=quarantined,
    )
