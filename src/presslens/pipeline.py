"""Components in order: read → segment → analyse, one batch of articles at a time.

A component is any callable that takes a list of :class:`Article` and returns the same list
with its findings added (as spaCy's pipes do with Docs). A pipeline is an ordered list of them;
slow start-up work (loading models) happens once, when the pipeline is built.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import islice
from typing import Any, Protocol, runtime_checkable

from presslens.document import Article


class Component(Protocol):
    name: str

    def __call__(self, articles: list[Article]) -> list[Article]: ...


@runtime_checkable
class Preparing(Protocol):
    """A component whose slow, GIL-free part can run apart from the rest.

    ``component(articles)`` must equal ``component.finish(articles, component.prepare(articles))``.
    :meth:`Pipeline.pipe` prepares the next batch on a worker thread while the current one
    finishes on the calling thread, so the encoder's matrix products (which release the GIL)
    overlap the pure-Python stages instead of waiting for them.
    """

    name: str

    def __call__(self, articles: list[Article]) -> list[Article]: ...

    def prepare(self, articles: list[Article]) -> Any: ...

    def finish(self, articles: list[Article], prepared: Any) -> list[Article]: ...


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
        return _run(self.components, articles)

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Article]:
        """Analyse a stream of articles in batches, keeping their order.

        With a :class:`Preparing` component, batch k+1 runs up to and through its ``prepare``
        on a worker thread while batch k runs through the rest on this one.
        """
        batches = _batches(articles, batch_size)
        split = self._split()
        if split is None:
            for batch in batches:
                yield from self(batch)
            return
        head, preparing, tail = split

        def front(batch: list[Article]) -> tuple[list[Article], Any]:
            batch = _run(head, batch)
            return batch, preparing.prepare(batch)

        def back(batch: list[Article], prepared: Any) -> list[Article]:
            return _run(tail, preparing.finish(batch, prepared))

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="presslens-prepare") as pool:
            pending: Future[tuple[list[Article], Any]] | None = None
            for batch in batches:
                ahead = pool.submit(front, batch)
                if pending is not None:
                    yield from back(*pending.result())
                pending = ahead
            if pending is not None:
                yield from back(*pending.result())

    def _split(self) -> tuple[list[Component], Preparing, list[Component]] | None:
        """The components before the first :class:`Preparing` one, it, and those after it."""
        for i, component in enumerate(self.components):
            if isinstance(component, Preparing):
                return self.components[:i], component, self.components[i + 1 :]
        return None


def _run(components: Sequence[Component], articles: list[Article]) -> list[Article]:
    """Run ``articles`` through ``components`` in order."""
    for component in components:
        articles = component(articles)
    return articles


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of ``size`` articles (the last one shorter)."""
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


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
