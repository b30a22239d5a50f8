"""Pipeline.pipe: batches in order, with a preparing component's work done ahead of time."""

from __future__ import annotations

import threading

from presslens.document import Article
from presslens.pipeline import Pipeline, Preparing


def _article(i: int) -> Article:
    return Article(text=f"Article number {i}.")


class _Mark:
    """A plain component: appends its name to every article's warnings."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            article.warnings.append(self.name)
        return articles


class _Prepared(_Mark):
    """A preparing component that records on which thread each step ran."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.prepared_on: set[str] = set()

    def __call__(self, articles: list[Article]) -> list[Article]:
        return self.finish(articles, self.prepare(articles))

    def prepare(self, articles: list[Article]) -> list[str]:
        self.prepared_on.add(threading.current_thread().name)
        return [f"{self.name}:{a.text.split()[-1]}" for a in articles]

    def finish(self, articles: list[Article], prepared: list[str]) -> list[Article]:
        for article, note in zip(articles, prepared, strict=True):
            article.warnings.append(note)
        return articles


def test_a_component_with_prepare_and_finish_is_preparing() -> None:
    assert isinstance(_Prepared("p"), Preparing)
    assert not isinstance(_Mark("m"), Preparing)


def test_pipe_keeps_order_and_gives_what_calling_gives() -> None:
    stages = [_Mark("a"), _Prepared("b"), _Mark("c")]
    piped = list(Pipeline(stages).pipe((_article(i) for i in range(23)), batch_size=5))
    called = Pipeline(stages)([_article(i) for i in range(23)])
    assert [a.text for a in piped] == [f"Article number {i}." for i in range(23)]
    assert [a.warnings for a in piped] == [a.warnings for a in called]
    assert piped[7].warnings == ["a", "b:7.", "c"]


def test_preparing_runs_apart_from_the_caller() -> None:
    preparing = _Prepared("b")
    list(Pipeline([_Mark("a"), preparing]).pipe((_article(i) for i in range(9)), batch_size=2))
    assert threading.current_thread().name not in preparing.prepared_on


def test_pipe_without_preparing_components_and_without_articles() -> None:
    assert [a.warnings for a in Pipeline([_Mark("a")]).pipe(iter([_article(1)]))] == [["a"]]
    assert list(Pipeline([_Prepared("b")]).pipe(iter([]))) == []
