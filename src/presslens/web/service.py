"""What every handler shares: the store, and an analyser that is loaded once and run serially."""

from __future__ import annotations

import threading
from collections.abc import Callable

from presslens.document import Article
from presslens.store import Store

Analyzer = Callable[[list[Article]], list[Article]]


class Service:
    """The store plus the analyser; the pipeline loads on the first analysis, not at start-up.

    Analyses run one at a time: the models are not known to be thread-safe, and on a laptop's
    two cores parallel analyses would only compete for them.
    """

    def __init__(self, store: Store, *, analyze_batch: Analyzer | None = None) -> None:
        self.store = store
        self._analyze = analyze_batch
        self._lock = threading.Lock()

    def analyze(self, articles: list[Article]) -> list[Article]:
        with self._lock:
            return self.analyzer()(articles)

    def analyzer(self) -> Analyzer:
        """The analyser, loading the default pipeline the first time it is needed."""
        if self._analyze is None:
            from presslens.pipeline import load_pipeline

            self._analyze = load_pipeline()
        return self._analyze
