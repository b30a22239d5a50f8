"""The reader and metrics on the real SemEval-2023 Task 3 bundle (skipped without the data).

The expected numbers come from the bundle's MANIFEST.md (counts) and the project notes
(floors), which were computed independently of this code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.evaluate.floors import constant_predictions, learn_floors
from presslens.evaluate.metrics import multilabel_scores
from presslens.evaluate.semeval import (
    SemevalSplit,
    carve_validation,
    is_ptc_article,
    label_inventory,
    load_split,
    load_splits,
    paragraph_offsets,
)

pytestmark = pytest.mark.data

# lang: (ST1 labels, ST2 labels, ST3 articles, paragraphs, paragraphs with a technique, spans)
MANIFEST_TRAIN = {
    "en": (433, 433, 446, 9498, 3760, 7201),
    "fr": (157, 158, 158, 2259, 1693, 5595),
    "ge": (132, 132, 132, 1555, 1252, 4501),
    "it": (226, 227, 227, 2623, 1745, 6027),
    "po": (144, 145, 145, 2310, 1232, 2839),
    "ru": (142, 143, 143, 1962, 1245, 3399),
}
# Greedy constant-set micro-F1 on the full training split, from the notes' "Floors" table.
NOTES_TECHNIQUE_FLOOR = {
    "en": 0.236,
    "ru": 0.354,
    "fr": 0.315,
    "ge": 0.345,
    "it": 0.393,
    "po": 0.237,
}
NOTES_FRAME_FLOOR = {"en": 0.558, "ru": 0.379, "fr": 0.442, "ge": 0.538, "it": 0.479, "po": 0.570}


@pytest.fixture(scope="module")
def train(shared_data: Path) -> dict[str, SemevalSplit]:
    return load_splits(shared_data, "train")


def test_semeval_data_counts_match_the_manifest(train: dict[str, SemevalSplit]) -> None:
    assert set(train) == set(MANIFEST_TRAIN)
    for lang, expected in MANIFEST_TRAIN.items():
        split = train[lang]
        counts = (
            len(split.genre),
            len(split.frames),
            len({article_id for article_id, _ in split.paragraphs}),
            len(split.paragraphs),
            sum(1 for labels in split.paragraphs.values() if labels),
            sum(len(spans) for spans in split.spans.values()),
        )
        assert counts == expected, lang


def test_semeval_data_spans_sit_in_paragraphs_labelled_with_them(
    train: dict[str, SemevalSplit],
) -> None:
    for lang, split in train.items():
        for article_id, spans in split.spans.items():
            offsets = paragraph_offsets(split.articles[article_id])
            for technique, start, _ in spans:
                number = next(n for n, (s, e) in offsets.items() if s <= start < e)
                assert technique in split.paragraphs[(article_id, number)], (lang, article_id)


def test_semeval_data_floors_reproduce_the_notes(
    shared_data: Path, train: dict[str, SemevalSplit]
) -> None:
    inventory = label_inventory(shared_data)
    for lang, split in train.items():
        floors = learn_floors(split, inventory)
        assert floors.techniques is not None and floors.frames is not None
        techniques = constant_predictions(split.paragraphs, floors.techniques)
        frames = constant_predictions(split.frames, floors.frames)
        technique_f1 = multilabel_scores(split.paragraphs, techniques, inventory.techniques)
        frame_f1 = multilabel_scores(split.frames, frames, inventory.frames)
        assert round(technique_f1.micro_f1, 3) == NOTES_TECHNIQUE_FLOOR[lang], lang
        assert round(frame_f1.micro_f1, 3) == NOTES_FRAME_FLOOR[lang], lang
    assert learn_floors(train["en"], inventory).techniques == ("Loaded_Language",)


def test_semeval_data_floor_agrees_with_sklearn(
    shared_data: Path, train: dict[str, SemevalSplit]
) -> None:
    metrics = pytest.importorskip("sklearn.metrics")
    preprocessing = pytest.importorskip("sklearn.preprocessing")
    inventory = label_inventory(shared_data)
    split = train["ru"]
    pred = constant_predictions(split.paragraphs, ["Loaded_Language", "Doubt", "Slogans"])
    binariser = preprocessing.MultiLabelBinarizer()
    binariser.fit([inventory.techniques])
    y_true = binariser.transform([split.paragraphs[k] for k in split.paragraphs])
    y_pred = binariser.transform([pred[k] for k in split.paragraphs])

    ours = multilabel_scores(split.paragraphs, pred, inventory.techniques)

    for average, value in (("micro", ours.micro_f1), ("macro", ours.macro_f1)):
        expected = metrics.f1_score(y_true, y_pred, average=average, zero_division=1)
        assert value == pytest.approx(expected)


def test_semeval_data_validation_carve(train: dict[str, SemevalSplit]) -> None:
    validation = carve_validation(train)

    assert validation == carve_validation(train)
    for lang, ids in validation.items():
        articles = train[lang].article_ids()
        assert abs(len(ids) - 0.15 * len(articles)) <= 3, lang
        assert ids <= set(articles)
    fresh = [i for i in validation["en"] if not is_ptc_article("en", i)]
    assert 7 <= len(fresh) <= 11  # about 15% of the 63 English 2022 articles


def test_semeval_data_unlabelled_test_split(shared_data: Path) -> None:
    split = load_split(shared_data, "ka", "test")

    assert split.labelled == frozenset()
    assert len(split.articles) == 29
    assert len(split.paragraphs) == 162
