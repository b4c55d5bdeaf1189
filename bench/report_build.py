"""Time the data-quality report over a synthetic warehouse (default 100,000 articles, 30 runs).

    python bench/report_build.py [--articles 100000] [--runs 30] [--data /tmp/bantin-report-bench]

The warehouse is made by SQL (warehouse/schema.sql + views, then generated rows: 60 portals with
their own field coverage, ~12 chrome segments, 2 people, 1 document and 1.5 indicators per
article, 5 % quarantined files, every expectation of expectations/*.json per run with a few
failures, stage durations) and reused when it already has the asked size. The build runs in a
fresh Python process, as `bantin report` does; printed: seconds for the whole command and for
build_report alone (without the Python imports). Target: under 10 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PORTALS = 60
SYNTHETIC_VERSION = 4  # bump when make_warehouse changes: an older warehouse is made again


def make_warehouse(db: Path, n_articles: int, n_runs: int) -> None:
    import duckdb

    from tasks.store import apply_schema

    db.parent.mkdir(parents=True, exist_ok=True)
    for p in (db, db.with_suffix(".duckdb.wal")):
        p.unlink(missing_ok=True)
    con = duckdb.connect(str(db))
    apply_schema(con)
    q = con.execute
    q(f"""INSERT INTO runs SELECT 'run' || lpad(i::VARCHAR, 3, '0'),
              TIMESTAMP '2026-11-01 02:00:00' + INTERVAL (i) DAY,
              TIMESTAMP '2026-11-01 02:00:00' + INTERVAL (i) DAY + INTERVAL (60 + i) SECOND,
              'succeeded', {n_articles} // {n_runs} * (i + 1), {n_articles} // {n_runs},
              {n_articles} // {n_runs} // 20, {n_articles} // {n_runs}, i % 7 <> 3, 0, 'input', NULL, NULL
          FROM range({n_runs}) t(i)""")
    # article i: portal i % PORTALS, run (i // PORTALS) % n_runs (every portal in every run);
    # coverage differs by portal
    q(f"""INSERT INTO articles SELECT
              lpad(printf('%x', i), 16, '0'), 'portal' || (i % {PORTALS}) || '.gov.vn/' || i || '.txt',
              repeat('a', 64),
              CASE WHEN hash(i, 1) % 100 < 60 + (i % {PORTALS}) * 0.6 THEN 'Tiêu đề bài ' || i END,
              CASE WHEN hash(i, 2) % 100 < 80 THEN TIMESTAMP '2024-01-01' + INTERVAL (i % 700) DAY END,
              CASE WHEN hash(i, 3) % 100 < 50 THEN DATE '2024-01-01' + INTERVAL (i % 700) DAY END,
              'portal' || (i % {PORTALS}) || '.gov.vn',
              CASE WHEN hash(i, 4) % 100 < 40 THEN 'Tác giả ' || (i % 500) END,
              CASE WHEN hash(i, 5) % 100 < 70 THEN 'Tỉnh ' || (i % 34) END,
              repeat('Nội dung bài viết. ', 30), 'run' || lpad((i // {PORTALS} % {n_runs})::VARCHAR, 3, '0'),
              570, 'utf-8',
              'portal' || (i % {PORTALS}) || '.gov.vn',
              'https://portal' || (i % {PORTALS}) || '.gov.vn/' || i || '.html',
              CASE WHEN hash(i, 5) % 100 < 70 THEN 'host: portal' || (i % {PORTALS}) || '.gov.vn' END
          FROM range({n_articles}) t(i)""")
    _derived_rows(q, n_articles, n_runs)
    q(f"CREATE TABLE _bench_synthetic AS SELECT {SYNTHETIC_VERSION} AS version")
    con.close()


def _derived_rows(q, n_articles: int, n_runs: int) -> None:
    """Facts, chrome, sources, quarantine, expectation results and stage durations."""
    from tasks.report.failing import definitions

    q("""INSERT INTO boilerplate SELECT article_id, s, CASE s % 4 WHEN 0 THEN 'header'
              WHEN 1 THEN 'links' WHEN 2 THEN 'related_news' ELSE 'share_tools' END,
              'Dòng chrome số ' || s || ' của trang', s FROM articles, range(12) t(s)""")
    q("""INSERT INTO people SELECT article_id, 'Nguyễn Văn ' || ((hash(article_id) + k) % 5000),
              ['Bí thư Huyện ủy ' || ((hash(article_id) + k) % 40)], 'attendee', 10
         FROM articles, range(2) t(k)""")
    q("""INSERT INTO document_refs SELECT article_id, 'nghi_quyet|' || (hash(article_id) % 300),
              'nghi_quyet', (hash(article_id) % 300)::VARCHAR, (hash(article_id) % 300) || '-NQ/TU',
              'Tỉnh ủy', NULL, 'Nghị quyết', 0, 10 FROM articles""")
    q("""INSERT INTO indicators SELECT article_id, k,
              CASE WHEN k = 0 THEN 'party_members_admitted' ELSE 'party_orgs_established' END,
              10 + hash(article_id) % 90, CASE WHEN k = 0 THEN 100 END, NULL, 'đảng viên', NULL,
              '2024', DATE '2024-01-01', DATE '2024-12-31', 'kết nạp đảng viên', 0, 10, NULL
         FROM articles, range(2) t(k) WHERE k = 0 OR hash(article_id) % 2 = 0""")
    q("""INSERT INTO sources SELECT source_path, source_sha256, article_id, 'utf-8', run_id, run_id,
              true, 1000, 0 FROM articles""")
    q(f"""INSERT INTO quarantine SELECT printf('%016x', i), 'portal' || (i % {PORTALS}) || '.gov.vn/q' || i
              || '.txt', NULL, CASE WHEN i % 3 = 0 THEN 'not_article' ELSE 'no_article' END,
              'listing', 'run' || lpad((i // {PORTALS} % {n_runs})::VARCHAR, 3, '0')
          FROM range({n_articles} // 20) t(i)""")
    labels = ", ".join("('{}', '{}')".format(t, e.replace("'", "''")) for t, e in definitions())
    q(f"CREATE TEMP TABLE labels AS SELECT * FROM (VALUES {labels}) v(table_name, expectation)")
    q(f"""INSERT INTO dq_results SELECT 'run' || lpad(i::VARCHAR, 3, '0'), table_name, expectation,
              NOT (i % 7 = 3 AND hash(expectation) % 5 = 0), (hash(i, expectation) % 30)::BIGINT,
              {n_articles} // {n_runs} FROM labels, range({n_runs}) t(i)""")
    q(f"""INSERT INTO run_stages SELECT 'run' || lpad(i::VARCHAR, 3, '0'), s, 1 + (hash(i, s) % 200) / 10.0, 400
          FROM range({n_runs}) t(i), (VALUES ('start'), ('discover_plan'), ('clean_extract_flow'),
               ('scan'), ('clean_extract'), ('validate'), ('load'), ('publish_report')) v(s)""")


def warehouse_size(db: Path) -> tuple[int, int, int]:
    """(articles, runs, synthetic version) of a bench warehouse; zeros when there is none."""
    import duckdb

    if not db.exists():
        return 0, 0, 0
    with duckdb.connect(str(db), read_only=True) as con:
        try:
            return (
                con.execute("SELECT count(*) FROM articles").fetchone()[0],
                con.execute("SELECT count(*) FROM runs").fetchone()[0],
                con.execute("SELECT max(version) FROM _bench_synthetic").fetchone()[0],
            )
        except duckdb.Error:
            return 0, 0, 0


TIMED = """
import sys, time
t0 = time.perf_counter()
from pathlib import Path
from tasks.report import build_report
import tasks.report.build
t1 = time.perf_counter()
build_report(Path(sys.argv[1]))
print(f"BENCH {t1 - t0:.3f} {time.perf_counter() - t1:.3f}")
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--data", type=Path, default=Path("/tmp/bantin-report-bench"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    db = args.data / "warehouse.duckdb"
    if warehouse_size(db) != (args.articles, args.runs, SYNTHETIC_VERSION):
        t = time.perf_counter()
        make_warehouse(db, args.articles, args.runs)
        print(
            f"synthetic warehouse: {args.articles:,} articles, {args.runs} runs, "
            f"made in {time.perf_counter() - t:.1f} s ({db})"
        )
    for _ in range(args.repeat):
        t, cpu = time.perf_counter(), _children_cpu()
        stdout = subprocess.run(
            [sys.executable, "-c", TIMED, str(args.data)],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        out = next(line.split()[1:] for line in stdout.splitlines() if line.startswith("BENCH "))
        if stdout.strip().count("\n"):
            print("build printed:", stdout.strip().splitlines()[:-1][:5])
        total, cpu = time.perf_counter() - t, _children_cpu() - cpu
        print(
            f"report build: {total:.2f} s for the whole process "
            f"(imports {float(out[0]):.2f} s, build_report {float(out[1]):.2f} s; "
            f"CPU {cpu:.2f} s, load average {os.getloadavg()[0]:.1f}); target < 10 s"
        )


def _children_cpu() -> float:
    """CPU seconds (user + system) of finished child processes: steadier than wall time on a
    busy machine, and above it when DuckDB runs threads."""
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


if __name__ == "__main__":
    main()
