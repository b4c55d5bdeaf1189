-- bantin warehouse: every contract table (../shared/CONTRACT.md) plus a few extra columns.
-- Applied idempotently at the start of every run; views live in warehouse/views/*.sql.

CREATE TABLE IF NOT EXISTS articles (
    article_id     VARCHAR PRIMARY KEY,   -- sha256 of normalised title + body (first 16 hex)
    source_path    VARCHAR NOT NULL,      -- first input file that gave this article
    source_sha256  VARCHAR NOT NULL,
    title          VARCHAR,
    published_at   TIMESTAMP,
    event_date     DATE,
    source_site    VARCHAR,
    author         VARCHAR,
    locality       VARCHAR,
    body           VARCHAR NOT NULL,
    run_id         VARCHAR NOT NULL,
    body_chars     INTEGER,
    encoding       VARCHAR,
    source_host    VARCHAR,               -- host crawled from (<input>/<host>/… or manifest URL)
    source_url     VARCHAR,               -- URL from the input's manifest.tsv / urls.tsv
    locality_evidence VARCHAR             -- why locality: "text: huyện Thạch Hà", "host: langson.gov.vn"
);
-- Upgrade path: warehouses made before these columns existed get them (NULL in old rows).
ALTER TABLE articles ADD COLUMN IF NOT EXISTS source_host VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS source_url VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS locality_evidence VARCHAR;

CREATE TABLE IF NOT EXISTS boilerplate (
    article_id  VARCHAR NOT NULL,
    seq         INTEGER NOT NULL,
    kind        VARCHAR NOT NULL,
    text        VARCHAR NOT NULL,
    line_no     INTEGER,               -- 0-based raw line where the segment starts
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE IF NOT EXISTS people (
    article_id    VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    titles        VARCHAR[],
    role          VARCHAR NOT NULL,
    first_offset  INTEGER,             -- offset of the first mention in articles.body
    PRIMARY KEY (article_id, name)
);

CREATE TABLE IF NOT EXISTS document_refs (
    article_id   VARCHAR NOT NULL,
    doc_key      VARCHAR NOT NULL,     -- kind + number (+ symbol): what makes a document distinct
    kind         VARCHAR NOT NULL,
    number       VARCHAR,
    symbol       VARCHAR,
    issuer       VARCHAR,
    issued_date  DATE,
    evidence     VARCHAR,
    start_offset INTEGER,
    end_offset   INTEGER,
    PRIMARY KEY (article_id, doc_key)
);

CREATE TABLE IF NOT EXISTS indicators (
    article_id    VARCHAR NOT NULL,
    seq           INTEGER NOT NULL,
    metric        VARCHAR NOT NULL,
    actual        DOUBLE,
    target        DOUBLE,
    percent       DOUBLE,
    unit          VARCHAR,
    qualifier     VARCHAR,             -- "trên", "gần", "hơn" ... as written
    period        VARCHAR,
    period_start  DATE,
    period_end    DATE,
    evidence      VARCHAR NOT NULL,
    start_offset  INTEGER,
    end_offset    INTEGER,
    part_of       INTEGER,             -- seq of the total this figure is a part of; NULL for a total
    PRIMARY KEY (article_id, seq)
);
-- warehouses from before parts of totals were marked: every old row reads as a total (NULL)
-- until a --full-refresh re-extracts it
ALTER TABLE indicators ADD COLUMN IF NOT EXISTS part_of INTEGER;

CREATE TABLE IF NOT EXISTS sources (
    source_path    VARCHAR NOT NULL,
    source_sha256  VARCHAR NOT NULL,
    article_id     VARCHAR,            -- NULL when quarantined
    encoding       VARCHAR,
    first_run_id   VARCHAR NOT NULL,
    last_run_id    VARCHAR NOT NULL,   -- last run that changed this row (loaded it, or saw it vanish)
    present        BOOLEAN NOT NULL,
    size_bytes     BIGINT,
    mtime_ns       BIGINT,
    PRIMARY KEY (source_path, source_sha256)
);

CREATE TABLE IF NOT EXISTS quarantine (
    quarantine_id  VARCHAR PRIMARY KEY, -- hash of path + sha256 + reason: one row per bad version
    source_path    VARCHAR NOT NULL,
    source_sha256  VARCHAR,
    reason         VARCHAR NOT NULL,
    detail         VARCHAR,
    run_id         VARCHAR NOT NULL     -- first run that quarantined it
);

CREATE TABLE IF NOT EXISTS runs (
    run_id             VARCHAR PRIMARY KEY,
    started_at         TIMESTAMP NOT NULL,
    finished_at        TIMESTAMP,
    status             VARCHAR NOT NULL,
    files_seen         INTEGER,
    files_new          INTEGER,
    files_quarantined  INTEGER,
    articles_loaded    INTEGER,
    dq_success         BOOLEAN,
    files_vanished     INTEGER,
    input_dir          VARCHAR,
    flow_run_id        VARCHAR,
    message            VARCHAR
);
-- warehouses from before the column existed
ALTER TABLE runs ADD COLUMN IF NOT EXISTS message VARCHAR;

CREATE TABLE IF NOT EXISTS dq_results (
    run_id            VARCHAR NOT NULL,
    table_name        VARCHAR NOT NULL,
    expectation       VARCHAR NOT NULL,
    success           BOOLEAN NOT NULL,
    unexpected_count  BIGINT,
    rows_checked      BIGINT,
    PRIMARY KEY (run_id, table_name, expectation)
);

-- Stage durations of each run (flows/nightly.py `timed`), charted by the report.
CREATE TABLE IF NOT EXISTS run_stages (
    run_id       VARCHAR NOT NULL,
    stage        VARCHAR NOT NULL,
    seconds      DOUBLE NOT NULL,
    peak_rss_mb  INTEGER,
    PRIMARY KEY (run_id, stage)
);

-- Line keys seen on two or more distinct pages: the cross-page repetition signal of the
-- cleaner, kept across runs so a nightly run of a few pages still knows a site's chrome.
-- key_hash is a 64-bit hash of tasks.anatomy.chrome_key(line), prefixed with the page's host when
-- the input tells it (repetition is counted per host; tasks/chrome.py); the removed
-- lines themselves, with their labels, are in `boilerplate`.
CREATE TABLE IF NOT EXISTS chrome_lines (
    key_hash  BIGINT PRIMARY KEY,
    pages     BIGINT NOT NULL
);
