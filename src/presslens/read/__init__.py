"""Reading articles: plain text, web pages, JSON Lines, folders and stdin.

Every reader keeps the text exactly as given (findings are character ranges into it) and
reports a bad input as an :class:`~presslens.errors.InputError` (a bad JSON line as a
:class:`~presslens.errors.RecordError` with its line number) instead of stopping.

    for item in iter_inputs(["news/", "extra.jsonl", "-"]):
        if isinstance(item, InputError):
            print(f"{type(item).__name__}: {item}", file=sys.stderr)
        else:
            articles.append(item)
"""

from __future__ import annotations

from presslens.read.decode import Decoded, decode_bytes
from presslens.read.html import article_from_html
from presslens.read.jsonl import MAX_LINE_BYTES, iter_jsonl
from presslens.read.paths import (
    EXTENSIONS,
    MAX_FILE_BYTES,
    STDIN,
    STDIN_NAME,
    article_from_bytes,
    iter_bytes,
    iter_inputs,
)
from presslens.read.text import article_from_text, parse_language, parse_published, title_line

__all__ = [
    "EXTENSIONS",
    "MAX_FILE_BYTES",
    "MAX_LINE_BYTES",
    "STDIN",
    "STDIN_NAME",
    "Decoded",
    "article_from_bytes",
    "article_from_html",
    "article_from_text",
    "decode_bytes",
    "iter_bytes",
    "iter_inputs",
    "iter_jsonl",
    "parse_language",
    "parse_published",
    "title_line",
]
