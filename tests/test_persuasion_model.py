"""The model file: round trip, refusal of foreign files, per-language thresholds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from presslens.errors import ModelError
from presslens.persuasion.features import PARAGRAPH_DIM
from presslens.persuasion.model import MultiLabelHead, PersuasionModel, SoftmaxHead


def _model(rng: np.random.Generator) -> PersuasionModel:
    techniques = MultiLabelHead(
        ("A", "B"),
        rng.normal(size=(PARAGRAPH_DIM, 2)).astype(np.float32),
        np.zeros(2),
        np.array([0.5, 0.5]),
        {"ru": np.array([0.2, 0.9])},
    )
    frames = MultiLabelHead(("F",), rng.normal(size=(10, 1)), np.zeros(1), np.array([0.5]))
    genre = SoftmaxHead(("opinion", "reporting", "satire"), rng.normal(size=(10, 3)), np.zeros(3))
    return PersuasionModel(techniques, frames, genre, {"seed": 1})


def test_model_round_trip_keeps_scores_and_thresholds(tmp_path: Path) -> None:
    model = _model(np.random.default_rng(0))
    model.save(tmp_path / "m.npz")

    loaded = PersuasionModel.load(tmp_path / "m.npz")

    x = np.random.default_rng(1).normal(size=(3, PARAGRAPH_DIM)).astype(np.float32)
    # weights are stored as float16: scores agree to a few decimals
    assert np.allclose(loaded.techniques.scores(x), model.techniques.scores(x), atol=2e-2)
    assert loaded.techniques.by_language["ru"].tolist() == pytest.approx([0.2, 0.9])
    assert loaded.genre.labels == ("opinion", "reporting", "satire")
    assert loaded.meta["seed"] == 1


def test_model_thresholds_fall_back_to_pooled_for_other_languages() -> None:
    head = _model(np.random.default_rng(0)).techniques
    scores = np.array([[0.3, 0.6]])

    assert head.decide(scores, "ru").tolist() == [[True, False]]
    assert head.decide(scores, "xx").tolist() == [[False, True]]
    assert head.decide(scores, None).tolist() == [[False, True]]


def test_model_missing_or_foreign_file_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="presslens train"):
        PersuasionModel.load(tmp_path / "none.npz")
    (tmp_path / "bad.npz").write_bytes(b"not a zip")
    with pytest.raises(ModelError, match="unreadable"):
        PersuasionModel.load(tmp_path / "bad.npz")
