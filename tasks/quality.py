"""Data quality: GX suites from expectations/*.json, run against what this run staged.

Great Expectations is imported only here and only when validation runs (its import costs ~3 s).
Suites live as files; each run builds an ephemeral GX context from them (a file-backed context
breaks when the same datasource is added twice, see STACK-NOTES).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tasks.tables import STAGED, TABLES

# The `expectations` package (the top-level expectations/ folder) ships in the wheel.
EXPECTATIONS_PACKAGE = "expectations"

# Staged dataset that each suite (named after its table) validates: the sources suite checks
# this run's file versions.
SUITE_DATASET = {t.name: t.staged_as for t in TABLES.values() if t.staged_as}
# Staged datasets of an article's rows, and the column naming the file each row came from.
ARTICLE_TABLES = {t.staged_as: t.copy_column for t in TABLES.values() if t.copy_column}


@dataclass(frozen=True)
class DqResult:
    table_name: str
    expectation: str
    success: bool
    unexpected_count: int | None
    rows_checked: int


def load_suites(directory: Traversable | None = None) -> dict[str, dict]:
    """The suites in `directory` (default: the installed expectations/*.json), by name."""
    directory = directory or resources.files(EXPECTATIONS_PACKAGE)
    suites = {}
    for path in sorted((f for f in directory.iterdir() if f.name.endswith(".json")), key=lambda f: f.name):
        spec = json.loads(path.read_text(encoding="utf-8"))
        keys = [expectation_key(e["type"], e["kwargs"]) for e in spec["expectations"]]
        if len(set(keys)) != len(keys):
            raise ValueError(f"{path}: two expectations of one type on one column")
        suites[spec["name"]] = spec
    if not suites:
        raise FileNotFoundError(f"no expectation suites in {directory}")
    return suites


def suite_columns(spec: dict) -> list[str]:
    cols: list[str] = []
    for exp in spec["expectations"]:
        kw = exp["kwargs"]
        for c in [kw.get("column"), *kw.get("column_list", [])]:
            if c and c not in cols:
                cols.append(c)
    return cols


def expectation_label(exp: dict) -> str:
    kw = {k: v for k, v in exp["kwargs"].items() if k not in ("batch_id",)}
    target = kw.pop("column", None) or ",".join(kw.pop("column_list", []) or [])
    extras = []
    for k in ("min_value", "max_value", "mostly"):
        if k in kw and kw[k] is not None:
            extras.append(f"{k}={kw[k]}")
    return f"{exp['type']}({target}{'; ' + ', '.join(extras) if extras else ''})"


# Computed columns some expectations check, and the stored columns they are computed from.
# Long text is checked through its length so it never has to be copied into pandas.
DERIVED_FROM = {
    "published_year": ("published_at",),
    "event_year": ("event_date",),
    "name_words": ("name",),
    "has_value": ("actual", "target", "percent"),
    "text_chars": ("text",),
    "evidence_chars": ("evidence",),
}


def derive_columns(table_name: str, table: pa.Table) -> pa.Table:
    """Columns some expectations need that are computed, not stored (idempotent)."""

    def add(name: str, make):
        nonlocal table
        if name not in table.column_names:
            table = table.append_column(name, make())

    if "text" in table.column_names:
        add("text_chars", lambda: pc.utf8_length(table["text"]))
    if "evidence" in table.column_names:
        add("evidence_chars", lambda: pc.utf8_length(table["evidence"]))
    if table_name == "articles":
        for src, dst in (("published_at", "published_year"), ("event_date", "event_year")):
            if src in table.column_names:
                add(dst, lambda src=src: pc.year(table[src]))
    elif table_name == "people" and "name" in table.column_names:
        add("name_words", lambda: pc.list_value_length(pc.utf8_split_whitespace(table["name"])))
    elif table_name == "indicators" and "actual" in table.column_names:
        add(
            "has_value",
            lambda: pc.or_(
                pc.or_(pc.is_valid(table["actual"]), pc.is_valid(table["target"])),
                pc.is_valid(table["percent"]),
            ),
        )
    return table


def validate_staged(data_dir: Path, run_id: str, suites: dict[str, dict] | None = None) -> list[DqResult]:
    """Validate exactly what this run staged (never the warehouse's history), one copy per
    article, as the load will keep it. DuckDB reads the staged Parquet: only the columns the
    expectations look at, long text as its length, the one-copy rule as a join."""
    import duckdb

    from tasks.store import staged_files

    suites = suites or load_suites()
    tables = {}
    with duckdb.connect() as con:
        con.execute("SET memory_limit = '512MB'")
        art_files = staged_files(data_dir, run_id, "articles")
        if art_files:
            con.execute(f"""CREATE TEMP TABLE first_copy AS SELECT article_id, min(source_path) AS source_path
                            FROM read_parquet({_sql_list(art_files)}) GROUP BY article_id""")
        for name, spec in suites.items():
            dataset = SUITE_DATASET.get(name, name)
            files = staged_files(data_dir, run_id, dataset)
            schema = STAGED[dataset].arrow_schema
            if not files:
                table = schema.empty_table()
            else:
                table = _query_arrow(con, _suite_query(spec, schema, files, dataset))
            table = derive_columns(name, table)
            tables[dataset] = table.select([c for c in suite_columns(spec) if c in table.column_names])
    return validate_tables(tables, data_dir / "reports" / "gx", suites, run_name=run_id)


# Lengths computed while reading, so long text is never held whole.
_LENGTH_OF = {"text_chars": "text", "evidence_chars": "evidence"}


def _suite_query(spec: dict, schema: pa.Schema, files: list[Path], dataset: str) -> str:
    select = []
    for col in suite_columns(spec):
        if col in schema.names:
            select.append(f"c.{col}")
        elif col in _LENGTH_OF:
            select.append(f"length(c.{_LENGTH_OF[col]}) AS {col}")
        else:
            select += [f"c.{src}" for src in DERIVED_FROM.get(col, ()) if f"c.{src}" not in select]
    sql = f"SELECT {', '.join(dict.fromkeys(select))} FROM read_parquet({_sql_list(files)}) c"
    if dataset in ARTICLE_TABLES:
        sql += (
            " JOIN first_copy f ON f.article_id = c.article_id "
            f"AND f.source_path = c.{ARTICLE_TABLES[dataset]}"
        )
    return sql


def _sql_list(files: list[Path]) -> str:
    return "[" + ", ".join("'" + str(f).replace("'", "''") + "'" for f in files) + "]"


def _query_arrow(con, sql: str) -> pa.Table:
    return con.sql(sql).to_arrow_table()


def validate_tables(
    tables: dict[str, pa.Table],
    docs_dir: Path,
    suites: dict[str, dict] | None = None,
    run_name: str | None = None,
) -> list[DqResult]:
    """Validate each table against its suite; build GX Data Docs into docs_dir (offline: their
    CDN assets vendored, tasks/report/gx_offline.py). run_name (bantin's run id) names the
    validation in the Data Docs instead of GX's `__none__`."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    for name in ("great_expectations", "great_expectations.data_context.types.base"):
        logging.getLogger(name).setLevel(logging.ERROR)
    suites = suites or load_suites()
    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    docs_dir.mkdir(parents=True, exist_ok=True)
    ctx.add_data_docs_site(
        site_name="bantin",
        site_config={
            "class_name": "SiteBuilder",
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(docs_dir.resolve()) + "/",
            },
        },
    )
    source = ctx.data_sources.add_pandas("bantin")
    definitions, labels = [], {}
    for name, spec in suites.items():
        if tables.get(SUITE_DATASET.get(name, name)) is None:
            continue
        suite = ctx.suites.add(
            gx.ExpectationSuite(
                name=name,
                expectations=[{"type": e["type"], "kwargs": e["kwargs"]} for e in spec["expectations"]],
                meta=spec.get("meta", {}),
            )
        )
        labels[name] = [expectation_label(e) for e in spec["expectations"]]
        batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe("run")
        definitions.append(
            (
                name,
                ctx.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=suite)),
            )
        )

    # One dataframe per asset, built just before its validation and dropped after: the peak is
    # the largest table's frame, not the sum of all of them.
    results: list[DqResult] = []
    for name, vd in definitions:
        table = derive_columns(name, tables[SUITE_DATASET.get(name, name)])
        frame = to_frame(table.select([c for c in suite_columns(suites[name]) if c in table.column_names]))
        outcome = vd.run(
            batch_parameters={"dataframe": frame}, result_format="SUMMARY", run_id=_run_identifier(run_name)
        )
        by_key = _results_by_key(outcome)
        for exp, label in zip(suites[name]["expectations"], labels[name], strict=False):
            ok, unexpected = by_key.get(expectation_key(exp["type"], exp["kwargs"]), (False, None))
            results.append(DqResult(name, label, ok, unexpected, len(frame)))
        del frame, outcome
    ctx.build_data_docs(site_names=["bantin"])
    from tasks.report.gx_offline import make_offline

    make_offline(docs_dir)
    return results


def _run_identifier(run_name: str | None):
    from great_expectations.core.run_identifier import RunIdentifier

    return RunIdentifier(run_name=run_name) if run_name else None


# A string column with fewer distinct values than this share of its rows becomes a pandas
# Categorical (codes + one copy of each value) instead of one Python str per row: boilerplate's
# article_id over 1.2 M rows is 100 k values, `kind` a dozen.
CATEGORICAL_MAX_SHARE = 0.5


def to_frame(table: pa.Table) -> pd.DataFrame:
    """Arrow -> the plain pandas dtypes GX's pandas engine handles (numbers float64, strings
    object or Categorical, nulls None)."""
    out = {}
    for name in table.column_names:
        col = table[name]
        kind = col.type
        if pa.types.is_integer(kind) or pa.types.is_floating(kind):
            s = col.to_pandas().astype("float64")
        elif (
            (pa.types.is_string(kind) or pa.types.is_large_string(kind))
            and len(col)
            and pc.count_distinct(col).as_py() <= CATEGORICAL_MAX_SHARE * len(col)
        ):
            s = col.dictionary_encode().to_pandas()
        else:
            s = col.to_pandas()
            s = s.astype(object).where(s.notna(), None)
        out[name] = s.reset_index(drop=True) if hasattr(s, "reset_index") else s
    if not out:
        return pd.DataFrame()
    return (
        pd.DataFrame(out)
        if table.num_rows
        else pd.DataFrame({c: pd.Series(dtype="object") for c in table.column_names})
    )


def expectation_key(exp_type: str, kwargs: dict) -> tuple:
    return (exp_type, kwargs.get("column"), tuple(kwargs.get("column_list") or ()))


def _results_by_key(outcome) -> dict[tuple, tuple[bool, int | None]]:
    out = {}
    for res in outcome.results:
        cfg = res.expectation_config
        out[expectation_key(cfg.type, dict(cfg.kwargs))] = (
            bool(res.success),
            res.result.get("unexpected_count"),
        )
    return out
