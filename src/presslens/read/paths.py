"""Command-line inputs (files, folders, ``-`` for stdin) → articles and errors, in input order.

A bad input never stops the others: it comes out as an :class:`InputError` in its place, so
the caller can report it and go on, as ``grep`` or ``wc`` do with a missing file.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal

from presslens.document import Article
from presslens.errors import InputError
from presslens.read.decode import SNIFF_BYTES, decode_bytes
from presslens.read.html import article_from_html
from presslens.read.jsonl import iter_jsonl
from presslens.read.text import article_from_text, parse_language

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

Kind = Literal["text", "html", "jsonl"]

#: Largest .txt or .html file read: far above any article, and refused without being read.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: What each extension holds; a folder is searched for these. Other files named on the
#: command line are read as plain text.
EXTENSIONS: dict[str, Kind] = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
#: The path that means standard input, and the name its articles get as their source.
STDIN = "-"
STDIN_NAME = "<stdin>"


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    language: str | None = None,
    stdin: IO[bytes] | None = None,
) -> Iterator[Article | InputError]:
    """Every article in ``paths``, and an :class:`InputError` in place of each bad input.

    Files are read by extension (.txt, .html/.htm, .jsonl; others as text), folders
    recursively in sorted order, and ``-`` from ``stdin`` (default: standard input), whose
    format is sniffed. ``language`` is a hint for every article that has none of its own; an
    invalid one raises :class:`InputError` before anything is read.
    """
    language = parse_language(language)
    for path in paths:
        if os.fspath(path) == STDIN:
            yield from _iter_stream(stdin or sys.stdin.buffer, STDIN_NAME, None, language)
        elif Path(path).is_dir():
            yield from _iter_folder(Path(path), language)
        else:
            yield from _iter_file(Path(path), language)


def iter_bytes(
    data: bytes, *, name: str, language: str | None = None
) -> Iterator[Article | InputError]:
    """Articles in an uploaded file's bytes; the format comes from ``name``'s extension, or is
    sniffed from the content (``{`` JSON Lines, ``<`` HTML, else text) when it has none we know.
    """
    kind = EXTENSIONS.get(Path(name).suffix.lower())
    yield from _iter_stream(io.BytesIO(data), name, kind, parse_language(language))


def _iter_file(path: Path, language: str | None) -> Iterator[Article | InputError]:
    name = str(path)
    kind = EXTENSIONS.get(path.suffix.lower(), "text")
    try:
        size = path.stat().st_size
        if kind != "jsonl" and size > MAX_FILE_BYTES:
            raise _too_big(name, size)
        with path.open("rb") as stream:
            yield from _iter_stream(stream, name, kind, language)
    except InputError as exc:
        yield exc
    except FileNotFoundError:
        yield InputError(f"no such file: {name}")
    except OSError as exc:
        yield InputError(f"cannot read {name}: {exc.strerror or exc}")


def _iter_folder(folder: Path, language: str | None) -> Iterator[Article | InputError]:
    files = sorted(_folder_files(folder), key=lambda path: path.relative_to(folder).parts)
    if not files:
        kinds = ", ".join(EXTENSIONS)
        yield InputError(f"{folder} has no {kinds} files in it (hidden ones are skipped)")
    for path in files:
        yield from _iter_file(path, language)


def _folder_files(folder: Path) -> Iterator[Path]:
    """Files with a known extension under ``folder``, skipping hidden files and folders."""
    for root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in EXTENSIONS:
                yield Path(root, name)


def _iter_stream(
    stream: IO[bytes], name: str, kind: Kind | None, language: str | None
) -> Iterator[Article | InputError]:
    """The articles in one stream; ``kind`` None means sniff it from the first bytes."""
    if kind == "jsonl":
        yield from iter_jsonl(stream, name=name, language=language)
        return
    head = stream.read(SNIFF_BYTES)
    kind = kind or _sniff(head)
    if kind == "jsonl":
        yield from iter_jsonl(_prepend(head, stream), name=name, language=language)
        return
    data = head + stream.read(max(0, MAX_FILE_BYTES + 1 - len(head)))
    try:
        if len(data) > MAX_FILE_BYTES:
            raise _too_big(name, None)
        yield article_from_bytes(data, name=name, kind=kind, language=language)
    except InputError as exc:
        yield exc


def article_from_bytes(
    data: bytes, *, name: str, kind: Literal["text", "html"], language: str | None = None
) -> Article:
    """One article from a text or HTML file's bytes; ``name`` becomes its source."""
    if kind == "html":
        return article_from_html(data, source=name, language=language)
    decoded = decode_bytes(data, name=name)
    article = article_from_text(decoded.text, source=name, language=language)
    if decoded.warning:
        article.warnings.append(decoded.warning)
    return article


def _sniff(head: bytes) -> Kind:
    """What a stream holds, from how it starts: ``{`` JSON Lines, ``<`` HTML, else text."""
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()[:1]
    return "jsonl" if start == b"{" else "html" if start == b"<" else "text"


def _too_big(name: str, size: int | None) -> InputError:
    actual = f" ({size / 2**20:.1f} MB)" if size is not None else ""
    return InputError(
        f"{name}{actual} is over the {MAX_FILE_BYTES / 2**20:g} MB limit for one article; "
        "split it into smaller files, or into a .jsonl file with one article per line"
    )


def _prepend(head: bytes, rest: IO[bytes]) -> io.BufferedReader:
    """A stream that gives the bytes already read to sniff it, then the rest of ``rest``."""
    return io.BufferedReader(_Prefixed(head, rest))


class _Prefixed(io.RawIOBase):
    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        chunk = self._head[: len(view)] if self._head else self._rest.read(len(view))
        self._head = self._head[len(chunk) :]
        view[: len(chunk)] = chunk
        return len(chunk)
