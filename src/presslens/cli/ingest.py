"""``presslens ingest``: analyse files, folders, JSONL and saved feeds into the article store.

The command is a thin layer over :func:`presslens.ingest.ingest`: it draws the progress bar,
prints what was stored and lists the inputs that failed. Exit status, as for ``presslens
incidents``: 1 only when no input could be read at all, 130 when interrupted, else 0.
"""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from presslens.cli.search import add_db_argument
from presslens.ingest import DEFAULT_BATCH_SIZE, IngestReport, ingest
from presslens.store import Store


class RateColumn(ProgressColumn):
    """Articles per second, as rich measures it over the last updates."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "– articles/s", style="cyan")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="analyse articles and store them for search",
        description="Analyse articles (.txt, .html, .jsonl, RSS/Atom feeds saved as .rss, "
        ".atom or .xml, folders of them, - for stdin) and store them. Articles already stored "
        "(same URL and content, or the same text) are skipped; an article whose URL is stored "
        "with other text becomes a new version. Interrupt at any time and rerun to resume.",
        epilog="examples:\n"
        "  presslens ingest news/ feeds/world.rss\n"
        "  presslens ingest --db week12.db articles.jsonl\n"
        "  cat urls-fetched.jsonl | presslens ingest -",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or -")
    add_db_argument(parser)
    parser.add_argument("--language", help="language hint for articles that have none")
    parser.add_argument(
        "--batch-size",
        type=int,
        default=DEFAULT_BATCH_SIZE,
        help=f"articles analysed together ({DEFAULT_BATCH_SIZE})",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.set_defaults(func=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    if args.batch_size < 1:
        args.parser.error("--batch-size must be 1 or more")
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    report = IngestReport()
    progress = Progress(
        TextColumn("analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
        console=err,
        disable=args.no_progress,
    )
    task = progress.add_task("analysing", total=None)

    def advance(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    with Store(args.db) as store:
        try:
            with progress:
                ingest(
                    args.paths,
                    store,
                    language=args.language,
                    batch_size=args.batch_size,
                    progress=advance,
                    report=report,
                )
        except KeyboardInterrupt:
            _summary(err, report, args.db)
            err.print(
                "Interrupted. Everything listed above is stored; run the same command to resume."
            )
            return 130
    _summary(err, report, args.db)
    read_any = report.added + report.updated + report.duplicates > 0
    return 1 if report.failures and not read_any else 0


def _summary(console: Console, report: IngestReport, db: str) -> None:
    console.print(
        Text(
            f"Stored {report.added} new articles and {report.updated} new versions in {db}; "
            f"{report.duplicates} were already stored."
        )
    )
    if report.failures:
        n = len(report.failures)
        console.print(Text(f"{n} input{'s' if n != 1 else ''} failed:", style="bold red"))
        for failure in report.failures:
            where = f"{failure.source}: " if failure.source else ""
            console.print(Text(f"  {where}{failure.message}"))
