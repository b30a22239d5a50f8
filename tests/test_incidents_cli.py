"""``presslens incidents``: reading, output formats and error reporting (events made by hand)."""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from presslens.cli import incidents as command
from presslens.document import Article, Span
from presslens.events.model import Count, DateRange, Event, Place
from presslens.incidents.model import Incident, IncidentSource

HARBOUR = Place("Portmere", "Portmere", 501, "Coast", "Freedonia", 45.0, 12.0)
RECORDS = [
    {
        "id": "n1",
        "title": "Strike on Portmere harbour",
        "published": "2024-06-02",
        "text": "Shelling hit the Portmere harbour on 1 June 2024, killing three dock workers.",
    },
    {
        "id": "n2",
        "title": "Portmere dock shelled <again>",
        "published": "2024-06-03",
        "text": "Four dock workers died when artillery shelled the Portmere harbour on 1 June.",
    },
]


def hand_made_events(article: Article) -> list[Event]:
    """The events an extractor would find in RECORDS, keyed by the words they rest on."""
    figure = {"n1": ("three dock workers", 3), "n2": ("Four dock workers", 4)}[article.id or ""]
    start = article.text.index(figure[0])
    return [
        Event(
            type="shelling",
            evidence=[Span(start, start + len(figure[0]))],
            place=HARBOUR,
            date=DateRange("2024-06-01", "2024-06-01", "day", "1 June"),
            counts={"killed": Count(figure[1], figure[1], figure[1], figure[0])},
        )
    ]


def main(argv: list[str]) -> int:
    """The ``incidents`` subcommand alone, as ``presslens`` would run it."""
    parser = argparse.ArgumentParser(prog="presslens")
    command.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return int(args.func(args))


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    def analyse(articles: list[Article], console: Console) -> list[Article]:
        for article in articles:
            article.events = hand_made_events(article)
        return articles

    monkeypatch.setattr(command, "analyse", analyse)
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return path


def test_incidents_json_output_shape(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["incidents", "--format", "json", str(inputs)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["schema_version"] == "1.0"
    (incident,) = document["incidents"]
    assert list(incident) == ["id", "type", "date", "place", "counts", "sources", "duplicates"]
    assert incident["type"] == "shelling"
    assert incident["date"]["start"] == incident["date"]["end"] == "2024-06-01"
    assert incident["place"]["geonames_id"] == 501
    assert incident["counts"]["killed"]["exact"] == 3  # the lower of 3 and 4
    assert [s["source"] for s in incident["sources"]] == ["n1", "n2"]
    assert incident["sources"][1]["counts"]["killed"]["exact"] == 4
    span = incident["sources"][0]["evidence"][0]
    assert RECORDS[0]["text"][span["start"] : span["end"]] == "three dock workers"
    assert incident["duplicates"] == []


def test_incidents_csv_has_one_row_per_incident_and_source(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert main(["incidents", "--format", "csv", "-o", str(out), str(inputs)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["source"], r["killed"], r["source_killed"]) for r in rows] == [
        ("n1", "3 (3–4)", "3"),
        ("n2", "3 (3–4)", "4"),
    ]
    assert rows[0]["incident_id"] == rows[1]["incident_id"]


def test_incidents_html_is_standalone_and_escaped(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.html"
    assert main(["incidents", "--format", "html", "-o", str(out), str(inputs)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Portmere dock shelled &lt;again&gt;" in page
    assert "<again>" not in page
    assert "<script" not in page and "http" not in page


def test_incidents_text_timeline_and_unreadable_inputs(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["incidents", str(inputs), str(missing)]) == 0
    captured = capsys.readouterr()
    assert "2024-06-01" in captured.out and "shelling" in captured.out
    assert "missing.txt" in captured.err


def test_the_timeline_stays_readable_in_an_80_column_terminal() -> None:
    place = Place("Rostov-on-Don", "Rostov-on-Don", 501175, "Rostovskaya oblast'", "RU")
    counts = {k: Count(2, 2, 2, "two") for k in ("killed", "injured", "detained")}
    article = Article(text="Two were killed.", id="gazeta-2025-07-14")
    incident = Incident(
        id="inc-1",
        type="violence_against_civilians",
        date=DateRange("2025-07-13", "2025-07-13", "day", "Sunday"),
        place=place,
        counts=counts,
        sources=[IncidentSource(n, article, [], counts) for n in ("gazeta-2025-07-14", "x2")],
        duplicates=[],
    )
    console = Console(width=80, file=io.StringIO(), force_terminal=False)
    command.print_timeline([incident], console, articles=1)
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    lines = shown.splitlines()
    assert max(len(line) for line in lines) <= 80 and "Sources" in shown
    # Each column keeps all its text, folded over lines, not squeezed to a letter or cropped.
    column = lines[2].index("Sources")
    sources = "".join(line[column:].replace(" ", "") for line in lines[4:])
    assert sources == "2:gazeta-2025-07-14,x2"
    assert "violence" in shown and "civilians" in shown


def test_incidents_exits_non_zero_when_nothing_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["incidents", str(tmp_path / "nope.jsonl")]) == 1
    assert "nothing to link" in capsys.readouterr().err
