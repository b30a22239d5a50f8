"""Paragraph and article features: layout, context and one encoder call per batch."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from presslens.embed import DIM
from presslens.persuasion.features import (
    LANGUAGES,
    PARAGRAPH_DIM,
    ArticleInput,
    article_features,
    embed_articles,
    paragraph_features,
)
from presslens.read import article_from_text
from presslens.segment import split_paragraphs


def _fake_encode(calls: list[int]) -> object:
    def encode(texts: Sequence[str]) -> np.ndarray:
        calls.append(len(texts))
        return np.array([[len(t)] * DIM for t in texts], dtype=np.float32)

    return encode


def test_features_paragraph_rows_carry_context() -> None:
    emb = np.eye(3, DIM, dtype=np.float32)
    rows = paragraph_features(ArticleInput(["T", "a!", "b?"], emb, None, "ru"))

    assert rows.shape == (3, PARAGRAPH_DIM)
    assert np.allclose(rows[1, DIM : 2 * DIM], emb.mean(axis=0))  # article mean
    assert np.allclose(rows[1, 2 * DIM : 3 * DIM], (emb[0] + emb[2]) / 2)  # neighbours
    assert np.allclose(rows[2, 3 * DIM : 4 * DIM], emb[0])  # first paragraph stands for title
    assert rows[0, 4 * DIM + LANGUAGES.index("ru")] == 1.0


def test_features_article_vector_has_fixed_size() -> None:
    item = ArticleInput(["a", "b"], np.ones((2, DIM), np.float32), None, "xx")
    rows = paragraph_features(item)
    vector = article_features(item, rows, np.full((2, 23), 0.5))

    assert vector.shape == (2 * DIM + len(LANGUAGES) + 1 + 6 + 2 * 23,)
    assert not vector[2 * DIM : 2 * DIM + len(LANGUAGES)].any()  # unknown language: no one-hot


def test_features_embed_articles_batches_and_embeds_separate_titles() -> None:
    inline = article_from_text("Title here\n\nOne.\nTwo.")
    apart = article_from_text("Only body.", title="A headline")
    for article in (inline, apart):
        article.paragraphs = split_paragraphs(article)
    calls: list[int] = []

    inputs = embed_articles([inline, apart], _fake_encode(calls))  # type: ignore[arg-type]

    assert calls == [3 + 1 + 1]  # one call: 3 + 1 paragraphs and the separate title
    assert inputs[0].title_embedding is None
    assert inputs[1].title_embedding is not None and inputs[1].title_embedding[0] == 10
    assert inputs[1].paragraphs == ["Only body."]
