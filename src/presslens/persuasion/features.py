"""Features for the paragraph- and article-level classifiers, shared by training and analysis.

One function builds them for both, so the model never sees features at analysis time that
were computed differently when it was trained.

A paragraph is described by its own embedding and its context: the article's mean embedding,
its neighbours, the title, the language and a few surface cues (position, length, quotes,
exclamation and question marks). Context matters: whether a sentence is Doubt or Appeal to
Authority often depends on what the article around it argues.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from presslens import embed
from presslens.document import Article
from presslens.embed import DIM

#: Languages with a one-hot feature (the training languages, ISO 639-1).
LANGUAGES = ("en", "ru", "fr", "de", "it", "pl")
N_SURFACE = 6
PARAGRAPH_DIM = 4 * DIM + len(LANGUAGES) + N_SURFACE
#: Changes whenever the layout above changes, so an old model file is refused, not misread.
FEATURE_VERSION = 1


@dataclass(slots=True)
class ArticleInput:
    """What the features of one article are computed from."""

    paragraphs: Sequence[str]
    embeddings: np.ndarray
    title_embedding: np.ndarray | None
    language: str | None


def language_onehot(language: str | None) -> np.ndarray:
    """One-hot over the training languages; all zeros for any other language."""
    out = np.zeros(len(LANGUAGES), dtype=np.float32)
    if language in LANGUAGES:
        out[LANGUAGES.index(language)] = 1.0
    return out


def surface(text: str, position: float, is_first: bool) -> np.ndarray:
    """Cheap cues the encoder misses: where the paragraph is, how long, quoted, exclaimed."""
    return np.array(
        [
            position,
            float(is_first),
            np.log1p(len(text)) / 6.0,
            min(text.count('"') + text.count("«") + text.count("“"), 8) / 4.0,
            float("!" in text),
            float("?" in text),
        ],
        dtype=np.float32,
    )


def paragraph_features(article: ArticleInput) -> np.ndarray:
    """One row of :data:`PARAGRAPH_DIM` features per paragraph."""
    n = len(article.paragraphs)
    out = np.zeros((n, PARAGRAPH_DIM), dtype=np.float32)
    if n == 0:
        return out
    emb = article.embeddings
    mean = emb.mean(axis=0)
    title = article.title_embedding if article.title_embedding is not None else emb[0]
    padded = np.vstack([np.zeros((1, DIM), np.float32), emb, np.zeros((1, DIM), np.float32)])
    neighbours = (padded[:-2] + padded[2:]) / 2.0
    out[:, :DIM] = emb
    out[:, DIM : 2 * DIM] = mean
    out[:, 2 * DIM : 3 * DIM] = neighbours
    out[:, 3 * DIM : 4 * DIM] = title
    out[:, 4 * DIM : 4 * DIM + len(LANGUAGES)] = language_onehot(article.language)
    for i, text in enumerate(article.paragraphs):
        out[i, 4 * DIM + len(LANGUAGES) :] = surface(text, i / n, i == 0)
    return out


def article_features(
    article: ArticleInput, paragraph_rows: np.ndarray, technique_probs: np.ndarray
) -> np.ndarray:
    """Article-level features for frames and genre.

    Besides the mean embedding and the title, the article's technique profile (mean and max
    probability of each technique over its paragraphs) says much about genre: opinion pieces
    persuade far more than reports do.
    """
    n = len(article.paragraphs)
    emb = article.embeddings
    title = article.title_embedding if article.title_embedding is not None else emb[0]
    surface_mean = paragraph_rows[:, 4 * DIM + len(LANGUAGES) :].mean(axis=0)
    return np.concatenate(
        [
            emb.mean(axis=0),
            title,
            language_onehot(article.language),
            [np.log1p(n) / 4.0],
            surface_mean,
            technique_probs.mean(axis=0),
            technique_probs.max(axis=0),
        ]
    ).astype(np.float32)


def embed_articles(
    articles: Sequence[Article], encode: Callable[[Sequence[str]], np.ndarray] | None = None
) -> list[ArticleInput]:
    """Embed the paragraphs (and separate titles) of a batch of articles in one encoder call.

    One call for the whole batch lets the encoder sort all texts by length and pad little.
    """
    texts: list[str] = []
    for article in articles:
        texts.extend(article.slice(p.span) for p in article.paragraphs)
        if _separate_title(article):
            texts.append(article.title or "")
    vectors = (encode or embed.encode)(texts)
    inputs, row = [], 0
    for article in articles:
        n = len(article.paragraphs)
        title = None
        if _separate_title(article):
            title = vectors[row + n]
        inputs.append(
            ArticleInput(
                paragraphs=texts[row : row + n],
                embeddings=vectors[row : row + n],
                title_embedding=title,
                language=article.language,
            )
        )
        row += n + (title is not None)
    return inputs


def _separate_title(article: Article) -> bool:
    """A title given apart from the text (JSONL, HTML metadata) is embedded on its own."""
    return bool(article.title) and article.title_span is None
