"""Plain text → Article: the title rule, offsets into the text as given, and field checks."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.document import Article
from presslens.errors import InputError
from presslens.read import article_from_text, parse_language, parse_published
from presslens.segment import split_paragraphs

STORY = (
    "Council delays the bridge repair again\n"
    "\n"
    "The town council postponed the repair of the old river bridge for a third time.\n"
    "Shop owners on both banks say they are losing customers every week.\n"
)


def assert_paragraphs_index_text(article: Article) -> None:
    """Every paragraph's range slices out exactly one trimmed line of the text as given."""
    lines = [line.strip() for line in article.text.splitlines() if line.strip()]
    paragraphs = split_paragraphs(article)
    assert [article.text[p.span.start : p.span.end] for p in paragraphs] == lines


def test_first_line_followed_by_blank_line_is_the_title() -> None:
    article = article_from_text(STORY)
    assert article.title == "Council delays the bridge repair again"
    assert article.title_span is not None
    assert article.slice(article.title_span) == article.title
    assert article.text == STORY
    (title,) = [p for p in split_paragraphs(article) if p.is_title]
    assert title.span == article.title_span


def test_no_blank_line_after_first_line_means_no_title() -> None:
    article = article_from_text(STORY.replace("again\n\n", "again\n"))
    assert article.title is None
    assert article.title_span is None


def test_single_line_followed_by_blank_line_only_is_not_a_title() -> None:
    article = article_from_text("Just one sentence about the weather.\n\n")
    assert article.title is None


def test_title_span_is_trimmed_and_skips_leading_blank_lines() -> None:
    text = "\n  \n   Бюджет города урезан вдвое  \r\n\r\nДепутаты приняли поправки ночью.\r\n"
    article = article_from_text(text)
    assert article.title == "Бюджет города урезан вдвое"
    assert article.title_span is not None
    assert article.slice(article.title_span) == "Бюджет города урезан вдвое"
    assert article.text == text
    assert_paragraphs_index_text(article)


def test_given_title_is_used_without_a_span_when_not_in_the_text() -> None:
    body = "The town council postponed the repair.\n\nShop owners are angry.\n"
    article = article_from_text(body, title="  Bridge  repair delayed ")
    assert article.title == "Bridge repair delayed"
    assert article.title_span is None


def test_given_title_gets_the_span_of_the_matching_first_line() -> None:
    article = article_from_text(STORY, title="council delays the bridge repair AGAIN")
    assert article.title == "council delays the bridge repair AGAIN"
    assert article.title_span is not None
    assert article.slice(article.title_span) == "Council delays the bridge repair again"


def test_offsets_index_the_text_as_given_with_crlf_tabs_and_indent() -> None:
    text = "Headline here\r\n\r\n\tFirst paragraph, indented.  \r\n  Second one.\rThird one.\n\n"
    article = article_from_text(text)
    assert article.text == text
    assert_paragraphs_index_text(article)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\r\n"])
def test_empty_text_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError, match="is empty"):
        article_from_text(text)


def test_empty_text_error_names_the_source() -> None:
    with pytest.raises(InputError, match=r"notes\.txt is empty"):
        article_from_text(" \n", source="notes.txt")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-07-14", dt.date(2025, 7, 14)),
        ("2025-07-14T23:30:00+03:00", dt.date(2025, 7, 14)),
        ("2025-07-14T08:00:00Z", dt.date(2025, 7, 14)),
        (dt.date(2024, 2, 29), dt.date(2024, 2, 29)),
        (dt.datetime(2024, 2, 29, 12, 0), dt.date(2024, 2, 29)),
        ("", None),
        (None, None),
    ],
)
def test_published_accepts_dates_and_iso_strings(
    value: dt.date | str | None, expected: dt.date | None
) -> None:
    assert parse_published(value) == expected
    assert article_from_text("Some text.", published=value).published == expected


@pytest.mark.parametrize("value", ["14/07/2025", "2025-13-01", "yesterday", "2025-02-30"])
def test_invalid_published_is_an_input_error_that_shows_the_format(value: str) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        article_from_text("Some text.", published=value)


def test_language_goes_to_the_hint_as_a_lowercase_code() -> None:
    assert article_from_text("Some text.", language="RU").language_hint == "ru"
    assert parse_language("pt-BR") == "pt"
    assert parse_language("  ") is None
    with pytest.raises(InputError, match="ISO 639"):
        parse_language("Russian language")


def test_metadata_fields_are_kept() -> None:
    article = article_from_text(
        "Some text.", source="a.txt", id="42", url="https://x.example/a", outlet="X Daily"
    )
    assert (article.source, article.id, article.url, article.outlet) == (
        "a.txt",
        "42",
        "https://x.example/a",
        "X Daily",
    )
