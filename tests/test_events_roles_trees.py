"""The role tagger's boosted entity trees: the numpy evaluator, their export, the model file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from presslens.events.roles import (
    ENTITY_FEATURES,
    ROLES,
    Decoding,
    EntityScorer,
    Lexicon,
    RoleTagger,
    candidates,
    default_tagger,
    forest_rows,
)
from presslens.events.roles_features import tokenize
from presslens.events.roles_trees import Forest

_TEXT = "the mayor's car was hit by a bomb. the owls said the bomb was theirs."


def _stump_pair() -> Forest:
    """Tree 0 splits feature 0 at 0.5 (-1 / +1); tree 1 is a single leaf worth 0.25."""
    return Forest(
        feature=np.array([0, 0, 0, 0]),
        threshold=np.array([0.5, 0.0, 0.0, 0.0]),
        left=np.array([1, -1, -1, -1]),
        right=np.array([2, -1, -1, -1]),
        value=np.array([0.0, -1.0, 1.0, 0.25]),
        roots=np.array([0, 3]),
        baseline=0.5,
    )


def test_roles_trees_sum_the_leaves_each_row_reaches() -> None:
    rows = np.array([[0.2, 9.0], [0.5, 9.0], [0.7, -9.0]])
    assert np.allclose(_stump_pair().decision(rows), [-0.25, -0.25, 1.75])
    assert _stump_pair().decision(np.zeros((0, 2))).shape == (0,)


def test_roles_trees_exported_from_sklearn_learn_an_interaction() -> None:
    pytest.importorskip("sklearn")
    from presslens.events.roles_train import fit_forest

    generator = np.random.default_rng(0)
    rows = generator.uniform(-1, 1, size=(4000, 3))
    labels = (rows[:, 0] > 0) != (rows[:, 1] > 0)  # no linear model can fit this
    forest = fit_forest(rows, labels)  # raises if the export disagrees with sklearn
    probe = np.array([[0.5, 0.5, 0.0], [-0.5, 0.5, 0.0], [0.5, -0.5, 0.0], [-0.5, -0.5, 0.0]])
    assert list(forest.decision(probe) > 0) == [False, True, True, False]


def _scorer(forest: Forest | None) -> EntityScorer:
    weights = np.zeros((len(ROLES), len(ENTITY_FEATURES)))
    weights[:, ENTITY_FEATURES.index("mean")] = 1.0
    return EntityScorer(weights, np.zeros(len(ROLES)), Lexicon.count([], np.zeros(0, bool)), forest)


def test_roles_scorer_averages_the_regression_and_the_trees() -> None:
    tokens = tokenize(_TEXT)
    probabilities = np.full((len(tokens.words), len(ROLES)), 0.05)
    probabilities[7] = 0.9  # "bomb"
    found = candidates(tokens, probabilities)
    linear = _scorer(None).scores(found)
    # A forest that always says log-odds 0 (probability one half).
    flat = Forest(*(np.zeros(1, dtype=int),) * 2, np.array([-1]), np.array([-1]), np.zeros(1),
                  np.zeros(1, dtype=int), 0.0)  # fmt: skip
    assert np.allclose(_scorer(flat).scores(found), (linear + 0.5) / 2)


def test_roles_model_file_round_trips_the_trees(tmp_path: Path) -> None:
    bits = 4
    weights = np.arange(16 * len(ROLES), dtype=np.float16).reshape(16, len(ROLES)) / 100
    forest = Forest(
        feature=np.array([len(ROLES) + ENTITY_FEATURES.index("words"), 0, 0]),
        threshold=np.array([1.5, 0.0, 0.0]),
        left=np.array([1, -1, -1]),
        right=np.array([2, -1, -1]),
        value=np.array([0.0, 2.0, -2.0]),
        roots=np.array([0]),
        baseline=0.0,
    )
    tagger = RoleTagger(
        weights, np.zeros(len(ROLES)), _scorer(forest), Decoding((0.3,) * 5, (2,) * 5), bits
    )
    tagger.save(tmp_path / "roles.npz")
    loaded = RoleTagger.load(tmp_path / "roles.npz")
    assert loaded.scorer.forest is not None
    assert np.array_equal(loaded.scorer.forest.left, forest.left)
    tokens = tokenize(_TEXT)
    found = candidates(tokens, tagger.probabilities(tokens))
    assert np.allclose(loaded.scorer.scores(found), tagger.scorer.scores(found))
    assert loaded.fillers(_TEXT) == tagger.fillers(_TEXT)


def test_roles_forest_rows_put_the_role_first() -> None:
    rows = forest_rows(np.array([[7.0, 8.0], [9.0, 1.0]]), np.array([4, 0]))
    assert rows.tolist() == [[0, 0, 0, 0, 1, 7, 8], [1, 0, 0, 0, 0, 9, 1]]


def test_roles_shipped_model_answers_for_a_russian_story() -> None:
    """The tagger knows Spanish-American wire English only; other text must not break it."""
    text = "Вчера в Москве взорвалась бомба. Полиция задержала двух подозреваемых."
    fillers = default_tagger().fillers(text)
    assert set(fillers) == set(ROLES)
    for found in fillers.values():
        for filler in found:
            assert text[filler.start : filler.end] == filler.text
