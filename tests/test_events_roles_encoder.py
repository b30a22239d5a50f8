"""The fine-tuned role encoder: BERT's word pieces, the windows of a long document, the forward
pass in numpy."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from presslens.errors import ModelError
from presslens.events.roles import ROLES
from presslens.events.roles_encoder import (
    WINDOW,
    WordPieces,
    default_encoder,
    window_of_piece,
    window_starts,
)
from presslens.events.roles_features import tokenize
from presslens.events.roles_train import encoder_probabilities


def _pieces(words: list[str]) -> list[str]:
    pieces = WordPieces.load()
    vocabulary = {i: p for p, i in pieces.ids.items()}
    ids, _ = pieces.word_pieces(words)
    return [vocabulary[int(i)] for i in ids]


def test_word_pieces_are_bert_uncased_ones() -> None:
    # Lowercased, accents stripped, punctuation split off, unknown words cut into pieces.
    assert _pieces(["U.S.", "Bogotá", "arce", "東京"]) == [
        "u",
        ".",
        "s",
        ".",
        "bogota",
        "arc",
        "##e",
        "東",
        "京",
    ]


def test_each_word_is_read_at_its_first_piece() -> None:
    ids, firsts = WordPieces.load().word_pieces(["the", "u.s.", "embassy", ""])
    assert firsts.tolist() == [0, 1, 5, 6]
    assert len(ids) == 7  # an empty word still has a piece, [UNK]


def test_long_documents_are_read_in_overlapping_windows_from_their_most_central_one() -> None:
    width = WINDOW - 2
    assert window_starts(width) == [0]
    starts = window_starts(width + 90)
    assert starts[0] == 0 and starts[-1] == 90
    window, position = window_of_piece(width + 90, starts)
    assert position.min() >= 1 and position.max() <= width
    assert window[0] == 0 and window[-1] == len(starts) - 1
    # A piece in the overlap comes from the window where it stands farther from an edge.
    assert window[100] == 0 and window[width - 5] == 1


def test_shipped_encoder_reads_roles_from_the_passage() -> None:
    words = [
        "urban",
        "guerrillas",
        "attacked",
        "the",
        "us",
        "embassy",
        "in",
        "lima",
        "with",
        "dynamite",
        ".",
    ]
    probabilities = default_encoder().probabilities(words)
    assert probabilities.shape == (len(words), len(ROLES))
    assert np.all(probabilities >= 0)
    assert np.all(probabilities.sum(axis=1) <= 1 + 1e-6)
    assert probabilities[words.index("dynamite")].argmax() == ROLES.index("Weapon")
    assert probabilities[words.index("embassy")].argmax() == ROLES.index("Target")


def test_shipped_encoder_gives_one_row_per_word_of_a_long_document() -> None:
    words = ("the soldiers found a bomb near the bridge ." * 120).split()
    probabilities = default_encoder().probabilities(words)
    assert probabilities.shape == (len(words), len(ROLES))
    assert default_encoder().probabilities([]).shape == (0, len(ROLES))


def test_role_training_refuses_encoder_probabilities_of_other_documents(tmp_path: Path) -> None:
    tokenized = [tokenize("the bomb exploded ."), tokenize("guerrillas attacked .")]
    with pytest.raises(ModelError, match="fine-tune the encoder first"):
        encoder_probabilities(tmp_path / "absent.npz", tokenized)
    path = tmp_path / "oof.npz"
    np.savez(path, probabilities=np.zeros((7, len(ROLES))), document_words=np.array([4, 3]))
    parts = encoder_probabilities(path, tokenized)
    assert [p.shape for p in parts] == [(4, len(ROLES)), (3, len(ROLES))]
    np.savez(path, probabilities=np.zeros((7, len(ROLES))), document_words=np.array([3, 4]))
    with pytest.raises(ModelError, match="other documents"):
        encoder_probabilities(path, tokenized)


def test_fine_tuned_weights_travel_as_4_bit_levels_within_half_a_step() -> None:
    from presslens.events.roles_encoder import GROUP, _dequantised
    from presslens.events.roles_encoder_train import _quantised

    matrix = np.random.default_rng(0).normal(size=(6, 384)).astype(np.float32)
    matrix[2] = 0.0  # a row of zeros keeps a usable scale
    stored = _quantised("classifier", matrix)
    assert stored["classifier.q4"].shape == (6, 192)  # two levels to a byte
    step = np.repeat(stored["classifier.scale"].astype(np.float32), GROUP, axis=1)
    error = np.abs(_dequantised(stored, "classifier") - matrix)
    assert np.all(error <= step / 2 + 1e-6)
    assert np.all(_dequantised(stored, "classifier")[2] == 0.0)


def test_fine_tuning_refuses_base_weights_that_are_not_minilm(tmp_path: Path) -> None:
    from presslens.events.roles_encoder_train import read_base

    path = tmp_path / "model.safetensors"
    path.write_bytes(b"\x02\x00\x00\x00\x00\x00\x00\x00{}")
    with pytest.raises(SystemExit, match="sha256 differs"):
        read_base(path)
