"""The MUC-4 role tagger: tokens, features, decoding, the model file and the shipped model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from presslens.errors import ModelError
from presslens.evaluate.muc4 import MucDocument
from presslens.events.roles import ROLES, Decoding, RoleTagger, decode, default_tagger
from presslens.events.roles_features import tokenize
from presslens.events.roles_train import is_validation, token_labels

_TEXT = "the mayor's car was hit by a bomb. the owls said the bomb was theirs."


def _probabilities(n_tokens: int, values: dict[tuple[int, str], float]) -> np.ndarray:
    probabilities = np.zeros((n_tokens, len(ROLES)))
    for (token, role), value in values.items():
        probabilities[token, ROLES.index(role)] = value
    return probabilities


def test_roles_tokens_keep_offsets_and_split_the_possessive() -> None:
    text = "Major Roberto d'Aubuisson's M-16 (FMLN)."
    tokens = tokenize(text)
    assert tokens.words == ["major", "roberto", "d'aubuisson", "'s", "m-16", "(", "fmln", ")", "."]
    assert [text[s:e].lower() for s, e in tokens.offsets] == tokens.words
    assert len(tokens.features) == len(tokens.words)
    assert len({len(f) for f in tokens.features}) == 1


def test_roles_features_see_the_lexicons_and_the_context() -> None:
    same_word = [tokenize(t) for t in ("a bomb exploded.", "a bomb was defused.")]
    assert same_word[0].features[1] != same_word[1].features[1]
    assert tokenize("a bomb exploded.").features == tokenize("a bomb exploded.").features


def test_roles_decode_grows_a_confident_core_over_weaker_edges() -> None:
    text = "the farabundo marti front attacked."
    tokens = tokenize(text)
    probabilities = _probabilities(
        6, {(1, "PerpOrg"): 0.2, (2, "PerpOrg"): 0.9, (3, "PerpOrg"): 0.2, (0, "PerpOrg"): 0.3}
    )
    strict = decode(text, tokens, probabilities, Decoding((0.5,) * 5, (3,) * 5, 1.0))
    grown = decode(text, tokens, probabilities, Decoding((0.5,) * 5, (3,) * 5, 0.3))
    assert [f.text for f in strict["PerpOrg"]] == ["marti"]
    assert [f.text for f in grown["PerpOrg"]] == ["farabundo marti front"]


def test_roles_decode_keeps_one_phrase_per_entity_and_respects_limits() -> None:
    text = "guerrillas and urban guerrillas used a bomb , a rifle , a mortar ."
    tokens = tokenize(text)
    probabilities = _probabilities(
        len(tokens.words),
        {
            (0, "PerpInd"): 0.6,
            (2, "PerpInd"): 0.9,
            (3, "PerpInd"): 0.9,
            (6, "Weapon"): 0.9,
            (9, "Weapon"): 0.8,
            (12, "Weapon"): 0.7,
        },
    )
    found = decode(text, tokens, probabilities, Decoding((0.5,) * 5, (5, 5, 5, 5, 2), 1.0))
    assert [f.text for f in found["PerpInd"]] == ["urban guerrillas"]
    assert [f.text for f in found["Weapon"]] == ["bomb", "rifle"]
    assert found["Victim"] == []


def test_roles_model_file_round_trips_without_pickle(tmp_path: Path) -> None:
    weights = np.arange(16 * len(ROLES), dtype=np.float16).reshape(16, len(ROLES)) / 100
    tagger = RoleTagger(weights, np.zeros(len(ROLES)), Decoding((0.4,) * 5, (2,) * 5, 0.5), 4)
    tagger.save(tmp_path / "roles.npz")
    loaded = RoleTagger.load(tmp_path / "roles.npz")
    assert loaded.decoding == tagger.decoding
    assert np.array_equal(loaded.weights, weights)
    tokens = tokenize(_TEXT)
    assert np.allclose(loaded.probabilities(tokens), tagger.probabilities(tokens))


def test_roles_missing_or_stale_model_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="train it"):
        RoleTagger.load(tmp_path / "absent.npz")
    path = tmp_path / "stale.npz"
    RoleTagger(np.zeros((2, 5)), np.zeros(5), Decoding((0.5,) * 5, (1,) * 5), 1).save(path)
    with np.load(path) as data:
        arrays = dict(data)
    arrays["feature_version"] = np.int32(-1)
    np.savez(path, **arrays)
    with pytest.raises(ModelError, match="retrain"):
        RoleTagger.load(path)


def test_roles_training_labels_every_occurrence_of_a_gold_mention() -> None:
    start = _TEXT.index("bomb")
    document = MucDocument("D1", _TEXT, {}, (("Weapon", start, start + 4),))
    tokens = tokenize(_TEXT)
    labels = token_labels(document, tokens)
    tagged = [tokens.words[i] for i in np.flatnonzero(labels >= 0)]
    assert tagged == ["bomb", "bomb"]
    assert set(labels[labels >= 0]) == {ROLES.index("Weapon")}


def test_roles_validation_split_is_about_a_fifth() -> None:
    ids = [f"DEV-MUC3-{i:04d}" for i in range(1000)]
    assert 150 < sum(is_validation(i) for i in ids) < 250


def test_roles_shipped_model_finds_a_wire_story_fillers() -> None:
    text = (
        "urban guerrillas of the farabundo marti national liberation front (fmln) today "
        "exploded a car bomb outside the national telephone company building in san salvador. "
        "police said businessman jose antonio perez was killed in the attack."
    )
    found = default_tagger().fillers(text)
    assert any("bomb" in f.text for f in found["Weapon"])
    assert all(text[f.start : f.end] == f.text for fillers in found.values() for f in fillers)
    assert all(0.0 <= f.score <= 1.0 for fillers in found.values() for f in fillers)
