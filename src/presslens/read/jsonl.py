"""JSON Lines → articles, one a line, streamed so a file of any size reads in constant memory.

A bad line (not JSON, no text, a bad date) is reported as a :class:`RecordError` carrying its
line number, and reading goes on: one broken record must not cost the other ten thousand.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import IO, Any

from presslens.document import Article
from presslens.errors import InputError, RecordError
from presslens.read.decode import SNIFF_BYTES, check_binary, decode_bytes
from presslens.read.text import article_from_text

#: Longest line read; a longer one is reported and skipped without being held in memory.
MAX_LINE_BYTES = 20 * 1024 * 1024
#: Optional string fields of a record; any other key is ignored.
STRING_FIELDS = ("title", "url", "outlet", "published", "language")

_SKIP_CHUNK = 1 << 16
_UTF16_OR_32_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_JSON_TYPES: dict[type, str] = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true or false",
    type(None): "null",
}


def iter_jsonl(
    stream: IO[bytes],
    *,
    name: str,
    language: str | None = None,
    max_line_bytes: int = MAX_LINE_BYTES,
) -> Iterator[Article | InputError]:
    """Articles from a JSON Lines stream, and an error for each bad line, in line order.

    Each line is an object with a ``text`` string and optionally ``id``, ``title``, ``url``,
    ``outlet``, ``published`` (ISO date) and ``language``. An article's ``source`` is its ``id``,
    else ``name:line``. ``language`` is the hint for records that carry none. A stream that is
    not text at all gives one :class:`InputError` and nothing else.
    """
    found = False
    for number, line in _lines(stream, max_line_bytes):
        if number == 1 and (error := _whole_file_error(line, name)) is not None:
            yield error
            return
        if line is None:
            yield RecordError(
                f"{name}:{number}: line is over the {max_line_bytes / 2**20:g} MB limit for "
                "one article; skipped it",
                line=number,
            )
        elif not line.strip():
            continue
        else:
            yield _article_or_error(line, name=name, number=number, language=language)
        found = True
    if not found:
        yield InputError(f"{name} is empty; there is nothing to analyse")


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines; ``None`` for a line over ``limit`` bytes, whose rest is skipped unread."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _whole_file_error(first_line: bytes | None, name: str) -> InputError | None:
    """An error about the whole stream (binary, UTF-16), seen on its first line, else None."""
    if first_line is None:
        return None
    if first_line.startswith(_UTF16_OR_32_BOMS):
        return InputError(
            f"{name} is UTF-16 or UTF-32; JSON Lines must be UTF-8: re-save it as UTF-8"
        )
    try:
        check_binary(first_line[:SNIFF_BYTES], name=name)
    except InputError as exc:
        return exc
    return None


def _article_or_error(
    line: bytes, *, name: str, number: int, language: str | None
) -> Article | RecordError:
    """The article on one line, or the error that names the line (``name:number``)."""
    where = f"{name}:{number}"
    try:
        text, warning = _decode_line(line, number=number)
        article = _article(_parse(text), where, language)
    except InputError as exc:
        return RecordError(f"{where}: {exc}", line=number)
    if warning:
        article.warnings.append(warning)
    return article


def _decode_line(line: bytes, *, number: int) -> tuple[str, str | None]:
    """The line as text: UTF-8 as JSON requires, else detected (with a warning saying so)."""
    if number == 1:
        line = line.removeprefix(codecs.BOM_UTF8)
    try:
        return line.decode("utf-8"), None
    except UnicodeDecodeError:
        decoded = decode_bytes(line, name="the line")
        return decoded.text, decoded.warning


def _parse(text: str) -> dict[str, Any]:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON ({exc.msg} at column {exc.colno}); write one JSON object per line"
        ) from None
    except RecursionError:
        raise InputError("JSON nested too deeply to be an article") from None
    if not isinstance(record, dict):
        raise InputError(
            f"the line holds {_JSON_TYPES[type(record)]}, not an article; "
            'write a JSON object with a "text" field'
        )
    return record


def _article(record: dict[str, Any], where: str, language: str | None) -> Article:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        problem = "is empty" if isinstance(text, str) else "is missing or not a string"
        raise InputError(f'the "text" field {problem}; every line needs the article text')
    fields = {key: _string_field(record, key) for key in STRING_FIELDS}
    record_id = _record_id(record.get("id"))
    return article_from_text(
        text,
        title=fields["title"],
        published=fields["published"],
        language=fields["language"] or language,
        source=record_id or where,
        id=record_id,
        url=fields["url"],
        outlet=fields["outlet"],
    )


def _string_field(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise InputError(f'the "{key}" field must be a string, not {_JSON_TYPES[type(value)]}')


def _record_id(value: object) -> str | None:
    """The record's id as a string; numbers are common ids and are accepted."""
    if value is None or value == "":
        return None
    if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        return str(value)
    raise InputError('the "id" field must be a string or an integer')
