"""The ``presslens`` command: one module per subcommand, each a thin layer over the library.

Every subcommand module defines ``register(subparsers)``, which adds its parser and sets
``func`` (taking the parsed arguments, returning an exit code). Errors that presslens raises on
purpose are printed as ``TypeName: message`` on one line, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import sys
import textwrap
from collections.abc import Sequence
from typing import Any

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


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Refills prose to the terminal's width but keeps indented lines (examples) as written.

    argparse's default refills everything (ruining example lists) and the raw formatter
    refills nothing (prose runs past a narrow terminal's edge); every command needs the mix,
    so :class:`Parser` gives it to all of them. Runs of unindented lines are one
    paragraph; blank and indented lines are kept verbatim.
    """

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines: list[str] = []
        for verbatim, run in itertools.groupby(
            text.splitlines(), key=lambda line: not line.strip() or line[0].isspace()
        ):
            if verbatim:
                lines.extend(indent + line if line.strip() else "" for line in run)
            else:
                paragraph = " ".join(line.strip() for line in run)
                lines.append(
                    textwrap.fill(paragraph, width, initial_indent=indent, subsequent_indent=indent)
                )
        return "\n".join(lines)


class Parser(argparse.ArgumentParser):
    """An argument parser that formats its help with :class:`HelpFormatter` by default.

    ``add_subparsers`` builds each subcommand's parser with the class of its parent, so
    every command gets the formatter without repeating it in its ``register``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="presslens",
        description="Show how news and opinion articles persuade and what they claim happened, "
        "with evidence you can check. Works offline.",
        epilog=EPILOG,
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
