"""DuckDB SQL over the warehouse: everything the report shows, as pandas frames.

Every query reads the warehouse as it is (read-only); tables or columns added by later versions
(`source_host`, `run_stages`) are used when present and skipped when not, so the report builds on
an old warehouse too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pandas as pd

RUN_WINDOW = 30  # runs shown in trends and histories
FIELDS = ("title", "published_at", "event_date", "author", "locality")
FOLDER = "CASE WHEN strpos({p}, '/') > 0 THEN split_part({p}, '/', 1) END"


@dataclass
class Warehouse:
    con: duckdb.DuckDBPyConnection
    _columns: dict = field(default_factory=dict)

    def columns(self, table: str) -> set[str]:
        """Columns of a table or view (empty: no such table). Read once for all tables: each
        information_schema query costs a few ms."""
        if not self._columns:
            for name, col in self.con.execute(
                "SELECT table_name, column_name FROM information_schema.columns"
            ).fetchall():
                self._columns.setdefault(name, set()).add(col)
            self._columns.setdefault("", set())  # read, even for an empty warehouse
        return self._columns.get(table, set())

    def has(self, table: str) -> bool:
        return bool(self.columns(table))

    def df(self, sql: str, params: list | None = None) -> pd.DataFrame:
        return self.con.execute(sql, params or []).df()

    def count(self, table: str) -> int:
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        assert row is not None  # an aggregate without GROUP BY always yields one row
        return row[0]

    def portal_key(self) -> tuple[str, str]:
        """(SQL for an article's portal, what it is called). The crawl host when the warehouse
        has it; before that the credited site, else the input's first folder."""
        folder = FOLDER.format(p="a.source_path")
        if "source_host" in self.columns("articles"):
            return f"coalesce(a.source_host, a.source_site, {folder}, '(unknown)')", "host"
        return f"coalesce(a.source_site, {folder}, '(unknown)')", "credited site"


# ---------------------------------------------------------------- runs and trends


def recent_runs(wh: Warehouse, limit: int = RUN_WINDOW) -> pd.DataFrame:
    """The last `limit` runs, oldest first, with duration and this run's validation counts; a
    failed or interrupted run's reason (`message`, NULL before that column existed)."""
    message = "r.message" if "message" in wh.columns("runs") else "NULL"
    return wh.df(f"""
        WITH r AS (SELECT * FROM runs ORDER BY started_at DESC LIMIT {int(limit)}),
             dq AS (SELECT run_id, count(*) AS dq_checked,
                           count(*) FILTER (WHERE NOT success) AS dq_failed
                    FROM dq_results GROUP BY run_id)
        SELECT r.run_id, r.started_at, r.finished_at, r.status, r.files_seen, r.files_new,
               r.files_quarantined, r.articles_loaded, r.dq_success, r.input_dir,
               {message} AS message, epoch(r.finished_at - r.started_at) AS duration_s,
               coalesce(dq.dq_checked, 0) AS dq_checked, coalesce(dq.dq_failed, 0) AS dq_failed
        FROM r LEFT JOIN dq USING (run_id) ORDER BY r.started_at""")


def quarantine_by_reason(wh: Warehouse, run_ids: list[str]) -> pd.DataFrame:
    return wh.df(
        """SELECT run_id, reason, count(*) AS files FROM quarantine
                    WHERE run_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY run_id, reason""",
        [run_ids],
    )


def stage_durations(wh: Warehouse, run_ids: list[str]) -> pd.DataFrame:
    if not wh.has("run_stages"):
        return pd.DataFrame(columns=["run_id", "stage", "seconds"])
    return wh.df(
        """SELECT run_id, stage, seconds FROM run_stages
                    WHERE run_id IN (SELECT unnest(?::VARCHAR[]))""",
        [run_ids],
    )


def table_counts(wh: Warehouse, tables: tuple[str, ...]) -> list[tuple[str, int]]:
    return [(t, wh.count(t)) for t in tables if wh.has(t)]


# ---------------------------------------------------------------- portals


def portal_overview(wh: Warehouse) -> pd.DataFrame:
    """One row per portal over the whole warehouse: pages, articles, non-articles, field
    coverage (share of articles with the field), facts per article, chrome share."""
    key, _ = wh.portal_key()
    shares = ",\n".join(f"avg(CASE WHEN a.{f} IS NOT NULL THEN 1.0 ELSE 0 END) AS has_{f}" for f in FIELDS)
    folder = FOLDER.format(p="q.source_path")
    return wh.df(f"""
        WITH facts AS (
            SELECT article_id, count(*) AS n FROM (
                SELECT article_id FROM indicators UNION ALL SELECT article_id FROM document_refs
                UNION ALL SELECT article_id FROM people) GROUP BY article_id),
        chrome AS (SELECT article_id, sum(length(text)) AS chars FROM boilerplate GROUP BY article_id),
        art AS (
            SELECT {key} AS portal, count(*) AS articles, {shares},
                   sum(coalesce(f.n, 0)) / count(*) AS facts_per_article,
                   sum(coalesce(c.chars, 0)) / nullif(sum(coalesce(c.chars, 0) + a.body_chars), 0)
                       AS chrome_share
            FROM articles a LEFT JOIN facts f USING (article_id) LEFT JOIN chrome c USING (article_id)
            GROUP BY 1),
        q AS (SELECT coalesce({folder}, '(unknown)') AS portal,
                     count(*) FILTER (WHERE reason = 'not_article') AS non_articles,
                     count(*) FILTER (WHERE reason <> 'not_article') AS quarantined
              FROM quarantine q GROUP BY 1)
        SELECT portal, coalesce(articles, 0) AS articles, coalesce(non_articles, 0) AS non_articles,
               coalesce(quarantined, 0) AS quarantined,
               coalesce(articles, 0) + coalesce(non_articles, 0) + coalesce(quarantined, 0) AS pages,
               {", ".join(f"has_{f}" for f in FIELDS)}, facts_per_article, chrome_share
        FROM art FULL OUTER JOIN q USING (portal)
        ORDER BY pages DESC, portal""")


def portal_runs(wh: Warehouse, run_ids: list[str]) -> pd.DataFrame:
    """Per portal and run: new pages (articles loaded + files quarantined by that run) and the
    field coverage of the articles that run loaded — the portal's own history."""
    key, _ = wh.portal_key()
    shares = ", ".join(f"avg(CASE WHEN a.{f} IS NOT NULL THEN 1.0 ELSE 0 END) AS has_{f}" for f in FIELDS)
    folder = FOLDER.format(p="q.source_path")
    return wh.df(
        f"""
        WITH runs_in AS (SELECT unnest(?::VARCHAR[]) AS run_id),
        art AS (SELECT {key} AS portal, a.run_id, count(*) AS articles, {shares}
                FROM articles a WHERE a.run_id IN (SELECT run_id FROM runs_in) GROUP BY 1, 2),
        q AS (SELECT coalesce({folder}, '(unknown)') AS portal, run_id, count(*) AS quarantined
              FROM quarantine q WHERE run_id IN (SELECT run_id FROM runs_in) GROUP BY 1, 2)
        SELECT portal, run_id, coalesce(articles, 0) AS articles,
               coalesce(quarantined, 0) AS quarantined,
               coalesce(articles, 0) + coalesce(quarantined, 0) AS new_pages,
               {", ".join(f"has_{f}" for f in FIELDS)}
        FROM art FULL OUTER JOIN q USING (portal, run_id)""",
        [run_ids],
    )


# ---------------------------------------------------------------- expectations, quarantine


def dq_history(wh: Warehouse, run_ids: list[str]) -> pd.DataFrame:
    return wh.df(
        """SELECT d.run_id, r.started_at, d.table_name, d.expectation, d.success,
                           d.unexpected_count, d.rows_checked
                    FROM dq_results d JOIN runs r USING (run_id)
                    WHERE d.run_id IN (SELECT unnest(?::VARCHAR[]))
                    ORDER BY r.started_at, d.table_name, d.expectation""",
        [run_ids],
    )


def quarantine_list(wh: Warehouse, limit: int) -> tuple[pd.DataFrame, int]:
    """Quarantined files newest first (the run that quarantined them), and how many in all."""
    total = wh.count("quarantine")
    rows = wh.df(f"""SELECT q.source_path, q.reason, q.detail, q.run_id, r.started_at, r.input_dir
                     FROM quarantine q LEFT JOIN runs r USING (run_id)
                     ORDER BY r.started_at DESC NULLS LAST, q.source_path LIMIT {int(limit)}""")
    return rows, total


# ---------------------------------------------------------------- content

PLAN_METRICS = ("party_members_admitted", "party_orgs_established")


def plan_by_province(wh: Warehouse) -> pd.DataFrame:
    """Admissions and organisations established against plan, by province and year. A figure
    that is part of a total (`part_of`, when the warehouse has it) is left out: no double count."""
    totals_only = "AND i.part_of IS NULL" if "part_of" in wh.columns("indicators") else ""
    return wh.df(f"""
        SELECT i.metric, coalesce(a.locality, '(no province)') AS province,
               year(coalesce(i.period_start, a.event_date, CAST(a.published_at AS DATE))) AS year,
               sum(i.actual) AS actual, sum(i.target) AS plan, count(*) AS facts,
               -- what a plan can be held against: the figures that give one
               coalesce(sum(i.actual) FILTER (WHERE i.target IS NOT NULL), 0) AS actual_planned
        FROM indicators i JOIN articles a USING (article_id)
        WHERE i.metric IN {PLAN_METRICS} {totals_only}
        GROUP BY ALL""")


def most_cited_documents(wh: Warehouse, limit: int = 15) -> pd.DataFrame:
    if not wh.has("documents_cited"):
        return pd.DataFrame()
    return wh.df(f"""SELECT kind, number, symbol, issuer, article_count, first_cited, last_cited
                     FROM documents_cited ORDER BY article_count DESC, kind, number
                     LIMIT {int(limit)}""")


def people_most_posts(wh: Warehouse, limit: int = 15) -> pd.DataFrame:
    """People by the number of distinct posts the articles gave them (as people_directory
    lists them), ranked on counts first so that only the top names are listed in full."""
    return wh.df(f"""
        WITH top AS (
            SELECT p.name, count(DISTINCT t.post) AS n_posts, count(DISTINCT p.article_id) AS article_count
            FROM people p LEFT JOIN (SELECT article_id, name, unnest(titles) AS post FROM people) t
                 USING (article_id, name)
            GROUP BY p.name ORDER BY n_posts DESC, article_count DESC, p.name LIMIT {int(limit)})
        SELECT top.name, top.n_posts, top.article_count,
               array_to_string(list_sort(list_distinct(flatten(list(p.titles)))), '; ') AS posts,
               array_to_string(list_sort(list_distinct(list(a.locality) FILTER (WHERE a.locality IS NOT NULL)))[1:8], ', ')
                   AS localities
        FROM top JOIN people p USING (name) JOIN articles a USING (article_id)
        GROUP BY ALL ORDER BY top.n_posts DESC, top.article_count DESC, top.name""")
