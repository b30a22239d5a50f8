"""The database layout, in one place, with its version.

``PRAGMA user_version`` holds :data:`SCHEMA_VERSION`. A database written by a newer presslens is
refused rather than misread; an older one would be migrated here (there is none yet).

Why the tables look as they do:

- ``articles`` keeps one narrow row per *version* of an article: identity and metadata only, so
  filters and counts over 100,000 articles read a few megabytes. ``doc_key`` (the normalised
  URL, or the content hash when there is no URL) groups the versions; ``is_latest`` marks the
  one searches and aggregates use. ``content_hash`` is unique: the same normalised text is
  stored once.
- ``documents`` holds the bulky part of each version: its text and the analysis JSON (without
  the text, which lives once). Keeping it apart is what keeps ``articles`` narrow.
- ``articles_fts`` is an external-content FTS5 index over the documents' title and text, kept
  in step by triggers, so a document and its index entry are written in the same transaction.
- ``labels`` holds one row per (article, kind, label) — kind is technique, frame, genre or event
  type — with outlet, week and publication date copied in, so "share of articles per outlet
  that use a technique" is a scan of one covering index instead of a join over 100,000 rows.
- ``events`` holds one row per event with the columns filters need; ``data`` is the event's JSON.
"""

from __future__ import annotations

import sqlite3

from presslens.errors import StoreError

#: Bump on any change to the tables below, and add the migration to :func:`ensure_schema`.
SCHEMA_VERSION = 1

_DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    doc_key TEXT NOT NULL,
    version INTEGER NOT NULL,
    is_latest INTEGER NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    url TEXT,
    ext_id TEXT,
    source TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    week TEXT,
    language TEXT,
    genre TEXT,
    ingested_at TEXT NOT NULL,
    UNIQUE (doc_key, version)
);
-- Latest versions by date (lists), by outlet then week (filters and per-outlet counts), and by
-- week (per-week counts): each covers the counting query of its grouping.
CREATE INDEX articles_latest ON articles (is_latest, published);
CREATE INDEX articles_outlet ON articles (is_latest, outlet, week, published);
CREATE INDEX articles_week ON articles (is_latest, week, published);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    title TEXT,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='documents', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TABLE labels (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    n INTEGER NOT NULL,
    score REAL NOT NULL,
    is_latest INTEGER NOT NULL,
    outlet TEXT,
    week TEXT,
    published TEXT,
    PRIMARY KEY (article_id, kind, label)
) WITHOUT ROWID;
CREATE INDEX labels_label ON labels (kind, label, is_latest, article_id);
-- One covering index per aggregate grouping, in GROUP BY order, with the columns that
-- outlet and date filters test: those aggregates never sort and never leave the index.
CREATE INDEX labels_outlet ON labels (kind, is_latest, outlet, label, published);
CREATE INDEX labels_week ON labels (kind, is_latest, week, label, outlet, published);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    place TEXT,
    place_text TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    date_start TEXT,
    date_end TEXT,
    data TEXT NOT NULL
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_type ON events (type, article_id);
"""

_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    # WAL + NORMAL survives a killed process (only an OS crash may lose the last commits) and
    # makes each per-article commit cheap enough for ingest to run at the analysis rate.
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 10000",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA cache_size = -65536",
)


def configure(conn: sqlite3.Connection) -> None:
    """Set the per-connection pragmas every presslens connection relies on."""
    for pragma in _PRAGMAS:
        conn.execute(pragma)


def ensure_schema(conn: sqlite3.Connection, *, analysis_schema: str) -> None:
    """Create the tables in an empty database; refuse one from a newer presslens."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema version {version}, newer than this presslens understands "
            f"({SCHEMA_VERSION}); upgrade presslens or use another --db file"
        )
    tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    if tables:
        raise StoreError(
            "the file is an SQLite database but not a presslens store; pass another --db file"
        )
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _split(_DDL):
            conn.execute(statement)
        conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [("schema_version", str(SCHEMA_VERSION)), ("analysis_schema", analysis_schema)],
        )
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _split(ddl: str) -> list[str]:
    """DDL statements one by one (triggers contain ``;``, so split on complete statements)."""
    statements, current = [], ""
    for line in ddl.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]
