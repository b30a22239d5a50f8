"""The SemEval-2023 Task 3 evaluation report: every official score beside its floor.

:func:`semeval_report` returns plain dicts (ready for ``json.dumps``) shaped as::

    {"subtask1": {"<lang>": {"macro_f1", "floor", "floor_label", "n_articles"}},
     "subtask2": {"<lang>": {"micro_f1", "macro_f1", "floor", "floor_labels", "n_articles",
                             "per_label": {label: {precision, recall, f1, support, predicted}}}},
     "subtask3": {"<lang>": {"micro_f1", "macro_f1", "floor", "floor_labels", "n_paragraphs",
                             "span_f1", "span_floor", "span_ceiling", "per_label": {...}}}}

A subtask appears for a language when the gold has its labels and the predictions have any;
a floor is None when none was learnt for that language, ``span_f1``/``span_floor`` are None
when the gold has no spans. Scores are rounded to ``digits`` decimals.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any, TypeVar

from presslens.evaluate.floors import (
    LanguageFloors,
    constant_predictions,
    paragraph_spans,
    perfect_evidence,
)
from presslens.evaluate.labels import LabelInventory
from presslens.evaluate.metrics import genre_macro_f1, multilabel_scores, span_scores
from presslens.evaluate.semeval import SemevalSplit

K = TypeVar("K", bound=Hashable)

_NO_FLOORS = LanguageFloors(genre=None, frames=None, techniques=None)


def semeval_report(
    gold: Mapping[str, SemevalSplit],
    predictions: Mapping[str, SemevalSplit],
    floors: Mapping[str, LanguageFloors],
    inventory: LabelInventory | None = None,
    digits: int = 4,
) -> dict[str, dict[str, dict[str, Any]]]:
    """Official scores of ``predictions`` against ``gold``, per subtask and language.

    ``predictions[lang]`` holds predicted labels in the gold's shapes (``genre``, ``frames``,
    ``paragraphs``, ``spans``); ``floors[lang]`` the trivial answers learnt on that language's
    training split (:func:`presslens.evaluate.floors.learn_floors`).
    """
    inventory = inventory or LabelInventory()
    report: dict[str, dict[str, dict[str, Any]]] = {"subtask1": {}, "subtask2": {}, "subtask3": {}}
    for lang in sorted(gold):
        truth, predicted = gold[lang], predictions.get(lang)
        if predicted is None:
            continue
        floor = floors.get(lang, _NO_FLOORS)
        if "genre" in truth.labelled and truth.genre and predicted.genre:
            report["subtask1"][lang] = _genre_block(truth, predicted, floor, inventory, digits)
        if "frames" in truth.labelled and truth.frames and predicted.frames:
            report["subtask2"][lang] = _multilabel_block(
                truth.frames, predicted.frames, inventory.frames, floor.frames, digits, "n_articles"
            )
        if "techniques" in truth.labelled and truth.paragraphs and predicted.paragraphs:
            report["subtask3"][lang] = {
                **_multilabel_block(
                    truth.paragraphs,
                    predicted.paragraphs,
                    inventory.techniques,
                    floor.techniques,
                    digits,
                    "n_paragraphs",
                ),
                **_span_block(truth, predicted, digits),
            }
    return {subtask: blocks for subtask, blocks in report.items() if blocks}


def _genre_block(
    truth: SemevalSplit,
    predicted: SemevalSplit,
    floor: LanguageFloors,
    inventory: LabelInventory,
    digits: int,
) -> dict[str, Any]:
    floor_score = None
    if floor.genre is not None:
        constant = dict.fromkeys(truth.genre, floor.genre)
        floor_score = genre_macro_f1(truth.genre, constant, inventory.genres)
    return {
        "macro_f1": round(genre_macro_f1(truth.genre, predicted.genre, inventory.genres), digits),
        "floor": _rounded(floor_score, digits),
        "floor_label": floor.genre,
        "n_articles": len(truth.genre),
    }


def _multilabel_block(
    gold: Mapping[K, set[str]],
    predicted: Mapping[K, set[str]],
    labels: tuple[str, ...],
    floor_labels: tuple[str, ...] | None,
    digits: int,
    count_key: str,
) -> dict[str, Any]:
    """Micro/macro-F1, the constant-label floor and per-label scores of one multi-label task.

    Frames (per article) and techniques (per paragraph) are the same kind of task; only the
    unit counted under ``count_key`` differs.
    """
    scores = multilabel_scores(gold, predicted, labels)
    floor_score = None
    if floor_labels is not None:
        constant = constant_predictions(gold, floor_labels)
        floor_score = multilabel_scores(gold, constant, labels).micro_f1
    return {
        "micro_f1": round(scores.micro_f1, digits),
        "macro_f1": round(scores.macro_f1, digits),
        "floor": _rounded(floor_score, digits),
        "floor_labels": _listed(floor_labels),
        "per_label": {label: s.to_dict(digits) for label, s in scores.per_label.items()},
        count_key: len(gold),
    }


def _span_block(truth: SemevalSplit, predicted: SemevalSplit, digits: int) -> dict[str, Any]:
    """Evidence span-F1 beside its floor and ceiling; all None when the gold has no spans."""
    span_score = span_floor = span_ceiling = None
    if "spans" in truth.labelled and truth.spans:
        span_score = span_scores(truth.spans, predicted.spans).f1
        # The floor keeps the model's own (paragraph, technique) decisions and gives each its
        # whole paragraph as evidence; the ceiling gives each correct decision its gold spans.
        pairs = {k: v for k, v in predicted.paragraphs.items() if k[0] in truth.spans}
        span_floor = span_scores(truth.spans, paragraph_spans(pairs, truth.articles)).f1
        span_ceiling = span_scores(truth.spans, perfect_evidence(pairs, truth)).f1
    return {
        "span_f1": _rounded(span_score, digits),
        "span_floor": _rounded(span_floor, digits),
        "span_ceiling": _rounded(span_ceiling, digits),
    }


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def _listed(labels: tuple[str, ...] | None) -> list[str] | None:
    return None if labels is None else list(labels)
