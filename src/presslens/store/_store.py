"""The article store: one SQLite file, one small class, parameterised SQL only.

Every write is one transaction (``BEGIN IMMEDIATE`` … ``COMMIT``) that holds a whole article —
row, document, full-text entry, labels and events — so a killed ingest leaves all of an article or
none of it. One connection is shared by the web server's threads behind a lock; WAL lets other
processes read while an ingest writes.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from presslens.errors import InputError, StoreError
from presslens.serialize import SCHEMA_VERSION as ANALYSIS_SCHEMA
from presslens.store._filters import Filters
from presslens.store._identity import content_hash, doc_key, iso_week
from presslens.store._records import (
    EXPORT_KINDS,
    article_records,
    event_records,
    event_rows,
    finding_records,
    label_rows,
)
from presslens.store._schema import configure, ensure_schema

#: Where ``presslens ingest`` and friends keep articles unless ``--db`` says otherwise.
DEFAULT_DB = Path("presslens.db")
#: What aggregates can count and how they can group.
AGGREGATE_KINDS = ("technique", "frame", "genre", "event")
AGGREGATE_GROUPS = ("outlet", "week")
#: Result orders besides relevance; a leading "-" reverses an alphabetical one.
_ORDERS = {
    "newest": "a.published DESC, a.id DESC",
    "oldest": "a.published ASC, a.id ASC",
    "title": "a.title COLLATE NOCASE ASC, a.id ASC",
    "-title": "a.title COLLATE NOCASE DESC, a.id DESC",
    "outlet": "a.outlet COLLATE NOCASE ASC, a.published DESC",
    "-outlet": "a.outlet COLLATE NOCASE DESC, a.published DESC",
    "genre": "a.genre ASC, a.published DESC",
    "-genre": "a.genre DESC, a.published DESC",
}
SORTS = ("relevance", *_ORDERS)
#: Most results one search returns; page with ``offset`` for more.
MAX_LIMIT = 500
#: Characters of text shown for a result when there is no query to build a snippet from.
_LEAD_CHARS = 240
#: The text after its title line (when it starts with the title): the lead a result shows.
_BODY = (
    "ltrim(CASE WHEN d.title IS NOT NULL AND substr(d.text, 1, length(d.title)) = d.title"
    " THEN substr(d.text, length(d.title) + 1) ELSE d.text END, char(9, 10, 13, 32))"
)
#: Private markers around matched words in FTS snippets, split into parts before leaving here.
_HIT_OPEN, _HIT_CLOSE = "\x02", "\x03"
#: Rows fetched per round trip when streaming whole articles (export, incidents).
_CHUNK = 200

#: Fragments of the messages SQLite gives for a malformed FTS5 query.
_QUERY_ERRORS = (
    "fts5",
    "no such column",
    "unknown special query",
    "unterminated string",
    "malformed MATCH",
)

AddStatus = Literal["added", "updated", "duplicate"]


@dataclass(frozen=True, slots=True)
class AddResult:
    """What :meth:`Store.add` did: stored a new article, a new version of one, or nothing."""

    status: AddStatus
    id: int
    version: int


class Store:
    """Articles and their analyses in one SQLite file (see docs/collections.md).

    ``create=False`` refuses a path that does not exist yet, for commands that only read.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(
                f"no article database at {self.path}; run `presslens ingest PATH --db "
                f"{self.path}` first, or pass --db with an existing file"
            )
        self._lock = threading.RLock()
        self._facets: tuple[tuple[int, int], dict[str, Any]] | None = None
        try:
            self._conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=10
            )
            configure(self._conn)
            ensure_schema(self._conn, analysis_schema=ANALYSIS_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"cannot open {self.path} as an article database ({exc}); "
                "check the path, or pass another --db file"
            ) from exc

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def has_content(self, digest: str) -> bool:
        """Whether an article with this :func:`content_hash` is stored (any version)."""
        row = self._read("SELECT 1 FROM articles WHERE content_hash = ?", [digest])
        return bool(row)

    def add(self, analysis: dict[str, Any], *, ingested_at: dt.datetime | None = None) -> AddResult:
        """Store one analysed article (``article_to_dict`` with its text), in one transaction.

        Same normalised content as a stored article → nothing is written ("duplicate"); same
        URL with other content → a new version that becomes the latest ("updated").
        """
        text = analysis.get("text")
        if not isinstance(text, str):
            raise InputError("the analysis has no text; serialise it with include_text=True")
        digest = content_hash(analysis.get("title"), text)
        key = doc_key(analysis.get("url"), digest)
        published = (analysis.get("published") or "")[:10] or None
        week = iso_week(published)
        when = (ingested_at or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
        body = json.dumps({k: v for k, v in analysis.items() if k != "text"}, ensure_ascii=False)
        with self._transaction() as conn:
            duplicate = conn.execute(
                "SELECT id, version FROM articles WHERE content_hash = ?", (digest,)
            ).fetchone()
            if duplicate:
                return AddResult("duplicate", duplicate[0], duplicate[1])
            # The latest version is always the highest; this reads the (doc_key, version) index.
            previous = conn.execute(
                "SELECT id, version FROM articles WHERE doc_key = ? ORDER BY version DESC LIMIT 1",
                (key,),
            ).fetchone()
            if previous:
                _set_latest(conn, previous[0], False)
            version = previous[1] + 1 if previous else 1
            cursor = conn.execute(
                "INSERT INTO articles (doc_key, version, is_latest, content_hash, url, ext_id,"
                " source, title, outlet, published, week, language, genre, ingested_at)"
                " VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    version,
                    digest,
                    analysis.get("url"),
                    _str_or_none(analysis.get("id")),
                    analysis.get("source"),
                    analysis.get("title"),
                    analysis.get("outlet"),
                    published,
                    week,
                    analysis.get("language"),
                    (analysis.get("genre") or {}).get("label"),
                    when,
                ),
            )
            article_id = int(cursor.lastrowid or 0)
            conn.execute(
                "INSERT INTO documents (id, title, text, analysis) VALUES (?, ?, ?, ?)",
                (article_id, analysis.get("title"), text, body),
            )
            outlet = analysis.get("outlet")
            conn.executemany(
                "INSERT INTO labels (article_id, kind, label, n, score, is_latest, outlet, week,"
                " published) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)",
                [
                    (article_id, kind, label, n, score, outlet, week, published)
                    for kind, label, n, score in label_rows(analysis)
                ],
            )
            conn.executemany(
                "INSERT INTO events (article_id, idx, type, place, place_text, country, lat, lon,"
                " date_start, date_end, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(article_id, *row) for row in event_rows(analysis)],
            )
        return AddResult("updated" if previous else "added", article_id, version)

    def delete(self, article_id: int) -> bool:
        """Remove one stored version; the previous version, if any, becomes the latest again."""
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT doc_key, is_latest FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            if not row:
                return False
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            if row[1]:
                before = conn.execute(
                    "SELECT id FROM articles WHERE doc_key = ? ORDER BY version DESC LIMIT 1",
                    (row[0],),
                ).fetchone()
                if before:
                    _set_latest(conn, before[0], True)
        return True

    # -- reading ---------------------------------------------------------------------------

    def count(self) -> int:
        """Number of articles (latest versions)."""
        return int(self._read("SELECT count(*) FROM articles WHERE is_latest = 1", [])[0][0])

    def get(self, article_id: int) -> dict[str, Any] | None:
        """One stored version: its analysis (with text) and where it sits among its versions."""
        rows = self._read(
            "SELECT a.id, a.doc_key, a.version, a.is_latest, a.ingested_at, d.text, d.analysis"
            " FROM articles a JOIN documents d ON d.id = a.id WHERE a.id = ?",
            [article_id],
        )
        if not rows:
            return None
        row = rows[0]
        versions = self._read(
            "SELECT id, version, is_latest, ingested_at FROM articles WHERE doc_key = ?"
            " ORDER BY version",
            [row[1]],
        )
        return {
            **_stored(row[0], row[2], row[5], row[6]),
            "is_latest": bool(row[3]),
            "ingested_at": row[4],
            "versions": [
                {"id": v[0], "version": v[1], "is_latest": bool(v[2]), "ingested_at": v[3]}
                for v in versions
            ],
        }

    def search(
        self,
        filters: Filters,
        *,
        limit: int = 20,
        offset: int = 0,
        sort: str | None = None,
    ) -> dict[str, Any]:
        """A page of matching articles with snippets, techniques and frames, and the total."""
        if sort is None:
            sort = "relevance" if filters.q else "newest"
        _check_choice("sort", sort, SORTS)
        if not 1 <= limit <= MAX_LIMIT or offset < 0:
            raise InputError(f"limit must be 1..{MAX_LIMIT} and offset 0 or more")
        where, params = filters.where(with_text=False)
        if sort == "relevance":
            order = "articles_fts.rank" if filters.q else _ORDERS["newest"]
        else:
            order = _ORDERS[sort]
        columns = "a.id, a.version, a.title, a.url, a.outlet, a.published, a.language, a.genre"
        if filters.q:
            sql = (
                f"SELECT {columns}, snippet(articles_fts, 1, ?, ?, '…', 20)"
                " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
                f" WHERE articles_fts MATCH ? AND {where} ORDER BY {order} LIMIT ? OFFSET ?"
            )
            params = [_HIT_OPEN, _HIT_CLOSE, filters.q, *params, limit, offset]
        else:
            sql = (
                f"SELECT {columns}, (SELECT substr({_BODY}, 1, {_LEAD_CHARS}) FROM documents d"
                f" WHERE d.id = a.id) FROM articles a WHERE {where}"
                f" ORDER BY {order} LIMIT ? OFFSET ?"
            )
            params = [*params, limit, offset]
        rows = self._read(sql, params, filters)
        count_where, count_params = filters.where()
        total = self._read(f"SELECT count(*) FROM articles a WHERE {count_where}", count_params)
        labels = self._labels_of([row[0] for row in rows])
        return {
            "total": int(total[0][0]),
            "limit": limit,
            "offset": offset,
            "sort": sort,
            "filters": filters.to_dict(),
            "results": [_result(row, labels.get(row[0], {})) for row in rows],
        }

    def aggregate(self, kind: str, by: str, filters: Filters) -> dict[str, Any]:
        """Share of articles per group (outlet or ISO week) that carry each label of a kind.

        A share is articles-with-the-label / articles-in-the-group, so outlets of different
        sizes compare fairly; ``counts`` keeps the raw numbers beside it.
        """
        _check_choice("kind", kind, AGGREGATE_KINDS)
        _check_choice("by", by, AGGREGATE_GROUPS)
        where, params = filters.where()
        label_where, label_params = filters.label_where()
        # Without statistics SQLite's planner may pick the wrong labels index (it once chose the
        # week index for "one outlet by week": 10x slower). When labels' own columns answer
        # every filter, the index made for this grouping is named; it always covers the query.
        index = f" INDEXED BY labels_{by}" if filters.on_labels_only else ""
        counted = self._read(
            f"SELECT l.{by}, l.label, count(*) FROM labels l{index}"
            f" WHERE l.kind = ? AND {label_where} GROUP BY l.{by}, l.label",
            [kind, *label_params],
            filters,
        )
        sizes = self._read(
            f"SELECT a.{by}, count(*) FROM articles a{_sizes_index(by, filters)}"
            f" WHERE {where} AND a.{by} IS NOT NULL GROUP BY a.{by}",
            params,
            filters,
        )
        return _aggregate_result(kind, by, filters, counted, sizes)

    def facets(self) -> dict[str, Any]:
        """Values present in the store, with article counts: what the filter menus offer."""
        with self._lock:
            token = (
                self._conn.execute("PRAGMA data_version").fetchone()[0],
                self._conn.total_changes,
            )
            if self._facets and self._facets[0] == token:
                return self._facets[1]
            facets = self._compute_facets()
            self._facets = (token, facets)
            return facets

    def ids(
        self,
        filters: Filters,
        *,
        with_events: bool = False,
        newest_first: bool = False,
        limit: int | None = None,
    ) -> list[int]:
        """Ids of matching articles by publication date; ``with_events`` keeps those with events."""
        where, params = filters.where()
        if with_events:
            where += " AND a.id IN (SELECT article_id FROM events)"
        order = "DESC" if newest_first else "ASC"
        sql = (
            f"SELECT a.id FROM articles a WHERE {where} ORDER BY a.published {order}, a.id {order}"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params = [*params, limit]
        return [row[0] for row in self._read(sql, params, filters)]

    def load(self, ids: list[int]) -> Iterator[dict[str, Any]]:
        """Stored articles (analysis with text) in the order of ``ids``, fetched in chunks."""
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._read(
                "SELECT a.id, a.version, d.text, d.analysis FROM articles a"
                f" JOIN documents d ON d.id = a.id WHERE a.id IN ({marks})",
                chunk,
            )
            by_id = {row[0]: row for row in rows}
            for article_id in chunk:
                if article_id in by_id:
                    row = by_id[article_id]
                    yield _stored(row[0], row[1], row[2], row[3])

    def iter_stored(self, filters: Filters) -> Iterator[dict[str, Any]]:
        """Every matching stored article (analysis with text), oldest first."""
        return self.load(self.ids(filters))

    def export(self, kind: str, filters: Filters, *, flat: bool) -> Iterator[dict[str, Any]]:
        """Records of ``presslens export``: articles, findings (evidence) or events."""
        _check_choice("kind", kind, EXPORT_KINDS)
        for stored in self.iter_stored(filters):
            if kind == "articles":
                yield from article_records(stored, flat=flat)
            elif kind == "findings":
                yield from finding_records(stored)
            else:
                yield from event_records(stored, flat=flat)

    def events(self, filters: Filters) -> list[dict[str, Any]]:
        """Every stored event of the matching articles, with the article it comes from."""
        where, params = filters.where()
        type_clause = ""
        if filters.event_type:
            type_clause = " AND e.type = ?"
            params = [*params, filters.event_type]
        rows = self._read(
            "SELECT a.id, a.ext_id, a.url, a.title, a.outlet, a.published, e.data"
            " FROM events e JOIN articles a ON a.id = e.article_id"
            f" WHERE {where}{type_clause} ORDER BY a.published, a.id, e.idx",
            params,
            filters,
        )
        return [
            {
                "article_id": row[0],
                "source": row[1] or row[2] or f"article {row[0]}",
                "url": row[2],
                "title": row[3],
                "outlet": row[4],
                "published": row[5],
                "event": json.loads(row[6]),
            }
            for row in rows
        ]

    def verify(self) -> list[str]:
        """Consistency problems found (empty when sound): what a test runs after a kill."""
        checks = {
            "integrity_check": "PRAGMA integrity_check",
            "foreign keys": "PRAGMA foreign_key_check",
            "articles with no or several latest versions": (
                "SELECT doc_key FROM articles GROUP BY doc_key HAVING sum(is_latest) != 1"
            ),
            "labels out of step with their article": (
                "SELECT l.article_id FROM labels l JOIN articles a ON a.id = l.article_id"
                " WHERE l.is_latest != a.is_latest"
            ),
            "articles without their document": (
                "SELECT a.id FROM articles a LEFT JOIN documents d ON d.id = a.id"
                " WHERE d.id IS NULL"
            ),
            "articles missing event rows": (
                "SELECT d.id FROM documents d WHERE json_array_length(d.analysis, '$.events')"
                " != (SELECT count(*) FROM events e WHERE e.article_id = d.id)"
            ),
        }
        problems = []
        for name, sql in checks.items():
            rows = self._read(sql, [])
            if rows and rows != [("ok",)]:
                problems.append(f"{name}: {rows[:5]}")
        try:
            self._read(
                "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)", []
            )
        except StoreError as exc:
            problems.append(f"full-text index: {exc}")
        return problems

    # -- internals -------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolled back on any exception, Ctrl-C included."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StoreError(f"cannot write to {self.path}: {exc}") from exc
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                raise StoreError(f"cannot write to {self.path}: {exc}") from exc

    def _read(
        self, sql: str, params: list[Any], filters: Filters | None = None
    ) -> list[tuple[Any, ...]]:
        """Run one query; a bad full-text query becomes an InputError the user can fix."""
        try:
            with self._lock:
                return self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if filters is not None and filters.q and _is_query_error(exc):
                raise InputError(
                    f"cannot understand the search query {filters.q!r} ({exc}). Put phrases "
                    'and words with punctuation in double quotes ("U.S. sanctions"); '
                    "operators are AND, OR, NOT and NEAR(); a trailing * matches a prefix"
                ) from exc
            raise StoreError(f"query on {self.path} failed: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"query on {self.path} failed: {exc}") from exc

    def _labels_of(self, ids: list[int]) -> dict[int, dict[str, list[dict[str, Any]]]]:
        """Techniques, frames and event types of a page of results, in one query."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._read(
            f"SELECT article_id, kind, label, n FROM labels WHERE article_id IN ({marks})"
            " AND kind IN ('technique', 'frame', 'event') ORDER BY n DESC, label",
            ids,
        )
        out: dict[int, dict[str, list[dict[str, Any]]]] = {}
        for article_id, kind, label, n in rows:
            out.setdefault(article_id, {}).setdefault(kind, []).append({"label": label, "n": n})
        return out

    def _compute_facets(self) -> dict[str, Any]:
        def values(column: str, index: str = "") -> list[dict[str, Any]]:
            rows = self._conn.execute(
                f"SELECT {column}, count(*) FROM articles{index} WHERE is_latest = 1"
                f" AND {column} IS NOT NULL GROUP BY {column} ORDER BY count(*) DESC, {column}"
            ).fetchall()
            return [{"value": v, "count": n} for v, n in rows]

        labels: dict[str, list[dict[str, Any]]] = {kind: [] for kind in AGGREGATE_KINDS}
        for kind, label, n in self._conn.execute(
            "SELECT kind, label, count(*) FROM labels WHERE is_latest = 1"
            " GROUP BY kind, label ORDER BY count(*) DESC, label"
        ):
            labels[kind].append({"value": label, "count": n})
        first, last = self._conn.execute(
            "SELECT min(published), max(published) FROM articles WHERE is_latest = 1"
        ).fetchone()
        return {
            "articles": self._conn.execute(
                "SELECT count(*) FROM articles WHERE is_latest = 1"
            ).fetchone()[0],
            "outlets": values("outlet", " INDEXED BY articles_outlet"),
            "languages": values("language"),
            "genres": labels["genre"],
            "frames": labels["frame"],
            "techniques": labels["technique"],
            "event_types": labels["event"],
            "published": {"first": first, "last": last},
        }


def _set_latest(conn: sqlite3.Connection, article_id: int, latest: bool) -> None:
    conn.execute("UPDATE articles SET is_latest = ? WHERE id = ?", (int(latest), article_id))
    conn.execute("UPDATE labels SET is_latest = ? WHERE article_id = ?", (int(latest), article_id))


def _stored(article_id: int, version: int, text: str, analysis: str) -> dict[str, Any]:
    return {"id": article_id, "version": version, "article": {**json.loads(analysis), "text": text}}


def _result(row: tuple[Any, ...], labels: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    return {
        "id": row[0],
        "version": row[1],
        "title": row[2],
        "url": row[3],
        "outlet": row[4],
        "published": row[5],
        "language": row[6],
        "genre": row[7],
        "snippet": _snippet_parts(row[8] or ""),
        "techniques": labels.get("technique", []),
        "frames": labels.get("frame", []),
        "events": labels.get("event", []),
    }


def _snippet_parts(snippet: str) -> list[dict[str, Any]]:
    """``[{text, match}]``: matched words as data, so no view has to trust markup in text."""
    parts = []
    for i, chunk in enumerate(snippet.split(_HIT_OPEN)):
        hit, _, rest = chunk.partition(_HIT_CLOSE) if i else ("", "", chunk)
        if hit:
            parts.append({"text": hit, "match": True})
        if rest:
            parts.append({"text": rest, "match": False})
    return parts


def _aggregate_result(
    kind: str,
    by: str,
    filters: Filters,
    counted: list[tuple[Any, ...]],
    sizes: list[tuple[Any, ...]],
) -> dict[str, Any]:
    totals: dict[str, int] = {}
    per_group: dict[str, dict[str, int]] = {}
    for group, label, n in counted:
        if group is None:  # no outlet, or no date to place it in a week
            continue
        per_group.setdefault(group, {})[label] = n
        totals[label] = totals.get(label, 0) + n
    order = (
        sorted(sizes, key=lambda s: s[0]) if by == "week" else sorted(sizes, key=lambda s: -s[1])
    )
    return {
        "kind": kind,
        "by": by,
        "filters": filters.to_dict(),
        "labels": sorted(totals, key=lambda label: (-totals[label], label)),
        "groups": [
            {
                "key": group,
                "articles": size,
                "counts": per_group.get(group, {}),
                "shares": {
                    label: round(n / size, 4) for label, n in per_group.get(group, {}).items()
                },
            }
            for group, size in order
        ],
    }


def _sizes_index(by: str, filters: Filters) -> str:
    """The articles index that covers "articles per group" (named for the reason above)."""
    if not filters.on_labels_only:
        return ""
    if by == "week" and not filters.outlet:
        return " INDEXED BY articles_week"
    return " INDEXED BY articles_outlet"


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise InputError(f"{name} must be one of {', '.join(choices)}; got {value!r}")


def _is_query_error(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite rejected the text of an FTS5 query (not the database itself)."""
    return any(marker in str(exc) for marker in _QUERY_ERRORS)


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)
