"""The table registry (tasks/tables.py) against warehouse/schema.sql as DuckDB builds it."""

from __future__ import annotations

import duckdb
import pyarrow as pa
import pytest

from tasks.store import PUBLISHED_TABLES, schema_sql
from tasks.tables import ARTICLE_CHILDREN, DATA, LOG, STAGED, TABLES, tables_in


@pytest.fixture(scope="module")
def schema_db():
    con = duckdb.connect()
    con.execute(schema_sql())
    yield con
    con.close()


def test_registry_holds_exactly_the_tables_schema_sql_creates(schema_db):
    created = [
        t
        for (t,) in schema_db.execute("SELECT table_name FROM duckdb_tables() ORDER BY table_oid").fetchall()
    ]
    assert created == list(TABLES)


@pytest.mark.parametrize("name", list(TABLES))
def test_columns_types_and_nullability_match_schema_sql(schema_db, name):
    described = [
        (c, typ, null == "YES") for c, typ, null, *_ in schema_db.execute(f"DESCRIBE {name}").fetchall()
    ]
    declared = [(c.name, c.duckdb, c.nullable) for c in TABLES[name].columns]
    assert declared == described


@pytest.mark.parametrize("name", list(TABLES))
def test_key_matches_the_primary_key_of_schema_sql(schema_db, name):
    (pk,) = schema_db.execute(
        "SELECT constraint_column_names FROM duckdb_constraints() "
        "WHERE table_name = ? AND constraint_type = 'PRIMARY KEY'",
        [name],
    ).fetchone()
    assert tuple(pk) == TABLES[name].key


@pytest.mark.parametrize("name", list(TABLES))
def test_each_arrow_type_is_what_duckdb_makes_of_the_declared_type(name):
    """Staged Parquet read by DuckDB lands in the declared column types, with no cast."""
    table = TABLES[name]
    con = duckdb.connect()
    con.register("staged", pa.schema([c.field for c in table.columns]).empty_table())
    assert [(c, typ) for c, typ, *_ in con.execute("DESCRIBE staged").fetchall()] == [
        (c.name, c.duckdb) for c in table.columns
    ]


def test_every_column_has_a_one_line_meaning():
    for table in TABLES.values():
        assert table.meaning
        for c in table.columns:
            assert c.meaning.strip() and "\n" not in c.meaning, f"{table.name}.{c.name}"


def test_staged_datasets_carry_the_warehouse_columns_they_load():
    assert set(STAGED) == {
        "articles",
        "boilerplate",
        "people",
        "document_refs",
        "indicators",
        "source_versions",
        "quarantine",
    }
    assert PUBLISHED_TABLES["source_versions"] == "sources"
    for table in STAGED.values():
        names = table.arrow_schema.names
        # staged order is warehouse order: the loader's column lists rely on it
        assert [n for n in table.column_names if n in names] == [n for n in names if n in table.column_names]
        assert set(names) - set(table.column_names) <= {"_source_path"}
    assert STAGED["source_versions"].arrow_schema.names == [
        "source_path",
        "source_sha256",
        "article_id",
        "encoding",
        "size_bytes",
        "mtime_ns",
    ]
    for child in ARTICLE_CHILDREN:
        assert TABLES[child].arrow_schema.names[-1] == "_source_path"


def test_groups():
    assert ARTICLE_CHILDREN == ("boilerplate", "people", "document_refs", "indicators")
    assert tables_in(DATA) == (
        "articles",
        "boilerplate",
        "people",
        "document_refs",
        "indicators",
        "sources",
        "quarantine",
    )
    assert tables_in(LOG) == ("runs", "dq_results", "run_stages")
