"""Files, folders and stdin → articles and errors, in input order, never stopping early."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import IO

import pytest

from presslens.document import Article
from presslens.errors import InputError, RecordError
from presslens.read import iter_bytes, iter_inputs, paths
from presslens.segment import split_paragraphs

EN = "Port strike ends\n\nDock workers returned to work on Tuesday after a two-week strike.\n"
RU = (
    "Склад сгорел на окраине Твери\n\n"
    "Вечером во вторник загорелся склад строительных материалов.\n"
    "Пожарные боролись с огнём почти шесть часов, пострадавших нет.\n"
)
PAGE = (
    "<html><head><title>Port strike ends</title></head><body><nav>Home | Sport</nav>"
    "<article><p>Dock workers returned to work on Tuesday after a two-week strike.</p>"
    "<p>The union said the new contract raises pay by six percent.</p></article>"
    "<footer>All rights reserved.</footer></body></html>"
)


def read(
    *args: str | Path, language: str | None = None, stdin: IO[bytes] | None = None
) -> list[Article | InputError]:
    return list(iter_inputs([str(a) for a in args], language=language, stdin=stdin))


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_text_file_source_title_and_offsets(tmp_path: Path) -> None:
    (article,) = read(write(tmp_path / "strike.txt", EN))
    assert isinstance(article, Article)
    assert article.source == str(tmp_path / "strike.txt")
    assert article.text == EN
    assert article.title == "Port strike ends"
    lines = [line for line in EN.splitlines() if line]
    assert [article.slice(p.span) for p in split_paragraphs(article)] == lines


def test_missing_file_is_an_error_and_the_next_input_is_still_read(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", EN)
    first, error, last = read(good, tmp_path / "nope.txt", good)
    assert isinstance(first, Article) and isinstance(last, Article)
    assert type(error) is InputError
    assert str(error) == f"no such file: {tmp_path / 'nope.txt'}"


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.jsonl", "empty.md"])
@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_empty_file_is_an_input_error(tmp_path: Path, name: str, content: bytes) -> None:
    (error,) = read(write(tmp_path / name, content))
    assert isinstance(error, InputError)
    assert "is empty" in str(error)


@pytest.mark.parametrize("name", ["photo.txt", "photo.png", "photo.html", "archive.jsonl"])
def test_binary_file_is_refused(tmp_path: Path, name: str) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    (error,) = read(write(tmp_path / name, png))
    assert type(error) is InputError
    assert "looks like a binary file" in str(error) and name in str(error)


@pytest.mark.parametrize("encoding", ["windows-1251", "koi8-r"])
def test_russian_legacy_file_is_decoded_and_offsets_hold(tmp_path: Path, encoding: str) -> None:
    (article,) = read(write(tmp_path / "ru.txt", RU.encode(encoding)))
    assert isinstance(article, Article)
    assert article.text == RU
    assert article.title == "Склад сгорел на окраине Твери"
    assert article.warnings == [f"decoded as {encoding}"]
    lines = [line for line in RU.splitlines() if line]
    assert [article.slice(p.span) for p in split_paragraphs(article)] == lines


@pytest.mark.parametrize("encoding", ["windows-1251", "koi8-r"])
def test_short_russian_file_in_a_legacy_encoding(tmp_path: Path, encoding: str) -> None:
    text = "Цены на хлеб выросли. Министр обещает разобраться."
    (article,) = read(write(tmp_path / "short.txt", text.encode(encoding)))
    assert isinstance(article, Article) and article.text == text


def test_latin_1_file(tmp_path: Path) -> None:
    text = "Grève à Marseille : les éboueurs réclament une prime, dit le délégué."
    (article,) = read(write(tmp_path / "fr.txt", text.encode("latin-1")))
    assert isinstance(article, Article) and article.text == text
    assert article.warnings == ["decoded as windows-1252"]


def test_file_over_the_limit_is_refused_from_its_size_without_opening_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 2**20)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file over the limit was opened")

    monkeypatch.setattr(Path, "open", no_open)
    (error,) = read(big)
    assert type(error) is InputError
    assert "50.0 MB" in str(error) and "limit" in str(error)


def test_jsonl_file_may_be_larger_than_the_file_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "MAX_FILE_BYTES", 100)
    record = json.dumps({"text": "Dock workers returned to work."}) + "\n"
    items = read(write(tmp_path / "many.jsonl", record * 20))
    assert len(items) == 20 and all(isinstance(item, Article) for item in items)


def test_html_file_main_text_and_metadata(tmp_path: Path) -> None:
    (article,) = read(write(tmp_path / "page.htm", PAGE))
    assert isinstance(article, Article)
    assert article.title == "Port strike ends"
    assert "six percent" in article.text
    assert "Home" not in article.text and "rights reserved" not in article.text


def test_jsonl_file_bad_line_carries_its_number(tmp_path: Path) -> None:
    data = '{"text": "One."}\nnot json\n{"text": "Three."}\n'
    first, error, third = read(write(tmp_path / "feed.jsonl", data))
    assert isinstance(error, RecordError) and error.line == 2
    assert isinstance(first, Article) and first.source == f"{tmp_path / 'feed.jsonl'}:1"
    assert isinstance(third, Article) and third.source == f"{tmp_path / 'feed.jsonl'}:3"


def test_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    (article,) = read(write(tmp_path / "notes.md", EN))
    assert isinstance(article, Article) and article.text == EN


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", EN)
    write(tmp_path / "a" / "z.html", PAGE)
    write(tmp_path / "a" / "y.TXT", EN)
    write(tmp_path / "c.jsonl", '{"text": "From JSON."}\n')
    write(tmp_path / "notes.md", EN)  # not an article extension: skipped in folders
    write(tmp_path / ".hidden.txt", EN)
    write(tmp_path / ".git" / "x.txt", EN)
    items = read(tmp_path)
    sources = [item.source for item in items if isinstance(item, Article)]
    expected = ["a/y.TXT", "a/z.html", "b.txt", "c.jsonl:1"]
    assert sources == [str(tmp_path / name) for name in expected]


def test_folder_without_articles_is_an_input_error(tmp_path: Path) -> None:
    write(tmp_path / "image.png", b"\x89PNG")
    (error,) = read(tmp_path)
    assert type(error) is InputError and "has no .txt" in str(error)


@pytest.mark.parametrize(
    ("data", "expected_text"),
    [
        (EN.encode(), EN),
        (PAGE.encode(), None),
        (b'\n{"text": "From a pipe.", "id": "p1"}\n', "From a pipe."),
    ],
)
def test_stdin_format_is_sniffed(data: bytes, expected_text: str | None) -> None:
    (article,) = read("-", stdin=io.BytesIO(data))
    assert isinstance(article, Article)
    if expected_text is not None:
        assert article.text == expected_text
    else:
        assert "six percent" in article.text and "Home" not in article.text
    assert article.source in {"<stdin>", "p1"}


def test_stdin_defaults_to_sys_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RU.encode("koi8-r"))))
    (article,) = read("-")
    assert isinstance(article, Article)
    assert (article.source, article.text) == ("<stdin>", RU)


def test_stdin_jsonl_longer_than_the_sniffed_head_is_streamed_whole() -> None:
    lines = [json.dumps({"text": f"Report number {n}."}) for n in range(3000)]
    items = read("-", stdin=io.BytesIO(("\n".join(lines) + "\n").encode()))
    assert len(items) == 3000
    assert isinstance(items[-1], Article) and items[-1].text == "Report number 2999."
    assert items[-1].source == "<stdin>:3000"


def test_stdin_over_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "MAX_FILE_BYTES", 10_000)
    (error,) = read("-", stdin=io.BytesIO(b"word " * 5_000))
    assert type(error) is InputError and "limit" in str(error)


def test_language_hint_reaches_every_article_and_is_checked_first(tmp_path: Path) -> None:
    (article,) = read(write(tmp_path / "a.txt", EN), language="EN")
    assert isinstance(article, Article) and article.language_hint == "en"
    with pytest.raises(InputError, match="ISO 639"):
        read(tmp_path / "a.txt", language="English please")


def test_uploaded_bytes_use_the_name_or_sniff_the_content() -> None:
    (from_name,) = iter_bytes(PAGE.encode(), name="upload.html")
    (sniffed,) = iter_bytes(b'{"text": "Uploaded."}\n', name="upload")
    assert isinstance(from_name, Article) and "six percent" in from_name.text
    assert isinstance(sniffed, Article) and sniffed.source == "upload:1"
