"""``presslens incidents PATH...``: link the events of many articles into a timeline of incidents.

Reads every input (files, folders, JSONL), runs the event pipeline with a progress bar on
stderr, links the events (:func:`presslens.incidents.link_incidents`) and prints the incidents
by date. Inputs that cannot be read are listed at the end; the exit code is non-zero only when
nothing could be read at all.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from presslens.document import Article
from presslens.errors import InputError
from presslens.incidents import COMPONENTS, link_incidents
from presslens.incidents.render import incidents_document, print_timeline, render_html, write_csv

FORMATS = ("text", "json", "csv", "html")
_BATCH = 16


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "incidents",
        help="link the events of many articles into incidents, as a timeline",
        description="Extract the events each article claims, link the same incident across "
        "articles, and print the incidents by date with all their sources, a conservative "
        "summary of their figures and the near-copies among them.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or JSONL")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.set_defaults(func=run)


def read_inputs(paths: Sequence[str]) -> tuple[list[Article], list[InputError]]:
    """Every readable article, and the errors of the inputs that were not."""
    from presslens.read import iter_inputs

    articles: list[Article] = []
    errors: list[InputError] = []
    for item in iter_inputs([Path(p) for p in paths]):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            articles.append(item)
    return articles, errors


def analyse(articles: list[Article], console: Console) -> list[Article]:
    """Run the event pipeline over the articles, with a progress bar on ``console``."""
    from presslens.pipeline import load_pipeline

    pipeline = load_pipeline(COMPONENTS)
    done: list[Article] = []
    with Progress(
        TextColumn("extracting events"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("events", total=len(articles))
        for start in range(0, len(articles), _BATCH):
            done.extend(pipeline(articles[start : start + _BATCH]))
            progress.update(task, completed=len(done))
    return done


def _write(args: argparse.Namespace, render: Any) -> None:
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as handle:
            render(handle)
    else:
        render(sys.stdout)


def run(args: argparse.Namespace) -> int:
    errors_console = Console(stderr=True, soft_wrap=True)
    articles, errors = read_inputs(args.paths)
    if articles:
        articles = analyse(articles, errors_console)
    incidents = link_incidents(articles)
    count = len(articles)

    def render(stream: IO[str]) -> None:
        if args.format == "json":
            json.dump(incidents_document(incidents), stream, ensure_ascii=False, indent=2)
            stream.write("\n")
        elif args.format == "csv":
            write_csv(incidents, stream)
        elif args.format == "html":
            stream.write(render_html(incidents, articles=count))
        else:
            print_timeline(incidents, Console(file=stream), articles=count)

    if articles:
        _write(args, render)
    for error in errors:
        errors_console.print(f"{type(error).__name__}: {error}", markup=False, highlight=False)
    if not articles:
        errors_console.print("No article could be read; nothing to link.", markup=False)
        return 1
    return 0
