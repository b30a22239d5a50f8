"""``presslens analyze``: how articles persuade and what they claim, with evidence."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

from presslens.document import Article
from presslens.errors import InputError

DESCRIPTION = """Analyse articles: genre, frames, persuasion techniques per paragraph with the
words that carry them, and the events the article claims.

Inputs: .txt (a first line followed by a blank line is the title; every line break ends a
paragraph), .html/.htm (main text extracted), .jsonl (one article a line: text, and optional
id, title, url, outlet, published, language), a folder of those, or - for standard input.
Offsets in the output index the article text as given."""

EPILOG = """examples:
  presslens analyze column.txt
  presslens analyze --format json --published 2025-07-14 column.txt
  presslens analyze --format json articles.jsonl > analyses.jsonl
  presslens analyze --format html -o report.html folder/
  cat page.html | presslens analyze -
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="analyse articles (text, HTML, JSONL, folders, stdin)",
        description=DESCRIPTION,
        epilog=EPILOG,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "json", "html"),
        default="text",
        help="text: readable report (default); json: one object per article (JSON Lines when "
        "there are several, schema in docs/schema.md); html: one standalone page",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument(
        "--language", metavar="CODE", help="ISO 639-1 code (en, ru, ...) instead of detecting it"
    )
    parser.add_argument(
        "--published",
        metavar="DATE",
        help="publication date (YYYY-MM-DD) for inputs that carry none; relative dates in "
        "the text are resolved against it",
    )
    parser.add_argument("--no-events", action="store_true", help="skip event extraction (faster)")
    parser.set_defaults(func=run)


def _articles(args: argparse.Namespace, errors: list[InputError]) -> Iterator[Article]:
    from presslens.read import iter_inputs, parse_published

    published = parse_published(args.published) if args.published else None
    for item in iter_inputs(args.paths, language=args.language):
        if isinstance(item, InputError):
            errors.append(item)
            print(f"{type(item).__name__}: {item}", file=sys.stderr)
            continue
        if published and item.published is None:
            item.published = published
        yield item


def run(args: argparse.Namespace) -> int:
    from presslens.pipeline import DEFAULT_COMPONENTS, load_pipeline
    from presslens.serialize import article_to_dict

    components = tuple(c for c in DEFAULT_COMPONENTS if not (args.no_events and c == "events"))
    pipeline = load_pipeline(components)
    errors: list[InputError] = []
    results = (article_to_dict(a) for a in pipeline.pipe(_articles(args, errors), batch_size=16))
    with _open_output(args.output) as out:
        count = _write(results, args.format, out)
    if errors:
        print(f"{len(errors)} input(s) could not be read; {count} analysed.", file=sys.stderr)
    return 1 if errors else 0


def _write(results: Iterator[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    if fmt == "html":
        from presslens.report import render_html

        items = list(results)
        if items:
            out.write(render_html(items))
        return len(items)
    if fmt == "json":
        return _write_json(results, out)
    from rich.console import Console

    from presslens.report import render_terminal

    console = Console(file=out, highlight=False, soft_wrap=False)
    count = 0
    for result in results:
        if count:
            console.rule()
        render_terminal(result, console)
        count += 1
    return count


def _write_json(results: Iterator[dict[str, Any]], out: IO[str]) -> int:
    """One pretty object for one article; JSON Lines (one compact object a line) for several."""
    first = next(results, None)
    if first is None:
        return 0
    second = next(results, None)
    if second is None:
        out.write(json.dumps(first, ensure_ascii=False, indent=2) + "\n")
        return 1
    count = 0
    for result in (first, second, *results):
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        count += 1
    return count


class _open_output:
    """stdout, or a file opened only once there is something to write to it."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.handle: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        if self.path is None:
            return sys.stdout
        try:
            self.handle = open(self.path, "w", encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write {self.path}: {exc.strerror}") from exc
        return self.handle

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.handle.close()
