"""``presslens evaluate``: official scores beside their floors, for persuasion or events."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

DESCRIPTION = """Score presslens on labelled data, each score beside the floor a trivial rule
reaches on the same data (a constant label set, the majority genre, whole paragraphs as
evidence, ...).

persuasion (default): data in the SemEval-2023 Task 3 layout
  DIR/<lang>/<split>-articles-subtask-N/ and DIR/<lang>/<split>-labels-subtask-N.txt.
  Subtask 1 macro-F1 (genre), subtask 2 micro-F1 (frames), subtask 3 micro-F1 over
  paragraph x technique, and span_f1 of the evidence where gold spans exist.
events: --dataset gva | muc4 | tempeval3, in the layout each has in ../shared/data."""

EPILOG = """examples:
  presslens evaluate --data ../shared/data/semeval2023-task3/data --split train --validation
  presslens evaluate --data DIR --split dev --format json --predictions out/
  presslens evaluate events --dataset gva --data ../shared/data/gva-incidents --format json
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="score the models on labelled data, beside their floors",
        description=DESCRIPTION,
        epilog=EPILOG,
    )
    parser.add_argument("task", nargs="?", choices=("persuasion", "events"), default="persuasion")
    parser.add_argument("--data", required=True, type=Path, metavar="DIR")
    parser.add_argument("--split", default="train", help="split name (default: train)")
    parser.add_argument(
        "--validation",
        action="store_true",
        help="score only our validation articles carved from SPLIT (15%% per language); "
        "floors are then learnt on the rest",
    )
    parser.add_argument("--lang", help="comma-separated language folders (default: all)")
    parser.add_argument("--dataset", choices=("gva", "muc4", "tempeval3"), help="events data")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--predictions", type=Path, metavar="DIR", help="also write official prediction files"
    )
    parser.add_argument(
        "--model",
        type=Path,
        metavar="DIR",
        help="models written by `presslens train --out DIR` (default: the shipped ones)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.task == "events":
        if not args.dataset:
            print("evaluate events needs --dataset gva|muc4|tempeval3", file=sys.stderr)
            return 2
        from presslens.evaluate.events import evaluate_events

        report = evaluate_events(args.dataset, args.data)
    else:
        report = _persuasion(args)
    if args.format == "json":
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        _print_table(report)
    return 0


def _persuasion(args: argparse.Namespace) -> dict[str, Any]:
    from rich.progress import Progress

    from presslens.evaluate.persuasion import evaluate_persuasion
    from presslens.persuasion.component import PersuasionAnalyzer

    languages = args.lang.split(",") if args.lang else None
    with Progress(transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("evaluating", total=None)
        report, predictions = evaluate_persuasion(
            args.data,
            args.split,
            validation=args.validation,
            languages=languages,
            analyzer=PersuasionAnalyzer.load(args.model),
            progress=lambda n: bar.advance(task, n),
        )
    if args.predictions:
        _write_predictions(args.predictions, predictions)
    return report


def _write_predictions(folder: Path, predictions: dict[str, Any]) -> None:
    from presslens.evaluate.formats import write_frames, write_genre, write_techniques

    for lang, split in predictions.items():
        target = folder / lang
        target.mkdir(parents=True, exist_ok=True)
        write_genre(target / "subtask-1-predictions.txt", split.genre)
        write_frames(target / "subtask-2-predictions.txt", split.frames)
        write_techniques(target / "subtask-3-predictions.txt", split.paragraphs)


def _print_table(report: dict[str, Any], prefix: str = "") -> None:
    """Flat ``name  value`` lines: readable, and easy to grep."""
    for key, value in report.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and key != "per_label":
            _print_table(value, name + ".")
        elif key != "per_label":
            print(f"{name:<50} {value}")
