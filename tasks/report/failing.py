"""Per expectation: what was observed, and the rows that broke it.

dq_results keeps a label, success and the unexpected count per expectation per run. The observed
value (e.g. "60.0 % non-null, needs ≥ 50 %") is read off those counts; the failing rows are found
again by SQL, from the expectation's definition in expectations/*.json, among the rows the run
loaded — so the report shows article id, source path and the offending value without Great
Expectations keeping row-level results anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from tasks.quality import expectation_label, load_suites

MAX_FAILING_ROWS = 20

# The warehouse table behind each suite (the sources suite checks this run's file versions).
SUITE_TABLE = {"sources": "sources"}
# Rows a run is answerable for, per table: what it loaded (children through their article).
RUN_SCOPE = {
    "articles": "FROM articles t WHERE t.run_id = $run",
    "quarantine": "FROM quarantine t WHERE t.run_id = $run",
    "sources": "FROM sources t WHERE $run IN (t.first_run_id, t.last_run_id)",
}
CHILD_SCOPE = "FROM {table} t JOIN articles a USING (article_id) WHERE a.run_id = $run"
# Computed columns (tasks/quality.py DERIVED_FROM) as SQL.
DERIVED_SQL = {
    "published_year": "year(t.published_at)",
    "event_year": "year(t.event_date)",
    # words as pc.utf8_split_whitespace counts them (names hold no tabs or newlines); a regex
    # split costs ~1 s over 200k names
    "name_words": "len(list_filter(string_split(t.name, ' '), lambda w: w <> ''))",
    "has_value": "(t.actual IS NOT NULL OR t.target IS NOT NULL OR t.percent IS NOT NULL)",
    "text_chars": "length(t.text)",
    "evidence_chars": "length(t.evidence)",
}


@dataclass(frozen=True)
class Definition:
    suite: str
    type: str
    kwargs: dict


def definitions() -> dict[tuple[str, str], Definition]:
    """(table_name, label as stored in dq_results) -> the expectation's definition."""
    out = {}
    for name, spec in load_suites().items():
        for exp in spec["expectations"]:
            out[(name, expectation_label(exp))] = Definition(name, exp["type"], exp["kwargs"])
    return out


def observed(defn: Definition | None, rows: int | None, unexpected: int | None) -> str:
    """The value behind a pass/fail, in words."""
    if rows is None or unexpected is None:
        return "—"
    mostly = defn.kwargs.get("mostly") if defn else None
    need = f"needs ≥ {mostly:.0%}" if mostly is not None else "needs all"
    if not rows:
        return "no rows checked"
    if defn and defn.type == "expect_column_values_to_not_be_null":
        ok = rows - unexpected
        return f"{ok / rows:.1%} non-null ({ok:,} of {rows:,}; {need})"
    return f"{unexpected:,} of {rows:,} rows unexpected ({unexpected / rows:.1%}; {need})"


def _literal(v) -> str:
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, (int, float)):
        return repr(v)
    return "'" + str(v).replace("'", "''") + "'"


def _column(col: str, table_cols: set[str]) -> str | None:
    if col in table_cols:
        return f"t.{col}"
    return DERIVED_SQL.get(col)


def _bounds(expr: str, kw: dict) -> str:
    parts = []
    if kw.get("min_value") is not None:
        parts.append(f"{expr} < {_literal(kw['min_value'])}")
    if kw.get("max_value") is not None:
        parts.append(f"{expr} > {_literal(kw['max_value'])}")
    return f"{expr} IS NOT NULL AND ({' OR '.join(parts) or 'FALSE'})"


def failing_predicate(defn: Definition, table_cols: set[str]) -> tuple[str, str, str] | None:
    """(value SQL, WHERE SQL, QUALIFY SQL or "") selecting the rows that break the expectation,
    or None for a type this module does not know."""
    kw = defn.kwargs
    if defn.type == "expect_compound_columns_to_be_unique":
        found = [_column(c, table_cols) for c in kw["column_list"]]
        cols = [c for c in found if c is not None]
        if len(cols) < len(found):  # a column the table does not have
            return None
        return (
            f"concat_ws(' | ', {', '.join(cols)})",
            "TRUE",
            f"count(*) OVER (PARTITION BY {', '.join(cols)}) > 1",
        )
    expr = _column(kw.get("column", ""), table_cols)
    if expr is None:
        return None
    where = {
        "expect_column_values_to_not_be_null": f"{expr} IS NULL",
        "expect_column_values_to_be_unique": f"{expr} IS NOT NULL",
        "expect_column_values_to_match_regex": f"{expr} IS NOT NULL AND NOT regexp_matches({expr}, {_literal(kw.get('regex', ''))})",
        "expect_column_values_to_be_between": _bounds(expr, kw),
        "expect_column_value_lengths_to_be_between": _bounds(f"length({expr})", kw),
        "expect_column_values_to_be_in_set": f"{expr} IS NOT NULL AND {expr} NOT IN "
        f"({', '.join(_literal(v) for v in kw.get('value_set') or []) or 'NULL'})",
    }.get(defn.type)
    if where is None:
        return None
    qualify = (
        f"count(*) OVER (PARTITION BY {expr}) > 1" if defn.type == "expect_column_values_to_be_unique" else ""
    )
    return expr, where, qualify


def failing_rows_sql(defn: Definition, table_cols: set[str], limit: int = MAX_FAILING_ROWS) -> str | None:
    table = SUITE_TABLE.get(defn.suite, defn.suite)
    pred = failing_predicate(defn, table_cols)
    if pred is None:
        return None
    value, where, qualify = pred
    scope = RUN_SCOPE.get(table) or CHILD_SCOPE.format(table=table)
    article = "t.article_id" if "article_id" in table_cols else "NULL"
    path = "t.source_path" if "source_path" in table_cols else "a.source_path"
    return (
        f"SELECT {article} AS article_id, {path} AS source_path, "
        f"left(CAST({value} AS VARCHAR), 200) AS value {scope} AND ({where}) "
        + (f"QUALIFY {qualify} " if qualify else "")
        + f"ORDER BY 2, 1 LIMIT {int(limit)}"
    )


def failing_rows(wh, defn: Definition | None, run_id: str) -> tuple[list[dict], str]:
    """Up to MAX_FAILING_ROWS failing rows of `run_id`, and a note when none can be shown."""
    if defn is None:
        return [], "expectation no longer defined in expectations/*.json"
    table = SUITE_TABLE.get(defn.suite, defn.suite)
    sql = failing_rows_sql(defn, wh.columns(table))
    if sql is None:
        return [], f"rows for {defn.type} are not looked up"
    try:
        frame = wh.con.execute(sql.replace("$run", "?"), [run_id] * sql.count("$run")).df()
    except Exception as exc:  # a definition DuckDB cannot express must not break the report
        return [], f"could not look the rows up: {type(exc).__name__}"
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return rows, "" if rows else "no longer among the rows in the warehouse"
