"""``presslens explain`` and the generated docs/taxonomy.md."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from presslens import taxonomy
from presslens.cli import explain
from presslens.errors import InputError

DOC = Path(__file__).resolve().parent.parent / "docs" / "taxonomy.md"


def run(*argv: str) -> int:
    """Parse and run ``presslens explain ARGV`` with only this subcommand registered."""
    parser = argparse.ArgumentParser(prog="presslens")
    explain.register(parser.add_subparsers())
    args = parser.parse_args(["explain", *argv])
    return int(args.func(args))


def test_explain_prints_name_group_definition_and_example(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run("appeal", "to", "values") == 0
    out = " ".join(capsys.readouterr().out.split())
    entry = taxonomy.BY_LABEL["Appeal_to_Values"]
    for field in (entry.label, entry.name, "Justification", entry.definition, entry.example):
        assert field in out


def test_explain_json(capsys: pytest.CaptureFixture[str]) -> None:
    run("public opinion", "--format", "json")
    assert json.loads(capsys.readouterr().out) == taxonomy.BY_LABEL["Public_opinion"].to_dict()


def test_explain_list_json_has_every_label(capsys: pytest.CaptureFixture[str]) -> None:
    run("--list", "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert data["label_set"] == taxonomy.LABEL_SET
    assert [e["label"] for e in data["labels"]] == [e.label for e in taxonomy.ALL]


def test_explain_list_of_one_kind(capsys: pytest.CaptureFixture[str]) -> None:
    run("--list", "--kind", "frame")
    out = capsys.readouterr().out
    assert all(label in out for label in taxonomy.FRAME_LABELS)
    assert "Loaded_Language" not in out


def test_unknown_name_suggests_close_labels() -> None:
    with pytest.raises(InputError, match="Did you mean: Loaded_Language"):
        run("lodaed", "langauge")


def test_name_and_list_together_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exc:
        run()
    assert exc.value.code == 2


def test_docs_taxonomy_is_generated_from_the_code() -> None:
    expected = explain.taxonomy_markdown()
    assert DOC.read_text(encoding="utf-8") == expected, (
        "docs/taxonomy.md is stale: run `presslens explain --list --format markdown "
        "> docs/taxonomy.md`"
    )
    assert all(f"`{e.label}`" in expected for e in taxonomy.ALL)
