"""Analyse many articles and store them: idempotent, resumable, one transaction per article.

    >>> from presslens.ingest import ingest
    >>> from presslens.store import Store
    >>> report = ingest(["feeds/", "more.jsonl"], Store("presslens.db"))
    >>> report.added, report.duplicates, report.failures

How a run goes: every input is read and keyed (URL, normalised content hash) first; articles
already stored are skipped *before* analysis, so a rerun after Ctrl-C or a kill only analyses
what is missing. The rest is analysed in batches and each article is committed on its own, so an
interruption loses at most the batch in flight and never leaves half an article. A bad input is
recorded in the report and the run goes on.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presslens.document import Article
from presslens.errors import InputError, ModelError, PresslensError
from presslens.ingest.feeds import is_feed, read_feed
from presslens.serialize import article_to_dict
from presslens.store import AddResult, Store, content_hash

#: Anything that analyses a batch of articles in place: the pipeline, or a stand-in in tests.
Analyzer = Callable[[list[Article]], list[Article]]
#: Called after every stored batch with (articles analysed so far, articles to analyse).
ProgressHook = Callable[[int, int], None]

#: Articles analysed together: big enough for the encoder's batching, small enough that an
#: interruption loses little work.
DEFAULT_BATCH_SIZE = 16


@dataclass(frozen=True, slots=True)
class InputFailure:
    """One input that could not be read or analysed, and why.

    ``source`` names the article when it was read but failed analysis; a read error's message
    already names its file (and line).
    """

    source: str | None
    message: str


@dataclass(slots=True)
class IngestReport:
    """What a run did. Filled as it goes, so an interrupted run can still say what it stored."""

    added: int = 0
    updated: int = 0
    duplicates: int = 0
    failures: list[InputFailure] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)

    def record(self, result: AddResult) -> None:
        if result.status == "duplicate":
            self.duplicates += 1
            return
        self.ids.append(result.id)
        if result.status == "added":
            self.added += 1
        else:
            self.updated += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "duplicates": self.duplicates,
            "ids": list(self.ids),
            "errors": [{"source": f.source, "message": f.message} for f in self.failures],
        }


def read_inputs(
    paths: Sequence[str], *, language: str | None = None
) -> Iterator[Article | InputError]:
    """Articles from files, folders, JSONL and stdin (``presslens.read``) and saved feeds.

    Feed files — named, or found in a folder (hidden ones skipped, as ``presslens.read`` does)
    — are read by :mod:`.feeds`; everything else goes to :func:`presslens.read.iter_inputs` in
    the order given. ``language`` is a hint for articles that carry none.
    """
    from presslens.read import EXTENSIONS, iter_inputs

    for name in paths:
        path = Path(name)
        if name != "-" and path.is_file() and is_feed(path):
            yield from read_feed(path, language=language)
        elif path.is_dir():
            files = _visible_files(path)
            feeds = [p for p in files if is_feed(p)]
            if not feeds or any(p.suffix.lower() in EXTENSIONS for p in files):
                yield from iter_inputs([name], language=language)
            for feed in feeds:
                yield from read_feed(feed, language=language)
        else:
            yield from iter_inputs([name], language=language)


def _visible_files(folder: Path) -> list[Path]:
    """Files under ``folder`` in sorted order, skipping hidden files and folders."""
    found = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found += [Path(root, name) for name in sorted(files) if not name.startswith(".")]
    return found


def ingest(
    paths: Sequence[str],
    store: Store,
    *,
    language: str | None = None,
    analyze_batch: Analyzer | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: ProgressHook | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Read, analyse and store every article under ``paths``; see :func:`ingest_articles`."""
    return ingest_articles(
        read_inputs(paths, language=language),
        store,
        analyze_batch=analyze_batch,
        batch_size=batch_size,
        progress=progress,
        report=report,
    )


def ingest_articles(
    items: Iterable[Article | InputError],
    store: Store,
    *,
    analyze_batch: Analyzer | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: ProgressHook | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Analyse and store articles that are not stored yet; record bad inputs and go on.

    ``analyze_batch`` defaults to :func:`presslens.load_pipeline` (loaded only when something
    needs analysing). Pass ``report`` to keep what was done if the run is interrupted.
    """
    report = report if report is not None else IngestReport()
    pending = _new_articles(items, store, report)
    if progress:
        progress(0, len(pending))
    if not pending:
        return report
    if analyze_batch is None:
        from presslens.pipeline import load_pipeline

        analyze_batch = load_pipeline()
    total, done = len(pending), 0
    while pending:
        # popleft drops analysed articles as we go: the queue is the run's largest memory user.
        batch = [pending.popleft() for _ in range(min(batch_size, len(pending)))]
        for article in _analyse(batch, analyze_batch, report):
            report.record(store.add(article_to_dict(article)))
        done += len(batch)
        if progress:
            progress(done, total)
    return report


def _new_articles(
    items: Iterable[Article | InputError], store: Store, report: IngestReport
) -> deque[Article]:
    """Inputs not stored yet (and not repeated within this run), in input order."""
    pending: deque[Article] = deque()
    seen: set[str] = set()
    for item in items:
        if isinstance(item, InputError):
            report.failures.append(InputFailure(None, str(item)))
            continue
        digest = content_hash(item.title, item.text)
        if digest in seen or store.has_content(digest):
            report.duplicates += 1
            continue
        seen.add(digest)
        pending.append(item)
    return pending


def _analyse(batch: list[Article], analyze: Analyzer, report: IngestReport) -> list[Article]:
    """The batch analysed; if it fails, each article alone, so one bad input costs only itself.

    A ModelError is no article's fault (the models are missing or broken): it ends the run.
    """
    try:
        return analyze(batch)
    except ModelError:
        raise
    except PresslensError as exc:
        if len(batch) == 1:
            report.failures.append(InputFailure(_name(batch[0]), f"{type(exc).__name__}: {exc}"))
            return []
    return [done for article in batch for done in _analyse([article], analyze, report)]


def _name(article: Article) -> str:
    return article.source or article.url or article.id or (article.title or article.text)[:60]


__all__ = [
    "DEFAULT_BATCH_SIZE",
    "Analyzer",
    "IngestReport",
    "InputFailure",
    "ProgressHook",
    "ingest",
    "ingest_articles",
    "read_inputs",
]
