"""JSON Lines: one article a line, bad lines reported with their number, reading goes on."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from presslens.document import Article
from presslens.errors import InputError, RecordError
from presslens.read import iter_jsonl

GOOD = {"id": "a1", "title": "Port strike ends", "text": "Dock workers returned to work today."}


def read(data: bytes, **kwargs: int) -> list[Article | InputError]:
    return list(iter_jsonl(io.BytesIO(data), name="feed.jsonl", **kwargs))


def line(record: object) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode() + b"\n"


def test_a_bad_line_in_the_middle_is_reported_and_reading_goes_on() -> None:
    data = line(GOOD) + b"{this is not json\n" + line({"text": "Third line still read."})
    first, error, third = read(data)
    assert isinstance(first, Article) and first.source == "a1"
    assert isinstance(error, RecordError)
    assert error.line == 2
    assert "feed.jsonl:2" in str(error) and "not valid JSON" in str(error)
    assert isinstance(third, Article) and third.text == "Third line still read."


def test_all_fields_are_read_and_source_falls_back_to_name_and_line() -> None:
    record = {
        "text": "Заголовок\n\nПервый абзац статьи.\nВторой абзац.",
        "url": "https://news.example/1",
        "outlet": "Example News",
        "published": "2025-07-14T09:30:00+03:00",
        "language": "ru",
        "extra": {"ignored": True},
    }
    (article,) = read(b"\n" + line(record))
    assert isinstance(article, Article)
    assert article.source == "feed.jsonl:2"
    assert article.id is None
    assert article.text == record["text"]
    assert article.title == "Заголовок"
    assert (article.url, article.outlet) == ("https://news.example/1", "Example News")
    assert article.published == dt.date(2025, 7, 14)
    assert article.language_hint == "ru"


def test_numeric_id_becomes_the_source_and_given_title_is_kept() -> None:
    (article,) = read(line({"id": 17, "title": "Port strike ends", "text": "Workers are back."}))
    assert isinstance(article, Article)
    assert (article.id, article.source, article.title) == ("17", "17", "Port strike ends")
    assert article.title_span is None


def test_default_language_applies_only_to_records_without_one() -> None:
    data = line({"text": "One."}) + line({"text": "Deux.", "language": "fr"})
    first, second = iter_jsonl(io.BytesIO(data), name="f.jsonl", language="en")
    assert isinstance(first, Article) and first.language_hint == "en"
    assert isinstance(second, Article) and second.language_hint == "fr"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"title": "no text"}, '"text" field is missing'),
        ({"text": "   "}, '"text" field is empty'),
        ({"text": 42}, '"text" field is missing or not a string'),
        ({"text": "Ok.", "published": "14.07.2025"}, "YYYY-MM-DD"),
        ({"text": "Ok.", "title": ["a", "list"]}, '"title" field must be a string, not an array'),
        ({"text": "Ok.", "id": 1.5}, '"id" field must be'),
        ({"text": "Ok.", "language": "Russian language"}, "ISO 639"),
        (["text", "in", "a", "list"], "holds an array, not an article"),
        ("just a string", "holds a string, not an article"),
    ],
)
def test_each_bad_record_is_a_record_error_with_its_line(bad: object, message: str) -> None:
    items = read(line(GOOD) + line(bad) + line(GOOD))
    assert [type(item) for item in items] == [Article, RecordError, Article]
    error = items[1]
    assert isinstance(error, RecordError) and error.line == 2
    assert message in str(error)


def test_deeply_nested_json_is_a_record_error_not_a_crash() -> None:
    (error,) = read(b"[" * 100_000 + b"\n")
    assert isinstance(error, RecordError) and error.line == 1


def test_a_line_over_the_limit_is_skipped_without_losing_the_next_lines() -> None:
    long_text = "word " * 200
    data = line(GOOD) + line({"text": long_text}) + line({"text": "After the long one."})
    first, error, third = read(data, max_line_bytes=500)
    assert isinstance(error, RecordError) and error.line == 2
    assert "over the" in str(error) and "limit" in str(error)
    assert isinstance(first, Article) and isinstance(third, Article)
    assert third.text == "After the long one."


def test_utf8_bom_crlf_and_blank_lines_are_fine() -> None:
    data = b"\xef\xbb\xbf" + line(GOOD).replace(b"\n", b"\r\n") + b"\r\n  \n" + line(GOOD)
    items = read(data)
    assert [type(item) for item in items] == [Article, Article]


def test_a_line_in_a_legacy_encoding_is_decoded_with_a_warning() -> None:
    text = "Власти обещают снизить цены на бензин до конца года."
    data = line(GOOD) + json.dumps({"text": text}, ensure_ascii=False).encode("cp1251") + b"\n"
    _, article = read(data)
    assert isinstance(article, Article)
    assert article.text == text
    assert article.warnings == ["decoded as windows-1251"]


@pytest.mark.parametrize("data", [b"", b"\n\n   \n"])
def test_a_file_with_no_records_is_an_input_error(data: bytes) -> None:
    (error,) = read(data)
    assert type(error) is InputError and "is empty" in str(error)


def test_binary_data_gives_one_error_not_one_per_line() -> None:
    (error,) = read(b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02\n" * 50)
    assert type(error) is InputError and "binary" in str(error)


def test_utf16_file_is_refused_with_the_fix() -> None:
    (error,) = read(line(GOOD).decode().encode("utf-16"))
    assert type(error) is InputError and "UTF-8" in str(error)


def test_lines_are_streamed_not_read_all_at_once() -> None:
    class OneLineAtATime(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            raise AssertionError("the whole stream was read")

    items = iter_jsonl(OneLineAtATime(line(GOOD) * 3), name="f.jsonl")
    assert isinstance(next(items), Article)
