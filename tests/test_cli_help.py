"""The help formatter every subcommand shares: prose refilled, indented lines kept."""

from __future__ import annotations

import argparse

from presslens.cli import COMMANDS, HelpFormatter, build_parser

PROSE = "A sentence about the command that is written long enough to need wrapping. " * 3
DESCRIPTION = f"""{PROSE.strip()}
written across
two lines.

examples:
  presslens demo --with-a-very-long-option-name-that-must-not-be-broken --and-another-one-too
"""


def _help(width: int) -> list[str]:
    parser = argparse.ArgumentParser(
        prog="presslens demo",
        description=DESCRIPTION,
        formatter_class=lambda prog: HelpFormatter(prog, width=width),
    )
    return parser.format_help().splitlines()


def test_prose_is_refilled_to_the_width() -> None:
    lines = _help(60)
    prose = lines[lines.index("") + 1 : lines.index("examples:") - 1]
    assert len(prose) > 1
    assert all(len(line) <= 60 for line in prose)
    assert " ".join(prose).endswith("written across two lines.")


def test_indented_lines_and_blank_lines_are_kept_verbatim() -> None:
    lines = _help(60)
    example = DESCRIPTION.splitlines()[-1]
    assert example in lines
    assert lines[lines.index("examples:") - 1] == ""


def test_every_subcommand_formats_its_help_with_it() -> None:
    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(commands.choices) == set(COMMANDS)
    assert all(p.formatter_class is HelpFormatter for p in commands.choices.values())
