"""End to end with the real models: ingest a few hand-written articles, then search them.

Skipped, with the reason, when the shipped models are not available (ModelError).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presslens import load_pipeline
from presslens.errors import ModelError
from presslens.ingest import ingest
from presslens.store import Filters, Store

ARTICLES = [
    {
        "id": "a1",
        "title": "Night strike on the depot",
        "outlet": "Daily Example",
        "published": "2025-03-04",
        "url": "https://example.org/a1",
        "text": "Night strike on the depot\n\nA drone struck a fuel depot near Kharkiv on Monday "
        "night, killing two workers, the regional governor said.\nFirefighters needed six hours "
        "to put out the blaze.",
    },
    {
        "id": "a2",
        "title": "They will never stop",
        "outlet": "The Sample Post",
        "published": "2025-03-05",
        "url": "https://example.org/a2",
        "text": "They will never stop\n\nThese so-called leaders are shameless liars who betray "
        "our nation every single day.\nEvery patriot must stand up now, before it is too late!",
    },
]


@pytest.fixture(scope="module")
def analyzer() -> object:
    try:
        return load_pipeline()
    except ModelError as exc:
        pytest.skip(f"the shipped models are not available: {exc}")


def test_ingest_with_the_real_pipeline_is_searchable(analyzer: object, tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    source.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        report = ingest([str(source)], store)
        assert (report.added, report.failures) == (2, [])
        assert ingest([str(source)], store).duplicates == 2
        (hit,) = store.search(Filters(q="depot"))["results"]
        stored = store.get(hit["id"])
        assert stored is not None
        assert stored["article"]["schema_version"] == "1.0"
        assert stored["article"]["paragraphs"] and stored["article"]["genre"]
        assert store.aggregate("technique", "outlet", Filters())["groups"]
        assert store.verify() == []
