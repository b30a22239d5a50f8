"""How much the validation scores of the persuasion model would move on other articles.

The validation split holds 15% of each language's training articles: 25 to 68 articles, so one
satire article more or less moves a language's genre macro-F1 by a third. This resamples the
validation articles of each language with replacement (a cluster bootstrap: an article's
paragraphs stay together) and prints, per language and subtask, the model's score, its floor,
and the 5th and 95th percentiles of the model's score and of its margin over the floor.

    .venv/bin/python bench/persuasion_intervals.py [--data ../shared/data/semeval2023-task3/data]
        [--resamples 2000] [--seed 13]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np

from presslens.evaluate.floors import constant_predictions, learn_floors
from presslens.evaluate.labels import GENRES
from presslens.evaluate.persuasion import evaluate_persuasion
from presslens.evaluate.semeval import SemevalSplit, carve_validation, load_splits

#: Per-article counts: one row per article, columns as each scorer below expects.
Counts = np.ndarray
Scorer = Callable[[Counts], float]


def micro_counts(
    gold: Mapping[tuple[str, int] | str, set[str]],
    predicted: Mapping[tuple[str, int] | str, set[str]],
    ids: Sequence[str],
) -> Counts:
    """True positives, false positives and false negatives per article (frames or paragraphs)."""
    row = {article_id: i for i, article_id in enumerate(ids)}
    counts = np.zeros((len(ids), 3))
    for key, labels in gold.items():
        article_id = key[0] if isinstance(key, tuple) else key
        guess = predicted.get(key, set())
        counts[row[article_id]] += (len(labels & guess), len(guess - labels), len(labels - guess))
    return counts


def micro_f1(counts: Counts) -> float:
    """Micro-F1 from summed true positives, false positives and false negatives."""
    tp, fp, fn = counts.sum(axis=0)
    return float(2 * tp / (2 * tp + fp + fn)) if tp + fp + fn else 1.0


def genre_counts(
    gold: Mapping[str, str], predicted: Mapping[str, str], ids: Sequence[str]
) -> Counts:
    """Per article and genre: is it the gold genre, is it the predicted one (one-hot pairs)."""
    counts = np.zeros((len(ids), 2, len(GENRES)))
    for i, article_id in enumerate(ids):
        counts[i, 0, GENRES.index(gold[article_id])] = 1
        counts[i, 1, GENRES.index(predicted.get(article_id, GENRES[0]))] = 1
    return counts


def genre_macro_f1(counts: Counts) -> float:
    """Subtask-1 macro-F1 over the genres present in the gold or the prediction."""
    is_gold, is_pred = counts[:, 0], counts[:, 1]
    tp = (is_gold * is_pred).sum(axis=0)
    errors = np.abs(is_gold - is_pred).sum(axis=0)
    present = (is_gold + is_pred).sum(axis=0) > 0
    return float(np.mean(2 * tp[present] / (2 * tp[present] + errors[present])))


def interval(
    model: Counts, floor: Counts, score: Scorer, resamples: int, rng: np.random.Generator
) -> dict[str, float]:
    """The score, its floor, and 5th/95th percentiles of the score and of the margin."""
    draws = rng.integers(0, len(model), size=(resamples, len(model)))
    scores = np.array([score(model[d]) for d in draws])
    margins = scores - np.array([score(floor[d]) for d in draws])
    low, high = np.percentile(scores, [5, 95])
    margin_low, margin_high = np.percentile(margins, [5, 95])
    return {
        "score": round(score(model), 3),
        "floor": round(score(floor), 3),
        "score_p5": round(float(low), 3),
        "score_p95": round(float(high), 3),
        "margin_p5": round(float(margin_low), 3),
        "margin_p95": round(float(margin_high), 3),
    }


def language_intervals(
    held: SemevalSplit, rest: SemevalSplit, predicted: SemevalSplit, resamples: int, seed: int
) -> dict[str, dict[str, float]]:
    """Intervals of genre, frames and techniques for one language's validation articles."""
    rng = np.random.default_rng(seed)
    floors = learn_floors(rest)
    report = {}
    if held.genre and floors.genre:
        ids = sorted(held.genre)
        constant = dict.fromkeys(ids, floors.genre)
        report["genre_macro_f1"] = interval(
            genre_counts(held.genre, predicted.genre, ids),
            genre_counts(held.genre, constant, ids),
            genre_macro_f1,
            resamples,
            rng,
        )
    for name, gold, labels in (
        ("frames_micro_f1", held.frames, floors.frames),
        ("techniques_micro_f1", held.paragraphs, floors.techniques),
    ):
        if not gold or labels is None:
            continue
        ids = sorted({k[0] if isinstance(k, tuple) else k for k in gold})
        guesses: Mapping = predicted.frames if name.startswith("frames") else predicted.paragraphs
        report[name] = interval(
            micro_counts(gold, guesses, ids),
            micro_counts(gold, constant_predictions(gold, labels), ids),
            micro_f1,
            resamples,
            rng,
        )
    return report


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=Path("../shared/data/semeval2023-task3/data"))
    parser.add_argument("--resamples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    _, predictions = evaluate_persuasion(args.data, "train", validation=True)
    splits = load_splits(args.data, "train")
    chosen = carve_validation(splits)
    report = {}
    for lang, split in sorted(splits.items()):
        rest, held = split.partition(chosen[lang])
        report[lang] = language_intervals(held, rest, predictions[lang], args.resamples, args.seed)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
