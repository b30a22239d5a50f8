"""Components in order: read → segment → analyse, one batch of articles at a time.

A component is any callable that takes a list of :class:`Article` and returns the same list
with its findings added (as spaCy's pipes do with Docs). A pipeline is an ordered list of them;
slow start-up work (loading models) happens once, when the pipeline is built.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Protocol

from presslens.document import Article


class Component(Protocol):
    name: str

    def __call__(self, articles: list[Article]) -> list[Article]: ...


def _segmenter() -> Component:
    from presslens.segment import Segmenter

    return Segmenter()


def _persuasion() -> Component:
    from presslens.persuasion.component import PersuasionAnalyzer

    return PersuasionAnalyzer.load()


def _events() -> Component:
    from presslens.events import EventExtractor

    return EventExtractor()


#: Every component presslens knows, in pipeline order.
FACTORIES: dict[str, Callable[[], Component]] = {
    "segment": _segmenter,
    "persuasion": _persuasion,
    "events": _events,
}
DEFAULT_COMPONENTS = ("segment", "persuasion", "events")


class Pipeline:
    """An ordered list of components, run over batches of articles."""

    def __init__(self, components: Sequence[Component]) -> None:
        self.components = list(components)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def __call__(self, articles: list[Article]) -> list[Article]:
        for component in self.components:
            articles = component(articles)
        return articles

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Article]:
        """Analyse a stream of articles in batches, keeping their order."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self(batch)
                batch = []
        if batch:
            yield from self(batch)


@functools.cache
def load_pipeline(components: tuple[str, ...] = DEFAULT_COMPONENTS) -> Pipeline:
    """Build (once per process) a pipeline of the named components."""
    unknown = [name for name in components if name not in FACTORIES]
    if unknown:
        raise ValueError(f"unknown component(s) {unknown}; choose from {list(FACTORIES)}")
    return Pipeline([FACTORIES[name]() for name in components])


def analyze(
    text: str,
    *,
    title: str | None = None,
    published: dt.date | str | None = None,
    language: str | None = None,
    components: tuple[str, ...] = DEFAULT_COMPONENTS,
) -> dict[str, Any]:
    """Analyse one article given as text; return the JSON analysis (docs/schema.md).

    ``text`` follows the plain-text rules of ``presslens analyze``: a first line followed by a
    blank line is the title, and every line break ends a paragraph. Offsets index ``text``.
    """
    from presslens.read import article_from_text
    from presslens.serialize import article_to_dict

    article = article_from_text(text, title=title, published=published, language=language)
    (analysed,) = load_pipeline(components)([article])
    return article_to_dict(analysed)
