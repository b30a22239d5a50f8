"""Official SemEval-2023 Task 3 metrics and the PTC span score, checked by hand and by sklearn."""

from __future__ import annotations

import random

import pytest

from presslens.errors import InputError
from presslens.evaluate.metrics import genre_macro_f1, multilabel_scores, span_scores

LABELS = ("Doubt", "Slogans", "Repetition", "Straw_Man", "Whataboutism")


def _random_rows(rng: random.Random, n: int, labels: tuple[str, ...]) -> dict[str, set[str]]:
    return {str(i): {label for label in labels if rng.random() < 0.3} for i in range(n)}


def test_metrics_genre_macro_f1_by_hand() -> None:
    gold = {"a": "opinion", "b": "opinion", "c": "reporting", "d": "satire"}
    pred = {"a": "opinion", "b": "reporting", "c": "reporting", "d": "opinion"}

    # opinion 2*1/(2+1+1), reporting 2*1/(2+1+0), satire 0
    assert genre_macro_f1(gold, pred) == pytest.approx((0.5 + 2 / 3 + 0.0) / 3)


def test_metrics_genre_macro_f1_averages_only_classes_seen() -> None:
    gold = {"a": "opinion", "b": "opinion", "c": "opinion", "d": "reporting"}
    majority = dict.fromkeys(gold, "opinion")

    # satire is in neither gold nor prediction, so it does not dilute the average
    assert genre_macro_f1(gold, majority) == pytest.approx((6 / 7 + 0.0) / 2)


def test_metrics_genre_macro_f1_matches_sklearn() -> None:
    metrics = pytest.importorskip("sklearn.metrics")
    rng = random.Random(3)
    classes = ("opinion", "reporting", "satire")
    gold = {str(i): rng.choice(classes) for i in range(60)}
    pred = {str(i): rng.choice(classes[:2]) for i in range(60)}

    expected = metrics.f1_score(
        list(gold.values()), [pred[k] for k in gold], average="macro", zero_division=0
    )
    assert genre_macro_f1(gold, pred) == pytest.approx(expected)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_metrics_multilabel_matches_the_official_sklearn_computation(seed: int) -> None:
    metrics = pytest.importorskip("sklearn.metrics")
    preprocessing = pytest.importorskip("sklearn.preprocessing")
    rng = random.Random(seed)
    gold = _random_rows(rng, 80, LABELS[:4])  # Whataboutism never in gold
    pred = _random_rows(rng, 80, LABELS[:3])  # Straw_Man, Whataboutism never predicted
    binariser = preprocessing.MultiLabelBinarizer()
    binariser.fit([LABELS])
    y_true = binariser.transform([gold[k] for k in gold])
    y_pred = binariser.transform([pred[k] for k in gold])

    scores = multilabel_scores(gold, pred, LABELS)

    official = {"zero_division": 1}
    assert scores.micro_f1 == pytest.approx(
        metrics.f1_score(y_true, y_pred, average="micro", **official)
    )
    assert scores.macro_f1 == pytest.approx(
        metrics.f1_score(y_true, y_pred, average="macro", **official)
    )
    precision = metrics.precision_score(y_true, y_pred, average=None, **official)
    recall = metrics.recall_score(y_true, y_pred, average=None, **official)
    for i, label in enumerate(binariser.classes_):
        assert scores.per_label[label].precision == pytest.approx(precision[i])
        assert scores.per_label[label].recall == pytest.approx(recall[i])
        assert scores.per_label[label].support == int(y_true[:, i].sum())
        assert scores.per_label[label].predicted == int(y_pred[:, i].sum())


def test_metrics_multilabel_counts_empty_paragraphs_as_false_positives() -> None:
    gold = {("1", 1): {"Doubt"}, ("1", 3): set(), ("1", 5): set()}
    everywhere = {key: {"Doubt"} for key in gold}

    scores = multilabel_scores(gold, everywhere, LABELS)

    assert scores.micro_f1 == pytest.approx(2 * 1 / (2 * 1 + 2 + 0))
    assert scores.per_label["Doubt"].precision == pytest.approx(1 / 3)
    assert scores.per_label["Slogans"].f1 == 1.0  # absent everywhere: zero_division=1


def test_metrics_multilabel_empty_gold_and_prediction_scores_one() -> None:
    gold: dict[tuple[str, int], set[str]] = {("1", 1): set(), ("1", 3): set()}

    assert multilabel_scores(gold, gold, LABELS).micro_f1 == 1.0


def test_metrics_multilabel_ignores_unknown_gold_labels_and_extra_predictions() -> None:
    gold = {"a": {"Doubt", "Retired_Technique"}}
    pred = {"a": {"Doubt"}, "not-in-gold": {"Slogans"}}

    assert multilabel_scores(gold, pred, LABELS).micro_f1 == 1.0


def test_metrics_missing_prediction_or_unknown_label_is_an_input_error() -> None:
    gold = {"a": {"Doubt"}, "b": set()}

    with pytest.raises(InputError, match="no prediction for 1 of 2"):
        multilabel_scores(gold, {"a": {"Doubt"}}, LABELS)
    with pytest.raises(InputError, match="outside the official list"):
        multilabel_scores(gold, {"a": {"Sarcasm"}, "b": set()}, LABELS)
    with pytest.raises(InputError, match="outside the official list"):
        genre_macro_f1({"a": "opinion"}, {"a": "editorial"})


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        # exact match
        ([("Doubt", 0, 10)], [("Doubt", 0, 10)], (1.0, 1.0)),
        # half of each span overlaps
        ([("Doubt", 0, 10)], [("Doubt", 5, 15)], (0.5, 0.5)),
        # same characters, other technique: no credit
        ([("Doubt", 0, 10)], [("Slogans", 0, 10)], (0.0, 0.0)),
        # two small predictions inside one gold span each earn full precision
        ([("Doubt", 0, 10)], [("Doubt", 0, 2), ("Doubt", 4, 6)], (1.0, 0.4)),
        # overlapping gold spans of one technique are merged into [0, 10)
        ([("Doubt", 0, 2), ("Doubt", 1, 10)], [("Doubt", 0, 2)], (1.0, 0.2)),
        # touching gold spans share no character and stay two spans
        ([("Doubt", 0, 2), ("Doubt", 2, 10)], [("Doubt", 0, 2)], (1.0, 0.5)),
    ],
)
def test_metrics_span_scores_partial_credit(
    gold: list[tuple[str, int, int]],
    pred: list[tuple[str, int, int]],
    expected: tuple[float, float],
) -> None:
    scores = span_scores({"a": gold}, {"a": pred})

    assert (scores.precision, scores.recall) == pytest.approx(expected)
    p, r = expected
    assert scores.f1 == pytest.approx(2 * p * r / (p + r) if p and r else 0.0)


def test_metrics_span_scores_pool_articles_and_skip_non_gold_ones() -> None:
    gold = {"a": [("Doubt", 0, 10)], "b": [("Slogans", 0, 4)]}
    pred = {"a": [("Doubt", 0, 10)], "elsewhere": [("Doubt", 0, 10)]}

    scores = span_scores(gold, pred)

    assert (scores.precision, scores.recall) == pytest.approx((1.0, 0.5))


def test_metrics_span_scores_empty_sides() -> None:
    assert span_scores({"a": []}, {}).f1 == 1.0
    assert span_scores({"a": [("Doubt", 0, 3)]}, {}).f1 == 0.0
    with pytest.raises(InputError, match="0 <= start < end"):
        span_scores({"a": []}, {"a": [("Doubt", 5, 5)]})
