"""docs/DATA_DICTIONARY.md is generated from the table registry and stays current; the same
meanings are in the warehouse as COMMENT ON."""

from __future__ import annotations

import duckdb

from tasks import dictionary
from tasks.store import apply_schema
from tasks.tables import TABLES


def test_the_committed_data_dictionary_is_current():
    assert dictionary.PAGE.read_text(encoding="utf-8") == dictionary.markdown(), (
        "docs/DATA_DICTIONARY.md is stale: run `python -m tasks.dictionary`"
    )


def test_the_dictionary_lists_every_column_and_the_coded_value_sets():
    page = dictionary.markdown()
    for table in TABLES.values():
        assert f"## `{table.name}`" in page
        for c in table.columns:
            assert f"| `{c.name}` | {c.duckdb} |" in page
    sets = dictionary.value_sets()
    assert {
        "indicators.metric",
        "people.role",
        "document_refs.kind",
        "boilerplate.kind",
        "quarantine.reason",
    } <= set(sets)
    assert "party_members_admitted" in sets["indicators.metric"]
    assert "nghi_quyet" in sets["document_refs.kind"] and "no_article" in sets["quarantine.reason"]


def test_the_schema_stores_the_meanings_as_comments():
    con = duckdb.connect()
    apply_schema(con)
    (table_comment,) = con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = 'runs'").fetchone()
    assert table_comment == TABLES["runs"].meaning
    (role,) = con.execute(
        "SELECT comment FROM duckdb_columns() WHERE table_name = 'people' AND column_name = 'role'"
    ).fetchone()
    assert role.startswith(TABLES["people"].column("role").meaning) and "values: chair" in role
    missing = con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE comment IS NULL "
        "AND table_name IN (SELECT table_name FROM duckdb_tables())"
    ).fetchall()
    assert missing == []
