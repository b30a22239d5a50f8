"""``presslens train``: fit the persuasion model (and evidence tagger) reproducibly."""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path
from typing import Any

from presslens.persuasion.model import DEFAULT_PATH

DESCRIPTION = """Train the genre, frame and technique classifiers, and the evidence tagger, on
data in the SemEval-2023 Task 3 layout (all languages found together). 15% of the articles
of each language are held out (fixed rule and seed) and the model is scored on them; nothing is
tuned on them. Needs scikit-learn: pip install 'presslens[train]'."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "train",
        help="train the models from SemEval-2023 Task 3 style data",
        description=DESCRIPTION,
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=Path("../shared/data/semeval2023-task3/data"),
        metavar="DIR",
        help="folder with <lang>/<split>-articles-subtask-N/ (default: %(default)s)",
    )
    parser.add_argument("--split", default="train", help="split to train on (default: train)")
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_PATH.parent,
        metavar="DIR",
        help="where the model files and their cards go (default: the package's models/)",
    )
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--cache", type=Path, metavar="DIR", help="keep paragraph embeddings here between runs"
    )
    parser.set_defaults(func=run)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from presslens.evaluate.labels import FRAMES, GENRES, TECHNIQUES
    from presslens.evaluate.persuasion import evaluate_persuasion
    from presslens.evaluate.semeval import carve_validation, load_splits
    from presslens.persuasion.component import PersuasionAnalyzer
    from presslens.persuasion.evidence_train import fit_evidence
    from presslens.train import evidence_card, model_card, train_model

    splits = load_splits(args.data, args.split)
    held_out = carve_validation(splits)
    training = {lang: s.partition(held_out[lang])[0] for lang, s in splits.items()}
    command = "presslens train " + " ".join(shlex.quote(a) for a in sys.argv[2:])
    model = train_model(
        training,
        labels={"techniques": TECHNIQUES, "frames": FRAMES, "genre": GENRES},
        seed=args.seed,
        cache_dir=args.cache,
        progress=_say,
    )
    model.meta["command"] = command
    model_path = args.out / "persuasion.npz"
    model.save(model_path)
    _say("evidence tagger")
    tagger = fit_evidence(splits, held_out, seed=args.seed)
    tagger.save(args.out / "evidence.npz")
    _say("scoring on the validation split")
    analyzer = PersuasionAnalyzer.load(args.out)
    report, _ = evaluate_persuasion(args.data, args.split, validation=True, analyzer=analyzer)
    (args.out / "persuasion.md").write_text(
        model_card(model, report, held_out, command), encoding="utf-8"
    )
    (args.out / "evidence.md").write_text(
        evidence_card(tagger.meta, report, command), encoding="utf-8"
    )
    (args.out / "persuasion-validation.json").write_text(
        json.dumps(report, indent=2) + "\n", encoding="utf-8"
    )
    _say(f"wrote {model_path} and its card {args.out / 'persuasion.md'}")
    return 0
