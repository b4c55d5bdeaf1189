"""The real thing: `bantin run` (Prefect flow, GX, DuckDB) on seeds/ into a temporary folder."""

from __future__ import annotations

import shutil
import unicodedata
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from tasks.store import PUBLISHED_TABLES
from tasks.tables import DATA, LOG, TABLES, tables_in
from tests.conftest import SEEDS, load_gold, needs_shared

pytestmark = pytest.mark.slow

# What CONTRACT.md promises, as the table registry declares it (tests/unit/test_tables.py
# checks the registry against schema.sql; here the warehouse a real run built is checked).
CONTRACT = {
    t.name: {c.name: c.duckdb for c in t.columns if c.contract}
    for t in TABLES.values()
    if any(c.contract for c in t.columns)
}
DATA_TABLES = tables_in(DATA)


def snapshot(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in DATA_TABLES}
    finally:
        con.close()


def query(db: Path, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, prefect_home):
    """One real run over a copy of seeds/; shared by the read-only checks below."""
    import subprocess

    from tests.conftest import BANTIN, bantin_env

    root = tmp_path_factory.mktemp("seeded")
    shutil.copytree(SEEDS, root / "input")
    # relative paths, as a user types them (a fresh clone's `make run` uses seeds/ and data/)
    proc = subprocess.run(
        [str(BANTIN), "run", "--input", "input", "--data", "data"],
        capture_output=True,
        text=True,
        cwd=root,
        env=bantin_env(prefect_home),
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return root, proc


def test_run_prints_where_outputs_are(seeded):
    root, proc = seeded
    assert "warehouse:" in proc.stdout and "report:" in proc.stdout
    assert (root / "data" / "warehouse.duckdb").is_file()
    index = root / "data" / "reports" / "index.html"
    assert index.is_file()
    page = index.read_text(encoding="utf-8")
    assert "bantin — data quality" in page and "gx/index.html" in page
    assert (root / "data" / "reports" / "gx" / "index.html").is_file()


def test_run_output_has_no_teardown_noise(seeded):
    """Interpreter teardown once printed nanobind's "leaked instance" lines (objects frozen out
    of the last garbage collection); a nightly log must end with the summary, nothing after."""
    _, proc = seeded
    assert "leaked" not in proc.stderr and "nanobind" not in proc.stderr, proc.stderr[-2000:]
    assert proc.stdout.rstrip().splitlines()[-1].lstrip().startswith("report:")


def test_every_contract_table_and_column_exists_with_its_type(seeded):
    db = seeded[0] / "data" / "warehouse.duckdb"
    for table, columns in CONTRACT.items():
        got = dict(
            query(
                db,
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?",
                [table],
            )
        )
        for col, typ in columns.items():
            assert col in got, f"{table}.{col} missing"
            assert got[col] == typ, f"{table}.{col} is {got[col]}, contract says {typ}"


def test_contract_primary_keys(seeded):
    db = seeded[0] / "data" / "warehouse.duckdb"
    pk = query(
        db,
        "SELECT table_name, constraint_column_names FROM duckdb_constraints() "
        "WHERE constraint_type = 'PRIMARY KEY'",
    )
    keys = {t: tuple(c) for t, c in pk}
    assert {t: keys.get(t) for t in tables_in(DATA, LOG)} == {t: TABLES[t].key for t in tables_in(DATA, LOG)}
    assert keys["articles"] == ("article_id",)


def test_one_article_per_seed_and_parquet_datasets_written(seeded):
    root = seeded[0]
    db = root / "data" / "warehouse.duckdb"
    assert query(db, "SELECT count(*) FROM articles")[0][0] == 5
    assert query(db, "SELECT count(*) FROM sources WHERE present")[0][0] == 5
    for table in set(PUBLISHED_TABLES.values()) - {"quarantine"}:  # the seeds quarantine nothing
        parts = list((root / "data" / "parquet" / table).rglob("*.parquet"))
        assert parts, f"no Parquet for {table}"
    n = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{root}/data/parquet/articles/*/*.parquet')"
    ).fetchall()[0][0]
    assert n == 5
    assert not (root / "data" / "parquet" / "_staging").exists() or not any(
        (root / "data" / "parquet" / "_staging").iterdir()
    )


def test_runs_and_dq_results_recorded(seeded):
    db = seeded[0] / "data" / "warehouse.duckdb"
    runs = query(
        db,
        "SELECT status, files_seen, files_new, files_quarantined, articles_loaded, "
        "dq_success, finished_at FROM runs",
    )
    assert len(runs) == 1
    status, seen, new, quarantined, loaded, dq_ok, finished = runs[0]
    assert (status, seen, new, quarantined, loaded) == ("succeeded", 5, 5, 0, 5)
    assert finished is not None and dq_ok is not None
    dq = query(db, "SELECT table_name, count(*) FROM dq_results GROUP BY 1")
    assert {t for t, _ in dq} >= {"articles", "people", "document_refs", "indicators", "boilerplate"}


def test_body_plus_boilerplate_account_for_every_raw_line(seeded):
    db = seeded[0] / "data" / "warehouse.duckdb"
    for path in sorted(SEEDS.glob("*.txt")):
        raw = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        ((aid, body),) = query(db, "SELECT article_id, body FROM articles WHERE source_path = ?", [path.name])
        removed = [t for (t,) in query(db, "SELECT text FROM boilerplate WHERE article_id = ?", [aid])]
        body_lines = set(body.split("\n"))
        removed_text = "\n".join(removed)
        for line in (ln.strip() for ln in raw.split("\n")):
            if not line:
                continue
            in_body = line in body_lines or any(line.endswith(b) and b for b in body_lines if len(b) > 20)
            assert in_body or line in removed_text, f"{path.name}: line lost: {line[:80]!r}"


@needs_shared()
@pytest.mark.parametrize(
    "case",
    load_gold()
    if Path(__file__).resolve().parents[3].joinpath("shared", "gold", "seeds.json").exists()
    else [],
    ids=lambda c: c["file"],
)
def test_seed_matches_gold_in_the_warehouse(seeded, case):
    db = seeded[0] / "data" / "warehouse.duckdb"
    row = query(
        db,
        "SELECT title, published_at, event_date, author, source_site, locality, body "
        "FROM articles WHERE source_path = ?",
        [case["file"]],
    )
    assert row, f"no article for {case['file']}"
    title, published_at, event_date, author, source_site, locality, body = row[0]
    lines = body.split("\n")
    for gold_line in case["body_lines"]:
        assert any(
            ln == gold_line or gold_line.endswith(ln) and len(ln) > 0.6 * len(gold_line) for ln in lines
        ), f"gold body line missing: {gold_line[:80]!r}"
    for junk in case["non_body_lines"]:
        assert junk not in lines, f"chrome in body: {junk!r}"
    assert title == case["title"]
    want_pub = datetime.fromisoformat(case["published_at"]) if case["published_at"] else None
    assert published_at == want_pub
    assert event_date == (date.fromisoformat(case["event_date"]) if case["event_date"] else None)
    assert author == case["author"]
    if case["source_site"] is not None:
        assert source_site == case["source_site"]
    assert locality == case["locality"]


@needs_shared()
@pytest.mark.parametrize(
    "case",
    load_gold()
    if Path(__file__).resolve().parents[3].joinpath("shared", "gold", "seeds.json").exists()
    else [],
    ids=lambda c: c["file"],
)
def test_seed_facts_match_gold_in_the_warehouse(seeded, case):
    db = seeded[0] / "data" / "warehouse.duckdb"
    ((aid,),) = query(db, "SELECT article_id FROM articles WHERE source_path = ?", [case["file"]])

    def fold(s):
        return unicodedata.normalize("NFC", s).casefold()

    people = {
        fold(n): sorted(fold(t) for t in titles)
        for n, titles in query(db, "SELECT name, titles FROM people WHERE article_id = ?", [aid])
    }
    assert people == {fold(p["name"]): sorted(fold(t) for t in p["titles"]) for p in case["people"]}
    refs = sorted(query(db, "SELECT kind, number FROM document_refs WHERE article_id = ?", [aid]))
    assert refs == sorted((d["kind"], d["number"]) for d in case["document_refs"])
    got = query(
        db,
        "SELECT metric, actual, target, percent FROM indicators WHERE article_id = ? AND metric <> 'other'",
        [aid],
    )

    def close(a, b):
        return (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= 0.01)

    for g in case["indicators"]:
        if g.get("optional"):
            continue
        assert any(
            m == g["metric"] and close(a, g["actual"]) and close(t, g["target"]) and close(p, g["percent"])
            for m, a, t, p in got
        ), f"missing indicator {g}"
    for m, a, t, p in got:
        assert any(
            m == g["metric"] and close(a, g["actual"]) and close(t, g["target"]) and close(p, g["percent"])
            for g in case["indicators"]
        ), f"extra indicator {(m, a, t, p)}"


def test_second_run_over_same_input_changes_nothing(seeded, tmp_path, run_bantin):
    root = seeded[0]
    data = tmp_path / "data"
    shutil.copytree(root / "data", data)
    before = snapshot(data / "warehouse.duckdb")
    proc = run_bantin("run", "--input", str(root / "input"), "--data", str(data))
    assert proc.returncode == 0, proc.stderr
    assert snapshot(data / "warehouse.duckdb") == before
    last = query(
        data / "warehouse.duckdb",
        "SELECT files_seen, files_new, articles_loaded, status FROM runs ORDER BY started_at DESC LIMIT 1",
    )
    assert last == [(5, 0, 0, "succeeded")]


def test_sql_command_prints_a_table(seeded, run_bantin):
    data = seeded[0] / "data"
    proc = run_bantin("sql", "select count(*) as n from articles", "--data", str(data))
    assert proc.returncode == 0, proc.stderr
    assert " n " in proc.stdout and "5" in proc.stdout
    bad = run_bantin("sql", "select * from no_such_table", "--data", str(data))
    assert bad.returncode != 0 and "SQL error" in bad.stderr and "Traceback" not in bad.stderr
    write = run_bantin("sql", "delete from articles", "--data", str(data))
    assert write.returncode != 0
    assert query(data / "warehouse.duckdb", "SELECT count(*) FROM articles")[0][0] == 5


def test_report_command_prints_index_path(seeded, run_bantin):
    data = seeded[0] / "data"
    proc = run_bantin("report", "--data", str(data))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith("reports/index.html")
