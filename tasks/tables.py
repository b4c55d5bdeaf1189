"""The warehouse's tables, declared once: every column's name, DuckDB and Arrow type,
nullability and one-line meaning, and each table's key.

warehouse/schema.sql stays the DDL (the file a reader of the warehouse opens, with its
comments and its migration-safe `IF NOT EXISTS`); tests/unit/test_tables.py checks that this
registry and the tables DuckDB builds from schema.sql agree column by column. Everything else
derives from here: the Arrow schemas of the staged Parquet (tasks/rows.py), the loader's column
lists (tasks/load.py), the staged and published dataset names (tasks/store.py), the one-copy
rule of validation (tasks/quality.py), the report's table list (tasks/report.py) and the tests.

A table a run stages as Parquet names its dataset in `staged_as`. Staged Arrow fields are all
nullable: NOT NULL is the warehouse's constraint and Great Expectations reports a staged row that
breaks it, instead of one bad row failing a whole batch's Parquet write.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

# Table groups: what a table holds, for the report and the tests' snapshots.
DATA, LOG, DERIVED = "data", "log", "derived"


@dataclass(frozen=True)
class Column:
    name: str
    duckdb: str  # as DuckDB's DESCRIBE prints it
    arrow: pa.DataType
    nullable: bool
    meaning: str
    contract: bool = True  # listed in CONTRACT.md (renaming or dropping it breaks users)
    staged: bool = True  # present in the staged Parquet (False: the loader fills it)

    @property
    def field(self) -> pa.Field:
        return pa.field(self.name, self.arrow)


@dataclass(frozen=True)
class Table:
    name: str
    meaning: str
    group: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    staged_as: str | None = None  # the Parquet dataset a run stages for this table
    # Of tables holding an article's rows: the staged column naming the file a row came from
    # (the load and the validation keep one copy of an article held by two files).
    copy_column: str | None = None

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def staged_columns(self) -> list[Column]:
        extra = [_SOURCE_FILE] if self.copy_column == _SOURCE_FILE.name else []
        return [c for c in self.columns if c.staged] + extra

    @property
    def arrow_schema(self) -> pa.Schema:
        """The staged Parquet's schema."""
        return pa.schema([c.field for c in self.staged_columns])

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def col(
    name: str,
    duckdb: str,
    arrow: pa.DataType,
    meaning: str,
    *,
    null: bool = True,
    contract: bool = True,
    staged: bool = True,
) -> Column:
    return Column(name, duckdb, arrow, null, meaning, contract, staged)


_STR, _I32, _I64, _F64, _BOOL = pa.string(), pa.int32(), pa.int64(), pa.float64(), pa.bool_()
_TS, _DATE = pa.timestamp("us"), pa.date32()

# Staged only, never loaded: child rows keep the file they came from until the load picks one
# copy of each article.
_SOURCE_FILE = col(
    "_source_path", "VARCHAR", _STR, "input file this staged row came from (staging only)", contract=False
)


def _article_id(meaning: str = "the article (articles.article_id)") -> Column:
    return col("article_id", "VARCHAR", _STR, meaning, null=False)


def _offsets(of: str) -> tuple[Column, Column]:
    return (
        col("start_offset", "INTEGER", _I32, f"offset in articles.body where {of} starts", contract=False),
        col("end_offset", "INTEGER", _I32, f"offset in articles.body where {of} ends", contract=False),
    )


ARTICLES = Table(
    "articles",
    "one row per distinct article",
    DATA,
    (
        _article_id("stable id: sha256 of the normalised title + body (first 16 hex)"),
        col(
            "source_path",
            "VARCHAR",
            _STR,
            "first input file (by path) that gave this article, relative to --input",
            null=False,
        ),
        col("source_sha256", "VARCHAR", _STR, "sha256 of that file's raw bytes", null=False),
        col("title", "VARCHAR", _STR, "headline; NULL when the page has none"),
        col(
            "published_at",
            "TIMESTAMP",
            _TS,
            "date/time the page gives for this article (Vietnam local time, naive); NULL if none",
        ),
        col("event_date", "DATE", _DATE, 'date of the reported event ("Chiều 21/10" resolved)'),
        col(
            "source_site",
            "VARCHAR",
            _STR,
            "lower-case site name the page credits, e.g. haiphong.gov.vn; NULL if not stated",
        ),
        col("author", "VARCHAR", _STR, "byline"),
        col(
            "locality",
            "VARCHAR",
            _STR,
            'province-level unit the article is about, without "Thành phố"/"Tỉnh"',
        ),
        col("body", "VARCHAR", _STR, "cleaned article text, NFC, paragraphs separated by \\n", null=False),
        col("run_id", "VARCHAR", _STR, "the run that loaded it", null=False),
        col("body_chars", "INTEGER", _I32, "length of body in characters", contract=False),
        col("encoding", "VARCHAR", _STR, "encoding the source file was decoded from", contract=False),
        # added after the first warehouses: last, so ALTER TABLE … ADD COLUMN gives the same order
        col(
            "source_host",
            "VARCHAR",
            _STR,
            "host the page was crawled from (<input>/<host>/… layout "
            "or a manifest.tsv URL), without www.; NULL when the input does not tell",
        ),
        col("source_url", "VARCHAR", _STR, "the page's URL from the input's manifest; NULL otherwise"),
        col(
            "locality_evidence",
            "VARCHAR",
            _STR,
            'why locality was chosen, e.g. "text: huyện Thạch '
            'Hà", "host: langson.gov.vn"; NULL when locality is NULL',
        ),
    ),
    key=("article_id",),
    staged_as="articles",
    copy_column="source_path",
)

BOILERPLATE = Table(
    "boilerplate",
    "every segment removed from a raw file (page chrome)",
    DATA,
    (
        _article_id(),
        col("seq", "INTEGER", _I32, "order of the segment within the article", null=False),
        col(
            "kind",
            "VARCHAR",
            _STR,
            "segment label: header, title, byline, source_credit, "
            "related_news, cookie_notice, comments, share_tools, links, ...",
            null=False,
        ),
        col("text", "VARCHAR", _STR, "the removed line(s) as written, NFC", null=False),
        col("line_no", "INTEGER", _I32, "0-based raw line where the segment starts", contract=False),
    ),
    key=("article_id", "seq"),
    staged_as="boilerplate",
    copy_column="_source_path",
)

PEOPLE = Table(
    "people",
    "one row per person per article",
    DATA,
    (
        _article_id(),
        col("name", "VARCHAR", _STR, "the person's name as written, NFC", null=False),
        col("titles", "VARCHAR[]", pa.list_(_STR), "positions the article gives them, each as written"),
        col("role", "VARCHAR", _STR, "chair, speaker, attendee or mentioned", null=False),
        col("first_offset", "INTEGER", _I32, "offset of the first mention in articles.body", contract=False),
    ),
    key=("article_id", "name"),
    staged_as="people",
    copy_column="_source_path",
)

DOCUMENT_REFS = Table(
    "document_refs",
    "one row per distinct referenced document per article",
    DATA,
    (
        _article_id(),
        col(
            "doc_key",
            "VARCHAR",
            _STR,
            "kind + number (+ symbol): what makes a document distinct",
            null=False,
            contract=False,
        ),
        col(
            "kind",
            "VARCHAR",
            _STR,
            "document kind: nghi_quyet, ket_luan, chi_thi, quy_dinh, "
            "quyet_dinh, huong_dan, ke_hoach, thong_bao, de_an, chuong_trinh",
            null=False,
        ),
        col("number", "VARCHAR", _STR, 'number as written ("09" stays "09")'),
        col("symbol", "VARCHAR", _STR, "symbol, e.g. 28-NQ/TU; NULL when not written"),
        col("issuer", "VARCHAR", _STR, "issuing body, e.g. Bộ Chính trị; NULL when not written"),
        col("issued_date", "DATE", _DATE, "date the document was issued"),
        col("evidence", "VARCHAR", _STR, "the text the reference was read from", contract=False),
        *_offsets("the evidence"),
    ),
    key=("article_id", "doc_key"),
    staged_as="document_refs",
    copy_column="_source_path",
)

INDICATORS = Table(
    "indicators",
    "one row per quantitative fact",
    DATA,
    (
        _article_id(),
        col(
            "seq",
            "INTEGER",
            _I32,
            "order of the fact within the article (with article_id the key)",
            null=False,
        ),
        col("metric", "VARCHAR", _STR, "what is counted, e.g. party_members_admitted, or other", null=False),
        col("actual", "DOUBLE", _F64, "the figure achieved"),
        col("target", "DOUBLE", _F64, "the figure planned"),
        col("percent", "DOUBLE", _F64, "percent as written (111,9% -> 111.9)"),
        col("unit", "VARCHAR", _STR, "unit as written, e.g. đảng viên"),
        col("qualifier", "VARCHAR", _STR, '"trên", "gần", "hơn" ... as written', contract=False),
        col("period", "VARCHAR", _STR, "period as written"),
        col("period_start", "DATE", _DATE, "first day of the period", contract=False),
        col("period_end", "DATE", _DATE, "last day of the period", contract=False),
        col("evidence", "VARCHAR", _STR, "the sentence it came from", null=False),
        *_offsets("the evidence sentence"),
        col(
            "part_of",
            "INTEGER",
            _I32,
            "seq of the total this figure is a part of; NULL for a total",
            contract=False,
        ),
    ),
    key=("article_id", "seq"),
    staged_as="indicators",
    copy_column="_source_path",
)

SOURCES = Table(
    "sources",
    "one row per input file version seen",
    DATA,
    (
        col("source_path", "VARCHAR", _STR, "input file path, relative to --input", null=False),
        col("source_sha256", "VARCHAR", _STR, "sha256 of this version's raw bytes", null=False),
        col("article_id", "VARCHAR", _STR, "the article it gave; NULL when quarantined"),
        col("encoding", "VARCHAR", _STR, "encoding as detected"),
        col("first_run_id", "VARCHAR", _STR, "first run that saw this version", null=False, staged=False),
        col(
            "last_run_id",
            "VARCHAR",
            _STR,
            "last run that changed this row (loaded it, or saw it vanish)",
            null=False,
            staged=False,
        ),
        col(
            "present",
            "BOOLEAN",
            _BOOL,
            "false once the file has vanished from the input folder or changed",
            null=False,
            staged=False,
        ),
        col("size_bytes", "BIGINT", _I64, "file size when last read", contract=False),
        col(
            "mtime_ns",
            "BIGINT",
            _I64,
            "file mtime (ns) when last read: with the size, what incremental runs compare",
            contract=False,
        ),
    ),
    key=("source_path", "source_sha256"),
    staged_as="source_versions",
)

QUARANTINE = Table(
    "quarantine",
    "inputs that could not become an article",
    DATA,
    (
        col(
            "quarantine_id",
            "VARCHAR",
            _STR,
            "hash of path + sha256 + reason: one row per bad version",
            null=False,
            contract=False,
        ),
        col("source_path", "VARCHAR", _STR, "input file path, relative to --input", null=False),
        col("source_sha256", "VARCHAR", _STR, "sha256 of the raw bytes; NULL when unreadable"),
        col(
            "reason",
            "VARCHAR",
            _STR,
            "short code: empty, binary, undecodable, no_article, processing_error, ...",
            null=False,
        ),
        col("detail", "VARCHAR", _STR, "what went wrong, for a person"),
        col("run_id", "VARCHAR", _STR, "first run that quarantined it", null=False),
    ),
    key=("quarantine_id",),
    staged_as="quarantine",
)

RUNS = Table(
    "runs",
    "one row per run",
    LOG,
    (
        col("run_id", "VARCHAR", _STR, "the run's id (start time + random suffix)", null=False),
        col("started_at", "TIMESTAMP", _TS, "when the run started", null=False),
        col("finished_at", "TIMESTAMP", _TS, "when it finished; NULL while running"),
        col(
            "status",
            "VARCHAR",
            _STR,
            "running, succeeded, failed, interrupted (Ctrl-C, SIGTERM) or "
            "abandoned (its process died without a word)",
            null=False,
        ),
        col("files_seen", "INTEGER", _I32, "input files discovered"),
        col("files_new", "INTEGER", _I32, "files read this run (new or changed)"),
        col("files_quarantined", "INTEGER", _I32, "files quarantined this run"),
        col("articles_loaded", "INTEGER", _I32, "new articles inserted"),
        col("dq_success", "BOOLEAN", _BOOL, "every expectation met; NULL when nothing was validated"),
        col("files_vanished", "INTEGER", _I32, "files gone since the last run", contract=False),
        col("input_dir", "VARCHAR", _STR, "the --input folder", contract=False),
        col("flow_run_id", "VARCHAR", _STR, "Prefect flow run id", contract=False),
        col(
            "message",
            "VARCHAR",
            _STR,
            "why a run failed or was interrupted; NULL when it succeeded",
            contract=False,
        ),
    ),
    key=("run_id",),
)

DQ_RESULTS = Table(
    "dq_results",
    "one row per expectation per table per run",
    LOG,
    (
        col("run_id", "VARCHAR", _STR, "the run validated", null=False),
        col("table_name", "VARCHAR", _STR, "the table (suite) validated", null=False),
        col("expectation", "VARCHAR", _STR, "expectation type and its column(s)", null=False),
        col("success", "BOOLEAN", _BOOL, "whether it was met", null=False),
        col("unexpected_count", "BIGINT", _I64, "rows that broke it"),
        col("rows_checked", "BIGINT", _I64, "rows validated", contract=False),
    ),
    key=("run_id", "table_name", "expectation"),
)

RUN_STAGES = Table(
    "run_stages",
    "one row per timed stage per run (the report charts them)",
    LOG,
    (
        col("run_id", "VARCHAR", _STR, "the run", null=False, contract=False),
        col(
            "stage",
            "VARCHAR",
            _STR,
            "stage name as flows/nightly.py times it, e.g. clean_extract, validate",
            null=False,
            contract=False,
        ),
        col("seconds", "DOUBLE", _F64, "wall-clock seconds", null=False, contract=False),
        col("peak_rss_mb", "INTEGER", _I32, "the flow process's peak RSS after the stage", contract=False),
    ),
    key=("run_id", "stage"),
)

CHROME_LINES = Table(
    "chrome_lines",
    "line keys seen on two or more distinct pages: the "
    "cleaner's cross-page repetition signal, kept across runs",
    DERIVED,
    (
        col(
            "key_hash",
            "BIGINT",
            _I64,
            "64-bit hash of tasks.anatomy.chrome_key(line), qualified by "
            "the page's host when known (tasks.chrome.host_key)",
            null=False,
            contract=False,
        ),
        col("pages", "BIGINT", _I64, "distinct pages that carry the key", null=False, contract=False),
    ),
    key=("key_hash",),
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        ARTICLES,
        BOILERPLATE,
        PEOPLE,
        DOCUMENT_REFS,
        INDICATORS,
        SOURCES,
        QUARANTINE,
        RUNS,
        DQ_RESULTS,
        RUN_STAGES,
        CHROME_LINES,
    )
}

# Tables of rows that belong to one article and are staged with the file they came from.
ARTICLE_CHILDREN = tuple(n for n, t in TABLES.items() if t.copy_column == _SOURCE_FILE.name)
STAGED: dict[str, Table] = {t.staged_as: t for t in TABLES.values() if t.staged_as}


def tables_in(*groups: str) -> tuple[str, ...]:
    return tuple(name for name, t in TABLES.items() if t.group in groups)


def staged_schema(dataset: str) -> pa.Schema:
    return STAGED[dataset].arrow_schema


def column_list(table: str, prefix: str = "") -> str:
    """`a, b, c` (or `p.a, p.b, p.c`) over the table's warehouse columns, in order."""
    return ", ".join(prefix + c for c in TABLES[table].column_names)
