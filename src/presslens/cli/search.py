"""``presslens search``: full-text search with filters over a stored collection.

The filter flags defined here (:func:`add_filter_arguments`) are shared by ``export``, so both
commands select articles the same way the API and the web page do (:class:`Filters`).
"""

from __future__ import annotations

import argparse
import json
import re
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from presslens.store import DEFAULT_DB, MAX_LIMIT, SORTS, Filters, Store


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", default=str(DEFAULT_DB), metavar="FILE", help=f"article database ({DEFAULT_DB})"
    )


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters (all must match; latest versions only)")
    group.add_argument("--outlet", help="exact outlet name")
    group.add_argument("--language", help="language code, e.g. en")
    group.add_argument("--from", dest="date_from", metavar="DATE", help="published on or after")
    group.add_argument("--to", dest="date_to", metavar="DATE", help="published on or before")
    group.add_argument("--genre", help="reporting, opinion or satire")
    group.add_argument("--frame", help="frame label, e.g. Economic")
    group.add_argument("--technique", help="technique label, e.g. Loaded_Language")
    group.add_argument("--event-type", dest="event_type", help="event type")
    group.add_argument("--place", help="event place name or country code")


def filters_from_args(args: argparse.Namespace) -> Filters:
    return Filters.from_mapping(vars(args))


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search stored articles",
        description="Search the titles and texts of stored articles, with filters. QUERY uses "
        'SQLite FTS5 syntax: words are ANDed; "a phrase", OR, NOT, NEAR(a b), prefix*, '
        "title:word. Without QUERY, lists the newest articles that match the filters.",
        epilog="examples:\n"
        "  presslens search drone --outlet 'Daily Example' --from 2025-01-01\n"
        "  presslens search '\"power plant\" OR blackout' --technique Loaded_Language\n"
        "  presslens search --place Kharkiv --format json",
    )
    parser.add_argument("query", nargs="?", help="full-text query")
    add_db_argument(parser)
    add_filter_arguments(parser)
    parser.add_argument("--limit", type=int, default=20, help=f"results, 1..{MAX_LIMIT} (20)")
    parser.add_argument("--offset", type=int, default=0, help="results to skip")
    parser.add_argument(
        "--sort", choices=SORTS, metavar="ORDER", help=f"one of: {', '.join(SORTS)}"
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    filters = Filters.from_mapping({**vars(args), "q": args.query})
    with Store(args.db, create=False) as store:
        page = store.search(filters, limit=args.limit, offset=args.offset, sort=args.sort)
    if args.format == "json":
        print(json.dumps(page, ensure_ascii=False, indent=2))
        return 0
    console = Console(highlight=False)
    console.print(results_table(page))
    shown = len(page["results"])
    more = page["total"] - page["offset"] - shown
    tail = (
        f"; --offset {page['offset'] + shown} for the next {min(more, args.limit)}"
        if more > 0
        else ""
    )
    console.print(Text(f"{page['total']} matching articles{tail}", style="dim"))
    return 0


def results_table(page: dict[str, Any]) -> Table:
    """Results as a table. Every cell is a Text object: article text is never read as markup."""
    table = Table(show_lines=True, expand=True)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("outlet")
    table.add_column("article", ratio=3)
    table.add_column("techniques", ratio=1, min_width=16)
    for result in page["results"]:
        article = Text(result["title"] or "(no title)", style="bold")
        snippet = Text()
        for part in result["snippet"]:
            words = re.sub(r"\s+", " ", part["text"])
            snippet.append(words, style="reverse" if part["match"] else "")
        if snippet:
            article.append("\n")
            article.append_text(snippet)
        table.add_row(
            Text(str(result["id"])),
            Text(result["published"] or ""),
            Text(result["outlet"] or ""),
            article,
            Text("\n".join(t["label"] for t in result["techniques"])),
        )
    return table
