"""A warehouse made before source_host / source_url / locality_evidence gets them on the next run."""

from __future__ import annotations

import duckdb

from tasks.store import apply_schema, schema_sql
from tasks.tables import TABLES

NEW = ("source_host", "source_url", "locality_evidence")


def _old_schema() -> str:
    sql = schema_sql()
    for c in NEW:
        sql = "\n".join(line for line in sql.split("\n") if c not in line)
    return sql.replace("    encoding       VARCHAR,\n", "    encoding       VARCHAR\n", 1)


def test_old_warehouse_gains_the_new_article_columns_in_registry_order(tmp_path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute(_old_schema())
    cols = [r[0] for r in con.execute("DESCRIBE articles").fetchall()]
    assert not set(NEW) & set(cols)  # the old layout, as before this change
    con.execute(
        "INSERT INTO articles (article_id, source_path, source_sha256, body, run_id) "
        "VALUES ('a', 'p.txt', 's', 'b', 'r')"
    )
    apply_schema(con)
    apply_schema(con)  # idempotent, as every run applies it
    assert [r[0] for r in con.execute("DESCRIBE articles").fetchall()] == TABLES["articles"].column_names
    assert con.execute(f"SELECT {', '.join(NEW)} FROM articles").fetchall() == [(None, None, None)]
    con.close()
