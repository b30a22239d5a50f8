"""``presslens export``: stored articles, findings or events as CSV or JSON Lines.

CSV cells that a spreadsheet would run as a formula (starting with = + - @) get a leading
apostrophe: article text comes from strangers, and a title like ``=HYPERLINK(...)`` must stay text.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

from presslens.cli.search import add_db_argument, add_filter_arguments, filters_from_args
from presslens.errors import InputError
from presslens.store import EXPORT_KINDS, Store

FORMATS = ("jsonl", "csv")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export stored articles, findings or events (CSV, JSONL)",
        description="Write stored articles (one record each), findings (one per piece of "
        "technique evidence, with its words) or events (one per event) as JSON Lines or CSV.",
        epilog="examples:\n"
        "  presslens export findings --format csv -o findings.csv\n"
        "  presslens export events --outlet 'Daily Example' > events.jsonl\n"
        "  presslens export articles --from 2025-01-01 --to 2025-03-31 -o q1.csv",
    )
    parser.add_argument("kind", choices=EXPORT_KINDS, help="what one record is")
    parser.add_argument(
        "--format", choices=FORMATS, help="jsonl (default) or csv; -o FILE.csv implies csv"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    add_db_argument(parser)
    parser.add_argument("-q", "--query", dest="q", help="full-text query, as in search")
    add_filter_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    fmt = args.format or ("csv" if str(args.output or "").lower().endswith(".csv") else "jsonl")
    with Store(args.db, create=False) as store, ExitStack() as stack:
        out = _open(args.output, stack)
        records = store.export(args.kind, filters_from_args(args), flat=fmt == "csv")
        written = write_csv(records, out) if fmt == "csv" else write_jsonl(records, out)
    where = args.output or "stdout"
    print(f"Wrote {written} {args.kind} records to {where}.", file=sys.stderr)
    return 0


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    written = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        written += 1
    return written


def write_csv(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Records as CSV, the header from the first record (every record of a kind has the same)."""
    writer: csv.DictWriter[str] | None = None
    written = 0
    for record in records:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(record))
            writer.writeheader()
        writer.writerow({key: _cell(value) for key, value in record.items()})
        written += 1
    return written


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _open(output: str | None, stack: ExitStack) -> IO[str]:
    if output is None:
        return sys.stdout
    try:
        return stack.enter_context(Path(output).open("w", encoding="utf-8", newline=""))
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror}") from exc
