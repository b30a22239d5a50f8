"""docs/schema.md: its example has exactly the fields serialize.py writes, and true offsets."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from presslens.document import Article, Evidence, Paragraph, Span, TechniqueFinding
from presslens.events.model import Attribution, Count, DateRange, Event, Mention, Place
from presslens.serialize import SCHEMA_VERSION, article_to_dict

DOC = Path(__file__).resolve().parent.parent / "docs" / "schema.md"


def _doc_example() -> dict[str, Any]:
    block = re.search(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert block is not None, "docs/schema.md lost its JSON example"
    example: dict[str, Any] = json.loads(block.group(1))
    return example


def _full_article() -> dict[str, Any]:
    """An article with every optional part filled, serialised by the real code."""
    text = "T\nA b c."
    span = Span(2, 8)
    event = Event(
        type="protest",
        evidence=[span],
        actor=Mention("A", "civilians"),
        target=Mention("b", "government"),
        place=Place("c"),
        date=DateRange("2024-01-01", "2024-01-31", "month", "January"),
        counts={"injured": Count(2, None, None, "some")},
        attribution=Attribution("hedged", None, "reportedly"),
    )
    finding = TechniqueFinding("Doubt", 0.5, [Evidence(Span(2, 3), 0.4)])
    article = Article(text=text, title="T", title_span=Span(0, 1), source="x.txt")
    article.paragraphs = [Paragraph(span, [span], techniques=[finding])]
    article.events = [event]
    return article_to_dict(article)


def test_example_has_the_fields_serialize_writes() -> None:
    example, real = _doc_example(), _full_article()
    assert example["schema_version"] == SCHEMA_VERSION
    assert list(example) == list(real)
    assert set(example["paragraphs"][2]) == set(real["paragraphs"][0])
    technique = example["paragraphs"][2]["techniques"][0]
    assert set(technique) == set(real["paragraphs"][0]["techniques"][0])
    assert set(technique["evidence"][0]) == set(
        real["paragraphs"][0]["techniques"][0]["evidence"][0]
    )
    assert set(example["events"][0]) == set(real["events"][0])
    for part in ("actor", "place", "date", "attribution"):
        assert set(example["events"][0][part]) == set(real["events"][0][part])


def test_example_offsets_point_at_the_words_the_doc_names() -> None:
    example = _doc_example()
    text = example["text"]
    evidence = example["paragraphs"][2]["techniques"][0]["evidence"][0]
    assert text[evidence["start"] : evidence["end"]] == "reckless crackdown"
    for paragraph in example["paragraphs"]:
        words = text[paragraph["start"] : paragraph["end"]]
        assert words == words.strip() and "\n" not in words
    assert text[: example["title_span"]["end"]] == example["title"]
    event_span = example["events"][0]["evidence"][0]
    assert text[event_span["start"] : event_span["end"]].startswith("Officers detained 14")
