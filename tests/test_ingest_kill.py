"""Reliability: an ingest killed with SIGKILL at a random point loses nothing it stored, leaves
no half-written article, and a second run completes the collection without duplicates."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from presslens.ingest.fake import made_up_articles
from presslens.store import Store

ARTICLES = 1000
#: The ingest run in a child process, so it can be killed like a real one.
CHILD = """
import sys
from presslens.ingest import ingest
from presslens.ingest.fake import keyword_analyzer
from presslens.store import Store

with Store(sys.argv[1]) as store:
    ingest([sys.argv[2]], store, analyze_batch=keyword_analyzer, batch_size=8)
"""


def write_collection(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for article in made_up_articles(ARTICLES, seed=3):
            record = {
                "id": article.id,
                "title": article.title,
                "text": article.text,
                "url": article.url,
                "outlet": article.outlet,
                "published": article.published.isoformat() if article.published else None,
            }
            out.write(json.dumps(record) + "\n")


def stored(db: Path) -> int:
    """Articles committed so far, read by another connection as the ingest runs."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def run_child(db: Path, source: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(source)])


def test_ingest_killed_at_a_random_point_resumes_without_duplicates(tmp_path: Path) -> None:
    source, db = tmp_path / "articles.jsonl", tmp_path / "store.db"
    write_collection(source)
    kill_at = random.randint(50, ARTICLES - 100)
    child = run_child(db, source)
    deadline = time.monotonic() + 120
    while stored(db) < kill_at and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL, f"the ingest ended before the kill at {kill_at}"

    with Store(db) as store:
        assert store.verify() == [], f"inconsistent after a kill at {kill_at}"
        survived = store.count()
    assert kill_at <= survived < ARTICLES

    second = run_child(db, source)
    assert second.wait(timeout=120) == 0
    with Store(db) as store:
        assert store.verify() == []
        assert store.count() == ARTICLES
    with sqlite3.connect(db) as conn:
        urls = conn.execute("SELECT count(*), count(DISTINCT url), max(version) FROM articles")
        assert urls.fetchone() == (ARTICLES, ARTICLES, 1)
