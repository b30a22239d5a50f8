"""The one object every stage reads and adds to.

An :class:`Article` holds the original text, unchanged. Paragraphs, sentences and every
finding are character ranges (``start``, ``end``; end exclusive, Python string indices) into
``Article.text``, so a reader can always check the evidence against the words it points at.
Components never copy text; they add findings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A character range ``[start, end)`` into :attr:`Article.text`."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def overlap(self, other: Span) -> int:
        """Number of characters shared with ``other``."""
        return max(0, min(self.end, other.end) - max(self.start, other.start))

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Evidence:
    """Words that carry a finding, with how sure the model is that they do."""

    span: Span
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "score": round(self.score, 4)}


@dataclass(slots=True)
class TechniqueFinding:
    """One persuasion technique found in one paragraph."""

    label: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Paragraph:
    """A paragraph: its range, its sentences and the techniques found in it.

    ``is_title`` marks the title line of a plain-text article, which the training data also
    treats as a paragraph of its own.
    """

    span: Span
    sentences: list[Span] = field(default_factory=list)
    is_title: bool = False
    techniques: list[TechniqueFinding] = field(default_factory=list)
    technique_scores: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class LabelScore:
    label: str
    score: float


@dataclass(slots=True)
class Article:
    """An article as read, plus everything the pipeline found in it.

    ``text`` is the text as given (for a ``.txt`` file, the file's text); ``title`` is the
    title string and ``title_span`` its range in ``text`` when the title is part of it.
    """

    text: str
    title: str | None = None
    title_span: Span | None = None
    source: str | None = None
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language_hint: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    language: str | None = None
    language_score: float = 0.0
    best_effort: bool = False
    warnings: list[str] = field(default_factory=list)
    genre: LabelScore | None = None
    genre_scores: dict[str, float] = field(default_factory=dict)
    frames: list[LabelScore] = field(default_factory=list)
    frame_scores: dict[str, float] = field(default_factory=dict)
    events: list[Any] = field(default_factory=list)
    features: dict[str, Any] = field(default_factory=dict, repr=False)

    def slice(self, span: Span) -> str:
        """The words a span points at."""
        return self.text[span.start : span.end]

    @property
    def body_paragraphs(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if not p.is_title]
