"""Pipeline component: genre, frames and persuasion techniques with their evidence.

For a batch of segmented articles it embeds every paragraph in one encoder call, scores each
paragraph for the 23 techniques, then scores the article for frames and genre from its
embeddings and its technique profile, and finally asks the evidence tagger which words carry
each technique found.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from presslens.document import Article, Evidence, LabelScore, Span, TechniqueFinding
from presslens.persuasion.features import (
    ArticleInput,
    article_features,
    embed_articles,
    paragraph_features,
)
from presslens.persuasion.model import PersuasionModel


@dataclass(slots=True)
class Scores:
    """Raw scores for one article, before they are written onto it."""

    techniques: np.ndarray
    frames: np.ndarray
    genre: np.ndarray


class PersuasionAnalyzer:
    """Adds genre, frames and per-paragraph techniques (with evidence) to articles."""

    name = "persuasion"

    def __init__(self, model: PersuasionModel, evidence: EvidenceFinder | None = None) -> None:
        self.model = model
        self.evidence = evidence

    @classmethod
    def load(cls, folder: Path | None = None, *, with_evidence: bool = True) -> PersuasionAnalyzer:
        """The shipped models, or those in ``folder`` (persuasion.npz, evidence.npz)."""
        evidence = None
        if with_evidence:
            from presslens.persuasion.evidence import EvidenceTagger

            evidence = EvidenceTagger.load(folder / "evidence.npz" if folder else None)
        return cls(PersuasionModel.load(folder / "persuasion.npz" if folder else None), evidence)

    def score(self, inputs: list[ArticleInput]) -> list[Scores]:
        """Scores for articles already embedded (training reuses this to evaluate)."""
        out = []
        for item in inputs:
            rows = paragraph_features(item)
            techniques = self.model.techniques.scores(rows)
            features = article_features(item, rows, techniques)[None, :]
            out.append(
                Scores(
                    techniques=techniques,
                    frames=self.model.frames.scores(features)[0],
                    genre=self.model.genre.scores(features)[0],
                )
            )
        return out

    def __call__(self, articles: list[Article]) -> list[Article]:
        return self.finish(articles, self.prepare(articles))

    def prepare(self, articles: list[Article]) -> list[ArticleInput]:
        """Embed the paragraphs: the slow part, which a pipeline runs on a worker thread."""
        return embed_articles([a for a in articles if a.paragraphs])

    def finish(self, articles: list[Article], prepared: list[ArticleInput]) -> list[Article]:
        """Score and annotate the articles that :meth:`prepare` embedded."""
        todo = [a for a in articles if a.paragraphs]
        for article, scores in zip(todo, self.score(prepared), strict=True):
            self.annotate(article, scores)
        return articles

    def annotate(self, article: Article, scores: Scores) -> None:
        """Write decisions and scores onto the article."""
        model = self.model
        genre = int(np.argmax(scores.genre))
        article.genre = LabelScore(model.genre.labels[genre], float(scores.genre[genre]))
        article.genre_scores = dict(zip(model.genre.labels, map(float, scores.genre), strict=True))
        article.frame_scores = dict(
            zip(model.frames.labels, map(float, scores.frames), strict=True)
        )
        chosen = model.frames.decide(scores.frames)
        article.frames = sorted(
            (
                LabelScore(label, float(s))
                for label, s, c in zip(model.frames.labels, scores.frames, chosen, strict=True)
                if c
            ),
            key=lambda f: -f.score,
        )
        decisions = model.techniques.decide(scores.techniques, article.language)
        for paragraph, row, decided in zip(
            article.paragraphs, scores.techniques, decisions, strict=True
        ):
            paragraph.technique_scores = dict(
                zip(model.techniques.labels, map(float, row), strict=True)
            )
            paragraph.techniques = [
                TechniqueFinding(
                    label, float(score), self._evidence(article, paragraph.span, label)
                )
                for label, score, d in sorted(
                    zip(model.techniques.labels, row, decided, strict=True), key=lambda x: -x[1]
                )
                if d
            ]

    def _evidence(self, article: Article, span: Span, label: str) -> list[Evidence]:
        if self.evidence is None:
            return []
        return [
            Evidence(Span(start, end), score)
            for start, end, score in self.evidence.predict(
                article.text, span.start, span.end, label
            )
        ]


class EvidenceFinder(Protocol):
    """What the analyzer needs of an evidence tagger (see persuasion/evidence.py)."""

    def predict(
        self, text: str, start: int, end: int, technique: str
    ) -> list[tuple[int, int, float]]: ...
