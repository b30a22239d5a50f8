"""Ingest runs: inputs of every kind, idempotent reruns, versions, failures, and the CLI."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from presslens import cli, pipeline
from presslens.document import Article
from presslens.errors import InputError, ModelError
from presslens.ingest import IngestReport, ingest
from presslens.ingest.fake import keyword_analyzer
from presslens.store import Filters, Store

FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Feed Outlet</title>
<item><title>Feed story</title><link>https://example.org/feed-1</link>
<description>Police said five people were detained in Lyon.</description></item>
</channel></rss>
"""


def record(i: int, text: str, **extra: str) -> str:
    published = f"2025-02-0{i % 9 + 1}"
    fields = {"id": f"r{i}", "title": f"Story {i}", "text": text, "outlet": "Wire"}
    return json.dumps({**fields, "published": published, **extra})


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "feeds").mkdir(parents=True)
    (folder / "column.txt").write_text("A column\n\nWe must resist these traitors!\n")
    lines = [record(i, f"Report {i}: the army and the economy.") for i in range(3)]
    (folder / "wire.jsonl").write_text("\n".join([*lines, "{not json"]) + "\n")
    (folder / "feeds" / "outlet.rss").write_text(FEED)
    return folder


class CountingAnalyzer:
    """The stand-in analyser, counting the articles it is given."""

    def __init__(self) -> None:
        self.seen = 0

    def __call__(self, articles: list[Article]) -> list[Article]:
        self.seen += len(articles)
        return keyword_analyzer(articles)


def test_ingest_reads_every_kind_of_input_and_reports_bad_ones(
    inputs: Path, tmp_path: Path
) -> None:
    with Store(tmp_path / "s.db") as store:
        report = ingest([str(inputs)], store, analyze_batch=keyword_analyzer, batch_size=2)
        assert (report.added, report.updated, report.duplicates) == (5, 0, 0)
        assert len(report.failures) == 1 and "wire.jsonl:4" in report.failures[0].message
        assert store.count() == 5
        (feed,) = store.search(Filters(outlet="Feed Outlet"))["results"]
        assert feed["url"] == "https://example.org/feed-1" and feed["events"]
        assert store.verify() == []


def test_ingest_rerun_skips_stored_articles_before_analysis(inputs: Path, tmp_path: Path) -> None:
    analyzer = CountingAnalyzer()
    with Store(tmp_path / "s.db") as store:
        ingest([str(inputs)], store, analyze_batch=analyzer)
        assert analyzer.seen == 5
        report = ingest([str(inputs)], store, analyze_batch=analyzer)
    assert (report.added, report.duplicates, analyzer.seen) == (0, 5, 5)


def test_ingest_same_url_with_new_text_is_a_new_version(tmp_path: Path) -> None:
    url = "https://example.org/story"
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(record(1, "Two people were injured.", url=url) + "\n")
    second.write_text(record(1, "Three people were injured.", url=url) + "\n")
    with Store(tmp_path / "s.db") as store:
        ingest([str(first)], store, analyze_batch=keyword_analyzer)
        report = ingest([str(second), str(first)], store, analyze_batch=keyword_analyzer)
        assert (report.added, report.updated, report.duplicates) == (0, 1, 1)
        (latest,) = store.search(Filters())["results"]
        assert latest["version"] == 2


def test_ingest_isolates_an_article_the_analyser_rejects(tmp_path: Path) -> None:
    def picky(articles: list[Article]) -> list[Article]:
        if any("POISON" in a.text for a in articles):
            raise InputError("cannot analyse this one")
        return keyword_analyzer(articles)

    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(record(i, "POISON" if i == 2 else f"Fine {i}") for i in range(5)))
    with Store(tmp_path / "s.db") as store:
        report = ingest([str(path)], store, analyze_batch=picky, batch_size=4)
    assert report.added == 4
    (failure,) = report.failures
    assert failure.source is not None and "cannot analyse this one" in failure.message


def test_ingest_stops_on_a_model_error(tmp_path: Path) -> None:
    def broken(articles: list[Article]) -> list[Article]:
        raise ModelError("model file missing")

    path = tmp_path / "a.jsonl"
    path.write_text(record(1, "Text") + "\n")
    with Store(tmp_path / "s.db") as store, pytest.raises(ModelError):
        ingest([str(path)], store, analyze_batch=broken)


def test_ingest_reports_progress_and_fills_a_given_report(inputs: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    report = IngestReport()
    with Store(tmp_path / "s.db") as store:
        returned = ingest(
            [str(inputs)],
            store,
            analyze_batch=keyword_analyzer,
            batch_size=2,
            progress=lambda done, total: calls.append((done, total)),
            report=report,
        )
    assert returned is report and report.added == 5
    assert calls == [(0, 5), (2, 5), (4, 5), (5, 5)]


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> Callable[[list[str]], int]:
    """``presslens`` with this issue's commands, the stand-in analyser instead of the models."""
    monkeypatch.setattr(cli, "COMMANDS", ("ingest", "search", "export", "serve"))
    monkeypatch.setattr(pipeline, "load_pipeline", lambda: keyword_analyzer)
    return cli.main


def test_ingest_cli_stores_and_lists_failures(
    run_cli: Callable[[list[str]], int],
    inputs: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = str(tmp_path / "s.db")
    assert run_cli(["ingest", "--db", db, "--no-progress", str(inputs)]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert "Stored 5 new articles and 0 new versions" in err
    assert "1 input failed:" in err and "wire.jsonl:4: not valid JSON" in err
    assert run_cli(["ingest", "--db", db, "--no-progress", str(inputs / "column.txt")]) == 0
    assert "1 were already stored" in " ".join(capsys.readouterr().err.split())
    assert run_cli(["ingest", "--db", db, "--no-progress", str(inputs / "missing.txt")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_search_cli_prints_results_and_explains_bad_queries(
    run_cli: Callable[[list[str]], int],
    inputs: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = str(tmp_path / "s.db")
    run_cli(["ingest", "--db", db, "--no-progress", str(inputs)])
    capsys.readouterr()
    assert run_cli(["search", "--db", db, "army", "--outlet", "Wire", "--format", "json"]) == 0
    page = json.loads(capsys.readouterr().out)
    assert page["total"] == 3 and {r["outlet"] for r in page["results"]} == {"Wire"}
    assert run_cli(["search", "--db", db, "traitors"]) == 0
    out = capsys.readouterr().out
    assert "A column" in out and "traitors" in out and "1 matching articles" in out
    assert run_cli(["search", "--db", db, 'U.S. "open']) == 1
    assert capsys.readouterr().err.startswith("InputError: cannot understand the search query")
    assert run_cli(["search", "--db", str(tmp_path / "none.db"), "x"]) == 1
    assert "StoreError: no article database" in capsys.readouterr().err


def test_export_cli_writes_csv_and_jsonl(
    run_cli: Callable[[list[str]], int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "s.db")
    source = tmp_path / "a.jsonl"
    source.write_text(record(1, "=HYPERLINK(1) a shocking claim; three people were killed."))
    run_cli(["ingest", "--db", db, "--no-progress", str(source)])
    out = tmp_path / "findings.csv"
    assert run_cli(["export", "findings", "--db", db, "-o", str(out)]) == 0
    (row,) = list(csv.DictReader(out.open(encoding="utf-8")))
    assert (row["technique"], row["evidence"]) == ("Loaded_Language", "shocking")
    articles = tmp_path / "articles.csv"
    run_cli(["export", "articles", "--db", db, "-o", str(articles)])
    (article,) = list(csv.DictReader(articles.open(encoding="utf-8")))
    assert article["text"].startswith("'=HYPERLINK")
    capsys.readouterr()
    assert run_cli(["export", "events", "--db", db, "-q", "killed"]) == 0
    (event,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert event["event"]["counts"]["killed"]["exact"] == 3
