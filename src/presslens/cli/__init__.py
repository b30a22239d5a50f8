"""The ``presslens`` command: one module per subcommand, each a thin layer over the library.

Every subcommand module defines ``register(subparsers)``, which adds its parser and sets
``func`` (taking the parsed arguments, returning an exit code). Errors that presslens raises on
purpose are printed as ``TypeName: message`` on one line, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from presslens import __version__
from presslens.errors import PresslensError

#: Subcommand modules, in the order ``--help`` lists them.
COMMANDS = (
    "analyze",
    "evaluate",
    "train",
    "explain",
    "incidents",
    "ingest",
    "search",
    "export",
    "serve",
)

EPILOG = """examples:
  presslens analyze examples/raid-column.txt          readable report
  presslens analyze --format json articles.jsonl      one JSON object per article
  presslens analyze --format html -o report.html a.txt
  presslens <command> --help                          options of one command
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="presslens",
        description="Show how news and opinion articles persuade and what they claim happened, "
        "with evidence you can check. Works offline.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"presslens {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"presslens.cli.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except PresslensError as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
