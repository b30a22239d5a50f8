"""What trivial rules score: the floor that every reported number stands beside.

Micro-F1 rewards predicting frequent labels everywhere, so a model only counts as having learnt
something when it beats the best *fixed* answer learnt on the training split:

* genre: the majority class;
* frames and techniques: the fixed label set, chosen greedily on the training rows, that
  maximises micro-F1 when predicted for every article (frames) or paragraph (techniques);
* technique spans: that fixed set again, each technique given its whole paragraph as span.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from presslens.errors import InputError
from presslens.evaluate.labels import LabelInventory
from presslens.evaluate.semeval import ParagraphKey, SemevalSplit, SpanTuple, paragraph_offsets

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class LanguageFloors:
    """The trivial answers learnt on one language's training split (None: no such gold)."""

    genre: str | None
    frames: tuple[str, ...] | None
    techniques: tuple[str, ...] | None


def majority_label(labels: Iterable[str]) -> str:
    """The most frequent label (ties go to the alphabetically first, so the result is stable)."""
    counts = Counter(labels)
    if not counts:
        raise InputError("no labels to learn a majority class from: the training split is empty")
    return min(counts, key=lambda label: (-counts[label], label))


def learn_constant_labels(
    gold_rows: Iterable[Collection[str]], labels: Sequence[str] | None = None
) -> list[str]:
    """The fixed label set that, predicted for every row, gives the highest micro-F1.

    Greedy, as the floor is defined: start from no label and add the one that raises micro-F1
    most, while it still rises. A label predicted everywhere is a false positive on every row
    that lacks it, so it helps only while the share of rows that have it exceeds half the
    current micro-F1. ``labels`` is the official list (gold labels outside it are ignored, as
    the official scorer ignores them); without it, the labels seen in the rows are candidates.
    Returns labels in the order chosen.
    """
    rows = [set(row) for row in gold_rows]
    valid = None if labels is None else set(labels)
    counts = Counter(label for row in rows for label in row if valid is None or label in valid)
    candidates = list(labels) if labels is not None else sorted(counts)
    n_rows, n_gold = len(rows), sum(counts.values())
    chosen: list[str] = []
    hits = 0
    best = _constant_micro_f1(0, 0, n_rows, n_gold)
    # For a set of a given size, micro-F1 grows with the gold count it covers, so the greedy
    # step always picks the most frequent remaining label (the stable sort keeps list order
    # on ties, so the result does not depend on hashing).
    for label in sorted(candidates, key=lambda x: -counts[x]):
        score = _constant_micro_f1(hits + counts[label], len(chosen) + 1, n_rows, n_gold)
        if score <= best:
            break
        chosen.append(label)
        hits += counts[label]
        best = score
    return chosen


def constant_predictions(keys: Iterable[K], labels: Iterable[str]) -> dict[K, set[str]]:
    """The same label set predicted for every key (article id or paragraph key)."""
    fixed = set(labels)
    return {key: set(fixed) for key in keys}


def paragraph_spans(
    paragraphs: Mapping[ParagraphKey, Collection[str]], articles: Mapping[str, str]
) -> dict[str, list[SpanTuple]]:
    """Each predicted (paragraph, technique) as a span over the whole paragraph's words.

    This is the span floor: evidence no narrower than the paragraph-level decision itself.
    """
    spans: dict[str, list[SpanTuple]] = {}
    offsets_by_article: dict[str, dict[int, tuple[int, int]]] = {}
    for (article_id, number), techniques in sorted(paragraphs.items()):
        if article_id not in articles:
            raise InputError(f"no text for article {article_id}, needed to place its paragraphs")
        if article_id not in offsets_by_article:
            offsets_by_article[article_id] = paragraph_offsets(articles[article_id])
        if not techniques:
            continue
        if number not in offsets_by_article[article_id]:
            raise InputError(f"article {article_id} has no non-blank line {number}")
        start, end = offsets_by_article[article_id][number]
        spans.setdefault(article_id, []).extend((t, start, end) for t in sorted(techniques))
    return spans


def learn_floors(train: SemevalSplit, inventory: LabelInventory | None = None) -> LanguageFloors:
    """Majority genre and greedy constant frame/technique sets of one training split."""
    inventory = inventory or LabelInventory()
    return LanguageFloors(
        genre=majority_label(train.genre.values()) if train.genre else None,
        frames=tuple(learn_constant_labels(train.frames.values(), inventory.frames))
        if "frames" in train.labelled
        else None,
        techniques=tuple(learn_constant_labels(train.paragraphs.values(), inventory.techniques))
        if "techniques" in train.labelled
        else None,
    )


def _constant_micro_f1(hits: int, size: int, n_rows: int, n_gold: int) -> float:
    """Micro-F1 of predicting ``size`` fixed labels on ``n_rows`` rows that hold ``n_gold`` labels.

    TP = hits, FP = n_rows * size - hits, FN = n_gold - hits, so 2TP + FP + FN = n_rows * size
    + n_gold; 0/0 is 1.0 as in the official scorer.
    """
    denominator = n_rows * size + n_gold
    return 2 * hits / denominator if denominator else 1.0


def perfect_evidence(
    paragraphs: Mapping[ParagraphKey, Collection[str]], gold: SemevalSplit
) -> dict[str, list[SpanTuple]]:
    """The best evidence any tagger could give for these (paragraph, technique) decisions.

    A correct decision gets exactly the gold spans of its technique that lie in its paragraph;
    a wrong one gets its whole paragraph (which earns nothing). Scoring this bounds what
    evidence can reach given the paragraph classifier's decisions: the span ceiling.
    """
    spans = paragraph_spans(
        {
            k: {t for t in v if t not in gold.paragraphs.get(k, set())}
            for k, v in paragraphs.items()
        },
        gold.articles,
    )
    offsets = {a: paragraph_offsets(text) for a, text in gold.articles.items()}
    for (article_id, number), techniques in paragraphs.items():
        start, end = offsets[article_id].get(number, (0, 0))
        for technique, s, e in gold.spans.get(article_id, []):
            if technique in techniques and s < end and e > start:
                spans.setdefault(article_id, []).append((technique, s, e))
    return spans
