"""The store's identity rules, versions, deletes, schema checks and consistency report."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from presslens.errors import InputError, StoreError
from presslens.ingest.fake import keyword_analyzer
from presslens.read import article_from_text
from presslens.serialize import article_to_dict
from presslens.store import SCHEMA_VERSION, Filters, Store, content_hash, normalise_url


def analysed(text: str, **fields: Any) -> dict[str, Any]:
    """The JSON analysis of a hand-written article, by the stand-in analyser."""
    (article,) = keyword_analyzer([article_from_text(text, **fields)])
    return article_to_dict(article)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "s.db")


def test_store_content_hash_ignores_spacing_case_and_compatibility_forms() -> None:
    assert content_hash("Title", "Two  words\n\nhere") == content_hash("title", "two words here")
    assert content_hash(None, "ﬁne") == content_hash(None, "fine")
    assert content_hash("Title", "Two words") != content_hash("Title", "Three words")


@pytest.mark.parametrize(
    ("url", "same_as"),
    [
        ("http://www.Example.org/a/?utm_source=x#top", "https://example.org/a"),
        ("https://example.org/a?b=2&a=1", "https://example.org/a?a=1&b=2"),
    ],
)
def test_store_normalise_url_drops_what_does_not_identify_a_page(url: str, same_as: str) -> None:
    assert normalise_url(url) == normalise_url(same_as)


def test_store_add_stores_once_by_url_and_by_content(store: Store) -> None:
    first = store.add(analysed("A title\n\nShocking news.", url="https://example.org/1"))
    again = store.add(analysed("A title\n\nShocking news.", url="https://example.org/1"))
    copy = store.add(analysed("A  title\n\nshocking news.", url="https://mirror.example/9"))
    assert (first.status, again.status, copy.status) == ("added", "duplicate", "duplicate")
    assert again.id == copy.id == first.id
    assert store.count() == 1


def test_store_changed_text_at_same_url_is_a_new_version(store: Store) -> None:
    url = "https://example.org/story"
    old = store.add(analysed("Story\n\nTwo people were injured.", url=url))
    new = store.add(analysed("Story\n\nFive people were injured.", url=url + "?utm_medium=rss"))
    assert (new.status, new.version) == ("updated", 2)
    assert store.count() == 1
    stored = store.get(new.id)
    assert stored is not None and stored["is_latest"]
    assert [v["version"] for v in stored["versions"]] == [1, 2]
    older = store.get(old.id)
    assert older is not None and not older["is_latest"]
    assert older["article"]["text"] == "Story\n\nTwo people were injured."
    assert [r["id"] for r in store.search(Filters(q="injured"))["results"]] == [new.id]
    assert store.verify() == []


def test_store_delete_of_latest_version_restores_the_previous(store: Store) -> None:
    url = "https://example.org/story"
    old = store.add(analysed("Story\n\nFirst text about the army.", url=url))
    new = store.add(analysed("Story\n\nSecond text about the army.", url=url))
    assert store.delete(new.id)
    assert not store.delete(new.id)
    assert [r["id"] for r in store.search(Filters(q="army"))["results"]] == [old.id]
    assert store.verify() == []


def test_store_get_returns_the_analysis_with_its_text(store: Store) -> None:
    result = store.add(
        analysed("Title\n\nA shocking threat.", outlet="Daily", published="2025-03-06")
    )
    stored = store.get(result.id)
    assert stored is not None
    article = stored["article"]
    assert article["text"] == "Title\n\nA shocking threat."
    assert article["outlet"] == "Daily" and article["published"] == "2025-03-06"
    labels = {t["label"] for p in article["paragraphs"] for t in p["techniques"]}
    assert labels == {"Loaded_Language", "Appeal_to_Fear-Prejudice"}
    assert store.get(result.id + 1) is None


def test_store_add_refuses_an_analysis_without_text(store: Store) -> None:
    analysis = analysed("Title\n\nText.")
    del analysis["text"]
    with pytest.raises(InputError, match="include_text=True"):
        store.add(analysis)


def test_store_refuses_a_missing_file_when_only_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="presslens ingest"):
        Store(tmp_path / "none.db", create=False)


def test_store_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not SQLite\n" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(path)


def test_store_refuses_another_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a presslens store"):
        Store(path)


def test_store_refuses_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="upgrade presslens"):
        Store(path)


def test_store_uses_wal_and_records_its_versions(store: Store) -> None:
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        meta = dict(conn.execute("SELECT key, value FROM meta"))
    assert meta == {"schema_version": str(SCHEMA_VERSION), "analysis_schema": "1.0"}


def test_store_verify_reports_a_broken_invariant(store: Store) -> None:
    result = store.add(
        analysed("Title\n\nThree people were killed in Lyon.", published="2025-01-02")
    )
    assert store.verify() == []
    with sqlite3.connect(store.path) as conn:
        conn.execute("DELETE FROM events WHERE article_id = ?", (result.id,))
    assert any("event rows" in problem for problem in store.verify())
