"""The official SemEval-2023 Task 3 scores, and the span score of SemEval-2020 Task 11, in numpy.

Each function reproduces what the organisers' scorer computes, so our numbers can stand next
to the published ones (the scorers use scikit-learn, which presslens does not need at run time):

* subtask 1, :func:`genre_macro_f1`: ``f1_score(average="macro", zero_division=0)`` with no
  ``labels`` argument, i.e. averaged over the classes that occur in the gold or the prediction;
* subtasks 2 and 3, :func:`multilabel_scores`: labels binarised over the official label list
  (unknown gold labels dropped, as ``MultiLabelBinarizer`` does), micro-F1 over every
  (item, label) cell with ``zero_division=1``; every gold item counts, including the paragraphs
  with no technique, which can only add false positives;
* technique spans, :func:`span_scores`: the SemEval-2020 Task 11 / PTC formula with partial
  credit for partial overlap, counted only between spans of the same technique.

Scoring runs over the gold ids. A gold id without a prediction is an error (the official
scorers reject such files); predictions for ids outside the gold are ignored, so one
prediction dict can be scored against several subsets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from presslens.errors import InputError
from presslens.evaluate.labels import GENRES
from presslens.evaluate.semeval import SpanTuple

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class LabelScores:
    """Precision, recall and F1 of one label, for error analysis.

    Ratios with a zero denominator are 1.0, the official scorers' ``zero_division=1``; read
    them with ``support`` (gold count) and ``predicted`` (predicted count) beside them.
    """

    precision: float
    recall: float
    f1: float
    support: int
    predicted: int

    def to_dict(self, digits: int = 4) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, digits),
            "recall": round(self.recall, digits),
            "f1": round(self.f1, digits),
            "support": self.support,
            "predicted": self.predicted,
        }


@dataclass(frozen=True, slots=True)
class MultilabelScores:
    """Official subtask-2/3 scores: micro-F1 (the ranking score), macro-F1 and per-label detail."""

    micro_f1: float
    macro_f1: float
    per_label: dict[str, LabelScores]


@dataclass(frozen=True, slots=True)
class SpanScores:
    precision: float
    recall: float
    f1: float


def genre_macro_f1(
    gold: Mapping[str, str], pred: Mapping[str, str], labels: Collection[str] = GENRES
) -> float:
    """Subtask-1 score: macro-F1 over the classes present in the gold or the prediction.

    A class that nobody predicted and no article has does not count, so predicting the
    majority class everywhere scores its F1 divided by the number of gold classes.
    Returns 0.0 when there is no gold.
    """
    predicted = _aligned(gold, pred)
    _check_labels(((k, {v}) for k, v in predicted.items()), labels)
    classes = sorted(set(gold.values()) | set(predicted.values()))
    if not classes:
        return 0.0
    gold_column = np.array([gold[k] for k in gold])
    pred_column = np.array([predicted[k] for k in gold])
    scores = []
    for label in classes:
        is_gold, is_pred = gold_column == label, pred_column == label
        tp = int(np.sum(is_gold & is_pred))
        scores.append(2 * tp / (2 * tp + int(np.sum(is_gold ^ is_pred))))
    return float(np.mean(scores))


def multilabel_scores(
    gold: Mapping[K, Collection[str]],
    pred: Mapping[K, Collection[str]],
    labels: Sequence[str],
) -> MultilabelScores:
    """Subtask-2 (items = articles) or subtask-3 (items = paragraphs) scores.

    ``labels`` is the official list (``LabelInventory.frames`` or ``.techniques``); a predicted
    label outside it is an error, as in the official scorers.
    """
    predicted = _aligned(gold, pred)
    _check_labels(predicted.items(), labels)
    gold_matrix = _binarise([gold[k] for k in gold], labels)
    pred_matrix = _binarise([predicted[k] for k in gold], labels)
    tp = np.sum(gold_matrix & pred_matrix, axis=0)
    fp = np.sum(~gold_matrix & pred_matrix, axis=0)
    fn = np.sum(gold_matrix & ~pred_matrix, axis=0)
    per_label = {
        label: LabelScores(
            precision=_ratio(tp[i], tp[i] + fp[i]),
            recall=_ratio(tp[i], tp[i] + fn[i]),
            f1=_ratio(2 * tp[i], 2 * tp[i] + fp[i] + fn[i]),
            support=int(tp[i] + fn[i]),
            predicted=int(tp[i] + fp[i]),
        )
        for i, label in enumerate(labels)
    }
    tp_all, errors = int(tp.sum()), int(fp.sum() + fn.sum())
    return MultilabelScores(
        micro_f1=_ratio(2 * tp_all, 2 * tp_all + errors),
        macro_f1=float(np.mean([s.f1 for s in per_label.values()])) if labels else 1.0,
        per_label=per_label,
    )


def span_scores(
    gold: Mapping[str, Sequence[SpanTuple]], pred: Mapping[str, Sequence[SpanTuple]]
) -> SpanScores:
    """Technique-span precision, recall and F1 (SemEval-2020 Task 11 / PTC with labels).

    For every predicted span s and gold span t of the same technique in the same article,
    precision gains |s∩t|/|s| and recall |s∩t|/|t|; P divides by the number of predicted
    spans, R by the number of gold spans, F1 is their harmonic mean (1.0 when both are empty).
    As in the official scorer, overlapping gold spans of one technique are merged first, and
    overlapping predicted spans of one technique are merged too (the scorer's ``-m`` option;
    without it it rejects the file). Spans must have ``0 <= start < end``.
    """
    gold_spans = {a: _merge_overlaps(spans, a) for a, spans in gold.items()}
    pred_spans = {a: _merge_overlaps(pred.get(a, ()), a) for a in gold}
    precision_credit = recall_credit = 0.0
    for article_id, spans in pred_spans.items():
        gold_by_technique = defaultdict(list)
        for technique, start, end in gold_spans[article_id]:
            gold_by_technique[technique].append((start, end))
        for technique, start, end in spans:
            for gold_start, gold_end in gold_by_technique[technique]:
                shared = max(0, min(end, gold_end) - max(start, gold_start))
                precision_credit += shared / (end - start)
                recall_credit += shared / (gold_end - gold_start)
    n_pred = sum(len(spans) for spans in pred_spans.values())
    n_gold = sum(len(spans) for spans in gold_spans.values())
    precision = precision_credit / n_pred if n_pred else 0.0
    recall = recall_credit / n_gold if n_gold else 0.0
    if n_pred == n_gold == 0:
        f1 = 1.0
    elif precision > 0 and recall > 0:
        f1 = 2 * precision * recall / (precision + recall)
    else:
        f1 = 0.0
    return SpanScores(precision=precision, recall=recall, f1=f1)


def _aligned(gold: Mapping[K, object], pred: Mapping[K, V]) -> dict[K, V]:
    missing = [k for k in gold if k not in pred]
    if missing:
        shown = ", ".join(map(str, missing[:5]))
        raise InputError(
            f"no prediction for {len(missing)} of {len(gold)} gold items ({shown}, ...): "
            "predict every article, and every paragraph of the template (an empty label set "
            "is a valid prediction)"
        )
    return {k: pred[k] for k in gold}


def _check_labels(rows: Iterable[tuple[object, Collection[str]]], labels: Collection[str]) -> None:
    valid = set(labels)
    for key, values in rows:
        unknown = sorted(set(values) - valid)
        if unknown:
            raise InputError(
                f"prediction for {key} has labels outside the official list: {unknown}; "
                f"valid labels are {sorted(valid)}"
            )


def _binarise(rows: Sequence[Collection[str]], labels: Sequence[str]) -> np.ndarray:
    index = {label: i for i, label in enumerate(labels)}
    matrix = np.zeros((len(rows), len(labels)), dtype=bool)
    for r, row in enumerate(rows):
        for label in row:
            if label in index:
                matrix[r, index[label]] = True
    return matrix


def _ratio(numerator: int | np.integer, denominator: int | np.integer) -> float:
    """numerator/denominator, or 1.0 for 0/0 (the official ``zero_division=1``)."""
    return float(numerator / denominator) if denominator else 1.0


def _merge_overlaps(spans: Sequence[SpanTuple], article_id: str) -> list[SpanTuple]:
    """Spans with every group of same-technique spans that share a character made one span.

    Touching spans (one ends where the next starts) share no character and stay apart, as in
    the official scorer, which merges on character-set intersection.
    """
    merged: list[SpanTuple] = []
    for technique, start, end in sorted(spans):
        if not 0 <= start < end:
            raise InputError(
                f"span [{start}, {end}) of {technique} in article {article_id} is empty or "
                "negative: a span needs 0 <= start < end"
            )
        last = merged[-1] if merged else None
        if last is not None and last[0] == technique and start < last[2]:
            merged[-1] = (technique, last[1], max(last[2], end))
        else:
            merged.append((technique, start, end))
    return merged
